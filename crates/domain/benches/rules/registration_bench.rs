//! A registration against 1,200 controls.

use super::*;

pub(super) const OBJECTIVES: usize = 300;
pub(super) const CONTROLS_PER_OBJECTIVE: usize = 4;

pub(super) fn bench_registration(
    budget: &Budget,
    rows: &mut Vec<Row>,
    notes: &mut Vec<String>,
) -> Check {
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

pub(super) fn registered(decision: &RegistrationDecision) -> Check {
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
pub(super) fn registration_json(random: &mut SeededRandom) -> String {
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
pub(super) fn objective_id(index: usize) -> String {
    format!(
        "{}.{}.{}",
        5 + index / 100,
        index / 10 % 10 + 1,
        index % 10 + 1
    )
}

/// A non-empty random subset of the three service models.
pub(super) fn random_service_models(random: &mut SeededRandom) -> Vec<&'static str> {
    let mask = 1 + below(random, 7);
    ["IaaS", "PaaS", "SaaS"]
        .into_iter()
        .enumerate()
        .filter(|(bit, _)| mask & (1 << bit) != 0)
        .map(|(_, name)| name)
        .collect()
}

pub(super) fn describe_registration(case: &RegistrationCase, json_bytes: usize) -> String {
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
