//! What can be done with an audit's working papers: judge in the three phases, record a
//! population and draw its sample, record each sampled occurrence's result, rely on other
//! certifications, continue on a new statement version; and read the papers and the progress.
//! Each loads what the domain needs, calls its transition and stores the answer with its event.

use shinrai_domain::sampling::Frequency;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit::Audit;
use shinrai_domain::workflow::statement::Statement;
use shinrai_domain::workflow::working_papers::{
    self, ControlWork, DesignInput, Evidence, EvidenceRequest, FairInput, LogPoint, Occurrence,
    Population, Progress, RelianceInput, work_id,
};
use shinrai_domain::workflow::{Change, Conflict, FieldError, Refusal};
use shinrai_store::documents::{Batch, Stored};

use crate::audits::actions::visible;
use crate::state::AppState;
use crate::workflow::facts::{self, STATEMENT};
use crate::workflow::{Acting, Failure, Outcome};

/// An audit the one acting may see, with the statement it is on.
#[derive(Debug)]
pub struct Engagement {
    pub audit: Stored<Audit>,
    pub statement: Statement,
}

pub async fn engagement(state: &AppState, by: &Acting, id: &str) -> Outcome<Engagement> {
    let audit = visible(state, by, id).await?;
    let statement = state
        .store
        .statement(&audit.value.statement)
        .await?
        .ok_or_else(|| facts::missing(STATEMENT, &audit.value.statement))?
        .value;
    Ok(Engagement { audit, statement })
}

/// A control's papers as stored, if any were written.
async fn stored_work(
    state: &AppState,
    audit: &str,
    control: &str,
) -> Outcome<Option<Stored<ControlWork>>> {
    Ok(state.store.control_work(&work_id(audit, control)).await?)
}

/// Stores a change to a control's papers: new papers, or the stored ones changed.
async fn store_work(
    state: &AppState,
    existing: Option<&Stored<ControlWork>>,
    change: &Change<ControlWork>,
) -> Outcome<()> {
    let batch = match existing {
        Some(stored) => Batch::new().update(change, stored.revision)?,
        None => Batch::new().create(change)?,
    };
    state.store.commit(batch).await?;
    Ok(())
}

/// Loads the engagement and a control's papers, applies `change` (a domain transition) and
/// stores what it answers.
async fn change_work(
    state: &AppState,
    by: &Acting,
    id: &str,
    control: &str,
    change: impl FnOnce(&Engagement, Option<&ControlWork>) -> Result<Change<ControlWork>, Refusal>,
) -> Outcome<ControlWork> {
    let engagement = engagement(state, by, id).await?;
    let existing = stored_work(state, id, control).await?;
    let change = change(&engagement, existing.as_ref().map(|s| &s.value))?;
    store_work(state, existing.as_ref(), &change).await?;
    Ok(change.state)
}

pub async fn judge_fair(
    state: &AppState,
    by: &Acting,
    id: &str,
    input: FairInput,
) -> Outcome<ControlWork> {
    let control = input.control.clone();
    change_work(state, by, id, &control, |engagement, existing| {
        working_papers::judge_fair(
            &engagement.audit.value,
            &engagement.statement,
            existing,
            input,
            &by.member,
            by.at,
        )
    })
    .await
}

pub async fn judge_governance(
    state: &AppState,
    by: &Acting,
    id: &str,
    effective: bool,
    reason: Bilingual,
) -> Outcome<Audit> {
    let stored = visible(state, by, id).await?;
    let change =
        working_papers::judge_governance(&stored.value, effective, reason, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// The provider names the newer version of its statement the audit goes on with.
pub async fn continue_on(
    state: &AppState,
    by: &Acting,
    id: &str,
    statement: &str,
) -> Outcome<Audit> {
    let stored = visible(state, by, id).await?;
    let next = crate::statements::actions::visible(state, by, statement)
        .await
        .map_err(|failure| {
            crate::audits::actions::as_reference(failure, "/statement", STATEMENT, statement)
        })?
        .value;
    let criteria = facts::criteria_of(state, &stored.value.criteria_version).await?;
    let change =
        working_papers::continue_on(&stored.value, &next, &criteria.version, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

pub async fn judge_design(
    state: &AppState,
    by: &Acting,
    id: &str,
    input: DesignInput,
) -> Outcome<ControlWork> {
    let audit = visible(state, by, id).await?;
    let criteria = facts::criteria_of(state, &audit.value.criteria_version).await?;
    let control = input.control.clone();
    change_work(state, by, id, &control, |engagement, existing| {
        working_papers::judge_design(
            &engagement.audit.value,
            &engagement.statement,
            &criteria.version,
            existing,
            input,
            &by.member,
            by.at,
        )
    })
    .await
}

pub async fn rely(
    state: &AppState,
    by: &Acting,
    id: &str,
    input: RelianceInput,
) -> Outcome<ControlWork> {
    let control = input.control.clone();
    change_work(state, by, id, &control, |engagement, existing| {
        working_papers::rely(
            &engagement.audit.value,
            &engagement.statement,
            existing,
            input,
            &by.member,
            by.at,
        )
    })
    .await
}

pub async fn set_frequency(
    state: &AppState,
    by: &Acting,
    id: &str,
    control: &str,
    frequency: Frequency,
) -> Outcome<ControlWork> {
    change_work(state, by, id, control, |engagement, existing| {
        working_papers::set_frequency(
            &engagement.audit.value,
            &engagement.statement,
            existing,
            control,
            frequency,
            &by.member,
            by.at,
        )
    })
    .await
}

/// The population read from its CSV file, frozen with the control's papers in one event.
pub async fn freeze_population(
    state: &AppState,
    by: &Acting,
    id: &str,
    control: &str,
    occurrences: Vec<Occurrence>,
) -> Outcome<ControlWork> {
    let engagement = engagement(state, by, id).await?;
    let existing = stored_work(state, id, control).await?;
    let (population, change) = working_papers::freeze_population(
        &engagement.audit.value,
        &engagement.statement,
        existing.as_ref().map(|s| &s.value),
        control,
        occurrences,
        &by.member,
        by.at,
    )?;
    let batch = Batch::new().create_recorded_by_next(&population, change.event.at_ms)?;
    let batch = match &existing {
        Some(stored) => batch.update(&change, stored.revision)?,
        None => batch.create(&change)?,
    };
    state.store.commit(batch).await?;
    Ok(change.state)
}

/// The population of a control, once frozen.
pub async fn population(
    state: &AppState,
    by: &Acting,
    id: &str,
    control: &str,
) -> Outcome<Population> {
    visible(state, by, id).await?;
    let key = work_id(id, control);
    Ok(state
        .store
        .population(&key)
        .await?
        .ok_or_else(|| {
            Refusal::Conflict(Conflict::PopulationNotFrozen {
                control: control.to_owned(),
            })
        })?
        .value)
}

/// The log point of the event that froze a control's population: the seed's source.
pub async fn freeze_point(state: &AppState, audit: &str, control: &str) -> Outcome<LogPoint> {
    let key = work_id(audit, control);
    let events = state
        .store
        .events_about(&key, "audit.population.freeze")
        .await?;
    let event = events.first().ok_or_else(|| {
        Failure::from(Refusal::Conflict(Conflict::PopulationNotFrozen {
            control: control.to_owned(),
        }))
    })?;
    Ok(LogPoint {
        seq: event.seq,
        hash: event.hash.clone(),
    })
}

pub async fn draw_sample(
    state: &AppState,
    by: &Acting,
    id: &str,
    control: &str,
    round: u8,
    reason: Option<Bilingual>,
) -> Outcome<ControlWork> {
    let stored = visible(state, by, id).await?;
    let existing = stored_work(state, id, control).await?;
    // Without papers there is no population: the domain says so before the log is read.
    let point = match &existing {
        Some(_) => freeze_point(state, id, control).await?,
        None => LogPoint {
            seq: 0,
            hash: String::new(),
        },
    };
    let change = working_papers::draw_sample(
        &stored.value,
        existing.as_ref().map(|s| &s.value),
        control,
        round,
        reason,
        &point,
        &by.member,
        by.at,
    )?;
    store_work(state, existing.as_ref(), &change).await?;
    Ok(change.state)
}

/// What an auditor says of one sampled occurrence.
#[derive(Debug, Clone)]
pub struct ItemInput {
    pub control: String,
    pub round: u8,
    pub occurrence: u64,
    pub passed: bool,
    pub note: Bilingual,
    /// Evidence by its id within the audit (`ev-0000001`) or in full.
    pub evidence: Vec<String>,
}

pub async fn record_item(
    state: &AppState,
    by: &Acting,
    id: &str,
    input: ItemInput,
) -> Outcome<ControlWork> {
    let stored = visible(state, by, id).await?;
    let existing = stored_work(state, id, &input.control).await?;
    let evidence = evidence_named(state, id, &input.evidence, "/evidence").await?;
    let cited: Vec<&Evidence> = evidence.iter().collect();
    let change = working_papers::record_item(
        &stored.value,
        existing.as_ref().map(|s| &s.value),
        &input.control,
        input.round,
        input.occurrence,
        input.passed,
        input.note,
        &cited,
        &by.member,
        by.at,
    )?;
    store_work(state, existing.as_ref(), &change).await?;
    Ok(change.state)
}

/// The evidence records a request names, each of this audit; one not found is an invalid field.
pub async fn evidence_named(
    state: &AppState,
    audit: &str,
    names: &[String],
    field: &str,
) -> Outcome<Vec<Evidence>> {
    const MAX_NAMED: usize = 1_000;
    if names.len() > MAX_NAMED {
        return Err(Refusal::Invalid(vec![FieldError::new(
            field,
            "too_long",
            Bilingual::new(
                format!("{field} は {MAX_NAMED} 件以内にしてください"),
                format!("{field} names at most {MAX_NAMED} records"),
            ),
        )])
        .into());
    }
    let mut found = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let full = full_id(audit, name);
        match state.store.evidence(&full).await? {
            Some(stored) => found.push(stored.value),
            None => {
                return Err(Failure::unknown_reference(
                    &format!("{field}/{i}"),
                    EVIDENCE,
                    name,
                ));
            }
        }
    }
    Ok(found)
}

pub const EVIDENCE: (&str, &str) = ("証跡", "evidence");
pub const REQUEST: (&str, &str) = ("証跡依頼", "request for evidence");

/// A record's id within its audit (`ev-0000001`) made whole (`au-1/ev-0000001`).
pub fn full_id(audit: &str, local: &str) -> String {
    if local.contains('/') {
        local.to_owned()
    } else {
        format!("{audit}/{local}")
    }
}

/// The engagement at a glance: its progress per phase and every control's papers.
#[derive(Debug)]
pub struct Overview {
    pub audit: Audit,
    pub progress: Progress,
    pub work: Vec<ControlWork>,
    pub evidence: u64,
    pub requests: Vec<EvidenceRequest>,
}

pub async fn overview(state: &AppState, by: &Acting, id: &str) -> Outcome<Overview> {
    let engagement = engagement(state, by, id).await?;
    let audit = engagement.audit.value;
    let criteria = facts::criteria_of(state, &audit.criteria_version).await?;
    let work: Vec<ControlWork> = values(state.store.audit_work(id).await?);
    let requests: Vec<EvidenceRequest> = values(state.store.evidence_requests(id).await?);
    let evidence = state.store.evidence_count(id).await?;
    let progress = Progress::of(
        &audit,
        &engagement.statement,
        &criteria.version,
        &work,
        &requests,
        by.at.date(),
    );
    Ok(Overview {
        audit,
        progress,
        work,
        evidence,
        requests,
    })
}

pub fn values<T>(stored: Vec<Stored<T>>) -> Vec<T> {
    stored.into_iter().map(|stored| stored.value).collect()
}
