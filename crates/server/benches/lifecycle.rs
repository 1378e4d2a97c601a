//! The living registry at full size, on SQLite and on PostgreSQL:
//!
//! - the lifecycle job (`shinrai lifecycle run`, the same function `serve` runs daily) over
//!   10,000 stored registrations, a tenth of them past their validity, a fifth built on another
//!   entry, a tenth within a month of their end: the first run (expiries, falls in cascade,
//!   notices, notifications and reminders written) and the next day's run that finds little to
//!   do; target < 5 s;
//! - a base service with 5,000 services built on it withdrawn by its provider (the action the
//!   API and the page call): the base ends, the job runs at once and every dependent falls, each
//!   with its status, history, public notice, a notification to its provider and one to the
//!   procuring organisation whose system uses it (every dependent is used); target < 10 s.
//!
//! Every run is checked (what fell, what was sent) so that a run that did nothing would fail
//! instead of looking fast. PostgreSQL: a database of its own on the server named by
//! `SHINRAI_TEST_POSTGRES` (default `postgres://postgres@127.0.0.1:5432/test`), created with
//! `psql` and dropped afterwards.
//!
//!     cargo bench -p shinrai-server --bench lifecycle            # full run
//!     cargo bench -p shinrai-server --bench lifecycle -- --quick # smoke run (2,000 and 500)
//!
//! `LIFECYCLE_BENCH_ENTRIES` and `LIFECYCLE_BENCH_DEPENDENTS` set the sizes. Prints Markdown for
//! docs/benchmarks.md.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::print_stdout,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::policy::Member;
use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::registry::demo::demo_registry;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::procurement::{self, InformationItem, SystemDetails, UsageDraft};
use shinrai_server::jobs::lifecycle::{self, Attempt, LifecycleRun, RunOptions};
use shinrai_server::workflow::Acting;
use shinrai_server::{AppState, Config, SystemWallClock, WallClock};
use shinrai_store::documents::Batch;
use shinrai_store::model::{ChangeBy, NewOrganisation};
use shinrai_store::{Store, StoreConfig};

const DAY_MS: i64 = 86_400_000;

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

/// Noon in Japan on `on`.
fn noon(on: CalendarDate) -> i64 {
    on.days_since_epoch() * DAY_MS + 3 * 3_600_000
}

/// The day the runs are made.
fn as_of() -> CalendarDate {
    day("2027-06-01")
}

/// A registered entry of `csp` numbered `n`, valid until `valid_until`, built on `built_on`.
fn entry(
    template: &RegistryEntry,
    n: usize,
    valid_until: CalendarDate,
    built_on: Option<String>,
) -> RegistryEntry {
    let mut entry = template.clone();
    entry.id = format!("B{n:06}");
    entry.provider = "csp".to_owned();
    entry.audit_body = "ab".to_owned();
    entry.valid_until = valid_until;
    entry.registered_on = day("2026-01-15");
    entry.built_on = built_on.into_iter().collect();
    entry.service = None;
    entry.application = None;
    entry.notices = Vec::new();
    entry.history.truncate(1);
    entry
}

fn template() -> RegistryEntry {
    demo_registry()
        .unwrap()
        .entries
        .into_iter()
        .find(|e| e.status.code() == "registered")
        .unwrap()
}

/// `count` registrations: one in ten past its end, one in ten within a month of it, one in five
/// built on an earlier entry (half of them on one that expires).
fn mixed_registry(count: usize) -> Vec<RegistryEntry> {
    let template = template();
    (0..count)
        .map(|n| {
            let valid_until = match n % 10 {
                0 => as_of().add_days(-3).unwrap(),
                1 => as_of().add_days(20).unwrap(),
                _ => day("2028-03-31"),
            };
            // Half of the dependents are built on an entry that expires, and fall with it.
            let built_on = match n % 10 {
                4 => Some(format!("B{:06}", n - 4)),
                9 => Some(format!("B{:06}", n - 2)),
                _ => None,
            };
            entry(&template, n, valid_until, built_on)
        })
        .collect()
}

/// A base and `dependents` services built straight on it.
fn base_with_dependents(dependents: usize) -> Vec<RegistryEntry> {
    let template = template();
    let valid = day("2028-03-31");
    let mut entries = vec![entry(&template, 0, valid, None)];
    entries
        .extend((1..=dependents).map(|n| entry(&template, n, valid, Some("B000000".to_owned()))));
    entries
}

/// A store on one engine, with its clean-up.
struct BenchStore {
    store: Arc<Store>,
    data_dir: std::path::PathBuf,
    database: Option<String>,
}

fn admin_url() -> String {
    std::env::var("SHINRAI_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

fn psql(sql: &str) {
    let status = std::process::Command::new("psql")
        .args([admin_url().as_str(), "-q", "-c", sql])
        .status()
        .expect("psql");
    assert!(status.success(), "psql {sql}");
}

async fn open(engine: &str, label: &str) -> BenchStore {
    let name = format!("shinrai_bench_{label}_{}", std::process::id());
    let data_dir = std::env::temp_dir().join(&name);
    let _ = std::fs::remove_dir_all(&data_dir);
    let database = (engine == "postgres").then(|| {
        psql(&format!("DROP DATABASE IF EXISTS {name}"));
        psql(&format!("CREATE DATABASE {name}"));
        name.clone()
    });
    let database_url = database.as_ref().map(|name| {
        let base = admin_url();
        let server = base
            .rsplit_once('/')
            .map_or(base.as_str(), |(server, _)| server)
            .to_owned();
        format!("{server}/{name}")
    });
    let config = StoreConfig {
        data_dir: data_dir.clone(),
        database_url,
        checkpoint_every: 100,
    };
    let store = Store::open(&config).await.expect("open the store");
    let system = ChangeBy::system(1_000);
    for (id, kind) in [
        ("op", OrgKind::Operator),
        ("csp", OrgKind::Provider),
        ("ab", OrgKind::AuditBody),
        ("gov", OrgKind::Procurer),
    ] {
        store
            .create_organisation(
                &NewOrganisation {
                    id: id.to_owned(),
                    kind,
                    name: Bilingual::new(id, id),
                },
                &system,
            )
            .await
            .unwrap();
    }
    BenchStore {
        store: Arc::new(store),
        data_dir,
        database,
    }
}

impl BenchStore {
    async fn close(self) {
        self.store.close().await;
        let _ = std::fs::remove_dir_all(&self.data_dir);
        if let Some(name) = self.database {
            psql(&format!("DROP DATABASE IF EXISTS {name}"));
        }
    }
}

async fn run_on(store: &Store, on: CalendarDate) -> LifecycleRun {
    let options = RunOptions {
        as_of: on,
        at_ms: noon(on),
        dry_run: false,
        mail: false,
    };
    match lifecycle::run(store, options).await.unwrap() {
        Attempt::Ran(run) => run,
        Attempt::Busy => panic!("nothing else runs the job"),
    }
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn secs(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64())
}

/// (first run, next day's run) per repetition.
async fn lifecycle_runs(
    engine: &str,
    entries: usize,
    repeats: usize,
) -> (Vec<Duration>, Vec<Duration>) {
    let mut first = Vec::new();
    let mut next = Vec::new();
    for repeat in 0..repeats {
        let bench = open(engine, &format!("run{repeat}")).await;
        let registry = mixed_registry(entries);
        bench
            .store
            .create_registry_entries(&registry, &ChangeBy::system(2_000))
            .await
            .unwrap();
        let started = Instant::now();
        let run = run_on(&bench.store, as_of()).await;
        first.push(started.elapsed());
        let expired = run.changes.iter().filter(|c| c.fall == "expired").count();
        assert_eq!(expired, entries.div_ceil(10), "every tenth entry expires");
        let cascade = run.changes.iter().filter(|c| c.fall == "cascade").count();
        assert_eq!(
            cascade,
            (entries + 5) / 10,
            "every dependent of an expired entry falls"
        );
        assert!(
            run.notifications
                .iter()
                .filter(|n| n.kind == "renewal_due")
                .count()
                >= entries / 10 - 1,
            "the entries near their end are reminded"
        );
        let started = Instant::now();
        let again = run_on(&bench.store, as_of().add_days(1).unwrap()).await;
        next.push(started.elapsed());
        assert!(again.changes.is_empty(), "nothing more falls the next day");
        bench.close().await;
    }
    (first, next)
}

/// A procuring organisation's system recorded as using every one of `entries`.
async fn used_by_a_procurer(store: &Store, entries: &[RegistryEntry]) {
    let procurer = Member {
        user_id: "user-procurer".to_owned(),
        org_id: "gov".to_owned(),
        org_kind: OrgKind::Procurer,
        roles: vec![Role::Procurer],
    };
    let at = Moment::at(3_000);
    let details = SystemDetails {
        name: Bilingual::new("共通基盤", "Shared platform"),
        function: Bilingual::new("管理・支援", "Administration"),
        information: vec![InformationItem {
            name: Bilingual::new("職員情報", "Staff records"),
            confidentiality: Level::LOW,
        }],
        aggregate_confidentiality: None,
        availability: Level::LOW,
        models: Vec::new(),
    };
    let system = procurement::create_system("sys-1".into(), details, &procurer, at).unwrap();
    let mut batch = Batch::new().create(&system).unwrap();
    for (n, entry) in entries.iter().enumerate() {
        let draft = UsageDraft {
            from: entry.registered_on,
            until: None,
            note: Bilingual::new("", ""),
        };
        let usage = procurement::record_usage(
            format!("use-{n}"),
            &system.state,
            entry,
            draft,
            &[],
            &procurer,
            at,
        )
        .unwrap();
        batch = batch.create(&usage).unwrap();
    }
    store.commit(batch).await.unwrap();
}

async fn withdrawals(engine: &str, dependents: usize, repeats: usize) -> Vec<Duration> {
    let mut times = Vec::new();
    for repeat in 0..repeats {
        let bench = open(engine, &format!("base{repeat}")).await;
        let entries = base_with_dependents(dependents);
        bench
            .store
            .create_registry_entries(&entries, &ChangeBy::system(2_000))
            .await
            .unwrap();
        used_by_a_procurer(&bench.store, entries.get(1..).unwrap()).await;
        let state = AppState::new(&Config::default(), bench.store.clone());
        let provider = Acting::new(
            Member {
                user_id: "user-provider".to_owned(),
                org_id: "csp".to_owned(),
                org_kind: OrgKind::Provider,
                roles: vec![Role::Provider],
            },
            Moment::at(SystemWallClock.now_ms()),
        );
        let reason = Bilingual::new("サービス終了", "the service closes");
        let started = Instant::now();
        let done = shinrai_server::registry::status::withdraw(&state, &provider, "B000000", reason)
            .await
            .unwrap();
        times.push(started.elapsed());
        let fallen = done.fallen.expect("the cascade ran");
        assert_eq!(fallen.len(), dependents, "every dependent falls");
        let inbox = bench.store.unread_count("csp").await.unwrap();
        assert_eq!(
            inbox, dependents as u64,
            "each fall is told to its provider"
        );
        let users = bench.store.unread_count("gov").await.unwrap();
        assert_eq!(users, dependents as u64, "and to the organisation using it");
        bench.close().await;
    }
    times
}

#[tokio::main]
async fn main() {
    let quick = std::env::args().any(|arg| arg == "--quick");
    let size = |name: &str, full: usize, smoke: usize| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(if quick { smoke } else { full })
    };
    let entries = size("LIFECYCLE_BENCH_ENTRIES", 10_000, 2_000);
    let dependents = size("LIFECYCLE_BENCH_DEPENDENTS", 5_000, 500);
    let repeats = if quick { 1 } else { 3 };
    println!("| engine | measure | size | median s | runs (s) | target |");
    println!("|---|---|---|---|---|---|");
    for engine in ["sqlite", "postgres"] {
        let (mut first, mut next) = lifecycle_runs(engine, entries, repeats).await;
        let row = |name: &str, times: &mut Vec<Duration>, target: &str| {
            let all: Vec<String> = times.iter().map(|t| secs(*t)).collect();
            println!(
                "| {engine} | {name} | {entries} registrations | {} | {} | {target} |",
                secs(median(times)),
                all.join(", ")
            );
        };
        row("lifecycle run, first (writes)", &mut first, "< 5 s");
        row("lifecycle run, next day", &mut next, "< 5 s");
        let mut withdrawn = withdrawals(engine, dependents, repeats).await;
        let all: Vec<String> = withdrawn.iter().map(|t| secs(*t)).collect();
        println!(
            "| {engine} | base withdrawn, dependents fall | {dependents} dependents | {} | {} | < 10 s |",
            secs(median(&mut withdrawn)),
            all.join(", ")
        );
    }
}
