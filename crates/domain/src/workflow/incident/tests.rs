use super::*;
use crate::accounts::{OrgKind, Role};
use crate::calendar::BusinessCalendar;
use crate::policy::Member;
use crate::registry::demo::demo_registry;
use crate::registry::{EntryStatus, NoticeKind, RegistryEntry};
use crate::workflow::registry_status::NoticeText;
use crate::workflow::service::tests::member;
use crate::workflow::{Conflict, Moment, NotAllowed, Refusal};

fn registered() -> RegistryEntry {
    demo_registry()
        .unwrap()
        .entries
        .into_iter()
        .find(|entry| entry.id == "C23-0001")
        .unwrap()
}

fn provider_of(entry: &RegistryEntry) -> Member {
    Member {
        user_id: "provider".into(),
        ..member(&entry.provider, OrgKind::Provider, &[Role::Provider])
    }
}

fn admin() -> Member {
    Member {
        user_id: "admin".into(),
        ..member("op", OrgKind::Operator, &[Role::OperatorAdmin])
    }
}

/// 2026-11-02 (a Monday; 11-03 and 11-23 are holidays), and the day `days` later.
fn on_day(days: i64) -> Moment {
    Moment::at(1_793_577_600_000 + days * 86_400_000)
}

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn quick(discovered_on: &str) -> QuickDraft {
    QuickDraft {
        discovered_on: day(discovered_on),
        summary: Bilingual::new("認証 API が停止した", "The authentication API stopped"),
    }
}

fn reported(entry: &RegistryEntry) -> Incident {
    report_quick(
        "in-1".into(),
        quick("2026-11-02"),
        entry,
        &BusinessCalendar::embedded(),
        &provider_of(entry),
        on_day(0),
    )
    .unwrap()
    .state
}

fn final_draft(affected: &[&str]) -> FinalDraft {
    FinalDraft {
        cause: Bilingual::new("証明書の誤配置", "a wrong certificate was installed"),
        impact: Bilingual::new("3 時間ログイン不可", "no sign-in for three hours"),
        measures: Bilingual::new("更新を自動化した", "renewal is now automated"),
        services_affected: affected.iter().map(|id| (*id).to_owned()).collect(),
    }
}

fn measure(measure: IncidentMeasure) -> MeasureDecision {
    MeasureDecision {
        measure,
        reason: Bilingual::new("確報を検討した", "the final report was examined"),
        notice: NoticeText {
            title: Bilingual::new("インシデントへの措置", "Measure after an incident"),
            body: Bilingual::new("措置を決定した", "The operator decided its measure."),
        },
    }
}

#[test]
fn a_quick_report_sets_both_deadlines_in_business_days() {
    let entry = registered();
    let change = report_quick(
        "in-1".into(),
        quick("2026-11-02"),
        &entry,
        &BusinessCalendar::embedded(),
        &provider_of(&entry),
        on_day(0),
    )
    .unwrap();
    let incident = &change.state;
    // 11-03 is a holiday: three business days after 11-02 is 11-06; twenty is 12-02.
    assert_eq!(incident.quick_due_on, day("2026-11-06"));
    assert_eq!(incident.final_due_on, day("2026-12-02"));
    assert!(!incident.quick.filed.late);
    assert_eq!(incident.status, IncidentStatus::QuickReported);
    assert_eq!(change.event.action, QUICK_REPORTED);
    assert!(!incident.final_overdue(day("2026-12-02")));
    assert!(incident.final_overdue(day("2026-12-03")));
    // Found on Monday 10-26, due on Thursday 10-29: reported on 11-02, late.
    let late = report_quick(
        "in-2".into(),
        quick("2026-10-26"),
        &entry,
        &BusinessCalendar::embedded(),
        &provider_of(&entry),
        on_day(0),
    )
    .unwrap()
    .state;
    assert_eq!(late.quick_due_on, day("2026-10-29"));
    assert!(late.quick.filed.late);
}

#[test]
fn only_the_provider_reports_and_the_values_are_checked() {
    let entry = registered();
    let calendar = BusinessCalendar::embedded();
    assert_eq!(
        report_quick(
            "in-1".into(),
            quick("2026-11-02"),
            &entry,
            &calendar,
            &admin(),
            on_day(0)
        ),
        Err(Refusal::NotAllowed(NotAllowed::NotTheProvider))
    );
    let ended = RegistryEntry {
        status: EntryStatus::Deregistered,
        ..entry.clone()
    };
    assert!(matches!(
        report_quick(
            "in-1".into(),
            quick("2026-11-02"),
            &ended,
            &calendar,
            &provider_of(&entry),
            on_day(0)
        ),
        Err(Refusal::Conflict(Conflict::EntryStatus { .. }))
    ));
    for discovered in ["2026-11-03", "2025-10-01"] {
        let refused = report_quick(
            "in-1".into(),
            QuickDraft {
                summary: Bilingual::new("", ""),
                ..quick(discovered)
            },
            &entry,
            &calendar,
            &provider_of(&entry),
            on_day(0),
        );
        let Err(Refusal::Invalid(errors)) = refused else {
            panic!("{discovered}");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["/summary", "/discovered_on"], "{discovered}");
    }
}

#[test]
fn the_final_report_comes_once_and_names_known_services() {
    let entry = registered();
    let incident = reported(&entry);
    let known = |id: &str| id.starts_with("C2");
    let by = provider_of(&entry);
    let Err(Refusal::Invalid(errors)) = report_final(
        &incident,
        final_draft(&["C23-0001", "X-1", "C23-0001"]),
        &known,
        &by,
        on_day(5),
    ) else {
        panic!("refused");
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["/services_affected/1", "/services_affected/2"]);
    assert_eq!(errors[0].code, "unknown_entry");
    assert_eq!(
        report_final(&incident, final_draft(&[]), &known, &admin(), on_day(5)),
        Err(Refusal::NotAllowed(NotAllowed::NotTheProvider))
    );
    // Filed on 12-03, a day after it was due.
    let done = report_final(
        &incident,
        final_draft(&["C23-0001"]),
        &known,
        &by,
        on_day(31),
    )
    .unwrap();
    assert_eq!(done.event.action, FINAL_REPORTED);
    let filed = done.state.final_report.as_ref().unwrap();
    assert!(filed.filed.late);
    assert_eq!(done.state.status, IncidentStatus::FinalReported);
    assert!(!done.state.final_overdue(day("2027-01-01")));
    assert!(matches!(
        report_final(&done.state, final_draft(&[]), &known, &by, on_day(32)),
        Err(Refusal::Conflict(Conflict::IncidentState { .. }))
    ));
}

#[test]
fn the_operator_suspends_then_reinstates_or_decides_no_measure_each_with_a_notice() {
    let entry = registered();
    let incident = reported(&entry);
    assert_eq!(
        decide(
            &incident,
            &entry,
            measure(IncidentMeasure::Suspend),
            &provider_of(&entry),
            on_day(1)
        ),
        Err(Refusal::NotAllowed(NotAllowed::NotAnAdministrator))
    );
    let suspended = decide(
        &incident,
        &entry,
        measure(IncidentMeasure::Suspend),
        &admin(),
        on_day(1),
    )
    .unwrap();
    assert_eq!(suspended.entry.state.status, EntryStatus::Suspended);
    assert_eq!(suspended.entry.event.action, "registry.suspend");
    assert_eq!(suspended.incident.event.action, DECIDED);
    assert_eq!(
        suspended.incident.state.decisions[0].measure,
        IncidentMeasure::Suspend
    );
    // Suspending twice is refused by the entry's state.
    assert!(matches!(
        decide(
            &suspended.incident.state,
            &suspended.entry.state,
            measure(IncidentMeasure::Suspend),
            &admin(),
            on_day(2)
        ),
        Err(Refusal::Conflict(Conflict::EntryStatus { .. }))
    ));
    let reinstated = decide(
        &suspended.incident.state,
        &suspended.entry.state,
        measure(IncidentMeasure::Reinstate),
        &admin(),
        on_day(9),
    )
    .unwrap();
    assert_eq!(reinstated.entry.state.status, EntryStatus::Registered);
    assert_eq!(reinstated.incident.state.decisions.len(), 2);

    let none = decide(
        &incident,
        &entry,
        measure(IncidentMeasure::None),
        &admin(),
        on_day(1),
    )
    .unwrap();
    assert_eq!(none.entry.state.status, entry.status);
    assert_eq!(none.entry.event.action, "registry.notice");
    let notice = none.entry.state.notices.last().unwrap();
    assert_eq!(
        (notice.kind, notice.title.en.as_str()),
        (NoticeKind::Measure, "Measure after an incident")
    );
    let mut blank = measure(IncidentMeasure::None);
    blank.reason = Bilingual::new(" ", "");
    assert!(matches!(
        decide(&incident, &entry, blank, &admin(), on_day(1)),
        Err(Refusal::Invalid(errors)) if errors[0].field == "/reason"
    ));
}
