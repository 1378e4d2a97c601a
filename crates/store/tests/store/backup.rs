//! Backups are engine-neutral: taken from SQLite while in use, restored into PostgreSQL with
//! every record and a log that still verifies.

use bytes::Bytes;
use shinrai_store::model::NewApiToken;
use shinrai_store::{Store, StoreError, backup};

use crate::accounts::{by, seed};
use crate::engines::{TestStore, drop_database, empty_postgres, scratch_dir};

async fn populate(test: &TestStore) {
    seed(test).await;
    test.store
        .create_token(
            &NewApiToken {
                id: "t1".into(),
                user_id: "admin-1".into(),
                name: "export".into(),
                secret_hash: "h1".into(),
                expires_at_ms: 1_000_000,
            },
            &by(70_000),
        )
        .await
        .unwrap();
    test.store
        .put_blob(
            Bytes::from_static(b"evidence one"),
            "text/plain",
            &by(70_001),
        )
        .await
        .unwrap();
    test.store
        .put_blob(
            Bytes::from_static(&[0, 159, 146, 150]),
            "application/octet-stream",
            &by(70_002),
        )
        .await
        .unwrap();
    test.store.revoke_token("t1", &by(70_003)).await.unwrap();
    test.store
        .create_criteria(&crate::criteria::sample_criteria("t-2026"), &by(70_003))
        .await
        .unwrap();
    test.store.checkpoint(70_004).await.unwrap();
}

#[tokio::test]
async fn a_sqlite_backup_restores_into_postgres_with_everything() {
    let source = TestStore::sqlite().await;
    populate(&source).await;
    let mut file = Vec::new();
    let manifest = source.store.backup(&mut file, 80_000).await.unwrap();
    assert_eq!(manifest.counts["blobs"], 2);
    let contents = backup::read_backup(&mut file.as_slice()).unwrap();
    assert_eq!(contents.rows.tokens[0].expires_at_ms, Some(1_000_000));

    let (config, _, name) = empty_postgres().await;
    let restored = Store::restore(&config, &contents).await.unwrap();
    assert_eq!(restored.engine(), "postgres");
    assert_eq!(
        restored.public_key_hex(),
        source.store.public_key_hex(),
        "the key comes along"
    );
    assert_eq!(
        restored.organisations().await.unwrap(),
        source.store.organisations().await.unwrap()
    );
    assert_eq!(
        restored.users(None).await.unwrap(),
        source.store.users(None).await.unwrap()
    );
    assert_eq!(
        restored.user_for_login("admin").await.unwrap(),
        source.store.user_for_login("admin").await.unwrap()
    );
    assert_eq!(
        restored.tokens("admin-1").await.unwrap(),
        source.store.tokens("admin-1").await.unwrap()
    );
    assert_eq!(
        restored.events_after(0, 1000, false).await.unwrap(),
        source.store.events_after(0, 1000, false).await.unwrap()
    );
    assert_eq!(
        restored.checkpoints().await.unwrap(),
        source.store.checkpoints().await.unwrap()
    );
    assert_eq!(
        restored.criteria("t-2026").await.unwrap(),
        Some(crate::criteria::sample_criteria("t-2026"))
    );
    assert_eq!(
        restored.criteria_list().await.unwrap(),
        source.store.criteria_list().await.unwrap()
    );
    for blob in &contents.rows.blobs {
        assert_eq!(
            restored.blob(&blob.sha256).await.unwrap(),
            source.store.blob(&blob.sha256).await.unwrap()
        );
    }
    let verified = restored
        .verify_log(&restored.verifying_key(), Vec::new())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(verified.events, source.store.log_head().await.unwrap().0);

    // The restored store carries on: new events chain after the old ones.
    restored
        .revoke_token("t-missing", &by(90_000))
        .await
        .unwrap_err();
    restored
        .put_blob(
            Bytes::from_static(b"after restore"),
            "text/plain",
            &by(90_001),
        )
        .await
        .unwrap();
    assert!(
        restored
            .verify_log(&restored.verifying_key(), Vec::new())
            .await
            .unwrap()
            .is_ok()
    );

    // Restoring again into the same, now full, database is refused.
    assert!(matches!(
        Store::restore(&config, &contents).await,
        Err(StoreError::NotEmpty { .. })
    ));
    restored.close().await;
    drop_database(&name).await;
    source.finish().await;
}

#[tokio::test]
async fn a_postgres_backup_restores_into_sqlite() {
    let source = TestStore::postgres().await;
    populate(&source).await;
    let mut file = Vec::new();
    source.store.backup(&mut file, 80_000).await.unwrap();
    let contents = backup::read_backup(&mut file.as_slice()).unwrap();
    let config = shinrai_store::StoreConfig {
        data_dir: scratch_dir("restored"),
        database_url: None,
        checkpoint_every: 5,
    };
    let restored = Store::restore(&config, &contents).await.unwrap();
    assert_eq!(restored.engine(), "sqlite");
    assert_eq!(
        restored.users(None).await.unwrap(),
        source.store.users(None).await.unwrap()
    );
    assert!(
        restored
            .verify_log(&restored.verifying_key(), Vec::new())
            .await
            .unwrap()
            .is_ok()
    );
    restored.close().await;
    let _ = std::fs::remove_dir_all(&config.data_dir);
    source.finish().await;
}

#[tokio::test]
async fn a_backup_from_before_tokens_expired_restores_them_with_the_migration_s_expiry() {
    for source in TestStore::both().await {
        populate(&source).await;
        let mut file = Vec::new();
        source.store.backup(&mut file, 80_000).await.unwrap();
        // A token line as backups wrote it before tokens expired: without `expires_at_ms`.
        let line = file
            .split(|b| *b == b'\n')
            .find(|line| line.starts_with(b"{\"token\""))
            .unwrap();
        let mut old: serde_json::Value = serde_json::from_slice(line).unwrap();
        old["token"]
            .as_object_mut()
            .unwrap()
            .remove("expires_at_ms");
        let row: backup::TokenRow = serde_json::from_value(old["token"].clone()).unwrap();
        assert_eq!(row.expires_at_ms, None);
        assert_eq!(
            row.expires_at_ms(),
            70_000 + shinrai_store::model::TOKEN_LIFETIME_BEFORE_EXPIRY_MS
        );
        let mut contents = backup::read_backup(&mut file.as_slice()).unwrap();
        contents.rows.tokens = vec![row];
        let config = shinrai_store::StoreConfig {
            data_dir: scratch_dir("restored-old"),
            database_url: None,
            checkpoint_every: 5,
        };
        let restored = Store::restore(&config, &contents).await.unwrap();
        assert_eq!(
            restored.token("t1").await.unwrap().unwrap().expires_at_ms,
            70_000 + shinrai_store::model::TOKEN_LIFETIME_BEFORE_EXPIRY_MS,
            "from {}",
            source.engine
        );
        restored.close().await;
        let _ = std::fs::remove_dir_all(&config.data_dir);
        source.finish().await;
    }
}

#[tokio::test]
async fn damaged_backups_are_refused_before_anything_is_written() {
    let source = TestStore::sqlite().await;
    populate(&source).await;
    let mut file = Vec::new();
    source.store.backup(&mut file, 80_000).await.unwrap();
    let text = String::from_utf8(file).unwrap();
    let lines: Vec<&str> = text.lines().collect();

    let truncated = lines[..lines.len() - 1].join("\n");
    let error = backup::read_backup(&mut truncated.as_bytes()).unwrap_err();
    assert!(error.to_string().contains("truncated"), "{error}");

    let edited = text
        .replacen("nightly", "NIGHTLY", 1)
        .replacen("\"admin\"", "\"root\"", 1);
    let error = backup::read_backup(&mut edited.as_bytes()).unwrap_err();
    assert!(error.to_string().contains("manifest"), "{error}");

    let blob_line = lines
        .iter()
        .position(|l| l.starts_with("{\"blob\""))
        .unwrap();
    let mut bad_blob: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    bad_blob[blob_line] = bad_blob[blob_line].replacen("\"base64\":\"", "\"base64\":\"AAAA", 1);
    let error = backup::read_backup(&mut bad_blob.join("\n").as_bytes()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains(&format!("line {}", blob_line + 1)),
        "{error}"
    );

    let error = backup::read_backup(&mut "{\"hello\": 1}\n".as_bytes()).unwrap_err();
    assert!(error.to_string().contains("line 1"), "{error}");
    source.finish().await;
}
