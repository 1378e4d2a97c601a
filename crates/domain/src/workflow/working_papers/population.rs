//! The population of a control: every occurrence of it in the audit period, listed by the
//! provider (or recorded by an auditor from the provider's list) and frozen once recorded. The
//! sample is drawn from it afterwards, with a seed nobody could know while the list was open.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::operation::PopulationSummary;
use super::{ControlWork, Judged, check_open, check_phases, recorded};
use crate::case::bounds::MAX_NAME_CHARS;
use crate::date::CalendarDate;
use crate::log_chain::sha256_hex;
use crate::policy::Member;
use crate::text::Bilingual;
use crate::workflow::audit::Audit;
use crate::workflow::audit_body::is_auditor_of;
use crate::workflow::fields::{Problems, is_blank};
use crate::workflow::report::canonical_json;
use crate::workflow::service::acts_for_provider;
use crate::workflow::statement::Statement;
use crate::workflow::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};

/// Most occurrences one population lists: a control that runs every two minutes all year stays
/// below it.
pub const MAX_OCCURRENCES: usize = 300_000;

/// One occurrence of a control: the day it happened and the provider's reference for it (a
/// ticket, a job run, a log line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Occurrence {
    pub on: CalendarDate,
    pub reference: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Population {
    /// The id of the control's papers, `{audit}/{control}`.
    pub id: String,
    pub audit: String,
    pub control: String,
    pub service: String,
    pub provider: String,
    pub audit_body: String,
    /// Numbered 1, 2, … in this order: the sample names them by number.
    pub occurrences: Vec<Occurrence>,
    pub sha256: String,
    #[serde(flatten)]
    pub frozen: Judged,
}

/// The SHA-256 of a list of occurrences in canonical JSON: what the freezing event records and
/// what a recomputation checks.
pub fn population_sha256(occurrences: &[Occurrence]) -> String {
    let value = serde_json::to_value(occurrences).unwrap_or_default();
    sha256_hex(canonical_json(&value).as_bytes())
}

/// The provider (or an auditor of the body) records a selected control's population; it is
/// frozen from then on. Every occurrence falls in the audit period and has a reference.
pub fn freeze_population(
    audit: &Audit,
    statement: &Statement,
    existing: Option<&ControlWork>,
    control: &str,
    occurrences: Vec<Occurrence>,
    by: &Member,
    at: Moment,
) -> Result<(Population, Change<ControlWork>), Refusal> {
    if !acts_for_provider(by, &audit.provider) && !is_auditor_of(by, &audit.audit_body) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    check_open(audit)?;
    check_phases(audit)?;
    if existing
        .and_then(|work| work.operation.as_ref())
        .is_some_and(|operation| operation.population.is_some())
    {
        return Err(Refusal::Conflict(Conflict::PopulationFrozen {
            control: control.to_owned(),
        }));
    }
    let mut problems = Problems::new();
    if statement.content.selected(control).is_none() {
        problems.push(
            "/control",
            "not_selected",
            Bilingual::new(
                format!("{control} は監査中の言明書で選択された管理策ではありません"),
                format!("{control} is not a selected control of the audited statement"),
            ),
        );
    }
    check_occurrences(&mut problems, audit, &occurrences);
    problems.finish()?;
    let sha256 = population_sha256(&occurrences);
    let population = Population {
        id: super::work_id(&audit.id, control),
        audit: audit.id.clone(),
        control: control.to_owned(),
        service: audit.service.clone(),
        provider: audit.provider.clone(),
        audit_body: audit.audit_body.clone(),
        sha256: sha256.clone(),
        frozen: Judged::now(by, at),
        occurrences,
    };
    let mut work = ControlWork::of(audit, control, existing);
    let operation = work.operation.get_or_insert_with(Default::default);
    operation.population = Some(PopulationSummary {
        size: population.occurrences.len() as u64,
        sha256,
        frozen: Judged::now(by, at),
    });
    // One event records both rows: its hash, the log head right after the freeze, is what
    // the sample's seed is derived from.
    let mut change = recorded(work, "audit.population.freeze", by, at);
    change.event = WorkflowEvent::new(
        by,
        at,
        "audit.population.freeze",
        &change.state.id,
        json!({ "work": change.state, "population": population }),
    );
    Ok((population, change))
}

fn check_occurrences(problems: &mut Problems, audit: &Audit, occurrences: &[Occurrence]) {
    if !problems.list_size("/occurrences", occurrences.len(), MAX_OCCURRENCES) {
        return;
    }
    let (start, end) = (audit.period.start, audit.period.end);
    // Report the first few bad rows only: a wrong file can have thousands.
    let mut reported = 0;
    for (i, occurrence) in occurrences.iter().enumerate() {
        if reported >= 20 {
            break;
        }
        let number = i + 1;
        if occurrence.on < start || occurrence.on > end {
            reported += 1;
            problems.push(
                format!("/occurrences/{i}/on"),
                "outside_period",
                Bilingual::new(
                    format!(
                        "発生 {number}（{}）は監査期間 {start}〜{end} の外です",
                        occurrence.on
                    ),
                    format!(
                        "occurrence {number} ({}) is outside the audit period {start} to {end}",
                        occurrence.on
                    ),
                ),
            );
        }
        if is_blank(&occurrence.reference) || occurrence.reference.chars().count() > MAX_NAME_CHARS
        {
            reported += 1;
            problems.push(
                format!("/occurrences/{i}/reference"),
                "invalid_reference",
                Bilingual::new(
                    format!("発生 {number} の参照は 1〜{MAX_NAME_CHARS} 文字にしてください"),
                    format!(
                        "occurrence {number} needs a reference of 1 to {MAX_NAME_CHARS} characters"
                    ),
                ),
            );
        }
    }
}
