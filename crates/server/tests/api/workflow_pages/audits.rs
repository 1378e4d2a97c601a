//! Ordering an audit and applying for registration with forms, the audit's and the
//! application's pages, and the provider's start page showing where each service stands.

use serde_json::json;

use super::browser::{Browser, escaped, redirected};
use crate::workflow::flow::{conclusions, new_service, ok, submitted_statement};
use crate::world::{World, workflow_world};

/// Accepts, concludes and signs `audit` over the API, as the audit body does.
async fn signed(world: &World, statement: &str, audit: &str) -> String {
    let signer = world.users["signing_auditor"].clone();
    ok(
        world,
        "auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/accept"),
        Some(json!({"signing_auditor": signer})),
    )
    .await;
    let content = ok(
        world,
        "provider",
        "GET",
        &format!("/api/v1/statements/{statement}"),
        None,
    )
    .await;
    ok(
        world,
        "auditor",
        "PUT",
        &format!("/api/v1/audits/{audit}/conclusions"),
        Some(conclusions(&content, None)),
    )
    .await;
    let answer = ok(
        world,
        "signing_auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/sign"),
        None,
    )
    .await;
    answer["report_sha256"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_provider_orders_an_audit_and_applies_with_its_report() {
    let world = workflow_world().await;
    let service = new_service(&world).await;
    let statement = submitted_statement(&world, &service).await;
    let provider = Browser::of(&world, "provider").await;

    // The form offers the submitted statement and the selected audit body.
    for lang in ["ja", "en"] {
        let html = provider
            .page(&format!("/audits/new?lang={lang}&statement={statement}"))
            .await;
        assert!(html.contains(&format!("<option value=\"{statement}\" selected>")));
        assert!(html.contains("<option value=\"ab\""));
        assert!(html.contains("name=\"kind\" value=\"three_phase\" checked"));
        assert!(html.contains("name=\"kind\" value=\"internal_audit_evaluation\""));
    }
    let order = |start: &'static str, end: &'static str| {
        vec![
            ("statement", statement.clone()),
            ("audit_body", "ab".to_owned()),
            ("period_start", start.to_owned()),
            ("period_end", end.to_owned()),
        ]
    };
    let post = async |lang: &str, fields: Vec<(&str, String)>| {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        provider
            .post(&format!("/audits/new?lang={lang}"), &pairs)
            .await
    };

    // A period over twelve months, and a day that does not exist, are shown at their fields.
    let answer = post("en", order("2025-01-01", "2026-01-01")).await;
    assert_eq!(answer.status, 422);
    let html = answer.text();
    let field = html.find("id=\"period_end\"").unwrap();
    let before = &html[..field];
    assert!(before[before.rfind("<p").unwrap() - 200..].contains("at most 12 months"));
    assert!(html.contains("value=\"2025-01-01\""), "input kept");
    let answer = post("ja", order("2025-02-30", "2025-12-31")).await;
    assert_eq!(answer.status, 422);
    assert!(
        answer
            .text()
            .contains("日付を YYYY-MM-DD の形で入力してください")
    );
    assert!(
        world
            .store
            .audits_of_service(&service)
            .await
            .unwrap()
            .is_empty()
    );

    // A kind of audit that is not offered is shown at its field.
    let mut bogus = order("2025-10-01", "2026-03-31");
    bogus.push(("kind", "self_declaration".to_owned()));
    let answer = post("en", bogus).await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("not one of the choices offered"));

    // Ordered: the audit's page.
    let answer = post("en", order("2025-10-01", "2026-03-31")).await;
    let location = redirected(&answer);
    assert!(location.starts_with("/audits/au-"), "{location}");
    let audit = location
        .trim_start_matches("/audits/")
        .trim_end_matches("?lang=en")
        .to_owned();
    for lang in ["ja", "en"] {
        let html = provider.page(&format!("/audits/{audit}?lang={lang}")).await;
        assert!(html.contains("2025-10-01 – 2026-03-31"));
        assert!(html.contains("audit-kind-three_phase"));
        assert!(html.contains(if lang == "en" {
            "Requested"
        } else {
            "受諾待ち"
        }));
    }
    // The audit body reads it; another provider does not learn of it.
    Browser::of(&world, "auditor")
        .await
        .page(&format!("/audits/{audit}?lang=en"))
        .await;
    let (answer, _) = Browser::of(&world, "other_provider")
        .await
        .get(&format!("/audits/{audit}?lang=en"))
        .await;
    assert_eq!(answer.status, 404);
    // Nobody but a provider orders or applies.
    let auditor = Browser::of(&world, "auditor").await;
    for uri in ["/audits/new?lang=en", "/applications/new?lang=en"] {
        let (answer, _) = auditor.get(uri).await;
        assert_eq!(answer.status, 403, "{uri}");
    }

    // While the audit runs, the start page says so; once signed, the hash is shown.
    let html = provider.page("/start?lang=en").await;
    assert!(html.contains(&format!("/audits/{audit}?lang=en")));
    assert!(html.contains("Audit: Requested"));
    let sha256 = signed(&world, &statement, &audit).await;
    for lang in ["ja", "en"] {
        let html = provider.page(&format!("/audits/{audit}?lang={lang}")).await;
        assert!(html.contains(&sha256), "the report's hash");
        assert!(html.contains(&escaped(&format!(
            "/applications/new?lang={lang}&audit={audit}"
        ))));
    }

    // Applying: the form, a wrong kind refused by the domain, then the application.
    for lang in ["ja", "en"] {
        let html = provider
            .page(&format!("/applications/new?lang={lang}&audit={audit}"))
            .await;
        assert!(html.contains(&format!("<option value=\"{audit}\" selected>")));
    }
    let answer = provider
        .post(
            "/applications/new?lang=en",
            &[("audit", &audit), ("kind", "renewal")],
        )
        .await;
    assert_eq!(answer.status, 409, "nothing to renew");
    let answer = provider
        .post(
            "/applications/new?lang=en",
            &[("audit", &audit), ("kind", "sometimes")],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("choose the kind of application"));
    let answer = provider
        .post(
            "/applications/new?lang=en",
            &[("audit", &audit), ("kind", "new")],
        )
        .await;
    let location = redirected(&answer);
    assert!(location.starts_with("/applications/ap-"), "{location}");
    let application = location
        .trim_start_matches("/applications/")
        .trim_end_matches("?lang=en")
        .to_owned();
    for lang in ["ja", "en"] {
        let html = provider
            .page(&format!("/applications/{application}?lang={lang}"))
            .await;
        assert!(html.contains(&format!("/audits/{audit}?lang={lang}")));
        assert!(html.contains(if lang == "en" {
            "Not decided yet"
        } else {
            "まだ決定されていません"
        }));
    }
    // A second application while this one is open is refused on the form.
    let answer = provider
        .post(
            "/applications/new?lang=en",
            &[("audit", &audit), ("kind", "new")],
        )
        .await;
    assert_eq!(answer.status, 409);
    let html = provider.page("/start?lang=ja").await;
    assert!(html.contains(&format!("/applications/{application}?lang=ja")));
    let (answer, _) = Browser::of(&world, "other_provider")
        .await
        .get(&format!("/applications/{application}?lang=en"))
        .await;
    assert_eq!(answer.status, 404);

    let actions: Vec<String> = world
        .store
        .events_after(0, 10_000, false)
        .await
        .unwrap()
        .into_iter()
        .map(|event| event.action)
        .collect();
    assert!(actions.iter().any(|a| a == "audit.order"));
    assert!(actions.iter().any(|a| a == "application.submit"));
    let verified = world
        .store
        .verify_log(&world.store.verifying_key(), Vec::new())
        .await
        .unwrap();
    assert!(verified.intact(), "{verified:?}");
}

#[tokio::test]
async fn the_start_page_shows_a_draft_with_its_precheck() {
    let world = workflow_world().await;
    let service = new_service(&world).await;
    ok(
        &world,
        "provider",
        "POST",
        &format!("/api/v1/services/{service}/statements"),
        Some(json!({"criteria_version": "demo-2026", "target_level": 2})),
    )
    .await;
    let provider = Browser::of(&world, "provider").await;
    let html = provider.page("/start?lang=en").await;
    assert!(
        html.contains("Draft statement v1 — Findings at target level 2:"),
        "{html}"
    );
    assert!(html.contains(&format!("/statements/{service}-v1?lang=en")));
    assert!(html.contains("Continue the statement"));
    let html = provider.page("/start?lang=ja").await;
    assert!(html.contains("言明書の下書き v1"));
}
