//! The scheme's work in progress on both engines: a service carried from its statement to the
//! registry through the domain's transitions, every change stored with its event; stale
//! revisions and taken ids refused with nothing stored; rows checked by the log, and carried by
//! backups from SQLite to PostgreSQL.

use shinrai_domain::accounts::OrgKind;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::report::AuditReport;
use shinrai_domain::workflow::service;
use shinrai_store::binding::DOCUMENT_TABLES;
use shinrai_store::documents::Batch;
use shinrai_store::model::{ChangeBy, NewOrganisation};
use shinrai_store::{Store, StoreError, backup};
use shinrai_testdata::workflow::{ENTRY_ID, STATEMENT_ID, Story, at, details, provider, story};

use crate::engines::{TestStore, drop_database, empty_postgres};

/// The testdata story, stored as the service would store it: each step's changes in one batch.
pub async fn populate(store: &Store) -> Story {
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
    let story = story();
    let batches = [
        Batch::new()
            .create(&story.body)
            .unwrap()
            .create(&story.profile)
            .unwrap(),
        Batch::new().create(&story.service).unwrap(),
        Batch::new().create(&story.started).unwrap(),
        Batch::new()
            .update(&story.saved, 1)
            .unwrap()
            .update(&story.submitted, 2)
            .unwrap(),
        Batch::new()
            .create(&story.ordered)
            .unwrap()
            .update(&story.accepted, 1)
            .unwrap(),
        Batch::new()
            .create(&story.papers.fair)
            .unwrap()
            .update(&story.papers.design, 1)
            .unwrap()
            .update(&story.papers.frequency, 2)
            .unwrap()
            .create_recorded_by_next(&story.papers.population, story.papers.frozen.event.at_ms)
            .unwrap()
            .update(&story.papers.frozen, 3)
            .unwrap()
            .update(&story.papers.sampled, 4)
            .unwrap()
            .create(&story.papers.asked)
            .unwrap()
            .create(&story.papers.evidence)
            .unwrap()
            .update(&story.papers.answered, 1)
            .unwrap()
            .update(&story.papers.passed, 5)
            .unwrap(),
        Batch::new()
            .update(&story.concluded, 2)
            .unwrap()
            .create_recorded_by_next(&story.report, story.signed.event.at_ms)
            .unwrap()
            .update(&story.signed, 3)
            .unwrap(),
        Batch::new()
            .create(&story.applied)
            .unwrap()
            .update(&story.reviewed, 1)
            .unwrap()
            .update(&story.decided, 2)
            .unwrap()
            .update(&story.approved, 3)
            .unwrap()
            .registry(&story.entry, true)
            .unwrap(),
        Batch::new().create(&story.renewal_applied).unwrap(),
        Batch::new()
            .create(&story.quality_review.opened)
            .unwrap()
            .update(&story.quality_review.drawn, 1)
            .unwrap()
            .update(&story.quality_review.rated, 2)
            .unwrap()
            .update(&story.quality_review.closed, 3)
            .unwrap(),
        Batch::new()
            .create(&story.notice.addresses)
            .unwrap()
            .create(&story.notice.sent)
            .unwrap()
            .update(&story.notice.mailed, 1)
            .unwrap()
            .update(&story.notice.read, 2)
            .unwrap(),
        Batch::new()
            .create(&story.afterwards.change_filed)
            .unwrap()
            .update(&story.afterwards.change_acknowledged, 1)
            .unwrap()
            .registry(&story.afterwards.entry_changed, false)
            .unwrap()
            .create(&story.afterwards.incident_reported)
            .unwrap()
            .update(&story.afterwards.incident_final, 1)
            .unwrap()
            .update(&story.afterwards.incident_decided, 2)
            .unwrap()
            .registry(&story.afterwards.entry_suspended, false)
            .unwrap(),
        Batch::new()
            .create(&story.procurement.system)
            .unwrap()
            .create(&story.procurement.usage)
            .unwrap(),
        Batch::new()
            .update(&story.procurement.revised, 1)
            .unwrap()
            .update(&story.procurement.ended, 1)
            .unwrap(),
        Batch::new().create(&story.certificate).unwrap(),
        Batch::new().create(&story.assurance).unwrap(),
    ];
    for batch in batches {
        store.commit(batch).await.unwrap();
    }
    let statement = store.statement(STATEMENT_ID).await.unwrap().unwrap();
    assert_eq!(statement.revision, 3);
    story
}

#[tokio::test]
async fn a_service_goes_from_statement_to_registry_with_every_change_logged() {
    for test in TestStore::both().await {
        let story = populate(&test.store).await;
        let store = &test.store;
        assert_eq!(
            store.service("svc-1").await.unwrap().unwrap().value,
            story.service.state
        );
        assert_eq!(store.statements_of("svc-1").await.unwrap().len(), 1);
        let audit = store.audit("au-1").await.unwrap().unwrap();
        assert_eq!(audit.value, story.signed.state);
        assert_eq!(audit.revision, 4);
        let report: AuditReport = store.audit_report("au-1").await.unwrap().unwrap();
        assert_eq!(Some(report.sha256()), story.signed.state.report_sha256);
        assert_eq!(store.audits_for_body("ab").await.unwrap().len(), 1);
        assert_eq!(store.audits_for_body("ab2").await.unwrap().len(), 0);
        let application = store.application("ap-1").await.unwrap().unwrap().value;
        assert_eq!(application, story.approved.state);
        let entries = store.registry_entries().await.unwrap();
        let entry = entries
            .iter()
            .find(|e| e.id == story.entry.state.id)
            .unwrap();
        assert_eq!(entry.application.as_deref(), Some("ap-1"));
        // Registered, then changed and suspended in one later batch.
        assert_eq!(*entry, story.afterwards.entry_suspended.state);
        assert_eq!(entry.changes.len(), 1);
        assert_eq!(store.registry_revision().await.unwrap(), 2);
        let incident = store.incident("in-1").await.unwrap().unwrap();
        assert_eq!(incident.value, story.afterwards.incident_decided.state);
        assert_eq!(incident.revision, 3);
        let notice = store.change_notice("cn-1").await.unwrap().unwrap().value;
        assert_eq!(notice, story.afterwards.change_acknowledged.state);
        let certificates = store.certificates_of("svc-1").await.unwrap();
        assert_eq!(certificates.len(), 1);
        assert_eq!(certificates[0].value, story.certificate.state);
        assert!(store.certificates_of("svc-2").await.unwrap().is_empty());
        let map = store.assurance_map().await.unwrap().unwrap();
        assert_eq!(map.value, story.assurance.state);
        assert_eq!(map.value.map.baseline, 55);
        let systems = store.systems_of("city").await.unwrap();
        assert_eq!(systems.len(), 1);
        assert_eq!(systems[0].value, story.procurement.revised.state);
        let users = store.usages_of_entry(ENTRY_ID).await.unwrap();
        assert_eq!(users.len(), 1);
        assert_eq!(users[0].value, story.procurement.ended.state);
        assert_eq!(users[0].revision, 2);
        assert!(store.usages_of_entry("C99-0001").await.unwrap().is_empty());
        assert_eq!(store.usages_of_org("city").await.unwrap().len(), 1);
        assert_eq!(store.all_usages().await.unwrap().len(), 1);

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
            "selection_application.submit",
            "quality_review.open",
            "quality_review.draw",
            "quality_review.review",
            "quality_review.close",
            "change_notice.file",
            "change_notice.acknowledge",
            "registry.change",
            "incident.quick_report",
            "incident.final_report",
            "incident.decide",
            "registry.suspend",
            "system.create",
            "system.revise",
            "usage.record",
            "usage.end",
            "certificate.declare",
            "assurance.revise",
            "inbox.addresses",
            "notification.send",
            "notification.mail",
            "notification.read",
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
        let first = service::edit(&story.service.state, details(), &provider(), at(100)).unwrap();
        store
            .commit(Batch::new().update(&first, 1).unwrap())
            .await
            .unwrap();
        let mut other = details();
        other.name = Bilingual::new("別名", "Another name");
        let second = service::edit(&story.service.state, other, &provider(), at(101)).unwrap();
        let refused = store.commit(Batch::new().update(&second, 1).unwrap()).await;
        assert!(
            matches!(&refused, Err(StoreError::Conflict { what }) if what.en.contains("svc-1")),
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
        story.approved.state
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
