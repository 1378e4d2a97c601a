//! A statement pre-check against 1,200 controls and 60 governance and management items.

use super::*;

/// Governance and management items, as many as the scheme's criteria hold.
pub(super) const GOVERNANCE_ITEMS: usize = 20;
pub(super) const MANAGEMENT_ITEMS: usize = 40;

pub(super) fn bench_precheck(
    budget: &Budget,
    rows: &mut Vec<Row>,
    notes: &mut Vec<String>,
) -> Check {
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
pub(super) fn ready_for_level_2(outcome: &PrecheckOutcome, level_3_items: usize) -> Check {
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
pub(super) fn precheck_json(random: &mut SeededRandom) -> (String, usize) {
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

pub(super) fn describe_precheck(
    case: &PrecheckCase,
    level_3_items: usize,
    json_bytes: usize,
) -> String {
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
