//! The operator's review pages and the audit body's explanations: the review queue on the start
//! page, the rule's answer with its findings, asking for and giving explanations, judging them,
//! the decision (register refused while the rule does not answer register, beside its field),
//! and the approval by an administrator other than the decider, after which the page links to
//! the registry entry. Wrong parties are refused; stale forms too; the log stays intact.

use shinrai_domain::workflow::application::ApplicationStatus;

use super::browser::{Browser, hidden, redirected};
use crate::workflow::flow::{
    application, audited_service, new_service, nonconformant_control, signed_audit,
    submitted_statement,
};
use crate::world::World;
use crate::world::workflow_world;

async fn status_of(world: &World, id: &str) -> ApplicationStatus {
    world
        .store
        .application(id)
        .await
        .unwrap()
        .unwrap()
        .value
        .status
}

async fn assert_log_intact(world: &World, actions: &[&str]) {
    let recorded: Vec<String> = world
        .store
        .events_after(0, 10_000, false)
        .await
        .unwrap()
        .into_iter()
        .map(|event| event.action)
        .collect();
    for action in actions {
        assert!(recorded.iter().any(|a| a == action), "{action}");
    }
    let verified = world
        .store
        .verify_log(&world.store.verifying_key(), Vec::new())
        .await
        .unwrap();
    assert!(verified.intact(), "{verified:?}");
}

#[tokio::test]
async fn the_operator_reviews_asks_judges_and_decides_with_forms() {
    let world = workflow_world().await;
    let explained = nonconformant_control();
    let service = new_service(&world).await;
    let statement = submitted_statement(&world, &service).await;
    let audit = signed_audit(&world, &service, &statement, Some(&explained)).await;
    let id = application(&world, &service, &audit).await;
    let reviewer = Browser::of(&world, "operator_reviewer").await;
    let admin = Browser::of(&world, "operator_admin").await;
    let provider = Browser::of(&world, "provider").await;
    let auditor = Browser::of(&world, "auditor").await;
    let page = |lang: &str| format!("/applications/{id}?lang={lang}");
    let post = |action: &str| format!("/applications/{id}/{action}?lang=en");

    // The queue lists the submitted application; its page shows the rule's answer.
    for lang in ["ja", "en"] {
        let html = reviewer.page(&format!("/start?lang={lang}")).await;
        assert!(html.contains("id=\"queue-submitted\""), "{html}");
        assert!(html.contains(&format!("/applications/{id}?lang={lang}")));
        let html = reviewer.page(&page(lang)).await;
        assert!(html.contains("id=\"rule-answer\""));
        assert!(html.contains(&format!("action=\"/applications/{id}/review?lang={lang}\"")));
    }
    let html = provider.page("/start?lang=en").await;
    assert!(
        !html.contains("id=\"review-queue\""),
        "no queue for providers"
    );
    for lang in ["ja", "en"] {
        let html = provider.page(&page(lang)).await;
        assert!(!html.contains("id=\"rule-answer\""), "the operator's");
        assert!(!html.contains("/review?"));
    }
    let revision = hidden(&reviewer.page(&page("en")).await, "revision");
    let answer = provider
        .post(&post("review"), &[("revision", &revision)])
        .await;
    assert_eq!(answer.status, 403);
    let (answer, _) = Browser::of(&world, "other_provider")
        .await
        .get(&page("en"))
        .await;
    assert_eq!(answer.status, 404);
    assert_eq!(status_of(&world, &id).await, ApplicationStatus::Submitted);

    // Starting the review; a form read before it is stale.
    let answer = reviewer
        .post(&post("review"), &[("revision", &revision)])
        .await;
    assert_eq!(redirected(&answer), page("en"));
    assert_eq!(status_of(&world, &id).await, ApplicationStatus::UnderReview);
    let answer = reviewer
        .post(
            &post("ask"),
            &[("revision", &revision), ("control", &explained)],
        )
        .await;
    assert_eq!(answer.status, 409, "a form read before the review started");

    // The rule asks for an explanation: register is refused beside the decision.
    let html = reviewer.page(&page("en")).await;
    assert!(html.contains("explanations needed"), "{html}");
    assert!(html.contains(&format!("name=\"control\" value=\"{explained}\"")));
    let revision = hidden(&html, "revision");
    let answer = reviewer
        .post(
            &post("decide"),
            &[
                ("revision", &revision),
                ("decision", "register"),
                ("reason_en", "meets the rule"),
            ],
        )
        .await;
    assert_eq!(answer.status, 409);
    let html = answer.text();
    let field = html.find("id=\"decision-field\"").unwrap();
    let reason = html.find("id=\"reason-field\"").unwrap();
    assert!(
        html[field..reason].contains("the registration rule answers"),
        "the refusal is shown beside the decision"
    );
    assert!(html.contains("meets the rule"), "the reason is kept");
    let answer = reviewer
        .post(
            &post("decide"),
            &[("revision", &revision), ("reason_en", "x")],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("choose register or reject"));
    let answer = reviewer
        .post(
            &post("decide"),
            &[("revision", &revision), ("decision", "reject")],
        )
        .await;
    assert_eq!(answer.status, 422, "a decision needs its reason");
    assert!(answer.text().contains("class=\"field-problem\""));
    let answer = reviewer
        .post(&post("ask"), &[("revision", &revision)])
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("choose at least one control"));
    assert_eq!(status_of(&world, &id).await, ApplicationStatus::UnderReview);

    // Asking the audit body to explain.
    let answer = reviewer
        .post(
            &post("ask"),
            &[("revision", &revision), ("control", &explained)],
        )
        .await;
    assert_eq!(redirected(&answer), page("en"));
    assert_eq!(
        status_of(&world, &id).await,
        ApplicationStatus::ExplanationRequested
    );

    // The audit body finds the application on its start page and on its audit's page.
    for lang in ["ja", "en"] {
        let html = auditor.page(&format!("/start?lang={lang}")).await;
        let asked = section_of(&html, "id=\"explanations-asked\"");
        assert!(asked.contains(&format!("href=\"/applications/{id}?lang={lang}\"")));
        assert!(asked.contains(&format!("<td>{explained}</td>")), "{asked}");
    }
    let html = provider.page("/start?lang=en").await;
    assert!(!html.contains("id=\"explanations-asked\""));
    for lang in ["ja", "en"] {
        let html = auditor.page(&format!("/audits/{audit}?lang={lang}")).await;
        assert!(html.contains(&format!("href=\"/applications/{id}?lang={lang}\"")));
    }
    for lang in ["ja", "en"] {
        let html = auditor.page(&page(lang)).await;
        assert!(html.contains(&format!(
            "action=\"/applications/{id}/explain?lang={lang}\""
        )));
        assert!(!html.contains("id=\"rule-answer\""));
    }
    let html = auditor.page(&page("en")).await;
    let revision = hidden(&html, "revision");
    let answer = auditor
        .post(
            &post("explain"),
            &[("revision", &revision), ("control", &explained)],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("class=\"field-problem\""));
    let answer = provider
        .post(
            &post("explain"),
            &[
                ("revision", &revision),
                ("control", &explained),
                ("text_en", "compensated"),
            ],
        )
        .await;
    assert_eq!(answer.status, 403);
    let answer = auditor
        .post(
            &post("explain"),
            &[
                ("revision", &revision),
                ("control", &explained),
                ("text_ja", "代替の統制で補われている"),
                ("text_en", "a compensating control covers it"),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), page("en"));
    let html = auditor.page("/start?lang=en").await;
    let asked = section_of(&html, "id=\"explanations-asked\"");
    assert!(
        !asked.contains(&format!("/applications/{id}?")),
        "answered: {asked}"
    );
    assert!(asked.contains("No explanation asked."));

    // The reviewer accepts the explanation; the rule then answers register.
    let html = reviewer.page(&page("en")).await;
    assert!(html.contains("a compensating control covers it"));
    assert!(html.contains(&format!("action=\"/applications/{id}/judge?lang=en\"")));
    reviewer.page(&page("ja")).await;
    let revision = hidden(&html, "revision");
    let answer = auditor
        .post(
            &post("judge"),
            &[
                ("revision", &revision),
                ("control", &explained),
                ("verdict", "accept"),
            ],
        )
        .await;
    assert_eq!(answer.status, 403, "the audit body does not judge");
    let answer = reviewer
        .post(
            &post("judge"),
            &[
                ("revision", &revision),
                ("control", &explained),
                ("verdict", "perhaps"),
            ],
        )
        .await;
    assert_eq!(answer.status, 422);
    let answer = reviewer
        .post(
            &post("judge"),
            &[
                ("revision", &revision),
                ("control", &explained),
                ("verdict", "accept"),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), page("en"));
    let html = reviewer.page(&page("en")).await;
    assert!(html.contains("rule-register"), "{html}");

    // The decision; an administrator other than the decider approves.
    let revision = hidden(&html, "revision");
    let answer = reviewer
        .post(
            &post("decide"),
            &[
                ("revision", &revision),
                ("decision", "register"),
                ("reason_ja", "基準を満たす"),
                ("reason_en", "meets the rule"),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), page("en"));
    for lang in ["ja", "en"] {
        let html = reviewer.page(&format!("/start?lang={lang}")).await;
        assert!(html.contains(&format!("/applications/{id}?lang={lang}")));
    }
    let html = reviewer.page(&page("en")).await;
    assert!(html.contains("id=\"four-eyes\""));
    assert!(
        html.contains("You recorded this decision; another operator administrator must approve it")
    );
    assert!(!html.contains("/approve?"), "a reviewer does not approve");
    for lang in ["ja", "en"] {
        let html = admin.page(&page(lang)).await;
        assert!(html.contains(&format!(
            "action=\"/applications/{id}/approve?lang={lang}\""
        )));
    }
    let revision = hidden(&admin.page(&page("en")).await, "revision");
    let answer = reviewer
        .post(&post("approve"), &[("revision", &revision)])
        .await;
    assert_eq!(answer.status, 403);
    let answer = admin
        .post(&post("approve"), &[("revision", &revision)])
        .await;
    assert_eq!(redirected(&answer), page("en"));
    let stored = world.store.application(&id).await.unwrap().unwrap().value;
    assert_eq!(stored.status, ApplicationStatus::Registered);
    let entry = stored.registry_entry.unwrap();
    for browser in [&admin, &provider] {
        for lang in ["ja", "en"] {
            let html = browser.page(&page(lang)).await;
            assert!(html.contains(&format!("href=\"/registry/{entry}?lang={lang}\"")));
        }
    }
    assert_log_intact(
        &world,
        &[
            "application.review",
            "application.ask",
            "application.explain",
            "application.judge",
            "application.decide",
            "application.approve",
        ],
    )
    .await;
}

#[tokio::test]
async fn the_decider_may_not_approve_on_the_page() {
    let world = workflow_world().await;
    let (service, _, audit) = audited_service(&world).await;
    let id = application(&world, &service, &audit).await;
    let admin = Browser::of(&world, "operator_admin").await;
    let second = Browser::of(&world, "second_admin").await;
    let page = |lang: &str| format!("/applications/{id}?lang={lang}");
    let post = |action: &str| format!("/applications/{id}/{action}?lang=en");

    let revision = hidden(&admin.page(&page("en")).await, "revision");
    redirected(
        &admin
            .post(&post("review"), &[("revision", &revision)])
            .await,
    );
    let html = admin.page(&page("en")).await;
    assert!(html.contains("rule-register"), "{html}");
    let revision = hidden(&html, "revision");
    let answer = admin
        .post(
            &post("decide"),
            &[
                ("revision", &revision),
                ("decision", "reject"),
                ("reason_ja", "記録に不備"),
                ("reason_en", "records incomplete"),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), page("en"));
    // Deciding again with the old form is stale.
    let answer = admin
        .post(
            &post("decide"),
            &[
                ("revision", &revision),
                ("decision", "reject"),
                ("reason_en", "records incomplete"),
            ],
        )
        .await;
    assert_eq!(answer.status, 409);
    for lang in ["ja", "en"] {
        let html = admin.page(&page(lang)).await;
        assert!(html.contains("id=\"four-eyes\""));
        assert!(!html.contains("/approve?"));
    }
    let html = admin.page(&page("en")).await;
    assert!(html.contains("another operator administrator must approve it"));
    let html = Browser::of(&world, "operator_reviewer")
        .await
        .page(&page("en"))
        .await;
    assert!(html.contains("once an operator administrator approves it"));
    assert!(!html.contains("/approve?"));
    let html = second.page(&page("en")).await;
    assert!(html.contains(&format!("action=\"/applications/{id}/approve?lang=en\"")));
    let revision = hidden(&html, "revision");
    let answer = admin
        .post(&post("approve"), &[("revision", &revision)])
        .await;
    assert_eq!(answer.status, 403, "the decider may not approve");
    assert_eq!(status_of(&world, &id).await, ApplicationStatus::Decided);
    let answer = second
        .post(&post("approve"), &[("revision", &revision)])
        .await;
    assert_eq!(redirected(&answer), page("en"));
    assert_eq!(status_of(&world, &id).await, ApplicationStatus::Rejected);
    let html = second.page(&page("en")).await;
    assert!(
        !html.contains("/registry/ap"),
        "a rejection writes no entry"
    );
    assert_log_intact(&world, &["application.decide", "application.approve"]).await;
}

/// The part of `html` from the element marked by `marker` to the end of its section.
fn section_of<'a>(html: &'a str, marker: &str) -> &'a str {
    let start = html
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker} in the page"));
    let rest = &html[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}
