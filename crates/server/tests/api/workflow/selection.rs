//! An audit body applies to be selected; the operator reads the rule's answer and an
//! administrator decides: selecting writes the body's record for the rule's validity and a
//! profile for each declared auditor, keeping the measures taken before; a rejected body's
//! record is left as it was.

use serde_json::{Value, json};

use super::flow::{ok, pointers, refused, text};
use crate::world::{World, workflow_world};

fn auditor(world: &World, role: &str, signing: bool) -> Value {
    json!({"user": world.users[role], "name": text("監査 太郎", "Taro Kansa"),
           "qualifications": ["CISA"], "experience_years": 6, "nationality": "JP",
           "signing": signing})
}

fn facts(auditors: Vec<Value>) -> Value {
    json!({"domestic_registration": true,
           "quality_control": text("監査調書を二名で確認する", "two people review every audit file"),
           "subcontracting_rules": text("監査業務は再委託しない", "no audit work is subcontracted"),
           "independence_declaration": true,
           "auditors": auditors})
}

async fn apply(world: &World, body: Value) -> String {
    let applied = ok(
        world,
        "auditor",
        "POST",
        "/api/v1/audit-bodies/ab/selection-applications",
        Some(body),
    )
    .await;
    assert_eq!(applied["status"], "submitted");
    applied["id"].as_str().unwrap().to_owned()
}

fn decision(kind: &str) -> Value {
    json!({"decision": kind, "reason": text("判断基準による", "as the rule answers")})
}

#[tokio::test]
async fn a_body_is_selected_with_the_rule_and_its_auditors_recorded() {
    let world = workflow_world().await;
    let w = &world;
    ok(
        w,
        "operator_admin",
        "POST",
        "/api/v1/audit-bodies/ab/measures",
        Some(json!({"kind": "caution", "on": "2026-02-01",
                    "facts": text("報告の遅れ", "a late report"),
                    "reason": text("期限の不遵守", "a deadline was missed")})),
    )
    .await;
    let id = apply(
        w,
        facts(vec![
            auditor(w, "auditor", true),
            auditor(w, "signing_auditor", true),
        ]),
    )
    .await;
    let uri = |tail: &str| format!("/api/v1/selection-applications/{id}{tail}");

    // One application waits at a time; only the body and the operator see it.
    let error = refused(
        w,
        "signing_auditor",
        "POST",
        "/api/v1/audit-bodies/ab/selection-applications",
        Some(facts(vec![])),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "selection_application_open");
    for role in ["signing_auditor", "operator_reviewer", "operator_admin"] {
        ok(w, role, "GET", &uri(""), None).await;
    }
    for role in ["provider", "procurer"] {
        refused(w, role, "GET", &uri(""), None, 404).await;
        let listed = ok(
            w,
            role,
            "GET",
            "/api/v1/audit-bodies/ab/selection-applications",
            None,
        )
        .await;
        assert_eq!(listed["items"], json!([]));
    }

    // The rule's answer today (2026-06-01), for the operator only.
    refused(w, "auditor", "GET", &uri("/review"), None, 403).await;
    let review = ok(w, "operator_reviewer", "GET", &uri("/review"), None).await;
    assert_eq!(review["decision"], "select");
    assert_eq!(review["valid_from"], "2026-06-01");
    assert_eq!(review["valid_until"], "2029-05-31");

    refused(
        w,
        "operator_reviewer",
        "POST",
        &uri("/decide"),
        Some(decision("select")),
        403,
    )
    .await;
    let error = refused(
        w,
        "operator_admin",
        "POST",
        &uri("/decide"),
        Some(json!({"decision": "maybe", "reason": text("", "")})),
        422,
    )
    .await;
    assert_eq!(pointers(&error), ["/decision"]);
    let decided = ok(
        w,
        "operator_admin",
        "POST",
        &uri("/decide"),
        Some(decision("select")),
    )
    .await;
    assert_eq!(decided["status"], "selected");
    let mut qualified = vec![
        w.users["auditor"].clone(),
        w.users["signing_auditor"].clone(),
    ];
    qualified.sort();
    assert_eq!(
        decided["decision"]["qualified_signing_auditors"],
        json!(qualified)
    );
    let error = refused(
        w,
        "operator_admin",
        "POST",
        &uri("/decide"),
        Some(decision("reject")),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "selection_application_decided");

    let bodies = ok(w, "public", "GET", "/api/v1/audit-bodies", None).await;
    let ab = bodies["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["org"] == "ab")
        .unwrap();
    // The new selection continues the one in force since 2025-04-01 without a gap.
    assert_eq!(ab["valid_from"], "2025-04-01");
    assert_eq!(ab["valid_until"], "2029-05-31");
    assert_eq!(ab["measures"][0]["kind"], "caution", "the caution is kept");
    let auditor_id = &w.users["auditor"];
    let profile = w.store.auditor_profile(auditor_id).await.unwrap().unwrap();
    assert!(profile.value.may_sign);

    let report = w
        .store
        .verify_log(&w.store.verifying_key(), Vec::new())
        .await
        .unwrap();
    assert!(report.intact(), "{:?}", report.findings);
}

#[tokio::test]
async fn selecting_waits_for_the_rule_and_a_rejection_leaves_the_record() {
    let world = workflow_world().await;
    let w = &world;
    let before = ok(w, "public", "GET", "/api/v1/audit-bodies", None).await;
    // One qualified signing auditor where two are required.
    let id = apply(w, facts(vec![auditor(w, "signing_auditor", true)])).await;
    let uri = |tail: &str| format!("/api/v1/selection-applications/{id}{tail}");
    let review = ok(w, "operator_reviewer", "GET", &uri("/review"), None).await;
    assert_eq!(review["decision"], "reject");
    assert_eq!(review["findings"][0]["code"], "too_few_signing_auditors");
    let error = refused(
        w,
        "operator_admin",
        "POST",
        &uri("/decide"),
        Some(decision("select")),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "rule_does_not_select");
    let decided = ok(
        w,
        "operator_admin",
        "POST",
        &uri("/decide"),
        Some(decision("reject")),
    )
    .await;
    assert_eq!(decided["status"], "rejected");
    assert_eq!(
        decided["decision"]["findings"][0]["code"],
        "too_few_signing_auditors"
    );
    assert_eq!(
        ok(w, "public", "GET", "/api/v1/audit-bodies", None).await,
        before
    );
    // Decided, the body may apply again.
    apply(
        w,
        facts(vec![
            auditor(w, "auditor", true),
            auditor(w, "signing_auditor", true),
        ]),
    )
    .await;
}

#[tokio::test]
async fn an_application_names_only_the_bodys_own_users_and_checked_facts() {
    let world = workflow_world().await;
    let w = &world;
    let mut outsider = auditor(w, "provider", true);
    outsider["nationality"] = json!("jp");
    let error = refused(
        w,
        "auditor",
        "POST",
        "/api/v1/audit-bodies/ab/selection-applications",
        Some(facts(vec![outsider])),
        422,
    )
    .await;
    assert_eq!(pointers(&error), ["/auditors/0/nationality"]);
    let error = refused(
        w,
        "auditor",
        "POST",
        "/api/v1/audit-bodies/ab/selection-applications",
        Some(facts(vec![auditor(w, "provider", true)])),
        422,
    )
    .await;
    assert_eq!(pointers(&error), ["/auditors/0/user"]);
    refused(
        w,
        "auditor",
        "POST",
        "/api/v1/audit-bodies/no-such-body/selection-applications",
        Some(facts(vec![])),
        404,
    )
    .await;
    let listed = ok(
        w,
        "auditor",
        "GET",
        "/api/v1/audit-bodies/ab/selection-applications",
        None,
    )
    .await;
    assert_eq!(listed["items"], json!([]), "nothing stored");
}
