//! The demo registry shipped with shinrai: consistent with itself, the demo world and the demo
//! criteria, and varied enough to show every kind of entry.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::{HashMap, HashSet};

use shinrai_domain::criteria::demo::demo_criteria;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::registry::demo::demo_registry;
use shinrai_domain::registry::{
    EntryStatus, RegistryIndex, RegistryQuery, SortKey, above, below, broken_links,
};
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::{Bilingual, Lang};

/// Organisations of the demo world that the registry may name besides its own.
const WORLD_PROVIDERS: [&str; 3] = ["sakura-cloud-works", "kasumi-systems", "minato-data"];
const WORLD_AUDIT_BODIES: [&str; 2] = ["aoba-audit", "hikari-assurance"];

#[test]
fn every_reference_resolves_and_the_graph_has_no_cycle() {
    let registry = demo_registry().unwrap();
    let entries = &registry.entries;
    assert!(
        (20..=40).contains(&entries.len()),
        "{} entries",
        entries.len()
    );
    let providers: HashSet<&str> = registry
        .providers
        .iter()
        .map(|p| p.id.as_str())
        .chain(WORLD_PROVIDERS)
        .collect();
    let bodies: HashSet<&str> = registry
        .audit_bodies
        .iter()
        .map(|p| p.id.as_str())
        .chain(WORLD_AUDIT_BODIES)
        .collect();
    let objectives: HashSet<String> = demo_criteria()
        .unwrap()
        .groups
        .into_iter()
        .map(|g| g.id)
        .collect();
    let mut ids = HashSet::new();
    for entry in entries {
        assert!(ids.insert(entry.id.as_str()), "{} twice", entry.id);
        assert!(providers.contains(entry.provider.as_str()), "{}", entry.id);
        assert!(bodies.contains(entry.audit_body.as_str()), "{}", entry.id);
        assert!(entry.valid_until > entry.registered_on, "{}", entry.id);
        assert!(
            entry.audit_period.start < entry.audit_period.end,
            "{}",
            entry.id
        );
        assert_eq!(
            entry.history.last().map(|h| h.to),
            Some(entry.status),
            "{}",
            entry.id
        );
        assert!(
            entry.history.windows(2).all(|w| w[0].on <= w[1].on),
            "{}",
            entry.id
        );
        for objective in &entry.statement.objectives {
            assert!(objectives.contains(objective), "{}: {objective}", entry.id);
        }
        assert!(!entry.service_models.is_empty() && !entry.deployment_models.is_empty());
        for text in [&entry.service_name, &entry.description, &entry.availability] {
            assert!(
                !text.ja.trim().is_empty() && !text.en.trim().is_empty(),
                "{}",
                entry.id
            );
        }
    }
    assert_eq!(broken_links(entries), Vec::<String>::new());
}

#[test]
fn levels_and_statuses_follow_the_rules() {
    let registry = demo_registry().unwrap();
    let entries = &registry.entries;
    let by_id: HashMap<&str, _> = entries.iter().map(|e| (e.id.as_str(), e)).collect();
    let today = CalendarDate::new(2026, 11, 23).unwrap();
    for entry in entries {
        for base in &entry.built_on {
            assert!(
                entry.level <= by_id[base.as_str()].level,
                "{} above {base}",
                entry.id
            );
        }
        // The scheme's rule: the audit period's last day plus 16 months, to the month's end.
        assert_eq!(
            Some(entry.valid_until),
            shinrai_domain::registration::valid_until(entry.audit_period.end, 16),
            "{}",
            entry.id
        );
        // Registered on the first approval (renewals keep it), each approval after its audit.
        assert_eq!(
            entry.history.first().map(|h| h.on),
            Some(entry.registered_on),
            "{}",
            entry.id
        );
        let last_approval = entry
            .history
            .iter()
            .rev()
            .find(|h| h.to == EntryStatus::Registered)
            .map(|h| h.on);
        assert!(last_approval > Some(entry.audit_period.end), "{}", entry.id);
        match entry.status {
            EntryStatus::Registered | EntryStatus::Suspended => {
                assert!(
                    entry.valid_until >= today,
                    "{} is past its validity",
                    entry.id
                );
            }
            EntryStatus::Expired => assert!(entry.valid_until < today, "{}", entry.id),
            EntryStatus::Deregistered => {}
        }
    }
    for level in Level::ALL {
        assert!(entries.iter().any(|e| e.level == level), "no level {level}");
    }
    for status in EntryStatus::ALL {
        assert!(entries.iter().any(|e| e.status == status), "no {status:?}");
    }
    for model in ServiceModel::ALL {
        assert!(entries.iter().any(|e| e.offers(model)), "no {model}");
    }
    assert!(entries.iter().any(|e| !e.notices.is_empty()));
    // Chains: some SaaS sits on a PaaS that sits on an IaaS.
    assert!(
        entries
            .iter()
            .any(|e| below(entries, &e.id).iter().any(|r| r.depth >= 2))
    );
}

#[test]
fn search_finds_japanese_substrings_english_words_and_providers() {
    let registry = demo_registry().unwrap();
    let entries = &registry.entries;
    let names: HashMap<String, Bilingual> = registry
        .providers
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    let index = RegistryIndex::new(entries, &names).unwrap();
    let first = &entries[0];
    // A piece from the middle of a Japanese name finds its entry.
    let name: Vec<char> = first.service_name.ja.chars().collect();
    let piece: String = name[1..name.len().min(4)].iter().collect();
    let query = |text: &str| RegistryQuery {
        text: Some(text.to_owned()),
        ..RegistryQuery::default()
    };
    let found = index.search(&query(&piece), Lang::Ja);
    assert!(found.contains(&0), "{piece}");
    for position in &found {
        let e = &entries[*position];
        let haystack = format!("{} {} {}", e.service_name.ja, e.description.ja, e.provider);
        let provider = names.get(&e.provider).map(|n| n.ja.as_str()).unwrap_or("");
        assert!(
            haystack.contains(&piece) || provider.contains(&piece),
            "{}",
            e.id
        );
    }
    let english_word = first
        .service_name
        .en
        .split_whitespace()
        .next()
        .unwrap()
        .to_lowercase();
    assert!(index.search(&query(&english_word), Lang::En).contains(&0));
    let provider = &registry.providers[0];
    let by_provider = index.search(&query(&provider.name.ja), Lang::Ja);
    assert!(!by_provider.is_empty());
    assert!(
        by_provider
            .iter()
            .all(|p| entries[*p].provider == provider.id)
    );

    let level_two = RegistryQuery {
        level: Some(Level::MIDDLE),
        sort: SortKey::Name,
        ..RegistryQuery::default()
    };
    let sorted = index.search(&level_two, Lang::En);
    assert!(sorted.iter().all(|p| entries[*p].level == Level::MIDDLE));
    assert!(
        sorted
            .windows(2)
            .all(|w| { entries[w[0]].service_name.en <= entries[w[1]].service_name.en })
    );
    let newest = index.search(&RegistryQuery::default(), Lang::Ja);
    assert_eq!(newest.len(), entries.len());
    assert!(
        newest
            .windows(2)
            .all(|w| entries[w[0]].registered_on >= entries[w[1]].registered_on)
    );
}

#[test]
fn dependencies_are_found_both_ways() {
    let registry = demo_registry().unwrap();
    let entries = &registry.entries;
    for entry in entries {
        for reached in below(entries, &entry.id) {
            assert!(
                above(entries, &reached.id).iter().any(|r| r.id == entry.id),
                "{} is built on {} but not seen from it",
                entry.id,
                reached.id
            );
        }
    }
}
