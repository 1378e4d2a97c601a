//! Verifying without writing: a store opened read-only creates and changes nothing in the data
//! directory (no database, no key, no write-ahead files), reports a missing key as missing, and
//! refuses a database whose schema it does not know instead of migrating it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use shinrai_store::{KEY_FILE, ReadOnlyStore, SigningKeyFile, Store, StoreError};

use crate::accounts::seed;
use crate::engines::{TestStore, drop_database, empty_postgres, scratch_dir};

/// Every file under `dir` with its size, modification time and SHA-256.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (u64, std::time::SystemTime, String)> {
    let mut files = BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                folders.push(entry.path());
            } else {
                let bytes = std::fs::read(entry.path()).unwrap();
                files.insert(
                    entry.path(),
                    (
                        meta.len(),
                        meta.modified().unwrap(),
                        shinrai_domain::log_chain::sha256_hex(&bytes),
                    ),
                );
            }
        }
    }
    files
}

#[tokio::test]
async fn a_sqlite_data_directory_is_verified_without_a_single_write() {
    let test = TestStore::sqlite().await;
    seed(&test).await;
    test.store.checkpoint(9_000).await.unwrap();
    let TestStore { store, config, .. } = test;
    store.close().await;
    let dir = config.data_dir.clone();

    let before = snapshot(&dir);
    let reader = ReadOnlyStore::open(&config).await.unwrap();
    let SigningKeyFile::Present(key) = reader.signing_key().clone() else {
        panic!("the key is there");
    };
    let report = reader.verify_log(Some(&key), Vec::new()).await.unwrap();
    reader.close().await;
    assert!(report.intact(), "{report:?}");
    assert_eq!(snapshot(&dir), before, "nothing created or changed");

    // Without its key: reported missing, never replaced; the chain is still checked.
    std::fs::remove_file(dir.join(KEY_FILE)).unwrap();
    let before = snapshot(&dir);
    let reader = ReadOnlyStore::open(&config).await.unwrap();
    assert_eq!(
        reader.signing_key(),
        &SigningKeyFile::Missing(dir.join(KEY_FILE))
    );
    let report = reader.verify_log(None, Vec::new()).await.unwrap();
    reader.close().await;
    let verified = report.chain.clone().unwrap();
    assert!(!verified.signatures_checked);
    assert_eq!(verified.checkpoints, 1);
    assert!(report.findings.is_empty(), "{report:?}");
    assert_eq!(snapshot(&dir), before, "no key was made");

    // While a writer has the database open it is read through the writer's log.
    let writer = Store::open(&config).await.unwrap();
    let reader = ReadOnlyStore::open(&config).await.unwrap();
    let report = reader
        .verify_log(Some(&writer.verifying_key()), Vec::new())
        .await
        .unwrap();
    assert_eq!(
        report.chain.map(|v| v.signatures_checked),
        Err(shinrai_domain::log_chain::Break::WrongKey {
            first: 2,
            checkpoints: 1
        }),
        "the writer made itself a new key: the checkpoint was not signed by it"
    );
    reader.close().await;
    writer.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn nothing_is_created_where_there_is_no_store() {
    let dir = scratch_dir("nowhere");
    let config = shinrai_store::StoreConfig {
        data_dir: dir.clone(),
        database_url: None,
        checkpoint_every: 5,
    };
    let error = ReadOnlyStore::open(&config).await.unwrap_err();
    assert!(matches!(error, StoreError::Files { .. }), "{error:?}");
    assert!(!dir.exists(), "the data directory was not created");

    // A file that is no shinrai database is refused, not migrated.
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("shinrai.db"), b"").unwrap();
    let before = snapshot(&dir);
    let error = ReadOnlyStore::open(&config).await.unwrap_err();
    assert!(matches!(error, StoreError::Schema { .. }), "{error:?}");
    assert_eq!(snapshot(&dir), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn postgres_is_verified_read_only_and_an_empty_database_is_not_migrated() {
    let test = TestStore::postgres().await;
    seed(&test).await;
    let reader = ReadOnlyStore::open(&test.config).await.unwrap();
    let report = reader
        .verify_log(Some(&test.store.verifying_key()), Vec::new())
        .await
        .unwrap();
    assert!(report.intact(), "{report:?}");
    assert_eq!(report.rows_checked["user_roles"], 2);
    reader.close().await;
    test.finish().await;

    let (config, _, name) = empty_postgres().await;
    let error = ReadOnlyStore::open(&config).await.unwrap_err();
    assert!(matches!(error, StoreError::Schema { .. }), "{error:?}");
    assert!(!config.data_dir.exists(), "no data directory, no key");
    // Still empty: opening it for real now runs every migration from the first.
    let store = Store::open(&config).await.unwrap();
    assert_eq!(store.log_head().await.unwrap().0, 0);
    store.close().await;
    let _ = std::fs::remove_dir_all(&config.data_dir);
    drop_database(&name).await;
}
