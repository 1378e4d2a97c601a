//! An information system of a procuring organisation: what it does, the information it holds
//! with each kind's confidentiality, the level that information reaches held together, how
//! available it must be and the service models it needs. Its class (C?-I-A?) and the registry
//! level it asks for follow from those; every revision that changes them adds a line to its
//! history.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{SYSTEM_CREATED, SYSTEM_REVISED, acts_for_procurer, is_procurer};
use crate::case::bounds::MAX_NAME_CHARS;
use crate::classification::{
    ClassificationCase, Information, MAX_INFORMATION, system_confidentiality,
};
use crate::date::CalendarDate;
use crate::level::Level;
use crate::policy::Member;
use crate::service_model::ServiceModel;
use crate::text::{Bilingual, Lang};
use crate::workflow::fields::Problems;
use crate::workflow::{Change, Moment, NotAllowed, Refusal, WorkflowEvent};

/// The service models a system may list as needed (each at most once).
pub const MAX_MODELS_NEEDED: usize = ServiceModel::ALL.len();

/// One kind of information a system holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InformationItem {
    pub name: Bilingual,
    pub confidentiality: Level,
}

/// What the procurer says about a system; the same for recording and revising it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemDetails {
    pub name: Bilingual,
    /// The business function (国民向けサービス, 管理・支援, ...).
    pub function: Bilingual,
    pub information: Vec<InformationItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregate_confidentiality: Option<Level>,
    pub availability: Level,
    /// The service models it needs; empty when any will do.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<ServiceModel>,
}

impl SystemDetails {
    /// The case the classification rule reads, with the texts in `lang`.
    pub fn case(&self, lang: Lang) -> ClassificationCase {
        ClassificationCase {
            system: self.name.get(lang).to_owned(),
            function: self.function.get(lang).to_owned(),
            information: self
                .information
                .iter()
                .map(|item| Information {
                    name: item.name.get(lang).to_owned(),
                    confidentiality: item.confidentiality,
                })
                .collect(),
            aggregate_confidentiality: self.aggregate_confidentiality,
            availability: self.availability,
        }
    }

    /// The confidentiality the system is classified at, which is the registry level it needs.
    pub fn confidentiality(&self) -> Level {
        system_confidentiality(
            self.information.iter().map(|item| item.confidentiality),
            self.aggregate_confidentiality,
        )
    }

    /// `C{c}-I-A{a}`, as the classification rule names it.
    pub fn class(&self) -> String {
        format!("C{}-I-A{}", self.confidentiality(), self.availability)
    }

    /// Adds every problem of what it says to `problems`, each at its field.
    fn check(&self, problems: &mut Problems) {
        problems.name("/name", &self.name);
        problems.required_text("/function", &self.function, MAX_NAME_CHARS);
        if self.information.is_empty() {
            problems.push(
                "/information",
                "required",
                Bilingual::new(
                    "/information には扱う情報を 1 件以上入力してください",
                    "/information must list at least one kind of information",
                ),
            );
        }
        if problems.list_size("/information", self.information.len(), MAX_INFORMATION) {
            for (n, item) in self.information.iter().enumerate() {
                problems.name(&format!("/information/{n}/name"), &item.name);
            }
        }
        if problems.list_size("/models", self.models.len(), MAX_MODELS_NEEDED) {
            problems.duplicates(self.models.iter().map(|model| model.name()), |n| {
                format!("/models/{n}")
            });
        }
    }
}

/// One line of a system's history: the class it was given, by whom and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Classified {
    pub class: String,
    pub registry_level: Level,
    pub by: String,
    pub at_ms: i64,
    pub on: CalendarDate,
}

/// An information system as its organisation keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InformationSystem {
    pub id: String,
    /// The procuring organisation that keeps it.
    pub org: String,
    #[serde(flatten)]
    pub details: SystemDetails,
    pub class: String,
    /// The lowest registry level a service it uses must be registered at.
    pub registry_level: Level,
    /// Each class it was given, oldest first; the last is its class now.
    pub history: Vec<Classified>,
    /// The services its procurer watches as candidates, in the order they were added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub watching: Vec<super::Watched>,
    /// Its procurer's answers to the checklists, per candidate service.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<super::CandidateAnswers>,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
}

fn classified(details: &SystemDetails, by: &Member, at: Moment) -> Classified {
    Classified {
        class: details.class(),
        registry_level: details.confidentiality(),
        by: by.user_id.clone(),
        at_ms: at.at_ms,
        on: at.date(),
    }
}

/// A procurer records a system of its organisation as `id`.
pub fn create_system(
    id: String,
    details: SystemDetails,
    by: &Member,
    at: Moment,
) -> Result<Change<InformationSystem>, Refusal> {
    if !is_procurer(by) {
        return Err(Refusal::NotAllowed(NotAllowed::NotAProcurer));
    }
    let mut problems = Problems::new();
    problems.id("/id", &id);
    details.check(&mut problems);
    problems.finish()?;
    let line = classified(&details, by, at);
    let system = InformationSystem {
        id,
        org: by.org_id.clone(),
        class: line.class.clone(),
        registry_level: line.registry_level,
        details,
        history: vec![line],
        watching: Vec::new(),
        answers: Vec::new(),
        created_at_ms: at.at_ms,
        updated_at_ms: at.at_ms,
    };
    let event = WorkflowEvent::new(
        by,
        at,
        SYSTEM_CREATED,
        &system.id,
        json!({ "system": system }),
    );
    Ok(Change {
        state: system,
        event,
    })
}

/// A procurer of the system's organisation revises what it says; when the class or the level
/// it needs changes, the history gains a line.
pub fn revise_system(
    system: &InformationSystem,
    details: SystemDetails,
    by: &Member,
    at: Moment,
) -> Result<Change<InformationSystem>, Refusal> {
    if !acts_for_procurer(by, &system.org) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProcurer));
    }
    let mut problems = Problems::new();
    details.check(&mut problems);
    problems.finish()?;
    let line = classified(&details, by, at);
    let mut next = system.clone();
    if line.class != system.class || line.registry_level != system.registry_level {
        next.class = line.class.clone();
        next.registry_level = line.registry_level;
        next.history.push(line);
    }
    next.details = details;
    next.updated_at_ms = at.at_ms;
    let event = WorkflowEvent::new(by, at, SYSTEM_REVISED, &next.id, json!({ "system": next }));
    Ok(Change { state: next, event })
}
