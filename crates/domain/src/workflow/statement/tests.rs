use super::*;
use crate::accounts::{OrgKind, Role};
use crate::criteria::Part;
use crate::criteria::demo::{demo_criteria, demo_next_draft};
use crate::text::Bilingual;
use crate::workflow::service::tests::{details, member, provider};
use crate::workflow::service::{self};

pub fn service() -> Service {
    service::create("svc-a".into(), details(), &provider(), Moment::at(1))
        .unwrap()
        .state
}

/// The detailed controls that apply to the test service (SaaS) at level 1, in criteria order.
pub fn applicable_controls(criteria: &CriteriaVersion) -> Vec<String> {
    criteria
        .controls
        .iter()
        .filter(|control| {
            control.part == Part::Control
                && control.min_level == Level::LOW
                && control
                    .service_models
                    .contains(&crate::service_model::ServiceModel::SaaS)
        })
        .map(|control| control.id.clone())
        .collect()
}

fn governance_item(criteria: &CriteriaVersion) -> String {
    criteria
        .controls
        .iter()
        .find(|control| control.part == Part::Governance)
        .map(|control| control.id.clone())
        .unwrap()
}

pub fn selected(control: &str) -> SelectedControl {
    SelectedControl {
        control: control.to_owned(),
        individual_control: Bilingual::new("手順書に従い実施", "done by the runbook"),
        responsibility: Responsibility::Csp,
        technologies: vec!["free-tech".into()],
        rationale: Bilingual::new("同等", "equivalent"),
    }
}

/// Every applicable control addressed: all selected but the last recommended one, excluded.
pub fn content(criteria: &CriteriaVersion) -> StatementContent {
    let controls = applicable_controls(criteria);
    let excluded = controls
        .iter()
        .rev()
        .find(|id| !criteria.control(id).unwrap().mandatory)
        .unwrap()
        .clone();
    StatementContent {
        governance: vec![ItemAnswer {
            item: governance_item(criteria),
            status: ItemStatus::Implemented,
            description: Bilingual::new("取締役会で承認", "approved by the board"),
        }],
        management: vec![],
        selected: controls
            .iter()
            .filter(|id| **id != excluded)
            .map(|id| selected(id))
            .collect(),
        excluded: vec![ExcludedControl {
            control: excluded,
            reason: Bilingual::new("対象外", "out of scope"),
        }],
        documents: vec![],
    }
}

pub fn draft() -> Statement {
    let criteria = demo_criteria().unwrap();
    let first = start(
        "st-1".into(),
        &service(),
        None,
        &criteria,
        Level::LOW,
        &provider(),
        Moment::at(2),
    )
    .unwrap()
    .state;
    replace(
        &first,
        &criteria,
        Level::LOW,
        content(&criteria),
        &provider(),
        Moment::at(3),
    )
    .unwrap()
    .state
}

#[test]
fn the_first_version_is_an_empty_draft_of_its_service() {
    let criteria = demo_criteria().unwrap();
    let change = start(
        "st-1".into(),
        &service(),
        None,
        &criteria,
        Level::HIGH,
        &provider(),
        Moment::at(2),
    )
    .unwrap();
    let statement = change.state;
    assert_eq!(statement.version, 1);
    assert_eq!(statement.previous, None);
    assert_eq!(statement.status, StatementStatus::Draft);
    assert_eq!(statement.content, StatementContent::default());
    assert_eq!(change.event.action, "statement.start");
    let back: Statement =
        serde_json::from_value(change.event.payload["statement"].clone()).unwrap();
    assert_eq!(back, statement);
}

#[test]
fn a_new_version_copies_the_latest_and_differs_from_it_only_where_edited() {
    let criteria = demo_criteria().unwrap();
    let first = draft();
    let submitted = submit(&first, &provider(), Moment::at(4)).unwrap().state;
    let second = start(
        "st-2".into(),
        &service(),
        Some(&submitted),
        &criteria,
        Level::LOW,
        &provider(),
        Moment::at(5),
    )
    .unwrap()
    .state;
    assert_eq!(second.version, 2);
    assert_eq!(second.previous.as_deref(), Some("st-1"));
    assert_eq!(second.content, submitted.content);
    assert!(differences(&submitted.content, &second.content).is_empty());

    let mut edited = second.content.clone();
    let moved = edited.selected.remove(0);
    edited.excluded.push(ExcludedControl {
        control: moved.control.clone(),
        reason: Bilingual::new("不要", "not needed"),
    });
    edited.selected[0].technologies.push("another".into());
    let found = differences(&submitted.content, &edited);
    let mut expected = vec![
        Difference {
            subject: moved.control.clone(),
            kind: DifferenceKind::NowExcluded,
        },
        Difference {
            subject: edited.selected[0].control.clone(),
            kind: DifferenceKind::Changed,
        },
    ];
    expected.sort_by(|a, b| a.subject.cmp(&b.subject));
    assert_eq!(found, expected);
}

#[test]
fn moving_to_other_criteria_keeps_only_what_they_still_have() {
    let first = draft();
    let mut next = demo_next_draft().unwrap();
    let dropped = first.content.selected[0].control.clone();
    next.controls.retain(|control| control.id != dropped);
    let kept = first.content.kept_for(&next);
    assert_eq!(kept.selected.len(), first.content.selected.len() - 1);
    assert!(kept.selected(&dropped).is_none());
    // A draft criteria version cannot carry a statement.
    assert_eq!(
        start(
            "st-2".into(),
            &service(),
            Some(&first),
            &next,
            Level::LOW,
            &provider(),
            Moment::at(9)
        )
        .unwrap_err()
        .code(),
        "invalid"
    );
}

#[test]
fn a_submitted_statement_never_changes_again() {
    let criteria = demo_criteria().unwrap();
    let submitted = submit(&draft(), &provider(), Moment::at(4)).unwrap();
    assert_eq!(submitted.event.action, "statement.submit");
    let statement = submitted.state;
    assert_eq!(statement.submitted_at_ms, Some(4));
    let frozen = Refusal::Conflict(Conflict::StatementFrozen {
        statement: "st-1".into(),
    });
    assert_eq!(
        replace(
            &statement,
            &criteria,
            Level::LOW,
            StatementContent::default(),
            &provider(),
            Moment::at(5)
        ),
        Err(frozen.clone())
    );
    assert_eq!(submit(&statement, &provider(), Moment::at(5)), Err(frozen));
}

#[test]
fn only_the_owner_writes_its_statements() {
    let criteria = demo_criteria().unwrap();
    let other = member("csp2", OrgKind::Provider, &[Role::Provider]);
    let reviewer = member("op", OrgKind::Operator, &[Role::OperatorReviewer]);
    for by in [&other, &reviewer] {
        let refused = Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
        assert_eq!(
            start(
                "st-9".into(),
                &service(),
                None,
                &criteria,
                Level::LOW,
                by,
                Moment::at(2)
            ),
            refused
        );
        assert_eq!(
            replace(
                &draft(),
                &criteria,
                Level::LOW,
                StatementContent::default(),
                by,
                Moment::at(2)
            ),
            refused
        );
        assert_eq!(submit(&draft(), by, Moment::at(2)), refused);
    }
}

#[test]
fn unknown_controls_duplicates_and_misplaced_items_are_named_and_nothing_changes() {
    let criteria = demo_criteria().unwrap();
    let statement = draft();
    let mut bad = content(&criteria);
    let item = bad.governance[0].item.clone();
    bad.selected.push(selected("99.9.9.9"));
    bad.selected.push(bad.selected[0].clone());
    bad.excluded.push(ExcludedControl {
        control: item.clone(),
        reason: Bilingual::new("x", "x"),
    });
    bad.management.push(ItemAnswer {
        item,
        status: ItemStatus::Partial,
        description: Bilingual::new("", ""),
    });
    bad.selected[1].technologies = vec![" ".into(), "a".into(), "a".into()];
    let unknown = bad.selected.len() - 2;
    let Err(Refusal::Invalid(errors)) = replace(
        &statement,
        &criteria,
        Level::LOW,
        bad,
        &provider(),
        Moment::at(9),
    ) else {
        panic!("expected invalid content");
    };
    let found: Vec<(String, &str)> = errors.iter().map(|e| (e.field.clone(), e.code)).collect();
    assert_eq!(
        found,
        [
            ("/management/0/item".into(), "unknown_item"),
            ("/selected/1/technologies/0".into(), "invalid_technology"),
            ("/selected/1/technologies/2".into(), "duplicate"),
            (format!("/selected/{unknown}/control"), "unknown_control"),
            (format!("/selected/{}/control", unknown + 1), "duplicate"),
            ("/excluded/1/control".into(), "unknown_control"),
        ]
    );
}
