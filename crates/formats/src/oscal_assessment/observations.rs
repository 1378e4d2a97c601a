//! One observation per control with working papers: how it was examined and the evidence
//! records behind it, each named by its SHA-256.

use serde_json::{Value, json};
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::report::AuditReport;
use shinrai_domain::workflow::working_papers::{ControlWorkLine, DesignResult};

use super::ids::Ids;
use super::metadata::{line as one_line, service_subject};
use super::props::{date_time, name, ours};

/// The uuid of a control's observation (findings name it).
pub(super) fn observation_uuid(ids: &Ids, control: &str) -> String {
    ids.uuid(&format!("observation/{control}"))
}

pub(super) fn observation(
    ids: &Ids,
    report: &AuditReport,
    line: &ControlWorkLine,
    lang: Lang,
) -> Value {
    let control = &line.control;
    let mut methods = Vec::new();
    let examined = line.fair_presentation.is_some()
        || line.design != DesignResult::NotJudged
        || line.reliance.is_some()
        || !line.evidence.is_empty();
    if examined {
        methods.push("EXAMINE");
    }
    if line.sampled > 0 {
        methods.push("TEST");
    }
    if methods.is_empty() {
        // Papers opened but no phase judged yet: OSCAL wants a method all the same.
        methods.push("UNKNOWN");
    }
    let evidence = line.evidence.len();
    let description = Bilingual::new(
        format!(
            "管理策 {control} の作業: 整備 {}、運用 {}、標本 {} 件（不適合 {} 件）、証拠 {evidence} 件。",
            line.design.title().ja,
            line.operation.title().ja,
            line.sampled,
            line.failed,
        ),
        format!(
            "Work on control {control}: design {}, operation {}, {} items sampled ({} failed), {evidence} evidence records.",
            line.design.title().en.to_lowercase(),
            line.operation.title().en.to_lowercase(),
            line.sampled,
            line.failed,
        ),
    );
    let title = Bilingual::new(
        format!("管理策 {control} の作業"),
        format!("Work on control {control}"),
    );
    let mut observation = json!({
        "uuid": observation_uuid(ids, control),
        "title": one_line(title.get(lang), "observation"),
        "description": description.get(lang),
        "props": [ours(name::CONTROL, control)],
        "methods": methods,
        "types": ["control-objective"],
        "subjects": [service_subject(ids)],
        "collected": date_time(report.signed_on, "00:00:00"),
    });
    if !line.evidence.is_empty() {
        let records: Vec<Value> = line
            .evidence
            .iter()
            .map(|sha256| evidence_record(sha256, lang))
            .collect();
        if let Some(object) = observation.as_object_mut() {
            object.insert("relevant-evidence".to_owned(), records.into());
        }
    }
    observation
}

fn evidence_record(sha256: &str, lang: Lang) -> Value {
    let description = match lang {
        Lang::Ja => format!("証拠の記録（SHA-256 {sha256}）"),
        Lang::En => format!("Evidence record, SHA-256 {sha256}"),
    };
    json!({
        "description": description,
        "props": [ours(name::EVIDENCE_SHA256, sha256)],
    })
}
