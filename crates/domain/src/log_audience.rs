//! Who may read which event of the tamper-evident log. An event is as visible as what it is
//! about: a criteria version's events as the version (drafts for the operator's staff, everyone
//! once published), an organisation's as the organisation, accounts, sessions, tokens and blobs
//! for the operator's staff only, registry changes for everyone.
//!
//! The audience is decided when an event is read, from its action and the state of things at
//! that moment, not only from the visibility recorded in it: the recorded visibility is part of
//! the event's hash and can never change, yet a draft's events become public when the draft is
//! published, and events written before this rule existed must follow it too. The recorded
//! visibility is the audience at the time of writing (see [`visibility_when_written`]); it
//! decides alone only for actions this module does not know.
//!
//! A reader who may not see an event gets a stub with only what keeps the chain checkable
//! (sequence number, previous hash, hash). A reader who may see an event but not who acted gets
//! it without actor and organisation.

use crate::log_chain::{Event, Visibility};
use crate::policy::{Action, Actor, authorize};

/// Who may read an event, as far as the reader's rights go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience<'a> {
    Everyone,
    /// Those who may read the criteria version: everyone once published, else those who may
    /// read drafts.
    CriteriaVersion {
        version: &'a str,
        published: bool,
    },
    /// Those who may read the organisation: the operator's staff and its own members.
    Organisation {
        org: &'a str,
    },
    OperatorStaff,
}

impl<'a> Audience<'a> {
    /// The action a reader must be allowed to perform to read the event.
    pub fn action(self) -> Action<'a> {
        match self {
            Audience::Everyone => Action::ReadPublicLog,
            Audience::CriteriaVersion {
                published: true, ..
            } => Action::ReadPublishedCriteria,
            Audience::CriteriaVersion {
                published: false, ..
            } => Action::ReadDraftCriteria,
            Audience::Organisation { org } => Action::ReadOrganisation { org },
            Audience::OperatorStaff => Action::ReadFullLog,
        }
    }

    /// The visibility to record: public only when everyone may read the event.
    pub fn visibility(self) -> Visibility {
        match self {
            Audience::Everyone
            | Audience::CriteriaVersion {
                published: true, ..
            } => Visibility::Public,
            Audience::CriteriaVersion {
                published: false, ..
            }
            | Audience::Organisation { .. }
            | Audience::OperatorStaff => Visibility::Internal,
        }
    }
}

/// The audience of an event with `action` about `subject`, done by someone acting for `org`;
/// `published` says whether a criteria version is published now.
pub fn audience<'a>(
    action: &str,
    subject: &'a str,
    org: &'a str,
    recorded: Visibility,
    published: &dyn Fn(&str) -> bool,
) -> Audience<'a> {
    let family = action.split_once('.').map_or(action, |(family, _)| family);
    match family {
        "registry" => Audience::Everyone,
        // Creating and publishing alike: publishing is public because the version then is.
        "criteria" => Audience::CriteriaVersion {
            version: subject,
            published: published(subject),
        },
        "organisation" => Audience::Organisation { org: subject },
        // An organisation's inbox and its addresses: the subject is the recipient.
        "notification" | "inbox" => Audience::Organisation { org: subject },
        "user" | "session" | "token" | "blob" | "sign_in" | "login" => Audience::OperatorStaff,
        // Work in progress on a service (restricted to its parties): the operator's staff and
        // the organisation that acted; everyone else sees only that something happened.
        "service" | "statement" | "audit" | "application" | "auditor" | "change_notice"
        | "incident" | "certificate" => Audience::Organisation { org },
        // A procuring organisation's systems and what they use: its own, and the operator's
        // staff's (who read who uses which services).
        "system" | "usage" => Audience::Organisation { org },
        // Which audit bodies are selected is public, as the list of audit bodies is; so is the
        // map of assurance schemes the operator keeps.
        "audit_body" | "assurance" => Audience::Everyone,
        // The operator's oversight of audits: the findings name bodies' and providers' work;
        // the public reads the closed reviews' ratings on the audit bodies' record instead.
        "quality_review" => Audience::OperatorStaff,
        // An action this module does not know yet: the visibility recorded when it was written.
        _ => match recorded {
            Visibility::Public => Audience::Everyone,
            Visibility::Internal => Audience::OperatorStaff,
        },
    }
}

/// The visibility to record for a new event, by the same rule as reading; `published` says
/// whether a criteria version is published as the event is written.
pub fn visibility_when_written(
    action: &str,
    subject: &str,
    published: &dyn Fn(&str) -> bool,
) -> Visibility {
    visibility_when_written_by(action, subject, "", published)
}

/// As [`visibility_when_written`], for an event done by someone acting for `org`.
pub fn visibility_when_written_by(
    action: &str,
    subject: &str,
    org: &str,
    published: &dyn Fn(&str) -> bool,
) -> Visibility {
    audience(action, subject, org, Visibility::Internal, published).visibility()
}

/// How much of one event a reader gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disclosure {
    /// The event, with or without who acted (the actor's user id and organisation).
    Event { actor: bool, org: bool },
    /// Sequence number, previous hash and hash: enough to follow the chain, nothing more.
    Stub,
}

impl Disclosure {
    pub const WHOLE: Disclosure = Disclosure::Event {
        actor: true,
        org: true,
    };
}

/// What `reader` may see of `event`; `published` says whether a criteria version is published
/// now.
pub fn disclose(reader: &Actor, event: &Event, published: &dyn Fn(&str) -> bool) -> Disclosure {
    let audience = audience(
        &event.action,
        &event.subject,
        &event.org,
        event.visibility,
        published,
    );
    if authorize(reader, &audience.action()).is_err() {
        return Disclosure::Stub;
    }
    // Without an organisation the actor is the service itself (`system`, `cli`) or the public:
    // no one's identity.
    if event.org.is_empty() {
        return Disclosure::WHOLE;
    }
    Disclosure::Event {
        actor: authorize(reader, &Action::ListUsers { org: &event.org }).is_ok(),
        org: authorize(reader, &Action::ReadOrganisation { org: &event.org }).is_ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::{OrgKind, Role};
    use crate::log_chain::{GENESIS, NewEvent, seal};
    use crate::policy::Member;

    fn member(org: &str, kind: OrgKind, roles: &[Role]) -> Actor {
        Actor::Member(Member {
            user_id: format!("{org}-user"),
            org_id: org.to_owned(),
            org_kind: kind,
            roles: roles.to_vec(),
        })
    }

    fn event(actor: &str, org: &str, action: &str, subject: &str, visibility: Visibility) -> Event {
        seal(
            NewEvent {
                at_ms: 1,
                actor: actor.into(),
                org: org.into(),
                action: action.into(),
                subject: subject.into(),
                visibility,
                payload: "{}".into(),
            },
            0,
            GENESIS,
        )
    }

    fn published(version: &str) -> bool {
        version == "2026"
    }

    #[test]
    fn each_event_is_as_visible_as_what_it_is_about() {
        let public = Actor::Anonymous;
        let reviewer = member("op", OrgKind::Operator, &[Role::OperatorReviewer]);
        let provider = member("csp", OrgKind::Provider, &[Role::Provider]);
        let readers = [&public, &reviewer, &provider];
        let hidden = Disclosure::Stub;
        let whole = Disclosure::WHOLE;
        let anonymous = Disclosure::Event {
            actor: false,
            org: false,
        };
        use Visibility::{Internal, Public};
        let rows = [
            // A draft recorded public by an older version: hidden all the same.
            (
                event("system", "", "criteria.create", "2027", Public),
                [hidden, whole, hidden],
            ),
            (
                event("system", "", "criteria.create", "2026", Internal),
                [whole, whole, whole],
            ),
            (
                event("op-user", "op", "criteria.publish", "2026", Public),
                [anonymous, whole, anonymous],
            ),
            (
                event("op-user", "op", "organisation.create", "csp", Public),
                [hidden, whole, anonymous],
            ),
            (
                event("op-user", "op", "organisation.create", "gov", Public),
                [hidden, whole, hidden],
            ),
            (
                event("system", "", "registry.register", "CS-1", Public),
                [whole, whole, whole],
            ),
            (
                event("csp-user", "csp", "session.start", "csp-user", Public),
                [hidden, whole, hidden],
            ),
            (
                event("op-user", "op", "token.create", "t1", Internal),
                [hidden, whole, hidden],
            ),
            (
                event("op-user", "op", "user.disable", "u1", Internal),
                [hidden, whole, hidden],
            ),
            (
                event("op-user", "op", "blob.put", "abc", Internal),
                [hidden, whole, hidden],
            ),
            // Unknown actions follow the visibility they were recorded with.
            (
                event("system", "", "notice.publish", "n1", Public),
                [whole, whole, whole],
            ),
            (
                event("system", "", "review.note", "n2", Internal),
                [hidden, whole, hidden],
            ),
            // A provider's own work: its members and the operator's staff; a body's work on
            // that provider's audit: the body and the staff, not the provider.
            (
                event("csp-user", "csp", "statement.submit", "st-1", Internal),
                [hidden, whole, whole],
            ),
            (
                event("ab-user", "ab", "audit.sign", "au-1", Internal),
                [hidden, whole, hidden],
            ),
            (
                event("op-user", "op", "audit_body.record", "ab", Public),
                [anonymous, whole, anonymous],
            ),
        ];
        for (event, expected) in rows {
            for (reader, want) in readers.iter().zip(expected) {
                assert_eq!(
                    disclose(reader, &event, &published),
                    want,
                    "{} {} for {reader:?}",
                    event.action,
                    event.subject
                );
            }
        }
    }

    #[test]
    fn writing_records_the_audience_of_the_moment() {
        let never = |_: &str| false;
        assert_eq!(
            visibility_when_written("criteria.create", "2027", &never),
            Visibility::Internal
        );
        assert_eq!(
            visibility_when_written("criteria.create", "2026", &published),
            Visibility::Public
        );
        assert_eq!(
            visibility_when_written("organisation.create", "csp", &never),
            Visibility::Internal
        );
        assert_eq!(
            visibility_when_written("registry.register", "CS-1", &never),
            Visibility::Public
        );
        assert_eq!(
            visibility_when_written("something.new", "x", &never),
            Visibility::Internal
        );
    }
}
