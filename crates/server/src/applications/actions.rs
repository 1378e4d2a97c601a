//! What can be done with an application: apply (which meets the significant changes of the
//! service waiting for a new audit), review (the registration rule on the stored
//! facts), ask for and give explanations and judge them, decide, approve (four eyes) — which
//! writes the registry entry in the same transaction — and withdraw.

use shinrai_domain::registration::{MAX_CONTROLS, RegistrationDecision};
use shinrai_domain::registry::{EntryStatus, RegistryEntry};
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::access;
use shinrai_domain::workflow::application::{
    self, Application, ApplicationKind, ApplicationStatus, Applying, Verdict,
};
use shinrai_domain::workflow::fields::Problems;
use shinrai_domain::workflow::registry_write::{next_registration_number, registered_entry};
use shinrai_store::documents::{Batch, Stored};

use super::review;
use crate::audits::actions::{as_reference, only_providers};
use crate::state::AppState;
use crate::workflow::facts::{self, APPLICATION, AUDIT, SERVICE};
use crate::workflow::{Acting, Failure, Outcome, ids, reach};
use crate::{audits, change_notices, services};

/// What the provider applies with.
#[derive(Debug, Clone)]
pub struct NewApplication {
    /// Chosen by the server when absent.
    pub id: Option<String>,
    pub service: String,
    pub audit: String,
    pub kind: ApplicationKind,
}

/// The provider applies with the signed report of an audit of its service.
pub async fn apply(state: &AppState, by: &Acting, new: NewApplication) -> Outcome<Application> {
    only_providers(by)?;
    let service = services::actions::visible(state, by, &new.service)
        .await
        .map_err(|failure| as_reference(failure, "/service", SERVICE, &new.service))?
        .value;
    let audit = audits::actions::visible(state, by, &new.audit)
        .await
        .map_err(|failure| as_reference(failure, "/audit", AUDIT, &new.audit))?
        .value;
    let entries = state.store.registry_entries().await?;
    let entry = registry_entry_of(&entries, &service.id);
    let others: Vec<Stored<Application>> = state.store.applications_of_service(&service.id).await?;
    let open = others
        .iter()
        .map(|stored| &stored.value)
        .find(|other| other.status.is_open());
    let change = application::apply(
        ids::chosen(new.id, ids::APPLICATION),
        Applying {
            service: &service,
            audit: &audit,
            kind: new.kind,
            entry,
            open,
        },
        &by.member,
        by.at,
    )?;
    if change.state.kind == ApplicationKind::Renewal {
        crate::criteria::transition::check_renewal(state, &audit.statement, by.at.date()).await?;
    }
    let mut batch = Batch::new().create(&change)?;
    if let Some(entry) = entry {
        batch = change_notices::actions::meet_with_application(
            state,
            batch,
            entry,
            &change.state.id,
            audit.period.end,
            &by.member,
            by.at,
        )
        .await?;
    }
    state.store.commit(batch).await?;
    Ok(change.state)
}

/// The service's entry in the registry: the live one if there is one, else the last that
/// ended (a deregistered service starts again with a new registration).
fn registry_entry_of<'a>(entries: &'a [RegistryEntry], service: &str) -> Option<&'a RegistryEntry> {
    let own = || {
        entries
            .iter()
            .filter(move |entry| entry.service.as_deref() == Some(service))
    };
    own()
        .find(|entry| entry.status != EntryStatus::Deregistered)
        .or_else(|| own().next_back())
}

/// The application `id`, if the one acting may know of it.
pub async fn visible(state: &AppState, by: &Acting, id: &str) -> Outcome<Stored<Application>> {
    let stored = state
        .store
        .application(id)
        .await?
        .ok_or_else(|| Failure::not_found(APPLICATION, id))?;
    access::read_application(&by.actor(), &stored.value)
        .map_err(|hidden| Failure::hidden(hidden, APPLICATION, id))?;
    Ok(stored)
}

/// The applications the one acting may see, by id, narrowed by status and service: the
/// operator's review queue, a provider's own, an audit body's on its audits.
pub async fn list(
    state: &AppState,
    by: &Acting,
    status: Option<ApplicationStatus>,
    service: Option<&str>,
) -> Outcome<Vec<Application>> {
    let Some(filter) = reach::own_records(&by.member, status.map(ApplicationStatus::code), service)
    else {
        return Ok(Vec::new());
    };
    let applications: Vec<Stored<Application>> = state.store.documents(&filter).await?;
    let actor = by.actor();
    Ok(applications
        .into_iter()
        .map(|stored| stored.value)
        .filter(|application| access::read_application(&actor, application).is_ok())
        .collect())
}

pub async fn get(state: &AppState, by: &Acting, id: &str) -> Outcome<Application> {
    Ok(visible(state, by, id).await?.value)
}

/// The operator's review: the registration rule on the stored facts. The first review moves a
/// submitted application under review.
pub async fn review(state: &AppState, by: &Acting, id: &str) -> Outcome<RegistrationDecision> {
    let stored = visible(state, by, id).await?;
    let application = match application::open_review(&stored.value, &by.member, by.at)? {
        Some(change) => {
            state
                .store
                .commit(Batch::new().update(&change, stored.revision)?)
                .await?;
            change.state
        }
        None => stored.value,
    };
    review::answer(state, &application).await
}

/// The reviewer asks the audit body to explain `controls`.
pub async fn ask(
    state: &AppState,
    by: &Acting,
    id: &str,
    controls: &[String],
) -> Outcome<Application> {
    let stored = visible(state, by, id).await?;
    let mut problems = Problems::new();
    problems.list_size("/controls", controls.len(), MAX_CONTROLS);
    problems.finish()?;
    let answer = review::answer(state, &stored.value).await?;
    let change = application::ask(&stored.value, controls, &answer, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// An auditor of the audit body explains one asked control.
pub async fn explain(
    state: &AppState,
    by: &Acting,
    id: &str,
    control: &str,
    text: Bilingual,
) -> Outcome<Application> {
    let stored = visible(state, by, id).await?;
    let change = application::explain(&stored.value, control, text, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// The reviewer accepts or rejects one explanation.
pub async fn judge(
    state: &AppState,
    by: &Acting,
    id: &str,
    control: &str,
    accepted: bool,
) -> Outcome<Application> {
    let stored = visible(state, by, id).await?;
    let change = application::judge(&stored.value, control, accepted, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// The reviewer records the decision; `register` only when the rule answers `register` now.
pub async fn decide(
    state: &AppState,
    by: &Acting,
    id: &str,
    verdict: Verdict,
    reason: Bilingual,
) -> Outcome<Application> {
    let stored = visible(state, by, id).await?;
    let answer = review::answer(state, &stored.value).await?;
    let change = application::decide(&stored.value, verdict, reason, &answer, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// An administrator other than the decider approves: the decision takes effect, and a
/// registration writes the registry entry with it, in one transaction.
pub async fn approve(state: &AppState, by: &Acting, id: &str) -> Outcome<Application> {
    let stored = visible(state, by, id).await?;
    let mut approved = application::approve(&stored.value, &by.member, by.at)?;
    if approved.state.status != ApplicationStatus::Registered {
        state
            .store
            .commit(Batch::new().update(&approved, stored.revision)?)
            .await?;
        return Ok(approved.state);
    }
    let application = &approved.state;
    let service = state
        .store
        .service(&application.service)
        .await?
        .ok_or_else(|| facts::missing(SERVICE, &application.service))?
        .value;
    let audit = state
        .store
        .audit(&application.audit)
        .await?
        .ok_or_else(|| facts::missing(AUDIT, &application.audit))?
        .value;
    // Read from the store, not the registry held in memory: the number must be free now.
    let entries = state.store.registry_entries().await?;
    let existing = application
        .renews
        .as_deref()
        .and_then(|renewed| entries.iter().find(|entry| entry.id == renewed));
    let number = next_registration_number(
        by.at.date().year(),
        entries.iter().map(|entry| entry.id.as_str()),
    );
    let entry = registered_entry(
        application,
        &service,
        &audit,
        existing,
        &number,
        &by.member,
        by.at,
    )?;
    approved.state = application::with_registry_entry(approved.state, &entry.state.id);
    let batch = Batch::new()
        .update(&approved, stored.revision)?
        .registry(&entry, existing.is_none())?;
    state.store.commit(batch).await?;
    Ok(approved.state)
}

/// The provider withdraws its application before a decision.
pub async fn withdraw(state: &AppState, by: &Acting, id: &str) -> Outcome<Application> {
    let stored = visible(state, by, id).await?;
    let change = application::withdraw(&stored.value, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}
