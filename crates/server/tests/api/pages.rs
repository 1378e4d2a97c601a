//! The human pages in both languages: right language throughout (no text missing its
//! translation), search and filters through a plain form, an entry with its dependencies, the
//! downloads, and a strict page shape (no inline script or style).

use axum::body::Body;
use axum::http::Request;
use shinrai_domain::text::Lang;
use shinrai_server::web::{Labels, all_label_pairs};

use crate::support::{Answer, send};
use crate::world::world;

async fn page(world: &crate::world::World, uri: &str) -> (Answer, String) {
    let answer = send(&world.app, Request::get(uri).body(Body::empty()).unwrap()).await;
    let html = String::from_utf8(answer.body.clone()).unwrap();
    (answer, html)
}

fn encode(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// An English page shows no Japanese but the brand mark and the switch to Japanese.
pub(crate) fn assert_english(uri: &str, html: &str) {
    let rest = html.replace("信頼", "").replace("日本語", "");
    let found: String = rest.chars().filter(|c| is_japanese(*c)).take(20).collect();
    assert!(
        found.is_empty(),
        "{uri} shows Japanese on the English page: {found}"
    );
}

/// A Japanese page shows none of the English labels (the switch aside): every label pair whose
/// texts differ is checked, so a label shown untranslated fails here.
pub(crate) fn assert_japanese(uri: &str, html: &str) {
    // An inline chart's SVG keyword, not a label that happens to read the same.
    let html = &html.replace("text-anchor=\"middle\"", "");
    for (name, ja, en) in all_label_pairs() {
        if ja == en || name.starts_with("other_language") {
            continue;
        }
        for shape in [format!(">{en}<"), format!("\"{en}\""), format!(">{en} ")] {
            assert!(
                !html.contains(&shape),
                "{uri} shows the English label {name}: {en:?}"
            );
        }
    }
    assert!(html.contains("<html lang=\"ja\">"), "{uri}");
}

pub(crate) fn assert_strict(uri: &str, answer: &Answer, html: &str) {
    assert_eq!(answer.status, 200, "{uri}");
    assert!(
        answer.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let csp = answer.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(!html.contains("<script"), "{uri} has a script");
    assert!(!html.contains("style="), "{uri} has an inline style");
    assert!(html.contains("<main id=\"main\""));
}

#[test]
fn every_label_has_both_languages() {
    for (name, ja, en) in all_label_pairs() {
        assert!(!ja.trim().is_empty() && !en.trim().is_empty(), "{name}");
        // Names of the product and of the other language are the same or swapped on purpose.
        if matches!(name, "site" | "other_language" | "other_language_code") {
            continue;
        }
        assert!(
            ja.chars().any(is_japanese),
            "{name}: the Japanese text is not Japanese: {ja:?}"
        );
        assert!(
            !en.chars().any(is_japanese),
            "{name}: the English text has Japanese: {en:?}"
        );
        assert_ne!(ja, en, "{name}");
    }
}

#[tokio::test]
async fn every_page_kind_in_both_languages() {
    let world = world().await;
    let registry = shinrai_domain::registry::demo::demo_registry().unwrap();
    let id = &registry.entries[0].id;
    for path in [
        "/".to_owned(),
        "/registry".to_owned(),
        format!("/registry/{id}"),
        "/criteria".to_owned(),
        "/criteria/demo-2026".to_owned(),
        "/criteria/demo-2026/12.3.1.1".to_owned(),
        "/criteria/diff".to_owned(),
        "/tools/classification?system=Portal&name1=Records&c1=2&name2=News&c2=1&availability=3"
            .to_owned(),
        "/tools/availability?users=500&minutes1=90&affected1=40".to_owned(),
        "/audit-bodies".to_owned(),
        "/login".to_owned(),
    ] {
        for lang in ["ja", "en"] {
            let joint = if path.contains('?') { '&' } else { '?' };
            let uri = format!("{path}{joint}lang={lang}");
            let (answer, html) = page(&world, &uri).await;
            assert_strict(&uri, &answer, &html);
            if lang == "en" {
                assert_english(&uri, &html);
                assert!(html.contains("<html lang=\"en\">"));
            } else {
                assert_japanese(&uri, &html);
            }
            // The switch leads to the same page in the other language.
            let other = if lang == "ja" { "en" } else { "ja" };
            let switch = format!("{path}{joint}lang={other}\"").replace('&', "&#38;");
            assert!(html.contains(&switch), "{uri}: no switch {switch}");
        }
    }
    // Without ?lang the browser's preference decides.
    let answer = send(
        &world.app,
        Request::get("/")
            .header("accept-language", "ja,en;q=0.5")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(String::from_utf8_lossy(&answer.body).contains("<html lang=\"ja\">"));
}

#[tokio::test]
async fn the_home_page_charts_the_registry() {
    let world = world().await;
    let registry = shinrai_domain::registry::demo::demo_registry().unwrap();
    let (_, html) = page(&world, "/?lang=en").await;
    assert_eq!(html.matches("<svg role=\"img\"").count(), 3);
    for level in 1..=3u8 {
        let count = registry
            .entries
            .iter()
            .filter(|e| e.level.get() == level)
            .count();
        assert!(
            html.contains(&format!("Level {level}: {count}")),
            "level {level}"
        );
    }
    assert!(html.contains("/registry?level=2&#38;lang=en"));
}

#[tokio::test]
async fn search_filter_and_page_through_the_registry() {
    let world = world().await;
    let registry = shinrai_domain::registry::demo::demo_registry().unwrap();
    let entry = &registry.entries[2];
    let chars: Vec<char> = entry.service_name.ja.chars().collect();
    let piece: String = chars[1..chars.len().min(4)].iter().collect();
    let uri = format!("/registry?lang=ja&q={}", encode(&piece));
    let (answer, html) = page(&world, &uri).await;
    assert_strict(&uri, &answer, &html);
    assert!(html.contains(&entry.service_name.ja), "{piece}");
    assert!(
        html.contains(&format!("value=\"{piece}\"")),
        "the form keeps the query"
    );

    let level = entry.level.get();
    let uri = format!("/registry?lang=en&level={level}&status=&model=");
    let (_, html) = page(&world, &uri).await;
    let expected = registry
        .entries
        .iter()
        .filter(|e| e.level.get() == level)
        .count();
    assert!(html.contains(&format!("{expected} entries")), "{uri}");
    assert!(html.contains(&format!("<option value=\"{level}\" selected>")));

    // 25 entries, 20 a page: two pages, linked both ways, keeping the filters.
    let (_, first) = page(&world, "/registry?lang=en&sort=name").await;
    assert!(
        first.contains("rel=\"next\" href=\"/registry?sort=name&#38;page=2&#38;lang=en\""),
        "{first}"
    );
    let (_, second) = page(&world, "/registry?lang=en&sort=name&page=2").await;
    assert!(second.contains("rel=\"prev\""));
    assert!(!second.contains("rel=\"next\""));

    // The downloads carry the same filters.
    assert!(first.contains("/registry/export/csv?sort=name&#38;lang=en"));
    let csv = send(
        &world.app,
        Request::get(format!("/registry/export/csv?level={level}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("registry.csv")
    );
    let text = String::from_utf8(csv.body).unwrap();
    assert_eq!(text.lines().count(), expected + 1);

    // Bad input is a page in the reader's language naming the parameter, not a JSON body.
    for (uri, text) in [
        ("/registry?lang=en&level=9", "parameter level"),
        ("/registry?lang=ja&status=gone", "パラメータ status"),
        ("/registry?lang=en&page=x", "parameter page"),
        ("/registry/export/pdf?lang=en", "there is nothing here"),
    ] {
        let (answer, html) = page(&world, uri).await;
        assert!(answer.status.is_client_error(), "{uri}: {}", answer.status);
        assert!(
            answer.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{uri}"
        );
        assert!(html.contains(text), "{uri}: {html}");
    }
}

#[tokio::test]
async fn an_entry_links_its_dependencies_both_ways() {
    let world = world().await;
    let registry = shinrai_domain::registry::demo::demo_registry().unwrap();
    let built = registry
        .entries
        .iter()
        .find(|e| !e.built_on.is_empty())
        .unwrap();
    let (_, html) = page(&world, &format!("/registry/{}?lang=en", built.id)).await;
    for base in &built.built_on {
        assert!(
            html.contains(&format!("href=\"/registry/{base}?lang=en\"")),
            "{base}"
        );
    }
    assert!(html.contains(&built.service_name.en));
    assert!(html.matches("<time datetime=").count() >= built.history.len());
    let base = &built.built_on[0];
    let (_, html) = page(&world, &format!("/registry/{base}?lang=en")).await;
    assert!(html.contains(&format!("href=\"/registry/{}?lang=en\"", built.id)));

    let (missing, html) = page(&world, "/registry/C99-9999?lang=ja").await;
    assert_eq!(missing.status, 404);
    assert!(html.contains(Labels::of(Lang::Ja).not_found_title));
}

#[tokio::test]
async fn the_criteria_browser_shows_published_versions_only() {
    let world = world().await;
    let (_, list) = page(&world, "/criteria?lang=en").await;
    assert!(list.contains("href=\"/criteria/demo-2026?lang=en\""));
    assert!(!list.contains("demo-2027"), "a draft is not public");
    let (_, tree) = page(&world, "/criteria/demo-2026?lang=ja").await;
    let demo = shinrai_domain::criteria::demo::demo_criteria().unwrap();
    assert_eq!(tree.matches("<details>").count(), demo.groups.len());
    assert_eq!(tree.matches("<tr id=\"risk-").count(), demo.risks.len());
    assert!(
        tree.contains(&demo.risks[0].left_to.ja),
        "the risk map in Japanese"
    );
    let (_, english) = page(&world, "/criteria/demo-2026?lang=en").await;
    assert!(english.contains("Risks and the control objectives that address them"));
    assert!(english.contains(&demo.risks[20].title.en));
    assert_eq!(
        tree.matches("href=\"/criteria/demo-2026/").count(),
        demo.controls.len()
    );
    let control = demo.control("12.3.1.1").unwrap();
    let (_, detail) = page(&world, "/criteria/demo-2026/12.3.1.1?lang=ja").await;
    assert!(detail.contains(&control.text.ja));
    assert!(detail.contains("<ul class=\"examples\">"));
    for example in &control.technology_examples {
        assert!(detail.contains(&format!("<code>{}</code> {}", example.id, example.name.ja)));
    }
    let (_, english) = page(&world, "/criteria/demo-2026/12.3.1.1?lang=en").await;
    for example in &control.technology_examples {
        assert!(english.contains(&format!("<code>{}</code> {}", example.id, example.name.en)));
    }
    // An item shows its level and its service models, in the tree and on its page.
    let (_, item) = page(&world, "/criteria/demo-2026/M.3.6?lang=en").await;
    assert!(item.contains("Required from level 2"), "{item}");
    assert!(item.contains("<span class=\"models\" title=\"Applies from this level, to these service models\">PaaS / SaaS</span>"));
    assert!(tree.contains("M.3.6</a> <span class=\"level level-2\">2</span>"));
    assert!(tree.contains("<span class=\"models\" title=\"サービスモデル\">PaaS / SaaS</span>"));
    let (draft, _) = page(&world, "/criteria/demo-2027?lang=en").await;
    assert_eq!(draft.status, 404);
    let (missing, _) = page(&world, "/criteria/demo-2026/99.9.9.9?lang=en").await;
    assert_eq!(missing.status, 404);
}
