//! The expectation gap's pages: the public map with its chart and table, each scheme's page, the
//! operator's editor (a scheme changed, added and removed, the baseline moved, problems and a
//! stale form sent back), and a registration's plain account linked from its registry page.

use super::browser::{Browser, hidden, in_its_language, redirected};
use crate::workflow::flow::{excluded_control, logged_actions, registered_service};
use crate::world::workflow_world;

fn revisions(actions: &[String]) -> usize {
    actions.iter().filter(|a| *a == "assurance.revise").count()
}

#[tokio::test]
async fn anyone_reads_the_map_and_each_scheme_in_both_languages() {
    let world = workflow_world().await;
    let public = Browser::of(&world, "public").await;
    for lang in ["ja", "en"] {
        let uri = format!("/assurance?lang={lang}");
        let (answer, html) = public.get(&uri).await;
        assert_eq!(answer.status, 200, "{html}");
        in_its_language(&uri, &html);
        assert!(html.contains("<svg"), "{html}");
        assert_eq!(html.matches("<tr id=\"scheme-").count(), 14, "{html}");
        assert!(html.contains(&format!("href=\"/assurance/isms?lang={lang}\"")));
        // The public sees no editor.
        assert!(!html.contains("assurance-baseline"));
        assert!(!html.contains("/edit?lang="));

        let uri = format!("/assurance/soc2?lang={lang}");
        let (answer, html) = public.get(&uri).await;
        assert_eq!(answer.status, 200, "{html}");
        in_its_language(&uri, &html);
        assert_eq!(html.matches("class=\"point highlight\"").count(), 1);
        assert!(html.contains("id=\"does-not\""));
        assert!(!html.contains("remove-scheme"));
    }
    let (answer, _) = public.get("/assurance/nothing?lang=en").await;
    assert_eq!(answer.status, 404);
    // The editor's forms are an administrator's only.
    let reviewer = Browser::of(&world, "operator_reviewer").await;
    assert_eq!(reviewer.get("/assurance/new?lang=en").await.0.status, 403);
    assert_eq!(
        reviewer.get("/assurance/isms/edit?lang=en").await.0.status,
        403
    );
    let (answer, _) = public.get("/assurance/new?lang=en").await;
    assert_eq!(answer.status, 303);
}

/// A scheme's form as its page gives it, with `changes` made.
fn scheme_form(
    html: &str,
    changes: &[(&'static str, &'static str)],
) -> Vec<(&'static str, String)> {
    let value = |name: &str| -> String {
        let marker = format!("id=\"{name}\" name=\"{name}\"");
        let start = html.find(&marker).unwrap_or_else(|| panic!("no {name}"));
        let rest = &html[start..];
        if let Some(textarea) = rest
            .split_once('>')
            .filter(|(open, _)| open.contains("rows="))
        {
            return textarea.1.split("</textarea>").next().unwrap().to_owned();
        }
        rest.split("value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned()
    };
    let mut fields: Vec<(&'static str, String)> = [
        "id",
        "name_ja",
        "name_en",
        "expected",
        "actual",
        "assures_ja",
        "assures_en",
        "does_not_ja",
        "does_not_en",
        "summary_ja",
        "summary_en",
    ]
    .into_iter()
    .map(|name| (name, value(name)))
    .collect();
    fields.push(("revision", hidden(html, "revision")));
    fields.push(("object", "management_system".to_owned()));
    fields.push(("area", "management".to_owned()));
    fields.push(("area", "people".to_owned()));
    for (name, changed) in changes {
        fields.retain(|(field, _)| field != name);
        fields.push((name, (*changed).to_owned()));
    }
    fields
}

fn sent<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect()
}

#[tokio::test]
async fn an_administrator_edits_adds_and_removes_schemes_and_moves_the_baseline() {
    let world = workflow_world().await;
    let admin = Browser::of(&world, "operator_admin").await;
    let html = admin.page("/assurance?lang=en").await;
    assert!(html.contains("assurance-baseline"), "{html}");
    let form = admin.page("/assurance/isms/edit?lang=en").await;
    assert!(form.contains("assurance-scheme-form"), "{form}");
    admin.page("/assurance/isms/edit?lang=ja").await;

    // Out of range and blank: back with every problem, nothing written.
    let bad = scheme_form(&form, &[("expected", "130"), ("name_en", " ")]);
    let answer = admin
        .post("/assurance/isms/edit?lang=en", &sent(&bad))
        .await;
    assert_eq!(answer.status, 422);
    let text = answer.text();
    assert!(text.contains("/schemes/0/expected"), "{text}");
    assert!(text.contains("/schemes/0/name/en"), "{text}");
    let not_a_number = scheme_form(&form, &[("actual", "many")]);
    let answer = admin
        .post("/assurance/isms/edit?lang=en", &sent(&not_a_number))
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("/actual"));
    assert_eq!(revisions(&logged_actions(&world).await), 0);

    // A sound edit: the scheme's page shows it.
    let good = scheme_form(&form, &[("actual", "35")]);
    let answer = admin
        .post("/assurance/isms/edit?lang=en", &sent(&good))
        .await;
    assert_eq!(redirected(&answer), "/assurance/isms?lang=en");
    let page = admin.page("/assurance/isms?lang=en").await;
    assert!(page.contains("<dd>35</dd>"), "{page}");
    assert_eq!(revisions(&logged_actions(&world).await), 1);
    // The same form sent again was read before that edit: stale, sent back.
    let answer = admin
        .post("/assurance/isms/edit?lang=en", &sent(&good))
        .await;
    assert_eq!(answer.status, 409, "{}", answer.text());

    // A new scheme, then removed from its page.
    let blank = admin.page("/assurance/new?lang=en").await;
    let mut added = scheme_form(&blank, &[]);
    for (name, value) in [
        ("id", "regional_mark"),
        ("name_ja", "地域の認定"),
        ("name_en", "A regional mark"),
        ("expected", "20"),
        ("actual", "70"),
        ("assures_ja", "保証すること"),
        ("assures_en", "What it assures"),
        ("does_not_ja", "保証しないこと"),
        ("does_not_en", "What it does not"),
        ("summary_ja", "理由"),
        ("summary_en", "Why"),
    ] {
        added.retain(|(field, _)| *field != name);
        added.push((name, value.to_owned()));
    }
    let answer = admin.post("/assurance/new?lang=en", &sent(&added)).await;
    assert_eq!(redirected(&answer), "/assurance/regional_mark?lang=en");
    let page = admin.page("/assurance/regional_mark?lang=en").await;
    assert!(page.contains("③ Under-recognised"), "{page}");
    let revision = hidden(&page, "revision");
    let answer = admin
        .post(
            "/assurance/regional_mark/remove?lang=en",
            &[("revision", revision.as_str())],
        )
        .await;
    assert_eq!(redirected(&answer), "/assurance?lang=en");
    let (answer, _) = admin.get("/assurance/regional_mark?lang=en").await;
    assert_eq!(answer.status, 404);

    // The baseline: out of range comes back; a sound one moves the zones.
    let html = admin.page("/assurance?lang=en").await;
    let revision = hidden(&html, "revision");
    let answer = admin
        .post(
            "/assurance?lang=en",
            &[("revision", &revision), ("baseline", "100")],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("/baseline"));
    let answer = admin
        .post(
            "/assurance?lang=en",
            &[("revision", &revision), ("baseline", "30")],
        )
        .await;
    assert_eq!(redirected(&answer), "/assurance?lang=en");
    let api = world
        .call("public", "GET", "/api/v1/assurance", None)
        .await
        .json();
    assert_eq!(api["baseline"], 30);
    assert_eq!(revisions(&logged_actions(&world).await), 4);
    // Another role's post is refused.
    let reviewer = Browser::of(&world, "operator_reviewer").await;
    let answer = reviewer
        .post(
            "/assurance?lang=en",
            &[("revision", "4"), ("baseline", "40")],
        )
        .await;
    assert_eq!(answer.status, 403);
}

#[tokio::test]
async fn a_registrations_account_is_linked_from_its_entry_and_reads_plainly() {
    let world = workflow_world().await;
    let (_, entry) = registered_service(&world).await;
    let public = Browser::of(&world, "public").await;
    let excluded = excluded_control();
    for lang in ["ja", "en"] {
        let (_, html) = public.get(&format!("/registry/{entry}?lang={lang}")).await;
        let link = format!("/registry/{entry}/assurance?lang={lang}");
        assert!(html.contains(&format!("href=\"{link}\"")), "{html}");
        let (answer, html) = public.get(&link).await;
        assert_eq!(answer.status, 200, "{html}");
        in_its_language(&link, &html);
        for section in [
            "level-scheme",
            "implemented",
            "not-implemented",
            "exclusions",
            "above-level",
            "open-risks",
            "responsibilities",
            "certificates",
            "history",
        ] {
            assert!(
                html.contains(&format!("id=\"{section}\"")),
                "{section}: {html}"
            );
        }
        assert!(
            html.contains(&format!("id=\"exclusion-{excluded}\"")),
            "{html}"
        );
        assert!(html.contains(&format!("href=\"/assurance/shinrai_1?lang={lang}\"")));
    }
    let (answer, _) = public.get("/registry/C99-9999/assurance?lang=en").await;
    assert_eq!(answer.status, 404);
}
