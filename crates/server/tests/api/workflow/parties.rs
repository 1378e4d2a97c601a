//! Who may do what: the public must sign in (401), the wrong party or role is refused (403),
//! and a party that may not know a thing exists is told it does not (404).

use serde_json::{Value, json};

use super::flow::{
    accepted_audit, application, audited_service, conclusions, new_service, ok, order_body,
    refused, service_body, statement_body, submitted_statement, text,
};
use crate::world::workflow_world;

#[tokio::test]
async fn the_public_is_asked_to_sign_in_on_every_route() {
    let world = workflow_world().await;
    let (service, statement, audit) = audited_service(&world).await;
    let application = application(&world, &service, &audit).await;
    let routes: Vec<(&str, String, Option<Value>)> = vec![
        ("POST", "/api/v1/services".into(), Some(service_body())),
        ("GET", "/api/v1/services".into(), None),
        ("GET", format!("/api/v1/services/{service}"), None),
        (
            "POST",
            format!("/api/v1/services/{service}/statements"),
            Some(json!({"criteria_version": "demo-2026", "target_level": 1})),
        ),
        ("GET", format!("/api/v1/statements/{statement}"), None),
        (
            "PUT",
            format!("/api/v1/statements/{statement}"),
            Some(statement_body()),
        ),
        (
            "POST",
            format!("/api/v1/statements/{statement}/submit"),
            None,
        ),
        (
            "GET",
            format!("/api/v1/statements/{statement}/precheck"),
            None,
        ),
        (
            "POST",
            "/api/v1/audits".into(),
            Some(order_body(&service, &statement)),
        ),
        ("GET", "/api/v1/audits".into(), None),
        ("GET", format!("/api/v1/audits/{audit}"), None),
        ("GET", format!("/api/v1/audits/{audit}/report"), None),
        (
            "POST",
            format!("/api/v1/audits/{audit}/accept"),
            Some(json!({"signing_auditor": "x"})),
        ),
        (
            "POST",
            format!("/api/v1/audits/{audit}/decline"),
            Some(json!({"reason": text("多忙", "busy")})),
        ),
        (
            "PUT",
            format!("/api/v1/audits/{audit}/conclusions"),
            Some(json!({})),
        ),
        ("POST", format!("/api/v1/audits/{audit}/sign"), None),
        (
            "POST",
            "/api/v1/applications".into(),
            Some(json!({"service": service, "audit": audit, "kind": "new"})),
        ),
        ("GET", "/api/v1/applications".into(), None),
        ("GET", format!("/api/v1/applications/{application}"), None),
        (
            "GET",
            format!("/api/v1/applications/{application}/review"),
            None,
        ),
        (
            "POST",
            format!("/api/v1/applications/{application}/explanations"),
            Some(json!({"controls": ["x"]})),
        ),
        (
            "PUT",
            format!("/api/v1/applications/{application}/explanations/x"),
            Some(json!({"text": text("説明", "why")})),
        ),
        (
            "POST",
            format!("/api/v1/applications/{application}/explanations/x/verdict"),
            Some(json!({"accepted": true})),
        ),
        (
            "POST",
            format!("/api/v1/applications/{application}/decision"),
            Some(json!({"decision": "reject", "reason": text("却下", "no")})),
        ),
        (
            "POST",
            format!("/api/v1/applications/{application}/approve"),
            None,
        ),
        (
            "POST",
            format!("/api/v1/applications/{application}/withdraw"),
            None,
        ),
        (
            "PUT",
            "/api/v1/audit-bodies/ab/selection".into(),
            Some(
                json!({"status": "revoked", "valid_from": "2025-04-01", "valid_until": "2028-03-31"}),
            ),
        ),
        (
            "PUT",
            format!("/api/v1/auditors/{}", world.users["auditor"]),
            Some(
                json!({"org": "ab", "name": text("監査 一郎", "Ichiro Kansa"),
                        "qualifications": [], "experience_years": 1, "nationality": "JP",
                        "may_sign": true}),
            ),
        ),
    ];
    for (method, uri, body) in routes {
        refused(&world, "public", method, &uri, body, 401).await;
    }
    // Nothing changed meanwhile.
    let now = ok(
        &world,
        "operator_reviewer",
        "GET",
        &format!("/api/v1/applications/{application}"),
        None,
    )
    .await;
    assert_eq!(now["status"], "submitted");
}

#[tokio::test]
async fn only_the_party_of_each_step_may_take_it() {
    let world = workflow_world().await;
    let w = &world;
    // Only providers describe services.
    for role in ["operator_admin", "auditor", "procurer"] {
        let error = refused(
            w,
            role,
            "POST",
            "/api/v1/services",
            Some(service_body()),
            403,
        )
        .await;
        assert_eq!(error["detail_code"], "not_the_provider");
    }
    let service = new_service(w).await;
    // The operator reads the service but does not write its statements.
    refused(
        w,
        "operator_reviewer",
        "POST",
        &format!("/api/v1/services/{service}/statements"),
        Some(json!({"criteria_version": "demo-2026", "target_level": 1})),
        403,
    )
    .await;
    let statement = submitted_statement(w, &service).await;
    refused(
        w,
        "operator_admin",
        "PUT",
        &format!("/api/v1/statements/{statement}"),
        Some(statement_body()),
        403,
    )
    .await;
    // Only providers order audits; only the audit body's auditors accept them.
    refused(
        w,
        "operator_reviewer",
        "POST",
        "/api/v1/audits",
        Some(order_body(&service, &statement)),
        403,
    )
    .await;
    let waiting = super::flow::ordered_audit(w, &service, &statement).await;
    for role in ["provider", "operator_admin"] {
        let signer = w.users["signing_auditor"].clone();
        let error = refused(
            w,
            role,
            "POST",
            &format!("/api/v1/audits/{waiting}/accept"),
            Some(json!({"signing_auditor": signer})),
            403,
        )
        .await;
        assert_eq!(error["detail_code"], "not_the_audit_body");
        refused(
            w,
            role,
            "POST",
            &format!("/api/v1/audits/{waiting}/decline"),
            Some(json!({"reason": text("不要", "not needed")})),
            403,
        )
        .await;
    }
    let audit = accepted_audit(w, &service, &statement).await;
    // The audit body reads the statement now, but it is the provider's to submit.
    refused(
        w,
        "auditor",
        "POST",
        &format!("/api/v1/statements/{statement}/submit"),
        None,
        403,
    )
    .await;
    let statement_json = ok(
        w,
        "auditor",
        "GET",
        &format!("/api/v1/statements/{statement}"),
        None,
    )
    .await;
    for role in ["provider", "operator_admin"] {
        let error = refused(
            w,
            role,
            "PUT",
            &format!("/api/v1/audits/{audit}/conclusions"),
            Some(conclusions(&statement_json, None)),
            403,
        )
        .await;
        assert_eq!(error["detail_code"], "not_the_audit_body");
    }
    ok(
        w,
        "auditor",
        "PUT",
        &format!("/api/v1/audits/{audit}/conclusions"),
        Some(conclusions(&statement_json, None)),
    )
    .await;
    // An auditor of the body who is not the named signer may not sign.
    let error = refused(
        w,
        "auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/sign"),
        None,
        403,
    )
    .await;
    assert_eq!(error["detail_code"], "not_the_signing_auditor");
    ok(
        w,
        "signing_auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/sign"),
        None,
    )
    .await;
    // Only providers apply; only the operator reviews and decides; only administrators approve.
    refused(
        w,
        "signing_auditor",
        "POST",
        "/api/v1/applications",
        Some(json!({"service": service, "audit": audit, "kind": "new"})),
        403,
    )
    .await;
    let application = application(w, &service, &audit).await;
    let uri = |tail: &str| format!("/api/v1/applications/{application}{tail}");
    for role in ["provider", "auditor"] {
        let error = refused(w, role, "GET", &uri("/review"), None, 403).await;
        assert_eq!(error["detail_code"], "not_a_reviewer");
        refused(
            w,
            role,
            "POST",
            &uri("/decision"),
            Some(json!({"decision": "reject", "reason": text("却下", "no")})),
            403,
        )
        .await;
    }
    ok(w, "operator_reviewer", "GET", &uri("/review"), None).await;
    refused(
        w,
        "provider",
        "POST",
        &uri("/explanations"),
        Some(json!({"controls": ["x"]})),
        403,
    )
    .await;
    ok(
        w,
        "operator_reviewer",
        "POST",
        &uri("/decision"),
        Some(json!({"decision": "reject", "reason": text("却下", "no")})),
    )
    .await;
    refused(w, "provider", "POST", &uri("/approve"), None, 403).await;
    refused(w, "operator_reviewer", "POST", &uri("/withdraw"), None, 403).await;
    let error = refused(w, "operator_reviewer", "POST", &uri("/approve"), None, 403).await;
    assert_eq!(error["detail_code"], "not_an_administrator");
    // Only administrators record audit bodies and auditors.
    for role in ["operator_reviewer", "auditor", "provider"] {
        refused(
            w,
            role,
            "PUT",
            "/api/v1/audit-bodies/ab/selection",
            Some(json!({"status": "revoked", "valid_from": "2025-04-01", "valid_until": "2028-03-31"})),
            403,
        )
        .await;
        refused(
            w,
            role,
            "PUT",
            &format!("/api/v1/auditors/{}", w.users["auditor"]),
            Some(
                json!({"org": "ab", "name": text("監査 一郎", "Ichiro Kansa"),
                        "qualifications": ["CISA"], "experience_years": 9, "nationality": "JP",
                        "may_sign": true}),
            ),
            403,
        )
        .await;
    }
}

#[tokio::test]
async fn explanations_are_given_by_the_audit_body_and_judged_by_the_operator() {
    let world = workflow_world().await;
    let w = &world;
    let service = new_service(w).await;
    let statement = submitted_statement(w, &service).await;
    let explained = super::flow::nonconformant_control();
    let audit = super::flow::signed_audit(w, &service, &statement, Some(&explained)).await;
    let application = application(w, &service, &audit).await;
    let uri = |tail: &str| format!("/api/v1/applications/{application}{tail}");
    ok(w, "operator_reviewer", "GET", &uri("/review"), None).await;
    ok(
        w,
        "operator_reviewer",
        "POST",
        &uri("/explanations"),
        Some(json!({"controls": [explained]})),
    )
    .await;
    let answer = Some(json!({"text": text("代替策あり", "compensated")}));
    for role in ["provider", "operator_reviewer"] {
        refused(
            w,
            role,
            "PUT",
            &uri(&format!("/explanations/{explained}")),
            answer.clone(),
            403,
        )
        .await;
    }
    // A verdict needs an explanation first.
    let error = refused(
        w,
        "operator_reviewer",
        "POST",
        &uri(&format!("/explanations/{explained}/verdict")),
        Some(json!({"accepted": false})),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "explanation_not_answered");
    ok(
        w,
        "signing_auditor",
        "PUT",
        &uri(&format!("/explanations/{explained}")),
        answer,
    )
    .await;
    for role in ["provider", "auditor"] {
        refused(
            w,
            role,
            "POST",
            &uri(&format!("/explanations/{explained}/verdict")),
            Some(json!({"accepted": true})),
            403,
        )
        .await;
    }
    // A rejected explanation makes the rule reject.
    ok(
        w,
        "operator_reviewer",
        "POST",
        &uri(&format!("/explanations/{explained}/verdict")),
        Some(json!({"accepted": false})),
    )
    .await;
    let review = ok(w, "operator_reviewer", "GET", &uri("/review"), None).await;
    assert_eq!(review["decision"], "reject", "{review}");
    assert!(
        review["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "explanation_rejected")
    );
}

#[tokio::test]
async fn a_party_that_may_not_know_a_thing_is_told_it_does_not_exist() {
    let world = workflow_world().await;
    let w = &world;
    let service = new_service(w).await;
    let statement = submitted_statement(w, &service).await;
    // Before any audit is ordered, the audit body knows nothing of the service.
    refused(
        w,
        "auditor",
        "GET",
        &format!("/api/v1/services/{service}"),
        None,
        404,
    )
    .await;
    let audit = super::flow::signed_audit(w, &service, &statement, None).await;
    let application = application(w, &service, &audit).await;
    let reads = [
        format!("/api/v1/services/{service}"),
        format!("/api/v1/statements/{statement}"),
        format!("/api/v1/statements/{statement}/precheck"),
        format!("/api/v1/audits/{audit}"),
        format!("/api/v1/audits/{audit}/report"),
        format!("/api/v1/applications/{application}"),
        format!("/api/v1/applications/{application}/review"),
    ];
    for role in ["other_provider", "procurer"] {
        for uri in &reads {
            let hidden = refused(w, role, "GET", uri, None, 404).await;
            // The same answer as for an id that does not exist.
            let missing_uri = uri
                .replace(&service, "svc-missing")
                .replace(&audit, "au-missing")
                .replace(&application, "ap-missing");
            let missing = refused(w, role, "GET", &missing_uri, None, 404).await;
            assert_eq!(hidden["code"], missing["code"]);
        }
        // Nor may it change them.
        refused(
            w,
            role,
            "POST",
            &format!("/api/v1/statements/{statement}/submit"),
            None,
            404,
        )
        .await;
        refused(
            w,
            role,
            "POST",
            &format!("/api/v1/applications/{application}/withdraw"),
            None,
            404,
        )
        .await;
        let listed = ok(w, role, "GET", "/api/v1/services", None).await;
        assert_eq!(listed["items"], json!([]), "{role}");
    }
    // The other provider cannot name them in its own orders either.
    let error = refused(
        w,
        "other_provider",
        "POST",
        "/api/v1/audits",
        Some(order_body(&service, &statement)),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/service");
    let error = refused(
        w,
        "other_provider",
        "POST",
        "/api/v1/applications",
        Some(json!({"service": service, "audit": audit, "kind": "new"})),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/service");
    // The audit body lists the service it audits; the owner and the operator list it too.
    for role in ["auditor", "provider", "operator_reviewer"] {
        let listed = ok(w, role, "GET", "/api/v1/services", None).await;
        let ids: Vec<&str> = listed["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, [service.as_str()], "{role}");
    }
}

#[tokio::test]
async fn a_browser_session_acts_with_its_anti_forgery_token() {
    let world = workflow_world().await;
    let session = world.session("provider").await;
    let body = service_body().to_string();
    let created = world
        .call_in(&session, "POST", "/api/v1/services", Some(&body))
        .await;
    assert_eq!(created.status, 201, "{}", created.text());
    let id = created.json()["id"].as_str().unwrap().to_owned();
    // The same cookie without the token is refused before anything happens.
    let forged = crate::support::send(
        &world.app,
        axum::http::Request::post(format!("/api/v1/services/{id}/statements"))
            .header("cookie", &session.cookie)
            .header("content-type", "application/json")
            .body(axum::body::Body::from(
                json!({"criteria_version": "demo-2026", "target_level": 1}).to_string(),
            ))
            .unwrap(),
    )
    .await;
    assert_eq!(forged.status, 403);
    forged.error("csrf_failed");
    let read = world
        .call_in(&session, "GET", &format!("/api/v1/services/{id}"), None)
        .await;
    assert_eq!(read.status, 200);
    let versions = world.store.statements_of(&id).await.unwrap();
    assert!(versions.is_empty());
}
