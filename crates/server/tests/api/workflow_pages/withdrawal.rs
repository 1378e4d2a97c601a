//! The provider withdraws its registration from the entry's page: only its provider sees the
//! form; a blank reason comes back beside the form with nothing changed; a reason ends the
//! registration and the page shows it.

use super::browser::{Browser, redirected};
use crate::workflow::flow::registered_entry;
use crate::world::workflow_world;

#[tokio::test]
async fn the_provider_withdraws_its_registration_by_form() {
    let world = workflow_world().await;
    let entry = registered_entry(&world).await;
    let page = |lang: &str| format!("/registry/{entry}?lang={lang}");
    let provider = Browser::of(&world, "provider").await;
    for lang in ["ja", "en"] {
        let html = provider.page(&page(lang)).await;
        assert!(html.contains("withdraw-form"), "{html}");
    }
    for role in ["auditor", "procurer", "operator_admin"] {
        let html = Browser::of(&world, role).await.page(&page("en")).await;
        assert!(!html.contains("withdraw-form"), "{role} sees no form");
    }
    let action = format!("/registry/{entry}/withdraw?lang=en");
    let answer = provider
        .post(&action, &[("reason_ja", " "), ("reason_en", "")])
        .await;
    assert_eq!(answer.status, 422);
    let html = String::from_utf8(answer.body).unwrap();
    assert!(
        html.contains("withdraw-form") && html.contains("field-problem"),
        "{html}"
    );
    let stranger = Browser::of(&world, "auditor").await;
    let answer = stranger
        .post(&action, &[("reason_ja", "終了"), ("reason_en", "closing")])
        .await;
    assert_eq!(answer.status, 403);
    let registry = world.store.registry_entries().await.unwrap();
    let stored = registry.iter().find(|e| e.id == entry).unwrap();
    assert_eq!(stored.status.code(), "registered", "nothing changed yet");

    let answer = provider
        .post(
            &action,
            &[
                ("reason_ja", "サービスを終了するため"),
                ("reason_en", "the service is closing"),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), page("en"));
    let html = provider.page(&page("en")).await;
    assert!(!html.contains("withdraw-form"), "no form once withdrawn");
    assert!(html.contains("the service is closing"), "{html}");
    let html = provider.page(&page("ja")).await;
    assert!(html.contains("サービスを終了するため"));
}
