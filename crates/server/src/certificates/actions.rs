//! What can be done with a service's certificates: declare one, revise it, withdraw it (its
//! provider), read them (whoever may read the service; anyone, once the service is in the
//! registry). Each loads what it needs, lets the domain decide and commits with its event.

use shinrai_domain::workflow::certification::{self, Certificate, CertificateDetails};
use shinrai_store::documents::{Batch, Stored};

use crate::services::actions::visible as visible_service;
use crate::state::AppState;
use crate::workflow::shown::entry_of;
use crate::workflow::{Acting, Failure, Outcome, ids};

/// What certificates and registry entries are called in messages.
pub const CERTIFICATE: (&str, &str) = ("認証", "certificate");
const ENTRY: (&str, &str) = ("登録サービス", "registered service");

/// Its provider declares a certificate of the service `service`.
pub async fn declare(
    state: &AppState,
    by: &Acting,
    service: &str,
    id: Option<String>,
    details: CertificateDetails,
) -> Outcome<Certificate> {
    let service = visible_service(state, by, service).await?.value;
    let existing: Vec<Certificate> = state
        .store
        .certificates_of(&service.id)
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .collect();
    let change = certification::declare_certificate(
        ids::chosen(id, ids::CERTIFICATE),
        &service,
        details,
        &existing,
        &by.member,
        by.at,
    )?;
    state.store.commit(Batch::new().create(&change)?).await?;
    Ok(change.state)
}

/// Whether the certificates of `service` are public: the service is in the registry.
async fn registered(state: &AppState, service: &str) -> Outcome<bool> {
    let registry = state.registry.get(&state.store).await?;
    Ok(entry_of(&registry.entries, service).is_some())
}

/// The certificate `id`, if the one acting may read it.
pub async fn visible(state: &AppState, by: &Acting, id: &str) -> Outcome<Stored<Certificate>> {
    let stored = state
        .store
        .certificate(id)
        .await?
        .ok_or_else(|| Failure::not_found(CERTIFICATE, id))?;
    if !registered(state, &stored.value.service).await? {
        visible_service(state, by, &stored.value.service)
            .await
            .map_err(|_| Failure::not_found(CERTIFICATE, id))?;
    }
    Ok(stored)
}

/// The certificates of the service `service`, withdrawn ones included.
pub async fn of_service(state: &AppState, by: &Acting, service: &str) -> Outcome<Vec<Certificate>> {
    if !registered(state, service).await? {
        visible_service(state, by, service).await?;
    }
    Ok(state
        .store
        .certificates_of(service)
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .collect())
}

/// The certificates of the service a registry entry registers (none for an entry loaded from a
/// file, which names no service).
pub async fn of_entry(state: &AppState, entry: &str) -> Outcome<Vec<Certificate>> {
    let registry = state.registry.get(&state.store).await?;
    let entry = registry
        .entry(entry)
        .ok_or_else(|| Failure::not_found(ENTRY, entry))?;
    let Some(service) = &entry.service else {
        return Ok(Vec::new());
    };
    Ok(state
        .store
        .certificates_of(service)
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .collect())
}

/// Its provider revises the certificate `id`.
pub async fn revise(
    state: &AppState,
    by: &Acting,
    id: &str,
    details: CertificateDetails,
) -> Outcome<Certificate> {
    let stored = visible(state, by, id).await?;
    let change = certification::revise_certificate(&stored.value, details, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// Its provider withdraws the certificate `id` (kept, marked withdrawn).
pub async fn withdraw(state: &AppState, by: &Acting, id: &str) -> Outcome<Certificate> {
    let stored = visible(state, by, id).await?;
    let change = certification::withdraw_certificate(&stored.value, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}
