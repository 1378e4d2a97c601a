use super::*;
use crate::accounts::{OrgKind, Role};
use crate::date::CalendarDate;
use crate::registry::{EntryStatus, RegistryEntry};
use crate::workflow::application::{Application, ApplicationKind, ApplicationStatus};
use crate::workflow::audit::tests::{in_progress, signed};
use crate::workflow::lifecycle_run::Fall;
use crate::workflow::reminders::{ReminderFacts, due};
use crate::workflow::service::tests::member;

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn at(text: &str) -> Moment {
    Moment::at(day(text).days_since_epoch() * 86_400_000 + 3 * 3_600_000)
}

fn registered(id: &str, valid_until: &str) -> RegistryEntry {
    let mut entry = crate::workflow::lifecycle_run::tests::entry(id, valid_until, &[]);
    entry.provider = "csp".to_owned();
    entry
}

fn draft() -> Draft {
    messages::fall_to_provider(
        &registered("C-1", "2027-03-31"),
        &Fall::Expired {
            since: day("2027-04-01"),
        },
        None,
    )
}

#[test]
fn a_message_lands_unread_in_its_recipients_inbox_by_the_system() {
    let change = send(draft(), true, at("2027-04-01"));
    assert_eq!(change.state.id, "csp~expired-C-1-2027-03-31");
    assert!(!change.state.is_read());
    assert_eq!(change.state.status_code(), "unread");
    assert_eq!(
        change.state.mail,
        MailState::Pending {
            attempts: 0,
            last_error: None
        }
    );
    assert_eq!(change.event.action, SENT);
    assert_eq!(change.event.subject, "csp");
    assert_eq!(change.event.actor, "system");
    assert_eq!(
        send(draft(), false, at("2027-04-01")).state.mail,
        MailState::Off
    );
}

#[test]
fn only_the_recipients_members_mark_it_read_and_unread() {
    let sent = send(draft(), false, at("2027-04-01")).state;
    let stranger = member("other", OrgKind::Provider, &[Role::Provider]);
    assert_eq!(
        mark(&sent, true, &stranger, at("2027-04-02"))
            .unwrap_err()
            .code(),
        "not_the_recipient"
    );
    let own = member("csp", OrgKind::Provider, &[Role::Provider]);
    let read = mark(&sent, true, &own, at("2027-04-02")).unwrap();
    assert!(read.state.is_read());
    assert_eq!(read.event.action, READ);
    assert_eq!(read.event.subject, "csp");
    let waiting = send(draft(), true, at("2027-04-01")).state;
    let read_first = mark(&waiting, true, &own, at("2027-04-02")).unwrap().state;
    assert_eq!(
        read_first.mail,
        MailState::ReadFirst,
        "read first, no e-mail needed"
    );
    assert!(record_mail(&read_first, MailOutcome::NoAddress, at("2027-04-02")).is_none());
    let unread = mark(&read.state, false, &own, at("2027-04-03")).unwrap();
    assert!(!unread.state.is_read());
    assert_eq!(unread.event.action, UNREAD);
}

#[test]
fn a_failed_delivery_is_tried_again_then_given_up() {
    let mut n = send(draft(), true, at("2027-04-01")).state;
    for attempt in 1..MAX_MAIL_ATTEMPTS {
        n = record_mail(
            &n,
            MailOutcome::Failed {
                error: "refused".into(),
            },
            at("2027-04-01"),
        )
        .unwrap()
        .state;
        assert_eq!(
            n.mail,
            MailState::Pending {
                attempts: attempt,
                last_error: Some("refused".into())
            }
        );
    }
    let last = record_mail(
        &n,
        MailOutcome::Failed {
            error: "refused".into(),
        },
        at("2027-04-01"),
    )
    .unwrap();
    assert_eq!(
        last.state.mail,
        MailState::Failed {
            attempts: MAX_MAIL_ATTEMPTS,
            error: "refused".into()
        }
    );
    assert_eq!(last.event.action, mail::MAILED);
    assert!(record_mail(&last.state, MailOutcome::NoAddress, at("2027-04-01")).is_none());
    let sent = send(draft(), true, at("2027-04-01")).state;
    let delivered =
        record_mail(&sent, MailOutcome::Sent { addresses: 2 }, at("2027-04-02")).unwrap();
    assert_eq!(delivered.state.mail.code(), "sent");
    assert!(
        record_mail(
            &delivered.state,
            MailOutcome::Sent { addresses: 2 },
            at("2027-04-02")
        )
        .is_none()
    );
}

#[test]
fn addresses_are_checked_each_at_its_place() {
    let own = member("csp", OrgKind::Provider, &[Role::Provider]);
    let set = set_addresses(
        vec![
            " security@csp.example ".into(),
            String::new(),
            "ops@csp.example".into(),
        ],
        &own,
        at("2027-04-01"),
    )
    .unwrap();
    assert_eq!(set.state.org, "csp");
    assert_eq!(
        set.state.addresses,
        ["security@csp.example", "ops@csp.example"]
    );
    assert_eq!(set.event.action, addresses::ADDRESSES_SET);
    let refused = set_addresses(
        vec![
            "ok@csp.example".into(),
            "no-at-sign".into(),
            "x@nodot".into(),
            "evil@csp.example\r\nBcc: all@x.example".into(),
            "OK@csp.example".into(),
        ],
        &own,
        at("2027-04-01"),
    )
    .unwrap_err();
    let Refusal::Invalid(errors) = refused else {
        panic!()
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "/addresses/1",
            "/addresses/2",
            "/addresses/3",
            "/addresses/4"
        ]
    );
    let many = vec!["a@b.example".to_owned(); MAX_ADDRESSES + 1];
    assert!(set_addresses(many, &own, at("2027-04-01")).is_err());
}

fn renewal(entry: &str, status: ApplicationStatus) -> Application {
    Application {
        id: format!("app-{entry}"),
        service: format!("svc-{entry}"),
        provider: "csp".into(),
        audit: "au-1".into(),
        audit_body: "ab".into(),
        kind: ApplicationKind::Renewal,
        status,
        submitted_at_ms: at("2027-01-10").at_ms,
        renews: Some(entry.to_owned()),
        explanations: Vec::new(),
        decision: None,
        approval: None,
        registry_entry: None,
        updated_at_ms: at("2027-01-10").at_ms,
    }
}

fn reminder_causes(
    entries: &[RegistryEntry],
    applications: &[Application],
    on: &str,
) -> Vec<String> {
    let facts = ReminderFacts {
        entries,
        applications,
        audits: &[],
    };
    due(facts, day(on))
        .into_iter()
        .map(|draft| draft.cause)
        .collect()
}

#[test]
fn renewal_reminders_fall_at_six_three_and_one_month_and_stop_once_a_renewal_is_pending() {
    let entries = [registered("C-1", "2027-08-31")];
    assert!(reminder_causes(&entries, &[], "2027-02-27").is_empty());
    assert_eq!(
        reminder_causes(&entries, &[], "2027-02-28"),
        ["renewal-C-1-2027-08-31-6m"]
    );
    assert_eq!(
        reminder_causes(&entries, &[], "2027-05-30"),
        ["renewal-C-1-2027-08-31-6m"]
    );
    assert_eq!(
        reminder_causes(&entries, &[], "2027-05-31"),
        ["renewal-C-1-2027-08-31-3m"]
    );
    assert_eq!(
        reminder_causes(&entries, &[], "2027-07-31"),
        ["renewal-C-1-2027-08-31-1m"]
    );
    assert_eq!(
        reminder_causes(&entries, &[], "2027-08-31"),
        ["renewal-C-1-2027-08-31-1m"]
    );
    assert!(reminder_causes(&entries, &[], "2027-09-01").is_empty());
    let pending = [renewal("C-1", ApplicationStatus::UnderReview)];
    assert!(reminder_causes(&entries, &pending, "2027-07-31").is_empty());
    let rejected = [renewal("C-1", ApplicationStatus::Rejected)];
    assert_eq!(
        reminder_causes(&entries, &rejected, "2027-07-31"),
        ["renewal-C-1-2027-08-31-1m"]
    );
    let mut ended = registered("C-2", "2027-08-31");
    ended.status = EntryStatus::Deregistered;
    assert!(reminder_causes(&[ended], &[], "2027-07-31").is_empty());
}

#[test]
fn an_unsigned_audits_report_is_reminded_to_both_parties_in_the_month_before_it_is_due() {
    let audit = in_progress();
    let due_on = crate::workflow::reminders::report_due_on(&audit).unwrap();
    let facts = |audits: &[crate::workflow::audit::Audit], on: CalendarDate| {
        due(
            ReminderFacts {
                entries: &[],
                applications: &[],
                audits,
            },
            on,
        )
    };
    let month_before = due_on.sub_months_clamped(1).unwrap();
    assert!(
        facts(
            std::slice::from_ref(&audit),
            month_before.day_before().unwrap()
        )
        .is_empty()
    );
    let drafts = facts(std::slice::from_ref(&audit), month_before);
    let to: Vec<&str> = drafts.iter().map(|d| d.to.as_str()).collect();
    assert_eq!(to, [audit.provider.as_str(), audit.audit_body.as_str()]);
    assert_eq!(drafts[0].cause, format!("report-{}-{due_on}", audit.id));
    assert_eq!(facts(std::slice::from_ref(&audit), due_on).len(), 2);
    assert!(facts(std::slice::from_ref(&audit), due_on.add_days(1).unwrap()).is_empty());
    let (signed, _) = signed();
    assert!(facts(&[signed], month_before).is_empty());
}

#[test]
fn a_fall_in_cascade_names_its_base() {
    let entry = registered("C-2", "2028-03-31");
    let fall = Fall::Cascade {
        because: "C-1".into(),
        since: day("2027-04-01"),
    };
    let draft = messages::fall_to_provider(&entry, &fall, Some(&Bilingual::new("基盤", "Base")));
    assert_eq!(draft.cause, "cascade-C-2-2027-04-01");
    assert!(draft.body.en.contains("Base (C-1)"));
    assert!(draft.body.ja.contains("基盤（C-1）"));
    assert_eq!(draft.link, "/registry/C-2");
}

#[test]
fn months_go_back_with_the_day_clamped() {
    assert_eq!(
        day("2027-03-31").sub_months_clamped(1),
        Some(day("2027-02-28"))
    );
    assert_eq!(
        day("2027-01-15").sub_months_clamped(13),
        Some(day("2025-12-15"))
    );
    assert_eq!(day("0001-03-01").sub_months_clamped(3), None);
}
