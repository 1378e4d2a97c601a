//! The working papers' forms, as a browser without scripts posts them: a control judged through
//! its phases on its page, its population uploaded as CSV and its sample drawn, evidence
//! uploaded on the evidence page and cited for each sampled occurrence; requests and the new
//! statement version on the overview. A bad field comes back beside its form with nothing
//! stored; the provider reads the papers without the auditors' forms; a stranger sees nothing.

use super::browser::{Browser, hidden, redirected};
use crate::workflow::flow::{audit_in_progress, nonconformant_control};
use crate::world::workflow_world;

#[tokio::test]
async fn a_control_judged_sampled_and_tested_by_form() {
    let world = workflow_world().await;
    let (_, statement, audit) = audit_in_progress(&world).await;
    let control = nonconformant_control();
    let auditor = Browser::of(&world, "auditor").await;
    let provider = Browser::of(&world, "provider").await;
    let procurer = Browser::of(&world, "procurer").await;
    let page = |lang: &str| format!("/audits/{audit}/controls/{control}?lang={lang}");
    let action = |tail: &str| format!("/audits/{audit}/controls/{control}/{tail}?lang=en");
    let back = |section: &str| format!("/audits/{audit}/controls/{control}?lang=en#{section}");

    // The overview's form opens a control's page.
    let (answer, _) = auditor
        .get(&format!(
            "/audits/{audit}/controls?control={control}&lang=ja"
        ))
        .await;
    assert_eq!(redirected(&answer), page("ja"));
    let (answer, _) = auditor
        .get(&format!("/audits/{audit}/controls?control=+&lang=en"))
        .await;
    assert_eq!(
        redirected(&answer),
        format!("/audits/{audit}/work?lang=en#controls"),
        "no control given: back to the overview's list"
    );
    for lang in ["ja", "en"] {
        let html = auditor.page(&page(lang)).await;
        assert!(
            html.contains("fair-form") && html.contains("design-form"),
            "{html}"
        );
        assert!(html.contains("frequency-form"));
        let html = provider.page(&page(lang)).await;
        assert!(
            !html.contains("fair-form"),
            "the provider reads, without forms"
        );
    }
    let (answer, _) = procurer.get(&page("en")).await;
    assert_eq!(answer.status, 404);

    // Fair presentation: a verdict is required; the provider may not judge.
    let answer = auditor.post(&action("fair"), &[("reason_en", "why")]).await;
    assert_eq!(answer.status, 422);
    assert!(
        String::from_utf8(answer.body)
            .unwrap()
            .contains("choose a verdict")
    );
    let answer = provider
        .post(
            &action("fair"),
            &[("verdict", "accepted"), ("reason_en", "fine")],
        )
        .await;
    assert_eq!(answer.status, 403);
    let answer = auditor
        .post(
            &action("fair"),
            &[
                ("verdict", "accepted"),
                ("reason_en", "necessary and sufficient"),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), back("fair"));
    let answer = auditor
        .post(&action("design"), &[("reason_en", "runbooks show it")])
        .await;
    assert_eq!(answer.status, 422, "effective or not must be chosen");
    assert!(
        String::from_utf8(answer.body)
            .unwrap()
            .contains("choose whether it is effective")
    );
    let answer = auditor
        .post(
            &action("design"),
            &[("effective", "yes"), ("reason_en", "runbooks show it")],
        )
        .await;
    assert_eq!(redirected(&answer), back("design"));

    // Operation: the frequency, a population out of the period refused, one inside frozen.
    let answer = auditor
        .post(&action("frequency"), &[("frequency", "monthly")])
        .await;
    assert_eq!(redirected(&answer), back("operation"));
    let html = auditor.page(&page("en")).await;
    let token = hidden(&html, "csrf_token");
    let upload = |csv: &'static str| {
        let token = token.clone();
        let auditor = &auditor;
        let uri = action("population");
        async move {
            auditor
                .post_parts(
                    &uri,
                    &[
                        ("csrf_token", None, token.as_bytes()),
                        ("file", Some("population.csv"), csv.as_bytes()),
                    ],
                )
                .await
        }
    };
    let answer = upload("date,reference\n2024-01-05,CHG-1\n").await;
    assert_eq!(answer.status, 422);
    assert!(
        String::from_utf8(answer.body)
            .unwrap()
            .contains("field-problem")
    );
    let answer =
        upload("date,reference\n2025-11-05,CHG-1\n2025-12-05,CHG-2\n2026-01-05,CHG-3\n").await;
    assert_eq!(redirected(&answer), back("operation"));
    let answer = auditor.post(&action("samples"), &[("round", "1")]).await;
    assert_eq!(redirected(&answer), back("samples"));
    let work = world
        .store
        .control_work(&format!("{audit}/{control}"))
        .await
        .unwrap()
        .unwrap()
        .value;
    let items: Vec<u64> = work.operation.unwrap().samples[0]
        .items
        .iter()
        .map(|item| item.occurrence)
        .collect();
    assert_eq!(items.len(), 2, "a monthly control samples two");

    // Evidence on the evidence page, its token before the file; then each item passes on it.
    let evidence_page = format!("/audits/{audit}/evidence?lang=en");
    let html = provider.page(&evidence_page).await;
    assert!(
        html.contains("upload-form"),
        "the provider supplies evidence"
    );
    let token = hidden(&html, "csrf_token");
    let occurrence = items[0].to_string();
    let answer = provider
        .post_parts(
            &evidence_page,
            &[
                ("csrf_token", None, token.as_bytes()),
                ("title_en", None, b"Change approvals"),
                ("method", None, b"inspection"),
                ("speaks_for", None, b"2025-11-05"),
                ("control", None, control.as_bytes()),
                ("occurrence", None, occurrence.as_bytes()),
                ("file", Some("approvals.txt"), b"approved\n"),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), evidence_page);
    let stored = world
        .store
        .audit_evidence_page(&audit, 0, 10)
        .await
        .unwrap()
        .1;
    assert_eq!(stored.len(), 1);
    let evidence = stored[0].value.id.rsplit('/').next().unwrap().to_owned();
    let answer = provider
        .post_parts(
            &evidence_page,
            &[
                ("csrf_token", None, token.as_bytes()),
                ("method", None, b"inspection"),
                ("speaks_for", None, b"someday"),
                ("file", Some("x.txt"), b"x"),
            ],
        )
        .await;
    assert_eq!(answer.status, 422, "a bad day stores nothing");
    assert_eq!(
        world
            .store
            .audit_evidence_page(&audit, 0, 10)
            .await
            .unwrap()
            .0,
        1
    );
    for item in &items {
        let answer = auditor
            .post(
                &action(&format!("items/1/{item}")),
                &[
                    ("passed", "yes"),
                    ("note_en", "the approval is on record"),
                    ("evidence", &evidence),
                ],
            )
            .await;
        assert_eq!(redirected(&answer), back(&format!("item-1-{item}")));
    }
    let html = auditor.page(&page("en")).await;
    assert_eq!(html.matches("class=\"item-passed\"").count(), 2, "{html}");

    // The overview's forms: a request needs its day; an unknown version is refused.
    let overview = format!("/audits/{audit}/work?lang=en");
    let answer = auditor
        .post(
            &format!("/audits/{audit}/requests?lang=en"),
            &[("text_en", "settings")],
        )
        .await;
    assert_eq!(answer.status, 422);
    let answer = auditor
        .post(
            &format!("/audits/{audit}/requests?lang=en"),
            &[
                ("control", &control),
                ("text_en", "settings"),
                ("due_on", "2026-06-20"),
            ],
        )
        .await;
    assert_eq!(
        redirected(&answer),
        format!("/audits/{audit}/work?lang=en#requests")
    );
    let html = provider.page(&overview).await;
    assert!(
        html.contains("continue-form"),
        "the provider may continue on a new version"
    );
    assert!(!html.contains("ask-form"));
    let answer = provider
        .post(
            &format!("/audits/{audit}/continue?lang=en"),
            &[("statement", &format!("{statement}-none"))],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert!(
        String::from_utf8(answer.body)
            .unwrap()
            .contains("field-problem")
    );
}

#[tokio::test]
async fn an_evaluation_of_the_internal_audit_by_form() {
    use serde_json::json;

    use crate::workflow::flow::{new_service, ok, order_body, submitted_statement};

    let world = workflow_world().await;
    let service = new_service(&world).await;
    let statement = submitted_statement(&world, &service).await;
    let mut order = order_body(&service, &statement);
    order["kind"] = json!("internal_audit_evaluation");
    let audit = ok(&world, "provider", "POST", "/api/v1/audits", Some(order)).await;
    let audit = audit["id"].as_str().unwrap().to_owned();
    let signer = world.users["signing_auditor"].clone();
    ok(
        &world,
        "auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/accept"),
        Some(json!({"signing_auditor": signer})),
    )
    .await;
    let auditor = Browser::of(&world, "auditor").await;
    let provider = Browser::of(&world, "provider").await;
    let overview = format!("/audits/{audit}/work?lang=en");
    let back = format!("/audits/{audit}/work?lang=en#internal-audit");
    let html = auditor.page(&overview).await;
    assert!(html.contains("evaluation-form"), "{html}");
    assert!(
        !html.contains("reperformance-draw-form"),
        "nothing evaluated to draw from"
    );
    assert!(
        !html.contains("governance-form"),
        "no three phases in this kind of audit"
    );
    assert!(!provider.page(&overview).await.contains("evaluation-form"));

    let report = |covers: &str| {
        vec![
            ("reference", "IA-2026-01".to_owned()),
            ("performed_by", "Internal audit office".to_owned()),
            ("period_start", "2025-09-01".to_owned()),
            ("period_end", "2026-02-28".to_owned()),
            ("scope_en", "the whole production service".to_owned()),
            ("covers", covers.to_owned()),
            ("reliable", "yes".to_owned()),
            (
                "reason_en",
                "procedures and records are complete".to_owned(),
            ),
        ]
    };
    let pairs =
        |fields: &[(&'static str, String)]| -> Vec<(&'static str, String)> { fields.to_vec() };
    let post = |fields: Vec<(&'static str, String)>, tail: &'static str| {
        let auditor = &auditor;
        let uri = format!("/audits/{audit}/internal-audit{tail}?lang=en");
        async move {
            let borrowed: Vec<(&str, &str)> =
                fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            auditor.post(&uri, &borrowed).await
        }
    };
    let answer = post(pairs(&report("another-service")), "").await;
    assert_eq!(answer.status, 422, "the report must cover the service");
    assert!(
        String::from_utf8(answer.body)
            .unwrap()
            .contains("value=\"IA-2026-01\"")
    );
    let mut undecided = report(&service);
    undecided.retain(|(name, _)| *name != "reliable");
    undecided.push(("period_end", "2026-02-30".to_owned()));
    undecided.retain(|(name, value)| *name != "period_end" || value != "2026-02-28");
    let answer = post(undecided, "").await;
    assert_eq!(answer.status, 422);
    let html = String::from_utf8(answer.body).unwrap();
    assert!(
        html.contains("choose whether it can be relied on")
            && html.contains("give the day as YYYY-MM-DD"),
        "every field's problem is shown at once: {html}"
    );
    let answer = post(pairs(&report(&service)), "").await;
    assert_eq!(redirected(&answer), back);
    let answer = post(Vec::new(), "/draw").await;
    assert_eq!(redirected(&answer), back);
    let stored = world.store.audit(&audit).await.unwrap().unwrap().value;
    let drawn = stored.internal_audit.unwrap().sample.unwrap().controls;
    assert!(drawn.len() >= 5);
    for control in &drawn {
        let answer = auditor
            .post(
                &format!("/audits/{audit}/internal-audit/controls/{control}?lang=en"),
                &[
                    ("passed", "yes"),
                    ("reason_en", "confirmed by re-performance"),
                ],
            )
            .await;
        assert_eq!(redirected(&answer), back);
    }
    let html = auditor.page(&overview).await;
    assert!(!html.contains("evaluation-form"), "fixed once drawn");
    assert_eq!(
        html.matches("confirmed by re-performance").count(),
        drawn.len()
    );
}
