//! An audit body applies to be selected; the operator reads the `selection` rule's answer on
//! the application and an administrator decides, which writes the body's record and its
//! auditors' profiles in the same commit.

use shinrai_domain::accounts::OrgKind;
use shinrai_domain::selection::{SelectionOutcome, SelectionRequirements};
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::access;
use shinrai_domain::workflow::selection_application::{
    self, BodyFacts, Decided, SelectionApplication, SelectionApplicationStatus,
};
use shinrai_domain::workflow::{FieldError, Refusal};
use shinrai_store::documents::{Batch, Stored};

use crate::state::AppState;
use crate::workflow::facts::{AUDIT_BODY, SELECTION_APPLICATION};
use crate::workflow::{Acting, Failure, Outcome, ids};

/// What the scheme asks of audit bodies: the auditor requirements audits use, and the
/// selection's defaults.
pub fn requirements() -> SelectionRequirements {
    SelectionRequirements {
        auditor: crate::audits::actions::requirements(),
        ..SelectionRequirements::default()
    }
}

/// An auditor of the body `org` applies for it.
pub async fn apply(
    state: &AppState,
    by: &Acting,
    org: &str,
    facts: BodyFacts,
) -> Outcome<SelectionApplication> {
    let is_body = state
        .store
        .organisation(org)
        .await?
        .is_some_and(|found| found.kind == OrgKind::AuditBody);
    if !is_body {
        return Err(Failure::not_found(AUDIT_BODY, org));
    }
    let others = state.store.selection_applications(Some(org)).await?;
    let open = others
        .iter()
        .map(|stored| &stored.value)
        .find(|other| other.status == SelectionApplicationStatus::Submitted);
    let change = selection_application::apply(
        ids::chosen(None, ids::SELECTION_APPLICATION),
        org,
        facts,
        open,
        &by.member,
        by.at,
    )?;
    for (i, auditor) in change.state.facts.auditors.iter().enumerate() {
        let member_of_body = state
            .store
            .user(&auditor.user)
            .await?
            .is_some_and(|user| user.org_id == org);
        if !member_of_body {
            return Err(Refusal::Invalid(vec![FieldError::new(
                format!("/auditors/{i}/user"),
                "not_of_the_audit_body",
                Bilingual::new(
                    format!("利用者 {} はこの監査機関に属していません", auditor.user),
                    format!("user {} does not belong to this audit body", auditor.user),
                ),
            )])
            .into());
        }
    }
    state.store.commit(Batch::new().create(&change)?).await?;
    Ok(change.state)
}

/// The application `id`, when the one acting may know it exists.
pub async fn visible(
    state: &AppState,
    by: &Acting,
    id: &str,
) -> Outcome<Stored<SelectionApplication>> {
    let stored = state
        .store
        .selection_application(id)
        .await?
        .ok_or_else(|| Failure::not_found(SELECTION_APPLICATION, id))?;
    access::read_selection_application(&by.actor(), &stored.value)
        .map_err(|hidden| Failure::hidden(hidden, SELECTION_APPLICATION, id))?;
    Ok(stored)
}

/// The applications of the body `org` the one acting may read, the newest first.
pub async fn of_body(
    state: &AppState,
    by: &Acting,
    org: &str,
) -> Outcome<Vec<SelectionApplication>> {
    let actor = by.actor();
    let mut found: Vec<SelectionApplication> = state
        .store
        .selection_applications(Some(org))
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .filter(|application| access::read_selection_application(&actor, application).is_ok())
        .collect();
    found.sort_by(|a, b| {
        b.submitted_at_ms
            .cmp(&a.submitted_at_ms)
            .then(a.id.cmp(&b.id))
    });
    Ok(found)
}

/// The rule's answer on the application today (the operator's staff).
pub async fn review(state: &AppState, by: &Acting, id: &str) -> Outcome<SelectionOutcome> {
    let stored = visible(state, by, id).await?;
    if !by.member.is_operator_staff() {
        return Err(Refusal::NotAllowed(shinrai_domain::workflow::NotAllowed::NotAReviewer).into());
    }
    Ok(selection_application::review(
        &stored.value,
        &requirements(),
        by.at.date(),
    ))
}

/// An administrator decides: select (only when the rule answers select) or reject.
pub async fn decide(
    state: &AppState,
    by: &Acting,
    id: &str,
    select: bool,
    reason: Bilingual,
) -> Outcome<SelectionApplication> {
    let stored = visible(state, by, id).await?;
    let before = state.store.audit_body_record(&stored.value.org).await?;
    let decided = selection_application::decide(
        &stored.value,
        &requirements(),
        select,
        reason,
        before.as_ref().map(|record| &record.value),
        &by.member,
        by.at,
    )?;
    match decided {
        Decided::Rejected(change) => {
            state
                .store
                .commit(Batch::new().update(&change, stored.revision)?)
                .await?;
            Ok(change.state)
        }
        Decided::Selected(selected) => {
            let mut batch = Batch::new().update(&selected.application, stored.revision)?;
            batch = match &before {
                Some(record) => batch.update(&selected.record, record.revision)?,
                None => batch.create(&selected.record)?,
            };
            for profile in &selected.profiles {
                batch = match state.store.auditor_profile(&profile.state.user).await? {
                    Some(existing) => batch.update(profile, existing.revision)?,
                    None => batch.create(profile)?,
                };
            }
            state.store.commit(batch).await?;
            Ok(selected.application.state)
        }
    }
}
