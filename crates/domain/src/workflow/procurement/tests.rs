use super::*;
use crate::accounts::{OrgKind, Role};
use crate::date::CalendarDate;
use crate::level::Level;
use crate::policy::Member;
use crate::registry::demo::demo_entry;
use crate::registry::{EntryStatus, RegistryEntry};
use crate::service_model::ServiceModel;
use crate::text::{Bilingual, Lang};
use crate::workflow::lifecycle_run::Fall;
use crate::workflow::notification::NotificationKind;
use crate::workflow::notification::user_messages::{ServiceNews, ServiceUser, to_user};
use crate::workflow::registry_status::StatusMove;
use crate::workflow::service::tests::member;
use crate::workflow::{Conflict, Moment, NotAllowed, Refusal};

fn procurer(org: &str) -> Member {
    Member {
        user_id: "procurer".into(),
        ..member(org, OrgKind::Procurer, &[Role::Procurer])
    }
}

/// 2026-11-02 and the day `days` later.
fn on_day(days: i64) -> Moment {
    Moment::at(1_793_577_600_000 + days * 86_400_000)
}

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn level(n: u8) -> Level {
    Level::new(n).unwrap()
}

fn details(levels: &[u8], aggregate: Option<u8>, availability: u8) -> SystemDetails {
    SystemDetails {
        name: Bilingual::new("住民窓口予約", "Resident appointments"),
        function: Bilingual::new("国民向けサービス", "Service to residents"),
        information: levels
            .iter()
            .enumerate()
            .map(|(n, l)| InformationItem {
                name: Bilingual::new(format!("情報{n}"), format!("information {n}")),
                confidentiality: level(*l),
            })
            .collect(),
        aggregate_confidentiality: aggregate.map(level),
        availability: level(availability),
        models: vec![ServiceModel::SaaS],
    }
}

fn system(org: &str) -> InformationSystem {
    create_system(
        "sys-1".into(),
        details(&[1, 2], None, 1),
        &procurer(org),
        on_day(0),
    )
    .unwrap()
    .state
}

#[test]
fn a_system_is_classified_by_its_highest_information_and_kept_by_its_organisation() {
    let change = create_system(
        "sys-1".into(),
        details(&[1, 2], None, 3),
        &procurer("city"),
        on_day(0),
    )
    .unwrap();
    let system = change.state;
    assert_eq!(system.class, "C2-I-A3");
    assert_eq!(system.registry_level, level(2));
    assert_eq!(system.org, "city");
    assert_eq!(system.history.len(), 1);
    assert_eq!(system.history[0].on, day("2026-11-02"));
    assert_eq!(change.event.action, SYSTEM_CREATED);
    assert_eq!(change.event.payload["system"]["class"], "C2-I-A3");
    // The case the classification rule reads carries the texts in the language asked.
    assert_eq!(
        system.details.case(Lang::En).information[1].name,
        "information 1"
    );

    let aggregated = details(&[1, 1], Some(3), 1);
    assert_eq!(aggregated.class(), "C3-I-A1");
}

#[test]
fn only_procurement_staff_record_systems_and_only_their_own_revise_them() {
    let provider = member("sakura", OrgKind::Provider, &[Role::Provider]);
    let refused = create_system("sys-1".into(), details(&[1], None, 1), &provider, on_day(0));
    assert_eq!(
        refused.unwrap_err(),
        Refusal::NotAllowed(NotAllowed::NotAProcurer)
    );
    let kept = system("city");
    let other = revise_system(&kept, details(&[3], None, 1), &procurer("town"), on_day(1));
    assert_eq!(
        other.unwrap_err(),
        Refusal::NotAllowed(NotAllowed::NotTheProcurer)
    );
}

#[test]
fn every_problem_of_a_system_is_named_at_its_field() {
    let mut bad = details(&[], None, 1);
    bad.name = Bilingual::new("", "");
    bad.models = vec![ServiceModel::SaaS, ServiceModel::SaaS];
    let Err(Refusal::Invalid(errors)) =
        create_system("new".into(), bad, &procurer("city"), on_day(0))
    else {
        panic!("expected invalid");
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["/id", "/name", "/information", "/models/1"]);
}

#[test]
fn a_revision_adds_a_history_line_only_when_the_class_changes() {
    let kept = system("city");
    let renamed = {
        let mut same = details(&[1, 2], None, 1);
        same.name = Bilingual::new("予約", "Bookings");
        revise_system(&kept, same, &procurer("city"), on_day(1)).unwrap()
    };
    assert_eq!(renamed.state.history.len(), 1);
    assert_eq!(renamed.state.details.name.en, "Bookings");
    assert_eq!(renamed.event.action, SYSTEM_REVISED);
    let raised = revise_system(
        &renamed.state,
        details(&[3], None, 2),
        &procurer("city"),
        on_day(2),
    )
    .unwrap()
    .state;
    assert_eq!(raised.class, "C3-I-A2");
    assert_eq!(raised.registry_level, level(3));
    let classes: Vec<&str> = raised.history.iter().map(|h| h.class.as_str()).collect();
    assert_eq!(classes, ["C2-I-A1", "C3-I-A2"]);
}

fn usage_draft(from: &str, until: Option<&str>) -> UsageDraft {
    UsageDraft {
        from: day(from),
        until: until.map(day),
        note: Bilingual::new("予約受付", "Bookings"),
    }
}

#[test]
fn a_usage_is_recorded_once_per_period_and_ended_once() {
    let kept = system("city");
    let registered = demo_entry("C23-0001");
    let by = procurer("city");
    let first = record_usage(
        "use-1".into(),
        &kept,
        &registered,
        usage_draft("2026-04-01", None),
        &[],
        &by,
        on_day(0),
    )
    .unwrap();
    assert_eq!(first.state.status, UsageStatus::Open);
    assert_eq!(first.event.action, USAGE_RECORDED);
    assert!(first.state.in_use_on(day("2026-11-02")));
    assert!(!first.state.in_use_on(day("2026-03-31")));

    let overlapping = record_usage(
        "use-2".into(),
        &kept,
        &registered,
        usage_draft("2025-04-01", Some("2026-04-01")),
        std::slice::from_ref(&first.state),
        &by,
        on_day(0),
    );
    assert_eq!(overlapping.unwrap_err().code(), "usage_overlaps");
    // The day before it began does not overlap.
    record_usage(
        "use-2".into(),
        &kept,
        &registered,
        usage_draft("2025-04-01", Some("2026-03-31")),
        std::slice::from_ref(&first.state),
        &by,
        on_day(0),
    )
    .unwrap();

    let too_early = end_usage(&first.state, day("2026-03-01"), &by, on_day(1));
    let Err(Refusal::Invalid(errors)) = too_early else {
        panic!("expected invalid");
    };
    assert_eq!(errors[0].field, "/until");
    let ended = end_usage(&first.state, day("2026-12-31"), &by, on_day(1)).unwrap();
    assert_eq!(ended.state.status, UsageStatus::Ended);
    assert!(ended.state.in_use_on(day("2026-12-31")));
    assert!(!ended.state.in_use_on(day("2027-01-01")));
    assert_eq!(
        end_usage(&ended.state, day("2027-01-31"), &by, on_day(2)).unwrap_err(),
        Refusal::Conflict(Conflict::UsageEnded {
            usage: "use-1".into()
        })
    );
    assert_eq!(
        end_usage(
            &ended.state,
            day("2027-01-31"),
            &procurer("town"),
            on_day(2)
        )
        .unwrap_err(),
        Refusal::NotAllowed(NotAllowed::NotTheProcurer)
    );
}

#[test]
fn a_service_out_of_the_registry_is_recorded_only_with_its_last_day() {
    let kept = system("city");
    let mut gone = demo_entry("C23-0001");
    gone.status = EntryStatus::Expired;
    let by = procurer("city");
    let open = record_usage(
        "use-1".into(),
        &kept,
        &gone,
        usage_draft("2024-04-01", None),
        &[],
        &by,
        on_day(0),
    );
    let Err(Refusal::Invalid(errors)) = open else {
        panic!("expected invalid");
    };
    assert_eq!(
        (errors[0].field.as_str(), errors[0].code),
        ("/until", "required")
    );
    let past = record_usage(
        "use-1".into(),
        &kept,
        &gone,
        usage_draft("2024-04-01", Some("2025-03-31")),
        &[],
        &by,
        on_day(0),
    )
    .unwrap();
    assert_eq!(past.state.status, UsageStatus::Ended);
}

fn usage(
    id: &str,
    org: &str,
    system: &str,
    entry: &str,
    from: &str,
    until: Option<&str>,
) -> ServiceUsage {
    ServiceUsage {
        id: id.into(),
        system: system.into(),
        org: org.into(),
        entry: entry.into(),
        service: None,
        from: day(from),
        until: until.map(day),
        note: Bilingual::new("", ""),
        recorded_by: "procurer".into(),
        recorded_at_ms: 0,
        status: if until.is_some() {
            UsageStatus::Ended
        } else {
            UsageStatus::Open
        },
    }
}

#[test]
fn the_users_of_a_service_are_the_organisations_using_it_that_day() {
    let usages = [
        usage("u1", "city", "sys-b", "C23-0001", "2026-01-01", None),
        usage("u2", "city", "sys-a", "C23-0001", "2026-01-01", None),
        usage(
            "u3",
            "town",
            "sys-t",
            "C23-0001",
            "2025-01-01",
            Some("2025-12-31"),
        ),
        usage("u4", "health", "sys-h", "C24-0001", "2026-01-01", None),
        usage("u5", "village", "sys-v", "C23-0001", "2027-01-01", None),
    ];
    let users = users_of(&usages, [], "C23-0001", day("2026-11-02"));
    assert_eq!(
        users,
        [UserOf {
            org: "city".into(),
            systems: vec!["sys-a".into(), "sys-b".into()],
            watching: vec![],
        }]
    );
    let earlier = users_of(&usages, [], "C23-0001", day("2025-06-01"));
    assert_eq!(earlier.len(), 1);
    assert_eq!(earlier[0].org, "town");
}

#[test]
fn users_are_told_what_happened_with_their_systems_named_and_nothing_private() {
    let registered = demo_entry("C23-0001");
    let user = ServiceUser {
        org: "city".into(),
        systems: vec![
            Bilingual::new("予約", "Bookings"),
            Bilingual::new("会計", "Accounts"),
        ],
        watching: vec![],
    };
    let reason = Bilingual::new("重大な事故", "a serious incident");
    let suspended = to_user(
        &registered,
        ServiceNews::Measure {
            change: StatusMove::Suspend,
            reason: &reason,
            on: day("2026-11-02"),
        },
        &user,
    );
    assert_eq!(suspended.to, "city");
    assert_eq!(suspended.kind, NotificationKind::ServiceInUse);
    assert_eq!(suspended.link, "/registry/C23-0001");
    assert!(
        suspended
            .cause
            .starts_with("used-measure-C23-0001-suspend-2026-11-02")
    );
    assert!(
        suspended
            .body
            .en
            .contains("Your organisation's systems (Bookings, Accounts)")
    );
    assert!(suspended.body.ja.contains("（予約、会計）"));
    assert!(suspended.body.en.contains("Reason: a serious incident"));

    let fell = to_user(
        &registered,
        ServiceNews::Fell(&Fall::Cascade {
            because: "C23-0002".into(),
            since: day("2026-11-02"),
        }),
        &user,
    );
    assert_eq!(fell.cause, "used-cascade-C23-0001-2026-11-02");
    assert!(fell.body.en.contains("(C23-0002) left the registry"));
    let withdrawn = to_user(
        &registered,
        ServiceNews::Withdrawn {
            on: day("2026-11-02"),
        },
        &user,
    );
    assert_ne!(withdrawn.id(), fell.id());
    assert!(withdrawn.title.ja.contains("登録の取下げ"));
}

fn watched(system: &InformationSystem, entry: &RegistryEntry, at: Moment) -> InformationSystem {
    let change = watch_service(system, entry, &procurer(&system.org), at)
        .unwrap()
        .expect("not watched yet");
    assert_eq!(change.event.action, SYSTEM_WATCHED);
    assert_eq!(change.event.payload["entry"], entry.id.as_str());
    change.state
}

#[test]
fn a_procurer_watches_live_services_for_its_system_once_each_up_to_the_bound() {
    let kept = system("city");
    let registered = demo_entry("C23-0001");
    let watching = watched(&kept, &registered, on_day(1));
    assert!(watching.watches("C23-0001"));
    assert_eq!(watching.watching[0].on, day("2026-11-03"));
    // Watching again writes nothing.
    assert!(
        watch_service(&watching, &registered, &procurer("city"), on_day(2))
            .unwrap()
            .is_none()
    );
    // Another organisation's procurer may not touch the list.
    assert_eq!(
        watch_service(&kept, &registered, &procurer("town"), on_day(1)).unwrap_err(),
        Refusal::NotAllowed(NotAllowed::NotTheProcurer)
    );
    // A service out of the registry cannot be watched.
    let mut expired = demo_entry("C23-0001");
    expired.status = EntryStatus::Expired;
    assert_eq!(
        watch_service(&kept, &expired, &procurer("city"), on_day(1)).unwrap_err(),
        Refusal::Conflict(Conflict::EntryStatus {
            entry: "C23-0001".into(),
            status: "expired",
        })
    );
    // The list is bounded.
    let mut full = kept.clone();
    for n in 0..MAX_WATCHED {
        let mut other = demo_entry("C23-0001");
        other.id = format!("C26-{n:04}");
        full = watched(&full, &other, on_day(1));
    }
    assert_eq!(
        watch_service(&full, &registered, &procurer("city"), on_day(1)).unwrap_err(),
        Refusal::Conflict(Conflict::WatchListFull {
            system: "sys-1".into(),
            max: MAX_WATCHED,
        })
    );

    let unwatched = unwatch_service(&watching, "C23-0001", &procurer("city"), on_day(3))
        .unwrap()
        .unwrap();
    assert_eq!(unwatched.event.action, SYSTEM_UNWATCHED);
    assert!(unwatched.state.watching.is_empty());
    assert!(
        unwatch_service(&unwatched.state, "C23-0001", &procurer("city"), on_day(3))
            .unwrap()
            .is_none()
    );
}

#[test]
fn the_watchers_of_a_service_are_told_apart_from_its_users() {
    let registered = demo_entry("C23-0001");
    let mut watcher = watched(&system("town"), &registered, on_day(1));
    watcher.id = "sys-w".into();
    // A system of the city both uses and watches it: it is named once, as a user.
    let mut both = watched(&system("city"), &registered, on_day(1));
    both.id = "sys-a".into();
    let usages = [usage("u1", "city", "sys-a", "C23-0001", "2026-01-01", None)];
    let told = users_of(&usages, [&watcher, &both], "C23-0001", day("2026-11-02"));
    assert_eq!(
        told,
        [
            UserOf {
                org: "city".into(),
                systems: vec!["sys-a".into()],
                watching: vec![],
            },
            UserOf {
                org: "town".into(),
                systems: vec![],
                watching: vec!["sys-w".into()],
            },
        ]
    );
    let message = to_user(
        &registered,
        ServiceNews::Withdrawn {
            on: day("2026-11-02"),
        },
        &ServiceUser {
            org: "town".into(),
            systems: vec![],
            watching: vec![Bilingual::new("窓口", "Counter")],
        },
    );
    assert_eq!(message.kind, NotificationKind::ServiceWatched);
    assert!(message.title.en.contains("which you watch"));
    assert!(
        message
            .body
            .en
            .contains("as a candidate for its systems (Counter)")
    );
    assert!(!message.body.en.contains("recorded as using"));
    assert!(message.body.ja.contains("（窓口）の候補"));
}

fn answer(item: &str, value: AnswerValue, note: &str) -> ItemAnswer {
    ItemAnswer {
        item: item.into(),
        answer: value,
        note: note.into(),
    }
}

#[test]
fn a_procurer_keeps_its_checklist_answers_per_candidate_in_the_questions_order() {
    let lists = checklists().unwrap();
    let kept = system("city");
    let registered = demo_entry("C23-0001");
    let given = vec![
        answer("S01", AnswerValue::Partly, "  平日のみ  "),
        answer("C05", AnswerValue::Yes, ""),
    ];
    let change = answer_checklists(
        &kept,
        &registered,
        given.clone(),
        &lists,
        &procurer("city"),
        on_day(1),
    )
    .unwrap()
    .expect("new answers");
    assert_eq!(change.event.action, SYSTEM_ANSWERED);
    assert_eq!(change.event.payload["entry"], "C23-0001");
    let saved = change.state.answers_for("C23-0001").unwrap();
    // Contract questions come before the SLA's; the note is trimmed.
    let items: Vec<&str> = saved.answers.iter().map(|a| a.item.as_str()).collect();
    assert_eq!(items, ["C05", "S01"]);
    assert_eq!(saved.answers.get(1).unwrap().note, "平日のみ");
    assert_eq!(saved.on, day("2026-11-03"));
    // The same answers again write nothing; changed ones replace them.
    let answered = change.state;
    assert!(
        answer_checklists(
            &answered,
            &registered,
            given,
            &lists,
            &procurer("city"),
            on_day(2)
        )
        .unwrap()
        .is_none()
    );
    let changed = answer_checklists(
        &answered,
        &registered,
        vec![answer("K4.2", AnswerValue::No, "")],
        &lists,
        &procurer("city"),
        on_day(2),
    )
    .unwrap()
    .unwrap()
    .state;
    assert_eq!(changed.answers.len(), 1);
    assert_eq!(changed.answers_for("C23-0001").unwrap().answers.len(), 1);
    // An empty list forgets them; forgetting nothing writes nothing.
    let forgotten = answer_checklists(
        &changed,
        &registered,
        vec![],
        &lists,
        &procurer("city"),
        on_day(3),
    )
    .unwrap()
    .unwrap()
    .state;
    assert!(forgotten.answers.is_empty());
    assert!(
        answer_checklists(
            &forgotten,
            &registered,
            vec![],
            &lists,
            &procurer("city"),
            on_day(3)
        )
        .unwrap()
        .is_none()
    );
    // Another organisation's procurer may not answer.
    assert_eq!(
        answer_checklists(
            &kept,
            &registered,
            vec![],
            &lists,
            &procurer("town"),
            on_day(1)
        )
        .unwrap_err(),
        Refusal::NotAllowed(NotAllowed::NotTheProcurer)
    );
}

#[test]
fn checklist_answers_name_each_bad_question_and_stay_bounded() {
    let lists = checklists().unwrap();
    let kept = system("city");
    let registered = demo_entry("C23-0001");
    let bad = vec![
        answer("Z99", AnswerValue::Yes, ""),
        answer("C01", AnswerValue::Yes, ""),
        answer(
            "C01",
            AnswerValue::No,
            &"x".repeat(MAX_ANSWER_NOTE_CHARS + 1),
        ),
    ];
    let Err(Refusal::Invalid(errors)) = answer_checklists(
        &kept,
        &registered,
        bad,
        &lists,
        &procurer("city"),
        on_day(1),
    ) else {
        panic!("refused");
    };
    let fields: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert_eq!(
        fields,
        [
            ("/answers/0/item", "unknown_item"),
            ("/answers/2/item", "duplicate"),
            ("/answers/2/note", "too_long"),
        ]
    );
    // New answers only for a service in the registry.
    let mut expired = demo_entry("C23-0001");
    expired.status = EntryStatus::Expired;
    let one = vec![answer("C01", AnswerValue::Yes, "")];
    assert_eq!(
        answer_checklists(
            &kept,
            &expired,
            one.clone(),
            &lists,
            &procurer("city"),
            on_day(1)
        )
        .unwrap_err(),
        Refusal::Conflict(Conflict::EntryStatus {
            entry: "C23-0001".into(),
            status: "expired",
        })
    );
    // At most so many candidates.
    let mut full = kept;
    for n in 0..MAX_ANSWERED_CANDIDATES {
        let mut other = demo_entry("C23-0001");
        other.id = format!("C26-{n:04}");
        full = answer_checklists(
            &full,
            &other,
            one.clone(),
            &lists,
            &procurer("city"),
            on_day(1),
        )
        .unwrap()
        .unwrap()
        .state;
    }
    assert_eq!(
        answer_checklists(
            &full,
            &registered,
            one,
            &lists,
            &procurer("city"),
            on_day(1)
        )
        .unwrap_err(),
        Refusal::Conflict(Conflict::AnsweredCandidatesFull {
            system: "sys-1".into(),
            max: MAX_ANSWERED_CANDIDATES,
        })
    );
}
