//! The cascade over 100,000 services: which fall when some leave the registry.

use super::*;

pub(super) const SERVICES: usize = 100_000;
pub(super) const LEAVING: usize = 20;

pub(super) const CASCADE_TARGET: Target = Target {
    limit: Duration::from_secs(1),
    text: "< 1 s (aim < 100 ms)",
};

pub(super) fn bench_cascade(
    budget: &Budget,
    rows: &mut Vec<Row>,
    notes: &mut Vec<String>,
) -> Check {
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
pub(super) fn bench_json_syntax(budget: &Budget, rows: &mut Vec<Row>, text: &str) -> Check {
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

pub(super) fn bench_cascade_case(
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

pub(super) fn same_cascade(outcome: &CascadeOutcome, expected: &CascadeOutcome) -> Check {
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
pub(super) fn random_registry(random: &mut SeededRandom) -> CascadeCase {
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

pub(super) fn earlier_dependencies(random: &mut SeededRandom, service: usize) -> Vec<usize> {
    let mut dependencies = Vec::new();
    if service > 0 {
        for _ in 0..below(random, 4) {
            push_new(&mut dependencies, below(random, service));
        }
    }
    dependencies
}

pub(super) fn close_cycle(dependencies: &mut [Vec<usize>], service: usize, later: usize) {
    if let Some(list) = dependencies.get_mut(service) {
        push_new(list, later);
    }
    if let Some(list) = dependencies.get_mut(later) {
        push_new(list, service);
    }
}

/// About 5% had one of their dependencies evaluated in their own audit, and about 0.1% are not
/// currently registered.
pub(super) fn registry_entry(
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

pub(super) fn leaving_services(random: &mut SeededRandom) -> Vec<String> {
    let mut leaving = Vec::new();
    while leaving.len() < LEAVING {
        push_new(&mut leaving, below(random, SERVICES));
    }
    leaving.into_iter().map(service_id).collect()
}

pub(super) fn service_id(index: usize) -> String {
    format!("svc-{index:06}")
}

pub(super) fn cascade_json(case: &CascadeCase) -> String {
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

pub(super) fn describe_cascade(
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
pub(super) fn two_service_cycles(case: &CascadeCase) -> usize {
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
pub(super) fn grouped(number: usize) -> String {
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

pub(super) fn mega(bytes: usize) -> f64 {
    f64::from(u32::try_from(bytes).unwrap_or(u32::MAX)) / 1_000_000.0
}
