//! A provider shares its statement's annexes (the individual controls it selected and why it
//! excluded the others) with named procuring organisations. The registry publishes only which
//! objectives a statement implements; a procurer granted the annexes sees, in what a service
//! covers for its systems, the controls behind each objective. Grants are kept on the service,
//! revocable at any time; each grant, revocation and read is an event.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::service::{Service, acts_for_provider};
use super::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};
use crate::accounts::OrgKind;
use crate::date::CalendarDate;
use crate::policy::Member;
use crate::text::Bilingual;

/// The procuring organisations one service may share its annexes with at once.
pub const MAX_ANNEX_GRANTS: usize = 200;

/// The log's names of the steps.
pub const ANNEXES_GRANTED: &str = "service.annex_grant";
pub const ANNEXES_REVOKED: &str = "service.annex_revoke";
/// A granted procurer read the annexes (an event with no row of its own).
pub const ANNEXES_READ: &str = "statement.annex_read";

/// One procuring organisation the service shares its annexes with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnexGrant {
    /// The procuring organisation's id.
    pub org: String,
    pub by: String,
    pub at_ms: i64,
    pub on: CalendarDate,
}

impl Service {
    /// Whether the service shares its annexes with the organisation `org`.
    pub fn shares_annexes_with(&self, org: &str) -> bool {
        self.annex_grants.iter().any(|grant| grant.org == org)
    }
}

/// Its provider shares the service's annexes with the procuring organisation `org` (of kind
/// `kind`); `None` when it does already.
pub fn grant_annexes(
    service: &Service,
    org: &str,
    kind: OrgKind,
    by: &Member,
    at: Moment,
) -> Result<Option<Change<Service>>, Refusal> {
    if !acts_for_provider(by, &service.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    if kind != OrgKind::Procurer {
        return Err(Refusal::invalid(
            "/org",
            "not_a_procurer",
            Bilingual::new(
                format!("{org} は調達機関ではありません。別紙を開示できるのは調達機関だけです"),
                format!(
                    "{org} is not a procuring organisation; annexes are shared only with those"
                ),
            ),
        ));
    }
    if service.shares_annexes_with(org) {
        return Ok(None);
    }
    if service.annex_grants.len() >= MAX_ANNEX_GRANTS {
        return Err(Refusal::Conflict(Conflict::TooManyAnnexGrants {
            service: service.id.clone(),
            max: MAX_ANNEX_GRANTS,
        }));
    }
    let mut next = service.clone();
    next.annex_grants.push(AnnexGrant {
        org: org.to_owned(),
        by: by.user_id.clone(),
        at_ms: at.at_ms,
        on: at.date(),
    });
    next.updated_at_ms = at.at_ms;
    let event = WorkflowEvent::new(
        by,
        at,
        ANNEXES_GRANTED,
        &next.id,
        json!({ "service": next, "org": org }),
    );
    Ok(Some(Change { state: next, event }))
}

/// Its provider stops sharing the service's annexes with `org`; `None` when it did not.
pub fn revoke_annexes(
    service: &Service,
    org: &str,
    by: &Member,
    at: Moment,
) -> Result<Option<Change<Service>>, Refusal> {
    if !acts_for_provider(by, &service.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    if !service.shares_annexes_with(org) {
        return Ok(None);
    }
    let mut next = service.clone();
    next.annex_grants.retain(|grant| grant.org != org);
    next.updated_at_ms = at.at_ms;
    let event = WorkflowEvent::new(
        by,
        at,
        ANNEXES_REVOKED,
        &next.id,
        json!({ "service": next, "org": org }),
    );
    Ok(Some(Change { state: next, event }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::Role;
    use crate::workflow::service::tests::{details, member, provider};

    fn service() -> Service {
        super::super::service::create("svc-1".into(), details(), &provider(), Moment::at(1_000))
            .unwrap()
            .state
    }

    #[test]
    fn a_provider_shares_its_annexes_with_procurers_once_each_and_takes_them_back() {
        let kept = service();
        let at = Moment::at(1_793_577_600_000);
        let granted = grant_annexes(&kept, "city", OrgKind::Procurer, &provider(), at)
            .unwrap()
            .expect("not shared yet");
        assert_eq!(granted.event.action, ANNEXES_GRANTED);
        assert_eq!(granted.event.payload["org"], "city");
        assert!(granted.state.shares_annexes_with("city"));
        assert!(!granted.state.shares_annexes_with("town"));
        assert!(
            grant_annexes(&granted.state, "city", OrgKind::Procurer, &provider(), at)
                .unwrap()
                .is_none()
        );
        // Only procuring organisations, only by the service's own provider.
        let Err(Refusal::Invalid(errors)) =
            grant_annexes(&kept, "ab", OrgKind::AuditBody, &provider(), at)
        else {
            panic!("refused");
        };
        assert_eq!(errors.first().map(|e| e.code), Some("not_a_procurer"));
        let other = member("other-csp", OrgKind::Provider, &[Role::Provider]);
        assert_eq!(
            grant_annexes(&kept, "city", OrgKind::Procurer, &other, at).unwrap_err(),
            Refusal::NotAllowed(NotAllowed::NotTheProvider)
        );
        let revoked = revoke_annexes(&granted.state, "city", &provider(), at)
            .unwrap()
            .unwrap();
        assert_eq!(revoked.event.action, ANNEXES_REVOKED);
        assert!(!revoked.state.shares_annexes_with("city"));
        assert!(
            revoke_annexes(&revoked.state, "city", &provider(), at)
                .unwrap()
                .is_none()
        );
        // Bounded.
        let mut full = kept;
        for n in 0..MAX_ANNEX_GRANTS {
            full = grant_annexes(
                &full,
                &format!("org-{n}"),
                OrgKind::Procurer,
                &provider(),
                at,
            )
            .unwrap()
            .unwrap()
            .state;
        }
        assert_eq!(
            grant_annexes(&full, "city", OrgKind::Procurer, &provider(), at).unwrap_err(),
            Refusal::Conflict(Conflict::TooManyAnnexGrants {
                service: "svc-1".into(),
                max: MAX_ANNEX_GRANTS,
            })
        );
    }
}
