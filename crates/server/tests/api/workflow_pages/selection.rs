//! The selection's pages: an audit body applies by form (a bad field shown beside its row with
//! nothing stored), the operator's staff read the rule's answer and wait on the start page, an
//! administrator selects or rejects by form (select refused while the rule does not answer
//! select), a reviewer has no decide form, a provider sees no such page, and the body sends
//! its yearly status report from its start page.

use shinrai_domain::workflow::selection_application::SelectionApplicationStatus;

use super::browser::{Browser, redirected};
use crate::world::{World, workflow_world};

/// The form's fields: the body's facts and one row per auditor (role, signing).
fn form(world: &World, auditors: &[(&str, bool)]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("domestic_registration", "yes"),
        ("quality_control_ja", "監査調書を二名で確認する"),
        ("quality_control_en", "two people review every audit file"),
        ("subcontracting_rules_ja", "監査業務は再委託しない"),
        ("subcontracting_rules_en", "no audit work is subcontracted"),
        ("independence_declaration", "yes"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    for (row, (role, signing)) in auditors.iter().enumerate() {
        let mut add = |name: &str, value: &str| {
            fields.push((format!("a{row}_{name}"), value.to_owned()));
        };
        add("user", &world.users[*role]);
        add("name_ja", "監査 太郎");
        add("name_en", "Taro Kansa");
        add("qualifications", "CISA, CISSP");
        add("years", "6");
        add("nationality", "JP");
        if *signing {
            add("signing", "yes");
        }
    }
    fields
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

async fn applications(world: &World) -> Vec<(String, SelectionApplicationStatus)> {
    world
        .store
        .selection_applications(Some("ab"))
        .await
        .unwrap()
        .into_iter()
        .map(|stored| (stored.value.id, stored.value.status))
        .collect()
}

/// The application id a redirect names.
fn id_of(location: &str) -> String {
    location
        .strip_prefix("/selection-applications/")
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_body_applies_by_form_and_an_administrator_decides_by_form() {
    let world = workflow_world().await;
    let auditor = Browser::of(&world, "auditor").await;
    let reviewer = Browser::of(&world, "operator_reviewer").await;
    let admin = Browser::of(&world, "operator_admin").await;
    let provider = Browser::of(&world, "provider").await;

    // The start page links to the form, shown in both languages.
    for lang in ["ja", "en"] {
        let html = auditor.page(&format!("/start?lang={lang}")).await;
        assert!(html.contains("id=\"selection\""), "{html}");
        assert!(html.contains(&format!("/audit-bodies/ab/apply?lang={lang}")));
        let html = auditor
            .page(&format!("/audit-bodies/ab/apply?lang={lang}"))
            .await;
        assert!(html.contains(&format!("action=\"/audit-bodies/ab/apply?lang={lang}\"")));
        assert!(html.contains(&format!("value=\"{}\"", world.users["signing_auditor"])));
    }
    let (answer, _) = provider.get("/audit-bodies/ab/apply?lang=en").await;
    assert_eq!(answer.status, 404, "not the provider's body");

    // Bad fields come back beside their rows with what was typed; nothing is stored.
    let mut bad = form(&world, &[("auditor", true)]);
    bad.push(("a2_years".to_owned(), "many".to_owned()));
    let answer = auditor
        .post("/audit-bodies/ab/apply?lang=en", &pairs(&bad))
        .await;
    assert_eq!(answer.status, 422);
    let html = String::from_utf8(answer.body).unwrap();
    let row = &html[html.find("id=\"auditor-2\"").unwrap()..html.find("id=\"auditor-3\"").unwrap()];
    assert!(
        row.contains("years of experience must be a whole number"),
        "{row}"
    );
    assert!(html.contains("value=\"many\""));
    assert!(html.contains("two people review every audit file"));
    let other = form(&world, &[("provider", true)]);
    let answer = auditor
        .post("/audit-bodies/ab/apply?lang=ja", &pairs(&other))
        .await;
    assert_eq!(answer.status, 422);
    let html = String::from_utf8(answer.body).unwrap();
    assert!(html.contains("この監査機関に属していません"), "{html}");
    let row = &html[html.find("id=\"auditor-0\"").unwrap()..html.find("id=\"auditor-1\"").unwrap()];
    assert!(row.contains("field-problem"), "beside its row: {row}");
    assert!(applications(&world).await.is_empty());

    // Without auditors the rule does not select: selecting is refused on the page, rejecting
    // is recorded.
    let answer = auditor
        .post("/audit-bodies/ab/apply?lang=ja", &pairs(&form(&world, &[])))
        .await;
    let first = id_of(&redirected(&answer));
    let page = |id: &str, lang: &str| format!("/selection-applications/{id}?lang={lang}");
    let decide = |id: &str| format!("/selection-applications/{id}/decide?lang=en");
    let html = admin.page(&page(&first, "en")).await;
    assert!(html.contains("id=\"rule-answer\">Reject<"), "{html}");
    let answer = admin
        .post(
            &decide(&first),
            &[("decision", "select"), ("reason_en", "meets the rule")],
        )
        .await;
    assert_eq!(answer.status, 409);
    let html = String::from_utf8(answer.body).unwrap();
    assert!(html.contains("id=\"problems\""), "{html}");
    assert!(html.contains("meets the rule"), "what was typed is kept");
    let answer = admin
        .post(
            &decide(&first),
            &[
                ("decision", "reject"),
                ("reason_ja", "監査人がいない"),
                ("reason_en", "no auditors"),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), page(&first, "en"));

    // The body applies again with its auditors.
    let answer = auditor
        .post(
            "/audit-bodies/ab/apply?lang=en",
            &pairs(&form(
                &world,
                &[("auditor", true), ("signing_auditor", true)],
            )),
        )
        .await;
    let id = id_of(&redirected(&answer));
    assert_eq!(redirected(&answer), page(&id, "en"));
    let html = auditor.page("/start?lang=en").await;
    assert!(html.contains(&page(&id, "en")), "the latest application");
    for lang in ["ja", "en"] {
        let html = auditor.page(&page(&id, lang)).await;
        assert!(!html.contains("id=\"rule-answer\""), "the operator's");
        assert!(!html.contains("selection-decide"));
    }

    // The operator's staff: the start page lists it; the rule answers select.
    for lang in ["ja", "en"] {
        let html = reviewer.page(&format!("/start?lang={lang}")).await;
        assert!(html.contains("id=\"selection-waiting\""));
        assert!(html.contains(&page(&id, lang)));
        let html = reviewer.page(&page(&id, lang)).await;
        assert!(html.contains("id=\"rule-answer\""));
        assert!(html.contains("2026-06-01 – 2029-05-31"), "{html}");
        assert!(!html.contains("selection-decide"), "no form for a reviewer");
        let html = admin.page(&page(&id, lang)).await;
        assert!(html.contains("id=\"selection-decide\""));
    }
    let answer = reviewer
        .post(&decide(&id), &[("decision", "select"), ("reason_en", "x")])
        .await;
    assert_eq!(answer.status, 403);
    let (answer, _) = provider.get(&page(&id, "en")).await;
    assert_eq!(answer.status, 404);

    // A decision not chosen is shown beside its field; then the administrator selects.
    let answer = admin
        .post(&decide(&id), &[("reason_en", "as the rule answers")])
        .await;
    assert_eq!(answer.status, 422);
    assert!(
        String::from_utf8(answer.body)
            .unwrap()
            .contains("choose select or reject")
    );
    let answer = admin
        .post(
            &decide(&id),
            &[
                ("decision", "select"),
                ("reason_ja", "判断基準による"),
                ("reason_en", "as the rule answers"),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), page(&id, "en"));
    let statuses = applications(&world).await;
    assert!(statuses.contains(&(id.clone(), SelectionApplicationStatus::Selected)));
    assert!(statuses.contains(&(first, SelectionApplicationStatus::Rejected)));
    let html = admin.page(&page(&id, "en")).await;
    assert!(!html.contains("selection-decide"), "decided");
    assert!(html.contains("as the rule answers"));
    let html = reviewer.page("/start?lang=en").await;
    assert!(!html.contains(&page(&id, "en")), "no longer waiting");
}

#[tokio::test]
async fn the_body_sends_its_status_report_from_its_start_page() {
    let world = workflow_world().await;
    let auditor = Browser::of(&world, "auditor").await;
    let reviewer = Browser::of(&world, "operator_reviewer").await;
    // Selected from 2025-04-01; the first year's report, due 2026-03-31, is overdue.
    for lang in ["ja", "en"] {
        let html = reviewer.page(&format!("/start?lang={lang}")).await;
        assert!(html.contains("id=\"reports-overdue\""));
        assert!(html.contains("2026-03-31"), "{html}");
        let html = auditor.page(&format!("/start?lang={lang}")).await;
        assert!(html.contains("id=\"status-report\""), "{html}");
        assert!(html.contains(&format!(
            "action=\"/audit-bodies/ab/status-reports?lang={lang}\""
        )));
    }
    let answer = Browser::of(&world, "provider")
        .await
        .post(
            "/audit-bodies/ab/status-reports?lang=en",
            &[("text_en", "nothing")],
        )
        .await;
    assert_eq!(answer.status, 403);
    let answer = auditor
        .post(
            "/audit-bodies/ab/status-reports?lang=en",
            &[
                ("text_ja", "監査人に変更なし"),
                ("text_en", "no change to our auditors"),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), "/start?lang=en#status-report");
    let record = world.store.audit_body_record("ab").await.unwrap().unwrap();
    assert_eq!(record.value.status_reports.len(), 1);
    let html = auditor.page("/start?lang=en").await;
    assert!(!html.contains("id=\"status-report\""), "nothing owed now");
    let html = reviewer.page("/start?lang=en").await;
    assert!(!html.contains("2026-03-31"), "no longer overdue");
}

#[tokio::test]
async fn an_administrator_takes_a_measure_by_form_and_it_is_public() {
    let world = workflow_world().await;
    let admin = Browser::of(&world, "operator_admin").await;
    for lang in ["ja", "en"] {
        let html = admin.page(&format!("/audit-bodies?lang={lang}")).await;
        assert!(html.contains(&format!("action=\"/audit-bodies/ab/measures?lang={lang}\"")));
    }
    for role in ["public", "provider", "operator_reviewer"] {
        let (_, html) = Browser::of(&world, role)
            .await
            .get("/audit-bodies?lang=en")
            .await;
        assert!(!html.contains("/measures?"), "{role} has no measure form");
    }
    let answer = Browser::of(&world, "operator_reviewer")
        .await
        .post(
            "/audit-bodies/ab/measures?lang=en",
            &[
                ("kind", "caution"),
                ("on", "2026-06-01"),
                ("reason_en", "x"),
            ],
        )
        .await;
    assert_eq!(answer.status, 403);
    let bad = admin
        .post(
            "/audit-bodies/ab/measures?lang=en",
            &[
                ("kind", "banishment"),
                ("on", "June"),
                ("reason_en", "kept as sent"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    // Shown again with each problem beside its field and the input as sent.
    let html = bad.text();
    for (field, message) in [
        ("kind-ab", "choose the kind of measure"),
        ("on-ab", "give the day as YYYY-MM-DD"),
    ] {
        let at = html.find(&format!("id=\"{field}\"")).unwrap();
        let before = &html[..at];
        assert!(
            before[before.rfind("<label").unwrap() - 200..].contains(message),
            "{message}"
        );
    }
    assert!(html.contains(">kept as sent</textarea>"));
    assert!(html.contains("value=\"June\""));
    let answer = admin
        .post(
            "/audit-bodies/ab/measures?lang=en",
            &[
                ("kind", "caution"),
                ("on", "2026-06-01"),
                ("facts_ja", "手続の省略"),
                ("facts_en", "a skipped procedure"),
                ("reason_ja", "再発防止のため"),
                ("reason_en", "so that it does not recur"),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), "/audit-bodies?lang=en#measures-ab");
    let (answer, html) = Browser::of(&world, "public")
        .await
        .get("/audit-bodies?lang=en")
        .await;
    assert_eq!(answer.status, 200);
    assert!(html.contains("class=\"measure-caution\""), "{html}");
    assert!(html.contains("a skipped procedure"));
    let record = world.store.audit_body_record("ab").await.unwrap().unwrap();
    assert_eq!(record.value.measures.len(), 1);
}
