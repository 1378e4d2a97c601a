//! What the organisations recorded as a service's users are told when something happens to it:
//! it leaves the registry (expiry, a fall in cascade, its provider's withdrawal), the operator
//! takes a measure on it, its provider reports a change the operator acknowledged, or an
//! incident and what the operator decided on it; and so are those watching it as a candidate.
//! Each message names the recipient's systems that use or watch the service and links to the
//! public entry: what is not public (an incident's reports, a change notice's text) stays with
//! the provider and the operator.

use super::{Draft, NotificationKind};
use crate::date::CalendarDate;
use crate::registry::RegistryEntry;
use crate::text::Bilingual;
use crate::workflow::change_notice::ChangeNotice;
use crate::workflow::incident::Incident;
use crate::workflow::lifecycle_run::Fall;
use crate::workflow::registry_status::StatusMove;

/// What happened to a service in use.
#[derive(Debug, Clone, Copy)]
pub enum ServiceNews<'a> {
    /// It expired or fell with a service it is built on.
    Fell(&'a Fall),
    /// The operator suspended, reinstated, deregistered or expired it for `reason`.
    Measure {
        change: StatusMove,
        reason: &'a Bilingual,
        on: CalendarDate,
    },
    /// Its provider withdrew its registration.
    Withdrawn { on: CalendarDate },
    /// The operator acknowledged a change its provider reported.
    Changed(&'a ChangeNotice),
    /// Its provider reported an incident (the quick report).
    Incident(&'a Incident),
    /// The operator decided a measure on an incident (its last decision).
    IncidentDecided(&'a Incident),
}

/// One organisation to tell, and the names of its systems that use the service and of those
/// that watch it as a candidate without using it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceUser {
    pub org: String,
    pub systems: Vec<Bilingual>,
    pub watching: Vec<Bilingual>,
}

fn names(systems: &[Bilingual]) -> Bilingual {
    Bilingual::new(
        systems
            .iter()
            .map(|system| system.ja.as_str())
            .collect::<Vec<_>>()
            .join("、"),
        systems
            .iter()
            .map(|system| system.en.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// The message to `user` about `news` on `entry` (the entry as it stands afterwards): of kind
/// `service_in_use` when any of its systems uses the service, `service_watched` otherwise.
pub fn to_user(entry: &RegistryEntry, news: ServiceNews<'_>, user: &ServiceUser) -> Draft {
    let (cause, what) = what_happened(entry, news);
    let name = &entry.service_name;
    let uses = !user.systems.is_empty();
    let mut ja = what.body.ja;
    let mut en = what.body.en;
    if uses {
        let systems = names(&user.systems);
        ja.push_str(&format!(
            " 貴組織のシステム（{}）がこのサービス（登録番号 {}）を利用していると記録されています。契約、SLA、自らの対策への影響をご確認ください。",
            systems.ja, entry.id
        ));
        en.push_str(&format!(
            " Your organisation's systems ({}) are recorded as using this service (registration {}). Check what it means for your contract, SLA and your own measures.",
            systems.en, entry.id
        ));
    }
    if !user.watching.is_empty() {
        let systems = names(&user.watching);
        ja.push_str(&format!(
            " 貴組織はシステム（{}）の候補としてこのサービス（登録番号 {}）を注視しています。",
            systems.ja, entry.id
        ));
        en.push_str(&format!(
            " Your organisation watches this service (registration {}) as a candidate for its systems ({}).",
            entry.id, systems.en
        ));
    }
    let (kind, title) = if uses {
        (
            NotificationKind::ServiceInUse,
            Bilingual::new(
                format!("利用中のサービス {}: {}", name.ja, what.title.ja),
                format!("{}, which you use: {}", name.en, what.title.en),
            ),
        )
    } else {
        (
            NotificationKind::ServiceWatched,
            Bilingual::new(
                format!("注視中のサービス {}: {}", name.ja, what.title.ja),
                format!("{}, which you watch: {}", name.en, what.title.en),
            ),
        )
    };
    Draft {
        to: user.org.clone(),
        cause: format!("used-{cause}"),
        kind,
        entry: Some(entry.id.clone()),
        service: entry.service.clone(),
        title,
        body: Bilingual::new(ja, en),
        link: format!("/registry/{}", entry.id),
    }
}

struct What {
    title: Bilingual,
    body: Bilingual,
}

fn what(title: Bilingual, body: Bilingual) -> What {
    What { title, body }
}

/// The cause (unique per entry and happening) and what to say of it.
fn what_happened(entry: &RegistryEntry, news: ServiceNews<'_>) -> (String, What) {
    let id = &entry.id;
    match news {
        ServiceNews::Fell(Fall::Expired { since }) => (
            format!("expired-{id}-{}", entry.valid_until),
            what(
                Bilingual::new("登録の期限切れ", "registration expired"),
                Bilingual::new(
                    format!(
                        "登録は {} までに更新されず、{since} から期限切れとなり登録簿から外れました。",
                        entry.valid_until
                    ),
                    format!(
                        "Its registration was not renewed by {} and has been expired, out of the registry, since {since}.",
                        entry.valid_until
                    ),
                ),
            ),
        ),
        ServiceNews::Fell(Fall::Cascade { because, since }) => (
            format!("cascade-{id}-{since}"),
            what(
                Bilingual::new("基盤サービスとともに登録終了", "fell with its base"),
                Bilingual::new(
                    format!(
                        "基盤とするサービス（{because}）が登録簿から外れたため、{since} に登録が抹消されました。"
                    ),
                    format!(
                        "The service it is built on ({because}) left the registry, so its registration was deregistered on {since}."
                    ),
                ),
            ),
        ),
        ServiceNews::Measure { change, reason, on } => {
            let (ja, en) = match change {
                StatusMove::Suspend => ("一時停止", "suspended"),
                StatusMove::Reinstate => ("一時停止の解除", "reinstated"),
                StatusMove::Deregister => ("登録抹消", "deregistered"),
                StatusMove::Expire => ("期限切れ", "expired"),
            };
            (
                format!(
                    "measure-{id}-{}-{on}-{}",
                    change.code(),
                    entry.history.len()
                ),
                what(
                    Bilingual::new(ja, en),
                    Bilingual::new(
                        format!(
                            "制度の運用者は {on} に登録を「{ja}」としました。理由: {}",
                            reason.ja
                        ),
                        format!(
                            "On {on} the scheme operator {en} its registration. Reason: {}",
                            reason.en
                        ),
                    ),
                ),
            )
        }
        ServiceNews::Withdrawn { on } => (
            format!("withdrawn-{id}-{on}"),
            what(
                Bilingual::new("登録の取下げ", "registration withdrawn"),
                Bilingual::new(
                    format!("提供する事業者の申出により、登録は {on} に取り下げられました。"),
                    format!("Its provider withdrew its registration on {on}."),
                ),
            ),
        ),
        ServiceNews::Changed(notice) => {
            let category = notice.category.title();
            let (audit_ja, audit_en) = match &notice.new_audit {
                Some(audit) => (
                    format!(
                        " 重要な変更のため、事業者は {} までに新たな監査を受けて申請します。",
                        audit.due_on
                    ),
                    format!(
                        " As a significant change it needs a new audit, to be applied with by {}.",
                        audit.due_on
                    ),
                ),
                None => (String::new(), String::new()),
            };
            (
                format!("change-{}", notice.id),
                what(
                    Bilingual::new(
                        format!("変更の届出（{}）", category.ja),
                        format!("change reported ({})", category.en),
                    ),
                    Bilingual::new(
                        format!(
                            "事業者が {} に発効した変更（{}）を届け出て、運用者が受理しました。{audit_ja}",
                            notice.effective_on, category.ja
                        ),
                        format!(
                            "Its provider reported a change ({}) effective {}, and the operator acknowledged it.{audit_en}",
                            category.en, notice.effective_on
                        ),
                    ),
                ),
            )
        }
        ServiceNews::Incident(incident) => (
            format!("incident-{}-quick", incident.id),
            what(
                Bilingual::new("インシデントの報告", "incident reported"),
                Bilingual::new(
                    format!(
                        "事業者が {} に発見したインシデントを制度の運用者に報告しました。運用者の措置は登録簿で公示されます。",
                        incident.discovered_on
                    ),
                    format!(
                        "Its provider reported to the scheme operator an incident discovered on {}. The operator's measure will be published on the registry.",
                        incident.discovered_on
                    ),
                ),
            ),
        ),
        ServiceNews::IncidentDecided(incident) => {
            let count = incident.decisions.len();
            let (title, body) = match incident.decisions.last() {
                Some(decision) => {
                    let measure = decision.measure.title();
                    (
                        Bilingual::new(
                            format!("インシデントへの措置: {}", measure.ja),
                            format!("measure on an incident: {}", measure.en),
                        ),
                        Bilingual::new(
                            format!(
                                "制度の運用者は {} にインシデント（{} 発見）について「{}」と決定しました。理由: {}",
                                decision.on, incident.discovered_on, measure.ja, decision.reason.ja
                            ),
                            format!(
                                "On {} the scheme operator decided \"{}\" on an incident discovered on {}. Reason: {}",
                                decision.on, measure.en, incident.discovered_on, decision.reason.en
                            ),
                        ),
                    )
                }
                None => (
                    Bilingual::new("インシデント", "incident"),
                    Bilingual::new(
                        "インシデントについて運用者の決定はまだありません。",
                        "The operator has not decided on the incident yet.",
                    ),
                ),
            };
            (
                format!("incident-{}-{count}", incident.id),
                what(title, body),
            )
        }
    }
}
