//! Describing and editing a service with forms, reading it, and its place on the provider's
//! start page.

use super::browser::{Browser, hidden, redirected, service_fields};
use crate::workflow::flow::{refused, service_body};
use crate::world::workflow_world;

#[tokio::test]
async fn a_provider_describes_reads_and_edits_a_service_in_both_languages() {
    let world = workflow_world().await;
    let provider = Browser::of(&world, "provider").await;
    for lang in ["ja", "en"] {
        provider.page(&format!("/services/new?lang={lang}")).await;
    }

    // Problems are shown next to their fields, with the input as sent.
    let mut fields = service_fields("");
    fields.retain(|(name, _)| !matches!(*name, "name_ja" | "model" | "deployment"));
    let answer = provider.post("/services/new?lang=en", &fields).await;
    assert_eq!(answer.status, 422);
    let html = answer.text();
    super::browser::in_its_language("/services/new?lang=en", &html);
    assert!(html.contains("Please check the form."), "{html}");
    let name_field = html.find("id=\"name_ja\"").unwrap();
    let name_fieldset = html[..name_field].rfind("<fieldset").unwrap();
    assert!(
        html[name_fieldset..name_field].contains("class=\"field-problem\""),
        "the name's problem is beside it"
    );
    assert!(html.contains("name at least one service model"));
    assert!(html.contains("name at least one deployment model"));
    assert!(
        html.contains("アプリケーションまで"),
        "the input is shown again"
    );
    let answer = provider.post("/services/new?lang=ja", &fields).await;
    assert_eq!(answer.status, 422);
    assert!(
        answer
            .text()
            .contains("サービスモデルを一つ以上指定してください")
    );
    assert!(world.store.services_of("csp").await.unwrap().is_empty());

    // Created: post, redirect, get.
    let answer = provider
        .post("/services/new?lang=en", &service_fields("Test Mail"))
        .await;
    let location = redirected(&answer);
    assert!(location.starts_with("/services/svc-") && location.ends_with("?lang=en"));
    let id = location
        .trim_start_matches("/services/")
        .trim_end_matches("?lang=en")
        .to_owned();
    for lang in ["ja", "en"] {
        let html = provider.page(&format!("/services/{id}?lang={lang}")).await;
        assert!(html.contains(if lang == "ja" {
            "試験メール"
        } else {
            "Test Mail"
        }));
        assert!(html.contains(&format!("action=\"/services/{id}/statements?lang={lang}\"")));
    }

    // Edited from the revision read; a second save from the same form is refused.
    let html = provider.page(&format!("/services/{id}/edit?lang=en")).await;
    let revision = hidden(&html, "revision");
    assert!(
        html.contains("Test Mail"),
        "the form holds the stored service"
    );
    let mut edited = service_fields("Test Mail Plus");
    edited.push(("revision", &revision));
    let answer = provider
        .post(&format!("/services/{id}/edit?lang=en"), &edited)
        .await;
    assert_eq!(redirected(&answer), format!("/services/{id}?lang=en"));
    let mut stale = service_fields("Test Mail Stale");
    stale.push(("revision", &revision));
    let answer = provider
        .post(&format!("/services/{id}/edit?lang=en"), &stale)
        .await;
    assert_eq!(answer.status, 409);
    assert!(
        answer
            .text()
            .contains("was saved by someone else after this form was opened")
    );
    assert!(
        answer.text().contains("Test Mail Stale"),
        "the input is kept to copy"
    );
    let answer = provider
        .post(&format!("/services/{id}/edit?lang=ja"), &stale)
        .await;
    assert_eq!(answer.status, 409);
    assert!(answer.text().contains("別の保存で変更されました"));
    let stored = world.store.service(&id).await.unwrap().unwrap();
    assert_eq!(stored.value.details.name.en, "Test Mail Plus");

    // The start page lists it with the next step.
    for lang in ["ja", "en"] {
        let html = provider.page(&format!("/start?lang={lang}")).await;
        assert!(html.contains(&format!("href=\"/services/{id}?lang={lang}\"")));
        assert!(html.contains(&format!("/services/new?lang={lang}")));
    }

    // Both changes are events of the signed log.
    let actions: Vec<String> = world
        .store
        .events_after(0, 10_000, false)
        .await
        .unwrap()
        .into_iter()
        .map(|event| event.action)
        .collect();
    assert!(actions.iter().any(|a| a == "service.create"));
    assert!(actions.iter().any(|a| a == "service.edit"));
    let verified = world
        .store
        .verify_log(&world.store.verifying_key(), Vec::new())
        .await
        .unwrap();
    assert!(verified.intact(), "{verified:?}");
}

#[tokio::test]
async fn other_parties_forgery_and_the_public_are_turned_away() {
    let world = workflow_world().await;
    let provider = Browser::of(&world, "provider").await;
    let answer = provider
        .post("/services/new?lang=en", &service_fields("Test Mail"))
        .await;
    let location = redirected(&answer);
    let id = location
        .trim_start_matches("/services/")
        .trim_end_matches("?lang=en")
        .to_owned();

    // Another provider may not know the service exists.
    let other = Browser::of(&world, "other_provider").await;
    for uri in [
        format!("/services/{id}?lang=en"),
        format!("/services/{id}/edit?lang=en"),
    ] {
        let (answer, html) = other.get(&uri).await;
        assert_eq!(answer.status, 404, "{uri}");
        assert!(html.contains("Page not found"), "{uri}");
    }
    let answer = other
        .post(
            &format!("/services/{id}/edit?lang=en"),
            &service_fields("Mine now"),
        )
        .await;
    assert_eq!(answer.status, 404);
    // Only providers describe services.
    let auditor = Browser::of(&world, "auditor").await;
    let (answer, _) = auditor.get("/services/new?lang=en").await;
    assert_eq!(answer.status, 403);
    let answer = auditor
        .post("/services/new?lang=en", &service_fields("X"))
        .await;
    assert_eq!(answer.status, 403);
    // A forged post (no token, or another's) changes nothing.
    let answer = provider
        .post_with(
            "/services/new?lang=en",
            &service_fields("Forged"),
            Some("wrong"),
        )
        .await;
    assert_eq!(answer.status, 403);
    assert_eq!(world.store.services_of("csp").await.unwrap().len(), 1);
    // The public is sent to sign in, coming back afterwards.
    let public = Browser::of(&world, "public").await;
    let (answer, _) = public.get(&format!("/services/{id}?lang=ja")).await;
    assert_eq!(answer.status, 303);
    let location = answer.header("location").unwrap();
    assert!(
        location.starts_with("/login?lang=ja&next=%2Fservices%2F"),
        "{location}"
    );

    // "new" names no service, so /services/new is always the form.
    let mut body = service_body();
    body["id"] = serde_json::json!("new");
    let error = refused(
        &world,
        "provider",
        "POST",
        "/api/v1/services",
        Some(body),
        422,
    )
    .await;
    assert_eq!(error["problems"][0]["pointer"], "/id");
}
