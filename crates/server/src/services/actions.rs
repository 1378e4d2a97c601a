//! What can be done with a service: describe a new one, read one, list those the caller may
//! see, share its statement's annexes with procuring organisations and stop sharing them. Each loads what it needs, lets the domain decide, and commits the change with its event.

use shinrai_domain::workflow::audit::Audit;
use shinrai_domain::workflow::service::{self, Service, ServiceDetails};
use shinrai_domain::workflow::{NotAllowed, Refusal, access, annex_sharing};
use shinrai_store::documents::{Batch, Filter, Stored};

use crate::state::AppState;
use crate::workflow::facts::SERVICE;
use crate::workflow::{Acting, Failure, Outcome, ids, unchanged_since};

/// What organisations and grants are called in messages.
const ORGANISATION: (&str, &str) = ("組織", "organisation");
const GRANT: (&str, &str) = ("別紙の開示先", "annex grant");

/// A service as its provider first describes it.
#[derive(Debug, Clone)]
pub struct NewService {
    /// Chosen by the server when absent.
    pub id: Option<String>,
    pub details: ServiceDetails,
}

pub async fn create(state: &AppState, by: &Acting, new: NewService) -> Outcome<Service> {
    let id = ids::chosen(new.id, ids::SERVICE);
    let change = service::create(id, new.details, &by.member, by.at)?;
    state.store.commit(Batch::new().create(&change)?).await?;
    Ok(change.state)
}

/// Its provider changes what the service says, from the revision the one acting read (`None`:
/// whatever is stored now).
pub async fn edit(
    state: &AppState,
    by: &Acting,
    id: &str,
    details: ServiceDetails,
    expected: Option<i64>,
) -> Outcome<Service> {
    let stored = visible(state, by, id).await?;
    let change = service::edit(&stored.value, details, &by.member, by.at)?;
    unchanged_since(stored.revision, expected, SERVICE, id)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// The service `id`, if the one acting may know of it.
pub async fn visible(state: &AppState, by: &Acting, id: &str) -> Outcome<Stored<Service>> {
    let stored = state
        .store
        .service(id)
        .await?
        .ok_or_else(|| Failure::not_found(SERVICE, id))?;
    let audits = ordered_from_own_body(state, by, Filter::service(id)).await?;
    access::read_service(&by.actor(), &stored.value, &audits)
        .map_err(|hidden| Failure::hidden(hidden, SERVICE, id))?;
    Ok(stored)
}

pub async fn get(state: &AppState, by: &Acting, id: &str) -> Outcome<Service> {
    Ok(visible(state, by, id).await?.value)
}

/// The services the one acting may see, of one provider or of all, by id.
pub async fn list(state: &AppState, by: &Acting, provider: Option<&str>) -> Outcome<Vec<Service>> {
    let filter = provider.map_or_else(Filter::all, Filter::provider);
    let services: Vec<Stored<Service>> = state.store.documents(&filter).await?;
    let audits = ordered_from_own_body(state, by, Filter::all()).await?;
    let actor = by.actor();
    Ok(services
        .into_iter()
        .map(|stored| stored.value)
        .filter(|service| access::read_service(&actor, service, &audits).is_ok())
        .collect())
}

/// The audits (among `filter`'s) ordered from the organisation of the one acting: an audit
/// body sees the services it was asked to audit. For any other organisation there are none.
async fn ordered_from_own_body(
    state: &AppState,
    by: &Acting,
    filter: Filter,
) -> Outcome<Vec<Audit>> {
    let filter = Filter {
        audit_body: Some(by.member.org_id.clone()),
        ..filter
    };
    let audits: Vec<Stored<Audit>> = state.store.documents(&filter).await?;
    Ok(audits.into_iter().map(|stored| stored.value).collect())
}

/// Its provider shares the service's statement annexes with the procuring organisation `org`
/// (nothing is written when it does already).
pub async fn grant_annexes(state: &AppState, by: &Acting, id: &str, org: &str) -> Outcome<Service> {
    let stored = visible(state, by, id).await?;
    let organisation = state
        .store
        .organisation(org)
        .await?
        .ok_or_else(|| Failure::not_found(ORGANISATION, org))?;
    match annex_sharing::grant_annexes(&stored.value, org, organisation.kind, &by.member, by.at)? {
        None => Ok(stored.value),
        Some(change) => {
            state
                .store
                .commit(Batch::new().update(&change, stored.revision)?)
                .await?;
            Ok(change.state)
        }
    }
}

/// Its provider stops sharing the service's annexes with `org` (404 when it did not).
pub async fn revoke_annexes(
    state: &AppState,
    by: &Acting,
    id: &str,
    org: &str,
) -> Outcome<Service> {
    let stored = visible(state, by, id).await?;
    let change = annex_sharing::revoke_annexes(&stored.value, org, &by.member, by.at)?
        .ok_or_else(|| Failure::not_found(GRANT, org))?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// The service `id` with whom it shares its annexes: for its provider and the operator's staff.
pub async fn annex_grants(state: &AppState, by: &Acting, id: &str) -> Outcome<Service> {
    let service = visible(state, by, id).await?.value;
    if !by.member.is_operator_staff() && !service::acts_for_provider(&by.member, &service.provider)
    {
        return Err(Failure::from(Refusal::NotAllowed(
            NotAllowed::NotTheProvider,
        )));
    }
    Ok(service)
}
