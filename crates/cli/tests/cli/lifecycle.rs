//! `shinrai lifecycle run`: on a day, the registry's lapsed entries expire and those built on
//! them fall in cascade, each with its notice and log event; a dry run writes nothing; running
//! again changes nothing; the log still accounts for every row.

use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::demo::demo_registry;
use shinrai_domain::registry::{EntryStatus, RegistryEntry};
use shinrai_store::model::ChangeBy;
use shinrai_store::{Store, StoreConfig};

use crate::service::{DataDir, json, story_store_at, with_dir};
use crate::support::{serve, shinrai, wait_healthy};

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn entry(id: &str, valid_until: &str, built_on: &[&str]) -> RegistryEntry {
    let mut entry = demo_registry()
        .unwrap()
        .entries
        .into_iter()
        .find(|entry| entry.status == EntryStatus::Registered)
        .unwrap();
    entry.id = id.to_owned();
    entry.provider = "csp".into();
    entry.audit_body = "ab".into();
    entry.valid_until = day(valid_until);
    entry.built_on = built_on.iter().map(|base| (*base).to_owned()).collect();
    entry
}

/// A base valid until 2027-03-31, two services in a chain on it, and one valid on its own.
async fn fill(store: &Store) {
    let entries = [
        entry("C27-0001", "2027-03-31", &[]),
        entry("C27-0002", "2028-03-31", &["C27-0001"]),
        entry("C27-0003", "2028-03-31", &["C27-0002"]),
        entry("C27-0004", "2028-03-31", &[]),
    ];
    store
        .create_registry_entries(&entries, &ChangeBy::system(1_000))
        .await
        .unwrap();
}

/// A data directory whose registry holds [`fill`]'s entries.
pub fn registry_dir(label: &str) -> DataDir {
    let data = DataDir::new(label);
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = data.story_store().await;
        fill(&store).await;
        store.close().await;
    });
    data
}

fn stored(data: &DataDir) -> Vec<RegistryEntry> {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = data.reopened_store().await;
        let entries = store.registry_entries().await.unwrap();
        store.close().await;
        entries
    })
}

fn statuses(data: &DataDir) -> Vec<(String, EntryStatus)> {
    stored(data)
        .into_iter()
        .map(|entry| (entry.id, entry.status))
        .collect()
}

#[test]
fn a_run_expires_the_lapsed_and_their_cascade_once() {
    let data = registry_dir("lifecycle-run");
    let dir = data.arg();
    let before = statuses(&data);

    let dry = shinrai(&with_dir(
        &dir,
        &[
            "lifecycle",
            "run",
            "--as-of",
            "2027-05-01",
            "--dry-run",
            "--json",
        ],
    ));
    assert_eq!(dry.status, 0, "{}", dry.stderr);
    let planned = json(&dry);
    assert_eq!(planned["dry_run"], true);
    let changes: Vec<(String, String, Option<String>)> = planned["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| {
            (
                change["entry"].as_str().unwrap().to_owned(),
                change["fall"].as_str().unwrap().to_owned(),
                change["because"].as_str().map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("C27-0001".to_owned(), "expired".to_owned(), None),
            ("C27-0002".into(), "cascade".into(), Some("C27-0001".into())),
            ("C27-0003".into(), "cascade".into(), Some("C27-0002".into())),
        ]
    );
    assert_eq!(statuses(&data), before, "a dry run writes nothing");

    let run = shinrai(&with_dir(
        &dir,
        &["lifecycle", "run", "--as-of", "2027-05-01", "--json"],
    ));
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(json(&run)["changes"], planned["changes"]);
    let after = stored(&data);
    let of = |id: &str| after.iter().find(|entry| entry.id == id).unwrap();
    assert_eq!(of("C27-0001").status, EntryStatus::Expired);
    assert_eq!(of("C27-0002").status, EntryStatus::Deregistered);
    assert_eq!(of("C27-0003").status, EntryStatus::Deregistered);
    assert_eq!(of("C27-0004").status, EntryStatus::Registered);
    let notice = of("C27-0003").notices.last().unwrap().clone();
    assert_eq!(notice.on, day("2027-04-01"));
    assert!(notice.body.ja.contains("C27-0002") && notice.body.en.contains("C27-0002"));

    let again = shinrai(&with_dir(
        &dir,
        &["--lang", "en", "lifecycle", "run", "--as-of", "2027-05-01"],
    ));
    assert_eq!(again.status, 0, "{}", again.stderr);
    assert_eq!(again.stdout, "Run for 2027-05-01: 0 changes\n");
    let later = shinrai(&with_dir(
        &dir,
        &["lifecycle", "run", "--as-of", "2027-06-01", "--json"],
    ));
    assert_eq!(json(&later)["changes"], serde_json::json!([]));

    let verify = shinrai(&with_dir(&dir, &["log", "verify"]));
    assert_eq!(verify.status, 0, "{}{}", verify.stdout, verify.stderr);
}

#[test]
fn the_summary_names_each_change_in_both_languages_and_a_bad_day_is_refused() {
    let data = registry_dir("lifecycle-summary");
    let dir = data.arg();
    let ja = shinrai(&with_dir(
        &dir,
        &[
            "--lang",
            "ja",
            "lifecycle",
            "run",
            "--as-of",
            "2027-05-01",
            "--dry-run",
        ],
    ));
    assert_eq!(ja.status, 0, "{}", ja.stderr);
    assert!(
        ja.stdout
            .starts_with("2027-05-01 の処理（試行、書き込みなし）：3 件\n"),
        "{}",
        ja.stdout
    );
    assert!(
        ja.stdout
            .contains("C27-0002: 登録抹消（C27-0001 の登録終了による連鎖）")
    );
    let en = shinrai(&with_dir(
        &dir,
        &[
            "--lang",
            "en",
            "lifecycle",
            "run",
            "--as-of",
            "2027-05-01",
            "--dry-run",
        ],
    ));
    assert!(
        en.stdout.contains("C27-0001: expired, since 2027-04-01"),
        "{}",
        en.stdout
    );
    let bad = shinrai(&with_dir(
        &dir,
        &["lifecycle", "run", "--as-of", "2027-02-29"],
    ));
    assert_eq!(bad.status, 2);
    assert!(bad.stderr.contains("2027-02-29"), "{}", bad.stderr);
}

/// A database of its own on the PostgreSQL server the tests use, made and dropped with `psql`.
struct PgDatabase {
    admin: String,
    name: String,
}

impl PgDatabase {
    fn new(label: &str) -> PgDatabase {
        let admin = std::env::var("SHINRAI_TEST_POSTGRES")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
        let name = format!("shinrai_cli_{label}_{}", std::process::id());
        let made = std::process::Command::new("psql")
            .args([admin.as_str(), "-qc", &format!("CREATE DATABASE {name}")])
            .status()
            .expect("psql runs");
        assert!(made.success(), "PostgreSQL at {admin} is needed");
        PgDatabase { admin, name }
    }

    fn url(&self) -> String {
        let (server, _) = self.admin.rsplit_once('/').unwrap();
        format!("{server}/{}", self.name)
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let _ = std::process::Command::new("psql")
            .args([
                self.admin.as_str(),
                "-qc",
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
            ])
            .status();
    }
}

/// While one process holds the job's lock, a run in another process is refused and writes
/// nothing; once freed, the run goes ahead. On SQLite and on PostgreSQL.
#[test]
fn a_run_is_refused_while_another_process_runs_the_job() {
    for engine in ["sqlite", "postgres"] {
        let data = DataDir::new(&format!("lifecycle-lock-{engine}"));
        let database = (engine == "postgres").then(|| PgDatabase::new("lifecycle_lock"));
        let url = database.as_ref().map(PgDatabase::url);
        let config = StoreConfig {
            data_dir: data.0.clone(),
            database_url: url.clone(),
            checkpoint_every: 1_000,
        };
        let dir = data.arg();
        let mut args = vec!["--data-dir", dir.as_str()];
        if let Some(url) = &url {
            args.extend(["--db", url.as_str()]);
        }
        let command = |tail: &[&'static str]| {
            let mut all = args.clone();
            all.extend_from_slice(tail);
            shinrai(&all)
        };
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let (store, lock) = runtime.block_on(async {
            let store = story_store_at(&config).await;
            fill(&store).await;
            let lock = store.try_job_lock("lifecycle").await.unwrap().unwrap();
            (store, lock)
        });

        let refused = command(&["--lang", "en", "lifecycle", "run", "--as-of", "2027-05-01"]);
        assert_eq!(refused.status, 1, "{engine}: {}", refused.stderr);
        assert!(
            refused
                .stderr
                .contains("another process is running the lifecycle job"),
            "{engine}: {}",
            refused.stderr
        );
        let untouched = runtime.block_on(store.registry_entries()).unwrap();
        assert!(
            untouched
                .iter()
                .all(|entry| entry.status == EntryStatus::Registered),
            "{engine}: nothing written while the lock is held"
        );

        runtime.block_on(lock.release());
        let ran = command(&["lifecycle", "run", "--as-of", "2027-05-01", "--json"]);
        assert_eq!(ran.status, 0, "{engine}: {}", ran.stderr);
        assert_eq!(
            json(&ran)["changes"].as_array().unwrap().len(),
            3,
            "{engine}"
        );
        runtime.block_on(store.close());
        let verify = command(&["log", "verify"]);
        assert_eq!(
            verify.status, 0,
            "{engine}: {}{}",
            verify.stdout, verify.stderr
        );
        let rebuilt = command(&["registry", "rebuild", "--check", "--as-of", "2027-05-01"]);
        assert_eq!(
            rebuilt.status, 0,
            "{engine}: {}{}",
            rebuilt.stdout, rebuilt.stderr
        );
    }
}

/// Two service instances on one PostgreSQL database both run the job when they start: one at a
/// time, so each lapsed entry and each fallen one is recorded exactly once.
#[test]
fn two_services_on_one_database_run_the_job_once() {
    let data = DataDir::new("lifecycle-two-services");
    let database = PgDatabase::new("lifecycle_two");
    let url = database.url();
    let config = StoreConfig {
        data_dir: data.0.clone(),
        database_url: Some(url.clone()),
        checkpoint_every: 1_000,
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = story_store_at(&config).await;
        // Lapsed long before any day the test runs on.
        let entries = [
            entry("C20-0001", "2020-03-31", &[]),
            entry("C20-0002", "2099-03-31", &["C20-0001"]),
            entry("C20-0003", "2099-03-31", &["C20-0002"]),
            entry("C20-0004", "2099-03-31", &[]),
        ];
        store
            .create_registry_entries(&entries, &ChangeBy::system(1_000))
            .await
            .unwrap();
        store.close().await;
    });
    let dir = data.arg();
    let args = ["--data-dir", dir.as_str(), "--db", url.as_str()];
    // Both start at once, so that their first runs meet.
    let (first, first_address) = serve(&args, &[]);
    let (second, second_address) = serve(&args, &[]);
    wait_healthy(&first_address, std::time::Duration::from_secs(120));
    wait_healthy(&second_address, std::time::Duration::from_secs(120));

    let store = runtime.block_on(Store::open(&config)).unwrap();
    let recorded = |entry: &str, action: &str| {
        runtime
            .block_on(store.events_about(entry, action))
            .unwrap()
            .len()
    };
    let started = std::time::Instant::now();
    while recorded("C20-0003", "registry.cascade") == 0 {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "no instance ran the job"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    for mut server in [first, second] {
        let _ = std::process::Command::new("kill")
            .args(["-TERM", &server.id().to_string()])
            .status();
        assert!(server.wait().unwrap().success());
    }
    assert_eq!(recorded("C20-0001", "registry.expire"), 1);
    assert_eq!(recorded("C20-0002", "registry.cascade"), 1);
    assert_eq!(recorded("C20-0003", "registry.cascade"), 1);
    assert_eq!(recorded("C20-0004", "registry.expire"), 0);
    let entries = runtime.block_on(store.registry_entries()).unwrap();
    let status = |id: &str| entries.iter().find(|entry| entry.id == id).unwrap().status;
    assert_eq!(status("C20-0001"), EntryStatus::Expired);
    assert_eq!(status("C20-0003"), EntryStatus::Deregistered);
    assert_eq!(status("C20-0004"), EntryStatus::Registered);
    runtime.block_on(store.close());
    let verify = shinrai(&[&args[..], &["log", "verify"]].concat());
    assert_eq!(verify.status, 0, "{}{}", verify.stdout, verify.stderr);
}
