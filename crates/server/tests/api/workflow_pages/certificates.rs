//! A provider declares its registered service's ISO/IEC 27017 certification by form, fills in
//! its statement of applicability (a control left out of 27001 refused where it is adopted),
//! and the public registry page lists it; a lapsed one is marked; withdrawn, it stays marked.

use super::browser::{Browser, redirected};
use crate::workflow::flow::registered_service;
use crate::world::workflow_world;

#[tokio::test]
async fn a_provider_declares_a_27017_certificate_and_fills_its_statement_of_applicability() {
    let world = workflow_world().await;
    let (service, entry) = registered_service(&world).await;
    let provider = Browser::of(&world, "provider").await;
    for lang in ["ja", "en"] {
        let html = provider
            .page(&format!("/services/{service}/certificates/new?lang={lang}"))
            .await;
        assert!(html.contains("certificate-form"), "{html}");
    }
    let declare = format!("/services/{service}/certificates?lang=en");
    let fields = |from: &'static str, until: &'static str| {
        vec![
            ("kind", "iso27017"),
            ("issuer_ja", "認証機関"),
            ("issuer_en", "A certification body"),
            ("scope_ja", "クラウド事業部"),
            ("scope_en", "The cloud division"),
            ("valid_from", from),
            ("valid_until", until),
        ]
    };
    // A period backwards comes back with its problem.
    let answer = provider
        .post(&declare, &fields("2026-04-01", "2025-03-31"))
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("valid_until"), "{}", answer.text());
    let answer = provider
        .post(&declare, &fields("2025-04-01", "2028-03-31"))
        .await;
    let page = redirected(&answer).split('?').next().unwrap().to_owned();
    assert!(page.starts_with("/certificates/cert-"), "{page}");
    let html = provider.page(&format!("{page}?lang=en")).await;
    assert!(html.contains("class=\"soa-editor\""), "{html}");
    assert!(html.contains("id=\"soa-CLD.6.3.1\""), "{html}");

    // The editor: line 0 left out of 27001 but adopted in 27017 is refused at its line.
    let reasons: Vec<(String, String)> = (0..44)
        .flat_map(|n| {
            [
                (format!("reason-{n}_ja"), "理由".to_owned()),
                (format!("reason-{n}_en"), "a reason".to_owned()),
            ]
        })
        .collect();
    let mut sent: Vec<(&str, &str)> = reasons
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    sent.push(("base-0", "no"));
    sent.push(("adopted-0", "yes"));
    let save = format!("{page}/applicability?lang=en");
    let answer = provider.post(&save, &sent).await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("27001"), "{}", answer.text());
    sent.pop();
    sent.push(("adopted-0", "no"));
    let answer = provider.post(&save, &sent).await;
    assert_eq!(redirected(&answer), format!("{page}?lang=en#soa"));

    // The public registry page lists it, in both languages.
    let public = Browser::of(&world, "public").await;
    for lang in ["ja", "en"] {
        let (answer, html) = public.get(&format!("/registry/{entry}?lang={lang}")).await;
        assert_eq!(answer.status, 200);
        assert!(html.contains("ISO/IEC 27017"), "{html}");
        crate::workflow_pages::browser::in_its_language(
            &format!("/registry/{entry}?lang={lang}"),
            &html,
        );
    }
    // A lapsed one is marked; a withdrawn one stays, marked.
    provider
        .post(&declare, &{
            let mut lapsed = fields("2020-01-01", "2022-12-31");
            lapsed[0] = ("kind", "iso27001");
            lapsed
        })
        .await;
    let answer = provider
        .post(&format!("{page}/withdraw?lang=en"), &[])
        .await;
    assert_eq!(answer.status, 303);
    let html = provider.page(&format!("/services/{service}?lang=en")).await;
    assert!(html.contains("class=\"standing-lapsed\""), "{html}");
    assert!(html.contains("class=\"standing-withdrawn\""), "{html}");
    // Another provider finds no form.
    let other = Browser::of(&world, "other_provider").await;
    assert_eq!(other.get(&format!("{page}?lang=en")).await.0.status, 200);
    assert_eq!(
        other
            .post(&format!("{page}/withdraw?lang=en"), &[])
            .await
            .status,
        403
    );
}
