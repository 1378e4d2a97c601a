//! What the operator records about audit bodies for audits: a body's selection (or its
//! suspension, revocation or expiry), the measures taken against it, and its auditors'
//! qualifications, each a domain transition stored with its event.

use shinrai_domain::accounts::OrgKind;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit_body::{
    AuditBodyRecord, AuditorProfile, NewMeasure, lift_suspension, record_auditor, record_selection,
    submit_status_report, take_measure,
};
use shinrai_domain::workflow::{FieldError, Refusal};
use shinrai_store::documents::{Batch, Stored};

use crate::state::AppState;
use crate::workflow::facts::{AUDIT_BODY, USER};
use crate::workflow::{Acting, Failure, Outcome};

/// Records the selection of the audit body `record.org`, replacing what was recorded before.
pub async fn record_body(
    state: &AppState,
    by: &Acting,
    record: AuditBodyRecord,
) -> Outcome<AuditBodyRecord> {
    let before = state.store.audit_body_record(&record.org).await?;
    let change = record_selection(
        record,
        before.as_ref().map(|stored| &stored.value),
        &by.member,
        by.at,
    )?;
    let org = &change.state.org;
    let is_body = state
        .store
        .organisation(org)
        .await?
        .is_some_and(|found| found.kind == OrgKind::AuditBody);
    if !is_body {
        return Err(Failure::not_found(AUDIT_BODY, org));
    }
    let batch = match before {
        Some(stored) => Batch::new().update(&change, stored.revision)?,
        None => Batch::new().create(&change)?,
    };
    state.store.commit(batch).await?;
    Ok(change.state)
}

/// Records the auditor profile of the user `profile.user`, a member of the audit body
/// `profile.org`, replacing what was recorded before.
pub async fn record_profile(
    state: &AppState,
    by: &Acting,
    profile: AuditorProfile,
) -> Outcome<AuditorProfile> {
    let change = record_auditor(profile, &by.member, by.at)?;
    let profile = &change.state;
    let user = state
        .store
        .user(&profile.user)
        .await?
        .ok_or_else(|| Failure::not_found(USER, &profile.user))?;
    let body = state.store.organisation(&profile.org).await?;
    if user.org_id != profile.org || body.is_none_or(|body| body.kind != OrgKind::AuditBody) {
        return Err(Refusal::Invalid(vec![FieldError::new(
            "/org",
            "not_the_users_audit_body",
            Bilingual::new(
                format!(
                    "/org: {} は利用者 {} が属する監査機関ではありません",
                    profile.org, profile.user
                ),
                format!(
                    "/org: {} is not the audit body user {} belongs to",
                    profile.org, profile.user
                ),
            ),
        )])
        .into());
    }
    let batch = match state.store.auditor_profile(&profile.user).await? {
        Some(stored) => Batch::new().update(&change, stored.revision)?,
        None => Batch::new().create(&change)?,
    };
    state.store.commit(batch).await?;
    Ok(change.state)
}

/// The record of the audit body `org`, which must have been selected once.
async fn record_of(state: &AppState, org: &str) -> Outcome<Stored<AuditBodyRecord>> {
    state
        .store
        .audit_body_record(org)
        .await?
        .ok_or_else(|| Failure::not_found(AUDIT_BODY, org))
}

/// An administrator takes a measure against the audit body `org`.
pub async fn measure(
    state: &AppState,
    by: &Acting,
    org: &str,
    measure: NewMeasure,
) -> Outcome<AuditBodyRecord> {
    let stored = record_of(state, org).await?;
    let change = take_measure(&stored.value, measure, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// An administrator lifts the suspension in force on the audit body `org` from `on`.
pub async fn lift(
    state: &AppState,
    by: &Acting,
    org: &str,
    on: CalendarDate,
    reason: Bilingual,
) -> Outcome<AuditBodyRecord> {
    let stored = record_of(state, org).await?;
    let change = lift_suspension(&stored.value, on, reason, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// An auditor of the body `org` sends its oldest yearly status report owed.
pub async fn report(
    state: &AppState,
    by: &Acting,
    org: &str,
    text: Bilingual,
) -> Outcome<AuditBodyRecord> {
    let stored = record_of(state, org).await?;
    let change = submit_status_report(&stored.value, text, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}
