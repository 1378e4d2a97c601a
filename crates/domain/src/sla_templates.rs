//! Availability templates: what a specification or SLA should ask of a cloud service for each
//! availability level. Registration covers only part of availability; the rest is agreed per
//! procurement, and these templates are the starting point. The operator may replace them, so the
//! classification rule takes them as a parameter.

use crate::level::Level;
use crate::text::Bilingual;

/// One SLA item and what a given availability level asks of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlaItem {
    /// A stable code such as `monthly_availability`.
    pub item: String,
    pub title: Bilingual,
    pub requirement: Bilingual,
}

/// The SLA items asked for at each availability level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlaTemplates {
    low: Vec<SlaItem>,
    middle: Vec<SlaItem>,
    high: Vec<SlaItem>,
}

impl SlaTemplates {
    pub fn new(low: Vec<SlaItem>, middle: Vec<SlaItem>, high: Vec<SlaItem>) -> SlaTemplates {
        SlaTemplates { low, middle, high }
    }

    pub fn for_level(&self, level: Level) -> &[SlaItem] {
        match level.get() {
            1 => &self.low,
            2 => &self.middle,
            _ => &self.high,
        }
    }

    /// The templates shipped with the product.
    pub fn builtin() -> SlaTemplates {
        SlaTemplates::new(
            build(&[
                SERVICE_HOURS_BUSINESS,
                AVAILABILITY_99_0,
                BACKUP_DAILY_OFF_EQUIPMENT,
                NOTIFY_SAME_DAY,
                DESK_BUSINESS_HOURS,
                REPORT_QUARTERLY,
            ]),
            build(&[
                SERVICE_HOURS_ALWAYS,
                AVAILABILITY_99_5,
                RESPONSE_TIME_TARGET,
                BACKUP_DAILY_OTHER_SITE,
                RECOVERY_24H,
                NOTIFY_WITHIN_HOUR,
                DESK_BUSINESS_HOURS,
                EMERGENCY_DESK_NIGHTS,
                REPORT_MONTHLY,
            ]),
            build(&[
                SERVICE_HOURS_ALWAYS_PLANNED,
                AVAILABILITY_99_9,
                RESPONSE_TIME_MEASURED,
                BACKUP_HOURLY_OTHER_REGION,
                RECOVERY_2H,
                ALTERNATIVE_MEANS,
                NOTIFY_WITHIN_30_MIN,
                DESK_ALWAYS,
                EMERGENCY_DESK_ALWAYS,
                REPORT_MONTHLY_DETAILED,
                LOG_RETENTION_YEAR,
            ]),
        )
    }
}

/// (item, title ja, title en, requirement ja, requirement en)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

fn build(rows: &[Row]) -> Vec<SlaItem> {
    rows.iter()
        .map(|(item, title_ja, title_en, req_ja, req_en)| SlaItem {
            item: (*item).to_owned(),
            title: Bilingual::new(*title_ja, *title_en),
            requirement: Bilingual::new(*req_ja, *req_en),
        })
        .collect()
}

const SERVICE_HOURS_BUSINESS: Row = (
    "service_hours",
    "サービス提供時間",
    "Service hours",
    "提供する時間帯を明記し、計画停止は前もって知らせること。",
    "State the hours the service runs and announce planned stops beforehand.",
);
const SERVICE_HOURS_ALWAYS: Row = (
    "service_hours",
    "サービス提供時間",
    "Service hours",
    "計画停止を除き、終日・通年で提供すること。",
    "Run around the clock, all year, apart from announced planned stops.",
);
const SERVICE_HOURS_ALWAYS_PLANNED: Row = (
    "service_hours",
    "サービス提供時間",
    "Service hours",
    "終日・通年で提供し、計画停止は業務時間外に、2 週間以上前の予告のうえで行うこと。",
    "Run around the clock, all year; hold planned stops outside business hours with at least two weeks' notice.",
);
const AVAILABILITY_99_0: Row = (
    "monthly_availability",
    "月間稼働率",
    "Monthly availability",
    "月間稼働率の目標を示すこと（99.0% 以上を目安とする）。",
    "State a monthly availability target (99.0 % or better as a guide).",
);
const AVAILABILITY_99_5: Row = (
    "monthly_availability",
    "月間稼働率",
    "Monthly availability",
    "月間稼働率 99.5% 以上を約束し、下回った場合のサービスクレジットを定めること。",
    "Commit to 99.5 % monthly availability or better, with service credits when it falls short.",
);
const AVAILABILITY_99_9: Row = (
    "monthly_availability",
    "月間稼働率",
    "Monthly availability",
    "月間稼働率 99.9% 以上を約束し、影響を受けた利用者ごとの停止時間も報告すること。",
    "Commit to 99.9 % monthly availability or better, and report downtime per affected user as well.",
);
const RESPONSE_TIME_TARGET: Row = (
    "online_response_time",
    "オンライン応答時間",
    "Online response time",
    "通常の負荷での応答時間の目標を示すこと。",
    "State a response-time target under normal load.",
);
const RESPONSE_TIME_MEASURED: Row = (
    "online_response_time",
    "オンライン応答時間",
    "Online response time",
    "応答時間の目標を示し、実測値を毎月報告すること。",
    "State a response-time target and report the measured times every month.",
);
const BACKUP_DAILY_OFF_EQUIPMENT: Row = (
    "backup",
    "バックアップ",
    "Backup",
    "1 日 1 回以上バックアップし、複製を本番と別の機器に保管すること。",
    "Back up at least daily and keep the copy on equipment other than the production equipment.",
);
const BACKUP_DAILY_OTHER_SITE: Row = (
    "backup",
    "バックアップ",
    "Backup",
    "1 日 1 回以上、別の拠点にバックアップし、年 1 回以上は実際に復元して確かめること。",
    "Back up at least daily to another site, and prove a real restore at least once a year.",
);
const BACKUP_HOURLY_OTHER_REGION: Row = (
    "backup",
    "バックアップ",
    "Backup",
    "1 時間ごと以上の頻度で地理的に離れた地域へバックアップし、年 2 回以上復元を試験すること。",
    "Back up at least hourly to a geographically distant region, and test a restore at least twice a year.",
);
const RECOVERY_24H: Row = (
    "disaster_recovery",
    "災害時の復旧",
    "Disaster recovery",
    "災害時は 24 時間以内に再開し、失うデータは直近 24 時間分までとすること。",
    "After a disaster, resume within 24 hours and lose at most the last 24 hours of data.",
);
const RECOVERY_2H: Row = (
    "disaster_recovery",
    "災害時の復旧",
    "Disaster recovery",
    "災害時は 2 時間以内に再開し、失うデータは直近 1 時間分までとすること。",
    "After a disaster, resume within 2 hours and lose at most the last hour of data.",
);
const ALTERNATIVE_MEANS: Row = (
    "alternative_means",
    "重大障害時の代替手段",
    "Alternatives in a major failure",
    "縮退運転や代替サイトなど、重大障害時の代替手段を前もって決め、利用者と共有すること。",
    "Agree in advance on fallbacks for a major failure (degraded operation, a standby site) and share them with customers.",
);
const NOTIFY_SAME_DAY: Row = (
    "failure_notification",
    "障害の通知",
    "Failure notification",
    "障害が起きたら、その営業日のうちに利用者へ知らせること。",
    "Tell customers about a failure within the same business day.",
);
const NOTIFY_WITHIN_HOUR: Row = (
    "failure_notification",
    "障害の通知",
    "Failure notification",
    "障害を検知してから 1 時間以内に、影響範囲とともに利用者へ知らせること。",
    "Tell customers within an hour of detecting a failure, with its extent.",
);
const NOTIFY_WITHIN_30_MIN: Row = (
    "failure_notification",
    "障害の通知",
    "Failure notification",
    "障害を検知してから 30 分以内に知らせ、復旧まで 1 時間ごとに状況を更新すること。",
    "Tell customers within 30 minutes of detecting a failure and update them hourly until it is resolved.",
);
const DESK_BUSINESS_HOURS: Row = (
    "support_desk",
    "サポート窓口",
    "Support desk",
    "平日の業務時間に問い合わせ窓口を開き、連絡先を契約で特定すること。",
    "Open a support desk on weekdays during business hours, with contacts named in the contract.",
);
const DESK_ALWAYS: Row = (
    "support_desk",
    "サポート窓口",
    "Support desk",
    "問い合わせ窓口を終日・通年で開くこと。",
    "Keep the support desk open around the clock, all year.",
);
const EMERGENCY_DESK_NIGHTS: Row = (
    "emergency_support_desk",
    "緊急窓口",
    "Emergency desk",
    "夜間と休日も緊急の連絡を受け付けること。",
    "Accept emergency calls at night and on holidays too.",
);
const EMERGENCY_DESK_ALWAYS: Row = (
    "emergency_support_desk",
    "緊急窓口",
    "Emergency desk",
    "緊急連絡を終日・通年で受け付け、15 分以内に担当者が応答すること。",
    "Accept emergency calls around the clock, all year, with a person answering within 15 minutes.",
);
const REPORT_QUARTERLY: Row = (
    "service_reporting",
    "提供状況の報告",
    "Service reporting",
    "稼働状況を四半期ごとに報告すること。",
    "Report on availability every quarter.",
);
const REPORT_MONTHLY: Row = (
    "service_reporting",
    "提供状況の報告",
    "Service reporting",
    "稼働状況と障害を毎月報告すること。",
    "Report availability and failures every month.",
);
const REPORT_MONTHLY_DETAILED: Row = (
    "service_reporting",
    "提供状況の報告",
    "Service reporting",
    "稼働率、障害、応答時間、バックアップと復元試験の結果を毎月報告すること。",
    "Report availability, failures, response times and backup and restore-test results every month.",
);
const LOG_RETENTION_YEAR: Row = (
    "log_retention",
    "ログの保管",
    "Log retention",
    "障害や不正の調査に要るログを 1 年以上保管し、求めに応じて利用者に提供すること。",
    "Keep the logs needed to investigate failures and misuse for at least a year and hand them to customers on request.",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn higher_levels_ask_for_more() {
        let templates = SlaTemplates::builtin();
        let counts: Vec<usize> = Level::ALL
            .iter()
            .map(|level| templates.for_level(*level).len())
            .collect();
        assert_eq!(counts, vec![6, 9, 11]);
        for level in Level::ALL {
            let items = templates.for_level(level);
            let mut codes: Vec<&str> = items.iter().map(|i| i.item.as_str()).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(
                codes.len(),
                items.len(),
                "one entry per item at level {level}"
            );
            for item in items {
                assert!(!item.title.ja.is_empty() && !item.title.en.is_empty());
                assert!(!item.requirement.ja.is_empty() && !item.requirement.en.is_empty());
            }
        }
    }
}
