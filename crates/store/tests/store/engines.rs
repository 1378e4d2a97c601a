//! A fresh store on each engine: SQLite in a temporary data directory, and PostgreSQL in a
//! database of its own created on the server named by `SHINRAI_TEST_POSTGRES` (default
//! `postgres://postgres@127.0.0.1:5432/test`), dropped afterwards. PostgreSQL being down fails
//! the tests: both engines must be tested.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use shinrai_store::{Store, StoreConfig};
use sqlx::Connection;

pub fn admin_url() -> String {
    std::env::var("SHINRAI_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

fn unique(label: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!(
        "shinrai_{label}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// A store under test, and how to reach its database directly (to tamper with it).
pub struct TestStore {
    pub store: Store,
    pub config: StoreConfig,
    /// `sqlite://…` or `postgres://…` of the same database.
    pub url: String,
    pub engine: &'static str,
    pub cleanup: Option<String>,
    /// Set by [`TestStore::tamper`]; an untampered store must verify whole when the test ends.
    pub tampered: AtomicBool,
}

impl TestStore {
    pub async fn sqlite() -> TestStore {
        let data_dir = std::env::temp_dir().join(unique("sqlite"));
        let config = StoreConfig {
            data_dir: data_dir.clone(),
            database_url: None,
            checkpoint_every: 5,
        };
        let store = Store::open(&config).await.expect("open SQLite store");
        TestStore {
            store,
            url: format!("sqlite://{}", data_dir.join("shinrai.db").display()),
            config,
            engine: "sqlite",
            cleanup: None,
            tampered: AtomicBool::new(false),
        }
    }

    pub async fn postgres() -> TestStore {
        let (config, url, name) = empty_postgres().await;
        let store = Store::open(&config).await.expect("open PostgreSQL store");
        TestStore {
            store,
            config,
            url,
            engine: "postgres",
            cleanup: Some(name),
            tampered: AtomicBool::new(false),
        }
    }

    pub async fn both() -> Vec<TestStore> {
        vec![TestStore::sqlite().await, TestStore::postgres().await]
    }

    /// Runs raw SQL on the store's database, as an intruder with database access would.
    pub async fn tamper(&self, statement: &str) {
        self.tampered.store(true, Ordering::Relaxed);
        if self.engine == "sqlite" {
            let mut connection = sqlx::SqliteConnection::connect(&self.url)
                .await
                .expect("connect");
            sqlx::query(sqlx::AssertSqlSafe(statement.to_owned()))
                .execute(&mut connection)
                .await
                .expect("tamper");
        } else {
            let mut connection = sqlx::PgConnection::connect(&self.url)
                .await
                .expect("connect");
            sqlx::query(sqlx::AssertSqlSafe(statement.to_owned()))
                .execute(&mut connection)
                .await
                .expect("tamper");
        }
    }

    /// Ends the test. Unless it tampered, the log must account for every row the test wrote:
    /// a write path that forgets to record its rows fails here, in whichever test uses it.
    pub async fn finish(self) {
        if !self.tampered.load(Ordering::Relaxed) {
            let report = self
                .store
                .verify_log(&self.store.verifying_key(), Vec::new())
                .await
                .unwrap();
            assert!(
                report.intact(),
                "the log must account for every row on {}: {report:?}",
                self.engine
            );
        }
        self.store.close().await;
        let _ = std::fs::remove_dir_all(&self.config.data_dir);
        if let Some(name) = self.cleanup {
            drop_database(&name).await;
        }
    }
}

/// A configuration for a new, empty PostgreSQL database, its URL and its name.
pub async fn empty_postgres() -> (StoreConfig, String, String) {
    let name = unique("pg");
    let admin = admin_url();
    let mut connection = sqlx::PgConnection::connect(&admin)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {admin} is needed for the store tests: {e}"));
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut connection)
        .await
        .expect("create test database");
    let url = database_url(&admin, &name);
    let config = StoreConfig {
        data_dir: std::env::temp_dir().join(unique("pgdata")),
        database_url: Some(url.clone()),
        checkpoint_every: 5,
    };
    (config, url, name)
}

pub async fn drop_database(name: &str) {
    if let Ok(mut connection) = sqlx::PgConnection::connect(&admin_url()).await {
        let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
        )))
        .execute(&mut connection)
        .await;
    }
}

/// The admin URL with another database name.
fn database_url(admin: &str, name: &str) -> String {
    match admin.rsplit_once('/') {
        Some((base, _)) => format!("{base}/{name}"),
        None => format!("{admin}/{name}"),
    }
}

pub fn scratch_dir(label: &str) -> PathBuf {
    std::env::temp_dir().join(unique(label))
}
