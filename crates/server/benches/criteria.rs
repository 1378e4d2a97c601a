//! Criteria benchmarks: importing the NIST SP 800-53 catalog with its LOW/MODERATE/HIGH profiles
//! as levels 1-3 into SQLite (read, resolve, store, in process), and control searches through the
//! whole HTTP stack of the service (routing, authorisation, store lookup, search, JSON).
//!
//!     cargo bench -p shinrai-server --bench criteria            # full run
//!     cargo bench -p shinrai-server --bench criteria -- --quick # smoke run
//!
//! Needs the shared OSCAL files ($SHINRAI_OSCAL_DATA or ../shared/data/oscal). Prints Markdown.

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

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use shinrai_formats::oscal_criteria;
use shinrai_server::{AppState, Config};
use shinrai_store::model::ChangeBy;
use shinrai_store::{Store, StoreConfig};
use tower::ServiceExt;

fn data_dir() -> PathBuf {
    [
        std::env::var_os("SHINRAI_OSCAL_DATA").map(PathBuf::from),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/oscal")),
        Some(PathBuf::from("/work/shared/data/oscal")),
    ]
    .into_iter()
    .flatten()
    .find(|dir| dir.join("NIST_SP-800-53_rev5_catalog.json").is_file())
    .expect("the shared OSCAL files: set SHINRAI_OSCAL_DATA")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

async fn fresh_store(label: &str) -> (Arc<Store>, PathBuf) {
    let dir = std::env::temp_dir().join(format!("shinrai-bench-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::open(&StoreConfig {
        data_dir: dir.clone(),
        database_url: None,
        checkpoint_every: 100,
    })
    .await
    .unwrap();
    (Arc::new(store), dir)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let data = data_dir();
    let catalog = data.join("NIST_SP-800-53_rev5_catalog.json");
    let profiles: Vec<PathBuf> = ["LOW", "MODERATE", "HIGH"]
        .iter()
        .map(|level| data.join(format!("NIST_SP-800-53_rev5_{level}-baseline_profile.json")))
        .collect();

    // --- import ----------------------------------------------------------------------------
    let runs = if quick { 1 } else { 5 };
    let mut imports = Vec::new();
    let mut stores = Vec::new();
    for run in 0..runs {
        let (store, dir) = fresh_store(&format!("import-{run}")).await;
        let started = Instant::now();
        let imported = oscal_criteria::import_catalog(&catalog, &profiles, "nist-r5").unwrap();
        store
            .create_criteria(&imported.version, &ChangeBy::system(1))
            .await
            .unwrap();
        imports.push(started.elapsed());
        let counts = imported.version.counts();
        assert_eq!(counts.by_level, [149, 287, 370], "the import is wrong");
        stores.push((store, dir));
    }
    imports.sort();

    // --- search ----------------------------------------------------------------------------
    let (store, dir) = stores.pop().unwrap();
    // The public searches published criteria.
    store
        .publish_criteria(
            "nist-r5",
            shinrai_domain::date::CalendarDate::new(2026, 11, 23).unwrap(),
            None,
            &ChangeBy::system(2),
        )
        .await
        .unwrap();
    let app = shinrai_server::router(AppState::new(&Config::default(), store.clone()));
    let queries = [
        "q=account",
        "q=audit%20log",
        "q=encrypt&level=2",
        "q=incident",
        "q=backup&level=1",
        "q=Assignment",
        "q=organization-defined&per_page=500",
        "q=information%20system",
        "q=cryptographic%20key",
        "q=zzzz-nothing",
        "level=3&per_page=500",
        "ref=NIST:AC-2",
        "q=control&model=SaaS&mandatory=true",
        "q=%E6%9A%97%E5%8F%B7",
    ];
    let rounds = if quick { 5 } else { 100 };
    let mut times = Vec::new();
    let mut found = 0_u64;
    for _ in 0..rounds {
        for query in queries {
            let uri = format!("/api/v1/criteria/nist-r5/controls?{query}");
            let started = Instant::now();
            let response = app
                .clone()
                .oneshot(Request::get(&uri).body(Body::empty()).unwrap())
                .await
                .unwrap();
            let status = response.status();
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            times.push(started.elapsed());
            assert_eq!(status, 200, "{uri}");
            let page: serde_json::Value = serde_json::from_slice(&body).unwrap();
            found += page["total"].as_u64().unwrap();
        }
    }
    assert!(found > 0, "the searches found nothing");
    times.sort();

    println!(
        "### Criteria: import and search (`cargo bench -p shinrai-server --bench criteria`)\n"
    );
    println!("| Measure | Runs | Median (ms) | p99 (ms) | Max (ms) | Target | Met |");
    println!("|---|---:|---:|---:|---:|---|---|");
    let median = percentile(&imports, 50.0);
    println!(
        "| Import NIST catalog + LOW/MODERATE/HIGH as levels into SQLite (in process) | {} | {} | {} | {} | < 3 s | {} |",
        imports.len(),
        ms(median),
        ms(percentile(&imports, 99.0)),
        ms(*imports.last().unwrap()),
        if median < Duration::from_secs(3) {
            "yes"
        } else {
            "NO"
        }
    );
    let p99 = percentile(&times, 99.0);
    println!(
        "| Control search over NIST through the HTTP stack ({} queries) | {} | {} | {} | {} | p99 < 20 ms | {} |",
        queries.len(),
        times.len(),
        ms(percentile(&times, 50.0)),
        ms(p99),
        ms(*times.last().unwrap()),
        if p99 < Duration::from_millis(20) {
            "yes"
        } else {
            "NO"
        }
    );
    stores.push((store, dir));
    for (store, dir) in stores {
        store.close().await;
        let _ = std::fs::remove_dir_all(dir);
    }
}
