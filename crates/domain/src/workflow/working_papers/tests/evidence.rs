//! Evidence and requests for it: what a record names, withdrawal, due and overdue requests.

use super::*;

fn file_evidence(id: &str, control: Option<String>, occurrence: Option<u64>) -> NewEvidence {
    NewEvidence {
        id: id.into(),
        control,
        occurrence,
        method: EvidenceMethod::Inspection,
        title: text("ジョブ記録", "job log"),
        content: EvidenceContent::File {
            sha256: "0f".repeat(32),
            size: 1024,
            media_type: "text/plain".into(),
            file_name: "job.log".into(),
        },
        speaks_for: day("2025-10-02"),
        request: None,
    }
}

#[test]
fn evidence_names_a_selected_control_and_a_sampled_occurrence_and_is_only_withdrawn() {
    let audit = in_progress();
    let statement = submitted();
    let (work, items) = sampled();
    let control = work.control.clone();
    let added = add_evidence(
        &audit,
        &statement,
        Some(&work),
        file_evidence(
            &evidence_id("au-1", 1),
            Some(control.clone()),
            Some(items[0]),
        ),
        &provider(),
        at(3),
    )
    .unwrap()
    .state;
    assert_eq!(added.id, "au-1/ev-0000001");
    assert_eq!(added.supplied_by_org, provider().org_id);
    let not_sampled = (1..=180).find(|n| !items.contains(n)).unwrap();
    let refused = add_evidence(
        &audit,
        &statement,
        Some(&work),
        NewEvidence {
            speaks_for: day("2099-01-01"),
            ..file_evidence("au-1/ev-0000002", Some(control.clone()), Some(not_sampled))
        },
        &provider(),
        at(3),
    )
    .unwrap_err();
    assert_eq!(codes(refused), ["in_the_future", "not_sampled"]);
    let withdrawn = withdraw_evidence(
        &audit,
        &added,
        text("誤り", "wrong file"),
        &provider(),
        at(4),
    )
    .unwrap()
    .state;
    assert!(withdrawn.withdrawn.is_some());
    assert_eq!(
        withdraw_evidence(&audit, &withdrawn, text("x", "x"), &provider(), at(5)),
        Err(Refusal::Conflict(Conflict::EvidenceWithdrawn {
            evidence: added.id.clone()
        }))
    );
    let result = record_item(
        &audit,
        Some(&work),
        &control,
        1,
        items[0],
        true,
        text("確認", "checked"),
        &[&withdrawn],
        &auditor(),
        at(6),
    )
    .unwrap_err();
    assert_eq!(codes(result), ["not_evidence_of_control"]);
    let (signed, _) = signed();
    assert_eq!(
        withdraw_evidence(&signed, &added, text("x", "x"), &provider(), at(7)),
        Err(Refusal::Conflict(Conflict::AuditNotInProgress {
            audit: "au-1".into()
        }))
    );
}

#[test]
fn requests_for_evidence_are_due_answered_and_overdue() {
    let audit = in_progress();
    let statement = submitted();
    let today = at(0).date();
    let request = ask(
        &audit,
        &statement,
        NewRequest {
            id: request_id("au-1", 1),
            control: Some(first_selected(&statement)),
            occurrence: None,
            text: text("設定画面の写しを", "a copy of the settings"),
            due_on: today.add_days(7).unwrap(),
        },
        &auditor(),
        at(0),
    )
    .unwrap()
    .state;
    assert!(!request.is_overdue(today));
    assert!(request.is_overdue(today.add_days(8).unwrap()));
    let past = ask(
        &audit,
        &statement,
        NewRequest {
            id: request_id("au-1", 2),
            control: None,
            occurrence: None,
            text: text("x", "x"),
            due_on: today.add_days(-1).unwrap(),
        },
        &auditor(),
        at(0),
    )
    .unwrap_err();
    assert_eq!(codes(past), ["in_the_past"]);
    let evidence = add_evidence(
        &audit,
        &statement,
        None,
        file_evidence("au-1/ev-0000001", None, None),
        &provider(),
        at(1),
    )
    .unwrap()
    .state;
    let answered = answer_request(&audit, &request, &[&evidence], &provider(), at(2))
        .unwrap()
        .state;
    assert_eq!(answered.status, RequestStatus::Answered);
    assert!(!answered.is_overdue(today.add_days(30).unwrap()));
    assert_eq!(
        answer_request(&audit, &answered, &[&evidence], &provider(), at(3)),
        Err(Refusal::Conflict(Conflict::RequestNotOpen {
            request: request.id
        }))
    );
}
