//! The evaluation of the provider's internal audit, the kind of audit for level 1: an auditor of
//! the body records the internal audit report and whether it can be relied on, draws the
//! controls to re-perform (seeded from the log point of that record's event) and records each
//! re-performance. The papers live on the audit. The actions here serve the API (`api.rs`) and
//! the engagement page's forms (`forms.rs`).

pub mod api;
pub mod forms;

use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit::Audit;
use shinrai_domain::workflow::working_papers::{self, InternalAuditInput, LogPoint};
use shinrai_domain::workflow::{Conflict, Refusal};
use shinrai_store::documents::Batch;

use super::actions::engagement;
use crate::state::AppState;
use crate::workflow::{Acting, Failure, Outcome};

/// The action of the event whose log point seeds the draw.
const EVALUATED: &str = "audit.internal_audit";

/// Applies a change of the audit's internal-audit papers and stores it.
async fn change_audit(
    state: &AppState,
    by: &Acting,
    id: &str,
    change: impl AsyncFnOnce(
        &super::actions::Engagement,
    ) -> Outcome<shinrai_domain::workflow::Change<Audit>>,
) -> Outcome<Audit> {
    let engagement = engagement(state, by, id).await?;
    let change = change(&engagement).await?;
    state
        .store
        .commit(Batch::new().update(&change, engagement.audit.revision)?)
        .await?;
    Ok(change.state)
}

/// The log point of the latest record of the evaluation: the draw's seed comes from it.
async fn evaluation_point(state: &AppState, audit: &str) -> Outcome<LogPoint> {
    let events = state.store.events_about(audit, EVALUATED).await?;
    let event = events.last().ok_or_else(|| {
        Failure::from(Refusal::Conflict(Conflict::InternalAuditNotEvaluated {
            audit: audit.to_owned(),
        }))
    })?;
    Ok(LogPoint {
        seq: event.seq,
        hash: event.hash.clone(),
    })
}

pub async fn evaluate(
    state: &AppState,
    by: &Acting,
    id: &str,
    input: InternalAuditInput,
) -> Outcome<Audit> {
    change_audit(state, by, id, async |engagement| {
        Ok(working_papers::evaluate_internal_audit(
            &engagement.audit.value,
            input,
            &by.member,
            by.at,
        )?)
    })
    .await
}

pub async fn draw(state: &AppState, by: &Acting, id: &str) -> Outcome<Audit> {
    change_audit(state, by, id, async |engagement| {
        let audit = &engagement.audit.value;
        // Without an evaluation there is no event to seed from: the domain says so first.
        let point = match &audit.internal_audit {
            Some(_) => evaluation_point(state, id).await?,
            None => LogPoint {
                seq: 0,
                hash: String::new(),
            },
        };
        Ok(working_papers::draw_reperformance(
            audit,
            &engagement.statement,
            &point,
            &by.member,
            by.at,
        )?)
    })
    .await
}

pub async fn record(
    state: &AppState,
    by: &Acting,
    id: &str,
    control: &str,
    passed: bool,
    reason: Bilingual,
) -> Outcome<Audit> {
    change_audit(state, by, id, async |engagement| {
        Ok(working_papers::record_reperformance(
            &engagement.audit.value,
            control,
            passed,
            reason,
            &by.member,
            by.at,
        )?)
    })
    .await
}
