//! One entry point for every decision kind, shared by the command line and the HTTP API so that
//! both give the same answer for the same case.

use serde_json::Value;

use crate::availability::{Availability, AvailabilityCase, availability};
use crate::cascade::{CascadeCase, CascadeOutcome, cascade};
use crate::case::bounds::{MAX_CASE_BYTES, MAX_LIFECYCLE_CASE_BYTES};
use crate::case::{CaseError, read_case};
use crate::classification::{Classification, ClassificationCase, classify};
use crate::lifecycle::{LifecycleCase, LifecycleOutcome, lifecycle};
use crate::precheck::{PrecheckCase, PrecheckOutcome};
use crate::registration::{RegistrationCase, RegistrationDecision};
use crate::sampling::{Sample, SampleCase, sample};
use crate::selection::{SelectionCase, SelectionOutcome};
use crate::sla_templates::SlaTemplates;
use crate::text::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecisionKind {
    Classification,
    Registration,
    Cascade,
    Sample,
    Availability,
    Precheck,
    Selection,
    Lifecycle,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 8] = [
        DecisionKind::Classification,
        DecisionKind::Registration,
        DecisionKind::Cascade,
        DecisionKind::Sample,
        DecisionKind::Availability,
        DecisionKind::Precheck,
        DecisionKind::Selection,
        DecisionKind::Lifecycle,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DecisionKind::Classification => "classification",
            DecisionKind::Registration => "registration",
            DecisionKind::Cascade => "cascade",
            DecisionKind::Sample => "sample",
            DecisionKind::Availability => "availability",
            DecisionKind::Precheck => "precheck",
            DecisionKind::Selection => "selection",
            DecisionKind::Lifecycle => "lifecycle",
        }
    }

    pub fn from_name(name: &str) -> Option<DecisionKind> {
        DecisionKind::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
    }

    /// The largest case text of this kind that is read: a lifecycle case holds a registry's whole
    /// history, every other kind one decision's facts.
    pub fn max_case_bytes(self) -> usize {
        match self {
            DecisionKind::Lifecycle => MAX_LIFECYCLE_CASE_BYTES,
            _ => MAX_CASE_BYTES,
        }
    }

    /// The JSON Schema (2020-12) of this kind's case file.
    pub fn schema(self) -> &'static str {
        match self {
            DecisionKind::Classification => include_str!("../schemas/classification.schema.json"),
            DecisionKind::Registration => include_str!("../schemas/registration.schema.json"),
            DecisionKind::Cascade => include_str!("../schemas/cascade.schema.json"),
            DecisionKind::Sample => include_str!("../schemas/sample.schema.json"),
            DecisionKind::Availability => include_str!("../schemas/availability.schema.json"),
            DecisionKind::Precheck => include_str!("../schemas/precheck.schema.json"),
            DecisionKind::Selection => include_str!("../schemas/selection.schema.json"),
            DecisionKind::Lifecycle => include_str!("../schemas/lifecycle.schema.json"),
        }
    }
}

/// Data the operator maintains that some rules consult.
#[derive(Debug, Clone)]
pub struct RuleData {
    pub sla_templates: SlaTemplates,
}

impl Default for RuleData {
    fn default() -> Self {
        RuleData {
            sla_templates: SlaTemplates::builtin(),
        }
    }
}

/// The answer to a well-formed case of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Classification(Classification),
    Registration(RegistrationDecision),
    Cascade(CascadeOutcome),
    Sample(Sample),
    Availability(Availability),
    Precheck(PrecheckOutcome),
    Selection(SelectionOutcome),
    Lifecycle(LifecycleOutcome),
}

impl Answer {
    /// The answer as `RULES.md` shapes it; texts in `lang`, with both languages alongside.
    pub fn to_json(&self, lang: Lang) -> Value {
        match self {
            Answer::Classification(answer) => answer.to_json(lang),
            Answer::Registration(answer) => answer.to_json(lang),
            Answer::Cascade(answer) => serde_json::to_value(answer).unwrap_or_default(),
            Answer::Sample(answer) => serde_json::to_value(answer).unwrap_or_default(),
            Answer::Availability(answer) => serde_json::to_value(answer).unwrap_or_default(),
            Answer::Precheck(answer) => answer.to_json(lang),
            Answer::Selection(answer) => answer.to_json(lang),
            Answer::Lifecycle(answer) => serde_json::to_value(answer).unwrap_or_default(),
        }
    }
}

impl Answer {
    /// The answer as indented JSON text with a final newline, as `shinrai decide --json` prints
    /// it. Answers without texts to choose a language for are written straight from their
    /// structs (the same text, field order kept), which spares building a tree of a large one.
    pub fn to_json_text(&self, lang: Lang) -> String {
        let written = match self {
            Answer::Cascade(answer) => serde_json::to_string_pretty(answer),
            Answer::Sample(answer) => serde_json::to_string_pretty(answer),
            Answer::Availability(answer) => serde_json::to_string_pretty(answer),
            Answer::Lifecycle(answer) => serde_json::to_string_pretty(answer),
            _ => serde_json::to_string_pretty(&self.to_json(lang)),
        };
        let mut text = written.unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Reads a case text of the given kind and decides it. A malformed case is a [`CaseError`];
/// a rejection is an answer.
pub fn decide(kind: DecisionKind, text: &str, data: &RuleData) -> Result<Answer, CaseError> {
    Ok(match kind {
        DecisionKind::Classification => {
            let case = read_case(text, ClassificationCase::read)?;
            Answer::Classification(classify(&case, &data.sla_templates))
        }
        DecisionKind::Registration => {
            let case = read_case(text, RegistrationCase::read)?;
            Answer::Registration(crate::registration::decide(&case))
        }
        DecisionKind::Cascade => Answer::Cascade(cascade(&read_case(text, CascadeCase::read)?)),
        DecisionKind::Sample => Answer::Sample(sample(&read_case(text, SampleCase::read)?)),
        DecisionKind::Availability => {
            Answer::Availability(availability(&read_case(text, AvailabilityCase::read)?))
        }
        DecisionKind::Precheck => Answer::Precheck(crate::precheck::check(&read_case(
            text,
            PrecheckCase::read,
        )?)),
        DecisionKind::Selection => Answer::Selection(crate::selection::decide(&read_case(
            text,
            SelectionCase::read,
        )?)),
        DecisionKind::Lifecycle => Answer::Lifecycle(lifecycle(&LifecycleCase::read_text(text)?)),
    })
}
