//! An application for registration (登録申請): the provider applies with a signed report; the
//! operator's reviewer runs the registration rule on the stored facts, may ask the audit body to
//! explain non-conformant recommended controls, and decides; a second operator administrator
//! approves, and only then does the decision take effect (four eyes).
//!
//! `submitted` → `under_review` ⇄ `explanation_requested` → `decided` → `registered` |
//! `rejected`; `withdrawn` by the provider before a decision.

mod explanations;

pub use explanations::{ExplanationRequest, ask, explain, judge};

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::audit::{Audit, AuditStatus};
use super::audit_body::is_auditor_of;
use super::fields::Problems;
use super::service::{Service, acts_for_provider};
use super::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};
use crate::case::bounds::MAX_TEXT_CHARS;
use crate::date::CalendarDate;
use crate::level::Level;
use crate::policy::Member;
use crate::registration::{Decision, RegistrationDecision};
use crate::registry::{EntryStatus, RegistryEntry};
use crate::text::Bilingual;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationKind {
    New,
    Renewal,
}

impl ApplicationKind {
    pub fn code(self) -> &'static str {
        match self {
            ApplicationKind::New => "new",
            ApplicationKind::Renewal => "renewal",
        }
    }

    pub fn from_code(code: &str) -> Option<ApplicationKind> {
        [ApplicationKind::New, ApplicationKind::Renewal]
            .into_iter()
            .find(|kind| kind.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            ApplicationKind::New => Bilingual::new("新規登録", "New registration"),
            ApplicationKind::Renewal => Bilingual::new("更新", "Renewal"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    Submitted,
    UnderReview,
    ExplanationRequested,
    Decided,
    Registered,
    Rejected,
    Withdrawn,
}

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 7] = [
        ApplicationStatus::Submitted,
        ApplicationStatus::UnderReview,
        ApplicationStatus::ExplanationRequested,
        ApplicationStatus::Decided,
        ApplicationStatus::Registered,
        ApplicationStatus::Rejected,
        ApplicationStatus::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ApplicationStatus::Submitted => "submitted",
            ApplicationStatus::UnderReview => "under_review",
            ApplicationStatus::ExplanationRequested => "explanation_requested",
            ApplicationStatus::Decided => "decided",
            ApplicationStatus::Registered => "registered",
            ApplicationStatus::Rejected => "rejected",
            ApplicationStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<ApplicationStatus> {
        ApplicationStatus::ALL
            .into_iter()
            .find(|status| status.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            ApplicationStatus::Submitted => Bilingual::new("受付", "Submitted"),
            ApplicationStatus::UnderReview => Bilingual::new("審査中", "Under review"),
            ApplicationStatus::ExplanationRequested => {
                Bilingual::new("説明依頼中", "Explanation requested")
            }
            ApplicationStatus::Decided => Bilingual::new("承認待ち", "Awaiting approval"),
            ApplicationStatus::Registered => Bilingual::new("登録", "Registered"),
            ApplicationStatus::Rejected => Bilingual::new("却下", "Rejected"),
            ApplicationStatus::Withdrawn => Bilingual::new("取下げ", "Withdrawn"),
        }
    }

    /// Whether the application still waits for something (the service may have only one).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Submitted
                | ApplicationStatus::UnderReview
                | ApplicationStatus::ExplanationRequested
                | ApplicationStatus::Decided
        )
    }
}

/// What the reviewer decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Register,
    Reject,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Register => "register",
            Verdict::Reject => "reject",
        }
    }

    pub fn from_code(code: &str) -> Option<Verdict> {
        [Verdict::Register, Verdict::Reject]
            .into_iter()
            .find(|verdict| verdict.code() == code)
    }
}

/// The reviewer's decision, waiting for or past its approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedDecision {
    pub decision: Verdict,
    pub reason: Bilingual,
    pub by: String,
    pub at_ms: i64,
    /// What the registration rule answered when the decision was taken.
    pub rule_decision: String,
    pub level: Option<Level>,
    pub valid_until: Option<CalendarDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    pub by: String,
    pub at_ms: i64,
    pub on: CalendarDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    pub id: String,
    pub service: String,
    pub provider: String,
    pub audit: String,
    pub audit_body: String,
    pub kind: ApplicationKind,
    pub status: ApplicationStatus,
    pub submitted_at_ms: i64,
    /// The registry entry a renewal renews.
    pub renews: Option<String>,
    pub explanations: Vec<ExplanationRequest>,
    pub decision: Option<RecordedDecision>,
    pub approval: Option<Approval>,
    /// The registry entry the approved registration wrote.
    pub registry_entry: Option<String>,
    pub updated_at_ms: i64,
}

/// The registry entries a renewal is under review for, each with the day it was applied for:
/// while it is, the registration stays valid past its end (the `lifecycle` rule).
pub fn renewals_under_review(
    applications: &[Application],
) -> std::collections::BTreeMap<String, CalendarDate> {
    applications
        .iter()
        .filter(|application| application.kind == ApplicationKind::Renewal)
        .filter(|application| application.status.is_open())
        .filter_map(|application| {
            let entry = application.renews.clone()?;
            Some((entry, Moment::at(application.submitted_at_ms).date()))
        })
        .collect()
}

/// Whether `by` reviews for the scheme operator (its administrators review too).
pub fn is_reviewer(by: &Member) -> bool {
    by.is_operator_staff()
}

/// What the provider applies with, and what the service already has.
#[derive(Debug, Clone, Copy)]
pub struct Applying<'a> {
    pub service: &'a Service,
    /// The audit whose signed report the application rests on.
    pub audit: &'a Audit,
    pub kind: ApplicationKind,
    /// The service's registry entry, if it has one: a renewal needs it, a new registration
    /// must not (unless the entry was deregistered).
    pub entry: Option<&'a RegistryEntry>,
    /// An application of the service that is not finished, if any.
    pub open: Option<&'a Application>,
}

/// The provider applies with the signed report of an audit of the service.
pub fn apply(
    id: String,
    applying: Applying<'_>,
    by: &Member,
    at: Moment,
) -> Result<Change<Application>, Refusal> {
    let Applying {
        service,
        audit,
        kind,
        entry,
        open,
    } = applying;
    if !acts_for_provider(by, &service.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    let mut problems = Problems::new();
    problems.id("/id", &id);
    problems.finish()?;
    if audit.service != service.id {
        return Err(Refusal::Conflict(Conflict::AuditOfAnotherService {
            audit: audit.id.clone(),
            service: service.id.clone(),
        }));
    }
    if audit.status != AuditStatus::Signed {
        return Err(Refusal::Conflict(Conflict::ReportNotSigned {
            audit: audit.id.clone(),
        }));
    }
    if let Some(open) = open {
        return Err(Refusal::Conflict(Conflict::ApplicationOpen {
            application: open.id.clone(),
        }));
    }
    // A deregistered service starts again with a new registration; any other entry is renewed.
    let live = entry.filter(|entry| entry.status != EntryStatus::Deregistered);
    match (kind, live) {
        (ApplicationKind::New, Some(_)) | (ApplicationKind::Renewal, None) => {
            return Err(Refusal::Conflict(Conflict::WrongKind {
                service: service.id.clone(),
                registered: live.is_some(),
            }));
        }
        _ => {}
    }
    let application = Application {
        id,
        service: service.id.clone(),
        provider: service.provider.clone(),
        audit: audit.id.clone(),
        audit_body: audit.audit_body.clone(),
        kind,
        status: ApplicationStatus::Submitted,
        submitted_at_ms: at.at_ms,
        renews: live.map(|entry| entry.id.clone()),
        explanations: Vec::new(),
        decision: None,
        approval: None,
        registry_entry: None,
        updated_at_ms: at.at_ms,
    };
    Ok(recorded(application, "application.submit", by, at))
}

/// The first review by the operator moves a submitted application under review; later reviews
/// change nothing (`None`).
pub fn open_review(
    application: &Application,
    by: &Member,
    at: Moment,
) -> Result<Option<Change<Application>>, Refusal> {
    if !is_reviewer(by) {
        return Err(Refusal::NotAllowed(NotAllowed::NotAReviewer));
    }
    if application.status != ApplicationStatus::Submitted {
        return Ok(None);
    }
    let application = Application {
        status: ApplicationStatus::UnderReview,
        updated_at_ms: at.at_ms,
        ..application.clone()
    };
    Ok(Some(recorded(application, "application.review", by, at)))
}

/// The reviewer records the decision with its reasons. `review` is the registration rule's
/// answer on the stored facts now: `register` is refused unless the rule answers `register`.
pub fn decide(
    application: &Application,
    verdict: Verdict,
    reason: Bilingual,
    review: &RegistrationDecision,
    by: &Member,
    at: Moment,
) -> Result<Change<Application>, Refusal> {
    if !is_reviewer(by) {
        return Err(Refusal::NotAllowed(NotAllowed::NotAReviewer));
    }
    expect_status(application, &[ApplicationStatus::UnderReview])?;
    let mut problems = Problems::new();
    problems.required_text("/reason", &reason, MAX_TEXT_CHARS);
    problems.finish()?;
    if verdict == Verdict::Register && review.decision != Decision::Register {
        return Err(Refusal::Conflict(Conflict::RuleDoesNotRegister {
            decision: review.decision.as_str(),
        }));
    }
    let registering = verdict == Verdict::Register;
    let application = Application {
        status: ApplicationStatus::Decided,
        decision: Some(RecordedDecision {
            decision: verdict,
            reason,
            by: by.user_id.clone(),
            at_ms: at.at_ms,
            rule_decision: review.decision.as_str().to_owned(),
            level: review.level.filter(|_| registering),
            valid_until: review.valid_until.filter(|_| registering),
        }),
        updated_at_ms: at.at_ms,
        ..application.clone()
    };
    Ok(recorded(application, "application.decide", by, at))
}

/// An operator administrator other than the one who decided approves: the decision takes
/// effect. Writing the registry entry of a registration is the caller's next step (see
/// [`crate::workflow::registry_write`]), in the same transaction.
pub fn approve(
    application: &Application,
    by: &Member,
    at: Moment,
) -> Result<Change<Application>, Refusal> {
    if !by.is_operator_admin() {
        return Err(Refusal::NotAllowed(NotAllowed::NotAnAdministrator));
    }
    expect_status(application, &[ApplicationStatus::Decided])?;
    let Some(decision) = &application.decision else {
        return Err(state_conflict(application));
    };
    if decision.by == by.user_id {
        return Err(Refusal::NotAllowed(NotAllowed::SameAsDecider));
    }
    let status = match decision.decision {
        Verdict::Register => ApplicationStatus::Registered,
        Verdict::Reject => ApplicationStatus::Rejected,
    };
    let application = Application {
        status,
        approval: Some(Approval {
            by: by.user_id.clone(),
            at_ms: at.at_ms,
            on: at.date(),
        }),
        updated_at_ms: at.at_ms,
        ..application.clone()
    };
    Ok(recorded(application, "application.approve", by, at))
}

/// The provider withdraws its application before a decision.
pub fn withdraw(
    application: &Application,
    by: &Member,
    at: Moment,
) -> Result<Change<Application>, Refusal> {
    if !acts_for_provider(by, &application.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    expect_status(
        application,
        &[
            ApplicationStatus::Submitted,
            ApplicationStatus::UnderReview,
            ApplicationStatus::ExplanationRequested,
        ],
    )?;
    let application = Application {
        status: ApplicationStatus::Withdrawn,
        updated_at_ms: at.at_ms,
        ..application.clone()
    };
    Ok(recorded(application, "application.withdraw", by, at))
}

/// Notes the registry entry an approved registration wrote.
pub fn with_registry_entry(application: Application, entry: &str) -> Application {
    Application {
        registry_entry: Some(entry.to_owned()),
        ..application
    }
}

fn expect_status(application: &Application, allowed: &[ApplicationStatus]) -> Result<(), Refusal> {
    if allowed.contains(&application.status) {
        Ok(())
    } else {
        Err(state_conflict(application))
    }
}

fn state_conflict(application: &Application) -> Refusal {
    Refusal::Conflict(Conflict::ApplicationState {
        application: application.id.clone(),
        status: application.status.code(),
    })
}

fn recorded(
    application: Application,
    action: &'static str,
    by: &Member,
    at: Moment,
) -> Change<Application> {
    let event = WorkflowEvent::new(
        by,
        at,
        action,
        &application.id,
        json!({ "application": application }),
    );
    Change {
        state: application,
        event,
    }
}

/// Whether `by` answers for the audit body of the application.
fn is_its_audit_body(application: &Application, by: &Member) -> bool {
    is_auditor_of(by, &application.audit_body)
}

#[cfg(test)]
pub(crate) mod tests;
