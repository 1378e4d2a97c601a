//! The demo world that `shinrai serve --demo` builds in an empty store: the operator, the
//! providers, the audit bodies and the procurers with one or more users each (all fictional),
//! and the registry as years of the scheme's work made it. Nothing is inserted behind the
//! workflow's back: every service is described, stated, audited, applied for, reviewed,
//! decided and approved through the same actions the API uses, on the day its story says, so
//! every step is an event of the signed log; later suspensions and deregistrations are the
//! operator's measures (its provider told, what is built on it falling at once), and the
//! lifecycle job runs on the first of every month, expiring what lapsed. A few services are left mid-way so that every demo
//! user has work waiting. For demonstrations only: every demo user has the same, published
//! password.

mod flow;
pub mod ledger;
pub mod midway;
pub mod moments;
mod papers;
pub mod procurement_story;
pub mod registry_story;
mod statement;
pub mod world;

use shinrai_domain::accounts::OrgKind;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::Bilingual;
use shinrai_store::model::{ChangeBy, NewOrganisation, NewUser};
use shinrai_store::{Store, StoreError};

use crate::audit_bodies;
use crate::auth::password::PasswordError;
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflow::Acting;

pub use flow::StepFailed;

/// The password of every demo user. Printed at start; never use the demo world for real data.
pub const DEMO_PASSWORD: &str = "shinrai-demo-2026";

/// A demo login to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLogin {
    pub login: &'static str,
    pub organisation: &'static str,
    pub roles: Vec<&'static str>,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Password(#[from] PasswordError),
    #[error("{0}")]
    Criteria(#[from] shinrai_domain::criteria::demo::DemoError),
    #[error("{0}")]
    Story(#[from] registry_story::StoryError),
    #[error("{0}")]
    ProcurementStory(#[from] procurement_story::ProcurementStoryError),
    #[error("{0}")]
    Uncast(#[from] ledger::Uncast),
    #[error("{0}")]
    Step(#[from] StepFailed),
    /// A date or a party of the demo world itself is wrong: a mistake in this module.
    #[error("the demo world is inconsistent: {0}")]
    World(&'static str),
    #[error("{0}")]
    Service(String),
}

impl From<ApiError> for DemoError {
    fn from(error: ApiError) -> DemoError {
        DemoError::Service(error.to_string())
    }
}

/// Who acts in the stories: each provider's staff user, each audit body's signing auditor.
struct WorldCast;

impl ledger::Cast for WorldCast {
    fn provider(&self, org: &str) -> Option<String> {
        world::provider_staff(org).map(str::to_owned)
    }

    fn signer(&self, audit_body: &str) -> Option<String> {
        world::signer_of(audit_body).map(str::to_owned)
    }
}

/// Builds the demo world when the store holds no organisation yet; `Ok(None)` when it does
/// (nothing is changed then, so a restart keeps what was done in the demo meanwhile).
/// `at_ms` is now: the closing checkpoint is signed then.
pub async fn load_if_empty(
    state: &AppState,
    at_ms: i64,
) -> Result<Option<Vec<DemoLogin>>, DemoError> {
    let store = &state.store;
    if store.organisation_count().await? > 0 {
        return Ok(None);
    }
    let opened = CalendarDate::parse(world::OPENED_ON).ok_or(DemoError::World("OPENED_ON"))?;
    let by = ChangeBy::system(moments::at(opened, 0).at_ms);
    let logins = people(state, &by).await?;
    // The published demo criteria and a draft revision of them.
    store
        .create_criteria(&shinrai_domain::criteria::demo::demo_criteria()?, &by)
        .await?;
    store
        .create_criteria(&shinrai_domain::criteria::demo::demo_next_draft()?, &by)
        .await?;
    audit_bodies_on(state, opened).await?;
    let story = registry_story::registry_story()?;
    let mut more = midway::steps().ok_or(DemoError::World("a mid-way date"))?;
    let first_run = CalendarDate::parse(world::FIRST_LIFECYCLE_RUN)
        .ok_or(DemoError::World("FIRST_LIFECYCLE_RUN"))?;
    let last_run = CalendarDate::parse(world::LAST_LIFECYCLE_RUN)
        .ok_or(DemoError::World("LAST_LIFECYCLE_RUN"))?;
    more.extend(ledger::lifecycle_runs(first_run, last_run));
    more.extend(procurement_story::steps(
        &procurement_story::procurement_story()?,
    ));
    for step in ledger::in_order(&story, more, &WorldCast)? {
        flow::take(state, &step).await?;
    }
    store.checkpoint(at_ms).await?;
    Ok(Some(logins))
}

/// The organisations and their users; each user's id is its login.
async fn people(state: &AppState, by: &ChangeBy) -> Result<Vec<DemoLogin>, DemoError> {
    let store: &Store = &state.store;
    for (id, kind, ja, en) in world::ORGANISATIONS {
        store
            .create_organisation(
                &NewOrganisation {
                    id: id.to_owned(),
                    kind,
                    name: Bilingual::new(ja, en),
                },
                by,
            )
            .await?;
    }
    // One hash for all: the password is the same, and hashing each time would slow the start.
    let hash = state.passwords.hash(DEMO_PASSWORD)?;
    let mut logins = Vec::new();
    for (login, org, name, roles) in world::USERS {
        store
            .create_user(
                &NewUser {
                    id: login.to_owned(),
                    org_id: org.to_owned(),
                    login: login.to_owned(),
                    display_name: name.to_owned(),
                    roles: roles.to_vec(),
                    password_hash: hash.clone(),
                },
                by,
            )
            .await?;
        logins.push(DemoLogin {
            login,
            organisation: org,
            roles: roles.iter().map(|role| role.code()).collect(),
        });
    }
    Ok(logins)
}

/// The operator's administrator records which audit bodies are selected and which of their
/// auditors may sign, on the day the scheme opened.
async fn audit_bodies_on(state: &AppState, opened: CalendarDate) -> Result<(), DemoError> {
    let admin = world::member(ledger::ADMIN).ok_or(DemoError::World("admin"))?;
    let by = Acting::new(admin, moments::at(opened, 30));
    let failed = |failure| DemoError::Service(ApiError::from(failure).to_string());
    for record in world::selections().ok_or(DemoError::World("a selection date"))? {
        audit_bodies::actions::record_body(state, &by, record)
            .await
            .map_err(failed)?;
    }
    for profile in world::auditor_profiles() {
        audit_bodies::actions::record_profile(state, &by, profile)
            .await
            .map_err(failed)?;
    }
    Ok(())
}

/// How many entries [`add_registry`] writes in one transaction: large registries are written
/// in steps, so that no transaction holds a hundred thousand documents at once.
const ENTRIES_PER_WRITE: usize = 5_000;

/// Writes a registry data set into the store: the providers and audit bodies it names, then
/// its entries. Benchmarks and test fixtures use it for generated registries; the demo world
/// does not (its registry is written by decisions).
pub async fn add_registry(
    store: &Store,
    registry: &shinrai_domain::registry::demo::DemoRegistry,
    by: &ChangeBy,
) -> Result<(), StoreError> {
    for (orgs, kind) in [
        (&registry.providers, OrgKind::Provider),
        (&registry.audit_bodies, OrgKind::AuditBody),
    ] {
        for org in orgs {
            store
                .create_organisation(
                    &NewOrganisation {
                        id: org.id.clone(),
                        kind,
                        name: org.name.clone(),
                    },
                    by,
                )
                .await?;
        }
    }
    for entries in registry.entries.chunks(ENTRIES_PER_WRITE) {
        store.create_registry_entries(entries, by).await?;
    }
    Ok(())
}
