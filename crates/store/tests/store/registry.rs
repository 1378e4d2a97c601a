//! Registry entries on both engines: stored whole with their events, read back equal, refused
//! twice, noticed when edited in the database, counted by the revision another process sees, and
//! carried by backups from SQLite to PostgreSQL.

use shinrai_domain::accounts::OrgKind;
use shinrai_domain::registry::demo::demo_registry;
use shinrai_store::model::NewOrganisation;
use shinrai_store::{Store, StoreError, backup};

use crate::accounts::by;
use crate::engines::{TestStore, drop_database, empty_postgres};

/// The organisations the demo registry names, then its entries.
pub async fn populate(test: &TestStore) {
    let registry = demo_registry().unwrap();
    let world = [
        "sakura-cloud-works",
        "kasumi-systems",
        "minato-data",
        "aoba-audit",
        "hikari-assurance",
    ];
    let ids = world
        .iter()
        .map(|id| (*id).to_owned())
        .chain(registry.providers.iter().map(|p| p.id.clone()))
        .chain(registry.audit_bodies.iter().map(|a| a.id.clone()));
    for (n, id) in ids.enumerate() {
        let kind = if id.contains("audit") || registry.audit_bodies.iter().any(|a| a.id == id) {
            OrgKind::AuditBody
        } else {
            OrgKind::Provider
        };
        test.store
            .create_organisation(
                &NewOrganisation {
                    name: shinrai_domain::text::Bilingual::new(&id, &id),
                    id,
                    kind,
                },
                &by(90_000 + i64::try_from(n).unwrap()),
            )
            .await
            .unwrap();
    }
    test.store
        .create_registry_entries(&registry.entries, &by(91_000))
        .await
        .unwrap();
}

#[tokio::test]
async fn entries_are_stored_whole_and_refused_twice() {
    for test in TestStore::both().await {
        populate(&test).await;
        let registry = demo_registry().unwrap();
        let mut expected = registry.entries.clone();
        expected.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(
            test.store.registry_entries().await.unwrap(),
            expected,
            "{}",
            test.engine
        );
        assert_eq!(test.store.registry_revision().await.unwrap(), 1);
        let again = test
            .store
            .create_registry_entries(&registry.entries[..1], &by(92_000))
            .await;
        assert!(
            matches!(again, Err(StoreError::Conflict { .. })),
            "{again:?}"
        );
        // Nothing was written, so the revision stands.
        assert_eq!(test.store.registry_revision().await.unwrap(), 1);
        let events = test.store.events_after(0, 10_000, true).await.unwrap();
        assert_eq!(
            events
                .iter()
                .filter(|e| e.action == "registry.register")
                .count(),
            expected.len()
        );
        test.tamper("UPDATE registry_entries SET level = 3, document = REPLACE(document, '\"level\":1', '\"level\":3')")
            .await;
        let read = test.store.registry_entries().await;
        assert!(
            matches!(&read, Err(StoreError::Corrupt(detail)) if detail.contains("hashes to")),
            "{}: {read:?}",
            test.engine
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn the_revision_shows_another_process_writes() {
    for test in TestStore::both().await {
        // A second handle on the same database stands for another process (the command line).
        let other = Store::open(&test.config).await.unwrap();
        assert_eq!(
            other.registry_revision().await.unwrap(),
            0,
            "{}",
            test.engine
        );
        populate(&test).await;
        assert_eq!(test.store.registry_writes_here(), 1);
        assert_eq!(other.registry_writes_here(), 0);
        assert_eq!(
            other.registry_revision().await.unwrap(),
            1,
            "{}",
            test.engine
        );
        other.close().await;
        test.finish().await;
    }
}

#[tokio::test]
async fn backups_carry_the_registry() {
    let source = TestStore::sqlite().await;
    populate(&source).await;
    let mut file = Vec::new();
    let manifest = source.store.backup(&mut file, 93_000).await.unwrap();
    let registry = demo_registry().unwrap();
    assert_eq!(manifest.counts["registry"], registry.entries.len() as u64);
    let contents = backup::read_backup(&mut file.as_slice()).unwrap();
    let (config, _, name) = empty_postgres().await;
    let restored = Store::restore(&config, &contents, &backup::Trust::default())
        .await
        .unwrap();
    assert_eq!(
        restored.registry_entries().await.unwrap(),
        source.store.registry_entries().await.unwrap()
    );
    // A server already holding the empty registry of the restored database reads it again.
    assert!(restored.registry_revision().await.unwrap() > 0);
    restored.close().await;
    drop_database(&name).await;
    let _ = std::fs::remove_dir_all(&config.data_dir);
    source.finish().await;
}
