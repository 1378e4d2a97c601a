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
use shinrai_domain::audit_kind::AuditKind;
use shinrai_domain::calendar::BusinessCalendar;
use shinrai_domain::criteria::CriteriaVersion;
use shinrai_domain::criteria::Part;
use shinrai_domain::criteria::demo::demo_criteria;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::policy::Member;
use shinrai_domain::registration::{AuditBodyStatus, AuditorRequirements, Decision};
use shinrai_domain::registry::{
    ChangeCategory, DeploymentModel, ModelScope, Period, RegistryEntry,
};
use shinrai_domain::sampling::Frequency;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::application::{self, Application, ApplicationKind, Verdict};
use shinrai_domain::workflow::audit::{
    self, Audit, Conclusions, ControlConclusion, ObjectiveConclusion, Order, selected_objectives,
};
use shinrai_domain::workflow::audit_body::{
    AuditBodyRecord, AuditorProfile, record_auditor, record_selection,
};
use shinrai_domain::workflow::change_notice::{
    self, AcknowledgeDecision, ChangeDraft, ChangeNotice,
};
use shinrai_domain::workflow::incident::{
    self, FinalDraft, Incident, IncidentMeasure, MeasureDecision, QuickDraft,
};
use shinrai_domain::workflow::notification::{
    self, MailAddresses, MailOutcome, Notification, messages,
};
use shinrai_domain::workflow::quality_review::{self, QualityReview, ReviewRating};
use shinrai_domain::workflow::registry_status::NoticeText;
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
use shinrai_domain::workflow::working_papers::{
    self, ControlWork, DesignInput, Evidence, EvidenceContent, EvidenceMethod, EvidenceRequest,
    FairInput, FairVerdict, LogPoint, NewEvidence, NewRequest, Occurrence, PhaseResults,
    Population,
};
use shinrai_domain::workflow::{Change, Moment};

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
}

/// After registration, in the order written.
#[derive(Debug, Clone)]
pub struct AfterwardsStory {
    pub change_filed: Change<ChangeNotice>,
    pub change_acknowledged: Change<ChangeNotice>,
    pub entry_changed: Change<RegistryEntry>,
    pub incident_reported: Change<Incident>,
    pub incident_final: Change<Incident>,
    pub incident_decided: Change<Incident>,
    pub entry_suspended: Change<RegistryEntry>,
}

/// The afterwards' moments: from 2026-06-06, five days after the story's audit was signed.
pub fn afterwards_at(n: i64) -> Moment {
    at(5 * 86_400_000 + n)
}

/// A routine change of `entry` filed and acknowledged, then an incident reported in both steps
/// and the registration suspended for it.
pub fn afterwards_of(entry: &RegistryEntry) -> AfterwardsStory {
    let calendar = BusinessCalendar::embedded();
    let change_filed = change_notice::file(
        "cn-1".into(),
        ChangeDraft {
            category: ChangeCategory::Tool,
            summary: Bilingual::new("監視ツールを更新した", "the monitoring tool was replaced"),
            controls: Vec::new(),
            new_name: None,
            effective_on: entry.registered_on,
        },
        entry,
        &calendar,
        &provider(),
        afterwards_at(1),
    )
    .expect("change notice");
    let acknowledged = change_notice::acknowledge(
        &change_filed.state,
        entry,
        AcknowledgeDecision::default(),
        &calendar,
        &reviewer(),
        afterwards_at(2),
    )
    .expect("acknowledged");
    let entry_changed = acknowledged.entry.expect("the entry is in force");
    let incident_reported = incident::report_quick(
        "in-1".into(),
        QuickDraft {
            discovered_on: entry.registered_on,
            summary: Bilingual::new("認証が停止した", "sign-in stopped"),
        },
        &entry_changed.state,
        &calendar,
        &provider(),
        afterwards_at(3),
    )
    .expect("quick report");
    let known = |id: &str| id == entry.id;
    let incident_final = incident::report_final(
        &incident_reported.state,
        FinalDraft {
            cause: Bilingual::new("設定誤り", "a wrong setting"),
            impact: Bilingual::new("1 時間停止", "an hour without sign-in"),
            measures: Bilingual::new("二名で確認する", "two people check each change"),
            services_affected: vec![entry.id.clone()],
        },
        &known,
        &provider(),
        afterwards_at(4),
    )
    .expect("final report");
    let decided = incident::decide(
        &incident_final.state,
        &entry_changed.state,
        MeasureDecision {
            measure: IncidentMeasure::Suspend,
            reason: Bilingual::new("確報を検討中", "the final report is examined"),
            notice: NoticeText {
                title: Bilingual::new("一時停止", "Suspended"),
                body: Bilingual::new("調査のため一時停止した", "Suspended while examined"),
            },
        },
        &admin(),
        afterwards_at(5),
    )
    .expect("decided");
    AfterwardsStory {
        change_filed,
        change_acknowledged: acknowledged.notice,
        entry_changed,
        incident_reported,
        incident_final,
        incident_decided: decided.incident,
        entry_suspended: decided.entry,
    }
}

/// The provider's inbox in the story, in the order written.
#[derive(Debug, Clone)]
pub struct NoticeStory {
    pub addresses: Change<MailAddresses>,
    pub sent: Change<Notification>,
    pub mailed: Change<Notification>,
    pub read: Change<Notification>,
}

/// The inbox's moments: from 2026-06-05, four days after the story's audit was signed.
pub fn notice_at(n: i64) -> Moment {
    at(4 * 86_400_000 + n)
}

/// The provider's addresses, and a reminder that `entry` must be renewed, mailed then read.
pub fn notice_of(entry: &RegistryEntry) -> NoticeStory {
    let addresses = notification::set_addresses(
        vec!["security@csp.example".into()],
        &provider(),
        notice_at(1),
    )
    .expect("addresses");
    let sent = notification::send(messages::renewal_due(entry, 6), true, notice_at(2));
    let mailed = notification::record_mail(
        &sent.state,
        MailOutcome::Sent { addresses: 1 },
        notice_at(3),
    )
    .expect("pending");
    let read = notification::mark(&mailed.state, true, &provider(), notice_at(4)).expect("read");
    NoticeStory {
        addresses,
        sent,
        mailed,
        read,
    }
}

/// The operator's quality review of the story's signed audit, in the order written.
#[derive(Debug, Clone)]
pub struct ReviewStory {
    pub opened: Change<QualityReview>,
    /// Drawn from [`story_log_point`]: the story is built without a log.
    pub drawn: Change<QualityReview>,
    pub rated: Change<QualityReview>,
    pub closed: Change<QualityReview>,
}

/// The review's moments: from 2026-06-03, two days after the story's audit was signed.
pub fn review_at(n: i64) -> Moment {
    at(2 * 86_400_000 + n)
}

/// The quality review of `signed`, the only audit signed on its day.
pub fn quality_review_of(signed: &Audit) -> ReviewStory {
    let day = signed.signed_on.expect("signed");
    let opened = quality_review::open_review(
        "qr-1",
        Period {
            start: day,
            end: day,
        },
        1,
        std::slice::from_ref(signed),
        &admin(),
        review_at(1),
    )
    .expect("open the review");
    let drawn =
        quality_review::draw_engagements(&opened.state, &story_log_point(), &admin(), review_at(2))
            .expect("draw");
    let rated = quality_review::review_engagement(
        &drawn.state,
        &signed.id,
        ReviewRating::Satisfactory,
        Bilingual::new(
            "調書が結論を支えている",
            "the papers support the conclusions",
        ),
        &reviewer(),
        review_at(3),
    )
    .expect("rate");
    let closed = quality_review::close_review(&rated.state, &admin(), review_at(4)).expect("close");
    ReviewStory {
        opened,
        drawn,
        rated,
        closed,
    }
}

/// Every kind of working paper, each written once or twice: one control judged in all three
/// phases on one sampled occurrence backed by evidence the auditor asked for.
#[derive(Debug, Clone)]
pub struct StoryPapers {
    /// Fair presentation, design, frequency (the control's papers at revisions 1, 2, 3).
    pub fair: Change<ControlWork>,
    pub design: Change<ControlWork>,
    pub frequency: Change<ControlWork>,
    /// The population and the papers it updates (revision 4), recorded by one event.
    pub population: Population,
    pub frozen: Change<ControlWork>,
    /// The sample, drawn from a fixed log point: the story is built without a log.
    pub sampled: Change<ControlWork>,
    pub asked: Change<EvidenceRequest>,
    pub evidence: Change<Evidence>,
    pub answered: Change<EvidenceRequest>,
    /// Every sampled occurrence passed (revision 6).
    pub passed: Change<ControlWork>,
}

impl StoryPapers {
    pub fn work(&self) -> &ControlWork {
        &self.passed.state
    }
}

/// The point of the log the story's sample is drawn from.
pub fn story_log_point() -> LogPoint {
    LogPoint {
        seq: 1,
        hash: "5a".repeat(32),
    }
}

fn papers(audit: &Audit, statement: &Statement, criteria: &CriteriaVersion) -> StoryPapers {
    let control = statement.content.selected[0].control.clone();
    let by = signer();
    let fair = working_papers::judge_fair(
        audit,
        statement,
        None,
        FairInput {
            control: control.clone(),
            verdict: FairVerdict::Accepted,
            reason: Bilingual::new("範囲に必要十分", "necessary and sufficient for the scope"),
        },
        &by,
        at(8),
    )
    .expect("fair presentation");
    let design = working_papers::judge_design(
        audit,
        statement,
        criteria,
        Some(&fair.state),
        DesignInput {
            control: control.clone(),
            effective: true,
            reason: Bilingual::new("設計は管理策を満たす", "the design meets the control"),
            equivalences: Vec::new(),
        },
        &by,
        at(8),
    )
    .expect("design");
    let frequency = working_papers::set_frequency(
        audit,
        statement,
        Some(&design.state),
        &control,
        Frequency::Monthly,
        &by,
        at(8),
    )
    .expect("frequency");
    let occurrences = [
        "2025-10-15",
        "2025-11-15",
        "2025-12-15",
        "2026-01-15",
        "2026-02-15",
        "2026-03-15",
    ]
    .iter()
    .enumerate()
    .map(|(i, on)| Occurrence {
        on: day(on),
        reference: format!("REVIEW-{}", i + 1),
    })
    .collect();
    let (population, frozen) = working_papers::freeze_population(
        audit,
        statement,
        Some(&frequency.state),
        &control,
        occurrences,
        &provider(),
        at(8),
    )
    .expect("population");
    let sampled = working_papers::draw_sample(
        audit,
        Some(&frozen.state),
        &control,
        1,
        None,
        &story_log_point(),
        &by,
        at(8),
    )
    .expect("sample");
    let items: Vec<u64> = sampled.state.operation.as_ref().expect("drawn").samples[0]
        .items
        .iter()
        .map(|item| item.occurrence)
        .collect();
    let asked = working_papers::ask(
        audit,
        statement,
        NewRequest {
            id: working_papers::request_id(&audit.id, 1),
            control: Some(control.clone()),
            occurrence: items.first().copied(),
            text: Bilingual::new("レビュー記録を提出してください", "send the review record"),
            due_on: day("2026-06-30"),
        },
        &by,
        at(8),
    )
    .expect("ask");
    let evidence = working_papers::add_evidence(
        audit,
        statement,
        Some(&sampled.state),
        NewEvidence {
            id: working_papers::evidence_id(&audit.id, 1),
            control: Some(control.clone()),
            occurrence: items.first().copied(),
            method: EvidenceMethod::Inspection,
            title: Bilingual::new("アクセス権レビュー記録", "access review record"),
            content: EvidenceContent::Note {
                text: Bilingual::new("レビュー記録を閲覧した", "inspected the review record"),
            },
            speaks_for: day("2025-10-15"),
            request: Some(asked.state.id.clone()),
        },
        &provider(),
        at(8),
    )
    .expect("evidence");
    let answered =
        working_papers::answer_request(audit, &asked.state, &[&evidence.state], &provider(), at(8))
            .expect("answer");
    let mut passed = sampled.clone();
    for occurrence in items {
        passed = working_papers::record_item(
            audit,
            Some(&passed.state),
            &control,
            1,
            occurrence,
            true,
            Bilingual::new("承認済み", "approved"),
            &[&evidence.state],
            &by,
            at(8),
        )
        .expect("result");
    }
    StoryPapers {
        fair,
        design,
        frequency,
        population,
        frozen,
        sampled,
        asked,
        evidence,
        answered,
        passed,
    }
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
    }
}
