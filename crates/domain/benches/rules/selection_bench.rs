//! An audit body's application to be selected, naming as many auditors as a case may (1,000).

use super::*;

pub(super) fn bench_selection(
    budget: &Budget,
    rows: &mut Vec<Row>,
    notes: &mut Vec<String>,
) -> Check {
    let (text, unqualified) = selection_json(&mut SeededRandom::new(4));
    let case = read_case(&text, SelectionCase::read).map_err(|error| error.describe(Lang::En))?;
    ensure(
        case.applicant.auditors.len() == selection::MAX_AUDITORS,
        || "the application does not name 1,000 auditors".to_owned(),
    )?;
    notes.push(format!(
        "selection: 1,000 auditors, {unqualified} of the signing ones short of a requirement; {} KB of JSON",
        text.len() / 1024
    ));
    let target = Target {
        limit: Duration::from_millis(10),
        text: "< 10 ms",
    };
    let data = RuleData::default();
    let selected = |outcome: &SelectionOutcome| selected_with(outcome, unqualified);
    bench(
        budget,
        rows,
        "selection, 1,000 auditors: parse + decide",
        Some(target),
        || decide(DecisionKind::Selection, black_box(&text), &data),
        |answer| match answer {
            Ok(Answer::Selection(outcome)) => selected(outcome),
            Ok(_) => Err("a selection case gave another kind of answer".to_owned()),
            Err(error) => Err(error.describe(Lang::En)),
        },
    )?;
    bench(
        budget,
        rows,
        "selection, 1,000 auditors: decide only",
        Some(target),
        || selection::decide(black_box(&case)),
        selected,
    )
}

/// Selected, with one finding for each signing auditor short of a requirement.
fn selected_with(outcome: &SelectionOutcome, unqualified: usize) -> Check {
    ensure(
        outcome.decision == selection::Decision::Select
            && outcome.findings.len() == unqualified
            && outcome
                .findings
                .iter()
                .all(|finding| finding.code == selection::FindingCode::AuditorNotQualified),
        || {
            format!(
                "expected a selection with {unqualified} findings, got {:?} with {}",
                outcome.decision,
                outcome.findings.len()
            )
        },
    )
}

/// A body whose every other auditor signs; about one signer in five lacks a qualification, the
/// years or the nationality. Returns the case and how many signers fall short.
fn selection_json(random: &mut SeededRandom) -> (String, usize) {
    const QUALIFICATIONS: [&str; 5] = ["CISSP", "CISA", "RISS", "CAIS", "CPA"];
    let mut unqualified = 0;
    let auditors: Vec<Value> = (0..selection::MAX_AUDITORS)
        .map(|index| {
            let signing = index % 2 == 0;
            let short = signing && one_in(random, 5);
            if short {
                unqualified += 1;
            }
            let (qualification, years, nationality) = match (short, below(random, 3)) {
                (true, 0) => ("CPA", 10, "JP"),
                (true, 1) => ("CISA", 1, "JP"),
                (true, _) => ("RISS", 10, "US"),
                (false, _) => (
                    QUALIFICATIONS
                        .get(below(random, 4))
                        .copied()
                        .unwrap_or("CISA"),
                    3 + below(random, 20),
                    "JP",
                ),
            };
            json!({
                "name": format!("Auditor {index:04}"),
                "qualifications": [qualification],
                "experience_years": years,
                "nationality": nationality,
                "signing": signing,
            })
        })
        .collect();
    let case = json!({
        "decided_on": "2026-04-01",
        "applicant": {
            "id": "bench-audit",
            "domestic_registration": true,
            "quality_control": "Every report is reviewed by a partner who took no part in the audit",
            "subcontracting_rules": "Nothing is subcontracted without the provider's written consent",
            "independence_declaration": true,
            "auditors": auditors,
        }
    });
    (case.to_string(), unqualified)
}
