use super::*;
use crate::accounts::{OrgKind, Role};
use crate::policy::Member;
use crate::registry::demo::demo_registry;
use crate::registry::{EntryStatus, NewAuditRequired, RegistryEntry};
use crate::workflow::service::tests::member;
use crate::workflow::{Conflict, Moment, NotAllowed, Refusal};

/// A registered demo entry (registered before 2026).
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

fn reviewer() -> Member {
    Member {
        user_id: "reviewer".into(),
        ..member("op", OrgKind::Operator, &[Role::OperatorReviewer])
    }
}

/// 2026-11-02 (a Monday; 11-03 and 11-23 are holidays), and the day `days` later.
fn on_day(days: i64) -> Moment {
    Moment::at(1_793_577_600_000 + days * 86_400_000)
}

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn calendar() -> BusinessCalendar {
    BusinessCalendar::embedded()
}

fn draft(category: ChangeCategory, effective_on: &str) -> ChangeDraft {
    ChangeDraft {
        category,
        summary: Bilingual::new(
            "ログ収集ツールを更新した",
            "The log collection tool was replaced",
        ),
        controls: vec!["12.4.1".into()],
        new_name: None,
        effective_on: day(effective_on),
    }
}

fn filed(entry: &RegistryEntry, category: ChangeCategory) -> ChangeNotice {
    file(
        "cn-1".into(),
        draft(category, "2026-11-02"),
        entry,
        &calendar(),
        &provider_of(entry),
        on_day(0),
    )
    .unwrap()
    .state
}

#[test]
fn a_routine_notice_is_due_twenty_business_days_after_the_change() {
    let entry = registered();
    let change = file(
        "cn-1".into(),
        draft(ChangeCategory::Tool, "2026-11-02"),
        &entry,
        &calendar(),
        &provider_of(&entry),
        on_day(0),
    )
    .unwrap();
    let notice = &change.state;
    // Holidays on 11-03 and 11-23 and the weekends push twenty business days to 12-02.
    assert_eq!(notice.due_on, day("2026-12-02"));
    assert!(!notice.late);
    assert_eq!(notice.status, ChangeNoticeStatus::Filed);
    assert_eq!(notice.weight(), ChangeWeight::Routine);
    assert_eq!(notice.service, entry.service);
    assert_eq!(change.event.action, FILED);
    assert_eq!(change.event.payload["notice"]["due_on"], "2026-12-02");
}

#[test]
fn a_significant_notice_is_due_sooner_and_a_late_one_is_marked() {
    let entry = registered();
    let significant = file(
        "cn-2".into(),
        draft(ChangeCategory::WiderScope, "2026-11-02"),
        &entry,
        &calendar(),
        &provider_of(&entry),
        on_day(0),
    )
    .unwrap()
    .state;
    assert_eq!(significant.weight(), ChangeWeight::Significant);
    assert_eq!(significant.due_on, day("2026-11-17"));
    // A routine change of 10-01 was due on 10-30 (10-12 is a holiday): filed on 11-02, late.
    let late = file(
        "cn-3".into(),
        draft(ChangeCategory::Procedure, "2026-10-01"),
        &entry,
        &calendar(),
        &provider_of(&entry),
        on_day(0),
    )
    .unwrap()
    .state;
    assert_eq!(late.due_on, day("2026-10-30"));
    assert!(late.late);
}

#[test]
fn only_the_entrys_provider_files_while_the_registration_is_in_force() {
    let entry = registered();
    let other = member("someone-else", OrgKind::Provider, &[Role::Provider]);
    for by in [other, reviewer()] {
        assert_eq!(
            file(
                "cn-1".into(),
                draft(ChangeCategory::Tool, "2026-11-02"),
                &entry,
                &calendar(),
                &by,
                on_day(0)
            ),
            Err(Refusal::NotAllowed(NotAllowed::NotTheProvider))
        );
    }
    let ended = RegistryEntry {
        status: EntryStatus::Expired,
        ..entry.clone()
    };
    assert!(matches!(
        file(
            "cn-1".into(),
            draft(ChangeCategory::Tool, "2026-11-02"),
            &ended,
            &calendar(),
            &provider_of(&entry),
            on_day(0)
        ),
        Err(Refusal::Conflict(Conflict::EntryStatus { .. }))
    ));
}

#[test]
fn every_bad_value_is_named_by_its_field() {
    let entry = registered();
    let bad = ChangeDraft {
        category: ChangeCategory::Tool,
        summary: Bilingual::new("", ""),
        controls: vec!["12.4.1".into(), String::new(), "12.4.1".into()],
        new_name: Some(Bilingual::new("新名称", "New name")),
        effective_on: day("2020-01-01"),
    };
    let Err(Refusal::Invalid(errors)) = file(
        "cn-1".into(),
        bad,
        &entry,
        &calendar(),
        &provider_of(&entry),
        on_day(0),
    ) else {
        panic!("refused");
    };
    let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "/summary",
            "/controls/1",
            "/controls/2",
            "/new_name",
            "/effective_on"
        ]
    );
    let far = file(
        "cn-1".into(),
        draft(ChangeCategory::Tool, "2027-12-01"),
        &entry,
        &calendar(),
        &provider_of(&entry),
        on_day(0),
    );
    assert!(matches!(far, Err(Refusal::Invalid(errors)) if errors[0].field == "/effective_on"));
}

#[test]
fn acknowledging_a_routine_change_records_it_on_the_entry() {
    let entry = registered();
    let notice = filed(&entry, ChangeCategory::Tool);
    let done = acknowledge(
        &notice,
        &entry,
        AcknowledgeDecision::default(),
        &calendar(),
        &reviewer(),
        on_day(3),
    )
    .unwrap();
    let acknowledged = &done.notice.state;
    assert_eq!(acknowledged.status, ChangeNoticeStatus::Acknowledged);
    assert_eq!(
        acknowledged.acknowledgement.as_ref().unwrap().on,
        day("2026-11-05")
    );
    assert_eq!(acknowledged.new_audit, None);
    assert_eq!(done.notice.event.action, ACKNOWLEDGED);
    let entry_change = done.entry.unwrap();
    assert_eq!(entry_change.event.action, ENTRY_CHANGED);
    let next = &entry_change.state;
    assert_eq!(next.changes.len(), entry.changes.len() + 1);
    let last = next.changes.last().unwrap();
    assert_eq!(
        (last.notice.as_str(), last.category, last.on),
        ("cn-1", ChangeCategory::Tool, day("2026-11-05"))
    );
    assert_eq!(next.new_audit_required, None);
    assert_eq!(next.status, entry.status);
    assert_eq!(next.history, entry.history);
    // Twice is refused; a provider may not acknowledge.
    assert!(matches!(
        acknowledge(
            acknowledged,
            next,
            AcknowledgeDecision::default(),
            &calendar(),
            &reviewer(),
            on_day(4)
        ),
        Err(Refusal::Conflict(Conflict::ChangeNoticeState { .. }))
    ));
    assert_eq!(
        acknowledge(
            &notice,
            &entry,
            AcknowledgeDecision::default(),
            &calendar(),
            &provider_of(&entry),
            on_day(3)
        ),
        Err(Refusal::NotAllowed(NotAllowed::NotAReviewer))
    );
}

#[test]
fn a_corrected_name_is_applied_when_acknowledged() {
    let entry = registered();
    let name = Bilingual::new("新しい名称", "The new name");
    let notice = file(
        "cn-9".into(),
        ChangeDraft {
            new_name: Some(name.clone()),
            controls: Vec::new(),
            ..draft(ChangeCategory::RegistryFacts, "2026-11-02")
        },
        &entry,
        &calendar(),
        &provider_of(&entry),
        on_day(0),
    )
    .unwrap()
    .state;
    let done = acknowledge(
        &notice,
        &entry,
        AcknowledgeDecision::default(),
        &calendar(),
        &reviewer(),
        on_day(1),
    )
    .unwrap();
    assert_eq!(done.entry.unwrap().state.service_name, name);
}

#[test]
fn a_significant_change_owes_a_new_audit_until_one_is_applied_for() {
    let entry = registered();
    let notice = filed(&entry, ChangeCategory::NewArchitecture);
    let done = acknowledge(
        &notice,
        &entry,
        AcknowledgeDecision::default(),
        &calendar(),
        &reviewer(),
        on_day(0),
    )
    .unwrap();
    let due = calendar()
        .add_business_days(day("2026-11-02"), NEW_AUDIT_BUSINESS_DAYS)
        .unwrap();
    let acknowledged = done.notice.state;
    assert_eq!(acknowledged.new_audit.as_ref().unwrap().due_on, due);
    let marked = done.entry.unwrap().state;
    assert_eq!(
        marked.new_audit_required,
        Some(NewAuditRequired {
            notice: "cn-1".into(),
            since: day("2026-11-02"),
            due_on: due,
        })
    );
    assert!(!acknowledged.new_audit_overdue(due));
    assert!(acknowledged.new_audit_overdue(due.add_days(1).unwrap()));

    // An audit whose period ended before the change cannot meet it.
    let before = audit_applied(
        std::slice::from_ref(&acknowledged),
        &marked,
        "ap-1",
        day("2026-10-31"),
        &provider_of(&entry),
        on_day(10),
    );
    assert!(before.notices.is_empty() && before.entry.is_none());
    let after = audit_applied(
        std::slice::from_ref(&acknowledged),
        &marked,
        "ap-2",
        day("2026-12-31"),
        &provider_of(&entry),
        on_day(10),
    );
    let met = &after.notices[0];
    assert_eq!(met.state.status, ChangeNoticeStatus::AuditApplied);
    assert_eq!(met.event.action, AUDIT_APPLIED);
    let tracking = met.state.new_audit.as_ref().unwrap();
    assert_eq!(tracking.application.as_deref(), Some("ap-2"));
    assert_eq!(tracking.applied_on, Some(day("2026-11-12")));
    assert!(!met.state.new_audit_overdue(due.add_days(30).unwrap()));
    let cleared = after.entry.unwrap();
    assert_eq!(cleared.event.action, ENTRY_AUDIT_APPLIED);
    assert_eq!(cleared.state.new_audit_required, None);
}

#[test]
fn the_operator_may_set_the_new_audits_day_within_a_year() {
    let entry = registered();
    let notice = filed(&entry, ChangeCategory::Governance);
    let with = |audit_due_on: &str| {
        acknowledge(
            &notice,
            &entry,
            AcknowledgeDecision {
                note: Bilingual::new("", ""),
                audit_due_on: Some(day(audit_due_on)),
            },
            &calendar(),
            &reviewer(),
            on_day(0),
        )
    };
    let chosen = with("2027-03-31").unwrap();
    assert_eq!(
        chosen.notice.state.new_audit.unwrap().due_on,
        day("2027-03-31")
    );
    for out_of_range in ["2026-11-02", "2028-01-31"] {
        assert!(
            matches!(with(out_of_range), Err(Refusal::Invalid(errors)) if errors[0].field == "/audit_due_on"),
            "{out_of_range}"
        );
    }
    // A routine change has no new audit to date.
    let routine = filed(&entry, ChangeCategory::Tool);
    let refused = acknowledge(
        &routine,
        &entry,
        AcknowledgeDecision {
            note: Bilingual::new("", ""),
            audit_due_on: Some(day("2027-03-31")),
        },
        &calendar(),
        &reviewer(),
        on_day(0),
    );
    assert!(matches!(refused, Err(Refusal::Invalid(errors)) if errors[0].field == "/audit_due_on"));
}

#[test]
fn a_notice_about_an_entry_that_ended_is_acknowledged_for_the_record_only() {
    let entry = registered();
    let notice = filed(&entry, ChangeCategory::WiderScope);
    let ended = RegistryEntry {
        status: EntryStatus::Deregistered,
        ..entry
    };
    let done = acknowledge(
        &notice,
        &ended,
        AcknowledgeDecision::default(),
        &calendar(),
        &reviewer(),
        on_day(1),
    )
    .unwrap();
    assert!(done.entry.is_none());
    assert_eq!(done.notice.state.new_audit, None);
    assert_eq!(done.notice.state.status, ChangeNoticeStatus::Acknowledged);
}
