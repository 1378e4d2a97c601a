use super::*;
use crate::accounts::{OrgKind, Role};
use crate::criteria::demo::demo_criteria;
use crate::registration::AuditorRequirements;
use crate::registry::demo::demo_registry;
use crate::workflow::audit::tests::{
    JUNE_2026, auditor, body, full_conclusions, in_progress, signed, signer, signer_member,
    submitted,
};
use crate::workflow::audit::{self, ControlConclusion};
use crate::workflow::registry_write::registered_entry;
use crate::workflow::review::{ReviewFacts, review};
use crate::workflow::service::tests::{member, provider};
use crate::workflow::statement::tests::service;

fn reviewer() -> Member {
    Member {
        user_id: "reviewer".into(),
        ..member("op", OrgKind::Operator, &[Role::OperatorReviewer])
    }
}

fn admin() -> Member {
    Member {
        user_id: "admin".into(),
        ..member("op", OrgKind::Operator, &[Role::OperatorAdmin])
    }
}

/// The registry as the review reads it: the demo entries (the service is built on C25-0001).
fn registry() -> Vec<RegistryEntry> {
    let mut entries = demo_registry().unwrap().entries;
    for entry in &mut entries {
        if entry.id == "C25-0001" {
            entry.status = EntryStatus::Registered;
        }
    }
    entries
}

fn the_review(application: &Application, audit: &Audit) -> RegistrationDecision {
    let criteria = demo_criteria().unwrap();
    let mut service = service();
    service.details.built_on = vec!["C25-0001".into()];
    let statement = submitted();
    let requirements = AuditorRequirements::default();
    let registry = registry();
    let body = body();
    let signer = signer();
    review(&ReviewFacts {
        criteria: &criteria,
        service: &service,
        registry: &registry,
        audit_body: &body,
        requirements: &requirements,
        signer: &signer,
        audit,
        statement: &statement,
        application,
    })
}

/// The review reads the kind of audit off the audit: an evaluation of the internal audit
/// registers at level 1 and is refused for a higher one.
#[test]
fn the_review_passes_the_kind_of_audit_to_the_rule() {
    let (signed, _) = signed();
    let evaluation = Audit {
        kind: crate::audit_kind::AuditKind::InternalAuditEvaluation,
        ..signed
    };
    let application = submitted_application(&evaluation);
    let answer = the_review(&application, &evaluation);
    assert_eq!(answer.decision, Decision::Register, "{:?}", answer.findings);
    let criteria = demo_criteria().unwrap();
    let mut service = service();
    service.details.built_on = vec!["C25-0001".into()];
    let statement = crate::workflow::statement::Statement {
        target_level: Level::MIDDLE,
        ..submitted()
    };
    let (requirements, registry, body, signer) =
        (AuditorRequirements::default(), registry(), body(), signer());
    let answer = review(&ReviewFacts {
        criteria: &criteria,
        service: &service,
        registry: &registry,
        audit_body: &body,
        requirements: &requirements,
        signer: &signer,
        audit: &evaluation,
        statement: &statement,
        application: &application,
    });
    assert!(
        answer
            .findings
            .iter()
            .any(|f| f.code == crate::registration::FindingCode::AuditKindNotAllowed),
        "{:?}",
        answer.findings
    );
}

pub fn submitted_application(audit: &Audit) -> Application {
    apply(
        "ap-1".into(),
        Applying {
            service: &service(),
            audit,
            kind: ApplicationKind::New,
            entry: None,
            open: None,
        },
        &provider(),
        Moment::at(JUNE_2026 + 10),
    )
    .unwrap()
    .state
}

#[test]
fn applications_need_a_signed_report_of_the_service_and_the_right_kind() {
    let (signed, _) = signed();
    assert_eq!(
        apply(
            "ap-1".into(),
            Applying {
                service: &service(),
                audit: &in_progress(),
                kind: ApplicationKind::New,
                entry: None,
                open: None,
            },
            &provider(),
            Moment::at(JUNE_2026)
        )
        .unwrap_err()
        .code(),
        "report_not_signed"
    );
    let entry = registry().remove(0);
    assert_eq!(
        apply(
            "ap-1".into(),
            Applying {
                service: &service(),
                audit: &signed,
                kind: ApplicationKind::New,
                entry: Some(&entry),
                open: None,
            },
            &provider(),
            Moment::at(JUNE_2026)
        )
        .unwrap_err()
        .code(),
        "wrong_kind"
    );
    assert_eq!(
        apply(
            "ap-1".into(),
            Applying {
                service: &service(),
                audit: &signed,
                kind: ApplicationKind::Renewal,
                entry: None,
                open: None,
            },
            &provider(),
            Moment::at(JUNE_2026)
        )
        .unwrap_err()
        .code(),
        "wrong_kind"
    );
    let open = submitted_application(&signed);
    assert_eq!(
        apply(
            "ap-2".into(),
            Applying {
                service: &service(),
                audit: &signed,
                kind: ApplicationKind::New,
                entry: None,
                open: Some(&open),
            },
            &provider(),
            Moment::at(JUNE_2026)
        )
        .unwrap_err()
        .code(),
        "application_open"
    );
    let mut other = signed.clone();
    other.service = "svc-b".into();
    assert_eq!(
        apply(
            "ap-1".into(),
            Applying {
                service: &service(),
                audit: &other,
                kind: ApplicationKind::New,
                entry: None,
                open: None,
            },
            &provider(),
            Moment::at(JUNE_2026)
        )
        .unwrap_err()
        .code(),
        "audit_of_another_service"
    );
}

#[test]
fn from_application_to_registry_entry_with_four_eyes() {
    let (audit, _) = signed();
    let application = submitted_application(&audit);
    let at = |n: i64| Moment::at(JUNE_2026 + 100 + n);
    let application = open_review(&application, &reviewer(), at(1))
        .unwrap()
        .unwrap()
        .state;
    assert_eq!(application.status, ApplicationStatus::UnderReview);
    assert!(
        open_review(&application, &reviewer(), at(2))
            .unwrap()
            .is_none()
    );
    let answer = the_review(&application, &audit);
    assert_eq!(answer.decision, Decision::Register, "{:?}", answer.findings);
    let decided = decide(
        &application,
        Verdict::Register,
        Bilingual::new("基準を満たす", "meets the rule"),
        &answer,
        &reviewer(),
        at(3),
    )
    .unwrap()
    .state;
    assert_eq!(decided.status, ApplicationStatus::Decided);
    assert_eq!(
        approve(&decided, &reviewer(), at(4)),
        Err(Refusal::NotAllowed(NotAllowed::NotAnAdministrator))
    );
    // An administrator who decided may not approve the same decision.
    let by_admin = decide(
        &application,
        Verdict::Register,
        Bilingual::new("可", "ok"),
        &answer,
        &admin(),
        at(3),
    )
    .unwrap()
    .state;
    assert_eq!(
        approve(&by_admin, &admin(), at(4)),
        Err(Refusal::NotAllowed(NotAllowed::SameAsDecider))
    );
    let approved = approve(&decided, &admin(), at(5)).unwrap().state;
    assert_eq!(approved.status, ApplicationStatus::Registered);
    let entry = registered_entry(
        &approved,
        &service(),
        &audit,
        None,
        "C26-0003",
        &admin(),
        at(5),
    )
    .unwrap();
    assert_eq!(entry.event.action, "registry.register");
    let entry = entry.state;
    assert_eq!(entry.id, "C26-0003");
    assert_eq!(entry.application.as_deref(), Some("ap-1"));
    assert_eq!(entry.level, submitted().target_level);
    // The audit period ends on 2026-03-31: valid 16 months more.
    assert_eq!(entry.valid_until.to_string(), "2027-07-31");
    assert_eq!(entry.registered_on.to_string(), "2026-06-01");
    assert_eq!(entry.history.len(), 1);
    assert!(!entry.statement.objectives.is_empty());
}

#[test]
fn register_is_refused_unless_the_rule_registers_and_explanations_go_round() {
    let statement = submitted();
    let criteria = demo_criteria().unwrap();
    // Find a selected recommended control, and conclude it non-conformant.
    let recommended = statement
        .content
        .selected
        .iter()
        .find(|entry| !criteria.control(&entry.control).unwrap().mandatory)
        .map(|entry| entry.control.clone());
    let Some(recommended) = recommended else {
        // The first demo controls are mandatory: make the test's statement hold a
        // recommended one instead of failing silently.
        panic!("the test statement needs a recommended control among its selected ones");
    };
    let mut conclusions = full_conclusions(&statement);
    let index = conclusions
        .controls
        .iter()
        .position(|c| c.control == recommended)
        .unwrap();
    conclusions.controls[index] = ControlConclusion {
        control: recommended.clone(),
        conformant: false,
        reason: Bilingual::new("一部未実施", "partly missing"),
    };
    let audit = audit::conclude(
        &in_progress(),
        &statement,
        &criteria,
        conclusions,
        &crate::workflow::working_papers::PhaseResults::default(),
        &auditor(),
        Moment::at(JUNE_2026 + 2),
    )
    .unwrap()
    .state;
    let audit = audit::sign(
        &audit,
        crate::workflow::report::Papers::bare(&statement),
        &criteria,
        &signer(),
        &AuditorRequirements::default(),
        &signer_member(),
        Moment::at(JUNE_2026 + 3),
    )
    .unwrap()
    .0
    .state;
    let at = |n: i64| Moment::at(JUNE_2026 + 100 + n);
    let application = submitted_application(&audit);
    let application = open_review(&application, &reviewer(), at(1))
        .unwrap()
        .unwrap()
        .state;
    let answer = the_review(&application, &audit);
    assert_eq!(answer.decision, Decision::RequestExplanation);
    assert_eq!(
        answer.explanations_requested,
        std::slice::from_ref(&recommended)
    );
    assert_eq!(
        decide(
            &application,
            Verdict::Register,
            Bilingual::new("x", "x"),
            &answer,
            &reviewer(),
            at(2)
        )
        .unwrap_err(),
        Refusal::Conflict(Conflict::RuleDoesNotRegister {
            decision: "request_explanation"
        })
    );
    assert_eq!(
        ask(
            &application,
            &["9.9.9.9".into()],
            &answer,
            &reviewer(),
            at(2)
        )
        .unwrap_err()
        .code(),
        "invalid"
    );
    let asked = ask(
        &application,
        std::slice::from_ref(&recommended),
        &answer,
        &reviewer(),
        at(3),
    )
    .unwrap()
    .state;
    assert_eq!(asked.status, ApplicationStatus::ExplanationRequested);
    assert_eq!(
        judge(&asked, &recommended, true, &reviewer(), at(4)).unwrap_err(),
        Refusal::Conflict(Conflict::ExplanationNotAnswered {
            control: recommended.clone()
        })
    );
    assert_eq!(
        explain(
            &asked,
            &recommended,
            Bilingual::new("代替", "compensated"),
            &provider(),
            at(4)
        )
        .unwrap_err(),
        Refusal::NotAllowed(NotAllowed::NotTheAuditBody)
    );
    let explained = explain(
        &asked,
        &recommended,
        Bilingual::new("代替策で補完", "compensated by another control"),
        &auditor(),
        at(5),
    )
    .unwrap()
    .state;
    let judged = judge(&explained, &recommended, true, &reviewer(), at(6))
        .unwrap()
        .state;
    assert_eq!(judged.status, ApplicationStatus::UnderReview);
    let answer = the_review(&judged, &audit);
    assert_eq!(answer.decision, Decision::Register, "{:?}", answer.findings);
    // A rejected explanation makes the rule reject.
    let rejected = judge(&explained, &recommended, false, &reviewer(), at(6))
        .unwrap()
        .state;
    assert_eq!(the_review(&rejected, &audit).decision, Decision::Reject);
    let refused = decide(
        &rejected,
        Verdict::Reject,
        Bilingual::new("説明不十分", "explanation not sufficient"),
        &the_review(&rejected, &audit),
        &reviewer(),
        at(7),
    )
    .unwrap()
    .state;
    let closed = approve(&refused, &admin(), at(8)).unwrap().state;
    assert_eq!(closed.status, ApplicationStatus::Rejected);
    assert!(
        registered_entry(
            &closed,
            &service(),
            &audit,
            None,
            "C26-0009",
            &admin(),
            at(9)
        )
        .is_err()
    );
}

#[test]
fn only_open_applications_are_withdrawn_by_their_provider() {
    let (audit, _) = signed();
    let application = submitted_application(&audit);
    let other = member("csp2", OrgKind::Provider, &[Role::Provider]);
    assert_eq!(
        withdraw(&application, &other, Moment::at(1)),
        Err(Refusal::NotAllowed(NotAllowed::NotTheProvider))
    );
    let withdrawn = withdraw(&application, &provider(), Moment::at(1))
        .unwrap()
        .state;
    assert_eq!(withdrawn.status, ApplicationStatus::Withdrawn);
    assert!(!withdrawn.status.is_open());
    assert_eq!(
        withdraw(&withdrawn, &provider(), Moment::at(2))
            .unwrap_err()
            .code(),
        "application_state"
    );
}
