//! The quality-review pages: an administrator opens a review by form (a period not over comes
//! back with its problem and the input kept), the staff rate each drawn engagement by form (a
//! blank finding refused beside its form), an administrator closes it, the reviewed body reads
//! its part, a provider is told nothing, and the public audit-body page shows the ratings.

use super::browser::{Browser, redirected};
use crate::workflow::flow::audited_service;
use crate::world::{WORKFLOW_DAY_MS, workflow_world};

#[tokio::test]
async fn a_review_opened_rated_and_closed_by_form() {
    let world = workflow_world().await;
    let (_, _, audit) = audited_service(&world).await;
    world
        .wall
        .as_ref()
        .unwrap()
        .set(WORKFLOW_DAY_MS + 2 * 86_400_000);
    let admin = Browser::of(&world, "operator_admin").await;
    let reviewer = Browser::of(&world, "operator_reviewer").await;
    let auditor = Browser::of(&world, "auditor").await;
    let provider = Browser::of(&world, "provider").await;

    for lang in ["ja", "en"] {
        let html = admin.page(&format!("/quality-reviews?lang={lang}")).await;
        assert!(html.contains("class=\"open-review-form\""), "{html}");
        let html = reviewer
            .page(&format!("/quality-reviews?lang={lang}"))
            .await;
        assert!(
            !html.contains("open-review-form"),
            "only administrators open"
        );
        let html = admin.page(&format!("/start?lang={lang}")).await;
        assert!(html.contains("id=\"quality-reviews-link\""), "{html}");
    }

    let running = [
        ("period_start", "2026-06-01"),
        ("period_end", "2026-06-03"),
        ("asked", "2"),
    ];
    let answer = admin.post("/quality-reviews?lang=en", &running).await;
    assert_eq!(answer.status, 422);
    let html = String::from_utf8(answer.body).unwrap();
    assert!(html.contains("the period must end before today"), "{html}");
    assert!(html.contains("value=\"2026-06-03\""), "the input is kept");
    assert!(world.store.quality_reviews().await.unwrap().is_empty());

    let answer = admin
        .post(
            "/quality-reviews?lang=en",
            &[
                ("period_start", "2026-06-01"),
                ("period_end", "2026-06-01"),
                ("asked", "2"),
            ],
        )
        .await;
    let location = redirected(&answer);
    let id = location
        .strip_prefix("/quality-reviews/")
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    assert!(id.starts_with("qr-"), "{id}");
    let page = |lang: &str| format!("/quality-reviews/{id}?lang={lang}");
    for lang in ["ja", "en"] {
        let html = reviewer.page(&page(lang)).await;
        assert!(html.contains(&format!("id=\"{audit}\"")), "{html}");
        assert!(html.contains("class=\"rate-form\""));
        assert!(html.contains(&format!("/audits/{audit}/work?lang={lang}")));
        assert!(
            !html.contains("close-review-form"),
            "a reviewer does not close"
        );
    }
    let rate = format!("/quality-reviews/{id}/audits/{audit}?lang=en");
    let answer = reviewer
        .post(
            &rate,
            &[
                ("rating", "deficient"),
                ("findings_ja", ""),
                ("findings_en", " "),
            ],
        )
        .await;
    assert_eq!(answer.status, 422);
    let html = String::from_utf8(answer.body).unwrap();
    let section = &html[html.find(&format!("id=\"{audit}\"")).unwrap()..];
    assert!(section.contains("field-problem"), "{section}");
    let answer = reviewer
        .post(
            &rate,
            &[
                ("rating", "improvement_needed"),
                ("findings_ja", "標本の記録の一部に日付がない"),
                ("findings_en", "some sample records carry no date"),
            ],
        )
        .await;
    assert_eq!(
        redirected(&answer),
        format!("/quality-reviews/{id}?lang=en#{audit}")
    );
    let html = admin.page(&page("en")).await;
    assert!(html.contains("some sample records carry no date"));
    assert!(html.contains("close-review-form"));
    let answer = admin
        .post(&format!("/quality-reviews/{id}/close?lang=en"), &[])
        .await;
    redirected(&answer);
    let html = admin.page(&page("en")).await;
    assert!(html.contains("id=\"review-status\">Closed<"), "{html}");
    assert!(!html.contains("rate-form"), "closed: no more ratings");

    // The body reads its part; a provider is told nothing.
    let html = auditor.page(&page("ja")).await;
    assert!(html.contains("標本の記録の一部に日付がない"));
    assert!(!html.contains("rate-form"));
    let (answer, _) = provider.get(&page("en")).await;
    assert_eq!(answer.status, 404);

    // The public page shows the rating and its day, not the findings.
    let public = Browser::of(&world, "public").await;
    let (answer, html) = public.get("/audit-bodies?lang=en").await;
    assert_eq!(answer.status, 200);
    assert!(
        html.contains("class=\"rating-improvement_needed\""),
        "{html}"
    );
    assert!(html.contains("2026-06-03"));
    assert!(!html.contains("some sample records carry no date"));
}
