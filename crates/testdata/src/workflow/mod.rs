//! One service carried from its description to the registry through the domain's transitions,
//! every change as the domain answers it: for tests that store, serve or verify the scheme's
//! work (the store's, the command line's). The world: operator `op` (admin `admin-1`, reviewer
//! `rev-1`), provider `csp` (`csp-1`), audit body `ab` (signing auditor `signer-1`).

// A story that cannot be told is a broken test fixture: failing loudly at once is the point.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::assurance::{AssuranceRecord, default_map, revise_map};
use shinrai_domain::audit_kind::AuditKind;
use shinrai_domain::criteria::Part;
use shinrai_domain::criteria::demo::demo_criteria;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::policy::Member;
use shinrai_domain::registration::{AuditBodyStatus, AuditorRequirements, Decision};
use shinrai_domain::registry::{DeploymentModel, ModelScope, RegistryEntry};
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::application::{self, Application, ApplicationKind, Verdict};
use shinrai_domain::workflow::audit::{
    self, Audit, Conclusions, ControlConclusion, ObjectiveConclusion, Order, selected_objectives,
};
use shinrai_domain::workflow::audit_body::{
    AuditBodyRecord, AuditorProfile, record_auditor, record_selection,
};
use shinrai_domain::workflow::certification::{
    self, Certificate, CertificateDetails, CertificateKind,
};
use shinrai_domain::workflow::registry_write::registered_entry;
use shinrai_domain::workflow::report::{AuditReport, Papers};
use shinrai_domain::workflow::review::{ReviewFacts, review};
use shinrai_domain::workflow::selection_application::{
    self, BodyFacts, DeclaredAuditor, SelectionApplication,
};
use shinrai_domain::workflow::service::{self, Service, ServiceDetails};
use shinrai_domain::workflow::statement::{
    self, ExcludedControl, Responsibility, SelectedControl, Statement, StatementContent,
};
use shinrai_domain::workflow::working_papers::PhaseResults;
use shinrai_domain::workflow::{Change, Moment};

mod afterwards;
mod inbox;
mod papers;
mod procurement;
mod review;

pub use afterwards::{AfterwardsStory, afterwards_at, afterwards_of};
pub use inbox::{NoticeStory, notice_at, notice_of};
use papers::papers;
pub use papers::{StoryPapers, story_log_point};
pub use procurement::{ProcurementStory, procurement_at, procurement_of, procurer, system_details};
pub use review::{ReviewStory, quality_review_of, review_at};

/// The id the story's first statement version takes.
pub const STATEMENT_ID: &str = "svc-1-v1";

pub fn member(user: &str, org: &str, kind: OrgKind, roles: &[Role]) -> Member {
    Member {
        user_id: user.to_owned(),
        org_id: org.to_owned(),
        org_kind: kind,
        roles: roles.to_vec(),
    }
}

pub fn admin() -> Member {
    member("admin-1", "op", OrgKind::Operator, &[Role::OperatorAdmin])
}

pub fn reviewer() -> Member {
    member("rev-1", "op", OrgKind::Operator, &[Role::OperatorReviewer])
}

pub fn provider() -> Member {
    member("csp-1", "csp", OrgKind::Provider, &[Role::Provider])
}

pub fn signer() -> Member {
    member(
        "signer-1",
        "ab",
        OrgKind::AuditBody,
        &[Role::Auditor, Role::SigningAuditor],
    )
}

/// 2026-06-01T00:00:00Z and the milliseconds after it.
pub fn at(n: i64) -> Moment {
    Moment::at(1_780_272_000_000 + n)
}

pub fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

pub fn details() -> ServiceDetails {
    ServiceDetails {
        name: Bilingual::new("試験メール", "Test Mail"),
        description: Bilingual::new("メール", "Mail"),
        service_models: vec![ModelScope {
            model: ServiceModel::SaaS,
            scope: Bilingual::new("アプリケーション", "the application"),
        }],
        deployment_models: vec![DeploymentModel::Public],
        built_on: vec![],
        underlying_evaluated_in_audit: vec![],
        scope: Bilingual::new("本番環境", "production"),
        availability: Bilingual::new("99.9%", "99.9%"),
    }
}

/// Every control that applies to a SaaS at level 1 selected, but one recommended control
/// excluded with a reason.
pub fn content() -> StatementContent {
    let criteria = demo_criteria().unwrap();
    let applicable: Vec<_> = criteria
        .controls
        .iter()
        .filter(|c| {
            c.part == Part::Control
                && c.min_level == Level::LOW
                && c.service_models.contains(&ServiceModel::SaaS)
        })
        .collect();
    let excluded = applicable
        .iter()
        .rev()
        .find(|c| !c.mandatory)
        .unwrap()
        .id
        .clone();
    StatementContent {
        governance: vec![],
        management: vec![],
        selected: applicable
            .iter()
            .filter(|c| c.id != excluded)
            .map(|c| SelectedControl {
                control: c.id.clone(),
                individual_control: Bilingual::new("手順に従う", "by the runbook"),
                responsibility: Responsibility::Csp,
                technologies: vec![],
                rationale: Bilingual::new("", ""),
            })
            .collect(),
        excluded: vec![ExcludedControl {
            control: excluded,
            reason: Bilingual::new("対象外", "out of scope"),
        }],
        documents: vec![],
    }
}

/// Every change of the story, in the order it happened, grouped as they are stored together.
#[derive(Debug, Clone)]
pub struct Story {
    /// The operator records the audit body's selection and its signing auditor.
    pub body: Change<AuditBodyRecord>,
    pub profile: Change<AuditorProfile>,
    pub service: Change<Service>,
    /// The statement started, filled in, then submitted.
    pub started: Change<Statement>,
    pub saved: Change<Statement>,
    pub submitted: Change<Statement>,
    /// The audit ordered, accepted, concluded and signed, with the report as signed.
    pub ordered: Change<Audit>,
    pub accepted: Change<Audit>,
    /// The working papers of the audit's first selected control, in the order written.
    pub papers: StoryPapers,
    pub concluded: Change<Audit>,
    pub signed: Change<Audit>,
    pub report: AuditReport,
    /// The application submitted, reviewed, decided, approved, and the entry it wrote.
    pub applied: Change<Application>,
    pub reviewed: Change<Application>,
    pub decided: Change<Application>,
    pub approved: Change<Application>,
    pub entry: Change<RegistryEntry>,
    /// Afterwards the audit body applies to renew its selection; the application waits.
    pub renewal_applied: Change<SelectionApplication>,
    /// Two days later the operator reviews the audits signed that day: the story's audit is
    /// the only one, drawn, rated and the review closed.
    pub quality_review: ReviewStory,
    /// The provider keeps its addresses; a renewal reminder about the entry is sent, mailed
    /// and read.
    pub notice: NoticeStory,
    /// The provider reports a change and an incident; the operator acknowledges the one and
    /// suspends the registration for the other.
    pub afterwards: AfterwardsStory,
    /// A procuring organisation records a system using the service, reclassifies it and ends
    /// the usage.
    pub procurement: ProcurementStory,
    /// The provider declares the service's ISO/IEC 27001 certification.
    pub certificate: Change<Certificate>,
    /// The operator's first edit of the map of assurance schemes: a higher baseline.
    pub assurance: Change<AssuranceRecord>,
}

/// The registration number the story's entry takes.
pub const ENTRY_ID: &str = "C26-0901";

/// The whole story. Its service is built on nothing, so the review needs no registry.
pub fn story() -> Story {
    let criteria = demo_criteria().expect("the demo criteria load");
    let body = record_selection(
        AuditBodyRecord {
            org: "ab".into(),
            status: AuditBodyStatus::Selected,
            valid_from: day("2025-04-01"),
            valid_until: day("2028-03-31"),
            measures: Vec::new(),
            status_reports: Vec::new(),
        },
        None,
        &admin(),
        at(1),
    )
    .expect("selection");
    let profile = record_auditor(
        AuditorProfile {
            user: "signer-1".into(),
            org: "ab".into(),
            name: Bilingual::new("署名 花子", "Hanako Shomei"),
            qualifications: vec!["CISA".into()],
            experience_years: 6,
            nationality: "JP".into(),
            may_sign: true,
        },
        &admin(),
        at(2),
    )
    .expect("auditor");
    let service = service::create("svc-1".into(), details(), &provider(), at(3)).expect("service");
    let started = statement::start(
        STATEMENT_ID.into(),
        &service.state,
        None,
        &criteria,
        Level::LOW,
        &provider(),
        at(4),
    )
    .expect("start");
    let saved = statement::replace(
        &started.state,
        &criteria,
        Level::LOW,
        content(),
        &provider(),
        at(5),
    )
    .expect("save");
    let submitted = statement::submit(&saved.state, &provider(), at(6)).expect("submit");
    let statement = &submitted.state;
    let ordered = audit::order(
        Order {
            id: "au-1".into(),
            audit_body: "ab".into(),
            period_start: day("2025-10-01"),
            period_end: day("2026-03-31"),
            kind: AuditKind::ThreePhase,
        },
        &service.state,
        statement,
        Some(&body.state),
        &provider(),
        at(7),
    )
    .expect("order");
    let accepted = audit::accept(
        &ordered.state,
        Some(&profile.state),
        "signer-1",
        &AuditorRequirements::default(),
        &signer(),
        at(8),
    )
    .expect("accept");
    let conclusions = Conclusions {
        objectives: selected_objectives(statement, &criteria)
            .into_iter()
            .map(|objective| ObjectiveConclusion {
                objective: objective.to_owned(),
                effective: true,
                reason: Bilingual::new("有効", "effective"),
            })
            .collect(),
        controls: statement
            .content
            .selected
            .iter()
            .map(|entry| ControlConclusion {
                control: entry.control.clone(),
                conformant: true,
                reason: Bilingual::new("適合", "conformant"),
            })
            .collect(),
    };
    let papers = papers(&accepted.state, statement, &criteria);
    let concluded = audit::conclude(
        &accepted.state,
        statement,
        &criteria,
        conclusions,
        &PhaseResults::of([papers.work()]),
        &signer(),
        at(9),
    )
    .expect("conclude");
    let (signed, report) = audit::sign(
        &concluded.state,
        Papers {
            statement,
            work: std::slice::from_ref(papers.work()),
            evidence: std::slice::from_ref(&papers.evidence.state),
        },
        &criteria,
        &profile.state,
        &AuditorRequirements::default(),
        &signer(),
        at(10),
    )
    .expect("sign");
    let applied = application::apply(
        "ap-1".into(),
        application::Applying {
            service: &service.state,
            audit: &signed.state,
            kind: ApplicationKind::New,
            entry: None,
            open: None,
        },
        &provider(),
        at(11),
    )
    .expect("apply");
    let reviewed = application::open_review(&applied.state, &reviewer(), at(12))
        .expect("review")
        .expect("a first review");
    let answer = review(&ReviewFacts {
        criteria: &criteria,
        service: &service.state,
        registry: &[],
        audit_body: &body.state,
        requirements: &AuditorRequirements::default(),
        signer: &profile.state,
        audit: &signed.state,
        statement,
        application: &reviewed.state,
    });
    assert_eq!(answer.decision, Decision::Register, "{:?}", answer.findings);
    let decided = application::decide(
        &reviewed.state,
        Verdict::Register,
        Bilingual::new("基準を満たす", "meets the rule"),
        &answer,
        &reviewer(),
        at(13),
    )
    .expect("decide");
    let mut approved = application::approve(&decided.state, &admin(), at(14)).expect("approve");
    let entry = registered_entry(
        &approved.state,
        &service.state,
        &signed.state,
        None,
        ENTRY_ID,
        &admin(),
        at(14),
    )
    .expect("entry");
    approved.state = application::with_registry_entry(approved.state, &entry.state.id);
    let renewal_applied = selection_application::apply(
        "sel-1".into(),
        "ab",
        BodyFacts {
            domestic_registration: true,
            quality_control: Bilingual::new(
                "監査調書の二重確認",
                "every audit file reviewed twice",
            ),
            subcontracting_rules: Bilingual::new("再委託しない", "no subcontracting"),
            independence_declaration: true,
            auditors: vec![DeclaredAuditor {
                user: "signer-1".into(),
                name: Bilingual::new("署名 花子", "Hanako Shomei"),
                qualifications: vec!["CISA".into()],
                experience_years: 6,
                nationality: "JP".into(),
                signing: true,
            }],
        },
        None,
        &signer(),
        at(15),
    )
    .expect("selection application");
    let quality_review = quality_review_of(&signed.state);
    let notice = notice_of(&entry.state);
    let afterwards = afterwards_of(&entry.state);
    let procurement = procurement_of(&afterwards.entry_suspended.state);
    let certificate = certification::declare_certificate(
        "cert-1".into(),
        &service.state,
        CertificateDetails {
            kind: CertificateKind::Iso27001,
            issuer: Bilingual::new("認証機関", "A certification body"),
            scope: Bilingual::new("クラウド事業部", "The cloud division"),
            number: "IS 000001".into(),
            valid_from: day("2025-04-01"),
            valid_until: day("2028-03-31"),
            document: None,
            note: Bilingual::new("", ""),
            applicability: Vec::new(),
        },
        &[],
        &provider(),
        at(16),
    )
    .expect("certificate");
    let shipped = default_map().expect("the shipped assurance map");
    let assurance = revise_map(&shipped, shipped.with_baseline(55), &admin(), at(17))
        .expect("assurance map")
        .expect("a changed map");
    Story {
        body,
        profile,
        service,
        started,
        saved,
        submitted,
        ordered,
        accepted,
        papers,
        concluded,
        signed,
        report,
        applied,
        reviewed,
        decided,
        approved,
        entry,
        renewal_applied,
        quality_review,
        notice,
        afterwards,
        procurement,
        certificate,
        assurance,
    }
}
