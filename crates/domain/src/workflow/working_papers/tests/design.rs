//! Design: a technology outside the examples needs an equivalence judgement with grounds.

use super::*;

#[test]
fn a_technology_outside_the_examples_needs_an_equivalence_judgement_with_grounds() {
    let criteria = demo_criteria().unwrap();
    let audit = in_progress();
    let mut statement = submitted();
    let control_id = first_selected(&statement);
    statement.content.selected[0].technologies = vec!["own-vault".into()];
    let control = &criteria;
    let input = |equivalences: Vec<Equivalence>, effective: bool| DesignInput {
        control: control_id.clone(),
        effective,
        reason: text("設計は妥当", "the design meets the control"),
        equivalences,
    };
    let missing = judge_design(
        &audit,
        &statement,
        control,
        None,
        input(vec![], true),
        &auditor(),
        at(0),
    )
    .unwrap_err();
    assert_eq!(codes(missing), ["equivalence_missing"]);
    let not_equivalent = Equivalence {
        technology: "own-vault".into(),
        equivalent: false,
        grounds: text("鍵の分離がない", "keys are not separated"),
    };
    let contradicted = judge_design(
        &audit,
        &statement,
        control,
        None,
        input(vec![not_equivalent.clone()], true),
        &auditor(),
        at(1),
    )
    .unwrap_err();
    assert_eq!(codes(contradicted), ["not_equivalent"]);
    let judged = judge_design(
        &audit,
        &statement,
        control,
        None,
        input(vec![not_equivalent], false),
        &auditor(),
        at(2),
    )
    .unwrap()
    .state;
    assert_eq!(DesignResult::of(Some(&judged)), DesignResult::NotEffective);
    let stray = Equivalence {
        technology: "unnamed".into(),
        equivalent: true,
        grounds: text("x", "x"),
    };
    let stray = judge_design(
        &audit,
        &statement,
        control,
        None,
        input(
            vec![
                stray,
                Equivalence {
                    technology: "own-vault".into(),
                    equivalent: true,
                    grounds: text("同等", "equivalent"),
                },
            ],
            true,
        ),
        &auditor(),
        at(3),
    )
    .unwrap_err();
    assert_eq!(codes(stray), ["not_a_free_technology"]);
}
