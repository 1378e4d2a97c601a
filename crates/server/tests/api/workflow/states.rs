//! What a thing's state forbids (409): a submitted statement does not change, a signed report
//! is not signed again, audits are of submitted statements, applications rest on signed
//! reports, one open application per service, and actions out of their turn.

use serde_json::json;

use super::flow::{
    accepted_audit, application, audited_service, filled_draft, new_service, ok, order_body,
    ordered_audit, refused, statement_body, submitted_statement, text,
};
use crate::world::workflow_world;

#[tokio::test]
async fn a_submitted_statement_and_a_signed_report_never_change() {
    let world = workflow_world().await;
    let w = &world;
    let (service, statement, audit) = audited_service(w).await;
    let error = refused(
        w,
        "provider",
        "PUT",
        &format!("/api/v1/statements/{statement}"),
        Some(statement_body()),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "statement_frozen");
    let error = refused(
        w,
        "provider",
        "POST",
        &format!("/api/v1/statements/{statement}/submit"),
        None,
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "statement_frozen");
    let before = ok(
        w,
        "provider",
        "GET",
        &format!("/api/v1/audits/{audit}"),
        None,
    )
    .await;
    let error = refused(
        w,
        "signing_auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/sign"),
        None,
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "audit_not_in_progress");
    refused(
        w,
        "auditor",
        "PUT",
        &format!("/api/v1/audits/{audit}/conclusions"),
        Some(json!({})),
        409,
    )
    .await;
    let error = refused(
        w,
        "auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/accept"),
        Some(json!({"signing_auditor": world.users["signing_auditor"]})),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "audit_not_requested");
    let after = ok(
        w,
        "provider",
        "GET",
        &format!("/api/v1/audits/{audit}"),
        None,
    )
    .await;
    assert_eq!(before, after);
    // The service still has its application to make.
    application(w, &service, &audit).await;
}

#[tokio::test]
async fn steps_out_of_turn_are_conflicts() {
    let world = workflow_world().await;
    let w = &world;
    let service = new_service(w).await;
    // An audit of a draft.
    let draft = filled_draft(w, &service).await;
    let error = refused(
        w,
        "provider",
        "POST",
        "/api/v1/audits",
        Some(order_body(&service, &draft)),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "statement_not_submitted");
    ok(
        w,
        "provider",
        "POST",
        &format!("/api/v1/statements/{draft}/submit"),
        None,
    )
    .await;
    // Signing before every conclusion is in.
    let audit = accepted_audit(w, &service, &draft).await;
    let error = refused(
        w,
        "signing_auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/sign"),
        None,
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "conclusions_incomplete");
    // Applying with a report not signed.
    let error = refused(
        w,
        "provider",
        "POST",
        "/api/v1/applications",
        Some(json!({"service": service, "audit": audit, "kind": "new"})),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "report_not_signed");
    // Conclusions of an audit not yet accepted.
    let waiting = ordered_audit(w, &service, &draft).await;
    refused(
        w,
        "auditor",
        "PUT",
        &format!("/api/v1/audits/{waiting}/conclusions"),
        Some(json!({})),
        409,
    )
    .await;
    let declined = ok(
        w,
        "auditor",
        "POST",
        &format!("/api/v1/audits/{waiting}/decline"),
        Some(json!({"reason": text("利益相反", "a conflict of interest")})),
    )
    .await;
    assert_eq!(declined["status"], "declined");
    refused(
        w,
        "auditor",
        "POST",
        &format!("/api/v1/audits/{waiting}/decline"),
        Some(json!({"reason": text("再度", "again")})),
        409,
    )
    .await;
}

#[tokio::test]
async fn an_application_follows_its_statuses() {
    let world = workflow_world().await;
    let w = &world;
    let (service, _, audit) = audited_service(w).await;
    // A renewal of a service that is not registered.
    let error = refused(
        w,
        "provider",
        "POST",
        "/api/v1/applications",
        Some(json!({"service": service, "audit": audit, "kind": "renewal"})),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "wrong_kind");
    let first = application(w, &service, &audit).await;
    // One open application per service.
    let error = refused(
        w,
        "provider",
        "POST",
        "/api/v1/applications",
        Some(json!({"service": service, "audit": audit, "kind": "new"})),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "application_open");
    let uri = |tail: &str| format!("/api/v1/applications/{first}{tail}");
    // Deciding before the review, approving before the decision.
    let reason = text("基準を満たす", "meets the rule");
    let error = refused(
        w,
        "operator_reviewer",
        "POST",
        &uri("/decision"),
        Some(json!({"decision": "register", "reason": reason})),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "application_state");
    refused(w, "operator_admin", "POST", &uri("/approve"), None, 409).await;
    // Asking about a control the review does not list is an invalid field.
    ok(w, "operator_reviewer", "GET", &uri("/review"), None).await;
    let error = refused(
        w,
        "operator_reviewer",
        "POST",
        &uri("/explanations"),
        Some(json!({"controls": ["5.1.1"]})),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/controls/0");
    let many: Vec<String> = (0..5_001).map(|i| format!("c{i}")).collect();
    let error = refused(
        w,
        "operator_reviewer",
        "POST",
        &uri("/explanations"),
        Some(json!({ "controls": many })),
        422,
    )
    .await;
    assert_eq!(
        (&error["pointer"], &error["detail_code"]),
        (&json!("/controls"), &json!("too_long"))
    );
    // Explaining what was not asked.
    refused(
        w,
        "auditor",
        "PUT",
        &uri("/explanations/5.1.1"),
        Some(json!({"text": text("説明", "why")})),
        409,
    )
    .await;
    // Withdrawn, it is finished: a new application may follow, this one does not move.
    let withdrawn = ok(w, "provider", "POST", &uri("/withdraw"), None).await;
    assert_eq!(withdrawn["status"], "withdrawn");
    refused(w, "provider", "POST", &uri("/withdraw"), None, 409).await;
    refused(
        w,
        "operator_reviewer",
        "POST",
        &uri("/decision"),
        Some(json!({"decision": "reject", "reason": reason})),
        409,
    )
    .await;
    let second = application(w, &service, &audit).await;
    assert_ne!(second, first);
}

#[tokio::test]
async fn the_statement_of_another_service_cannot_be_audited_for_this_one() {
    let world = workflow_world().await;
    let w = &world;
    let one = new_service(w).await;
    let other = new_service(w).await;
    let statement = submitted_statement(w, &other).await;
    let error = refused(
        w,
        "provider",
        "POST",
        "/api/v1/audits",
        Some(order_body(&one, &statement)),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/statement");
}
