use super::*;
use crate::registry::demo::demo_registry;

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

/// A registered demo entry renamed `id`, valid until `valid_until`, built on `built_on`.
pub fn entry(id: &str, valid_until: &str, built_on: &[&str]) -> RegistryEntry {
    let mut entry = demo_registry()
        .unwrap()
        .entries
        .into_iter()
        .find(|entry| entry.status == EntryStatus::Registered)
        .unwrap();
    entry.id = id.to_owned();
    entry.valid_until = day(valid_until);
    entry.registered_on = day("2025-01-10");
    entry.built_on = built_on.iter().map(|base| (*base).to_owned()).collect();
    entry.history = vec![StatusChange {
        on: day("2025-01-10"),
        to: EntryStatus::Registered,
        reason: Bilingual::new("登録", "registered"),
    }];
    entry.notices = Vec::new();
    entry
}

fn at(text: &str) -> i64 {
    // Noon in Japan on that day.
    day(text).days_since_epoch() * 86_400_000 + 3 * 3_600_000
}

fn renewal(entry: &str, submitted: &str, status: ApplicationStatus, updated: &str) -> Application {
    Application {
        id: format!("app-{entry}"),
        service: format!("svc-{entry}"),
        provider: "csp".into(),
        audit: "au-1".into(),
        audit_body: "ab".into(),
        kind: ApplicationKind::Renewal,
        status,
        submitted_at_ms: at(submitted),
        renews: Some(entry.to_owned()),
        explanations: Vec::new(),
        decision: None,
        approval: None,
        registry_entry: None,
        updated_at_ms: at(updated),
    }
}

struct World {
    entries: Vec<RegistryEntry>,
    applications: Vec<Application>,
    evaluated: BTreeMap<String, Vec<String>>,
}

impl World {
    fn facts(&self) -> RegistryFacts<'_> {
        RegistryFacts {
            entries: &self.entries,
            applications: &self.applications,
            evaluated_in_audit: &self.evaluated,
        }
    }
}

/// A base that expired on 2027-04-01, a chain and a spared service on it, a renewal under
/// review past its end, a rejected one, a suspended entry and one still valid.
fn world() -> World {
    let mut suspended = entry("C-SUSP", "2028-03-31", &[]);
    suspended.status = EntryStatus::Suspended;
    suspended.history.push(StatusChange {
        on: day("2027-02-01"),
        to: EntryStatus::Suspended,
        reason: Bilingual::new("調査中", "under investigation"),
    });
    let entries = vec![
        entry("C-BASE", "2027-03-31", &[]),
        entry("C-MID", "2028-03-31", &["C-BASE"]),
        entry("C-TOP", "2028-03-31", &["C-MID", "C-GONE-ELSEWHERE"]),
        entry("C-SPARED", "2028-03-31", &["C-BASE"]),
        entry("C-REVIEW", "2027-03-31", &[]),
        entry("C-REJECTED", "2027-03-31", &[]),
        entry("C-ON-SUSPENDED", "2028-03-31", &["C-SUSP"]),
        suspended,
        entry("C-VALID", "2028-03-31", &["C-REVIEW"]),
    ];
    let applications = vec![
        renewal(
            "C-REVIEW",
            "2027-03-01",
            ApplicationStatus::UnderReview,
            "2027-03-05",
        ),
        renewal(
            "C-REJECTED",
            "2027-03-01",
            ApplicationStatus::Rejected,
            "2027-04-10",
        ),
    ];
    let mut evaluated = BTreeMap::new();
    evaluated.insert("C-SPARED".to_owned(), vec!["C-BASE".to_owned()]);
    World {
        entries,
        applications,
        evaluated,
    }
}

#[test]
fn the_run_expires_the_lapsed_and_brings_down_what_is_built_on_them() {
    let world = world();
    let planned = plan(world.facts(), day("2027-05-01"));
    let expected = vec![
        Planned {
            entry: "C-BASE".into(),
            fall: Fall::Expired {
                since: day("2027-04-01"),
            },
        },
        Planned {
            entry: "C-MID".into(),
            fall: Fall::Cascade {
                because: "C-BASE".into(),
                since: day("2027-04-01"),
            },
        },
        Planned {
            entry: "C-REJECTED".into(),
            fall: Fall::Expired {
                since: day("2027-04-11"),
            },
        },
        Planned {
            entry: "C-TOP".into(),
            fall: Fall::Cascade {
                because: "C-MID".into(),
                since: day("2027-04-01"),
            },
        },
    ];
    assert_eq!(planned, expected);
}

#[test]
fn before_the_end_of_validity_nothing_falls() {
    let world = world();
    assert!(plan(world.facts(), day("2027-03-31")).is_empty());
}

#[test]
fn applied_changes_are_dated_by_the_fall_noticed_and_logged_by_the_system() {
    let world = world();
    let at = Moment::at(at("2027-05-01"));
    let planned = plan(world.facts(), day("2027-05-01"));
    let mut entries = world.entries.clone();
    for one in &planned {
        let position = entries.iter().position(|e| e.id == one.entry).unwrap();
        let change = apply(&entries[position], one, at);
        let next = &change.state;
        let last = next.history.last().unwrap();
        assert_eq!(last.on, one.fall.since());
        assert_eq!(next.notices.last().unwrap().on, one.fall.since());
        assert_eq!(change.event.actor, "system");
        assert_eq!(change.event.org, "");
        assert_eq!(change.event.subject, one.entry);
        assert_eq!(
            change.event.payload["entry"],
            serde_json::to_value(next).unwrap()
        );
        match &one.fall {
            Fall::Expired { .. } => {
                assert_eq!(next.status, EntryStatus::Expired);
                assert_eq!(change.event.action, EXPIRED);
            }
            Fall::Cascade { because, .. } => {
                assert_eq!(next.status, EntryStatus::Deregistered);
                assert_eq!(change.event.action, FELL_IN_CASCADE);
                assert!(
                    next.notices
                        .last()
                        .unwrap()
                        .body
                        .en
                        .contains(because.as_str())
                );
                assert!(
                    next.notices
                        .last()
                        .unwrap()
                        .body
                        .ja
                        .contains(because.as_str())
                );
            }
        }
        entries[position] = change.state;
    }
    // Run again on the stored result: nothing left to do, on that day or a later one.
    let again = World { entries, ..world };
    assert!(plan(again.facts(), day("2027-05-01")).is_empty());
    assert!(plan(again.facts(), day("2027-05-02")).is_empty());
}

#[test]
fn the_case_carries_stored_statuses_and_renewals_as_events() {
    let world = world();
    let case = lifecycle_case(world.facts(), day("2027-05-01"));
    let kinds: Vec<(String, EventKind, String)> = case
        .events
        .iter()
        .map(|event| (event.service.clone(), event.kind, event.on.to_string()))
        .collect();
    assert!(kinds.contains(&(
        "C-REVIEW".into(),
        EventKind::RenewalApplied,
        "2027-03-01".into()
    )));
    assert!(kinds.contains(&(
        "C-REJECTED".into(),
        EventKind::RenewalRejected,
        "2027-04-10".into()
    )));
    assert!(kinds.contains(&("C-SUSP".into(), EventKind::Suspended, "2027-02-01".into())));
    let top = case
        .registrations
        .iter()
        .find(|registration| registration.service == "C-TOP")
        .unwrap();
    assert_eq!(
        top.depends_on,
        ["C-MID"],
        "a base outside the registry is left out"
    );
}
