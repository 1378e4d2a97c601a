//! Fills a new data directory with a generated registry, for benchmarks and for trying the
//! service at scale: `shinrai serve --data-dir DIR` then serves it.
//!
//!     cargo run --release -p shinrai-server --example seed_registry -- DIR [ENTRIES] [SEED]
//!
//! ENTRIES defaults to 100,000 and SEED to 2026; the same seed gives the same registry. The
//! entries go through the store's own API (each with its log event), as the service would
//! write them. An example rather than a `shinrai` command: generated data is test scaffolding
//! and stays out of the product (see the shinrai-testdata crate).

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use shinrai_store::model::ChangeBy;
use shinrai_store::{Store, StoreConfig};
use shinrai_testdata::registry::generate_registry;

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: seed_registry DIR [ENTRIES] [SEED]");
        return ExitCode::from(2);
    };
    let number = |at: usize, default: u64| match args.get(at) {
        Some(text) => text.replace('_', "").parse::<u64>().ok(),
        None => Some(default),
    };
    let (Some(count), Some(seed)) = (number(1, 100_000), number(2, 2026)) else {
        eprintln!("seed_registry: ENTRIES and SEED are whole numbers");
        return ExitCode::from(2);
    };
    let Ok(count) = usize::try_from(count) else {
        eprintln!("seed_registry: too many entries");
        return ExitCode::from(2);
    };
    match seed_registry(dir, count, seed).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("seed_registry: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn seed_registry(dir: PathBuf, count: usize, seed: u64) -> Result<(), String> {
    if dir.join(shinrai_store::DATABASE_FILE).exists() {
        return Err(format!("{} already holds a database", dir.display()));
    }
    let started = Instant::now();
    let registry = generate_registry(count, seed);
    let generated = started.elapsed();
    let store = Store::open(&StoreConfig {
        data_dir: dir.clone(),
        database_url: None,
        checkpoint_every: 1_000,
    })
    .await
    .map_err(|e| e.to_string())?;
    // Recorded as written on 2026-11-23, the day the generated statuses hold on.
    let by = ChangeBy::system(1_795_392_000_000);
    let written = shinrai_server::demo::add_registry(&store, &registry, &by)
        .await
        .map_err(|e| e.to_string());
    store.close().await;
    written?;
    println!(
        "{} entries ({} providers, {} audit bodies) into {}: generated in {:.1} s, written in {:.1} s",
        registry.entries.len(),
        registry.providers.len(),
        registry.audit_bodies.len(),
        dir.display(),
        generated.as_secs_f64(),
        (started.elapsed() - generated).as_secs_f64()
    );
    Ok(())
}
