use std::collections::BTreeMap;

use serde_json::json;

use super::*;
use crate::accounts::{OrgKind, Role};
use crate::level::Level;
use crate::lifecycle::{Reason, Status};
use crate::policy::Member;
use crate::registry::{EntryStatus, RegistryEntry, StatusChange};
use crate::text::Bilingual;
use crate::workflow::application::{
    Application, ApplicationKind, ApplicationStatus, Approval, RecordedDecision, Verdict,
};
use crate::workflow::lifecycle_run::tests::entry as demo_entry;
use crate::workflow::lifecycle_run::{self, RegistryFacts};
use crate::workflow::registry_status::{
    NoticeText, StatusDecision, StatusMove, change_status, withdraw,
};
use crate::workflow::registry_write::registration_reason;
use crate::workflow::service::tests::{member, provider};
use crate::workflow::{Moment, WorkflowEvent};

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

/// Noon in Japan on that day.
fn noon(text: &str) -> Moment {
    Moment::at(day(text).days_since_epoch() * 86_400_000 + 3 * 3_600_000)
}

fn admin() -> Member {
    Member {
        user_id: "admin".into(),
        ..member("op", OrgKind::Operator, &[Role::OperatorAdmin])
    }
}

fn decision(reason: &str) -> StatusDecision {
    StatusDecision {
        reason: Bilingual::new(reason, reason),
        notice: NoticeText {
            title: Bilingual::new("お知らせ", "Notice"),
            body: Bilingual::new("本文", "Body"),
        },
        remarks: None,
    }
}

/// An application approved on `on` for level 2 until `valid_until`; `renews` makes it a
/// renewal of that entry.
fn approved(id: &str, renews: Option<&str>, on: &str, valid_until: &str) -> Application {
    let at = noon(on);
    Application {
        id: id.into(),
        service: format!("svc-{id}"),
        provider: "csp".into(),
        audit: "au-1".into(),
        audit_body: "ab".into(),
        kind: if renews.is_some() {
            ApplicationKind::Renewal
        } else {
            ApplicationKind::New
        },
        status: ApplicationStatus::Registered,
        submitted_at_ms: at.at_ms - 30 * 86_400_000,
        renews: renews.map(str::to_owned),
        explanations: Vec::new(),
        decision: Some(RecordedDecision {
            decision: Verdict::Register,
            reason: Bilingual::new("適合", "conforms"),
            by: "decider".into(),
            at_ms: at.at_ms,
            rule_decision: "register".into(),
            level: Level::new(2),
            valid_until: Some(day(valid_until)),
        }),
        approval: Some(Approval {
            by: "admin".into(),
            at_ms: at.at_ms,
            on: at.date(),
        }),
        registry_entry: None,
        updated_at_ms: at.at_ms,
    }
}

/// A log being written and the registry as stored beside it, moved by the scheme's own
/// transitions.
#[derive(Default)]
struct World {
    events: Vec<WorkflowEvent>,
    stored: BTreeMap<String, RegistryEntry>,
    applications: Vec<Application>,
    evaluated: BTreeMap<String, Vec<String>>,
}

impl World {
    fn approve(
        &mut self,
        id: &str,
        renews: Option<&str>,
        on: &str,
        valid_until: &str,
    ) -> Application {
        let application = approved(id, renews, on, valid_until);
        self.application(application.clone(), "application.approve", noon(on));
        application
    }

    fn application(&mut self, application: Application, action: &'static str, at: Moment) {
        self.events.push(WorkflowEvent::new(
            &admin(),
            at,
            action,
            &application.id,
            json!({ "application": application }),
        ));
        self.applications.retain(|known| known.id != application.id);
        self.applications.push(application);
    }

    /// Registers `id`, built on `built_on`, through an approved application.
    fn register(&mut self, id: &str, on: &str, valid_until: &str, built_on: &[&str]) {
        let application = self.approve(&format!("ap-{id}"), None, on, valid_until);
        let mut entry = demo_entry(id, valid_until, built_on);
        entry.level = Level::new(2).unwrap();
        entry.provider = "csp".into();
        entry.registered_on = day(on);
        entry.application = Some(application.id.clone());
        entry.service = Some(application.service.clone());
        entry.history = vec![StatusChange {
            on: day(on),
            to: EntryStatus::Registered,
            reason: registration_reason(&application),
        }];
        self.write(
            entry.clone(),
            WorkflowEvent::new(
                &admin(),
                noon(on),
                "registry.register",
                id,
                json!({ "entry": entry }),
            ),
        );
    }

    fn write(&mut self, entry: RegistryEntry, event: WorkflowEvent) {
        self.stored.insert(entry.id.clone(), entry);
        self.events.push(event);
    }

    fn entry(&self, id: &str) -> RegistryEntry {
        self.stored[id].clone()
    }

    fn status(&mut self, id: &str, change: StatusMove, on: &str) {
        let written = change_status(
            &self.entry(id),
            change,
            decision("measure"),
            &admin(),
            noon(on),
        )
        .unwrap();
        self.write(written.state, written.event);
    }

    /// The lifecycle job's run on `as_of`, as the service makes it.
    fn run_job(&mut self, as_of: &str) {
        let entries: Vec<RegistryEntry> = self.stored.values().cloned().collect();
        let facts = RegistryFacts {
            entries: &entries,
            applications: &self.applications,
            evaluated_in_audit: &self.evaluated,
        };
        for planned in lifecycle_run::plan(facts, day(as_of)) {
            let change = lifecycle_run::apply(&self.entry(&planned.entry), &planned, noon(as_of));
            self.write(change.state, change.event);
        }
    }

    fn rebuild(&self) -> Rebuild {
        let mut rebuild = Rebuild::new();
        for (index, event) in self.events.iter().enumerate() {
            let payload = event.payload.to_string();
            rebuild.read(&LoggedEvent {
                seq: index as u64 + 1,
                at_ms: event.at_ms,
                actor: &event.actor,
                action: event.action,
                subject: &event.subject,
                payload: &payload,
            });
        }
        rebuild
    }

    fn check(&self, as_of: &str) -> RebuildReport {
        let stored: Vec<RegistryEntry> = self.stored.values().cloned().collect();
        self.rebuild().check(&stored, day(as_of))
    }

    fn check_with(&self, stored: &[RegistryEntry], as_of: &str) -> Vec<Finding> {
        self.rebuild().check(stored, day(as_of)).findings
    }
}

/// A base and a service built on it, one suspended and reinstated, one withdrawn, one renewed
/// while its renewal was under review, the base expired with the service on it falling in
/// cascade: every change made by the scheme's own transitions.
fn lived() -> World {
    let mut world = World::default();
    world.register("C-BASE", "2026-01-10", "2027-03-31", &[]);
    world.register("C-TOP", "2026-02-10", "2028-03-31", &["C-BASE"]);
    world.register("C-SPARED", "2026-02-10", "2028-03-31", &["C-BASE"]);
    // The job reads the bases an entry's audit evaluated by entry, from its service.
    world
        .evaluated
        .insert("C-SPARED".into(), vec!["C-BASE".into()]);
    world.events.push(WorkflowEvent::new(
        &provider(),
        noon("2026-02-01"),
        "service.edit",
        "svc-ap-C-SPARED",
        json!({"service": {"id": "svc-ap-C-SPARED", "details": {"underlying_evaluated_in_audit": ["C-BASE"]}}}),
    ));
    world.register("C-SUSP", "2026-03-01", "2028-03-31", &[]);
    world.status("C-SUSP", StatusMove::Suspend, "2026-06-01");
    world.status("C-SUSP", StatusMove::Reinstate, "2026-07-01");
    world.register("C-GONE", "2026-03-01", "2028-03-31", &[]);
    let withdrawn = withdraw(
        &world.entry("C-GONE"),
        Bilingual::new("事業終了", "the business ends"),
        &provider(),
        noon("2026-08-01"),
    )
    .unwrap();
    world.write(withdrawn.state, withdrawn.event);
    world.register("C-RENEW", "2026-01-20", "2027-03-31", &[]);
    let mut applied = approved("ap-renew", Some("C-RENEW"), "2027-04-20", "2029-03-31");
    applied.status = ApplicationStatus::UnderReview;
    applied.decision = None;
    applied.approval = None;
    applied.submitted_at_ms = noon("2027-03-01").at_ms;
    world.application(applied, "application.submit", noon("2027-03-01"));
    world.run_job("2027-04-02");
    world
}

#[test]
fn a_registry_moved_by_the_scheme_s_transitions_agrees_with_its_log() {
    let world = lived();
    let report = world.check("2027-04-10");
    assert_eq!(report.findings, Vec::<Finding>::new());
    assert_eq!(report.entries_rebuilt, 6);
    assert_eq!(report.entries_stored, 6);
    assert!(report.agrees());
    // The job expired the base and brought down what its audit had not evaluated.
    assert_eq!(world.entry("C-BASE").status, EntryStatus::Expired);
    assert_eq!(world.entry("C-TOP").status, EntryStatus::Deregistered);
    assert_eq!(world.entry("C-SPARED").status, EntryStatus::Registered);
    // Under review past its end: still registered.
    assert_eq!(world.entry("C-RENEW").status, EntryStatus::Registered);
    let rebuilt = world.rebuild().entries();
    let stored: Vec<RegistryEntry> = world.stored.values().cloned().collect();
    assert_eq!(rebuilt, stored);
}

#[test]
fn a_renewal_approved_later_is_rebuilt_from_its_decision() {
    let mut world = lived();
    let approved = world.approve("ap-renew", Some("C-RENEW"), "2027-04-20", "2029-03-31");
    let mut entry = world.entry("C-RENEW");
    entry.valid_until = day("2029-03-31");
    entry.application = Some(approved.id.clone());
    entry.history.push(StatusChange {
        on: day("2027-04-20"),
        to: EntryStatus::Registered,
        reason: registration_reason(&approved),
    });
    let event = WorkflowEvent::new(
        &admin(),
        noon("2027-04-20"),
        "registry.renew",
        "C-RENEW",
        json!({ "entry": entry }),
    );
    world.write(entry, event);
    assert_eq!(world.check("2027-05-01").findings, Vec::<Finding>::new());
    // Stored with another end of validity than the decision's: found.
    let mut stored: Vec<RegistryEntry> = world.stored.values().cloned().collect();
    let renewed = stored
        .iter_mut()
        .find(|entry| entry.id == "C-RENEW")
        .unwrap();
    renewed.valid_until = day("2030-03-31");
    let findings = world.check_with(&stored, "2027-05-01");
    assert!(findings.contains(&Finding::Differs {
        entry: "C-RENEW".into(),
        field: Field::ValidUntil,
        stored: "2030-03-31".into(),
        rebuilt: "2029-03-31".into(),
    }));
    assert!(findings.contains(&Finding::NotAsLogged {
        entry: "C-RENEW".into(),
        seq: world.events.len() as u64,
    }));
}

#[test]
fn a_row_changed_behind_the_log_s_back_is_found_field_by_field() {
    let world = lived();
    let mut stored: Vec<RegistryEntry> = world.stored.values().cloned().collect();
    let suspended = stored
        .iter_mut()
        .find(|entry| entry.id == "C-SUSP")
        .unwrap();
    suspended.status = EntryStatus::Suspended;
    suspended.level = Level::new(3).unwrap();
    suspended.history.pop();
    let findings = world.check_with(&stored, "2027-04-10");
    let fields: Vec<Field> = findings
        .iter()
        .filter_map(|finding| match finding {
            Finding::Differs { entry, field, .. } if entry == "C-SUSP" => Some(*field),
            _ => None,
        })
        .collect();
    assert_eq!(fields, vec![Field::Status, Field::Level, Field::History]);
    let history = findings
        .iter()
        .find(|finding| {
            matches!(
                finding,
                Finding::Differs {
                    field: Field::History,
                    ..
                }
            )
        })
        .unwrap();
    assert_eq!(
        history,
        &Finding::Differs {
            entry: "C-SUSP".into(),
            field: Field::History,
            stored: "#3 —".into(),
            rebuilt: "#3 2026-07-01 registered \"measure\"".into(),
        }
    );
    assert!(history.message().en.contains("history differs"));
    assert!(history.message().ja.contains("履歴が異なります"));
}

#[test]
fn entries_on_one_side_only_are_named() {
    let world = lived();
    let mut stored: Vec<RegistryEntry> = world.stored.values().cloned().collect();
    stored.retain(|entry| entry.id != "C-GONE");
    let mut stray = world.entry("C-SUSP");
    stray.id = "C-STRAY".into();
    stored.push(stray);
    let findings = world.check_with(&stored, "2027-04-10");
    assert_eq!(
        findings,
        vec![
            Finding::Unlogged {
                entry: "C-STRAY".into()
            },
            Finding::Missing {
                entry: "C-GONE".into()
            },
        ]
    );
}

#[test]
fn a_day_the_job_has_not_reached_is_reported_as_due() {
    let world = lived();
    // On 2028-04-01 the rule has the spared service and the suspended one expired.
    let findings = world.check("2028-04-01").findings;
    let due: Vec<&str> = findings
        .iter()
        .filter_map(|finding| match finding {
            Finding::LifecycleDue {
                entry,
                lifecycle: Status::Expired,
                reason: Reason::Expired,
                ..
            } => Some(entry.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(due, vec!["C-SPARED", "C-SUSP"]);
    assert_eq!(findings.len(), 2);
    let message = findings[0].message();
    assert!(
        message
            .en
            .contains("registered by the log, but Expired (expired, 2028-04-01)"),
        "{}",
        message.en
    );
    assert!(
        message
            .ja
            .contains("ログでは登録ですが、lifecycle ルールでは期限切れ（expired, 2028-04-01）"),
        "{}",
        message.ja
    );
}

#[test]
fn an_expiry_the_rule_does_not_find_is_not_explained() {
    let mut world = lived();
    // The job's expiry of a service valid until 2028, recorded in 2027.
    let planned = lifecycle_run::Planned {
        entry: "C-SUSP".into(),
        fall: lifecycle_run::Fall::Expired {
            since: day("2027-04-02"),
        },
    };
    let change = lifecycle_run::apply(&world.entry("C-SUSP"), &planned, noon("2027-04-02"));
    world.write(change.state, change.event);
    let findings = world.check("2027-04-10").findings;
    let seq = world.events.len() as u64;
    assert_eq!(
        findings.first(),
        Some(&Finding::Unexplained {
            seq,
            entry: "C-SUSP".into(),
            why: Unexplained::FallNotDue {
                action: "registry.expire".into(),
                since: day("2027-04-02"),
                lifecycle: Some(Status::Registered),
                reason: Some(Reason::Valid),
            },
        })
    );
    // The rule, on the day asked about, has it registered.
    assert!(findings.iter().any(|finding| matches!(
        finding,
        Finding::LifecycleDue { entry, lifecycle: Status::Registered, .. } if entry == "C-SUSP"
    )));
}

#[test]
fn a_base_renewed_after_its_cascade_does_not_bring_back_what_fell() {
    let mut world = lived();
    let approved = world.approve("ap-base", Some("C-BASE"), "2027-05-01", "2029-03-31");
    let mut entry = world.entry("C-BASE");
    entry.status = EntryStatus::Registered;
    entry.valid_until = day("2029-03-31");
    entry.application = Some(approved.id.clone());
    entry.history.push(StatusChange {
        on: day("2027-05-01"),
        to: EntryStatus::Registered,
        reason: registration_reason(&approved),
    });
    let event = WorkflowEvent::new(
        &admin(),
        noon("2027-05-01"),
        "registry.renew",
        "C-BASE",
        json!({ "entry": entry }),
    );
    world.write(entry, event);
    let report = world.check("2027-06-01");
    assert_eq!(report.findings, Vec::<Finding>::new());
    assert_eq!(world.entry("C-TOP").status, EntryStatus::Deregistered);
}

#[test]
fn events_the_rules_do_not_explain_are_named_with_their_place() {
    let mut world = lived();
    // A registration whose application the log never approved.
    let mut entry = demo_entry("C-ROGUE", "2028-03-31", &[]);
    entry.application = Some("ap-never".into());
    let event = WorkflowEvent::new(
        &admin(),
        noon("2027-04-05"),
        "registry.register",
        "C-ROGUE",
        json!({ "entry": entry }),
    );
    world.write(entry, event);
    // A reinstatement of a withdrawn registration, forged.
    let mut gone = world.entry("C-GONE");
    gone.status = EntryStatus::Registered;
    let event = WorkflowEvent::new(
        &admin(),
        noon("2027-04-06"),
        "registry.reinstate",
        "C-GONE",
        json!({ "entry": gone, "reason": {"ja": "復活", "en": "back"} }),
    );
    world.write(gone, event);
    world.events.push(WorkflowEvent::new(
        &admin(),
        noon("2027-04-07"),
        "registry.teleport",
        "C-TOP",
        json!({}),
    ));
    world.events.push(WorkflowEvent::new(
        &admin(),
        noon("2027-04-07"),
        "registry.notice",
        "C-NOWHERE",
        json!({ "entry": demo_entry("C-NOWHERE", "2028-03-31", &[]) }),
    ));
    world.events.push(WorkflowEvent::new(
        &admin(),
        noon("2027-04-07"),
        "registry.suspend",
        "C-SPARED",
        json!({ "entry": 7 }),
    ));
    let findings = world.check("2027-04-10").findings;
    let whys: Vec<&Unexplained> = findings
        .iter()
        .filter_map(|finding| match finding {
            Finding::Unexplained { why, .. } => Some(why),
            _ => None,
        })
        .collect();
    assert_eq!(whys.len(), 5, "{findings:#?}");
    assert_eq!(
        whys[0],
        &Unexplained::NotApproved {
            application: "ap-never".into()
        }
    );
    assert_eq!(
        whys[1],
        &Unexplained::MoveNotAllowed {
            action: "registry.reinstate".into(),
            from: EntryStatus::Deregistered,
        }
    );
    assert_eq!(
        whys[2],
        &Unexplained::UnknownAction {
            action: "registry.teleport".into()
        }
    );
    assert_eq!(
        whys[3],
        &Unexplained::UnknownEntry {
            action: "registry.notice".into()
        }
    );
    assert!(matches!(whys[4], Unexplained::Unreadable { .. }));
    for finding in &findings {
        let message = finding.message();
        assert!(!message.ja.is_empty() && !message.en.is_empty());
        assert!(message.en.starts_with(finding.entry()), "{}", message.en);
    }
}

#[test]
fn an_entry_loaded_from_a_file_keeps_its_history_from_before_the_log() {
    let mut world = World::default();
    let mut entry = demo_entry("C-FILE", "2028-03-31", &[]);
    entry.status = EntryStatus::Suspended;
    entry.history.push(StatusChange {
        on: day("2026-05-01"),
        to: EntryStatus::Suspended,
        reason: Bilingual::new("調査中", "under investigation"),
    });
    let event = WorkflowEvent::by_system(
        noon("2026-06-01"),
        "registry.register",
        "C-FILE",
        json!({ "entry": entry, "document_sha256": "0f" }),
    );
    world.write(entry, event);
    world.status("C-FILE", StatusMove::Reinstate, "2026-07-01");
    assert_eq!(world.check("2026-08-01").findings, Vec::<Finding>::new());
    // A register event without the entry (as loads once wrote them) cannot be rebuilt.
    world.events.push(WorkflowEvent::by_system(
        noon("2026-09-01"),
        "registry.register",
        "C-OLD",
        json!({"id": "C-OLD", "level": 1, "document_sha256": "0f"}),
    ));
    let findings = world.check("2026-09-02").findings;
    assert_eq!(
        findings,
        vec![Finding::Unexplained {
            seq: 3,
            entry: "C-OLD".into(),
            why: Unexplained::Unreadable {
                detail: "no entry".into()
            },
        }]
    );
}

#[test]
fn findings_serialise_with_their_kind() {
    let finding = Finding::Unexplained {
        seq: 4,
        entry: "C-1".into(),
        why: Unexplained::AlreadyRegistered,
    };
    assert_eq!(
        serde_json::to_value(&finding).unwrap(),
        json!({"kind": "unexplained", "seq": 4, "entry": "C-1", "problem": "already_registered"})
    );
}
