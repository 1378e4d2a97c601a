//! The engagement's pages: the papers at a glance with what is asked of the provider and by
//! when (an overdue request marked), and the evidence a page at a time, in both languages, for
//! the parties of the audit only.

use serde_json::json;

use super::browser::Browser;
use crate::workflow::flow::{audit_in_progress, nonconformant_control, ok, text};
use crate::world::{DAY_MS, WORKFLOW_DAY_MS, workflow_world};

#[tokio::test]
async fn the_papers_and_the_evidence_show_progress_requests_and_records() {
    let world = workflow_world().await;
    let (_, _, audit) = audit_in_progress(&world).await;
    let control = nonconformant_control();
    let base = format!("/api/v1/audits/{audit}");
    ok(
        &world,
        "auditor",
        "PUT",
        &format!("{base}/work/{control}/fair-presentation"),
        Some(json!({"verdict": "challenged", "reason": text("範囲が不足", "the scope is short")})),
    )
    .await;
    ok(
        &world,
        "auditor",
        "POST",
        &format!("{base}/requests"),
        Some(
            json!({"control": control, "text": text("設定の写し", "a copy of the settings"),
                    "due_on": "2026-06-02"}),
        ),
    )
    .await;
    ok(
        &world,
        "provider",
        "POST",
        &format!("{base}/evidence/notes"),
        Some(json!({"control": control, "method": "inquiry", "title": text("聞き取り記録", "interview notes"),
                    "text": text("担当者に確認", "asked the operator"), "speaks_for": "2026-05-01"})),
    )
    .await;
    // Two days later the request is past its day.
    world
        .wall
        .as_ref()
        .unwrap()
        .set(WORKFLOW_DAY_MS + 2 * DAY_MS);
    for role in ["provider", "auditor", "operator_reviewer"] {
        let browser = Browser::of(&world, role).await;
        let html = browser.page(&format!("/audits/{audit}/work?lang=en")).await;
        assert!(html.contains("Requests for evidence"), "{role}");
        assert!(html.contains("a copy of the settings"));
        assert!(
            html.contains("class=\"overdue\""),
            "{role}: the request is overdue"
        );
        assert!(html.contains(&control));
        assert!(html.contains("Challenged (v1)"));
        let html = browser.page(&format!("/audits/{audit}/work?lang=ja")).await;
        assert!(html.contains("期限超過"));
        let html = browser
            .page(&format!("/audits/{audit}/evidence?lang=en"))
            .await;
        assert!(html.contains("interview notes"));
        assert!(html.contains("ev-0000001"));
        let html = browser
            .page(&format!("/audits/{audit}/evidence?lang=ja&page=1"))
            .await;
        assert!(html.contains("聞き取り記録"));
    }
    let outsider = Browser::of(&world, "procurer").await;
    let (answer, _) = outsider.get(&format!("/audits/{audit}/work?lang=en")).await;
    assert_eq!(answer.status.as_u16(), 404);
    let (answer, _) = outsider
        .get(&format!("/audits/{audit}/evidence?lang=en"))
        .await;
    assert_eq!(answer.status.as_u16(), 404);
}
