//! Change notices (変更届出): the provider reports a change of its registered service with its
//! deadline counted in business days; the operator acknowledges it, the entry records it and the
//! provider is told; a significant change marks the entry "new audit required" until an
//! application with an audit reaching the change's day meets it. Only the provider files, only
//! the operator's staff acknowledge, no one else sees the notices.

use serde_json::{Value, json};

use super::flow::{
    assert_log_intact, id, logged_actions, ok, pointers, refused, registered_entry, text,
};
use super::story::conforms;
use crate::world::{WORKFLOW_DAY_MS, workflow_world};

const DAY_MS: i64 = 86_400_000;

fn notice(category: &str, effective_on: &str) -> Value {
    json!({
        "category": category,
        "summary": text("監視ツールを入れ替えた", &format!("{category}: the monitoring tool was replaced")),
        "controls": ["12.4.1"],
        "effective_on": effective_on,
    })
}

fn items(list: &Value) -> &Vec<Value> {
    list["items"].as_array().unwrap()
}

#[tokio::test]
async fn a_routine_change_is_filed_with_its_deadline_acknowledged_and_recorded_on_the_entry() {
    let world = workflow_world().await;
    let w = &world;
    let entry = registered_entry(w).await;
    let file = format!("/api/v1/registry/{entry}/change-notices");
    for role in ["other_provider", "auditor", "procurer", "operator_admin"] {
        let error = refused(
            w,
            role,
            "POST",
            &file,
            Some(notice("tool", "2026-06-01")),
            403,
        )
        .await;
        assert_eq!(error["detail_code"], "not_the_provider", "{role}");
    }
    let mut blank = notice("tool", "2026-06-01");
    blank["summary"] = text(" ", "");
    blank["new_name"] = text("名前", "Name");
    let error = refused(w, "provider", "POST", &file, Some(blank), 422).await;
    assert_eq!(pointers(&error), ["/summary", "/new_name"], "{error}");
    refused(
        w,
        "provider",
        "POST",
        &file,
        Some(notice("weather", "2026-06-01")),
        422,
    )
    .await;
    let error = refused(
        w,
        "provider",
        "POST",
        &file,
        Some(notice("tool", "2020-01-01")),
        422,
    )
    .await;
    assert_eq!(pointers(&error), ["/effective_on"], "{error}");

    // Monday 2026-06-01: twenty business days later is 06-29 (June has no holiday).
    let answer = super::flow::call(
        w,
        "provider",
        "POST",
        &file,
        Some(notice("tool", "2026-06-01")),
    )
    .await;
    assert_eq!(answer.status.as_u16(), 201);
    let filed = answer.json();
    conforms(w, "ChangeNoticeView", &filed).await;
    assert_eq!(
        (
            &filed["due_on"],
            &filed["late"],
            &filed["status"],
            &filed["weight"]
        ),
        (
            &json!("2026-06-29"),
            &json!(false),
            &json!("filed"),
            &json!("routine")
        )
    );
    let cn = id(&filed);
    let one = format!("/api/v1/change-notices/{cn}");

    // The provider and the operator see it; no one else does.
    for role in ["provider", "operator_reviewer"] {
        let list = ok(w, role, "GET", "/api/v1/change-notices", None).await;
        conforms(w, "ChangeNoticeList", &list).await;
        assert_eq!(items(&list).len(), 1, "{role}");
        ok(w, role, "GET", &one, None).await;
    }
    for role in ["procurer", "auditor", "other_provider"] {
        let list = ok(w, role, "GET", "/api/v1/change-notices", None).await;
        assert!(items(&list).is_empty(), "{role}");
        refused(w, role, "GET", &one, None, 404).await;
    }
    let waiting = ok(
        w,
        "operator_reviewer",
        "GET",
        "/api/v1/change-notices?status=filed",
        None,
    )
    .await;
    assert_eq!(items(&waiting).len(), 1);
    let other = ok(
        w,
        "operator_reviewer",
        "GET",
        "/api/v1/change-notices?entry=C00-0000",
        None,
    )
    .await;
    assert!(items(&other).is_empty());
    let answer = super::flow::call(
        w,
        "operator_reviewer",
        "GET",
        "/api/v1/change-notices?status=lost",
        None,
    )
    .await;
    assert_eq!(answer.status.as_u16(), 400);

    let ack = format!("{one}/acknowledge");
    let body = json!({"note": text("記録しました", "Recorded")});
    let error = refused(w, "provider", "POST", &ack, Some(body.clone()), 403).await;
    assert_eq!(error["detail_code"], "not_a_reviewer");
    let error = refused(
        w,
        "operator_reviewer",
        "POST",
        &ack,
        Some(json!({"audit_due_on": "2026-09-30"})),
        422,
    )
    .await;
    assert_eq!(pointers(&error), ["/audit_due_on"]);
    let acknowledged = ok(w, "operator_reviewer", "POST", &ack, Some(body.clone())).await;
    assert_eq!(acknowledged["status"], "acknowledged");
    assert_eq!(acknowledged["acknowledgement"]["note"]["en"], "Recorded");
    assert!(acknowledged.get("new_audit").is_none(), "{acknowledged}");
    let error = refused(w, "operator_reviewer", "POST", &ack, Some(body), 409).await;
    assert_eq!(error["detail_code"], "change_notice_state");

    let view = ok(
        w,
        "public",
        "GET",
        &format!("/api/v1/registry/{entry}"),
        None,
    )
    .await;
    conforms(w, "RegistryEntryView", &view).await;
    let changes = view["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{view}");
    assert_eq!(
        (
            &changes[0]["notice"],
            &changes[0]["category"],
            &changes[0]["weight"]
        ),
        (&json!(cn), &json!("tool"), &json!("routine"))
    );
    assert!(view.get("new_audit_required").is_none());
    for (lang, words) in [("en", "Record of changes"), ("ja", "変更の記録")] {
        let html = crate::support::get(&w.app, &format!("/registry/{entry}?lang={lang}"))
            .await
            .text();
        let summary = if lang == "en" {
            "the monitoring tool"
        } else {
            "監視ツール"
        };
        assert!(html.contains(words) && html.contains(summary), "{html}");
    }
    let feed = crate::support::get(&w.app, "/registry/feed.atom?lang=en")
        .await
        .text();
    assert!(
        feed.contains("#change-1") && feed.contains("routine"),
        "{feed}"
    );

    let inbox = ok(w, "provider", "GET", "/api/v1/inbox", None).await;
    let told: Vec<&Value> = items(&inbox)
        .iter()
        .filter(|m| m["kind"] == "change_acknowledged")
        .collect();
    assert_eq!(told.len(), 1, "{inbox}");
    assert!(told[0]["body"]["en"].as_str().unwrap().contains("Recorded"));

    let actions = logged_actions(w).await;
    for action in [
        "change_notice.file",
        "change_notice.acknowledge",
        "registry.change",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action}: {actions:?}");
    }
    assert_log_intact(w).await;
}

#[tokio::test]
async fn a_late_notice_is_marked_and_a_name_correction_renames_the_entry() {
    let world = workflow_world().await;
    let w = &world;
    let entry = registered_entry(w).await;
    // Six weeks later: a change of 06-01 was due on 06-29.
    w.wall.as_ref().unwrap().set(WORKFLOW_DAY_MS + 42 * DAY_MS);
    let mut correction = notice("registry_facts", "2026-06-01");
    correction["new_name"] = text("新しい名称のサービス", "The renamed service");
    correction["controls"] = json!([]);
    let filed = ok(
        w,
        "provider",
        "POST",
        &format!("/api/v1/registry/{entry}/change-notices"),
        Some(correction),
    )
    .await;
    assert_eq!(
        (&filed["late"], &filed["due_on"]),
        (&json!(true), &json!("2026-06-29"))
    );
    let cn = id(&filed);
    ok(
        w,
        "operator_admin",
        "POST",
        &format!("/api/v1/change-notices/{cn}/acknowledge"),
        Some(json!({})),
    )
    .await;
    let view = ok(
        w,
        "public",
        "GET",
        &format!("/api/v1/registry/{entry}"),
        None,
    )
    .await;
    assert_eq!(view["service_name"]["en"], "The renamed service", "{view}");
    assert_log_intact(w).await;
}

/// An audit of the service's newest statement over `period`, concluded and signed.
async fn signed_audit_over(w: &crate::world::World, service: &str, period: (&str, &str)) -> String {
    let statements = w.store.statements_of(service).await.unwrap();
    let statement = statements.last().unwrap().value.id.clone();
    let order = json!({
        "service": service, "statement": statement, "audit_body": "ab",
        "period_start": period.0, "period_end": period.1,
    });
    let audit = id(&ok(w, "provider", "POST", "/api/v1/audits", Some(order)).await);
    let signer = w.users["signing_auditor"].clone();
    ok(
        w,
        "auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/accept"),
        Some(json!({"signing_auditor": signer})),
    )
    .await;
    let content = ok(
        w,
        "provider",
        "GET",
        &format!("/api/v1/statements/{statement}"),
        None,
    )
    .await;
    ok(
        w,
        "auditor",
        "PUT",
        &format!("/api/v1/audits/{audit}/conclusions"),
        Some(super::flow::conclusions(&content, None)),
    )
    .await;
    ok(
        w,
        "signing_auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/sign"),
        None,
    )
    .await;
    audit
}

#[tokio::test]
async fn a_significant_change_owes_a_new_audit_until_an_application_reaching_it_is_made() {
    let world = workflow_world().await;
    let w = &world;
    let entry = registered_entry(w).await;
    let filed = ok(
        w,
        "provider",
        "POST",
        &format!("/api/v1/registry/{entry}/change-notices"),
        Some(notice("wider_scope", "2026-06-01")),
    )
    .await;
    assert_eq!(
        (&filed["weight"], &filed["due_on"]),
        (&json!("significant"), &json!("2026-06-15"))
    );
    let cn = id(&filed);
    let ack = format!("/api/v1/change-notices/{cn}/acknowledge");
    // The due day runs from the next business day to about a year ahead.
    for too in ["2026-06-01", "2027-12-31"] {
        let error = refused(
            w,
            "operator_admin",
            "POST",
            &ack,
            Some(json!({"audit_due_on": too})),
            422,
        )
        .await;
        assert_eq!(pointers(&error), ["/audit_due_on"], "{too}");
    }
    let acknowledged = ok(
        w,
        "operator_admin",
        "POST",
        &ack,
        Some(json!({"audit_due_on": "2026-09-30"})),
    )
    .await;
    assert_eq!(acknowledged["new_audit"]["due_on"], "2026-09-30");
    assert_eq!(acknowledged["new_audit"]["overdue"], false);
    let view = ok(
        w,
        "public",
        "GET",
        &format!("/api/v1/registry/{entry}"),
        None,
    )
    .await;
    assert_eq!(
        view["new_audit_required"],
        json!({"notice": cn, "since": "2026-06-01", "due_on": "2026-09-30"})
    );
    for (lang, words) in [("en", "New audit required"), ("ja", "新たな監査が必要")] {
        let html = crate::support::get(&w.app, &format!("/registry/{entry}?lang={lang}"))
            .await
            .text();
        assert!(
            html.contains("new-audit-required") && html.contains(words),
            "{html}"
        );
    }

    // An audit whose period ended before the change does not meet it.
    let stored = w.store.registry_entries().await.unwrap();
    let service = stored
        .iter()
        .find(|e| e.id == entry)
        .and_then(|e| e.service.clone())
        .unwrap();
    let old = signed_audit_over(w, &service, ("2025-04-01", "2026-03-31")).await;
    let early = id(&ok(
        w,
        "provider",
        "POST",
        "/api/v1/applications",
        Some(json!({"service": service, "audit": old, "kind": "renewal"})),
    )
    .await);
    let still = ok(
        w,
        "provider",
        "GET",
        &format!("/api/v1/change-notices/{cn}"),
        None,
    )
    .await;
    assert_eq!(still["status"], "acknowledged");
    ok(
        w,
        "provider",
        "POST",
        &format!("/api/v1/applications/{early}/withdraw"),
        None,
    )
    .await;

    // Past its due day it shows overdue.
    w.wall.as_ref().unwrap().set(WORKFLOW_DAY_MS + 130 * DAY_MS);
    let late = ok(
        w,
        "operator_admin",
        "GET",
        &format!("/api/v1/change-notices/{cn}"),
        None,
    )
    .await;
    assert_eq!(late["new_audit"]["overdue"], true, "{late}");

    let covering = signed_audit_over(w, &service, ("2025-07-01", "2026-06-30")).await;
    let application = id(&ok(
        w,
        "provider",
        "POST",
        "/api/v1/applications",
        Some(json!({"service": service, "audit": covering, "kind": "renewal"})),
    )
    .await);
    let met = ok(
        w,
        "provider",
        "GET",
        &format!("/api/v1/change-notices/{cn}"),
        None,
    )
    .await;
    assert_eq!(met["status"], "audit_applied", "{met}");
    assert_eq!(met["new_audit"]["application"], json!(application));
    assert_eq!(met["new_audit"]["overdue"], false);
    let view = ok(
        w,
        "public",
        "GET",
        &format!("/api/v1/registry/{entry}"),
        None,
    )
    .await;
    assert!(view.get("new_audit_required").is_none(), "{view}");
    let actions = logged_actions(w).await;
    for action in ["change_notice.audit_applied", "registry.new_audit_applied"] {
        assert!(actions.iter().any(|a| a == action), "{action}");
    }
    assert_log_intact(w).await;
}
