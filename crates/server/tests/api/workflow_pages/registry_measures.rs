//! The operator takes a measure from the entry's page: only its administrators see the form; a
//! blank reason comes back beside the form; a suspension shows first on the page.

use super::browser::{Browser, redirected};
use crate::workflow::flow::registered_entry;
use crate::world::workflow_world;

#[tokio::test]
async fn an_administrator_suspends_a_registration_by_form() {
    let world = workflow_world().await;
    let entry = registered_entry(&world).await;
    let page = |lang: &str| format!("/registry/{entry}?lang={lang}");
    let admin = Browser::of(&world, "operator_admin").await;
    for lang in ["ja", "en"] {
        assert!(admin.page(&page(lang)).await.contains("measure-form"));
    }
    for role in ["provider", "operator_reviewer", "procurer"] {
        let html = Browser::of(&world, role).await.page(&page("en")).await;
        assert!(!html.contains("measure-form"), "{role} sees no form");
    }
    let action = format!("/registry/{entry}/measures?lang=en");
    let answer = admin
        .post(&action, &[("measure", "suspend"), ("reason_en", "")])
        .await;
    assert_eq!(answer.status, 422);
    let html = String::from_utf8(answer.body).unwrap();
    assert!(
        html.contains("measure-form") && html.contains("field-problem"),
        "{html}"
    );
    let answer = Browser::of(&world, "provider")
        .await
        .post(&action, &[("measure", "suspend")])
        .await;
    assert_eq!(answer.status, 403);
    let answer = admin
        .post(
            &action,
            &[
                ("measure", "suspend"),
                ("reason_ja", "インシデントの調査中"),
                ("reason_en", "an incident is being examined"),
                ("notice_title_ja", "一時停止のお知らせ"),
                ("notice_title_en", "Suspension"),
                ("notice_body_ja", "調査のため一時停止しました。"),
                ("notice_body_en", "Suspended while an incident is examined."),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), format!("{}#history", page("en")));
    let html = admin.page(&page("en")).await;
    assert!(
        html.contains("suspended-banner") && html.contains("an incident is being examined"),
        "{html}"
    );
    assert!(html.contains(r#"<option value="reinstate""#), "{html}");
}
