//! The provider's steps on a certificate of its service: declare, revise, withdraw. Only the
//! provider that owns the service acts; a withdrawn certificate is kept as it was and changes no
//! more.

use serde_json::json;

use super::{
    CERTIFICATE_DECLARED, CERTIFICATE_REVISED, CERTIFICATE_WITHDRAWN, Certificate,
    CertificateDetails, CertificateWithdrawal, MAX_CERTIFICATES,
};
use crate::policy::Member;
use crate::workflow::fields::Problems;
use crate::workflow::service::{Service, acts_for_provider};
use crate::workflow::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};

/// The provider of `service` declares one of its certificates. `existing` are the certificates
/// recorded so far (of any service: only this one's that are not withdrawn count towards
/// [`MAX_CERTIFICATES`]).
pub fn declare_certificate(
    id: String,
    service: &Service,
    details: CertificateDetails,
    existing: &[Certificate],
    by: &Member,
    at: Moment,
) -> Result<Change<Certificate>, Refusal> {
    if !acts_for_provider(by, &service.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    let mut problems = Problems::new();
    problems.id("/id", &id);
    problems.finish()?;
    details.check()?;
    let live = existing
        .iter()
        .filter(|cert| cert.service == service.id && cert.withdrawn.is_none())
        .count();
    if live >= MAX_CERTIFICATES {
        return Err(Refusal::Conflict(Conflict::TooManyCertificates {
            service: service.id.clone(),
            max: MAX_CERTIFICATES,
        }));
    }
    let certificate = Certificate {
        id,
        service: service.id.clone(),
        provider: service.provider.clone(),
        details,
        created_at_ms: at.at_ms,
        updated_at_ms: at.at_ms,
        withdrawn: None,
    };
    Ok(recorded(certificate, CERTIFICATE_DECLARED, by, at))
}

/// Its provider replaces what it says about a certificate (a renewal with new dates, a corrected
/// scope, a revised statement of applicability).
pub fn revise_certificate(
    certificate: &Certificate,
    details: CertificateDetails,
    by: &Member,
    at: Moment,
) -> Result<Change<Certificate>, Refusal> {
    check_open(certificate, by)?;
    details.check()?;
    let next = Certificate {
        details,
        updated_at_ms: at.at_ms,
        ..certificate.clone()
    };
    Ok(recorded(next, CERTIFICATE_REVISED, by, at))
}

/// Its provider withdraws a certificate (cancelled, suspended or declared by mistake). Once only:
/// withdrawing again is a conflict, as revising a withdrawn one is, so that the record of who
/// withdrew it and when never changes.
pub fn withdraw_certificate(
    certificate: &Certificate,
    by: &Member,
    at: Moment,
) -> Result<Change<Certificate>, Refusal> {
    check_open(certificate, by)?;
    let next = Certificate {
        withdrawn: Some(CertificateWithdrawal {
            by: by.user_id.clone(),
            at_ms: at.at_ms,
            on: at.date(),
        }),
        updated_at_ms: at.at_ms,
        ..certificate.clone()
    };
    Ok(recorded(next, CERTIFICATE_WITHDRAWN, by, at))
}

fn check_open(certificate: &Certificate, by: &Member) -> Result<(), Refusal> {
    if !acts_for_provider(by, &certificate.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    if certificate.withdrawn.is_some() {
        return Err(Refusal::Conflict(Conflict::CertificateWithdrawn {
            certificate: certificate.id.clone(),
        }));
    }
    Ok(())
}

fn recorded(
    certificate: Certificate,
    action: &'static str,
    by: &Member,
    at: Moment,
) -> Change<Certificate> {
    let event = WorkflowEvent::new(
        by,
        at,
        action,
        &certificate.id,
        json!({ "certificate": certificate }),
    );
    Change {
        state: certificate,
        event,
    }
}
