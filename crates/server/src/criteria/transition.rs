//! A new criteria version and the registered services: what each one's statement lacks of
//! the version's mandatory controls at its level (for the operator, and for each provider its
//! own, each provider told in its inbox at publishing), and the published versions with their
//! transition days, which renewals must follow.

use std::collections::BTreeSet;

use shinrai_domain::criteria::transition::{
    PublishedVersion, RegisteredService, gaps, renewal_refused,
};
use shinrai_domain::criteria::{CriteriaVersion, Status};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::policy::Member;
use shinrai_domain::registry::{EntryStatus, RegistryEntry};
use shinrai_domain::workflow::notification::Draft;
use shinrai_domain::workflow::notification::messages::criteria_gaps;
use shinrai_domain::workflow::service::is_provider;
use shinrai_domain::workflow::{Conflict, Moment, NotAllowed, Refusal};
use shinrai_store::Store;
use shinrai_store::documents::Batch;
use shinrai_store::error::StoreResult;

use crate::notifications::outbox;
use crate::state::AppState;
use crate::workflow::facts::registered_statement;
use crate::workflow::{Failure, Outcome};

/// Whose registered services `member` may read the gaps of: every provider's for the
/// operator's staff (`None`), its own for a provider; refused to anyone else.
pub fn readable_by(member: &Member) -> Result<Option<&str>, Failure> {
    if member.is_operator_staff() {
        Ok(None)
    } else if is_provider(member) {
        Ok(Some(member.org_id.as_str()))
    } else {
        Err(Failure::Refused(Refusal::NotAllowed(
            NotAllowed::NotAReviewer,
        )))
    }
}

/// Every published version with its publication and transition days.
pub async fn published_versions(state: &AppState) -> Outcome<Vec<PublishedVersion>> {
    let mut published = Vec::new();
    for summary in state.store.criteria_list().await? {
        if summary.status != Status::Published {
            continue;
        }
        let Some(loaded) = state.criteria.get(&state.store, &summary.version).await? else {
            continue;
        };
        if let Some(published_on) = loaded.version.published_on {
            published.push(PublishedVersion {
                version: summary.version.clone(),
                published_on,
                transition_on: loaded.version.transition_on,
            });
        }
    }
    Ok(published)
}

/// The registered and suspended services, each with the statement its registration rests on
/// (through the application that wrote the entry and its audit); `provider` keeps one
/// provider's only.
pub async fn registered_services(
    store: &Store,
    provider: Option<&str>,
) -> StoreResult<Vec<RegisteredService>> {
    let entries = store.registry_entries().await?;
    let mut services = Vec::new();
    for entry in entries.iter().filter(|entry| is_live(entry)) {
        if provider.is_some_and(|only| only != entry.provider) {
            continue;
        }
        if let Some(service) = registered_service(store, entry).await? {
            services.push(service);
        }
    }
    Ok(services)
}

fn is_live(entry: &RegistryEntry) -> bool {
    matches!(
        entry.status,
        EntryStatus::Registered | EntryStatus::Suspended
    )
}

async fn registered_service(
    store: &Store,
    entry: &RegistryEntry,
) -> StoreResult<Option<RegisteredService>> {
    let Some(statement) = registered_statement(store, entry).await? else {
        return Ok(None);
    };
    let content = &statement.content;
    let covered: BTreeSet<String> = content
        .selected
        .iter()
        .map(|selected| selected.control.clone())
        .chain(
            content
                .governance
                .iter()
                .chain(&content.management)
                .map(|answer| answer.item.clone()),
        )
        .collect();
    Ok(Some(RegisteredService {
        entry: entry.id.clone(),
        service_name: entry.service_name.clone(),
        provider: entry.provider.clone(),
        level: entry.level,
        models: entry
            .service_models
            .iter()
            .map(|scope| scope.model)
            .collect(),
        statement: statement.id,
        statement_criteria: statement.criteria_version,
        covered,
    }))
}

/// Tells the provider of every registered service that lacks something of the newly
/// published `version`, once per service, in its inbox (and by mail when `mail`); the number
/// of messages sent.
pub async fn tell_providers(
    store: &Store,
    version: &CriteriaVersion,
    mail: bool,
    at: Moment,
) -> StoreResult<usize> {
    let services = registered_services(store, None).await?;
    let drafts: Vec<Draft> = gaps(version, &services)
        .iter()
        .map(|gap| criteria_gaps(gap, &version.version, version.transition_on))
        .collect();
    if drafts.is_empty() {
        return Ok(0);
    }
    let (batch, sent) = outbox::add_new(store, Batch::new(), drafts, mail, at).await?;
    store.commit(batch).await?;
    Ok(sent.len())
}

/// Refuses a renewal resting on `statement` when, on `day`, a transition requires a later
/// criteria version than the one it is written against.
pub async fn check_renewal(state: &AppState, statement: &str, day: CalendarDate) -> Outcome<()> {
    let Some(statement) = state.store.statement(statement).await? else {
        return Ok(());
    };
    let published = published_versions(state).await?;
    let used = &statement.value.criteria_version;
    match renewal_refused(&published, used, day) {
        None => Ok(()),
        Some(required) => Err(Failure::Refused(Refusal::Conflict(
            Conflict::CriteriaTransition {
                used: used.clone(),
                required: required.version.clone(),
                since: required
                    .transition_on
                    .map(|on| on.to_string())
                    .unwrap_or_default(),
            },
        ))),
    }
}
