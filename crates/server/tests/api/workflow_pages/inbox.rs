//! The inbox page: the unread count in every page's header, each message read from the list
//! and marked read or unread by form, the addresses kept by form (a wrong one comes back beside
//! the form); another organisation's message cannot be marked.

use serde_json::json;

use super::browser::{Browser, redirected};
use crate::workflow::flow::{built_on, ok, registered_entry, text};
use crate::world::workflow_world;

#[tokio::test]
async fn members_read_and_mark_their_organisations_notifications_by_form() {
    let world = workflow_world().await;
    let w = &world;
    let base = registered_entry(w).await;
    built_on(w, &base, &[("C26-0911", base.as_str())]).await;
    let provider = Browser::of(w, "provider").await;
    let html = provider.page("/start?lang=en").await;
    assert!(
        html.contains("inbox-link") && !html.contains("unread-count"),
        "{html}"
    );
    let reason = json!({"reason": text("終了", "closing")});
    ok(
        w,
        "provider",
        "POST",
        &format!("/api/v1/registry/{base}/withdraw"),
        Some(reason),
    )
    .await;

    for (lang, words) in [
        ("ja", "基盤サービスとともに終了しました"),
        ("en", "ended with the service it is built on"),
    ] {
        let html = provider.page(&format!("/inbox?lang={lang}")).await;
        assert!(html.contains(r#"class="unread-count""#), "{html}");
        assert!(html.contains(words), "{html}");
        assert!(html.contains("/registry/C26-0911"), "{html}");
        assert!(
            html.contains(r#"class="unread kind-fell_in_cascade""#),
            "{html}"
        );
    }
    let id = "csp~cascade-C26-0911-2026-06-01";
    let action = format!("/inbox/{id}/read?lang=en");
    let answer = provider.post(&action, &[("read", "yes")]).await;
    assert_eq!(redirected(&answer), format!("/inbox?lang=en#n-{id}"));
    let html = provider.page("/inbox?lang=en").await;
    assert!(!html.contains(r#"class="unread-count""#), "{html}");
    assert!(
        html.contains(r#"class="read kind-fell_in_cascade""#),
        "{html}"
    );
    assert!(html.contains("Mark unread"), "{html}");
    let answer = provider.post(&action, &[("read", "maybe")]).await;
    assert_eq!(answer.status, 422);
    let answer = provider.post(&action, &[("read", "no")]).await;
    assert_eq!(redirected(&answer), format!("/inbox?lang=en#n-{id}"));
    assert!(
        provider
            .page("/start?lang=en")
            .await
            .contains(r#"class="unread-count""#)
    );

    let stranger = Browser::of(w, "other_provider").await;
    let html = stranger.page("/inbox?lang=en").await;
    assert!(html.contains("inbox-empty"), "{html}");
    let answer = stranger.post(&action, &[("read", "yes")]).await;
    assert_eq!(answer.status, 404);

    let answer = provider
        .post(
            "/inbox/addresses?lang=en",
            &[("addresses", "ok@csp.example\nnot an address")],
        )
        .await;
    assert_eq!(answer.status, 422);
    let html = String::from_utf8(answer.body).unwrap();
    assert!(
        html.contains("field-problem") && html.contains("not an address"),
        "{html}"
    );
    let answer = provider
        .post(
            "/inbox/addresses?lang=en",
            &[("addresses", " ok@csp.example \n\nops@csp.example")],
        )
        .await;
    assert_eq!(redirected(&answer), "/inbox?lang=en#addresses");
    let html = provider.page("/inbox?lang=ja").await;
    assert!(html.contains("ok@csp.example\nops@csp.example"), "{html}");
    assert!(html.contains("メール送信は設定されていません"), "{html}");
    let answer = crate::support::get(&w.app, "/inbox?lang=en").await;
    assert_eq!(answer.status, 303, "the public is sent to sign in");
}
