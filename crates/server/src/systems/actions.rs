//! What can be done with a procurer's records: its systems recorded, read and revised, their
//! usages of registered services recorded and ended, and who uses which services read by the
//! operator; the services each system watches as candidates, and its answers to the checklists
//! for each candidate. A system, its usages and its watch
//! list are their organisation's own: anyone else finds none.

use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::procurement::{
    self, InformationSystem, ItemAnswer, ServiceUsage, SystemDetails, UsageDraft, checklists,
};
use shinrai_store::documents::{Batch, Stored};

use crate::error::ApiError;
use crate::registry::status::stored_entry;
use crate::state::AppState;
use crate::workflow::{Acting, Failure, Outcome, ids};

/// What systems and usages are called in messages.
pub const SYSTEM: (&str, &str) = ("情報システム", "information system");
pub const USAGE: (&str, &str) = ("サービスの利用", "service usage");
pub const WATCHED: (&str, &str) = ("候補リストのサービス", "watched service");

/// The system `id`, if the one acting belongs to the organisation that keeps it.
pub async fn visible(
    state: &AppState,
    by: &Acting,
    id: &str,
) -> Outcome<Stored<InformationSystem>> {
    state
        .store
        .system(id)
        .await?
        .filter(|stored| stored.value.org == by.member.org_id)
        .ok_or_else(|| Failure::not_found(SYSTEM, id))
}

/// The systems of the one acting's organisation (none for an organisation that keeps none).
pub async fn list(state: &AppState, by: &Acting) -> Outcome<Vec<InformationSystem>> {
    Ok(state
        .store
        .systems_of(&by.member.org_id)
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .collect())
}

/// A procurer records a system of its organisation.
pub async fn create(
    state: &AppState,
    by: &Acting,
    id: Option<String>,
    details: SystemDetails,
) -> Outcome<InformationSystem> {
    let change =
        procurement::create_system(ids::chosen(id, ids::SYSTEM), details, &by.member, by.at)?;
    state.store.commit(Batch::new().create(&change)?).await?;
    Ok(change.state)
}

/// A procurer revises the system `id`.
pub async fn revise(
    state: &AppState,
    by: &Acting,
    id: &str,
    details: SystemDetails,
) -> Outcome<InformationSystem> {
    let stored = visible(state, by, id).await?;
    let change = procurement::revise_system(&stored.value, details, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// The usages of the system `id`, the earliest first.
pub async fn usages_of_system(
    state: &AppState,
    by: &Acting,
    id: &str,
) -> Outcome<Vec<ServiceUsage>> {
    let system = visible(state, by, id).await?;
    Ok(state
        .store
        .usages_of_org(&system.value.org)
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .filter(|usage| usage.system == system.value.id)
        .collect())
}

/// What a procurer says of a usage it records.
#[derive(Debug)]
pub struct NewUsage {
    pub id: Option<String>,
    pub entry: String,
    pub from: CalendarDate,
    pub until: Option<CalendarDate>,
    pub note: Bilingual,
}

/// A procurer records that its system `system` uses a registered service.
pub async fn record(
    state: &AppState,
    by: &Acting,
    system: &str,
    usage: NewUsage,
) -> Outcome<ServiceUsage> {
    let system = visible(state, by, system).await?;
    let entry: RegistryEntry = stored_entry(state, &usage.entry).await?;
    let existing = usages_of_system(state, by, &system.value.id).await?;
    let change = procurement::record_usage(
        ids::chosen(usage.id, ids::USAGE),
        &system.value,
        &entry,
        UsageDraft {
            from: usage.from,
            until: usage.until,
            note: usage.note,
        },
        &existing,
        &by.member,
        by.at,
    )?;
    state.store.commit(Batch::new().create(&change)?).await?;
    Ok(change.state)
}

/// The usage `id`, if the one acting belongs to its organisation.
pub async fn visible_usage(
    state: &AppState,
    by: &Acting,
    id: &str,
) -> Outcome<Stored<ServiceUsage>> {
    state
        .store
        .usage(id)
        .await?
        .filter(|stored| stored.value.org == by.member.org_id)
        .ok_or_else(|| Failure::not_found(USAGE, id))
}

/// A procurer records the last day of the usage `id`.
pub async fn end(
    state: &AppState,
    by: &Acting,
    id: &str,
    until: CalendarDate,
) -> Outcome<ServiceUsage> {
    let stored = visible_usage(state, by, id).await?;
    let change = procurement::end_usage(&stored.value, until, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// The usages the one acting may read: every one for the operator's staff (who uses which
/// services), its organisation's own for anyone else; narrowed to a registration number.
pub async fn usages(
    state: &AppState,
    by: &Acting,
    entry: Option<&str>,
) -> Outcome<Vec<ServiceUsage>> {
    let stored = match (by.member.is_operator_staff(), entry) {
        (true, Some(entry)) => state.store.usages_of_entry(entry).await?,
        (true, None) => state.store.all_usages().await?,
        (false, _) => state.store.usages_of_org(&by.member.org_id).await?,
    };
    Ok(stored
        .into_iter()
        .map(|stored| stored.value)
        .filter(|usage| entry.is_none_or(|entry| usage.entry == entry))
        .collect())
}

/// A procurer puts the registration `entry` on the watch list of its system `id` (nothing is
/// written when it is there already).
pub async fn watch(
    state: &AppState,
    by: &Acting,
    id: &str,
    entry: &str,
) -> Outcome<InformationSystem> {
    let stored = visible(state, by, id).await?;
    let entry: RegistryEntry = stored_entry(state, entry).await?;
    match procurement::watch_service(&stored.value, &entry, &by.member, by.at)? {
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

/// A procurer takes the registration `entry` off the watch list of its system `id`.
pub async fn unwatch(
    state: &AppState,
    by: &Acting,
    id: &str,
    entry: &str,
) -> Outcome<InformationSystem> {
    let stored = visible(state, by, id).await?;
    let change = procurement::unwatch_service(&stored.value, entry, &by.member, by.at)?
        .ok_or_else(|| Failure::not_found(WATCHED, entry))?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// A procurer saves its checklist answers for the candidate `entry` of its system `id`,
/// replacing those kept before (an empty list forgets them; the same answers write nothing).
pub async fn answer(
    state: &AppState,
    by: &Acting,
    id: &str,
    entry: &str,
    answers: Vec<ItemAnswer>,
) -> Outcome<InformationSystem> {
    let stored = visible(state, by, id).await?;
    let entry: RegistryEntry = stored_entry(state, entry).await?;
    let lists =
        checklists().map_err(|error| Failure::Service(ApiError::internal(error.to_string())))?;
    match procurement::answer_checklists(&stored.value, &entry, answers, &lists, &by.member, by.at)?
    {
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
