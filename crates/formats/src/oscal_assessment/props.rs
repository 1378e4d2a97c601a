//! shinrai's properties in the two documents: their names, and the phases' results of a
//! control written as properties.

use serde::Serialize;
use serde_json::{Value, json};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::working_papers::ControlWorkLine;

use crate::oscal_criteria::NS;
use crate::oscal_criteria::codec::encode_value;

pub(super) mod name {
    pub const REPORT_SHA256: &str = "report-sha256";
    pub const REPORT_FORMAT: &str = "report-format";
    pub const AUDIT: &str = "audit";
    pub const SERVICE: &str = "service";
    pub const PROVIDER: &str = "provider";
    pub const CRITERIA_VERSION: &str = "criteria-version";
    pub const TARGET_LEVEL: &str = "target-level";
    pub const AUDIT_KIND: &str = "audit-kind";
    pub const LANG: &str = "lang";
    pub const QUALIFICATION: &str = "qualification";
    pub const USER: &str = "user";
    pub const STATEMENT: &str = "statement";
    pub const STATEMENT_VERSION: &str = "statement-version";
    pub const SIGNED_ON: &str = "signed-on";
    pub const GOVERNANCE: &str = "governance";
    pub const GOVERNANCE_REASON: &str = "governance-reason";
    pub const CONTROL: &str = "control";
    pub const OBJECTIVE: &str = "objective";
    pub const EVIDENCE_SHA256: &str = "evidence-sha256";
    pub const FAIR_PRESENTATION: &str = "fair-presentation";
    pub const DESIGN: &str = "design";
    pub const EQUIVALENCE: &str = "equivalence";
    pub const OPERATION: &str = "operation";
    pub const FREQUENCY: &str = "frequency";
    pub const POPULATION: &str = "population";
    pub const SAMPLED: &str = "sampled";
    pub const FAILED: &str = "failed";
    pub const SECOND_SAMPLE_REASON: &str = "second-sample-reason";
    pub const RELIANCE_KIND: &str = "reliance-kind";
    pub const RELIANCE_REFERENCE: &str = "reliance-reference";
    pub const RELIANCE_START: &str = "reliance-start";
    pub const RELIANCE_END: &str = "reliance-end";
    pub const INTERNAL_AUDIT: &str = "internal-audit";
    pub const INTERNAL_AUDIT_RELIANCE: &str = "internal-audit-reliance";
    pub const INTERNAL_AUDIT_REASON: &str = "internal-audit-reason";
    pub const REPERFORMANCE: &str = "reperformance";
    pub const REPERFORMANCE_REASON: &str = "reperformance-reason";
}

/// A shinrai property whose value survives whatever it holds.
pub(super) fn ours(name: &str, value: &str) -> Value {
    json!({"name": name, "ns": NS, "value": encode_value(value)})
}

/// A text in `lang`, and the property holding the other language's twin (`NAME-ja`/`NAME-en`).
pub(super) fn twin(name: &str, text: &Bilingual, lang: Lang) -> Value {
    let other = match lang {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    };
    ours(&format!("{name}-{}", other.code()), text.get(other))
}

/// The code a value of the report is written with (its serde name, e.g. `not_effective`).
pub(super) fn code<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(code)) => code,
        _ => String::new(),
    }
}

/// A day at a time of day, UTC, as OSCAL's date-time with a time zone.
pub(super) fn date_time(day: CalendarDate, time: &str) -> String {
    format!("{day}T{time}Z")
}

/// A free text for a `description`/`remarks`: OSCAL wants something there even when the
/// report has nothing to say.
pub(super) fn prose(text: &str) -> String {
    if text.trim().is_empty() {
        "-".to_owned()
    } else {
        text.to_owned()
    }
}

/// The phases' results of a control's work line, in the order the work is done.
pub(super) fn phase_props(line: &ControlWorkLine, lang: Lang) -> Vec<Value> {
    let mut props = Vec::new();
    if let Some(verdict) = line.fair_presentation {
        props.push(ours(name::FAIR_PRESENTATION, verdict.code()));
    }
    props.push(ours(name::DESIGN, &code(&line.design)));
    for equivalence in &line.equivalences {
        let class = if equivalence.equivalent {
            "equivalent"
        } else {
            "not-equivalent"
        };
        let mut prop = ours(name::EQUIVALENCE, &equivalence.technology);
        if let Some(object) = prop.as_object_mut() {
            object.insert("class".to_owned(), class.into());
            object.insert(
                "remarks".to_owned(),
                prose(equivalence.grounds.get(lang)).into(),
            );
        }
        props.push(prop);
    }
    props.push(ours(name::OPERATION, &code(&line.operation)));
    if let Some(frequency) = line.frequency {
        props.push(ours(name::FREQUENCY, frequency.name()));
    }
    if let Some(size) = line.population {
        props.push(ours(name::POPULATION, &size.to_string()));
    }
    props.push(ours(name::SAMPLED, &line.sampled.to_string()));
    props.push(ours(name::FAILED, &line.failed.to_string()));
    if let Some(reason) = &line.second_sample_reason {
        props.push(ours(name::SECOND_SAMPLE_REASON, reason.get(lang)));
    }
    if let Some(reliance) = &line.reliance {
        props.extend([
            ours(name::RELIANCE_KIND, &code(&reliance.kind)),
            ours(name::RELIANCE_REFERENCE, &reliance.reference),
            ours(name::RELIANCE_START, &reliance.period.start.to_string()),
            ours(name::RELIANCE_END, &reliance.period.end.to_string()),
        ]);
    }
    props
}
