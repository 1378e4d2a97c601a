//! After registration: a change notice filed and acknowledged, an incident reported in both
//! steps and the registration suspended for it.

use shinrai_domain::calendar::BusinessCalendar;
use shinrai_domain::registry::{ChangeCategory, RegistryEntry};
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::change_notice::{
    self, AcknowledgeDecision, ChangeDraft, ChangeNotice,
};
use shinrai_domain::workflow::incident::{
    self, FinalDraft, Incident, IncidentMeasure, MeasureDecision, QuickDraft,
};
use shinrai_domain::workflow::registry_status::NoticeText;
use shinrai_domain::workflow::{Change, Moment};

use super::{admin, at, provider, reviewer};

/// After registration, in the order written.
#[derive(Debug, Clone)]
pub struct AfterwardsStory {
    pub change_filed: Change<ChangeNotice>,
    pub change_acknowledged: Change<ChangeNotice>,
    pub entry_changed: Change<RegistryEntry>,
    pub incident_reported: Change<Incident>,
    pub incident_final: Change<Incident>,
    pub incident_decided: Change<Incident>,
    pub entry_suspended: Change<RegistryEntry>,
}

/// The afterwards' moments: from 2026-06-06, five days after the story's audit was signed.
pub fn afterwards_at(n: i64) -> Moment {
    at(5 * 86_400_000 + n)
}

/// A routine change of `entry` filed and acknowledged, then an incident reported in both steps
/// and the registration suspended for it.
pub fn afterwards_of(entry: &RegistryEntry) -> AfterwardsStory {
    let calendar = BusinessCalendar::embedded();
    let change_filed = change_notice::file(
        "cn-1".into(),
        ChangeDraft {
            category: ChangeCategory::Tool,
            summary: Bilingual::new("監視ツールを更新した", "the monitoring tool was replaced"),
            controls: Vec::new(),
            new_name: None,
            effective_on: entry.registered_on,
        },
        entry,
        &calendar,
        &provider(),
        afterwards_at(1),
    )
    .expect("change notice");
    let acknowledged = change_notice::acknowledge(
        &change_filed.state,
        entry,
        AcknowledgeDecision::default(),
        &calendar,
        &reviewer(),
        afterwards_at(2),
    )
    .expect("acknowledged");
    let entry_changed = acknowledged.entry.expect("the entry is in force");
    let incident_reported = incident::report_quick(
        "in-1".into(),
        QuickDraft {
            discovered_on: entry.registered_on,
            summary: Bilingual::new("認証が停止した", "sign-in stopped"),
        },
        &entry_changed.state,
        &calendar,
        &provider(),
        afterwards_at(3),
    )
    .expect("quick report");
    let known = |id: &str| id == entry.id;
    let incident_final = incident::report_final(
        &incident_reported.state,
        FinalDraft {
            cause: Bilingual::new("設定誤り", "a wrong setting"),
            impact: Bilingual::new("1 時間停止", "an hour without sign-in"),
            measures: Bilingual::new("二名で確認する", "two people check each change"),
            services_affected: vec![entry.id.clone()],
        },
        &known,
        &provider(),
        afterwards_at(4),
    )
    .expect("final report");
    let decided = incident::decide(
        &incident_final.state,
        &entry_changed.state,
        MeasureDecision {
            measure: IncidentMeasure::Suspend,
            reason: Bilingual::new("確報を検討中", "the final report is examined"),
            notice: NoticeText {
                title: Bilingual::new("一時停止", "Suspended"),
                body: Bilingual::new("調査のため一時停止した", "Suspended while examined"),
            },
        },
        &admin(),
        afterwards_at(5),
    )
    .expect("decided");
    AfterwardsStory {
        change_filed,
        change_acknowledged: acknowledged.notice,
        entry_changed,
        incident_reported,
        incident_final,
        incident_decided: decided.incident,
        entry_suspended: decided.entry,
    }
}
