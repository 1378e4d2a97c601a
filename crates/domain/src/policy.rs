//! Who may do what: the one place where every request of the service is authorised. Routes
//! name the action they perform; this module decides. The table of the tests below is the
//! specification, read with the route table of the service's own tests.

use crate::accounts::{OrgKind, Role};
use crate::text::Bilingual;

/// The one asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// Not signed in: the public.
    Anonymous,
    Member(Member),
}

/// A signed-in user and the organisation they act for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user_id: String,
    pub org_id: String,
    pub org_kind: OrgKind,
    pub roles: Vec<Role>,
}

impl Member {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// The operator's staff: administrators and reviewers (administrators review too).
    pub fn is_operator_staff(&self) -> bool {
        self.org_kind == OrgKind::Operator
            && (self.has(Role::OperatorAdmin) || self.has(Role::OperatorReviewer))
    }

    pub fn is_operator_admin(&self) -> bool {
        self.org_kind == OrgKind::Operator && self.has(Role::OperatorAdmin)
    }
}

/// What is asked for; records owned by an organisation or a user name their owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action<'a> {
    /// Health and the API description: open to everyone.
    ReadServiceInfo,
    /// The service's metrics (requests by route and status, failed sign-ins among them): the
    /// operator's staff, unless the configuration opens them to a scraper or to everyone.
    ReadMetrics,
    /// Applying a decision rule to a case the caller supplies; stores nothing.
    Decide,
    /// The signed log head, the public key, and the log's events as far as
    /// `log_audience` lets the reader see each.
    ReadPublicLog,
    /// Every event of the log, whole.
    ReadFullLog,
    ReadOwnAccount,
    /// Creating one's own API tokens.
    CreateOwnToken,
    /// Revoking a token owned by `owner`.
    RevokeToken {
        owner: &'a str,
    },
    ListOrganisations,
    CreateOrganisation,
    ReadOrganisation {
        org: &'a str,
    },
    ListUsers {
        org: &'a str,
    },
    CreateUser {
        org: &'a str,
    },
    DisableUser {
        org: &'a str,
        user: &'a str,
    },
    /// Published criteria versions: open to everyone.
    ReadPublishedCriteria,
    /// The public registry: open to everyone.
    ReadRegistry,
    /// Draft criteria versions, still being prepared by the operator.
    ReadDraftCriteria,
    /// Importing a criteria version as a draft.
    ImportCriteria,
    /// Publishing a draft, after which it never changes.
    PublishCriteria,
}

/// Why a request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denial {
    /// The public may not do this; signing in might help.
    SignInRequired,
    /// This user may not do this.
    Forbidden,
}

impl Denial {
    pub fn code(self) -> &'static str {
        match self {
            Denial::SignInRequired => "sign_in_required",
            Denial::Forbidden => "forbidden",
        }
    }

    pub fn message(self) -> Bilingual {
        match self {
            Denial::SignInRequired => Bilingual::new("ログインが必要です", "you need to sign in"),
            Denial::Forbidden => Bilingual::new(
                "この操作は許可されていません",
                "you are not allowed to do this",
            ),
        }
    }
}

pub fn authorize(actor: &Actor, action: &Action<'_>) -> Result<(), Denial> {
    if matches!(
        action,
        Action::ReadServiceInfo
            | Action::Decide
            | Action::ReadPublicLog
            | Action::ReadPublishedCriteria
            | Action::ReadRegistry
    ) {
        return Ok(());
    }
    let Actor::Member(member) = actor else {
        return Err(Denial::SignInRequired);
    };
    let allowed = match *action {
        Action::ReadServiceInfo
        | Action::Decide
        | Action::ReadPublicLog
        | Action::ReadPublishedCriteria
        | Action::ReadRegistry => true,
        Action::ReadDraftCriteria => member.is_operator_staff(),
        Action::ImportCriteria | Action::PublishCriteria => member.is_operator_admin(),
        Action::ReadOwnAccount | Action::CreateOwnToken => true,
        Action::RevokeToken { owner } => owner == member.user_id || member.is_operator_admin(),
        Action::ReadFullLog | Action::ListOrganisations | Action::ReadMetrics => {
            member.is_operator_staff()
        }
        Action::CreateOrganisation | Action::CreateUser { .. } => member.is_operator_admin(),
        Action::ReadOrganisation { org } | Action::ListUsers { org } => {
            member.is_operator_staff() || member.org_id == org
        }
        // Nobody disables their own account: an administrator cannot lock everyone out by mistake.
        Action::DisableUser { user, .. } => member.is_operator_admin() && user != member.user_id,
    };
    if allowed {
        Ok(())
    } else {
        Err(Denial::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(org: &str, kind: OrgKind, roles: &[Role]) -> Actor {
        Actor::Member(Member {
            user_id: format!("{org}-user"),
            org_id: org.to_owned(),
            org_kind: kind,
            roles: roles.to_vec(),
        })
    }

    #[test]
    fn the_policy_table() {
        let public = Actor::Anonymous;
        let admin = member("op", OrgKind::Operator, &[Role::OperatorAdmin]);
        let reviewer = member("op", OrgKind::Operator, &[Role::OperatorReviewer]);
        let provider = member("csp", OrgKind::Provider, &[Role::Provider]);
        let auditor = member(
            "ab",
            OrgKind::AuditBody,
            &[Role::Auditor, Role::SigningAuditor],
        );
        let procurer = member("gov", OrgKind::Procurer, &[Role::Procurer]);
        let everyone = [&public, &admin, &reviewer, &provider, &auditor, &procurer];
        use Denial::{Forbidden as F, SignInRequired as S};
        let ok = Ok(());
        let rows: Vec<(Action<'_>, [Result<(), Denial>; 6])> = vec![
            (Action::ReadServiceInfo, [ok, ok, ok, ok, ok, ok]),
            (Action::Decide, [ok, ok, ok, ok, ok, ok]),
            (
                Action::ReadMetrics,
                [Err(S), ok, ok, Err(F), Err(F), Err(F)],
            ),
            (Action::ReadPublicLog, [ok, ok, ok, ok, ok, ok]),
            (
                Action::ReadFullLog,
                [Err(S), ok, ok, Err(F), Err(F), Err(F)],
            ),
            (Action::ReadOwnAccount, [Err(S), ok, ok, ok, ok, ok]),
            (Action::CreateOwnToken, [Err(S), ok, ok, ok, ok, ok]),
            (
                Action::RevokeToken { owner: "csp-user" },
                [Err(S), ok, Err(F), ok, Err(F), Err(F)],
            ),
            (
                Action::ListOrganisations,
                [Err(S), ok, ok, Err(F), Err(F), Err(F)],
            ),
            (
                Action::CreateOrganisation,
                [Err(S), ok, Err(F), Err(F), Err(F), Err(F)],
            ),
            (
                Action::ReadOrganisation { org: "csp" },
                [Err(S), ok, ok, ok, Err(F), Err(F)],
            ),
            (
                Action::ListUsers { org: "ab" },
                [Err(S), ok, ok, Err(F), ok, Err(F)],
            ),
            (
                Action::CreateUser { org: "gov" },
                [Err(S), ok, Err(F), Err(F), Err(F), Err(F)],
            ),
            (
                Action::DisableUser {
                    org: "gov",
                    user: "gov-user",
                },
                [Err(S), ok, Err(F), Err(F), Err(F), Err(F)],
            ),
            (
                Action::DisableUser {
                    org: "op",
                    user: "op-user",
                },
                [Err(S), Err(F), Err(F), Err(F), Err(F), Err(F)],
            ),
            (Action::ReadPublishedCriteria, [ok, ok, ok, ok, ok, ok]),
            (Action::ReadRegistry, [ok, ok, ok, ok, ok, ok]),
            (
                Action::ReadDraftCriteria,
                [Err(S), ok, ok, Err(F), Err(F), Err(F)],
            ),
            (
                Action::ImportCriteria,
                [Err(S), ok, Err(F), Err(F), Err(F), Err(F)],
            ),
            (
                Action::PublishCriteria,
                [Err(S), ok, Err(F), Err(F), Err(F), Err(F)],
            ),
        ];
        for (action, expected) in rows {
            for (actor, want) in everyone.iter().zip(expected) {
                assert_eq!(authorize(actor, &action), want, "{action:?} by {actor:?}");
            }
        }
    }

    #[test]
    fn an_operator_role_outside_an_operator_organisation_grants_nothing() {
        // Defence in depth: accounts cannot be created this way, but a forged record must not
        // make a provider an administrator.
        let odd = member("csp", OrgKind::Provider, &[Role::OperatorAdmin]);
        assert_eq!(
            authorize(&odd, &Action::CreateOrganisation),
            Err(Denial::Forbidden)
        );
        assert_eq!(
            authorize(&odd, &Action::ReadFullLog),
            Err(Denial::Forbidden)
        );
        assert_eq!(
            authorize(&odd, &Action::ReadMetrics),
            Err(Denial::Forbidden)
        );
    }
}
