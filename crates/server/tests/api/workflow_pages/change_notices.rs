//! Change notices by form: the provider reports a change from its entry's page (only it sees
//! the form), a bad date comes back beside the form, the notice's page shows its deadline; the
//! operator acknowledges it from that page and the entry shows the change in its record.

use super::browser::{Browser, redirected};
use crate::workflow::flow::registered_entry;
use crate::world::workflow_world;

#[tokio::test]
async fn a_provider_reports_a_change_by_form_and_the_operator_acknowledges_it() {
    let world = workflow_world().await;
    let entry = registered_entry(&world).await;
    let page = |lang: &str| format!("/registry/{entry}?lang={lang}");
    let provider = Browser::of(&world, "provider").await;
    for lang in ["ja", "en"] {
        assert!(
            provider
                .page(&page(lang))
                .await
                .contains("change-notice-form")
        );
    }
    for role in ["operator_admin", "auditor", "procurer"] {
        let html = Browser::of(&world, role).await.page(&page("en")).await;
        assert!(!html.contains("change-notice-form"), "{role} sees no form");
    }
    let action = format!("/registry/{entry}/change-notices?lang=en");
    let answer = provider
        .post(
            &action,
            &[("category", "wider_scope"), ("effective_on", "June 1st")],
        )
        .await;
    assert_eq!(answer.status, 422);
    let html = String::from_utf8(answer.body).unwrap();
    assert!(
        html.contains("change-notice-form") && html.contains("field-problem"),
        "{html}"
    );
    let answer = provider
        .post(
            &action,
            &[
                ("category", "wider_scope"),
                ("effective_on", "2026-06-01"),
                ("summary_ja", "東京に加えて大阪リージョンを提供する"),
                ("summary_en", "The Osaka region is offered besides Tokyo"),
                ("controls", "12.4.1, 12.4.3"),
            ],
        )
        .await;
    let notice_page = redirected(&answer);
    assert!(
        notice_page.starts_with("/change-notices/cn-"),
        "{notice_page}"
    );
    let html = provider.page(&notice_page).await;
    assert!(
        html.contains("2026-06-15") && html.contains("Osaka region") && html.contains("12.4.3"),
        "{html}"
    );
    assert!(
        !html.contains("acknowledge-form"),
        "the provider does not acknowledge"
    );
    let list = provider.page("/change-notices?lang=ja").await;
    assert!(
        list.contains("重要な変更") && list.contains(&entry),
        "{list}"
    );
    let outsider = Browser::of(&world, "procurer").await;
    let (answer, _) = outsider.get(&notice_page).await;
    assert_eq!(answer.status, 404);

    let reviewer = Browser::of(&world, "operator_reviewer").await;
    let html = reviewer.page(&notice_page).await;
    assert!(
        html.contains("acknowledge-form") && html.contains("audit_due_on"),
        "{html}"
    );
    let id = notice_page
        .trim_start_matches("/change-notices/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let ack = format!("/change-notices/{id}/acknowledge?lang=en");
    let answer = reviewer.post(&ack, &[("audit_due_on", "someday")]).await;
    assert_eq!(answer.status, 422);
    let answer = reviewer
        .post(
            &ack,
            &[
                ("note_ja", "新たな監査を受けてください"),
                ("note_en", "Please undergo a new audit"),
                ("audit_due_on", "2026-10-30"),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), format!("/change-notices/{id}?lang=en"));
    let html = reviewer
        .page(&format!("/change-notices/{id}?lang=en"))
        .await;
    assert!(
        html.contains("Acknowledged")
            && html.contains("2026-10-30")
            && !html.contains("acknowledge-form"),
        "{html}"
    );
    for (lang, words) in [("en", "New audit required"), ("ja", "新たな監査が必要")] {
        let html = crate::support::get(&world.app, &page(lang)).await.text();
        assert!(html.contains(words) && html.contains("change-1"), "{html}");
    }
}
