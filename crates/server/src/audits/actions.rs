//! What can be done with an audit: order it, accept or decline it, record its conclusions,
//! sign it (its report stored with the signing event), and read it and its report.

use shinrai_domain::audit_kind::AuditKind;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::registration::AuditorRequirements;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Refusal;
use shinrai_domain::workflow::access;
use shinrai_domain::workflow::audit::{self, Audit, AuditStatus, Conclusions, Order};
use shinrai_domain::workflow::audit_body::AuditorProfile;
use shinrai_domain::workflow::report::{AuditReport, Papers};
use shinrai_domain::workflow::service::is_provider;
use shinrai_domain::workflow::statement::Statement;
use shinrai_domain::workflow::working_papers::PhaseResults;
use shinrai_domain::workflow::{Conflict, FieldError, NotAllowed};
use shinrai_store::documents::{Batch, Stored};

use crate::state::AppState;
use crate::workflow::facts::{self, AUDIT, SERVICE, STATEMENT};
use crate::workflow::{Acting, Failure, Outcome, ids, reach};
use crate::{services, statements};

/// What the provider asks for.
#[derive(Debug, Clone)]
pub struct NewAudit {
    /// Chosen by the server when absent.
    pub id: Option<String>,
    pub service: String,
    pub statement: String,
    pub audit_body: String,
    pub period_start: CalendarDate,
    pub period_end: CalendarDate,
    pub kind: AuditKind,
}

/// The requirements a signing auditor meets: the scheme's own, which no setting changes yet.
pub fn requirements() -> AuditorRequirements {
    AuditorRequirements::default()
}

/// The provider orders an audit of a submitted statement of its service. The service and the
/// statement are named in the body: one the provider may not know of is an invalid field.
pub async fn order(state: &AppState, by: &Acting, new: NewAudit) -> Outcome<Audit> {
    only_providers(by)?;
    let service = services::actions::visible(state, by, &new.service)
        .await
        .map_err(|failure| as_reference(failure, "/service", SERVICE, &new.service))?
        .value;
    let statement = statements::actions::visible(state, by, &new.statement)
        .await
        .map_err(|failure| as_reference(failure, "/statement", STATEMENT, &new.statement))?
        .value;
    let body = state
        .store
        .audit_body_record(&new.audit_body)
        .await?
        .map(|stored| stored.value);
    let order = Order {
        id: ids::chosen(new.id, ids::AUDIT),
        audit_body: new.audit_body,
        period_start: new.period_start,
        period_end: new.period_end,
        kind: new.kind,
    };
    let change = audit::order(
        order,
        &service,
        &statement,
        body.as_ref(),
        &by.member,
        by.at,
    )?;
    state.store.commit(Batch::new().create(&change)?).await?;
    Ok(change.state)
}

/// Only providers order audits and apply: anyone else is told so before the things the body
/// names are looked up (the domain asks the same first, once it has them).
pub fn only_providers(by: &Acting) -> Outcome<()> {
    if is_provider(&by.member) {
        Ok(())
    } else {
        Err(Refusal::NotAllowed(NotAllowed::NotTheProvider).into())
    }
}

/// A thing named in the body that is not found is an invalid field, not a missing address.
pub fn as_reference(failure: Failure, field: &str, kind: (&str, &str), id: &str) -> Failure {
    match failure {
        Failure::NotFound(_) => Failure::unknown_reference(field, kind, id),
        other => other,
    }
}

/// The audit `id`, if the one acting may know of it.
pub async fn visible(state: &AppState, by: &Acting, id: &str) -> Outcome<Stored<Audit>> {
    let stored = state
        .store
        .audit(id)
        .await?
        .ok_or_else(|| Failure::not_found(AUDIT, id))?;
    access::read_audit(&by.actor(), &stored.value)
        .map_err(|hidden| Failure::hidden(hidden, AUDIT, id))?;
    Ok(stored)
}

/// The audits the one acting may see, by id, narrowed by status and service.
pub async fn list(
    state: &AppState,
    by: &Acting,
    status: Option<AuditStatus>,
    service: Option<&str>,
) -> Outcome<Vec<Audit>> {
    let Some(filter) = reach::own_records(&by.member, status.map(AuditStatus::code), service)
    else {
        return Ok(Vec::new());
    };
    let audits: Vec<Stored<Audit>> = state.store.documents(&filter).await?;
    let actor = by.actor();
    Ok(audits
        .into_iter()
        .map(|stored| stored.value)
        .filter(|audit| access::read_audit(&actor, audit).is_ok())
        .collect())
}

pub async fn get(state: &AppState, by: &Acting, id: &str) -> Outcome<Audit> {
    Ok(visible(state, by, id).await?.value)
}

/// An auditor of the body accepts the audit, naming its signing auditor.
pub async fn accept(state: &AppState, by: &Acting, id: &str, signer: &str) -> Outcome<Audit> {
    let stored = visible(state, by, id).await?;
    if signer.chars().count() > shinrai_domain::case::bounds::MAX_ID_CHARS {
        return Err(Refusal::Invalid(vec![FieldError::new(
            "/signing_auditor",
            "invalid_reference",
            Bilingual::new(
                "/signing_auditor: 利用者 ID が長すぎます",
                "/signing_auditor: the user id is too long",
            ),
        )])
        .into());
    }
    let profile = state
        .store
        .auditor_profile(signer)
        .await?
        .map(|stored| stored.value);
    let change = audit::accept(
        &stored.value,
        profile.as_ref(),
        signer,
        &requirements(),
        &by.member,
        by.at,
    )?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// An auditor of the body turns the audit down.
pub async fn decline(state: &AppState, by: &Acting, id: &str, reason: Bilingual) -> Outcome<Audit> {
    let stored = visible(state, by, id).await?;
    let change = audit::decline(&stored.value, reason, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// The audited statement, which the audit keeps by id.
pub(super) async fn audited_statement(state: &AppState, audit: &Audit) -> Outcome<Statement> {
    Ok(state
        .store
        .statement(&audit.statement)
        .await?
        .ok_or_else(|| facts::missing(STATEMENT, &audit.statement))?
        .value)
}

/// An auditor of the body records the conclusions, replacing those recorded before.
pub async fn conclude(
    state: &AppState,
    by: &Acting,
    id: &str,
    conclusions: Conclusions,
) -> Outcome<Audit> {
    conclude_from(state, by, id, conclusions, None).await
}

/// Records the conclusions as read at revision `expected` (`None`: whatever is stored now), so
/// that a page cannot undo conclusions recorded after it was opened.
pub async fn conclude_from(
    state: &AppState,
    by: &Acting,
    id: &str,
    conclusions: Conclusions,
    expected: Option<i64>,
) -> Outcome<Audit> {
    let stored = visible(state, by, id).await?;
    let statement = audited_statement(state, &stored.value).await?;
    let criteria = facts::criteria_of(state, &stored.value.criteria_version).await?;
    let work = values(state.store.audit_work(id).await?);
    let change = audit::conclude(
        &stored.value,
        &statement,
        &criteria.version,
        conclusions,
        &PhaseResults::of(&work).with_internal_audit(stored.value.internal_audit.as_ref()),
        &by.member,
        by.at,
    )?;
    crate::workflow::unchanged_since(stored.revision, expected, AUDIT, id)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// The named signing auditor signs; the report as signed is stored with the signing event.
pub async fn sign(state: &AppState, by: &Acting, id: &str) -> Outcome<(Audit, AuditReport)> {
    let stored = visible(state, by, id).await?;
    let audit = &stored.value;
    let statement = audited_statement(state, audit).await?;
    let criteria = facts::criteria_of(state, &audit.criteria_version).await?;
    let named = audit.signing_auditor.clone().unwrap_or_default();
    let signer = state
        .store
        .auditor_profile(&named)
        .await?
        .map_or_else(|| unrecorded(&named), |stored| stored.value);
    let work = values(state.store.audit_work(id).await?);
    let evidence = values(state.store.audit_evidence(id).await?);
    let papers = Papers {
        statement: &statement,
        work: &work,
        evidence: &evidence,
    };
    let (change, report) = audit::sign(
        audit,
        papers,
        &criteria.version,
        &signer,
        &requirements(),
        &by.member,
        by.at,
    )?;
    let batch = Batch::new()
        .create_recorded_by_next(&report, change.event.at_ms)?
        .update(&change, stored.revision)?;
    state.store.commit(batch).await?;
    Ok((change.state, report))
}

fn values<T>(stored: Vec<Stored<T>>) -> Vec<T> {
    stored.into_iter().map(|stored| stored.value).collect()
}

/// An auditor of whom nothing is recorded: qualified for nothing, so the domain refuses them
/// as it refuses any unqualified signer.
fn unrecorded(user: &str) -> AuditorProfile {
    AuditorProfile {
        user: user.to_owned(),
        org: String::new(),
        name: Bilingual::new("", ""),
        qualifications: Vec::new(),
        experience_years: 0,
        nationality: String::new(),
        may_sign: false,
    }
}

/// The signed report of the audit, exactly as signed.
pub async fn report(state: &AppState, by: &Acting, id: &str) -> Outcome<AuditReport> {
    let audit = visible(state, by, id).await?.value;
    state
        .store
        .audit_report(&audit.id)
        .await?
        .ok_or_else(|| Refusal::Conflict(Conflict::ReportNotSigned { audit: audit.id }).into())
}
