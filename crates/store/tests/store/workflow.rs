//! The scheme's work in progress on both engines: a service carried from its statement to the
//! registry through the domain's transitions, every change stored with its event; stale
//! revisions and taken ids refused with nothing stored; rows checked by the log, and carried by
//! backups from SQLite to PostgreSQL.

use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::criteria::Part;
use shinrai_domain::criteria::demo::demo_criteria;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::policy::Member;
use shinrai_domain::registration::{AuditBodyStatus, AuditorRequirements, Decision};
use shinrai_domain::registry::{DeploymentModel, ModelScope};
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::application::{self, Application, ApplicationKind, Verdict};
use shinrai_domain::workflow::audit::{
    self, Audit, Conclusions, ControlConclusion, ObjectiveConclusion, Order, selected_objectives,
};
use shinrai_domain::workflow::audit_body::{
    AuditBodyRecord, AuditorProfile, record_auditor, record_selection,
};
use shinrai_domain::workflow::registry_write::registered_entry;
use shinrai_domain::workflow::review::{ReviewFacts, review};
use shinrai_domain::workflow::service::{self, Service, ServiceDetails};
use shinrai_domain::workflow::statement::{
    self, ExcludedControl, Responsibility, SelectedControl, StatementContent,
};
use shinrai_domain::workflow::{Moment, report::AuditReport};
use shinrai_store::binding::DOCUMENT_TABLES;
use shinrai_store::documents::Batch;
use shinrai_store::model::{ChangeBy, NewOrganisation};
use shinrai_store::statements::statement_id;
use shinrai_store::{Store, StoreError, backup};

use crate::engines::{TestStore, drop_database, empty_postgres};

fn member(user: &str, org: &str, kind: OrgKind, roles: &[Role]) -> Member {
    Member {
        user_id: user.to_owned(),
        org_id: org.to_owned(),
        org_kind: kind,
        roles: roles.to_vec(),
    }
}

fn admin() -> Member {
    member("admin-1", "op", OrgKind::Operator, &[Role::OperatorAdmin])
}

fn reviewer() -> Member {
    member("rev-1", "op", OrgKind::Operator, &[Role::OperatorReviewer])
}

fn provider() -> Member {
    member("csp-1", "csp", OrgKind::Provider, &[Role::Provider])
}

fn signer() -> Member {
    member(
        "signer-1",
        "ab",
        OrgKind::AuditBody,
        &[Role::Auditor, Role::SigningAuditor],
    )
}

/// 2026-06-01T00:00:00Z and the milliseconds after it.
fn at(n: i64) -> Moment {
    Moment::at(1_780_272_000_000 + n)
}

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn details() -> ServiceDetails {
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
fn content() -> StatementContent {
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

/// What the story leaves in the store.
pub struct Story {
    pub service: Service,
    pub audit: Audit,
    pub application: Application,
    pub entry_id: String,
}

/// Carries one service from its description to the registry.
pub async fn populate(store: &Store) -> Story {
    let criteria = demo_criteria().unwrap();
    // The registry entry names its provider and audit body, which must exist.
    for (id, kind) in [("csp", OrgKind::Provider), ("ab", OrgKind::AuditBody)] {
        store
            .create_organisation(
                &NewOrganisation {
                    id: id.to_owned(),
                    kind,
                    name: Bilingual::new(id, id),
                },
                &ChangeBy::system(500),
            )
            .await
            .unwrap();
    }
    // The operator records the audit body and its signing auditor.
    let body = record_selection(
        AuditBodyRecord {
            org: "ab".into(),
            status: AuditBodyStatus::Selected,
            valid_from: day("2025-04-01"),
            valid_until: day("2028-03-31"),
        },
        &admin(),
        at(1),
    )
    .unwrap();
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
    .unwrap();
    store
        .commit(
            Batch::new()
                .create(&body)
                .unwrap()
                .create(&profile)
                .unwrap(),
        )
        .await
        .unwrap();

    // The provider describes the service and writes, then submits, its statement.
    let service = service::create("svc-1".into(), details(), &provider(), at(3)).unwrap();
    store
        .commit(Batch::new().create(&service).unwrap())
        .await
        .unwrap();
    let service = service.state;
    let started = statement::start(
        statement_id(&service.id, 1),
        &service,
        None,
        &criteria,
        Level::LOW,
        &provider(),
        at(4),
    )
    .unwrap();
    store
        .commit(Batch::new().create(&started).unwrap())
        .await
        .unwrap();
    let saved = statement::replace(
        &started.state,
        &criteria,
        Level::LOW,
        content(),
        &provider(),
        at(5),
    )
    .unwrap();
    let submitted = statement::submit(&saved.state, &provider(), at(6)).unwrap();
    store
        .commit(
            Batch::new()
                .update(&saved, 1)
                .unwrap()
                .update(&submitted, 2)
                .unwrap(),
        )
        .await
        .unwrap();
    let statement = store.statement("svc-1-v1").await.unwrap().unwrap();
    assert_eq!(statement.revision, 3);
    let statement = statement.value;

    // The audit: ordered, accepted, concluded, signed.
    let ordered = audit::order(
        Order {
            id: "au-1".into(),
            audit_body: "ab".into(),
            period_start: day("2025-10-01"),
            period_end: day("2026-03-31"),
        },
        &service,
        &statement,
        Some(&body.state),
        &provider(),
        at(7),
    )
    .unwrap();
    let accepted = audit::accept(
        &ordered.state,
        Some(&profile.state),
        "signer-1",
        &AuditorRequirements::default(),
        &signer(),
        at(8),
    )
    .unwrap();
    let conclusions = Conclusions {
        objectives: selected_objectives(&statement, &criteria)
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
    let concluded = audit::conclude(
        &accepted.state,
        &statement,
        &criteria,
        conclusions,
        &signer(),
        at(9),
    )
    .unwrap();
    let (signed, report) = audit::sign(
        &concluded.state,
        &statement,
        &criteria,
        &profile.state,
        &AuditorRequirements::default(),
        &signer(),
        at(10),
    )
    .unwrap();
    store
        .commit(
            Batch::new()
                .create(&ordered)
                .unwrap()
                .update(&accepted, 1)
                .unwrap()
                .update(&concluded, 2)
                .unwrap()
                .create_recorded_by_next(&report, 10)
                .unwrap()
                .update(&signed, 3)
                .unwrap(),
        )
        .await
        .unwrap();
    let audit = signed.state;

    // The application: reviewed, decided, approved by a second person; the entry appears.
    let applied = application::apply(
        "ap-1".into(),
        application::Applying {
            service: &service,
            audit: &audit,
            kind: ApplicationKind::New,
            entry: None,
            open: None,
        },
        &provider(),
        at(11),
    )
    .unwrap();
    let reviewed = application::open_review(&applied.state, &reviewer(), at(12))
        .unwrap()
        .unwrap();
    let registry = store.registry_entries().await.unwrap();
    let answer = review(&ReviewFacts {
        criteria: &criteria,
        service: &service,
        registry: &registry,
        audit_body: &body.state,
        requirements: &AuditorRequirements::default(),
        signer: &profile.state,
        audit: &audit,
        statement: &statement,
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
    .unwrap();
    let approved = application::approve(&decided.state, &admin(), at(14)).unwrap();
    let entry = registered_entry(
        &approved.state,
        &service,
        &audit,
        None,
        "C26-0901",
        &admin(),
        at(14),
    )
    .unwrap();
    let mut approved = approved;
    approved.state = application::with_registry_entry(approved.state, &entry.state.id);
    store
        .commit(
            Batch::new()
                .create(&applied)
                .unwrap()
                .update(&reviewed, 1)
                .unwrap()
                .update(&decided, 2)
                .unwrap()
                .update(&approved, 3)
                .unwrap()
                .registry(&entry, true)
                .unwrap(),
        )
        .await
        .unwrap();
    Story {
        service,
        audit,
        application: approved.state,
        entry_id: entry.state.id,
    }
}

#[tokio::test]
async fn a_service_goes_from_statement_to_registry_with_every_change_logged() {
    for test in TestStore::both().await {
        let story = populate(&test.store).await;
        let store = &test.store;
        assert_eq!(
            store.service("svc-1").await.unwrap().unwrap().value,
            story.service
        );
        assert_eq!(store.statements_of("svc-1").await.unwrap().len(), 1);
        let audit = store.audit("au-1").await.unwrap().unwrap();
        assert_eq!(audit.value, story.audit);
        assert_eq!(audit.revision, 4);
        let report: AuditReport = store.audit_report("au-1").await.unwrap().unwrap();
        assert_eq!(Some(report.sha256()), story.audit.report_sha256);
        assert_eq!(store.audits_for_body("ab").await.unwrap().len(), 1);
        assert_eq!(store.audits_for_body("ab2").await.unwrap().len(), 0);
        let application = store.application("ap-1").await.unwrap().unwrap().value;
        assert_eq!(application, story.application);
        let entries = store.registry_entries().await.unwrap();
        let entry = entries.iter().find(|e| e.id == story.entry_id).unwrap();
        assert_eq!(entry.application.as_deref(), Some("ap-1"));
        assert_eq!(store.registry_revision().await.unwrap(), 1);

        // Every action is in the log, and every row it wrote is accounted for.
        let actions: Vec<String> = store
            .events_after(0, 1_000, false)
            .await
            .unwrap()
            .into_iter()
            .map(|event| event.action)
            .collect();
        for action in [
            "audit_body.record",
            "auditor.record",
            "service.create",
            "statement.start",
            "statement.save",
            "statement.submit",
            "audit.order",
            "audit.accept",
            "audit.conclude",
            "audit.sign",
            "application.submit",
            "application.review",
            "application.decide",
            "application.approve",
            "registry.register",
        ] {
            assert!(actions.iter().any(|a| a == action), "{action} missing");
        }
        let report = store
            .verify_log(&store.verifying_key(), Vec::new())
            .await
            .unwrap();
        assert!(report.intact(), "{}: {report:?}", test.engine);
        for table in DOCUMENT_TABLES {
            assert!(
                report.rows_checked[table.name] > 0,
                "{}: {}",
                test.engine,
                table.name
            );
        }
        test.finish().await;
    }
}

#[tokio::test]
async fn a_stale_revision_or_a_taken_id_stores_nothing() {
    for test in TestStore::both().await {
        let story = populate(&test.store).await;
        let store = &test.store;
        let (head, _) = store.log_head().await.unwrap();
        // Two people edit the same service from revision 1: the second change is refused.
        let first = service::edit(&story.service, details(), &provider(), at(100)).unwrap();
        store
            .commit(Batch::new().update(&first, 1).unwrap())
            .await
            .unwrap();
        let mut other = details();
        other.name = Bilingual::new("別名", "Another name");
        let second = service::edit(&story.service, other, &provider(), at(101)).unwrap();
        let refused = store.commit(Batch::new().update(&second, 1).unwrap()).await;
        assert!(
            matches!(&refused, Err(StoreError::Conflict { what }) if what.contains("svc-1")),
            "{}: {refused:?}",
            test.engine
        );
        // A batch whose last write fails leaves its first write undone too.
        let again = service::create("svc-2".into(), details(), &provider(), at(102)).unwrap();
        let taken = service::create("svc-1".into(), details(), &provider(), at(103)).unwrap();
        let refused = store
            .commit(Batch::new().create(&again).unwrap().create(&taken).unwrap())
            .await;
        assert!(matches!(refused, Err(StoreError::Conflict { .. })));
        assert!(store.service("svc-2").await.unwrap().is_none());
        assert_eq!(store.log_head().await.unwrap().0, head + 1);
        assert_eq!(
            store.service("svc-1").await.unwrap().unwrap().value,
            first.state
        );
        // A report with no event after it is refused: every row must be in the log.
        let report = store.audit_report("au-1").await.unwrap().unwrap();
        let mut lonely = report.clone();
        lonely.audit = "au-9".into();
        let refused = store
            .commit(Batch::new().create_recorded_by_next(&lonely, 104).unwrap())
            .await;
        assert!(refused.is_err());
        assert!(store.audit_report("au-9").await.unwrap().is_none());
        test.finish().await;
    }
}

#[tokio::test]
async fn an_edited_statement_is_found_by_the_log_and_refused_on_reading() {
    for test in TestStore::both().await {
        populate(&test.store).await;
        test.tamper("UPDATE statements SET status = 'draft' WHERE id = 'svc-1-v1'")
            .await;
        let report = test
            .store
            .verify_log(&test.store.verifying_key(), Vec::new())
            .await
            .unwrap();
        assert!(!report.intact(), "{}", test.engine);
        let described = format!("{report:?}");
        assert!(described.contains("statements"), "{described}");
        test.tamper(
            "UPDATE statements SET document = REPLACE(document, '\"submitted\"', '\"draft\"') \
             WHERE id = 'svc-1-v1'",
        )
        .await;
        let read = test.store.statement("svc-1-v1").await;
        assert!(
            matches!(&read, Err(StoreError::Corrupt(detail)) if detail.contains("hashes to")),
            "{}: {read:?}",
            test.engine
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn backups_carry_the_work_in_progress() {
    let source = TestStore::sqlite().await;
    let story = populate(&source.store).await;
    let mut file = Vec::new();
    let manifest = source.store.backup(&mut file, 200_000).await.unwrap();
    assert_eq!(manifest.counts["statements"], 1);
    assert_eq!(manifest.counts["audit_reports"], 1);
    let contents = backup::read_backup(&mut file.as_slice()).unwrap();
    let (config, _, name) = empty_postgres().await;
    let restored = Store::restore(&config, &contents, &backup::Trust::default())
        .await
        .unwrap();
    assert_eq!(
        restored.application("ap-1").await.unwrap().unwrap().value,
        story.application
    );
    assert_eq!(
        restored.statement("svc-1-v1").await.unwrap().unwrap(),
        source.store.statement("svc-1-v1").await.unwrap().unwrap()
    );
    let report = restored
        .verify_log(&restored.verifying_key(), Vec::new())
        .await
        .unwrap();
    assert!(report.intact(), "{report:?}");
    restored.close().await;
    drop_database(&name).await;
    let _ = std::fs::remove_dir_all(&config.data_dir);
    source.finish().await;
}
