//! Incidents by form: the provider reports one from its entry's page (only it sees the form) and
//! files the final report from the incident's page; an administrator suspends and reinstates
//! from the same page; the entry shows the suspension first, then its notices.

use super::browser::{Browser, redirected};
use crate::workflow::flow::registered_entry;
use crate::world::workflow_world;

#[tokio::test]
async fn an_incident_is_reported_by_form_and_the_operator_suspends_then_reinstates() {
    let world = workflow_world().await;
    let entry = registered_entry(&world).await;
    let page = |lang: &str| format!("/registry/{entry}?lang={lang}");
    let provider = Browser::of(&world, "provider").await;
    for lang in ["ja", "en"] {
        assert!(provider.page(&page(lang)).await.contains("incident-form"));
    }
    for role in ["operator_admin", "procurer"] {
        let html = Browser::of(&world, role).await.page(&page("en")).await;
        assert!(!html.contains("incident-form"), "{role} sees no form");
    }
    let action = format!("/registry/{entry}/incidents?lang=en");
    let answer = provider
        .post(&action, &[("discovered_on", "yesterday")])
        .await;
    assert_eq!(answer.status, 422);
    let answer = provider
        .post(
            &action,
            &[
                ("discovered_on", "2026-05-29"),
                ("summary_ja", "認証 API が 3 時間停止した"),
                (
                    "summary_en",
                    "The authentication API stopped for three hours",
                ),
            ],
        )
        .await;
    let incident = redirected(&answer);
    assert!(incident.starts_with("/incidents/in-"), "{incident}");
    let html = provider.page(&incident).await;
    assert!(
        html.contains("2026-06-03")
            && html.contains("2026-06-26")
            && html.contains("final-report-form"),
        "{html}"
    );
    assert!(
        !html.contains("decide-form"),
        "the provider does not decide"
    );
    let path = incident.split('?').next().unwrap().to_owned();
    let answer = provider
        .post(
            &format!("{path}/final-report?lang=en"),
            &[
                ("cause_ja", "証明書の誤配置"),
                ("cause_en", "a wrong certificate was installed"),
                ("impact_ja", "ログインできなかった"),
                ("impact_en", "no one could sign in"),
                ("measures_ja", "更新を自動化した"),
                ("measures_en", "renewal is now automated"),
                ("services_affected", &entry),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), format!("{path}?lang=en"));
    let list = provider.page("/incidents?lang=ja").await;
    assert!(list.contains("確報済み") && list.contains(&entry), "{list}");

    let admin = Browser::of(&world, "operator_admin").await;
    let html = admin.page(&format!("{path}?lang=ja")).await;
    assert!(
        html.contains("decide-form") && html.contains("証明書の誤配置"),
        "{html}"
    );
    let decide = format!("{path}/decisions?lang=en");
    let answer = admin.post(&decide, &[("measure", "suspend")]).await;
    assert_eq!(answer.status, 422);
    for (measure, title) in [
        ("suspend", "Suspended after an incident"),
        ("reinstate", "Reinstated"),
    ] {
        let answer = admin
            .post(
                &decide,
                &[
                    ("measure", measure),
                    ("reason_ja", "確報を検討した"),
                    ("reason_en", "the final report was examined"),
                    ("notice_title_ja", "インシデントへの措置"),
                    ("notice_title_en", title),
                    ("notice_body_ja", "運用者が措置を決定した。"),
                    ("notice_body_en", "The operator decided its measure."),
                ],
            )
            .await;
        assert_eq!(redirected(&answer), format!("{path}?lang=en"), "{measure}");
        let html = crate::support::get(&world.app, &page("en")).await.text();
        assert!(html.contains(title), "{measure}: {html}");
        assert_eq!(
            html.contains("suspended-banner"),
            measure == "suspend",
            "{measure}"
        );
    }
}
