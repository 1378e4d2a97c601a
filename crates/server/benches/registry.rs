//! Registry benchmarks at scale. A generated registry (100,000 entries; REGISTRY_BENCH_ENTRIES
//! changes that) is written into a fresh SQLite store through the store's API, then timed:
//!
//! - building the search index from the entries, in process, with its size in memory;
//! - the first request, which reads the whole registry from the store and indexes it;
//! - index searches (matches + one page) for every query of `scripts/registry-queries.txt`;
//! - the list page `GET /registry?…` rendered through the service's whole router (routing,
//!   the registry cache, the search, the template), and `GET /api/v1/registry?…` likewise;
//! - entry pages with their dependencies both ways, and the home page's counts.
//!
//! Every answer is checked against a plain scan of the generated entries, so a search that
//! found too little would fail the run, not look fast.
//!
//!     cargo bench -p shinrai-server --bench registry            # full run
//!     cargo bench -p shinrai-server --bench registry -- --quick # smoke run
//!
//! The smoke run does fewer rounds. Writing 100,000 entries into the store takes about 20 s, so
//! `scripts/test` runs the smoke with REGISTRY_BENCH_ENTRIES=10000. Prints Markdown.

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

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use shinrai_domain::level::Level;
use shinrai_domain::registry::{EntryStatus, RegistryEntry, RegistryIndex, RegistryQuery, SortKey};
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::{Bilingual, Lang, search_folded};
use shinrai_server::{AppState, Config};
use shinrai_store::model::ChangeBy;
use shinrai_store::{Store, StoreConfig};
use shinrai_testdata::registry::generate_registry;
use tower::ServiceExt;

const QUERIES: &str = include_str!("../../../scripts/registry-queries.txt");
const PER_PAGE: usize = 20;

/// One line of the query file: its text and what the domain makes of it.
struct Case {
    line: &'static str,
    query: RegistryQuery,
    lang: Lang,
    page: usize,
}

fn cases() -> Vec<Case> {
    QUERIES
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let mut case = Case {
                line,
                query: RegistryQuery::default(),
                lang: Lang::Ja,
                page: 1,
            };
            for pair in line.split('&') {
                let (key, value) = pair.split_once('=').unwrap();
                match key {
                    "q" => case.query.text = Some(value.to_owned()),
                    "level" => case.query.level = Level::new(value.parse().unwrap()),
                    "status" => case.query.status = EntryStatus::from_code(value),
                    "model" => case.query.model = ServiceModel::from_name(value),
                    "sort" => case.query.sort = SortKey::from_code(value).unwrap(),
                    "lang" => case.lang = Lang::from_tag(value).unwrap(),
                    "page" => case.page = value.parse().unwrap(),
                    other => panic!("{other} in {line}"),
                }
            }
            case
        })
        .collect()
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'=' | b'&' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// How many entries match, by reading every one: the answer the index must give.
fn scanned_total(
    entries: &[RegistryEntry],
    names: &HashMap<String, Bilingual>,
    case: &Case,
) -> usize {
    let query = &case.query;
    let words: Vec<String> = query
        .text
        .as_deref()
        .map(|t| {
            search_folded(t)
                .split_whitespace()
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    entries
        .iter()
        .filter(|e| {
            let name = names.get(&e.provider).unwrap();
            let text = search_folded(&format!(
                "{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
                e.id,
                e.service_name.ja,
                e.service_name.en,
                e.description.ja,
                e.description.en,
                e.provider,
                name.ja,
                name.en
            ));
            query.level.is_none_or(|l| e.level == l)
                && query.status.is_none_or(|s| e.status == s)
                && query.model.is_none_or(|m| e.offers(m))
                && words.iter().all(|w| text.contains(w.as_str()))
        })
        .count()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

/// The process's resident memory now, in MiB (Linux).
fn resident_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmRSS:"))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

struct Timed {
    label: String,
    times: Vec<Duration>,
    target: Option<Duration>,
}

impl Timed {
    fn row(&mut self) -> String {
        self.times.sort();
        let p99 = percentile(&self.times, 99.0);
        let (target, met) = match self.target {
            Some(target) => (
                format!("p99 < {} ms", target.as_millis()),
                if p99 < target { "yes" } else { "NO" },
            ),
            None => ("-".to_owned(), "-"),
        };
        format!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            self.label,
            self.times.len(),
            ms(percentile(&self.times, 50.0)),
            ms(p99),
            ms(*self.times.last().unwrap()),
            target,
            met
        )
    }
}

async fn get(app: &axum::Router, uri: &str) -> (Duration, u16, String) {
    let started = Instant::now();
    let response = app
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let elapsed = started.elapsed();
    (elapsed, status, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let count: usize = std::env::var("REGISTRY_BENCH_ENTRIES")
        .ok()
        .map(|n| {
            n.replace('_', "")
                .parse()
                .expect("REGISTRY_BENCH_ENTRIES: a number")
        })
        .unwrap_or(100_000);
    let rounds = if quick { 3 } else { 30 };
    let cases = cases();

    // --- the registry, generated and written through the store --------------------------------
    let started = Instant::now();
    let registry = generate_registry(count, 2026);
    let generated = started.elapsed();
    let dir = std::env::temp_dir().join(format!("shinrai-bench-registry-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = Arc::new(
        Store::open(&StoreConfig {
            data_dir: dir.clone(),
            database_url: None,
            checkpoint_every: 1_000,
        })
        .await
        .unwrap(),
    );
    let started = Instant::now();
    shinrai_server::demo::add_registry(&store, &registry, &ChangeBy::system(1_795_392_000_000))
        .await
        .unwrap();
    let written = started.elapsed();
    let names: HashMap<String, Bilingual> = registry
        .providers
        .iter()
        .chain(&registry.audit_bodies)
        .map(|org| (org.id.clone(), org.name.clone()))
        .collect();

    // --- the index, in process ----------------------------------------------------------------
    let mut entries = registry.entries.clone();
    // The service holds the entries in the store's order, by registration number.
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let before_index = resident_mib();
    let mut builds = Vec::new();
    let mut index = RegistryIndex::default();
    for _ in 0..if quick { 1 } else { 3 } {
        drop(index);
        let started = Instant::now();
        index = RegistryIndex::new(&entries, &names).unwrap();
        builds.push(started.elapsed());
    }
    let index_mib = index.heap_bytes() as f64 / (1024.0 * 1024.0);
    let with_index = resident_mib();
    let expected: Vec<usize> = cases
        .iter()
        .map(|case| scanned_total(&entries, &names, case))
        .collect();
    let mut searches = Timed {
        label: format!(
            "index search (matches + one page of {PER_PAGE}), {} queries, in process",
            cases.len()
        ),
        times: Vec::new(),
        target: None,
    };
    for _ in 0..rounds {
        for (case, expected) in cases.iter().zip(&expected) {
            let started = Instant::now();
            let matches = index.find(&case.query);
            let page = index.page(
                &matches,
                case.query.sort,
                case.lang,
                (case.page - 1) * PER_PAGE,
                PER_PAGE,
            );
            searches.times.push(started.elapsed());
            assert_eq!(matches.len(), *expected, "{}", case.line);
            assert_eq!(
                page.len(),
                expected
                    .saturating_sub((case.page - 1) * PER_PAGE)
                    .min(PER_PAGE),
                "{}",
                case.line
            );
        }
    }
    drop(index);
    drop(entries);

    // --- through the service ------------------------------------------------------------------
    let app = shinrai_server::router(AppState::new(&Config::default(), store.clone()));
    let before_load = resident_mib();
    let (first, status, _) = get(&app, "/api/v1/registry?per_page=1").await;
    assert_eq!(status, 200);
    let loaded = resident_mib();
    let target = &cases[0];
    let target_total = expected[0];
    assert!(target_total > 0, "the target query finds nothing");
    let mut page_target = Timed {
        label: format!("list page `/registry?{}` (HTML, whole router)", target.line),
        times: Vec::new(),
        target: Some(Duration::from_millis(50)),
    };
    let mut api_target = Timed {
        label: format!("`/api/v1/registry?{}` (JSON, whole router)", target.line),
        times: Vec::new(),
        target: Some(Duration::from_millis(50)),
    };
    let mut pages_all = Timed {
        label: format!(
            "list page, each of the {} queries (HTML, whole router)",
            cases.len()
        ),
        times: Vec::new(),
        target: Some(Duration::from_millis(50)),
    };
    let mut api_all = Timed {
        label: format!(
            "`/api/v1/registry`, each of the {} queries (JSON, whole router)",
            cases.len()
        ),
        times: Vec::new(),
        target: Some(Duration::from_millis(50)),
    };
    for _ in 0..rounds {
        for (n, (case, expected)) in cases.iter().zip(&expected).enumerate() {
            let (took, status, body) = get(&app, &format!("/registry?{}", encode(case.line))).await;
            assert_eq!(status, 200, "{}", case.line);
            assert!(body.contains("<table") || *expected == 0, "{}", case.line);
            if n == 0 {
                page_target.times.push(took);
            }
            pages_all.times.push(took);
            let (took, status, body) =
                get(&app, &format!("/api/v1/registry?{}", encode(case.line))).await;
            assert_eq!(status, 200, "{}", case.line);
            let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
            assert_eq!(
                answer["total"].as_u64().unwrap() as usize,
                *expected,
                "{}",
                case.line
            );
            if n == 0 {
                api_target.times.push(took);
            }
            api_all.times.push(took);
        }
    }

    // One entry with its dependencies both ways, and the home page's counts.
    let built_on_others: Vec<&str> = registry
        .entries
        .iter()
        .filter(|e| !e.built_on.is_empty())
        .take(10)
        .map(|e| e.id.as_str())
        .collect();
    let mut entry_pages = Timed {
        label: format!(
            "entry page `/registry/{{id}}` with its dependencies, {} entries (HTML)",
            built_on_others.len()
        ),
        times: Vec::new(),
        target: None,
    };
    let mut home = Timed {
        label: "home page with the registry's counts (HTML)".to_owned(),
        times: Vec::new(),
        target: None,
    };
    for _ in 0..rounds {
        for id in &built_on_others {
            let (took, status, body) = get(&app, &format!("/registry/{id}")).await;
            assert_eq!(status, 200, "{id}");
            assert!(body.contains(id), "{id}");
            entry_pages.times.push(took);
        }
        let (took, status, _) = get(&app, "/").await;
        assert_eq!(status, 200);
        home.times.push(took);
    }

    builds.sort();
    println!(
        "### Registry: {count} generated entries (`cargo bench -p shinrai-server --bench registry{}`)\n",
        if quick { " -- --quick" } else { "" }
    );
    println!(
        "Generated in {:.2} s; written into SQLite through the store in {:.1} s. The target query \
         `{}` matches {target_total} entries.\n",
        generated.as_secs_f64(),
        written.as_secs_f64(),
        target.line
    );
    println!("| Measure | Runs | Median (ms) | p99 (ms) | Max (ms) | Target | Met |");
    println!("|---|---:|---:|---:|---:|---|---|");
    println!(
        "| build the index from {count} entries, in process | {} | {} | - | {} | - | - |",
        builds.len(),
        ms(percentile(&builds, 50.0)),
        ms(*builds.last().unwrap())
    );
    println!(
        "| first request: read {count} entries from SQLite and index them | 1 | {} | - | - | - | - |",
        ms(first)
    );
    println!("{}", searches.row());
    println!("{}", page_target.row());
    println!("{}", api_target.row());
    println!("{}", pages_all.row());
    println!("{}", api_all.row());
    println!("{}", entry_pages.row());
    println!("{}", home.row());
    println!(
        "\nIndex size: {index_mib:.0} MiB by its own count; the process grew by {:.0} MiB \
         building it, and by {:.0} MiB when the service read and indexed the registry \
         (entries and index).",
        with_index - before_index,
        loaded - before_load
    );
    store.close().await;
    let _ = std::fs::remove_dir_all(dir);
}
