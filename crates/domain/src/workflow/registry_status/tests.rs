use super::*;
use crate::accounts::{OrgKind, Role};
use crate::registry::demo::demo_registry;
use crate::workflow::service::tests::member;

fn admin() -> Member {
    Member {
        user_id: "admin".into(),
        ..member("op", OrgKind::Operator, &[Role::OperatorAdmin])
    }
}

fn reviewer() -> Member {
    Member {
        user_id: "reviewer".into(),
        ..member("op", OrgKind::Operator, &[Role::OperatorReviewer])
    }
}

/// A registered demo entry, valid until 2027-10-30.
fn registered() -> RegistryEntry {
    let entry = demo_registry()
        .unwrap()
        .entries
        .into_iter()
        .find(|entry| entry.id == "C23-0001")
        .unwrap();
    assert_eq!(entry.status, EntryStatus::Registered);
    entry
}

/// 2026-11-02T00:00:00Z, and the day `days` later.
fn on_day(days: i64) -> Moment {
    Moment::at(1_793_577_600_000 + days * 86_400_000)
}

fn decision() -> StatusDecision {
    StatusDecision {
        reason: Bilingual::new("調査中", "under investigation"),
        notice: NoticeText {
            title: Bilingual::new("一時停止", "Suspended"),
            body: Bilingual::new("調査のため停止した", "Suspended while investigated"),
        },
        remarks: Some(Bilingual::new("停止中", "Suspended")),
    }
}

#[test]
fn a_suspension_is_dated_noticed_remarked_and_logged() {
    let entry = registered();
    let change =
        change_status(&entry, StatusMove::Suspend, decision(), &admin(), on_day(0)).unwrap();
    let next = &change.state;
    assert_eq!(next.status, EntryStatus::Suspended);
    let last = next.history.last().unwrap();
    assert_eq!(
        (last.on.to_string(), last.to),
        ("2026-11-02".to_owned(), EntryStatus::Suspended)
    );
    assert_eq!(next.history.len(), entry.history.len() + 1);
    let notice = next.notices.last().unwrap();
    assert_eq!(notice.kind, NoticeKind::Suspension);
    assert_eq!(notice.title.en, "Suspended");
    assert_eq!(next.remarks.en, "Suspended");
    assert_eq!(change.event.action, "registry.suspend");
    assert_eq!(change.event.subject, "C23-0001");
    assert_eq!(change.event.payload["entry"]["status"], "suspended");
    // Everything else of the entry stays.
    assert_eq!(
        (next.level, next.valid_until, &next.service_name),
        (entry.level, entry.valid_until, &entry.service_name)
    );
}

#[test]
fn each_move_goes_from_the_states_it_may_and_no_other() {
    let mut entry = registered();
    let expected = [
        (EntryStatus::Registered, StatusMove::Suspend, true),
        (EntryStatus::Registered, StatusMove::Reinstate, false),
        (EntryStatus::Registered, StatusMove::Deregister, true),
        (EntryStatus::Suspended, StatusMove::Suspend, false),
        (EntryStatus::Suspended, StatusMove::Reinstate, true),
        (EntryStatus::Suspended, StatusMove::Deregister, true),
        (EntryStatus::Expired, StatusMove::Reinstate, false),
        (EntryStatus::Expired, StatusMove::Deregister, false),
        (EntryStatus::Expired, StatusMove::Expire, false),
        (EntryStatus::Deregistered, StatusMove::Suspend, false),
        (EntryStatus::Deregistered, StatusMove::Reinstate, false),
    ];
    for (from, change, allowed) in expected {
        entry.status = from;
        let answer = change_status(&entry, change, decision(), &admin(), on_day(0));
        match answer {
            Ok(done) => {
                assert!(allowed, "{from:?} {change:?}");
                assert_eq!(done.state.status, change.target());
                assert_eq!(done.event.action, change.action());
            }
            Err(Refusal::Conflict(Conflict::EntryStatus { status, .. })) => {
                assert!(!allowed, "{from:?} {change:?}");
                assert_eq!(status, from.code());
            }
            Err(other) => panic!("{from:?} {change:?}: {other:?}"),
        }
    }
}

#[test]
fn expiry_comes_after_the_last_valid_day_and_ends_reinstatement() {
    let mut entry = registered();
    entry.valid_until = crate::date::CalendarDate::parse("2026-11-02").unwrap();
    let refused = change_status(&entry, StatusMove::Expire, decision(), &admin(), on_day(0));
    assert!(
        matches!(
            refused,
            Err(Refusal::Conflict(Conflict::NotYetExpired { ref valid_until, .. }))
                if valid_until == "2026-11-02"
        ),
        "{refused:?}"
    );
    let expired =
        change_status(&entry, StatusMove::Expire, decision(), &admin(), on_day(1)).unwrap();
    assert_eq!(expired.state.status, EntryStatus::Expired);
    assert_eq!(
        expired.state.notices.last().unwrap().kind,
        NoticeKind::Other
    );
    entry.status = EntryStatus::Suspended;
    let late = change_status(
        &entry,
        StatusMove::Reinstate,
        decision(),
        &admin(),
        on_day(1),
    );
    assert!(matches!(
        late,
        Err(Refusal::Conflict(Conflict::EntryStatus {
            status: "expired",
            ..
        }))
    ));
}

#[test]
fn only_administrators_decide_and_they_are_asked_first() {
    let mut entry = registered();
    // A move the state forbids too: the party is refused before the state is looked at.
    entry.status = EntryStatus::Deregistered;
    for who in [
        reviewer(),
        member("csp", OrgKind::Provider, &[Role::Provider]),
    ] {
        assert_eq!(
            change_status(&entry, StatusMove::Suspend, decision(), &who, on_day(0)),
            Err(Refusal::NotAllowed(NotAllowed::NotAnAdministrator))
        );
    }
}

#[test]
fn reasons_and_notices_are_required_and_bounded() {
    let entry = registered();
    let bad = StatusDecision {
        reason: Bilingual::new("", " "),
        notice: NoticeText {
            title: Bilingual::new("x".repeat(201), "t"),
            body: Bilingual::new("", ""),
        },
        remarks: Some(Bilingual::new("r".repeat(10_001), "")),
    };
    let Err(Refusal::Invalid(errors)) =
        change_status(&entry, StatusMove::Deregister, bad, &admin(), on_day(0))
    else {
        panic!("invalid");
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["/reason", "/notice/title/ja", "/notice/body", "/remarks/ja"]
    );
    // Keeping the remarks leaves them as they were.
    let kept = change_status(
        &entry,
        StatusMove::Suspend,
        StatusDecision {
            remarks: None,
            ..decision()
        },
        &admin(),
        on_day(0),
    )
    .unwrap();
    assert_eq!(kept.state.remarks, entry.remarks);
}

#[test]
fn a_notice_changes_nothing_but_the_notices() {
    let entry = registered();
    let notice = NoticeText {
        title: Bilingual::new("障害", "Outage"),
        body: Bilingual::new("三時間停止した", "Down for three hours"),
    };
    let change = publish_notice(
        &entry,
        NoticeKind::Incident,
        notice.clone(),
        &reviewer(),
        on_day(3),
    )
    .unwrap();
    assert_eq!(change.event.action, "registry.notice");
    let mut expected = entry.clone();
    expected.notices.push(Notice {
        on: on_day(3).date(),
        kind: NoticeKind::Incident,
        title: notice.title.clone(),
        body: notice.body.clone(),
    });
    assert_eq!(change.state, expected);
    let provider = member("csp", OrgKind::Provider, &[Role::Provider]);
    assert_eq!(
        publish_notice(&entry, NoticeKind::Other, notice, &provider, on_day(3)),
        Err(Refusal::NotAllowed(NotAllowed::NotAReviewer))
    );
}

#[test]
fn moves_are_named_by_their_codes() {
    for one in StatusMove::ALL {
        assert_eq!(StatusMove::from_code(one.code()), Some(one));
        assert!(one.action().starts_with("registry."));
    }
    assert_eq!(StatusMove::from_code("revive"), None);
}

#[test]
fn remarks_are_rewritten_by_staff_within_bounds() {
    let entry = registered();
    let remarks = Bilingual::new("備考", "A remark");
    let change = set_remarks(&entry, remarks.clone(), &reviewer(), on_day(1)).unwrap();
    assert_eq!(change.event.action, "registry.remarks");
    assert_eq!(
        change.state,
        RegistryEntry {
            remarks,
            ..entry.clone()
        }
    );
    let long = Bilingual::new("", "r".repeat(10_001));
    let Err(Refusal::Invalid(errors)) = set_remarks(&entry, long, &admin(), on_day(1)) else {
        panic!("too long");
    };
    assert_eq!(errors[0].field, "/remarks/en");
    let provider = member("csp", OrgKind::Provider, &[Role::Provider]);
    assert!(matches!(
        set_remarks(&entry, Bilingual::new("", ""), &provider, on_day(1)),
        Err(Refusal::NotAllowed(_))
    ));
}

fn provider_of(entry: &RegistryEntry) -> Member {
    Member {
        user_id: "provider".into(),
        ..member(&entry.provider, OrgKind::Provider, &[Role::Provider])
    }
}

#[test]
fn the_provider_withdraws_its_registration_with_its_reason_in_both_languages() {
    let entry = registered();
    let reason = Bilingual::new("サービスを終了するため", "the service is being closed");
    let change = withdraw(&entry, reason.clone(), &provider_of(&entry), on_day(0)).unwrap();
    let next = &change.state;
    assert_eq!(next.status, EntryStatus::Deregistered);
    let last = next.history.last().unwrap();
    assert_eq!(last.on.to_string(), "2026-11-02");
    assert!(last.reason.ja.contains("サービスを終了するため"));
    assert!(last.reason.en.contains("the service is being closed"));
    let notice = next.notices.last().unwrap();
    assert!(notice.body.ja.contains(&entry.id) && notice.body.en.contains(&entry.id));
    assert_eq!(change.event.action, WITHDRAWN);
    assert_eq!(
        change.event.payload["entry"],
        serde_json::to_value(next).unwrap()
    );
    assert_eq!(
        change.event.payload["reason"]["en"],
        "the service is being closed"
    );

    // Once ended, it cannot be withdrawn again.
    let refused = withdraw(next, reason, &provider_of(&entry), on_day(1)).unwrap_err();
    assert!(matches!(
        refused,
        Refusal::Conflict(Conflict::EntryStatus { .. })
    ));
}

#[test]
fn only_its_provider_withdraws_a_registration_and_says_why() {
    let entry = registered();
    let reason = || Bilingual::new("終了", "closing");
    let other = Member {
        org_id: "another-provider".into(),
        ..provider_of(&entry)
    };
    for by in [other, admin(), reviewer()] {
        assert_eq!(
            withdraw(&entry, reason(), &by, on_day(0)).unwrap_err(),
            Refusal::NotAllowed(NotAllowed::NotTheProvider),
            "{}",
            by.org_id
        );
    }
    let blank = withdraw(
        &entry,
        Bilingual::new(" ", ""),
        &provider_of(&entry),
        on_day(0),
    );
    assert!(matches!(blank, Err(Refusal::Invalid(_))));
    let mut suspended = entry.clone();
    suspended.status = EntryStatus::Suspended;
    assert!(withdraw(&suspended, reason(), &provider_of(&entry), on_day(0)).is_ok());
}
