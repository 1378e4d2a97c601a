//! What the scheme's notifications say, in both languages: each builds the draft of one message
//! from the facts it is about.

use super::{Draft, NotificationKind};
use crate::date::CalendarDate;
use crate::registry::RegistryEntry;
use crate::text::Bilingual;
use crate::workflow::change_notice::ChangeNotice;
use crate::workflow::incident::Incident;
use crate::workflow::lifecycle_run::Fall;
use crate::workflow::registry_status::StatusMove;

/// The path of an entry's public page.
fn entry_link(entry: &RegistryEntry) -> String {
    format!("/registry/{}", entry.id)
}

/// To the provider of `entry`, which left the registry by `fall`; `base` is the registry as it
/// names the entry a cascade fell with (its name, when known).
pub fn fall_to_provider(
    entry: &RegistryEntry,
    fall: &Fall,
    base_name: Option<&Bilingual>,
) -> Draft {
    let name = &entry.service_name;
    let (kind, cause, title, body) = match fall {
        Fall::Expired { since } => (
            NotificationKind::Expired,
            format!("expired-{}-{}", entry.id, entry.valid_until),
            Bilingual::new(
                format!("{} の登録は有効期限を過ぎました", name.ja),
                format!("The registration of {} has expired", name.en),
            ),
            Bilingual::new(
                format!(
                    "登録番号 {} の有効期限 {} までに更新の申請がなかったため、{since} から期限切れとなりました。再び登録するには、新たな監査を受けて登録を申請してください。",
                    entry.id, entry.valid_until
                ),
                format!(
                    "No renewal was applied for before registration {} ended its validity on {}, so it has been expired since {since}. To be registered again, the service needs a new audit and a new application.",
                    entry.id, entry.valid_until
                ),
            ),
        ),
        Fall::Cascade { because, since } => {
            let base = base_name.map_or_else(
                || Bilingual::new(because.clone(), because.clone()),
                |name| {
                    Bilingual::new(
                        format!("{}（{because}）", name.ja),
                        format!("{} ({because})", name.en),
                    )
                },
            );
            (
                NotificationKind::FellInCascade,
                format!("cascade-{}-{since}", entry.id),
                Bilingual::new(
                    format!("{} の登録は基盤サービスとともに終了しました", name.ja),
                    format!(
                        "The registration of {} ended with the service it is built on",
                        name.en
                    ),
                ),
                Bilingual::new(
                    format!(
                        "登録番号 {} は、基盤とする {} が登録簿から外れたため、{since} に抹消されました。自らの監査で基盤を評価していないサービスは、基盤とともに登録を失います。基盤を評価した監査を受けて、改めて申請できます。",
                        entry.id, base.ja
                    ),
                    format!(
                        "Registration {} was deregistered on {since} because {}, which it is built on, left the registry. A service whose own audit did not evaluate its base falls with it; it may apply again after an audit that evaluates the base.",
                        entry.id, base.en
                    ),
                ),
            )
        }
    };
    Draft {
        to: entry.provider.clone(),
        cause,
        kind,
        entry: Some(entry.id.clone()),
        service: entry.service.clone(),
        title,
        body,
        link: entry_link(entry),
    }
}

/// To the provider of `entry`: its validity ends on `valid_until`, `months` months from the day
/// the reminder falls due, and no renewal has been applied for.
pub fn renewal_due(entry: &RegistryEntry, months: u32) -> Draft {
    let name = &entry.service_name;
    Draft {
        to: entry.provider.clone(),
        cause: format!("renewal-{}-{}-{months}m", entry.id, entry.valid_until),
        kind: NotificationKind::RenewalDue,
        entry: Some(entry.id.clone()),
        service: entry.service.clone(),
        title: Bilingual::new(
            format!("{} の登録の有効期限まで {months} か月です", name.ja),
            format!(
                "The registration of {} ends in {months} month{}",
                name.en,
                if months == 1 { "" } else { "s" }
            ),
        ),
        body: Bilingual::new(
            format!(
                "登録番号 {} は {} まで有効です。期限までに更新を申請すれば、審査の間も登録は有効のままです。申請がなければ、期限の翌日に期限切れとなります。",
                entry.id, entry.valid_until
            ),
            format!(
                "Registration {} is valid until {}. A renewal applied for before then keeps it valid while it is reviewed; without one it expires the day after.",
                entry.id, entry.valid_until
            ),
        ),
        link: entry_link(entry),
    }
}

/// The facts of an audit whose report falls due.
#[derive(Debug, Clone, Copy)]
pub struct ReportFacts<'a> {
    pub audit: &'a str,
    pub service: &'a str,
    pub period_end: CalendarDate,
    pub due: CalendarDate,
}

/// To `to` (the provider or the audit body): the report of `facts.audit` falls due.
pub fn report_due(to: &str, facts: ReportFacts<'_>) -> Draft {
    let ReportFacts {
        audit,
        service,
        period_end,
        due,
    } = facts;
    Draft {
        to: to.to_owned(),
        cause: format!("report-{audit}-{due}"),
        kind: NotificationKind::ReportDue,
        entry: None,
        service: Some(service.to_owned()),
        title: Bilingual::new(
            format!("監査 {audit} の報告書の期限は {due} です"),
            format!("The report of audit {audit} is due on {due}"),
        ),
        body: Bilingual::new(
            format!(
                "監査 {audit}（サービス {service}）の監査対象期間は {period_end} に終わりました。報告書は期間の終わりから 3 か月以内、{due} までに署名される必要があります。"
            ),
            format!(
                "The audit period of audit {audit} (service {service}) ended on {period_end}. Its report must be signed within three months of that end, by {due}."
            ),
        ),
        link: format!("/audits/{audit}"),
    }
}

/// To the provider of `entry`: the operator's measure `change`, taken on `on` for `reason`
/// (the entry as it stands afterwards).
pub fn measure_to_provider(
    entry: &RegistryEntry,
    change: StatusMove,
    reason: &Bilingual,
    on: CalendarDate,
) -> Draft {
    let name = &entry.service_name;
    let (ja, en) = match change {
        StatusMove::Suspend => ("一時停止されました", "has been suspended"),
        StatusMove::Reinstate => ("一時停止が解除されました", "has been reinstated"),
        StatusMove::Deregister => ("抹消されました", "has been deregistered"),
        StatusMove::Expire => ("期限切れとなりました", "has expired"),
    };
    Draft {
        to: entry.provider.clone(),
        cause: format!(
            "measure-{}-{}-{on}-{}",
            entry.id,
            change.code(),
            entry.history.len()
        ),
        kind: NotificationKind::Measure,
        entry: Some(entry.id.clone()),
        service: entry.service.clone(),
        title: Bilingual::new(
            format!("{} の登録は{ja}", name.ja),
            format!("The registration of {} {en}", name.en),
        ),
        body: Bilingual::new(
            format!(
                "制度の運用者は {on} に登録番号 {} について措置を取りました。理由: {} 登録簿の項目と公示をご確認ください。",
                entry.id, reason.ja
            ),
            format!(
                "On {on} the scheme operator took a measure on registration {}. Reason: {} See the registry entry and its notice.",
                entry.id, reason.en
            ),
        ),
        link: entry_link(entry),
    }
}

/// Tells the provider that the operator acknowledged its change notice, and for a significant
/// change by when the new audit's application is due.
pub fn change_acknowledged(notice: &ChangeNotice, service_name: &Bilingual) -> Draft {
    let (ja_more, en_more) = match &notice.new_audit {
        Some(audit) => (
            format!(
                " 重要な変更のため、新たな監査を受けて {} までに申請してください。",
                audit.due_on
            ),
            format!(
                " As a significant change it needs a new audit: apply with it by {}.",
                audit.due_on
            ),
        ),
        None => (String::new(), String::new()),
    };
    let (note_ja, note_en) = match &notice.acknowledgement {
        Some(ack) if !ack.note.ja.trim().is_empty() || !ack.note.en.trim().is_empty() => (
            format!(" 運用者からの連絡: {}", ack.note.ja),
            format!(" The operator adds: {}", ack.note.en),
        ),
        _ => (String::new(), String::new()),
    };
    let category = notice.category.title();
    Draft {
        to: notice.provider.clone(),
        cause: format!("change-acknowledged-{}", notice.id),
        kind: NotificationKind::ChangeAcknowledged,
        entry: Some(notice.entry.clone()),
        service: notice.service.clone(),
        title: Bilingual::new(
            format!(
                "{} の変更届出 {} が受理されました",
                service_name.ja, notice.id
            ),
            format!(
                "Change notice {} about {} has been acknowledged",
                notice.id, service_name.en
            ),
        ),
        body: Bilingual::new(
            format!(
                "登録番号 {} の変更届出（{}、{} 発効）は登録簿に記録されました。{ja_more}{note_ja}",
                notice.entry, category.ja, notice.effective_on
            ),
            format!(
                "The change notice about registration {} ({}, effective {}) is now on record in the registry.{en_more}{note_en}",
                notice.entry, category.en, notice.effective_on
            ),
        ),
        link: format!("/change-notices/{}", notice.id),
    }
}

/// Tells the provider of `entry` what the operator decided on its incident (the last of the
/// incident's decisions).
pub fn incident_decided(incident: &Incident, entry: &RegistryEntry) -> Option<Draft> {
    let decision = incident.decisions.last()?;
    let measure = decision.measure.title();
    let name = &entry.service_name;
    Some(Draft {
        to: incident.provider.clone(),
        cause: format!("incident-{}-{}", incident.id, incident.decisions.len()),
        kind: NotificationKind::Measure,
        entry: Some(entry.id.clone()),
        service: incident.service.clone(),
        title: Bilingual::new(
            format!("{} のインシデント {}: {}", name.ja, incident.id, measure.ja),
            format!("{} incident {}: {}", name.en, incident.id, measure.en),
        ),
        body: Bilingual::new(
            format!(
                "制度の運用者は {} にインシデント {} について「{}」と決定しました。理由: {} 登録簿の項目と公示をご確認ください。",
                decision.on, incident.id, measure.ja, decision.reason.ja
            ),
            format!(
                "On {} the scheme operator decided \"{}\" on incident {}. Reason: {} See the registry entry and its notice.",
                decision.on, measure.en, incident.id, decision.reason.en
            ),
        ),
        link: format!("/incidents/{}", incident.id),
    })
}

/// Tells the operator's organisation `to` that the provider of `entry` filed a report of
/// `incident`: the quick one, or the final one once it is in.
pub fn incident_reported(incident: &Incident, entry: &RegistryEntry, to: &str) -> Draft {
    let name = &entry.service_name;
    let (step, ja, en) = match &incident.final_report {
        Some(_) => ("final", "確報", "final report"),
        None => ("quick", "速報", "quick report"),
    };
    Draft {
        to: to.to_owned(),
        cause: format!("incident-{}-{step}", incident.id),
        kind: NotificationKind::IncidentReported,
        entry: Some(entry.id.clone()),
        service: incident.service.clone(),
        title: Bilingual::new(
            format!("{} のインシデント {} の{ja}", name.ja, incident.id),
            format!("The {en} of incident {} of {}", incident.id, name.en),
        ),
        body: Bilingual::new(
            format!(
                "登録番号 {} の事業者から、{} に発見したインシデントの{ja}が届きました。確報の期限は {} です。",
                entry.id, incident.discovered_on, incident.final_due_on
            ),
            format!(
                "The provider of registration {} filed the {en} of an incident discovered on {}. The final report is due on {}.",
                entry.id, incident.discovered_on, incident.final_due_on
            ),
        ),
        link: format!("/incidents/{}", incident.id),
    }
}

/// Tells the provider of `gap`'s service what the newly published criteria `version` requires
/// that its statement does not cover, and from when renewals must follow it.
pub fn criteria_gaps(
    gap: &crate::criteria::transition::ServiceGap,
    version: &str,
    transition_on: Option<CalendarDate>,
) -> Draft {
    let name = &gap.service_name;
    let controls: Vec<&str> = gap
        .missing
        .iter()
        .map(|missing| missing.control.as_str())
        .collect();
    let listed = controls.join(", ");
    let (from_ja, from_en) = match transition_on {
        Some(day) => (
            format!("{day} 以降の更新申請は、この版で書いた言明書によります。"),
            format!("From {day} renewals must rest on a statement written against this version."),
        ),
        None => (
            "移行日はまだ定められていません。".to_owned(),
            "No transition day has been set yet.".to_owned(),
        ),
    };
    Draft {
        to: gap.provider.clone(),
        cause: format!("criteria-{version}-{}", gap.entry),
        kind: NotificationKind::CriteriaGaps,
        entry: Some(gap.entry.clone()),
        service: None,
        title: Bilingual::new(
            format!(
                "管理基準 {version} で {} に不足する管理策 {} 件",
                name.ja,
                controls.len()
            ),
            format!(
                "Criteria {version}: {} controls {} lacks",
                controls.len(),
                name.en
            ),
        ),
        body: Bilingual::new(
            format!(
                "公表された管理基準 {version} は、登録番号 {}（レベル {}）に、言明書 {} が含まない遵守事項を求めます: {listed}。{from_ja}",
                gap.entry,
                gap.level.get(),
                gap.statement
            ),
            format!(
                "The published criteria {version} require of registration {} (level {}) mandatory controls its statement {} does not cover: {listed}. {from_en}",
                gap.entry,
                gap.level.get(),
                gap.statement
            ),
        ),
        link: format!("/criteria/{version}/gaps"),
    }
}
