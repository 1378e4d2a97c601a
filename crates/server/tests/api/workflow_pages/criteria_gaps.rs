//! The page of what registered services lack of a criteria version: the operator's staff and
//! the provider see the service and its missing mandatory control in both languages, with the
//! transition day once one is set; others are refused, the public sent to sign in; the
//! version's page links to it for those who may read it.

use serde_json::json;

use super::browser::{Browser, redirected};
use crate::workflow::flow::{ok, registered_entry};
use crate::world::workflow_world;

#[tokio::test]
async fn the_operator_and_the_provider_read_what_a_new_version_asks_of_registered_services() {
    let world = workflow_world().await;
    let entry = registered_entry(&world).await;
    let gaps = |lang: &str| format!("/criteria/demo-2027/gaps?lang={lang}");
    // A draft: the operator's staff read what it would ask.
    for role in ["operator_admin", "operator_reviewer"] {
        let browser = Browser::of(&world, role).await;
        let ja = browser.page(&gaps("ja")).await;
        assert!(ja.contains("改定基準で不足する管理策"), "{role}");
        assert!(ja.contains(&format!(r#"id="gap-{entry}""#)), "{role}: {ja}");
        assert!(ja.contains("9.4.2.3"), "{role}");
        assert!(ja.contains("移行日は定められていません"), "{role}");
        let en = browser.page(&gaps("en")).await;
        assert!(en.contains("What registered services lack of this version"));
        assert!(
            en.contains("demo-2026"),
            "the version its statement was written for"
        );
    }
    for role in ["auditor", "procurer"] {
        let (answer, _) = Browser::of(&world, role).await.get(&gaps("en")).await;
        assert_eq!(answer.status, 403, "{role}");
    }
    let (answer, _) = Browser::of(&world, "public").await.get(&gaps("en")).await;
    assert!(
        redirected(&answer).starts_with("/login"),
        "the public signs in first"
    );

    // Published with a transition day: the page and the version's page show it.
    let published = ok(
        &world,
        "operator_admin",
        "POST",
        "/api/v1/criteria/demo-2027/publish",
        Some(json!({"transition_on": "2027-04-01"})),
    )
    .await;
    assert_eq!(published["status"], "published");
    let provider = Browser::of(&world, "provider").await;
    let en = provider.page(&gaps("en")).await;
    assert!(en.contains(&format!(r#"id="gap-{entry}""#)), "{en}");
    assert!(en.contains("Review the statement before the next renewal"));
    assert!(en.contains(r#"<time datetime="2027-04-01">"#), "{en}");
    let ja = provider.page(&gaps("ja")).await;
    assert!(ja.contains("9.4.2.3") && ja.contains("次の更新に向けて"));
    let version = provider.page("/criteria/demo-2027?lang=en").await;
    assert!(
        version.contains("/criteria/demo-2027/gaps"),
        "the link for a provider"
    );
    assert!(version.contains(r#"<time datetime="2027-04-01">"#));
    let (_, public) = Browser::of(&world, "public")
        .await
        .get("/criteria/demo-2027?lang=en")
        .await;
    assert!(
        !public.contains("/criteria/demo-2027/gaps"),
        "no link for the public"
    );
}
