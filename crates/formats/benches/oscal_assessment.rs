//! Timing of a signed audit report exported as OSCAL assessment results: 1,200 controls, each
//! with its work line and 30 evidence hashes, 120 control objectives; each run builds the
//! results (the report's hash included) and writes them as JSON text, as a download does.
//!
//! `cargo bench -p shinrai-formats --bench oscal_assessment` (`-- --quick` for a smoke run).

// Reading the clock and printing a table is what a benchmark is for.
#![allow(clippy::disallowed_methods, clippy::print_stdout)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use shinrai_domain::text::Lang;
use shinrai_domain::workflow::report::AuditReport;
use shinrai_formats::oscal_assessment::{assessment_plan, assessment_results};
use shinrai_testdata::report::large_report;

// The same allocator as the `shinrai` binary, so the figures match what users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CONTROLS: usize = 1_200;
const EVIDENCE: usize = 30;

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn text(report: &AuditReport) -> Result<String, String> {
    serde_json::to_string(&assessment_results(report, Lang::Ja)).map_err(|e| e.to_string())
}

fn main() -> Result<(), String> {
    let quick = std::env::args().any(|arg| arg == "--quick");
    let runs = if quick { 3 } else { 30 };
    let report = large_report(CONTROLS, EVIDENCE);

    let mut json = text(&report)?; // warm up
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        json = black_box(text(&report)?);
        times.push(started.elapsed());
    }
    times.sort_unstable();
    let hashes = json.matches("evidence-sha256").count();
    if hashes != CONTROLS * EVIDENCE {
        return Err(format!(
            "the results hold {hashes} evidence hashes, not {}",
            CONTROLS * EVIDENCE
        ));
    }
    let started = Instant::now();
    let plan =
        serde_json::to_string(&assessment_plan(&report, Lang::Ja)).map_err(|e| e.to_string())?;
    let plan_time = started.elapsed();

    // The run at `percent` of the sorted times, rounded to the nearest.
    let at = |percent: usize| {
        let index = ((times.len() - 1) * percent + 50) / 100;
        times.get(index).copied().unwrap_or_default()
    };
    println!("| Benchmark | Runs | Min (ms) | Median (ms) | p99 (ms) | Max (ms) | JSON (KiB) |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    println!(
        "| results: 1,200 controls × 30 evidence hashes | {runs} | {:.1} | {:.1} | {:.1} | {:.1} | {} |",
        millis(at(0)),
        millis(at(50)),
        millis(at(99)),
        millis(at(100)),
        json.len() / 1024
    );
    println!(
        "| plan (one run) | 1 | {:.1} | | | | {} |",
        millis(plan_time),
        plan.len() / 1024
    );
    println!();
    println!("median / 1 s target = {:.3}", at(50).as_secs_f64());
    Ok(())
}
