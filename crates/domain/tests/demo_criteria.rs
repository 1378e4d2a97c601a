//! The demo criteria shipped with shinrai: complete, consistent, and shaped like the scheme's.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::HashSet;

use shinrai_domain::criteria::demo::demo_criteria;
use shinrai_domain::criteria::{Actor, Part, check};
use shinrai_domain::level::Level;

/// The controls of ISO/IEC 27002:2013, chapters 5 to 18, by chapter.
const CLAUSES: [(u32, &[(u32, u32)]); 14] = [
    (5, &[(1, 2)]),
    (6, &[(1, 5), (2, 2)]),
    (7, &[(1, 2), (2, 3), (3, 1)]),
    (8, &[(1, 4), (2, 3), (3, 3)]),
    (9, &[(1, 2), (2, 6), (3, 1), (4, 5)]),
    (10, &[(1, 2)]),
    (11, &[(1, 6), (2, 9)]),
    (
        12,
        &[(1, 4), (2, 1), (3, 1), (4, 4), (5, 1), (6, 2), (7, 1)],
    ),
    (13, &[(1, 3), (2, 4)]),
    (14, &[(1, 3), (2, 9), (3, 1)]),
    (15, &[(1, 3), (2, 2)]),
    (16, &[(1, 7)]),
    (17, &[(1, 3), (2, 1)]),
    (18, &[(1, 5), (2, 3)]),
];

const CLOUD_CLAUSES: [&str; 7] = [
    "CLD.6.3.1",
    "CLD.8.1.5",
    "CLD.9.5.1",
    "CLD.9.5.2",
    "CLD.12.1.5",
    "CLD.12.4.5",
    "CLD.13.1.4",
];

fn expected_objectives() -> Vec<String> {
    let mut ids = Vec::new();
    for (chapter, sections) in CLAUSES {
        for (section, count) in sections {
            for number in 1..=*count {
                ids.push(format!("{chapter}.{section}.{number}"));
            }
        }
    }
    ids
}

#[test]
fn the_demo_criteria_pass_their_own_check() {
    let version = demo_criteria().unwrap();
    let findings = check(&version);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn every_control_clause_has_an_objective() {
    let version = demo_criteria().unwrap();
    let objectives: HashSet<&str> = version
        .groups
        .iter()
        .filter(|g| g.part == Part::Control)
        .map(|g| g.id.as_str())
        .collect();
    let expected = expected_objectives();
    assert_eq!(expected.len(), 114);
    for id in expected.iter().map(String::as_str).chain(CLOUD_CLAUSES) {
        assert!(objectives.contains(id), "no objective {id}");
    }
    assert_eq!(objectives.len(), 114 + CLOUD_CLAUSES.len());
}

#[test]
fn the_counts_meet_the_scheme_and_every_attribute_is_filled() {
    let version = demo_criteria().unwrap();
    let counts = version.counts();
    assert!(counts.governance >= 10, "{counts:?}");
    assert!(counts.management >= 20, "{counts:?}");
    assert!(counts.controls >= 250, "{counts:?}");
    // Some controls at every level, some from level 2, some only at level 3.
    let at = |level: Level| {
        version
            .controls
            .iter()
            .filter(|c| c.part == Part::Control && c.min_level == level)
            .count()
    };
    for level in Level::ALL {
        assert!(
            at(level) >= 25,
            "only {} controls from level {level}",
            at(level)
        );
    }
    assert!(counts.by_level[0] < counts.by_level[1] && counts.by_level[1] < counts.by_level[2]);
    for control in &version.controls {
        assert!(!control.technology_examples.is_empty(), "{}", control.id);
        assert!(!control.references.is_empty(), "{}", control.id);
    }
    let controls = || version.controls.iter().filter(|c| c.part == Part::Control);
    assert!(controls().filter(|c| c.integrity).count() >= 25);
    assert!(controls().filter(|c| c.availability).count() >= 25);
    assert!(controls().filter(|c| !c.mandatory).count() >= 25);
    assert!(controls().any(|c| c.actor == Actor::Both));
    assert!(controls().any(|c| c.actor == Actor::Customer));
    assert!(controls().any(|c| c.service_models.len() < 3));
}

#[test]
fn the_scheme_lessons_are_in_the_text() {
    let version = demo_criteria().unwrap();
    let find = |words: &[&str]| {
        version.controls.iter().any(|c| {
            words
                .iter()
                .all(|w| c.text.ja.contains(w) || c.text.en.to_lowercase().contains(w))
        })
    };
    assert!(find(&["バックアップ"]), "backups");
    assert!(find(&["restore"]), "tested restore");
    assert!(find(&["delet", "contract"]), "deletion at contract end");
    assert!(find(&["tenant"]), "tenant isolation");
    assert!(find(&["privileged"]), "privileged access");
    assert!(find(&["log", "customer"]), "logs offered to customers");
    assert!(find(&["location"]) || find(&["region"]), "data location");
    assert!(
        find(&["change", "notif"]) || find(&["change", "notice"]),
        "change notification"
    );
}

#[test]
fn the_draft_revision_differs_as_it_says() {
    use shinrai_domain::criteria::demo::demo_next_draft;
    use shinrai_domain::criteria::{Attribute, Status, diff};
    let old = demo_criteria().unwrap();
    let new = demo_next_draft().unwrap();
    assert_eq!(new.status, Status::Draft);
    assert!(check(&new).is_empty(), "{:#?}", check(&new));
    let d = diff(&old, &new);
    assert_eq!(d.added, vec!["12.3.1.5", "CLD.12.4.5.5"]);
    assert_eq!(d.removed, vec!["11.2.3.2"]);
    let changed: Vec<(&str, &[Attribute])> = d
        .changed
        .iter()
        .map(|c| (c.id.as_str(), c.attributes.as_slice()))
        .collect();
    assert_eq!(
        changed,
        vec![
            ("M.3.5", &[Attribute::Level][..]),
            ("9.4.2.2", &[Attribute::TechnologyExamples][..]),
            ("9.4.2.3", &[Attribute::Level][..]),
            ("12.3.1.4", &[Attribute::Text][..])
        ]
    );
    // The added log export and the earlier threat information are only recommended: nothing
    // newly required of anyone.
    assert_eq!(d.newly_required[0], vec!["9.4.2.3"]);
    assert_eq!(d.newly_required[1], vec!["12.3.1.5"]);
    assert_eq!(d.newly_required[2], vec!["12.3.1.5"]);
}

#[test]
fn technology_examples_are_named_by_short_ids() {
    use shinrai_domain::criteria::{example_problems, is_valid_example_id};
    use shinrai_domain::service_model::ServiceModel;
    let version = demo_criteria().unwrap();
    let controls: Vec<_> = version
        .controls
        .iter()
        .filter(|c| c.part == Part::Control)
        .collect();
    let with_examples = controls
        .iter()
        .filter(|c| !c.technology_examples.is_empty())
        .count();
    assert!(with_examples * 10 >= controls.len() * 9, "{with_examples}");
    for control in &version.controls {
        assert!(example_problems(&control.technology_examples).is_empty());
        for example in &control.technology_examples {
            assert!(is_valid_example_id(&example.id), "{}", example.id);
            assert!(!example.name.ja.trim().is_empty(), "{}", control.id);
            assert!(!example.name.en.trim().is_empty(), "{}", control.id);
        }
    }
    // A provider of a SaaS at level 2 has examples to cite beyond level 1.
    let saas_from_two = controls
        .iter()
        .filter(|c| c.min_level == Level::MIDDLE && c.service_models.contains(&ServiceModel::SaaS))
        .filter(|c| !c.technology_examples.is_empty())
        .count();
    assert!(saas_from_two >= 25, "{saas_from_two}");
    let mfa = version.control("9.4.2.2").unwrap();
    assert!(mfa.technology_example("fido2").is_some());
}

#[test]
fn governance_and_management_items_have_levels_and_models() {
    use shinrai_domain::service_model::ServiceModel;
    let version = demo_criteria().unwrap();
    let items: Vec<_> = version
        .controls
        .iter()
        .filter(|c| c.part != Part::Control)
        .collect();
    for level in Level::ALL {
        assert!(
            items.iter().any(|c| c.min_level == level),
            "no item from level {level}"
        );
    }
    let not_for_iaas: Vec<&str> = items
        .iter()
        .filter(|c| !c.service_models.contains(&ServiceModel::IaaS))
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(not_for_iaas, vec!["G.2.4", "G.2.5", "M.3.6"]);
    let saas_only = version.control("G.2.5").unwrap();
    assert!(saas_only.applies(Level::HIGH, &[ServiceModel::SaaS]));
    assert!(!saas_only.applies(Level::MIDDLE, &[ServiceModel::SaaS]));
    assert!(!saas_only.applies(Level::HIGH, &[ServiceModel::IaaS, ServiceModel::PaaS]));
}
