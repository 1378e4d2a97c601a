//! The whole story over the API: a provider describes a service, writes and submits its
//! statement, orders an audit; the audit body accepts, concludes and signs; the provider
//! applies; the operator reviews, asks for an explanation, judges it and decides; a second
//! administrator approves; the registry shows the entry with the application that wrote it —
//! and the signed log accounts for every row.

use serde_json::{Value, json};
use shinrai_domain::workflow::report::{ReportText, read_report};

use super::flow::{
    assert_log_intact, conclusions, id, logged_actions, nonconformant_control, ok, order_body,
    refused, service_body, statement_body, text,
};
use crate::support::get;
use crate::world::{World, workflow_world};

/// Validates `value` against the component `name` of the published OpenAPI document.
pub(super) async fn conforms(world: &World, name: &str, value: &Value) {
    let document = get(&world.app, "/api/openapi.json").await.json();
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/components/schemas/{name}"),
        "components": document["components"],
    });
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:?} in {value}");
}

#[tokio::test]
async fn a_service_goes_from_its_description_to_the_registry() {
    let world = workflow_world().await;
    let w = &world;

    // The provider describes its service; the server chooses the id.
    let service = ok(
        w,
        "provider",
        "POST",
        "/api/v1/services",
        Some(service_body()),
    )
    .await;
    conforms(w, "ServiceView", &service).await;
    let service_id = id(&service);
    assert!(service_id.starts_with("svc-"), "{service_id}");
    assert_eq!(service["provider"], "csp");
    let listed = ok(w, "provider", "GET", "/api/v1/services?provider=csp", None).await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 1);

    // A draft statement, its content, the pre-check, and its submission.
    let draft = ok(
        w,
        "provider",
        "POST",
        &format!("/api/v1/services/{service_id}/statements"),
        Some(json!({"criteria_version": "demo-2026", "target_level": 1})),
    )
    .await;
    conforms(w, "StatementVersionView", &draft).await;
    assert_eq!(
        (&draft["status"], &draft["version"]),
        (&json!("draft"), &json!(1))
    );
    let statement_id = id(&draft);
    let precheck_uri = format!("/api/v1/statements/{statement_id}/precheck");
    let empty = ok(w, "provider", "GET", &precheck_uri, None).await;
    assert_eq!(empty["reachable_level"], Value::Null);
    let saved = ok(
        w,
        "provider",
        "PUT",
        &format!("/api/v1/statements/{statement_id}"),
        Some(statement_body()),
    )
    .await;
    conforms(w, "StatementVersionView", &saved).await;
    let precheck = ok(
        w,
        "provider",
        "GET",
        &format!("{precheck_uri}?lang=ja"),
        None,
    )
    .await;
    conforms(w, "PrecheckAnswer", &precheck).await;
    assert_eq!(precheck["findings"], json!([]), "{precheck}");
    assert_eq!(precheck["target_level"], 1);
    assert_eq!(precheck["findings_by_level"]["1"], 0);
    let submitted = ok(
        w,
        "provider",
        "POST",
        &format!("/api/v1/statements/{statement_id}/submit"),
        None,
    )
    .await;
    assert_eq!(submitted["status"], "submitted");

    // The audit: ordered, accepted with a qualified signer, concluded, signed.
    let audit = ok(
        w,
        "provider",
        "POST",
        "/api/v1/audits",
        Some(order_body(&service_id, &statement_id)),
    )
    .await;
    conforms(w, "AuditView", &audit).await;
    assert_eq!(audit["status"], "requested");
    assert_eq!(audit["audited_scope"], service_body()["scope"]);
    let audit_id = id(&audit);
    assert!(audit_id.starts_with("au-"), "{audit_id}");
    // Its audit body reads the service now, and the statement once it accepts.
    ok(
        w,
        "auditor",
        "GET",
        &format!("/api/v1/services/{service_id}"),
        None,
    )
    .await;
    refused(
        w,
        "auditor",
        "GET",
        &format!("/api/v1/statements/{statement_id}"),
        None,
        404,
    )
    .await;
    let signer = w.users["signing_auditor"].clone();
    let accepted = ok(
        w,
        "auditor",
        "POST",
        &format!("/api/v1/audits/{audit_id}/accept"),
        Some(json!({"signing_auditor": signer})),
    )
    .await;
    assert_eq!(accepted["status"], "in_progress");
    assert_eq!(accepted["signing_auditor"], json!(signer));
    let statement = ok(
        w,
        "auditor",
        "GET",
        &format!("/api/v1/statements/{statement_id}"),
        None,
    )
    .await;
    let explained = nonconformant_control();
    let concluded = ok(
        w,
        "auditor",
        "PUT",
        &format!("/api/v1/audits/{audit_id}/conclusions"),
        Some(conclusions(&statement, Some(&explained))),
    )
    .await;
    conforms(w, "AuditView", &concluded).await;
    let signed = ok(
        w,
        "signing_auditor",
        "POST",
        &format!("/api/v1/audits/{audit_id}/sign"),
        Some(json!({})),
    )
    .await;
    conforms(w, "AuditView", &signed).await;
    assert_eq!(signed["status"], "signed");
    assert_eq!(signed["signed_on"], "2026-06-01");
    let sha256 = signed["report_sha256"].as_str().unwrap().to_owned();
    // The report as downloaded hashes to what signing answered, as does the stored one.
    let downloaded = ok(
        w,
        "provider",
        "GET",
        &format!("/api/v1/audits/{audit_id}/report"),
        None,
    )
    .await;
    let ReportText::Report { sha256: hashed, .. } = read_report(&downloaded.to_string()) else {
        panic!("not a report: {downloaded}");
    };
    assert_eq!(hashed, sha256);
    let stored = w.store.audit_report(&audit_id).await.unwrap().unwrap();
    assert_eq!(stored.sha256(), sha256);

    // The application, and the review with the rule on the stored facts.
    let application = ok(
        w,
        "provider",
        "POST",
        "/api/v1/applications",
        Some(json!({"service": service_id, "audit": audit_id, "kind": "new"})),
    )
    .await;
    conforms(w, "ApplicationView", &application).await;
    assert_eq!(application["status"], "submitted");
    assert_eq!(application["decision"], Value::Null);
    let application_id = id(&application);
    assert!(application_id.starts_with("ap-"), "{application_id}");
    let uri = |tail: &str| format!("/api/v1/applications/{application_id}{tail}");
    let review = ok(w, "operator_reviewer", "GET", &uri("/review"), None).await;
    conforms(w, "RegistrationAnswer", &review).await;
    assert_eq!(review["decision"], "request_explanation", "{review}");
    assert_eq!(review["explanations_requested"], json!([explained]));
    let now = ok(w, "provider", "GET", &uri(""), None).await;
    assert_eq!(now["status"], "under_review");
    // Registering is refused while the rule does not answer `register`.
    let error = refused(
        w,
        "operator_reviewer",
        "POST",
        &uri("/decision"),
        Some(json!({"decision": "register", "reason": text("適合", "meets the rule")})),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "rule_does_not_register");

    // The explanation: asked, given by the audit body, accepted.
    let asked = ok(
        w,
        "operator_reviewer",
        "POST",
        &uri("/explanations"),
        Some(json!({"controls": [explained]})),
    )
    .await;
    assert_eq!(asked["status"], "explanation_requested");
    let answered = ok(
        w,
        "auditor",
        "PUT",
        &uri(&format!("/explanations/{explained}")),
        Some(json!({"text": text("目的は代替策で達成", "the objective is met by other means")})),
    )
    .await;
    conforms(w, "ApplicationView", &answered).await;
    let judged = ok(
        w,
        "operator_reviewer",
        "POST",
        &uri(&format!("/explanations/{explained}/verdict")),
        Some(json!({"accepted": true})),
    )
    .await;
    assert_eq!(judged["status"], "under_review");
    let review = ok(w, "operator_reviewer", "GET", &uri("/review?lang=ja"), None).await;
    assert_eq!(review["decision"], "register", "{review}");
    assert_eq!(review["level"], 1);
    assert_eq!(review["valid_until"], "2027-07-31");

    // The decision, then the approval by an administrator other than the decider.
    let decided = ok(
        w,
        "operator_reviewer",
        "POST",
        &uri("/decision"),
        Some(json!({"decision": "register", "reason": text("基準を満たす", "meets the rule")})),
    )
    .await;
    conforms(w, "ApplicationView", &decided).await;
    assert_eq!(decided["status"], "decided");
    assert_eq!(decided["decision"], "register");
    assert_eq!(decided["decision_record"]["level"], 1);
    assert_eq!(decided["decision_record"]["rule_decision"], "register");
    refused(w, "operator_reviewer", "POST", &uri("/approve"), None, 403).await;
    let approved = ok(
        w,
        "operator_admin",
        "POST",
        &uri("/approve"),
        Some(json!({})),
    )
    .await;
    conforms(w, "ApplicationView", &approved).await;
    assert_eq!(approved["status"], "registered");
    let entry_id = approved["registry_entry"].as_str().unwrap().to_owned();
    assert!(entry_id.starts_with("C26-"), "{entry_id}");
    assert_eq!(
        ok(w, "provider", "GET", &uri(""), None).await["registry_entry"],
        json!(entry_id)
    );

    // The registry, open to everyone, shows the entry with the application that wrote it.
    let entry = ok(
        w,
        "public",
        "GET",
        &format!("/api/v1/registry/{entry_id}"),
        None,
    )
    .await;
    conforms(w, "RegistryEntryView", &entry).await;
    assert_eq!(entry["application"], json!(application_id));
    assert_eq!(entry["status"], "registered");
    assert_eq!(entry["level"], 1);
    assert_eq!(entry["valid_until"], "2027-07-31");
    assert_eq!(entry["registered_on"], "2026-06-01");
    assert_eq!(entry["provider"]["id"], "csp");
    assert_eq!(entry["audit_body"]["id"], "ab");
    let listed = ok(w, "public", "GET", "/api/v1/registry?provider=csp", None).await;
    assert!(
        listed["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|item| item["id"] == json!(entry_id)),
        "{listed}"
    );
    let page = get(&w.app, &format!("/registry/{entry_id}")).await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("Test Mail") || html.contains("試験メール"));

    // Every action is in the signed log, and every row it wrote is accounted for.
    let actions = logged_actions(w).await;
    for action in [
        "service.create",
        "statement.start",
        "statement.save",
        "statement.submit",
        "audit.order",
        "audit.accept",
        "audit.conclude",
        "audit.sign",
        "application.submit",
        "application.review",
        "application.ask",
        "application.explain",
        "application.judge",
        "application.decide",
        "application.approve",
        "registry.register",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action} missing");
    }
    assert_log_intact(w).await;
}

#[tokio::test]
async fn the_decider_may_not_approve_but_a_second_administrator_may() {
    let world = workflow_world().await;
    let (service, _, audit) = super::flow::audited_service(&world).await;
    let application = super::flow::application(&world, &service, &audit).await;
    let uri = |tail: &str| format!("/api/v1/applications/{application}{tail}");
    let review = ok(&world, "operator_admin", "GET", &uri("/review"), None).await;
    assert_eq!(review["decision"], "register", "{review}");
    ok(
        &world,
        "operator_admin",
        "POST",
        &uri("/decision"),
        Some(json!({"decision": "register", "reason": text("基準を満たす", "meets the rule")})),
    )
    .await;
    let error = refused(
        &world,
        "operator_admin",
        "POST",
        &uri("/approve"),
        None,
        403,
    )
    .await;
    assert_eq!(error["detail_code"], "four_eyes");
    let approved = ok(&world, "second_admin", "POST", &uri("/approve"), None).await;
    assert_eq!(approved["status"], "registered");
    assert_eq!(approved["approval"]["by"], "user-second_admin");
    // Approved once, it takes effect once.
    let error = refused(
        &world,
        "operator_admin",
        "POST",
        &uri("/approve"),
        None,
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "application_state");
}

#[tokio::test]
async fn a_rejection_approved_writes_no_registry_entry() {
    let world = workflow_world().await;
    let (service, _, audit) = super::flow::audited_service(&world).await;
    let application = super::flow::application(&world, &service, &audit).await;
    let uri = |tail: &str| format!("/api/v1/applications/{application}{tail}");
    ok(&world, "operator_reviewer", "GET", &uri("/review"), None).await;
    ok(
        &world,
        "operator_reviewer",
        "POST",
        &uri("/decision"),
        Some(json!({"decision": "reject", "reason": text("却下", "rejected")})),
    )
    .await;
    let before = world.store.registry_entries().await.unwrap().len();
    let rejected = ok(&world, "operator_admin", "POST", &uri("/approve"), None).await;
    assert_eq!(rejected["status"], "rejected");
    assert_eq!(rejected["registry_entry"], Value::Null);
    assert_eq!(world.store.registry_entries().await.unwrap().len(), before);
}
