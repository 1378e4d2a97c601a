//! Timings of the decision rules at the sizes the project's issue sets targets for: a cascade
//! over 100,000 services, a registration and a statement pre-check against 1,200 controls, and
//! samples drawn from populations of 1,000,000 and of 1,000,000,000 (the largest allowed).
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
use shinrai_domain::text::Lang;
use shinrai_domain::{Answer, DecisionKind, RuleData, SeededRandom, decide};

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

// ---------------------------------------------------------------------------------------------
// Cascade
// ---------------------------------------------------------------------------------------------

const SERVICES: usize = 100_000;
const LEAVING: usize = 20;

const CASCADE_TARGET: Target = Target {
    limit: Duration::from_secs(1),
    text: "< 1 s (aim < 100 ms)",
};

fn bench_cascade(budget: &Budget, rows: &mut Vec<Row>, notes: &mut Vec<String>) -> Check {
    let random_leavers = random_registry(&mut SeededRandom::new(1));
    // The same registry when the service everything is built on leaves too: about half the
    // registry falls, so the answer itself runs to tens of thousands of names.
    let mut root_leaves = random_leavers.clone();
    root_leaves.leaving.push(service_id(0));
    bench_json_syntax(budget, rows, &cascade_json(&random_leavers))?;
    for (label, case) in [
        ("20 leave", random_leavers),
        ("root + 20 leave", root_leaves),
    ] {
        bench_cascade_case(budget, rows, notes, label, &case)?;
    }
    Ok(())
}

/// Only turning the text into a JSON tree, to show how much of "parse + decide" that is.
fn bench_json_syntax(budget: &Budget, rows: &mut Vec<Row>, text: &str) -> Check {
    bench(
        budget,
        rows,
        "cascade, 100,000 services: JSON syntax only (reference)",
        None,
        || parse_json(black_box(text)),
        |value| match value {
            Ok(value) => ensure(value.is_object(), || "the case is not an object".to_owned()),
            Err(error) => Err(error.describe(Lang::En)),
        },
    )
}

fn bench_cascade_case(
    budget: &Budget,
    rows: &mut Vec<Row>,
    notes: &mut Vec<String>,
    label: &str,
    case: &CascadeCase,
) -> Check {
    let text = cascade_json(case);
    let read = read_case(&text, CascadeCase::read).map_err(|error| error.describe(Lang::En))?;
    ensure(&read == case, || {
        "the cascade JSON does not read back as the case it was written from".to_owned()
    })?;
    let expected = cascade(case);
    ensure(!expected.deregistered.is_empty(), || {
        format!("the cascade where {label} deregisters nothing")
    })?;
    notes.push(describe_cascade(label, case, &expected, text.len()));

    let data = RuleData::default();
    bench(
        budget,
        rows,
        &format!("cascade, 100,000 services, {label}: parse + decide"),
        Some(CASCADE_TARGET),
        || decide(DecisionKind::Cascade, black_box(&text), &data),
        |answer| match answer {
            Ok(Answer::Cascade(outcome)) => same_cascade(outcome, &expected),
            Ok(_) => Err("a cascade case gave another kind of answer".to_owned()),
            Err(error) => Err(error.describe(Lang::En)),
        },
    )?;
    bench(
        budget,
        rows,
        &format!("cascade, 100,000 services, {label}: decide only"),
        Some(CASCADE_TARGET),
        || cascade(black_box(case)),
        |outcome| same_cascade(outcome, &expected),
    )
}

fn same_cascade(outcome: &CascadeOutcome, expected: &CascadeOutcome) -> Check {
    ensure(outcome == expected, || {
        format!(
            "cascade deregistered {} services, expected {}",
            outcome.deregistered.len(),
            expected.deregistered.len()
        )
    })
}

/// Services that depend on 0–3 earlier ones, so long chains form; about 1% also depend on a
/// later service that depends on them in turn, so every such pair is a cycle.
fn random_registry(random: &mut SeededRandom) -> CascadeCase {
    let mut dependencies: Vec<Vec<usize>> = (0..SERVICES)
        .map(|service| earlier_dependencies(random, service))
        .collect();
    for service in 0..SERVICES - 1 {
        if one_in(random, 100) {
            let later = service + 1 + below(random, SERVICES - service - 1);
            close_cycle(&mut dependencies, service, later);
        }
    }
    let registry = dependencies
        .into_iter()
        .enumerate()
        .map(|(service, depends_on)| registry_entry(random, service, &depends_on))
        .collect();
    CascadeCase {
        registry,
        leaving: leaving_services(random),
    }
}

fn earlier_dependencies(random: &mut SeededRandom, service: usize) -> Vec<usize> {
    let mut dependencies = Vec::new();
    if service > 0 {
        for _ in 0..below(random, 4) {
            push_new(&mut dependencies, below(random, service));
        }
    }
    dependencies
}

fn close_cycle(dependencies: &mut [Vec<usize>], service: usize, later: usize) {
    if let Some(list) = dependencies.get_mut(service) {
        push_new(list, later);
    }
    if let Some(list) = dependencies.get_mut(later) {
        push_new(list, service);
    }
}

/// About 5% had one of their dependencies evaluated in their own audit, and about 0.1% are not
/// currently registered.
fn registry_entry(
    random: &mut SeededRandom,
    service: usize,
    depends_on: &[usize],
) -> CascadeService {
    let evaluated = if !depends_on.is_empty() && one_in(random, 20) {
        depends_on.get(below(random, depends_on.len())).copied()
    } else {
        None
    };
    let status = if one_in(random, 1_000) {
        [
            RegistrationStatus::Suspended,
            RegistrationStatus::Expired,
            RegistrationStatus::Deregistered,
        ]
        .get(below(random, 3))
        .copied()
        .unwrap_or(RegistrationStatus::Suspended)
    } else {
        RegistrationStatus::Registered
    };
    CascadeService {
        service: service_id(service),
        status,
        depends_on: depends_on.iter().copied().map(service_id).collect(),
        underlying_evaluated_in_audit: evaluated.into_iter().map(service_id).collect(),
    }
}

fn leaving_services(random: &mut SeededRandom) -> Vec<String> {
    let mut leaving = Vec::new();
    while leaving.len() < LEAVING {
        push_new(&mut leaving, below(random, SERVICES));
    }
    leaving.into_iter().map(service_id).collect()
}

fn service_id(index: usize) -> String {
    format!("svc-{index:06}")
}

fn cascade_json(case: &CascadeCase) -> String {
    let registry: Vec<Value> = case
        .registry
        .iter()
        .map(|service| {
            json!({
                "service": service.service,
                "status": service.status.name(),
                "depends_on": service.depends_on,
                "underlying_evaluated_in_audit": service.underlying_evaluated_in_audit,
            })
        })
        .collect();
    json!({ "registry": registry, "leaving": case.leaving }).to_string()
}

fn describe_cascade(
    label: &str,
    case: &CascadeCase,
    outcome: &CascadeOutcome,
    json_bytes: usize,
) -> String {
    let dependencies: usize = case.registry.iter().map(|s| s.depends_on.len()).sum();
    let not_registered = case
        .registry
        .iter()
        .filter(|s| s.status != RegistrationStatus::Registered)
        .count();
    format!(
        "Cascade, {label}: {} services, {} dependencies ({} two-service cycles), {} not \
         registered, {} leaving; {:.1} MB of JSON. Outcome: {} deregistered, {} exempted.",
        grouped(case.registry.len()),
        grouped(dependencies),
        grouped(two_service_cycles(case)),
        grouped(not_registered),
        grouped(case.leaving.len()),
        mega(json_bytes),
        grouped(outcome.deregistered.len()),
        grouped(outcome.exempted.len()),
    )
}

/// Pairs of services that depend on each other, counted once each.
fn two_service_cycles(case: &CascadeCase) -> usize {
    let dependencies: HashMap<&str, &[String]> = case
        .registry
        .iter()
        .map(|service| (service.service.as_str(), service.depends_on.as_slice()))
        .collect();
    case.registry
        .iter()
        .flat_map(|service| {
            service
                .depends_on
                .iter()
                .map(move |dependency| (service.service.as_str(), dependency.as_str()))
        })
        .filter(|(service, dependency)| {
            service < dependency
                && dependencies
                    .get(dependency)
                    .is_some_and(|back| back.iter().any(|id| id == service))
        })
        .count()
}

/// `152484` as `152,484`, to match the names in the table.
fn grouped(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn mega(bytes: usize) -> f64 {
    f64::from(u32::try_from(bytes).unwrap_or(u32::MAX)) / 1_000_000.0
}

// ---------------------------------------------------------------------------------------------
// Registration
// ---------------------------------------------------------------------------------------------

const OBJECTIVES: usize = 300;
const CONTROLS_PER_OBJECTIVE: usize = 4;

fn bench_registration(budget: &Budget, rows: &mut Vec<Row>, notes: &mut Vec<String>) -> Check {
    let text = registration_json(&mut SeededRandom::new(2));
    let case =
        read_case(&text, RegistrationCase::read).map_err(|error| error.describe(Lang::En))?;
    ensure(
        case.criteria.controls.len() == OBJECTIVES * CONTROLS_PER_OBJECTIVE,
        || "the criteria do not hold 1,200 controls".to_owned(),
    )?;
    notes.push(describe_registration(&case, text.len()));

    let target = Target {
        limit: Duration::from_millis(10),
        text: "< 10 ms",
    };
    let data = RuleData::default();
    bench(
        budget,
        rows,
        "registration, 1,200 controls: parse + decide",
        Some(target),
        || decide(DecisionKind::Registration, black_box(&text), &data),
        |answer| match answer {
            Ok(Answer::Registration(decision)) => registered(decision),
            Ok(_) => Err("a registration case gave another kind of answer".to_owned()),
            Err(error) => Err(error.describe(Lang::En)),
        },
    )?;
    bench(
        budget,
        rows,
        "registration, 1,200 controls: decide only",
        Some(target),
        || registration::decide(black_box(&case)),
        registered,
    )
}

fn registered(decision: &RegistrationDecision) -> Check {
    ensure(
        decision.decision == Decision::Register
            && decision.level == Some(Level::MIDDLE)
            && decision.findings.is_empty(),
        || {
            format!(
                "expected a clean registration at level 2, got {} with {} findings",
                decision.decision.as_str(),
                decision.findings.len()
            )
        },
    )
}

/// A clean application at level 2 for IaaS and PaaS: every control selected and conformant,
/// every objective effective, except that about 5% of recommended controls are not conformant
/// and carry an accepted explanation (which still allows registration).
fn registration_json(random: &mut SeededRandom) -> String {
    let objectives: Vec<String> = (0..OBJECTIVES).map(objective_id).collect();
    let mut control_ids = Vec::new();
    let mut controls = Vec::new();
    let mut results = Vec::new();
    let mut explanations = Vec::new();
    for objective in &objectives {
        for number in 1..=CONTROLS_PER_OBJECTIVE {
            let id = format!("{objective}.{number}");
            let mandatory = one_in(random, 2);
            let conformant = mandatory || !one_in(random, 20);
            controls.push(json!({
                "id": id,
                "objective": objective,
                "mandatory": mandatory,
                "min_level": 1 + below(random, 3),
                "service_models": random_service_models(random),
            }));
            results.push(json!({
                "control": id,
                "conformant": conformant,
                "reason": "25 occurrences inspected against the procedure; see working paper",
            }));
            if !conformant {
                explanations.push(json!({ "control": id, "accepted": true }));
            }
            control_ids.push(id);
        }
    }
    let objective_results: Vec<Value> = objectives
        .iter()
        .map(|objective| {
            json!({
                "objective": objective,
                "effective": true,
                "reason": "the controls together meet the objective",
            })
        })
        .collect();
    json!({
        "criteria": {
            "version": "2024.1",
            "objectives": objectives.iter().map(|id| json!({ "id": id })).collect::<Vec<_>>(),
            "controls": controls,
        },
        "application": {
            "service": "example-cloud",
            "target_level": 2,
            "service_models": ["IaaS", "PaaS"],
            "registered_scope": "Example Cloud compute and managed database",
            "depends_on": ["base-dc", "base-dns", "old-auth"],
            "underlying_evaluated_in_audit": ["old-auth"],
        },
        "registry": [
            { "service": "base-dc", "status": "registered", "level": 3 },
            { "service": "base-dns", "status": "registered", "level": 2 },
            { "service": "old-auth", "status": "expired", "level": 1 },
        ],
        "audit_body": {
            "id": "audit-body-1",
            "status": "selected",
            "valid_from": "2023-01-01",
            "valid_until": "2026-12-31",
        },
        "signing_auditor": {
            "name": "auditor-1",
            "qualifications": ["CISA"],
            "experience_years": 8,
            "nationality": "JP",
        },
        "audit": {
            "period_start": "2024-04-01",
            "period_end": "2025-03-31",
            "audited_scope": "Example Cloud compute and managed database",
        },
        "statement": {
            "selected": control_ids,
            "excluded": [],
        },
        "report": { "objectives": objective_results, "controls": results },
        "explanations": explanations,
    })
    .to_string()
}

/// Three-part ids like the scheme's (e.g. `5.1.1`), unique for up to 1,000 objectives.
fn objective_id(index: usize) -> String {
    format!(
        "{}.{}.{}",
        5 + index / 100,
        index / 10 % 10 + 1,
        index % 10 + 1
    )
}

/// A non-empty random subset of the three service models.
fn random_service_models(random: &mut SeededRandom) -> Vec<&'static str> {
    let mask = 1 + below(random, 7);
    ["IaaS", "PaaS", "SaaS"]
        .into_iter()
        .enumerate()
        .filter(|(bit, _)| mask & (1 << bit) != 0)
        .map(|(_, name)| name)
        .collect()
}

fn describe_registration(case: &RegistrationCase, json_bytes: usize) -> String {
    let controls = &case.criteria.controls;
    let mandatory = controls.iter().filter(|c| c.mandatory).count();
    format!(
        "Registration: {} objectives, {} controls ({mandatory} mandatory), all selected; \
         {} accepted explanations; {:.2} MB of JSON. Decision: register at level 2.",
        grouped(case.criteria.objectives.len()),
        grouped(controls.len()),
        case.explanations.len(),
        mega(json_bytes),
    )
}

// ---------------------------------------------------------------------------------------------
// Pre-check
// ---------------------------------------------------------------------------------------------

/// Governance and management items, as many as the scheme's criteria hold.
const GOVERNANCE_ITEMS: usize = 20;
const MANAGEMENT_ITEMS: usize = 40;

fn bench_precheck(budget: &Budget, rows: &mut Vec<Row>, notes: &mut Vec<String>) -> Check {
    let (text, level_3_items) = precheck_json(&mut SeededRandom::new(3));
    let case = read_case(&text, PrecheckCase::read).map_err(|error| error.describe(Lang::En))?;
    ensure(
        case.criteria.controls.len() == OBJECTIVES * CONTROLS_PER_OBJECTIVE,
        || "the criteria do not hold 1,200 controls".to_owned(),
    )?;
    notes.push(describe_precheck(&case, level_3_items, text.len()));

    let target = Target {
        limit: Duration::from_millis(10),
        text: "< 10 ms",
    };
    let data = RuleData::default();
    let reaches_level_2 = |outcome: &PrecheckOutcome| ready_for_level_2(outcome, level_3_items);
    bench(
        budget,
        rows,
        "precheck, 1,200 controls: parse + decide",
        Some(target),
        || decide(DecisionKind::Precheck, black_box(&text), &data),
        |answer| match answer {
            Ok(Answer::Precheck(outcome)) => reaches_level_2(outcome),
            Ok(_) => Err("a precheck case gave another kind of answer".to_owned()),
            Err(error) => Err(error.describe(Lang::En)),
        },
    )?;
    bench(
        budget,
        rows,
        "precheck, 1,200 controls: decide only",
        Some(target),
        || precheck::check(black_box(&case)),
        reaches_level_2,
    )
}

/// Clean at levels 1 and 2; at level 3 only the level-3 items the statement leaves out.
fn ready_for_level_2(outcome: &PrecheckOutcome, level_3_items: usize) -> Check {
    let counts = outcome.findings_by_level.map(|(_, count)| count);
    ensure(
        outcome.reachable_level == Some(Level::MIDDLE)
            && outcome.findings.is_empty()
            && counts == [0, 0, level_3_items],
        || {
            format!(
                "expected level 2 reachable with findings {:?}, got {:?} with {:?}",
                [0, 0, level_3_items],
                outcome.reachable_level,
                counts
            )
        },
    )
}

/// A statement at level 2 for IaaS and PaaS against 1,200 controls: every control selected with
/// an individual control and one of its technology examples, about one in four also naming a
/// product of its own with a rationale; every governance and management item up to level 2
/// implemented, the level-3 ones not yet stated. Returns the case and how many level-3 items it
/// leaves out.
fn precheck_json(random: &mut SeededRandom) -> (String, usize) {
    let objectives: Vec<String> = (0..OBJECTIVES).map(objective_id).collect();
    let mut controls = Vec::new();
    let mut selected = Vec::new();
    for objective in &objectives {
        for number in 1..=CONTROLS_PER_OBJECTIVE {
            let id = format!("{objective}.{number}");
            let examples: Vec<String> = (1..=1 + below(random, 3))
                .map(|example| format!("tech-{number}-{example}"))
                .collect();
            let own_product = one_in(random, 4);
            let mut technologies = vec![examples.first().cloned().unwrap_or_default()];
            if own_product {
                technologies.push(format!("Example Cloud {id} service"));
            }
            controls.push(json!({
                "id": id,
                "objective": objective,
                "mandatory": one_in(random, 2),
                "min_level": 1 + below(random, 3),
                "service_models": random_service_models(random),
                "technology_examples": examples,
            }));
            selected.push(json!({
                "control": id,
                "individual_control": "Operators follow the documented procedure; changes are approved and logged",
                "technologies": technologies,
                "rationale": if own_product { "Our own service does what the example does, reviewed yearly" } else { "" },
            }));
        }
    }
    let mut level_3_items = 0;
    let mut items = |prefix: &str, count: usize| -> (Vec<Value>, Vec<Value>) {
        let mut criteria = Vec::new();
        let mut statement = Vec::new();
        for index in 1..=count {
            let id = format!("{prefix}.{}.{}", 1 + index / 5, 1 + index % 5);
            let min_level = 1 + below(random, 3);
            criteria.push(json!({ "id": id, "min_level": min_level }));
            if min_level == 3 {
                level_3_items += 1;
            } else {
                statement.push(json!({ "item": id, "status": "implemented" }));
            }
        }
        (criteria, statement)
    };
    let (governance, stated_governance) = items("G", GOVERNANCE_ITEMS);
    let (management, stated_management) = items("M", MANAGEMENT_ITEMS);
    let case = json!({
        "criteria": {
            "version": "2024.1",
            "governance": governance,
            "management": management,
            "objectives": objectives.iter().map(|id| json!({ "id": id })).collect::<Vec<_>>(),
            "controls": controls,
        },
        "application": {
            "service": "example-cloud",
            "target_level": 2,
            "service_models": ["IaaS", "PaaS"],
            "depends_on": ["base-dc", "old-auth"],
            "underlying_evaluated_in_audit": ["old-auth"],
        },
        "registry": [
            { "service": "base-dc", "status": "registered", "level": 3 },
            { "service": "old-auth", "status": "expired", "level": 1 },
        ],
        "statement": {
            "governance": stated_governance,
            "management": stated_management,
            "selected": selected,
            "excluded": [],
        },
    });
    (case.to_string(), level_3_items)
}

fn describe_precheck(case: &PrecheckCase, level_3_items: usize, json_bytes: usize) -> String {
    let criteria = &case.criteria;
    let free_names = case
        .statement
        .selected
        .iter()
        .filter(|selection| selection.technologies.len() > 1)
        .count();
    format!(
        "Precheck: {} controls, {} governance and {} management items; every control selected, \
         {} naming a product of their own with a rationale; {} level-3 items not yet stated; \
         {:.2} MB of JSON. Answer: level 2 reachable, {} findings at level 3.",
        grouped(criteria.controls.len()),
        criteria.governance.len(),
        criteria.management.len(),
        grouped(free_names),
        level_3_items,
        mega(json_bytes),
        level_3_items,
    )
}

// ---------------------------------------------------------------------------------------------
// Sampling
// ---------------------------------------------------------------------------------------------

const POPULATION: u64 = 1_000_000;

fn bench_sampling(budget: &Budget, rows: &mut Vec<Row>) -> Check {
    let cases = [
        (
            "sample, population 1,000,000: daily default (20)",
            POPULATION,
            None,
            20,
        ),
        (
            "sample, population 1,000,000: table 1,000 (largest allowed)",
            POPULATION,
            Some(MAX_TABLE_SIZE),
            MAX_TABLE_SIZE,
        ),
        (
            "sample, population 1,000,000,000: table 1,000 (largest case allowed)",
            MAX_POPULATION,
            Some(MAX_TABLE_SIZE),
            MAX_TABLE_SIZE,
        ),
    ];
    let data = RuleData::default();
    for (name, population, table_size, expected_size) in cases {
        let text = sample_json(population, table_size);
        bench(
            budget,
            rows,
            name,
            None,
            || decide(DecisionKind::Sample, black_box(&text), &data),
            |answer| match answer {
                Ok(Answer::Sample(sample)) => valid_sample(sample, population, expected_size),
                Ok(_) => Err("a sample case gave another kind of answer".to_owned()),
                Err(error) => Err(error.describe(Lang::En)),
            },
        )?;
    }
    Ok(())
}

fn sample_json(population: u64, table_size: Option<u64>) -> String {
    let mut case = json!({ "frequency": "daily", "population": population, "seed": 20_240_401 });
    if let (Some(size), Some(fields)) = (table_size, case.as_object_mut()) {
        fields.insert("table".to_owned(), json!({ "daily": size }));
    }
    case.to_string()
}

/// The right number of distinct occurrences, ascending, within the population.
fn valid_sample(sample: &Sample, population: u64, expected_size: u64) -> Check {
    let count = u64::try_from(sample.items.len()).unwrap_or(u64::MAX);
    let ascending = sample
        .items
        .windows(2)
        .all(|pair| pair.first() < pair.last());
    let in_range = sample.items.first().is_some_and(|&first| first >= 1)
        && sample.items.last().is_some_and(|&last| last <= population);
    ensure(
        sample.sample_size == expected_size && count == expected_size && ascending && in_range,
        || {
            format!(
                "expected {expected_size} distinct ascending items in 1..={population}, got {} \
                 (sample_size {})",
                sample.items.len(),
                sample.sample_size
            )
        },
    )
}
