use shinrai_domain::availability::Availability;
use shinrai_domain::text::Lang;

use super::{Text, grouped, percent};

pub(super) fn render(answer: &Availability, out: &mut Text) {
    out.field(
        "ユーザ時間",
        "User-minutes",
        match out.lang {
            Lang::Ja => format!(
                "{} 分（利用者 {} 人 × {} 日）",
                grouped(answer.user_minutes),
                grouped(answer.users),
                answer.days
            ),
            Lang::En => format!(
                "{} ({} users × {} days)",
                grouped(answer.user_minutes),
                grouped(answer.users),
                answer.days
            ),
        },
    );
    out.field(
        "ダウンタイム",
        "Downtime",
        format!(
            "{} {}",
            grouped(answer.downtime_user_minutes),
            out.pick("分（利用者 × 分）", "user-minutes")
        ),
    );
    out.field(
        "月間稼働率",
        "Monthly availability",
        percent(answer.availability_percent),
    );
    out.field(
        "サービスクレジット",
        "Service credit",
        if answer.credit_percent == 0 {
            out.pick("なし", "none").to_owned()
        } else {
            format!("{} %", answer.credit_percent)
        },
    );
    out.field(
        "全利用者に影響したと仮定した稼働率",
        "Had every outage hit every user",
        percent(answer.naive_availability_percent),
    );
    if answer.naive_availability_percent != answer.availability_percent {
        out.line(String::new());
        out.line(hidden_loss(answer, out.lang));
    }
}

/// The sentence that shows what the monthly figure hides from the users who were hit.
fn hidden_loss(answer: &Availability, lang: Lang) -> String {
    let minutes = answer.longest_outage_minutes;
    let duration = hours_and_minutes(minutes, lang);
    let lost = 100.0 - answer.affected_user_availability_percent;
    let seen = percent(answer.affected_user_availability_percent);
    let overall = percent(answer.availability_percent);
    let credit = answer.affected_user_credit_percent;
    match lang {
        Lang::Ja => {
            let mut text = format!(
                "月間稼働率は {overall} ですが、{minutes} 分（{duration}）の停止に遭った利用者は月の {lost:.2}% を失っており、\
                 その利用者にとっての稼働率は {seen} にすぎません。"
            );
            if credit > answer.credit_percent {
                text.push_str(&format!(
                    "その利用者の月だけを測れば {credit}% のサービスクレジットに当たります。"
                ));
            }
            text
        }
        Lang::En => {
            let mut text = format!(
                "Availability reads {overall}, yet a user hit by the {minutes}-minute outage ({duration}) lost {lost:.2} % \
                 of the month: for that user the service was up only {seen}."
            );
            if credit > answer.credit_percent {
                text.push_str(&format!(
                    " Measured for that user alone, the month would earn a {credit} % service credit."
                ));
            }
            text
        }
    }
}

fn hours_and_minutes(minutes: u64, lang: Lang) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    match (lang, rest) {
        (Lang::Ja, 0) => format!("{hours} 時間"),
        (Lang::Ja, _) => format!("{hours} 時間 {rest} 分"),
        (Lang::En, 0) => format!("{hours} h"),
        (Lang::En, _) => format!("{hours} h {rest} min"),
    }
}
