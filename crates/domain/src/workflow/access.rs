//! Who may read the scheme's work in progress. A provider reads its own services and all that
//! hangs on them; an audit body reads the engagements it was asked for (and the service and
//! statement behind each, once accepted); the operator's staff read everything, changing only
//! what their roles allow; procurers and the public read only the registry. Whoever may not
//! read a thing is not told it exists.

use super::application::Application;
use super::audit::{Audit, AuditStatus};
use super::audit_body::is_auditor_of;
use super::quality_review::QualityReview;
use super::selection_application::SelectionApplication;
use super::service::Service;
use super::statement::Statement;
use crate::accounts::OrgKind;
use crate::policy::{Actor, Member};

/// Why a reader gets nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// Signing in might help.
    SignInRequired,
    /// As if it did not exist.
    NotFound,
}

fn member(actor: &Actor) -> Result<&Member, Hidden> {
    match actor {
        Actor::Anonymous => Err(Hidden::SignInRequired),
        Actor::Member(member) => Ok(member),
    }
}

fn is_owner(member: &Member, provider: &str) -> bool {
    member.org_kind == OrgKind::Provider && member.org_id == provider
}

fn allow(allowed: bool) -> Result<(), Hidden> {
    if allowed {
        Ok(())
    } else {
        Err(Hidden::NotFound)
    }
}

/// `audits` are the audits ordered for the service.
pub fn read_service(actor: &Actor, service: &Service, audits: &[Audit]) -> Result<(), Hidden> {
    let member = member(actor)?;
    allow(
        member.is_operator_staff()
            || is_owner(member, &service.provider)
            || audits.iter().any(|audit| {
                audit.service == service.id && is_auditor_of(member, &audit.audit_body)
            }),
    )
}

/// `audits` are the audits of the statement: a body sees it once it accepted one of them.
pub fn read_statement(
    actor: &Actor,
    statement: &Statement,
    audits: &[Audit],
) -> Result<(), Hidden> {
    let member = member(actor)?;
    allow(
        member.is_operator_staff()
            || is_owner(member, &statement.provider)
            || audits.iter().any(|audit| {
                audit.statement == statement.id
                    && !matches!(audit.status, AuditStatus::Requested | AuditStatus::Declined)
                    && is_auditor_of(member, &audit.audit_body)
            }),
    )
}

pub fn read_audit(actor: &Actor, audit: &Audit) -> Result<(), Hidden> {
    let member = member(actor)?;
    allow(
        member.is_operator_staff()
            || is_owner(member, &audit.provider)
            || is_auditor_of(member, &audit.audit_body),
    )
}

pub fn read_application(actor: &Actor, application: &Application) -> Result<(), Hidden> {
    let member = member(actor)?;
    allow(
        member.is_operator_staff()
            || is_owner(member, &application.provider)
            || is_auditor_of(member, &application.audit_body),
    )
}

/// An audit body's application to be selected: its auditors and the operator's staff.
pub fn read_selection_application(
    actor: &Actor,
    application: &SelectionApplication,
) -> Result<(), Hidden> {
    let member = member(actor)?;
    allow(member.is_operator_staff() || is_auditor_of(member, &application.org))
}

/// The operator's staff read every quality review; an audit body's auditors the reviews that
/// drew one of its engagements (and of those only its part: [`QualityReview::part_for_body`]).
pub fn read_quality_review(actor: &Actor, review: &QualityReview) -> Result<(), Hidden> {
    let member = member(actor)?;
    allow(
        member.is_operator_staff()
            || (member.org_kind == OrgKind::AuditBody && review.concerns_body(&member.org_id)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::Role;
    use crate::workflow::application::tests::submitted_application;
    use crate::workflow::audit::tests::{requested, signed};
    use crate::workflow::service::tests::member as someone;
    use crate::workflow::statement::tests::{draft, service};

    fn readers() -> Vec<(&'static str, Actor)> {
        let as_actor = |m: Member| Actor::Member(m);
        vec![
            ("public", Actor::Anonymous),
            (
                "reviewer",
                as_actor(someone("op", OrgKind::Operator, &[Role::OperatorReviewer])),
            ),
            (
                "owner",
                as_actor(someone("csp", OrgKind::Provider, &[Role::Provider])),
            ),
            (
                "other provider",
                as_actor(someone("csp2", OrgKind::Provider, &[Role::Provider])),
            ),
            (
                "its audit body",
                as_actor(someone("ab", OrgKind::AuditBody, &[Role::Auditor])),
            ),
            (
                "another audit body",
                as_actor(someone("ab2", OrgKind::AuditBody, &[Role::SigningAuditor])),
            ),
            (
                "procurer",
                as_actor(someone("gov", OrgKind::Procurer, &[Role::Procurer])),
            ),
        ]
    }

    fn table(results: Vec<Result<(), Hidden>>) -> Vec<&'static str> {
        results
            .into_iter()
            .map(|result| match result {
                Ok(()) => "read",
                Err(Hidden::SignInRequired) => "sign in",
                Err(Hidden::NotFound) => "not found",
            })
            .collect()
    }

    #[test]
    fn each_party_reads_what_belongs_to_it() {
        let (signed, _) = signed();
        let requested = requested();
        let service = service();
        let statement = draft();
        let application = submitted_application(&signed);
        let readers = readers();
        let all = |check: &dyn Fn(&Actor) -> Result<(), Hidden>| {
            table(readers.iter().map(|(_, actor)| check(actor)).collect())
        };
        let nf = "not found";
        let si = "sign in";
        // Readers: public, reviewer, owner, other provider, its body, another body, procurer.
        assert_eq!(
            all(&|a| read_service(a, &service, &[])),
            [si, "read", "read", nf, nf, nf, nf]
        );
        assert_eq!(
            all(&|a| read_service(a, &service, std::slice::from_ref(&requested))),
            [si, "read", "read", nf, "read", nf, nf]
        );
        // A body reads the statement only once it accepted the audit.
        assert_eq!(
            all(&|a| read_statement(a, &statement, std::slice::from_ref(&requested))),
            [si, "read", "read", nf, nf, nf, nf]
        );
        assert_eq!(
            all(&|a| read_statement(a, &statement, std::slice::from_ref(&signed))),
            [si, "read", "read", nf, "read", nf, nf]
        );
        assert_eq!(
            all(&|a| read_audit(a, &requested)),
            [si, "read", "read", nf, "read", nf, nf]
        );
        assert_eq!(
            all(&|a| read_application(a, &application)),
            [si, "read", "read", nf, "read", nf, nf]
        );
    }
}
