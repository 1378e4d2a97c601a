//! Backups are engine-neutral: taken from SQLite while in use, restored into PostgreSQL with
//! every record and a log that still verifies.

use bytes::Bytes;
use shinrai_store::backup::Trust;
use shinrai_store::model::NewApiToken;
use shinrai_store::{Store, StoreConfig, StoreError, backup};

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
    let restored = Store::restore(&config, &contents, &Trust::default())
        .await
        .unwrap();
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
    let report = restored
        .verify_log(&restored.verifying_key(), Vec::new())
        .await
        .unwrap();
    assert!(report.intact(), "{report:?}");
    assert_eq!(
        report.chain.unwrap().events,
        source.store.log_head().await.unwrap().0
    );
    assert_eq!(
        report.rows_checked.values().sum::<u64>(),
        8,
        "1 organisation, 1 user, 2 roles, 1 token, 2 blobs and 1 criteria version, each accounted for"
    );

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
            .intact()
    );

    // Restoring again into the same, now full, database is refused.
    assert!(matches!(
        Store::restore(&config, &contents, &Trust::default()).await,
        Err(StoreError::NotEmpty { .. })
    ));
    restored.close().await;
    drop_database(&name).await;
    let _ = std::fs::remove_dir_all(&config.data_dir);
    source.finish().await;
}

#[tokio::test]
async fn a_postgres_backup_restores_into_sqlite() {
    let source = TestStore::postgres().await;
    populate(&source).await;
    let mut file = Vec::new();
    source.store.backup(&mut file, 80_000).await.unwrap();
    let contents = backup::read_backup(&mut file.as_slice()).unwrap();
    let config = StoreConfig {
        data_dir: scratch_dir("restored"),
        database_url: None,
        checkpoint_every: 5,
    };
    let restored = Store::restore(&config, &contents, &Trust::default())
        .await
        .unwrap();
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
            .intact()
    );
    restored.close().await;
    let _ = std::fs::remove_dir_all(&config.data_dir);
    source.finish().await;
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
    assert!(error.to_string().contains("manifest's hash"), "{error}");

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

// --- restoring only what verifies, and leaving the target as it was otherwise -----------------

use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;
use shinrai_domain::log_chain::{sha256_hex, sign_checkpoint};
use sqlx::Connection;

/// A checked backup of `source`.
async fn backup_of(source: &TestStore) -> backup::Contents {
    let mut file = Vec::new();
    source.store.backup(&mut file, 80_000).await.unwrap();
    backup::read_backup(&mut file.as_slice()).unwrap()
}

/// A backup holding `rows`, written and signed with `seed` by the same code as a genuine one:
/// what someone holding a key can make.
fn forge(genuine: &backup::Contents, rows: &backup::Rows, seed: &[u8; 32]) -> backup::Contents {
    let mut file = Vec::new();
    backup::write_backup(
        &mut file,
        genuine.header.as_ref().unwrap(),
        rows,
        &genuine.blobs,
        seed,
    )
    .unwrap();
    backup::read_backup(&mut file.as_slice()).unwrap()
}

/// The file with the manifest's content hash recomputed after an edit, its signature left as it
/// was: an edit by hand that took care of the hash.
fn rehash(lines: &[String]) -> String {
    let (body, manifest) = lines.split_at(lines.len() - 1);
    let content: String = body.iter().map(|line| format!("{line}\n")).collect();
    let mut manifest: serde_json::Value = serde_json::from_str(&manifest[0]).unwrap();
    manifest["manifest"]["content_sha256"] = sha256_hex(content.as_bytes()).into();
    format!("{content}{manifest}\n")
}

/// An empty target: SQLite in a data directory that does not exist yet, SQLite in an existing
/// empty one, and an empty PostgreSQL database. Each data directory sits in a folder of the
/// test's own, so that anything a restore leaves beside it shows.
struct Target {
    label: &'static str,
    config: StoreConfig,
    parent: PathBuf,
    /// The PostgreSQL database's URL and name.
    database: Option<(String, String)>,
}

impl Target {
    async fn all() -> Vec<Target> {
        let mut targets = Vec::new();
        for (label, existing) in [
            ("a missing data directory", false),
            ("an empty data directory", true),
        ] {
            let parent = scratch_dir("target");
            std::fs::create_dir_all(&parent).unwrap();
            let data_dir = parent.join("data");
            if existing {
                std::fs::create_dir(&data_dir).unwrap();
            }
            targets.push(Target {
                label,
                config: StoreConfig {
                    data_dir,
                    database_url: None,
                    checkpoint_every: 5,
                },
                parent,
                database: None,
            });
        }
        let (mut config, url, name) = empty_postgres().await;
        let parent = scratch_dir("target");
        std::fs::create_dir_all(&parent).unwrap();
        config.data_dir = parent.join("data");
        targets.push(Target {
            label: "an empty PostgreSQL database",
            config,
            parent,
            database: Some((url, name)),
        });
        targets
    }

    /// Every path under the parent folder, and every table of the PostgreSQL database.
    async fn snapshot(&self) -> Vec<String> {
        let mut seen = Vec::new();
        list(&self.parent, &self.parent, &mut seen);
        if let Some((url, _)) = &self.database {
            let mut connection = sqlx::PgConnection::connect(url).await.unwrap();
            let tables: Vec<(String,)> = sqlx::query_as(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
            )
            .fetch_all(&mut connection)
            .await
            .unwrap();
            seen.extend(tables.into_iter().map(|(table,)| format!("table {table}")));
        }
        seen.sort();
        seen
    }

    /// Restores `contents`, which must be refused with a message holding `expected`, and checks
    /// that the target is exactly as it was.
    async fn refuses(&self, contents: &backup::Contents, trust: &Trust, expected: &str) {
        let before = self.snapshot().await;
        assert!(
            !before.iter().any(|seen| seen.starts_with("table")),
            "{}: starts empty",
            self.label
        );
        let error = Store::restore(&self.config, contents, trust)
            .await
            .unwrap_err();
        assert!(
            error.to_string().contains(expected),
            "{}: {error}",
            self.label
        );
        assert_eq!(self.snapshot().await, before, "{}", self.label);
    }

    async fn finish(self) {
        let _ = std::fs::remove_dir_all(&self.parent);
        if let Some((_, name)) = self.database {
            drop_database(&name).await;
        }
    }
}

fn list(root: &Path, folder: &Path, seen: &mut Vec<String>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        seen.push(path.strip_prefix(root).unwrap().display().to_string());
        if path.is_dir() {
            list(root, &path, seen);
        }
    }
}

#[tokio::test]
async fn a_backup_whose_log_was_altered_is_refused_and_the_target_left_as_it_was() {
    let source = TestStore::sqlite().await;
    populate(&source).await;
    let genuine = backup_of(&source).await;
    // Signed and hashed like a genuine backup (its hash check passes), but event 3 was edited.
    let mut rows = genuine.rows.clone();
    rows.events[2].subject = "forged".into();
    let altered = forge(&genuine, &rows, &genuine.signing_key_seed.unwrap());
    for target in Target::all().await {
        target
            .refuses(&altered, &Trust::default(), "log event 3")
            .await;
        // Nothing was left behind that stands in the way of restoring the genuine backup.
        let restored = Store::restore(&target.config, &genuine, &Trust::default())
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", target.label));
        assert_eq!(
            restored.log_head().await.unwrap(),
            source.store.log_head().await.unwrap()
        );
        restored.close().await;
        target.finish().await;
    }
    source.finish().await;
}

#[tokio::test]
async fn a_restore_that_postgresql_refuses_midway_leaves_no_table_behind() {
    let source = TestStore::sqlite().await;
    populate(&source).await;
    // SQLite keeps a NUL character in text, PostgreSQL refuses it: the backup verifies in the
    // staging store and fails only inside the target's transaction, after rows were written.
    source
        .store
        .create_user(
            &shinrai_store::model::NewUser {
                id: "nul-1".into(),
                org_id: "op".into(),
                login: "nul".into(),
                display_name: "a\u{0}b".into(),
                roles: Vec::new(),
                password_hash: "$argon2id$test".into(),
            },
            &by(79_000),
        )
        .await
        .unwrap();
    let contents = backup_of(&source).await;
    let mut targets = Target::all().await;
    let target = targets.pop().unwrap();
    for other in targets {
        other.finish().await;
    }
    assert!(target.database.is_some());
    let error = Store::restore(&target.config, &contents, &Trust::default())
        .await
        .unwrap_err();
    assert!(matches!(error, StoreError::Database(_)), "{error}");
    assert_eq!(target.snapshot().await, Vec::<String>::new());
    target.finish().await;
    source.finish().await;
}

#[tokio::test]
async fn a_hand_edited_backup_with_its_hash_recomputed_is_refused_for_its_signature() {
    let source = TestStore::sqlite().await;
    populate(&source).await;
    let mut file = Vec::new();
    source.store.backup(&mut file, 80_000).await.unwrap();
    let lines: Vec<String> = String::from_utf8(file)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert!(
        backup::read_backup(&mut rehash(&lines).as_bytes()).is_ok(),
        "rehashing alone changes nothing"
    );

    let mut edited = lines.clone();
    let user = edited
        .iter()
        .position(|line| line.starts_with("{\"user\""))
        .unwrap();
    edited[user] = edited[user].replacen("\"admin\"", "\"root\"", 1);
    let error = backup::read_backup(&mut rehash(&edited).as_bytes()).unwrap_err();
    assert!(
        error.to_string().contains("signature does not verify"),
        "{error}"
    );

    let mut unsigned: serde_json::Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    unsigned["manifest"]
        .as_object_mut()
        .unwrap()
        .remove("signature");
    let mut stripped = lines.clone();
    *stripped.last_mut().unwrap() = unsigned.to_string();
    let error = backup::read_backup(&mut stripped.join("\n").as_bytes()).unwrap_err();
    assert!(error.to_string().contains("not signed"), "{error}");

    let mut old = lines.clone();
    old[0] = old[0].replacen("\"version\":2", "\"version\":1", 1);
    let error = backup::read_backup(&mut rehash(&old).as_bytes()).unwrap_err();
    assert!(error.to_string().contains("version 1"), "{error}");
    source.finish().await;
}

#[tokio::test]
async fn a_backup_signed_with_another_key_is_refused_when_the_genuine_key_is_trusted() {
    let source = TestStore::sqlite().await;
    populate(&source).await;
    let genuine = backup_of(&source).await;
    let genuine_key = *genuine.signed_by().unwrap();
    assert_eq!(
        hex::encode(genuine_key.to_bytes()),
        source.store.public_key_hex()
    );
    // A copy consistent in itself under a key of someone else's: its key line replaced, every
    // checkpoint and the manifest signed again with that key.
    let other = SigningKey::from_bytes(&[7; 32]);
    let mut rows = genuine.rows.clone();
    for checkpoint in &mut rows.checkpoints {
        checkpoint.signature = sign_checkpoint(
            &other,
            u64::try_from(checkpoint.size).unwrap(),
            &checkpoint.head_hash,
            checkpoint.at_ms,
        )
        .signature;
    }
    let rekeyed = forge(&genuine, &rows, &other.to_bytes());
    let trusted = Trust {
        public_key: Some(genuine_key),
        checkpoints: Vec::new(),
    };
    for target in Target::all().await {
        target
            .refuses(&rekeyed, &trusted, "not by the trusted key")
            .await;
        // What the signature alone cannot tell: without a key from outside, it restores.
        let restored = Store::restore(&target.config, &rekeyed, &Trust::default())
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", target.label));
        restored.close().await;
        target.finish().await;
    }
    source.finish().await;
}

#[tokio::test]
async fn a_checkpoint_kept_elsewhere_refuses_an_older_backup() {
    let source = TestStore::postgres().await;
    populate(&source).await;
    let older = backup_of(&source).await;
    source
        .store
        .put_blob(Bytes::from_static(b"later"), "text/plain", &by(75_000))
        .await
        .unwrap();
    let kept = source.store.checkpoint(75_001).await.unwrap().unwrap();
    let trust = Trust {
        public_key: Some(*older.signed_by().unwrap()),
        checkpoints: vec![kept],
    };
    for target in Target::all().await {
        target
            .refuses(&older, &trust, "events deleted from the end")
            .await;
        target.finish().await;
    }
    let current = backup_of(&source).await;
    let config = StoreConfig {
        data_dir: scratch_dir("current"),
        database_url: None,
        checkpoint_every: 5,
    };
    let restored = Store::restore(&config, &current, &trust).await.unwrap();
    restored.close().await;
    let _ = std::fs::remove_dir_all(&config.data_dir);
    source.finish().await;
}

// --- modes of what the store creates -----------------------------------------------------------

/// Every folder under `path` is 0700 and every file 0600.
fn assert_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let metadata = std::fs::metadata(path).unwrap();
    let mode = metadata.permissions().mode() & 0o777;
    if metadata.is_dir() {
        assert_eq!(mode, 0o700, "{}: {mode:o}", path.display());
        for entry in std::fs::read_dir(path).unwrap() {
            assert_private(&entry.unwrap().path());
        }
    } else {
        assert_eq!(mode, 0o600, "{}: {mode:o}", path.display());
    }
}

#[tokio::test]
async fn the_data_directory_and_everything_in_it_are_private() {
    for test in TestStore::both().await {
        test.store
            .put_blob(Bytes::from_static(b"evidence"), "text/plain", &by(1_000))
            .await
            .unwrap();
        let names: Vec<String> = std::fs::read_dir(&test.config.data_dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        if test.engine == "sqlite" {
            for name in ["shinrai.db", "shinrai.db-wal", "shinrai.db-shm"] {
                assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
            }
        }
        assert!(names.iter().any(|n| n == "blobs"), "{names:?}");
        assert_private(&test.config.data_dir);
        test.finish().await;
    }
}

#[tokio::test]
async fn a_restore_and_an_opened_loose_data_directory_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let source = TestStore::sqlite().await;
    populate(&source).await;
    let contents = backup_of(&source).await;
    for target in Target::all().await {
        let restored = Store::restore(&target.config, &contents, &Trust::default())
            .await
            .unwrap();
        assert_private(&target.config.data_dir);
        restored.close().await;
        target.finish().await;
    }
    // A data directory others could read (made by hand, or by an older version) is tightened.
    let loose = scratch_dir("loose");
    std::fs::create_dir_all(&loose).unwrap();
    std::fs::set_permissions(&loose, std::fs::Permissions::from_mode(0o755)).unwrap();
    let config = StoreConfig {
        data_dir: loose.clone(),
        database_url: None,
        checkpoint_every: 5,
    };
    let store = Store::open(&config).await.unwrap();
    assert_private(&loose);
    store.close().await;
    let _ = std::fs::remove_dir_all(&loose);
    source.finish().await;
}
