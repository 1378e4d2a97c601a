//! What can be done with incidents: the provider files the quick report and later the final
//! one (the operator's organisations are told of each); the operator's administrators decide the
//! registration's measure, written with the incident and the provider's message in one
//! transaction, what is built on a deregistered entry falling at once.

use shinrai_domain::accounts::OrgKind;
use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::workflow::incident::{
    self, FinalDraft, Incident, IncidentMeasure, IncidentStatus, MeasureDecision, QuickDraft,
};
use shinrai_domain::workflow::notification::{Draft, messages};
use shinrai_store::documents::{Batch, Stored};

use crate::jobs::lifecycle::RunChange;
use crate::notifications::outbox;
use crate::registry::status::{ENTRY, cascade_now, stored_entry};
use crate::state::AppState;
use crate::systems::users::tell_users;
use crate::workflow::reach::{provider_records, reads_provider_record};
use crate::workflow::{Acting, Failure, Outcome, ids};
use shinrai_domain::workflow::notification::user_messages::ServiceNews;

/// What incidents are called in messages.
pub const INCIDENT: (&str, &str) = ("インシデント", "incident");

/// The incident `id`, if the one acting may know of it (else not found).
pub async fn visible(state: &AppState, by: &Acting, id: &str) -> Outcome<Stored<Incident>> {
    state
        .store
        .incident(id)
        .await?
        .filter(|stored| reads_provider_record(&by.member, &stored.value.provider))
        .ok_or_else(|| Failure::not_found(INCIDENT, id))
}

/// The incidents the one acting may see, the newest first: all for the operator's staff, its
/// own for a provider, none for anyone else.
pub async fn list(
    state: &AppState,
    by: &Acting,
    status: Option<IncidentStatus>,
    entry: Option<&str>,
) -> Outcome<Vec<Incident>> {
    let filter = provider_records(&by.member, status.map(IncidentStatus::code));
    Ok(state
        .store
        .incidents(&filter)
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .filter(|incident| reads_provider_record(&by.member, &incident.provider))
        .filter(|incident| entry.is_none_or(|entry| incident.entry == entry))
        .collect())
}

/// The messages that tell every operator organisation of a report of `incident`.
async fn to_operators(
    state: &AppState,
    incident: &Incident,
    entry: &RegistryEntry,
) -> Outcome<Vec<Draft>> {
    Ok(state
        .store
        .organisations()
        .await?
        .iter()
        .filter(|org| org.kind == OrgKind::Operator)
        .map(|org| messages::incident_reported(incident, entry, &org.id))
        .collect())
}

/// The provider reports an incident of the entry `entry` (the quick report).
pub async fn report_quick(
    state: &AppState,
    by: &Acting,
    entry: &str,
    id: Option<String>,
    draft: QuickDraft,
) -> Outcome<Incident> {
    let entry = stored_entry(state, entry).await?;
    let change = incident::report_quick(
        ids::chosen(id, ids::INCIDENT),
        draft,
        &entry,
        &state.calendar,
        &by.member,
        by.at,
    )?;
    let mut told = to_operators(state, &change.state, &entry).await?;
    let news = ServiceNews::Incident(&change.state);
    told.extend(tell_users(&state.store, &entry, news, by.at.date()).await?);
    let batch = Batch::new().create(&change)?;
    let (batch, _) =
        outbox::add_new(&state.store, batch, told, state.outbox.mails(), by.at).await?;
    state.store.commit(batch).await?;
    state.outbox.committed();
    Ok(change.state)
}

/// The provider files the final report of the incident `id`.
pub async fn report_final(
    state: &AppState,
    by: &Acting,
    id: &str,
    draft: FinalDraft,
) -> Outcome<Incident> {
    let stored = visible(state, by, id).await?;
    let entries = state.store.registry_entries().await?;
    let known = |number: &str| entries.iter().any(|entry| entry.id == number);
    let change = incident::report_final(&stored.value, draft, &known, &by.member, by.at)?;
    let entry = entries
        .iter()
        .find(|entry| entry.id == change.state.entry)
        .ok_or_else(|| Failure::not_found(ENTRY, &change.state.entry))?;
    let told = to_operators(state, &change.state, entry).await?;
    let batch = Batch::new().update(&change, stored.revision)?;
    let (batch, _) =
        outbox::add_new(&state.store, batch, told, state.outbox.mails(), by.at).await?;
    state.store.commit(batch).await?;
    state.outbox.committed();
    Ok(change.state)
}

/// What a decision came to: the incident, the entry, and what fell with a deregistration
/// (`None` when another process held the lifecycle job's lock throughout).
#[derive(Debug)]
pub struct Outcomes {
    pub incident: Incident,
    pub entry: RegistryEntry,
    pub fallen: Option<Vec<RunChange>>,
}

/// The operator decides the measure on the incident `id`.
pub async fn decide(
    state: &AppState,
    by: &Acting,
    id: &str,
    decision: MeasureDecision,
) -> Outcome<Outcomes> {
    let stored = visible(state, by, id).await?;
    let entry = stored_entry(state, &stored.value.entry).await?;
    let ends = decision.measure == IncidentMeasure::Deregister;
    let decided = incident::decide(&stored.value, &entry, decision, &by.member, by.at)?;
    let mut told: Vec<Draft> =
        messages::incident_decided(&decided.incident.state, &decided.entry.state)
            .into_iter()
            .collect();
    let news = ServiceNews::IncidentDecided(&decided.incident.state);
    told.extend(tell_users(&state.store, &decided.entry.state, news, by.at.date()).await?);
    let batch = Batch::new()
        .update(&decided.incident, stored.revision)?
        .registry(&decided.entry, false)?;
    let (batch, _) =
        outbox::add_new(&state.store, batch, told, state.outbox.mails(), by.at).await?;
    state.store.commit(batch).await?;
    state.outbox.committed();
    let fallen = if ends {
        cascade_now(state, by.at).await?
    } else {
        Some(Vec::new())
    };
    Ok(Outcomes {
        incident: decided.incident.state,
        entry: decided.entry.state,
        fallen,
    })
}
