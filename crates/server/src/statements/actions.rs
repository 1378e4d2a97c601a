//! What can be done with a statement: start a new version (a copy of the latest), read it,
//! replace a draft's content, submit it for good, and pre-check it against the criteria it
//! names.

use shinrai_domain::level::Level;
use shinrai_domain::precheck::PrecheckOutcome;
use shinrai_domain::workflow::access;
use shinrai_domain::workflow::precheck::{self, PrecheckFacts};
use shinrai_domain::workflow::service::acts_for_provider;
use shinrai_domain::workflow::statement::{self, Statement, StatementContent};
use shinrai_domain::workflow::{Conflict, NotAllowed, Refusal};
use shinrai_store::documents::{Batch, Stored};
use shinrai_store::statements::statement_id;

use crate::services;
use crate::state::AppState;
use crate::workflow::facts::{self, SERVICE, STATEMENT};
use crate::workflow::{Acting, Failure, Outcome, unchanged_since};

/// What a new version is written against.
#[derive(Debug, Clone)]
pub struct NewVersion {
    /// Chosen by the server when absent: `SERVICE-vN`, so that two people starting the same
    /// version at once cannot both succeed.
    pub id: Option<String>,
    pub criteria_version: String,
    pub target_level: Level,
}

/// A draft's new content, and the criteria and level it is now written against.
#[derive(Debug, Clone)]
pub struct Draft {
    pub criteria_version: String,
    pub target_level: Level,
    pub content: StatementContent,
}

/// Starts the next version of the service's statement, a copy of the latest one's content.
pub async fn start(
    state: &AppState,
    by: &Acting,
    service_id: &str,
    new: NewVersion,
) -> Outcome<Statement> {
    let service = services::actions::visible(state, by, service_id)
        .await?
        .value;
    // Asked before the criteria are looked up, as the domain asks it first: whoever is not the
    // provider learns nothing about criteria versions here.
    if !acts_for_provider(&by.member, &service.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider).into());
    }
    let criteria =
        facts::published_criteria(state, &new.criteria_version, "/criteria_version").await?;
    let latest = state.store.statements_of(&service.id).await?.pop();
    let latest = latest.map(|stored| stored.value);
    let version = latest
        .as_ref()
        .map_or(1, |latest| latest.version.saturating_add(1));
    let id = new.id.unwrap_or_else(|| statement_id(&service.id, version));
    let change = statement::start(
        id,
        &service,
        latest.as_ref(),
        &criteria.version,
        new.target_level,
        &by.member,
        by.at,
    )?;
    state.store.commit(Batch::new().create(&change)?).await?;
    Ok(change.state)
}

/// The statement `id`, if the one acting may know of it.
pub async fn visible(state: &AppState, by: &Acting, id: &str) -> Outcome<Stored<Statement>> {
    let stored = state
        .store
        .statement(id)
        .await?
        .ok_or_else(|| Failure::not_found(STATEMENT, id))?;
    let audits: Vec<_> = state
        .store
        .audits_of_service(&stored.value.service)
        .await?
        .into_iter()
        .map(|audit| audit.value)
        .collect();
    access::read_statement(&by.actor(), &stored.value, &audits)
        .map_err(|hidden| Failure::hidden(hidden, STATEMENT, id))?;
    Ok(stored)
}

pub async fn get(state: &AppState, by: &Acting, id: &str) -> Outcome<Statement> {
    Ok(visible(state, by, id).await?.value)
}

/// Replaces a draft's content; nothing is stored unless all of it is valid.
pub async fn replace(state: &AppState, by: &Acting, id: &str, draft: Draft) -> Outcome<Statement> {
    replace_from(state, by, id, draft, None).await
}

/// Replaces a draft's content as read at revision `expected` (`None`: whatever is stored now),
/// so that a form cannot undo a save made after it was opened.
pub async fn replace_from(
    state: &AppState,
    by: &Acting,
    id: &str,
    draft: Draft,
    expected: Option<i64>,
) -> Outcome<Statement> {
    let stored = visible(state, by, id).await?;
    // The party and the state are asked before the criteria the draft moves to are looked up,
    // in the domain's order.
    if !acts_for_provider(&by.member, &stored.value.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider).into());
    }
    if !stored.value.is_draft() {
        return Err(Refusal::Conflict(Conflict::StatementFrozen {
            statement: stored.value.id.clone(),
        })
        .into());
    }
    let criteria =
        facts::published_criteria(state, &draft.criteria_version, "/criteria_version").await?;
    let change = statement::replace(
        &stored.value,
        &criteria.version,
        draft.target_level,
        draft.content,
        &by.member,
        by.at,
    )?;
    unchanged_since(stored.revision, expected, STATEMENT, id)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// Submits a draft: it never changes again.
pub async fn submit(state: &AppState, by: &Acting, id: &str) -> Outcome<Statement> {
    submit_from(state, by, id, None).await
}

/// Submits the draft as read at revision `expected` (`None`: whatever is stored now): what is
/// frozen is what the one submitting saw.
pub async fn submit_from(
    state: &AppState,
    by: &Acting,
    id: &str,
    expected: Option<i64>,
) -> Outcome<Statement> {
    let stored = visible(state, by, id).await?;
    let change = statement::submit(&stored.value, &by.member, by.at)?;
    unchanged_since(stored.revision, expected, STATEMENT, id)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// The pre-check of the stored statement against the criteria version it names, its service
/// and the registry as it stands.
pub async fn precheck(state: &AppState, by: &Acting, id: &str) -> Outcome<PrecheckOutcome> {
    let statement = visible(state, by, id).await?.value;
    let criteria = facts::criteria_of(state, &statement.criteria_version).await?;
    let service = state
        .store
        .service(&statement.service)
        .await?
        .ok_or_else(|| facts::missing(SERVICE, &statement.service))?
        .value;
    let registry = facts::registry(state).await?;
    Ok(precheck::check(&PrecheckFacts {
        criteria: &criteria.version,
        service: &service,
        registry: &registry.entries,
        statement: &statement,
    }))
}
