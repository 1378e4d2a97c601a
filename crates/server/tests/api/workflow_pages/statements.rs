//! The statement editor: a version started from the service page, an objective's controls
//! saved with the pre-check run again, problems beside their control, a stale save refused,
//! the governance items, submitting that freezes the version, and the next version's
//! differences.

use shinrai_domain::criteria::Part;

use super::browser::{Browser, applicable, hidden, redirected};
use crate::workflow::flow::{call, new_service, ok, statement_body};
use crate::world::workflow_world;

/// The subjects of the stored statement's pre-check findings.
async fn finding_subjects(world: &crate::world::World, statement: &str) -> Vec<String> {
    let answer = ok(
        world,
        "provider",
        "GET",
        &format!("/api/v1/statements/{statement}/precheck"),
        None,
    )
    .await;
    answer["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["subject"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_provider_writes_checks_and_submits_a_statement_with_forms() {
    let world = workflow_world().await;
    let service = new_service(&world).await;
    let provider = Browser::of(&world, "provider").await;

    // A new version from the service page.
    let answer = provider
        .post(
            &format!("/services/{service}/statements?lang=en"),
            &[("criteria_version", "demo-2026"), ("target_level", "1")],
        )
        .await;
    let statement = format!("{service}-v1");
    assert_eq!(
        redirected(&answer),
        format!("/statements/{statement}?lang=en")
    );
    let controls = applicable(Part::Control);
    let objective = controls[0].objective.clone();
    let in_objective: Vec<_> = controls
        .iter()
        .filter(|c| c.objective == objective)
        .collect();
    for lang in ["ja", "en"] {
        let html = provider
            .page(&format!("/statements/{statement}?lang={lang}"))
            .await;
        assert!(html.contains(&format!(
            "/statements/{statement}/objectives/{objective}?lang={lang}"
        )));
        assert!(html.contains(&format!("/statements/{statement}/governance?lang={lang}")));
        assert!(
            html.contains("class=\"precheck\""),
            "the pre-check is in view"
        );
        // A finding links to the control it is about.
        assert!(html.contains(&format!(
            "/statements/{statement}/objectives/{objective}?lang={lang}#c-"
        )));
        let html = provider
            .page(&format!(
                "/statements/{statement}/objectives/{objective}?lang={lang}"
            ))
            .await;
        for control in &in_objective {
            assert!(html.contains(&format!("name=\"state|{}\"", control.id)));
        }
        assert!(html.contains("class=\"precheck\""));
    }
    let first = &in_objective[0].id;
    assert!(finding_subjects(&world, &statement).await.contains(first));

    // A control selected without saying who carries it out: the problem is beside it, the
    // input is kept, nothing is stored.
    let uri = format!("/statements/{statement}/objectives/{objective}?lang=en");
    let html = provider.page(&uri).await;
    let revision = hidden(&html, "revision");
    let state = format!("state|{first}");
    let individual_ja = format!("individual_ja|{first}");
    let individual_en = format!("individual_en|{first}");
    let answer = provider
        .post(
            &uri,
            &[
                ("revision", &revision),
                (&state, "selected"),
                (&individual_ja, "鍵を分けて管理する"),
                (&individual_en, "Keys are kept apart"),
            ],
        )
        .await;
    assert_eq!(answer.status, 422);
    let html = answer.text();
    let anchor = first.replace('.', "_");
    let at = html.find(&format!("id=\"c-{anchor}\"")).unwrap();
    let fieldset = html[..at].rfind("<fieldset").unwrap();
    assert!(
        html[fieldset..at].contains("has-problem"),
        "marked at its control"
    );
    let end = at + html[at..].find("</fieldset>").unwrap();
    assert!(html[at..end].contains("choose who carries it out"));
    assert!(html[at..end].contains("Keys are kept apart"), "input kept");
    let answer = provider
        .post(
            &uri.replace("lang=en", "lang=ja"),
            &[("revision", &revision), (&state, "selected")],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert!(
        answer
            .text()
            .contains("実施主体（事業者・利用者・共同）を選んでください")
    );
    let stored = world.store.statement(&statement).await.unwrap().unwrap();
    assert!(stored.value.content.selected.is_empty());

    // Every control of the objective answered: saved, and the pre-check runs again.
    let mut fields: Vec<(String, String)> = vec![("revision".into(), revision.clone())];
    for control in &in_objective {
        let id = &control.id;
        fields.push((format!("state|{id}"), "selected".into()));
        fields.push((format!("individual_ja|{id}"), "手順書に従い実施".into()));
        fields.push((format!("individual_en|{id}"), "done by the runbook".into()));
        fields.push((format!("responsibility|{id}"), "csp".into()));
        if let Some(example) = control.technology_examples.first() {
            fields.push((format!("example|{id}"), example.id.clone()));
        }
    }
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let answer = provider.post(&uri, &pairs).await;
    assert_eq!(
        redirected(&answer),
        format!("/statements/{statement}/objectives/{objective}?lang=en&saved=1")
    );
    let html = provider
        .page(&format!(
            "/statements/{statement}/objectives/{objective}?lang=en&saved=1"
        ))
        .await;
    assert!(html.contains("Saved. The pre-check below is of what is now stored."));
    let saved = world.store.statement(&statement).await.unwrap().unwrap();
    assert_eq!(saved.value.content.selected.len(), in_objective.len());
    let subjects = finding_subjects(&world, &statement).await;
    for control in &in_objective {
        assert!(
            !subjects.contains(&control.id),
            "{} still found",
            control.id
        );
    }

    // The same form posted again: someone saved after it was read, so it is refused.
    let answer = provider
        .post(&uri, &[("revision", &revision), (&state, "open")])
        .await;
    assert_eq!(answer.status, 409);
    assert!(
        answer
            .text()
            .contains("was saved by someone else after this form was opened")
    );
    let now = world.store.statement(&statement).await.unwrap().unwrap();
    assert_eq!(now.value, saved.value, "the newer save is kept");

    // The governance items.
    let uri = format!("/statements/{statement}/governance?lang=ja");
    let html = provider.page(&uri).await;
    let revision = hidden(&html, "revision");
    let items = applicable(Part::Governance);
    let mut fields: Vec<(String, String)> = vec![("revision".into(), revision)];
    for item in &items {
        fields.push((format!("status|{}", item.id), "implemented".into()));
        fields.push((
            format!("description_ja|{}", item.id),
            "規程に定め運用".into(),
        ));
    }
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let answer = provider.post(&uri, &pairs).await;
    assert_eq!(
        redirected(&answer),
        format!("/statements/{statement}/governance?lang=ja&saved=1")
    );
    let saved = world.store.statement(&statement).await.unwrap().unwrap();
    assert_eq!(saved.value.content.governance.len(), items.len());
    provider
        .page(&format!("/statements/{statement}/management?lang=en"))
        .await;

    // The rest through the API, then submitted with a confirmation: frozen for good.
    ok(
        &world,
        "provider",
        "PUT",
        &format!("/api/v1/statements/{statement}"),
        Some(statement_body()),
    )
    .await;
    for lang in ["ja", "en"] {
        let html = provider
            .page(&format!("/statements/{statement}/submit?lang={lang}"))
            .await;
        assert!(html.contains(&format!(
            "action=\"/statements/{statement}/submit?lang={lang}\""
        )));
    }
    let html = provider
        .page(&format!("/statements/{statement}/submit?lang=en"))
        .await;
    let revision = hidden(&html, "revision");
    let answer = provider
        .post(
            &format!("/statements/{statement}/submit?lang=en"),
            &[("revision", &revision)],
        )
        .await;
    assert_eq!(
        redirected(&answer),
        format!("/statements/{statement}?lang=en")
    );
    let submitted = world.store.statement(&statement).await.unwrap().unwrap();
    assert!(!submitted.value.is_draft());
    for lang in ["ja", "en"] {
        let html = provider
            .page(&format!(
                "/statements/{statement}/objectives/{objective}?lang={lang}"
            ))
            .await;
        assert!(html.contains("class=\"frozen\""));
        assert!(!html.contains("Save and pre-check") && !html.contains("保存して事前チェックする"));
    }
    let uri = format!("/statements/{statement}/objectives/{objective}?lang=en");
    let answer = provider
        .post(
            &uri,
            &[
                ("revision", &submitted.revision.to_string()),
                (&state, "open"),
            ],
        )
        .await;
    assert_eq!(answer.status, 409);
    assert!(answer.text().contains("submitted"), "{}", answer.text());
    let after = world.store.statement(&statement).await.unwrap().unwrap();
    assert_eq!(after.value, submitted.value);

    // The next version copies this one and shows what differs (nothing yet).
    let answer = provider
        .post(
            &format!("/services/{service}/statements?lang=en"),
            &[("criteria_version", "demo-2026"), ("target_level", "1")],
        )
        .await;
    let next = format!("{service}-v2");
    assert_eq!(redirected(&answer), format!("/statements/{next}?lang=en"));
    let html = provider.page(&format!("/statements/{next}?lang=en")).await;
    assert!(html.contains(&format!("Changes from {statement}")));
    assert!(html.contains("The same content as the previous version."));
    let html = provider.page(&format!("/statements/{next}?lang=ja")).await;
    assert!(html.contains("直前の版と同じ内容です。"));

    // Every step is an event of the signed log.
    let actions: Vec<String> = world
        .store
        .events_after(0, 10_000, false)
        .await
        .unwrap()
        .into_iter()
        .map(|event| event.action)
        .collect();
    let saves = actions.iter().filter(|a| *a == "statement.save").count();
    assert_eq!(saves, 3, "two pages and one API save: {actions:?}");
    assert!(actions.iter().any(|a| a == "statement.submit"));
    let verified = world
        .store
        .verify_log(&world.store.verifying_key(), Vec::new())
        .await
        .unwrap();
    assert!(verified.intact(), "{verified:?}");
}

#[tokio::test]
async fn others_read_only_what_they_may_and_change_nothing() {
    let world = workflow_world().await;
    let service = new_service(&world).await;
    let answer = call(
        &world,
        "provider",
        "POST",
        &format!("/api/v1/services/{service}/statements"),
        Some(serde_json::json!({"criteria_version": "demo-2026", "target_level": 1})),
    )
    .await;
    let statement = answer.json()["id"].as_str().unwrap().to_owned();
    let objective = applicable(Part::Control)[0].objective.clone();
    let uri = format!("/statements/{statement}/objectives/{objective}?lang=en");

    // The operator reads the statement, without a form to change it.
    let operator = Browser::of(&world, "operator_reviewer").await;
    let html = operator.page(&uri).await;
    assert!(!html.contains("Save and pre-check"));
    let answer = operator.post(&uri, &[("revision", "1")]).await;
    assert_eq!(answer.status, 403);
    // Another provider and an audit body not asked to audit it do not learn it exists.
    for role in ["other_provider", "auditor"] {
        let browser = Browser::of(&world, role).await;
        let (answer, _) = browser.get(&uri).await;
        assert_eq!(answer.status, 404, "{role}");
        let (answer, _) = browser
            .get(&format!("/statements/{statement}?lang=ja"))
            .await;
        assert_eq!(answer.status, 404, "{role}");
        let answer = browser.post(&uri, &[("revision", "1")]).await;
        assert_eq!(answer.status, 404, "{role}");
    }
    let other = Browser::of(&world, "other_provider").await;
    let answer = other
        .post(
            &format!("/services/{service}/statements?lang=en"),
            &[("criteria_version", "demo-2026"), ("target_level", "1")],
        )
        .await;
    assert_eq!(answer.status, 404);
    // An unknown objective or part is no page.
    let provider = Browser::of(&world, "provider").await;
    let (answer, _) = provider
        .get(&format!(
            "/statements/{statement}/objectives/99.9.9?lang=en"
        ))
        .await;
    assert_eq!(answer.status, 404);
    let (answer, _) = provider
        .get(&format!("/statements/{statement}/other?lang=en"))
        .await;
    assert_eq!(answer.status, 404);
    // A level outside 1-3 and an unknown criteria version are refused at their fields.
    let answer = provider
        .post(
            &format!("/services/{service}/statements?lang=en"),
            &[("criteria_version", "demo-2026"), ("target_level", "4")],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("choose a target level from 1 to 3"));
    let answer = provider
        .post(
            &format!("/services/{service}/statements?lang=en"),
            &[("criteria_version", "nope"), ("target_level", "1")],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert!(
        answer
            .text()
            .contains("there is no published criteria version nope")
    );
    let stored = world.store.statements_of(&service).await.unwrap();
    assert_eq!(stored.len(), 1);
}
