//! The audit body's pages: accepting an audit and naming its signer, conclusions objective by
//! objective (problems beside their fields, a stale save refused), signing, and the report page
//! with the SHA-256 of the signed report.

use shinrai_domain::criteria::demo::demo_criteria;
use shinrai_domain::workflow::audit::selected_objectives;

use super::browser::{Browser, hidden, redirected};
use crate::workflow::flow::{new_service, ordered_audit, submitted_statement};
use crate::world::workflow_world;

#[tokio::test]
async fn an_audit_body_accepts_concludes_and_signs_with_forms() {
    let world = workflow_world().await;
    let service = new_service(&world).await;
    let statement = submitted_statement(&world, &service).await;
    let audit = ordered_audit(&world, &service, &statement).await;
    let signer = world.users["signing_auditor"].clone();
    let auditor = Browser::of(&world, "auditor").await;
    let signing = Browser::of(&world, "signing_auditor").await;
    let provider = Browser::of(&world, "provider").await;
    let page = |lang: &str| format!("/audits/{audit}?lang={lang}");

    // The body's start page lists the audit; its page offers acceptance with the signers.
    for lang in ["ja", "en"] {
        let html = auditor.page(&format!("/start?lang={lang}")).await;
        assert!(html.contains(&format!("/audits/{audit}?lang={lang}")));
        let html = auditor.page(&page(lang)).await;
        assert!(
            html.contains(&format!("<option value=\"{signer}\">")),
            "{html}"
        );
        assert!(html.contains(&format!("action=\"/audits/{audit}/accept?lang={lang}\"")));
    }
    let html = provider.page(&page("en")).await;
    assert!(!html.contains("/accept?"), "the provider does not accept");
    let answer = provider
        .post(
            &format!("/audits/{audit}/accept?lang=en"),
            &[("signing_auditor", &signer)],
        )
        .await;
    assert_eq!(answer.status, 403);
    let (answer, _) = Browser::of(&world, "other_provider")
        .await
        .get(&page("en"))
        .await;
    assert_eq!(answer.status, 404);
    // An auditor who may not sign cannot be named.
    let unqualified = world.users["auditor"].clone();
    let answer = auditor
        .post(
            &format!("/audits/{audit}/accept?lang=en"),
            &[("signing_auditor", &unqualified)],
        )
        .await;
    assert!(
        matches!(answer.status.as_u16(), 409 | 422),
        "{}",
        answer.status
    );
    assert!(answer.text().contains("class=\"problem\""));
    assert_eq!(
        world
            .store
            .audit(&audit)
            .await
            .unwrap()
            .unwrap()
            .value
            .status
            .code(),
        "requested"
    );
    let answer = auditor
        .post(
            &format!("/audits/{audit}/accept?lang=en"),
            &[("signing_auditor", &signer)],
        )
        .await;
    assert_eq!(redirected(&answer), page("en"));

    // Conclusions, objective by objective.
    let stored = world
        .store
        .statement(&statement)
        .await
        .unwrap()
        .unwrap()
        .value;
    let criteria = demo_criteria().unwrap();
    let objectives: Vec<String> = selected_objectives(&stored, &criteria)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let html = auditor.page(&page("ja")).await;
    for objective in &objectives {
        assert!(html.contains(&format!("/audits/{audit}/conclusions/{objective}?lang=ja")));
    }
    let first = &objectives[0];
    let uri = format!("/audits/{audit}/conclusions/{first}?lang=en");
    for lang in ["ja", "en"] {
        auditor
            .page(&format!("/audits/{audit}/conclusions/{first}?lang={lang}"))
            .await;
    }
    let html = auditor.page(&uri).await;
    let revision = hidden(&html, "revision");
    let answer_name = format!("answer|{first}");
    let answer = auditor
        .post(&uri, &[("revision", &revision), (&answer_name, "maybe")])
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("not one of the choices offered"));

    let conclude = |objective: &str, revision: &str| {
        let controls: Vec<String> = stored
            .content
            .selected
            .iter()
            .filter(|s| criteria.control(&s.control).unwrap().objective == objective)
            .map(|s| s.control.clone())
            .collect();
        let mut fields = vec![
            ("revision".to_owned(), revision.to_owned()),
            (format!("answer|{objective}"), "yes".to_owned()),
            (
                format!("reason_en|{objective}"),
                "effective in the period".to_owned(),
            ),
        ];
        for control in controls {
            fields.push((format!("answer|{control}"), "yes".to_owned()));
            fields.push((format!("reason_ja|{control}"), "運用を確認".to_owned()));
        }
        fields
    };
    let fields = conclude(first, &revision);
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let answer = auditor.post(&uri, &pairs).await;
    assert_eq!(
        redirected(&answer),
        format!("/audits/{audit}/conclusions/{first}?lang=en&saved=1")
    );
    let answer = auditor.post(&uri, &pairs).await;
    assert_eq!(answer.status, 409, "the same page again is stale");
    for objective in &objectives[1..] {
        let uri = format!("/audits/{audit}/conclusions/{objective}?lang=en");
        let html = auditor.page(&uri).await;
        let fields = conclude(objective, &hidden(&html, "revision"));
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        redirected(&auditor.post(&uri, &pairs).await);
    }

    // Only the named signer is offered signing; the report then shows its hash.
    let html = auditor.page(&page("en")).await;
    assert!(!html.contains("/sign?"));
    let html = signing.page(&page("en")).await;
    assert!(html.contains(&format!("action=\"/audits/{audit}/sign?lang=en\"")));
    let answer = signing
        .post(&format!("/audits/{audit}/sign?lang=en"), &[])
        .await;
    assert_eq!(redirected(&answer), page("en"));
    let sha256 = world
        .store
        .audit_report(&audit)
        .await
        .unwrap()
        .unwrap()
        .sha256();
    for browser in [&auditor, &provider] {
        for lang in ["ja", "en"] {
            let html = browser
                .page(&format!("/audits/{audit}/report?lang={lang}"))
                .await;
            assert!(html.contains(&sha256), "the report's SHA-256");
        }
    }
    let html = auditor
        .page(&format!("/audits/{audit}/conclusions/{first}?lang=en"))
        .await;
    assert!(
        !html.contains(">Save<"),
        "a signed audit's conclusions are read-only"
    );

    let actions: Vec<String> = world
        .store
        .events_after(0, 10_000, false)
        .await
        .unwrap()
        .into_iter()
        .map(|event| event.action)
        .collect();
    for action in ["audit.accept", "audit.conclude", "audit.sign"] {
        assert!(actions.iter().any(|a| a == action), "{action}");
    }
    let verified = world
        .store
        .verify_log(&world.store.verifying_key(), Vec::new())
        .await
        .unwrap();
    assert!(verified.intact(), "{verified:?}");
}
