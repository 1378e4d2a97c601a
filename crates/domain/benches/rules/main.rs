//! Timings of the decision rules at the sizes the project's issue sets targets for: a cascade
//! over 100,000 services, a registration and a statement pre-check against 1,200 controls,
//! samples drawn from populations of 1,000,000 and of 1,000,000,000 (the largest allowed), and
//! the selection of an audit body naming 1,000 auditors, and where 100,000 registrations stand
//! after 1,000,000 events.
//!
//! `cargo bench -p shinrai-domain --bench rules` runs the full set; add `-- --quick` for a smoke
//! run. Every result is checked against what the case must give, so a rule that returned early
//! would fail the run instead of looking fast. The table on stdout is Markdown, ready to paste
//! into `docs/benchmarks.md`.

// Reading the clock and printing a table is the whole point of this binary, whereas the domain
// crate forbids both for its rules.
#![allow(clippy::disallowed_methods, clippy::print_stdout)]

use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use shinrai_domain::cascade::{CascadeCase, CascadeOutcome, CascadeService, cascade};
use shinrai_domain::case::{parse_json, read_case};
use shinrai_domain::level::Level;
use shinrai_domain::precheck::{self, PrecheckCase, PrecheckOutcome};
use shinrai_domain::registration::{
    self, Decision, RegistrationCase, RegistrationDecision, RegistrationStatus,
};
use shinrai_domain::sampling::{MAX_POPULATION, MAX_TABLE_SIZE, Sample};
use shinrai_domain::selection::{self, SelectionCase, SelectionOutcome};
use shinrai_domain::text::Lang;
use shinrai_domain::{Answer, DecisionKind, RuleData, SeededRandom, decide};

mod cascade_bench;
mod lifecycle_bench;
mod precheck_bench;
mod registration_bench;
mod sample_bench;
mod selection_bench;

use cascade_bench::*;
use lifecycle_bench::*;
use precheck_bench::*;
use registration_bench::*;
use sample_bench::*;
use selection_bench::*;

// The same allocator as the `shinrai` binary, so the figures match what users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A failed check or an unreadable generated case; either ends the run.
type Check = Result<(), String>;

fn main() -> Check {
    let budget = Budget::from_args();
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    bench_cascade(&budget, &mut rows, &mut notes)?;
    bench_registration(&budget, &mut rows, &mut notes)?;
    bench_precheck(&budget, &mut rows, &mut notes)?;
    bench_sampling(&budget, &mut rows)?;
    bench_selection(&budget, &mut rows, &mut notes)?;
    bench_lifecycle(&budget, &mut rows, &mut notes)?;
    print_report(&budget, &rows, &notes);
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

/// How long to warm up and how many timed runs to make.
struct Budget {
    quick: bool,
    warm_up: Duration,
    min_iterations: usize,
    min_total: Duration,
    /// Keeps microsecond benchmarks from taking a million runs to fill `min_total`.
    max_iterations: usize,
}

impl Budget {
    /// Cargo passes `--bench` (and any filter) to a `harness = false` bench; only `--quick`
    /// means anything here, the rest is ignored.
    fn from_args() -> Budget {
        if std::env::args().any(|arg| arg == "--quick") {
            Budget {
                quick: true,
                warm_up: Duration::from_millis(50),
                min_iterations: 3,
                min_total: Duration::from_millis(100),
                max_iterations: 1_000,
            }
        } else {
            Budget {
                quick: false,
                warm_up: Duration::from_millis(500),
                min_iterations: 10,
                min_total: Duration::from_secs(1),
                max_iterations: 100_000,
            }
        }
    }
}

/// One line of the results table.
struct Row {
    name: String,
    target: Option<Target>,
    times: Summary,
}

#[derive(Clone, Copy)]
struct Target {
    limit: Duration,
    text: &'static str,
}

struct Summary {
    iterations: usize,
    min: Duration,
    median: Duration,
    p95: Duration,
    max: Duration,
}

/// Warms up, then times `run` until both the iteration and the time minimums are met. Each
/// result is checked while the clock is stopped, so checking costs nothing in the figures;
/// freeing the result is timed, because every caller pays for that too.
fn measure<T>(
    budget: &Budget,
    mut run: impl FnMut() -> T,
    check: impl Fn(&T) -> Check,
) -> Result<Summary, String> {
    let warm_up_started = Instant::now();
    loop {
        check(&black_box(run()))?;
        if warm_up_started.elapsed() >= budget.warm_up {
            break;
        }
    }
    let mut times = Vec::new();
    let mut total = Duration::ZERO;
    while times.len() < budget.max_iterations
        && (times.len() < budget.min_iterations || total < budget.min_total)
    {
        let started = Instant::now();
        let result = black_box(run());
        let ran = started.elapsed();
        check(&result)?;
        let freeing = Instant::now();
        drop(result);
        let took = ran + freeing.elapsed();
        times.push(took);
        total += took;
    }
    summarize(times).ok_or_else(|| "no timed iterations".to_owned())
}

fn summarize(mut times: Vec<Duration>) -> Option<Summary> {
    times.sort_unstable();
    Some(Summary {
        iterations: times.len(),
        min: *times.first()?,
        median: percentile(&times, 50)?,
        p95: percentile(&times, 95)?,
        max: *times.last()?,
    })
}

/// Nearest-rank percentile of sorted times.
fn percentile(sorted: &[Duration], percent: usize) -> Option<Duration> {
    let rank = (sorted.len() * percent).div_ceil(100);
    sorted.get(rank.saturating_sub(1)).copied()
}

fn bench<T>(
    budget: &Budget,
    rows: &mut Vec<Row>,
    name: &str,
    target: Option<Target>,
    run: impl FnMut() -> T,
    check: impl Fn(&T) -> Check,
) -> Check {
    let times = measure(budget, run, check).map_err(|problem| format!("{name}: {problem}"))?;
    rows.push(Row {
        name: name.to_owned(),
        target,
        times,
    });
    Ok(())
}

fn ensure(holds: bool, problem: impl FnOnce() -> String) -> Check {
    if holds { Ok(()) } else { Err(problem()) }
}

fn print_report(budget: &Budget, rows: &[Row], notes: &[String]) {
    if budget.quick {
        println!("_Quick run (`--quick`): too few iterations for the figures to be trusted._\n");
    }
    println!(
        "| Benchmark | Iterations | Min (ms) | Median (ms) | p95 (ms) | Max (ms) | Target | p95 within target |"
    );
    println!("|---|---:|---:|---:|---:|---:|---|---|");
    for row in rows {
        let times = &row.times;
        let (target, verdict) = match row.target {
            Some(target) => (
                target.text,
                if times.p95 <= target.limit {
                    "yes"
                } else {
                    "**no**"
                },
            ),
            None => ("-", "-"),
        };
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            row.name,
            times.iterations,
            millis(times.min),
            millis(times.median),
            millis(times.p95),
            millis(times.max),
            target,
            verdict,
        );
    }
    println!();
    for note in notes {
        println!("- {note}");
    }
}

/// Milliseconds, with one more decimal below 1 ms so microsecond runs keep two figures.
fn millis(time: Duration) -> String {
    let millis = time.as_secs_f64() * 1_000.0;
    if millis < 1.0 {
        format!("{millis:.4}")
    } else {
        format!("{millis:.3}")
    }
}

// ---------------------------------------------------------------------------------------------
// Random data
// ---------------------------------------------------------------------------------------------

/// A uniform index in `0..bound` (0 when `bound` is 0).
fn below(random: &mut SeededRandom, bound: usize) -> usize {
    let bound = u64::try_from(bound).unwrap_or(u64::MAX);
    usize::try_from(random.below(bound)).unwrap_or(0)
}

/// True about once in `times` draws.
fn one_in(random: &mut SeededRandom, times: usize) -> bool {
    below(random, times) == 0
}

fn push_new(list: &mut Vec<usize>, item: usize) {
    if !list.contains(&item) {
        list.push(item);
    }
}
