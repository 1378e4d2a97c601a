use super::*;
use crate::accounts::{OrgKind, Role};
use crate::date::CalendarDate;
use crate::registration::AuditBodyStatus;
use crate::registry::Period;
use crate::text::Bilingual;
use crate::workflow::audit::tests::body;
use crate::workflow::service::tests::member;
use crate::workflow::{Conflict, Moment};

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn admin() -> Member {
    member("operator", OrgKind::Operator, &[Role::OperatorAdmin])
}

fn measure(kind: MeasureKind, on: &str) -> NewMeasure {
    NewMeasure {
        kind,
        on: day(on),
        facts: Bilingual::new("標本の記録が欠けていた", "sample records were missing"),
        reason: Bilingual::new("手続の省略", "procedures were skipped"),
    }
}

fn taken(record: &AuditBodyRecord, kind: MeasureKind, on: &str) -> AuditBodyRecord {
    take_measure(record, measure(kind, on), &admin(), Moment::at(1))
        .unwrap()
        .state
}

fn period(start: &str, end: &str) -> Period {
    Period {
        start: day(start),
        end: day(end),
    }
}

fn refused_fields(
    outcome: Result<crate::workflow::Change<AuditBodyRecord>, Refusal>,
) -> Vec<(String, &'static str)> {
    match outcome {
        Err(Refusal::Invalid(errors)) => errors.into_iter().map(|e| (e.field, e.code)).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

#[test]
fn a_caution_or_improvement_order_leaves_the_body_selected() {
    for kind in [MeasureKind::Caution, MeasureKind::ImprovementOrder] {
        let record = taken(&body(), kind, "2026-05-01");
        assert_eq!(record.standing_on(day("2026-06-01")), Standing::Selected);
        assert_eq!(
            record.for_rule(&period("2026-01-01", "2026-12-31")).status,
            AuditBodyStatus::Selected
        );
        assert_eq!(record.measures.len(), 1);
        assert_eq!(record.measures[0].taken_by, admin().user_id);
    }
}

#[test]
fn a_suspension_holds_from_its_day_until_lifted() {
    let suspended = taken(&body(), MeasureKind::Suspension, "2026-05-01");
    assert!(suspended.selected_on(day("2026-04-30")));
    assert_eq!(
        suspended.standing_on(day("2026-05-01")),
        Standing::Suspended {
            since: day("2026-05-01")
        }
    );
    let lifted = lift_suspension(
        &suspended,
        day("2026-07-01"),
        Bilingual::new("是正を確認した", "the fix was verified"),
        &admin(),
        Moment::at(2),
    )
    .unwrap();
    assert_eq!(lifted.event.action, "audit_body.lift_suspension");
    let lifted = lifted.state;
    assert!(!lifted.selected_on(day("2026-06-30")));
    assert!(lifted.selected_on(day("2026-07-01")));
    // A period touching one suspended day is refused; one after the lifting is not.
    for (start, end, status) in [
        ("2025-05-01", "2026-04-30", AuditBodyStatus::Selected),
        ("2025-05-02", "2026-05-01", AuditBodyStatus::Suspended),
        ("2026-06-30", "2027-06-29", AuditBodyStatus::Suspended),
        ("2026-07-01", "2027-06-30", AuditBodyStatus::Selected),
    ] {
        assert_eq!(
            lifted.for_rule(&period(start, end)).status,
            status,
            "{start} to {end}"
        );
    }
}

#[test]
fn a_revocation_ends_the_selection_from_its_day_for_good() {
    let revoked = taken(&body(), MeasureKind::Revocation, "2026-09-01");
    assert!(revoked.selected_on(day("2026-08-31")));
    assert_eq!(
        revoked.standing_on(day("2027-01-01")),
        Standing::Revoked {
            since: day("2026-09-01")
        }
    );
    assert_eq!(
        revoked.for_rule(&period("2025-09-01", "2026-08-31")).status,
        AuditBodyStatus::Selected
    );
    assert_eq!(
        revoked.for_rule(&period("2025-09-02", "2026-09-01")).status,
        AuditBodyStatus::Revoked
    );
    for kind in MeasureKind::ALL {
        assert!(matches!(
            take_measure(
                &revoked,
                measure(kind, "2026-10-01"),
                &admin(),
                Moment::at(3)
            ),
            Err(Refusal::Conflict(Conflict::AuditBodyRevoked { .. }))
        ));
    }
}

#[test]
fn a_second_suspension_waits_for_the_first_to_be_lifted() {
    let suspended = taken(&body(), MeasureKind::Suspension, "2026-05-01");
    assert!(matches!(
        take_measure(
            &suspended,
            measure(MeasureKind::Suspension, "2026-06-01"),
            &admin(),
            Moment::at(3)
        ),
        Err(Refusal::Conflict(Conflict::AuditBodySuspended { .. }))
    ));
    // A revocation may follow a suspension.
    let revoked = taken(&suspended, MeasureKind::Revocation, "2026-06-01");
    assert_eq!(
        revoked.standing_on(day("2026-06-01")),
        Standing::Revoked {
            since: day("2026-06-01")
        }
    );
}

#[test]
fn lifting_needs_a_suspension_and_a_later_day_and_a_reason() {
    let reason = Bilingual::new("是正済み", "fixed");
    assert!(matches!(
        lift_suspension(
            &body(),
            day("2026-07-01"),
            reason.clone(),
            &admin(),
            Moment::at(1)
        ),
        Err(Refusal::Conflict(Conflict::AuditBodyNotSuspended { .. }))
    ));
    let suspended = taken(&body(), MeasureKind::Suspension, "2026-05-01");
    assert_eq!(
        refused_fields(lift_suspension(
            &suspended,
            day("2026-05-01"),
            Bilingual::new(" ", ""),
            &admin(),
            Moment::at(1)
        )),
        [
            ("/reason".to_owned(), "required"),
            ("/on".to_owned(), "not_after_suspension")
        ]
    );
}

#[test]
fn a_measure_needs_facts_a_reason_and_a_day_in_order_within_the_selection() {
    let blank = NewMeasure {
        facts: Bilingual::new("", " "),
        reason: Bilingual::new("", ""),
        ..measure(MeasureKind::Caution, "2024-01-01")
    };
    assert_eq!(
        refused_fields(take_measure(&body(), blank, &admin(), Moment::at(1))),
        [
            ("/facts".to_owned(), "required"),
            ("/reason".to_owned(), "required"),
            ("/on".to_owned(), "outside_selection")
        ]
    );
    let cautioned = taken(&body(), MeasureKind::Caution, "2026-05-01");
    assert_eq!(
        refused_fields(take_measure(
            &cautioned,
            measure(MeasureKind::ImprovementOrder, "2026-04-30"),
            &admin(),
            Moment::at(2)
        )),
        [("/on".to_owned(), "before_last_measure")]
    );
}

#[test]
fn only_the_operators_administrators_take_measures() {
    for by in [
        member("operator", OrgKind::Operator, &[Role::OperatorReviewer]),
        member("ab", OrgKind::AuditBody, &[Role::Auditor]),
    ] {
        assert!(matches!(
            take_measure(
                &body(),
                measure(MeasureKind::Caution, "2026-05-01"),
                &by,
                Moment::at(1)
            ),
            Err(Refusal::NotAllowed(_))
        ));
    }
}

#[test]
fn a_new_selection_keeps_the_measures_taken_before() {
    let cautioned = taken(&body(), MeasureKind::Caution, "2026-05-01");
    let renewed = record_selection(
        AuditBodyRecord {
            valid_until: day("2031-03-31"),
            ..body()
        },
        Some(&cautioned),
        &admin(),
        Moment::at(5),
    )
    .unwrap()
    .state;
    assert_eq!(renewed.measures, cautioned.measures);
    assert_eq!(renewed.valid_until, day("2031-03-31"));
}

#[test]
fn a_record_without_measures_is_stored_as_before() {
    let text = serde_json::to_string(&body()).unwrap();
    assert!(!text.contains("measures"), "{text}");
    let read: AuditBodyRecord = serde_json::from_str(&text).unwrap();
    assert_eq!(read, body());
}

fn report_text() -> Bilingual {
    Bilingual::new("監査人に変更なし", "no change to our auditors")
}

fn signer_of_body() -> Member {
    member(
        "ab",
        OrgKind::AuditBody,
        &[Role::Auditor, Role::SigningAuditor],
    )
}

/// Noon UTC on `text`, a day from 2025 on.
fn moment(text: &str) -> Moment {
    const JANUARY_2025_MS: i64 = 1_735_689_600_000;
    let date = day(text);
    (0..)
        .map(|n| Moment::at(JANUARY_2025_MS + n * 86_400_000 + 43_200_000))
        .find(|m| m.date() == date)
        .unwrap()
}

#[test]
fn a_report_is_due_on_the_last_day_of_each_year_of_the_selection() {
    let days: Vec<(u32, String)> = body()
        .report_days()
        .into_iter()
        .map(|(year, due)| (year, due.to_string()))
        .collect();
    assert_eq!(
        days,
        [
            (1, "2026-03-31".to_owned()),
            (2, "2027-03-31".to_owned()),
            (3, "2028-03-31".to_owned())
        ]
    );
    let states = |today: &str| -> Vec<&'static str> {
        body()
            .reports_due(day(today))
            .iter()
            .map(|due| due.state.code())
            .collect()
    };
    assert_eq!(states("2026-02-28"), ["upcoming", "upcoming", "upcoming"]);
    assert_eq!(states("2026-03-01"), ["due_soon", "upcoming", "upcoming"]);
    assert_eq!(states("2026-03-31"), ["due_soon", "upcoming", "upcoming"]);
    assert_eq!(states("2026-04-01"), ["overdue", "upcoming", "upcoming"]);
    assert_eq!(states("2027-03-15"), ["overdue", "due_soon", "upcoming"]);
}

#[test]
fn the_body_sends_the_oldest_report_owed() {
    let late = submit_status_report(
        &body(),
        report_text(),
        &signer_of_body(),
        moment("2027-03-15"),
    )
    .unwrap();
    assert_eq!(late.event.action, "audit_body.status_report");
    let record = late.state;
    assert_eq!(record.status_reports[0].year, 1);
    let states: Vec<_> = record
        .reports_due(day("2027-03-15"))
        .iter()
        .map(|due| due.state)
        .collect();
    assert_eq!(
        states,
        [
            ReportState::Submitted {
                on: day("2027-03-15")
            },
            ReportState::DueSoon,
            ReportState::Upcoming
        ]
    );
    let record = submit_status_report(
        &record,
        report_text(),
        &signer_of_body(),
        moment("2027-03-16"),
    )
    .unwrap()
    .state;
    assert_eq!(record.status_reports[1].year, 2);
    assert!(matches!(
        submit_status_report(
            &record,
            report_text(),
            &signer_of_body(),
            moment("2027-03-17")
        ),
        Err(Refusal::Conflict(Conflict::NoStatusReportOwed { .. }))
    ));
}

#[test]
fn only_the_bodys_auditors_report_and_with_a_text() {
    for by in [
        admin(),
        member("other-ab", OrgKind::AuditBody, &[Role::Auditor]),
    ] {
        assert!(matches!(
            submit_status_report(&body(), report_text(), &by, moment("2026-03-20")),
            Err(Refusal::NotAllowed(_))
        ));
    }
    assert_eq!(
        refused_fields(submit_status_report(
            &body(),
            Bilingual::new(" ", ""),
            &signer_of_body(),
            moment("2026-03-20")
        )),
        [("/text".to_owned(), "required")]
    );
}
