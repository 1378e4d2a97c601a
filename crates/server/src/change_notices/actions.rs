//! What can be done with change notices: the provider files one about its registered service;
//! the operator's staff list them and acknowledge each, which records the change on the entry
//! and tells the provider in the same transaction; an application with a new audit meets the
//! significant changes waiting for one (called from the applications' `apply`).

use shinrai_domain::date::CalendarDate;
use shinrai_domain::policy::Member;
use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::workflow::change_notice::{
    self, AcknowledgeDecision, ChangeDraft, ChangeNotice, ChangeNoticeStatus,
};
use shinrai_domain::workflow::notification::messages;
use shinrai_domain::workflow::{Moment, change_notice::audit_applied};
use shinrai_store::documents::{Batch, Stored};

use crate::notifications::outbox;
use crate::registry::status::stored_entry;
use crate::state::AppState;
use crate::systems::users::tell_users;
use crate::workflow::reach::{provider_records, reads_provider_record};
use crate::workflow::{Acting, Failure, Outcome, ids};
use shinrai_domain::workflow::notification::user_messages::ServiceNews;

/// What change notices are called in messages.
pub const CHANGE_NOTICE: (&str, &str) = ("変更届出", "change notice");

/// The provider files a notice about the entry `entry`; the server chooses the id when `id`
/// is `None`.
pub async fn file(
    state: &AppState,
    by: &Acting,
    entry: &str,
    id: Option<String>,
    draft: ChangeDraft,
) -> Outcome<ChangeNotice> {
    let entry = stored_entry(state, entry).await?;
    let change = change_notice::file(
        ids::chosen(id, ids::CHANGE_NOTICE),
        draft,
        &entry,
        &state.calendar,
        &by.member,
        by.at,
    )?;
    state.store.commit(Batch::new().create(&change)?).await?;
    Ok(change.state)
}

/// The notice `id`, if the one acting may know of it (else not found, as if it did not exist).
pub async fn visible(state: &AppState, by: &Acting, id: &str) -> Outcome<Stored<ChangeNotice>> {
    state
        .store
        .change_notice(id)
        .await?
        .filter(|stored| reads_provider_record(&by.member, &stored.value.provider))
        .ok_or_else(|| Failure::not_found(CHANGE_NOTICE, id))
}

/// The notices the one acting may see, the newest filed first: all of them for the operator's
/// staff, its own for a provider, none for anyone else.
pub async fn list(
    state: &AppState,
    by: &Acting,
    status: Option<ChangeNoticeStatus>,
    entry: Option<&str>,
) -> Outcome<Vec<ChangeNotice>> {
    let filter = provider_records(&by.member, status.map(ChangeNoticeStatus::code));
    Ok(state
        .store
        .change_notices(&filter)
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .filter(|notice| reads_provider_record(&by.member, &notice.provider))
        .filter(|notice| entry.is_none_or(|entry| notice.entry == entry))
        .collect())
}

/// The operator acknowledges the notice `id`: the entry records the change (a significant one
/// owing its new audit), and the provider is told.
pub async fn acknowledge(
    state: &AppState,
    by: &Acting,
    id: &str,
    decision: AcknowledgeDecision,
) -> Outcome<ChangeNotice> {
    let stored = visible(state, by, id).await?;
    let entry = stored_entry(state, &stored.value.entry).await?;
    let done = change_notice::acknowledge(
        &stored.value,
        &entry,
        decision,
        &state.calendar,
        &by.member,
        by.at,
    )?;
    let mut told = vec![messages::change_acknowledged(
        &done.notice.state,
        &entry.service_name,
    )];
    let news = ServiceNews::Changed(&done.notice.state);
    let written = done.entry.as_ref().map_or(&entry, |change| &change.state);
    told.extend(tell_users(&state.store, written, news, by.at.date()).await?);
    let mut batch = Batch::new().update(&done.notice, stored.revision)?;
    if let Some(entry_change) = &done.entry {
        batch = batch.registry(entry_change, false)?;
    }
    let (batch, _) =
        outbox::add_new(&state.store, batch, told, state.outbox.mails(), by.at).await?;
    state.store.commit(batch).await?;
    state.outbox.committed();
    Ok(done.notice.state)
}

/// Adds to `batch` what an application with an audit whose period ends on `period_end` meets:
/// the service's acknowledged significant changes whose new audit it can be, and the entry's
/// mark cleared.
pub async fn meet_with_application(
    state: &AppState,
    batch: Batch,
    entry: &RegistryEntry,
    application: &str,
    period_end: CalendarDate,
    by: &Member,
    at: Moment,
) -> Outcome<Batch> {
    let Some(service) = entry.service.as_deref() else {
        return Ok(batch);
    };
    let stored = state
        .store
        .acknowledged_change_notices_of_service(service)
        .await?;
    if stored.is_empty() {
        return Ok(batch);
    }
    let notices: Vec<ChangeNotice> = stored.iter().map(|one| one.value.clone()).collect();
    let met = audit_applied(&notices, entry, application, period_end, by, at);
    let mut batch = batch;
    for change in &met.notices {
        let revision = stored
            .iter()
            .find(|one| one.value.id == change.state.id)
            .map_or(0, |one| one.revision);
        batch = batch.update(change, revision)?;
    }
    if let Some(entry_change) = &met.entry {
        batch = batch.registry(entry_change, false)?;
    }
    Ok(batch)
}
