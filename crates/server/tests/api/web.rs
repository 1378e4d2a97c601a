//! The pages added for procurers, providers and staff: the classification tool and the
//! availability calculator, the audit bodies, the criteria comparison, signing in and out with
//! forms, the start page of each kind of organisation, the Atom feed and the dependency picture.

use axum::body::Body;
use axum::http::Request;
use shinrai_domain::level::Level;
use shinrai_domain::registry::EntryStatus;

use crate::support::{Answer, send};
use crate::world::{PASSWORD, World, world};

async fn get_page(world: &World, uri: &str, cookie: Option<&str>) -> (Answer, String) {
    let mut request = Request::get(uri);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let answer = send(&world.app, request.body(Body::empty()).unwrap()).await;
    let html = String::from_utf8(answer.body.clone()).unwrap();
    (answer, html)
}

async fn post_form(world: &World, uri: &str, cookie: &str, form: &str) -> Answer {
    send(
        &world.app,
        Request::post(uri)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", cookie)
            .body(Body::from(form.to_owned()))
            .unwrap(),
    )
    .await
}

/// The `name=value` of every cookie an answer sets.
fn set_cookies(answer: &Answer) -> Vec<String> {
    answer
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .collect()
}

/// The value of a hidden form field.
fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no field {name}"))
        + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Signs in through the form, as a browser does; answers the session cookie.
async fn sign_in_by_form(world: &World, login: &str, next: &str) -> (Answer, String) {
    let (form, html) = get_page(world, "/login?lang=en", None).await;
    let form_cookie = set_cookies(&form)
        .into_iter()
        .find(|c| c.starts_with("shinrai_sign_in="))
        .expect("the form sets its cookie");
    let token = hidden(&html, "csrf_token");
    assert_eq!(form_cookie, format!("shinrai_sign_in={token}"));
    let answer = post_form(
        world,
        "/login?lang=en",
        &form_cookie,
        &format!(
            "csrf_token={token}&login={login}&password={}&next={}",
            encode(PASSWORD),
            encode(next)
        ),
    )
    .await;
    let session = set_cookies(&answer)
        .into_iter()
        .find(|c| c.starts_with("shinrai_session="))
        .unwrap_or_default();
    (answer, session)
}

#[tokio::test]
async fn the_classification_tool_gives_the_class_advice_and_eligible_services() {
    let world = world().await;
    let registry = shinrai_domain::registry::demo::demo_registry().unwrap();
    let uri = "/tools/classification?lang=en&system=Resident+portal&function=Public+services\
               &name1=Resident+records&c1=3&name2=Event+calendar&c2=1&availability=2";
    let (answer, html) = get_page(&world, uri, None).await;
    assert_eq!(answer.status, 200, "{html}");
    assert!(html.contains("C3-I-A2"));
    assert!(html.contains("Level 3</span> or higher"));
    // The information spans levels 1 to 3: the tool suggests splitting off the level-3 item.
    assert!(html.contains("Resident records"));
    assert!(html.contains("separate system"));
    let eligible: Vec<_> = registry
        .entries
        .iter()
        .filter(|e| e.status == EntryStatus::Registered && e.level == Level::HIGH)
        .collect();
    assert!(!eligible.is_empty());
    assert!(html.contains(&format!("{} entries", eligible.len())));
    for entry in &registry.entries {
        let listed = html.contains(&format!("href=\"/registry/{}?lang=en\"", entry.id));
        let qualifies = entry.status == EntryStatus::Registered && entry.level == Level::HIGH;
        assert_eq!(listed, qualifies, "{}", entry.id);
    }
    // The form keeps what was entered.
    assert!(html.contains("value=\"Resident records\""));
    assert!(html.contains("<option value=\"3\" selected>"));

    // In Japanese, with every problem of a bad form named.
    let (answer, html) = get_page(
        &world,
        "/tools/classification?lang=ja&name1=%E4%BD%8F%E6%B0%91&c1=7&c2=2&availability=",
        None,
    )
    .await;
    assert_eq!(answer.status, 422);
    assert!(
        html.contains("情報 1 の機密性を 1〜3 から選んでください"),
        "{html}"
    );
    assert!(html.contains("情報 2 の名前がありません"));
    assert!(html.contains("可用性を 1〜3 から選んでください"));
    assert!(!html.contains("C3-I-A"));

    // An empty form is just the form.
    let (answer, html) = get_page(&world, "/tools/classification?lang=en", None).await;
    assert_eq!(answer.status, 200);
    assert!(!html.contains("role=\"alert\""));
}

#[tokio::test]
async fn the_availability_calculator_shows_real_against_naive_availability() {
    let world = world().await;
    // 1,000 users for 30 days; one 480-minute outage that hit 10 of them.
    let uri = "/tools/availability?lang=en&users=1000&days=30&minutes1=480&affected1=10";
    let (answer, html) = get_page(&world, uri, None).await;
    assert_eq!(answer.status, 200, "{html}");
    // 4,800 of 43,200,000 user-minutes lost; naive: 480,000 lost; the user hit lost 480 of 43,200.
    assert!(html.contains("99.989 %"));
    assert!(html.contains("98.889 %"));
    assert!(
        html.contains("credit 0 %"),
        "the month as a whole earns nothing"
    );
    assert!(
        html.contains("credit 50 %"),
        "the user hit would earn half back"
    );
    assert!(html.contains("4800 / 43200000"));
    assert!(html.contains("<svg role=\"img\""));
    assert!(html.contains("Availability (user-minutes): 99.989 %"));

    let (answer, html) = get_page(
        &world,
        "/tools/availability?lang=en&users=100&minutes1=60&affected1=200",
        None,
    )
    .await;
    assert_eq!(answer.status, 422);
    assert!(html.contains("Outage 1, users hit"), "{html}");
    let (answer, html) = get_page(
        &world,
        "/tools/availability?lang=ja&users=many&minutes1=60&affected1=2",
        None,
    )
    .await;
    assert_eq!(answer.status, 422);
    assert!(html.contains("利用者数"), "{html}");
}

#[tokio::test]
async fn the_audit_bodies_page_lists_each_body_with_its_services() {
    let world = world().await;
    let registry = shinrai_domain::registry::demo::demo_registry().unwrap();
    let (answer, html) = get_page(&world, "/audit-bodies?lang=en", None).await;
    assert_eq!(answer.status, 200);
    for body in ["aoba-audit", "hikari-assurance"] {
        let audited = registry
            .entries
            .iter()
            .filter(|e| e.audit_body == body)
            .count();
        assert!(html.contains(&format!("id=\"body-{body}\"")), "{body}");
        assert!(
            html.contains(&format!("/registry?audit_body={body}&#38;lang=en")),
            "{body}"
        );
        assert!(audited > 0);
    }
    for entry in &registry.entries {
        assert!(html.contains(&format!("/registry/{}?lang=en", entry.id)));
    }
}

#[tokio::test]
async fn the_criteria_comparison_is_public_for_published_versions_and_staff_see_drafts() {
    let world = world().await;
    let (answer, html) = get_page(&world, "/criteria/diff?lang=en", None).await;
    assert_eq!(answer.status, 200);
    assert!(html.contains("There is only one version to compare so far."));
    assert!(!html.contains("demo-2027"), "the draft stays private");
    let (answer, _) = get_page(
        &world,
        "/criteria/diff?lang=en&from=demo-2026&to=demo-2027",
        None,
    )
    .await;
    assert_eq!(answer.status, 404);

    let (_, session) = sign_in_by_form(&world, "operator-admin", "/criteria/diff?lang=en").await;
    let (answer, html) = get_page(&world, "/criteria/diff?lang=en", Some(&session)).await;
    assert_eq!(answer.status, 200, "{html}");
    let old = shinrai_domain::criteria::demo::demo_criteria().unwrap();
    let new = shinrai_domain::criteria::demo::demo_next_draft().unwrap();
    let expected = shinrai_domain::criteria::diff(&old, &new);
    assert!(html.contains(&format!("Added ({})", expected.added.len())));
    assert!(html.contains(&format!("Removed ({})", expected.removed.len())));
    assert!(html.contains(&format!("Changed ({})", expected.changed.len())));
    for id in &expected.added {
        assert!(html.contains(id.as_str()), "{id}");
    }
    // Removed controls link to their page in the published version; drafts have no pages.
    for id in &expected.removed {
        assert!(
            html.contains(&format!("/criteria/demo-2026/{id}?lang=en")),
            "{id}"
        );
    }
    assert!(!html.contains("/criteria/demo-2027/"));
    for (level, ids) in (1..=3).zip(&expected.newly_required) {
        assert!(
            html.contains(&format!("Level {level}</th><td>{}", ids.len())),
            "level {level}"
        );
    }
}

#[tokio::test]
async fn signing_in_and_out_with_forms() {
    let world = world().await;
    // Sign in and land where the form was asked from.
    let (answer, session) = sign_in_by_form(&world, "operator-admin", "/registry?lang=en").await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.header("location"), Some("/registry?lang=en"));
    assert!(!session.is_empty());
    assert!(
        set_cookies(&answer).contains(&"shinrai_sign_in=".to_owned()),
        "the form's token is forgotten"
    );
    // Every page now names the user and offers to sign out.
    let (_, html) = get_page(&world, "/registry?lang=en", Some(&session)).await;
    assert!(html.contains("operator-admin (op organisation)"));
    assert!(html.contains("action=\"/logout?lang=en\""));
    let csrf = hidden(&html, "csrf_token");

    // Signing out needs the session's token.
    let refused = post_form(&world, "/logout?lang=en", &session, "csrf_token=wrong").await;
    assert_eq!(refused.status, 403);
    let (_, still) = get_page(&world, "/start?lang=en", Some(&session)).await;
    assert!(still.contains("Your start page"));
    let out = post_form(
        &world,
        "/logout?lang=en",
        &session,
        &format!("csrf_token={csrf}"),
    )
    .await;
    assert_eq!(out.status, 303);
    assert_eq!(out.header("location"), Some("/?lang=en"));
    assert!(set_cookies(&out).contains(&"shinrai_session=".to_owned()));
    let (after, _) = get_page(&world, "/start?lang=en", Some(&session)).await;
    assert_eq!(after.status, 303, "the session is over");
    assert!(
        after
            .header("location")
            .unwrap()
            .starts_with("/login?lang=en&next=")
    );
}

#[tokio::test]
async fn the_sign_in_form_refuses_forgery_wrong_passwords_and_outside_targets() {
    let world = world().await;
    let (form, html) = get_page(&world, "/login?lang=ja", None).await;
    let token = hidden(&html, "csrf_token");
    let cookie = set_cookies(&form).into_iter().next().unwrap();
    assert!(html.contains("<html lang=\"ja\">"));

    // A post without the form's cookie (as from another site) is refused.
    let forged = post_form(
        &world,
        "/login?lang=ja",
        "",
        &format!(
            "csrf_token={token}&login=procurer&password={}",
            encode(PASSWORD)
        ),
    )
    .await;
    assert_eq!(forged.status, 403);
    assert!(
        set_cookies(&forged)
            .iter()
            .all(|c| !c.starts_with("shinrai_session="))
    );

    // A wrong password is the form again with the reason, in the reader's language.
    let wrong = post_form(
        &world,
        "/login?lang=ja",
        &cookie,
        &format!("csrf_token={token}&login=procurer&password=nope"),
    )
    .await;
    assert_eq!(wrong.status, 401);
    let text = wrong.text();
    assert!(text.contains("role=\"alert\""));
    assert!(text.contains("value=\"procurer\""), "the login is kept");

    // Another site as the target is never followed.
    let answer = post_form(
        &world,
        "/login?lang=ja",
        &cookie,
        &format!(
            "csrf_token={token}&login=procurer&password={}&next=%2F%2Fevil.example%2F",
            encode(PASSWORD)
        ),
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.header("location"), Some("/"));
}

#[tokio::test]
async fn the_target_after_signing_in_is_a_path_of_this_site_or_home_and_never_a_failure() {
    let world = world().await;
    // Browsers drop the tab of `/\t/evil.example/` and go to `//evil.example/`; line breaks,
    // NUL and DEL made the redirect itself fail with a 500 after the session was written.
    let hostile = [
        "/\t/evil.example/",
        "/\n",
        "/\0",
        "/\u{7f}",
        "/\r\n/evil.example",
        "/\u{2028}/evil.example",
        "/\\evil.example",
        "//evil.example/",
        "https://evil.example/",
    ];
    for next in hostile {
        let (answer, session) = sign_in_by_form(&world, "procurer", next).await;
        assert_eq!(answer.status, 303, "{next:?}: {}", answer.text());
        assert_eq!(answer.header("location"), Some("/"), "{next:?}");
        assert!(!session.is_empty(), "{next:?}: signed in all the same");

        // The same target in the query, to the form and to a signed-in reader.
        let query = format!("/login?lang=en&next={}", encode(next));
        let (form, html) = get_page(&world, &query, None).await;
        assert_eq!(form.status, 200, "{next:?}");
        assert_eq!(
            hidden(&html, "next"),
            "/",
            "{next:?}: the form carries home"
        );
        let (signed_in, _) = get_page(&world, &query, Some(&session)).await;
        assert_eq!(signed_in.status, 303, "{next:?}");
        assert_eq!(signed_in.header("location"), Some("/"), "{next:?}");
    }
    // Paths of this site are followed, encoded where a header needs it.
    let (answer, session) = sign_in_by_form(&world, "procurer", "/registry?q=クラウド").await;
    assert_eq!(
        answer.header("location"),
        Some("/registry?q=%E3%82%AF%E3%83%A9%E3%82%A6%E3%83%89")
    );
    let (signed_in, _) = get_page(
        &world,
        "/login?next=%2Fcriteria%3Flang%3Den",
        Some(&session),
    )
    .await;
    assert_eq!(signed_in.header("location"), Some("/criteria?lang=en"));
}

#[tokio::test]
async fn each_kind_of_organisation_has_its_own_start_page() {
    let world = world().await;
    let (answer, _) = get_page(&world, "/start?lang=en", None).await;
    assert_eq!(answer.status, 303);

    let (_, operator) = sign_in_by_form(&world, "operator-admin", "/start").await;
    let (answer, html) = get_page(&world, "/start?lang=en", Some(&operator)).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("cache-control"), Some("private, no-store"));
    assert!(html.contains("Registrations ending within three months"));
    assert!(html.contains("Suspended registrations"));
    let registry = shinrai_domain::registry::demo::demo_registry().unwrap();
    for entry in registry
        .entries
        .iter()
        .filter(|e| e.status == EntryStatus::Suspended)
    {
        assert!(html.contains(&entry.id), "{}", entry.id);
    }
    assert!(html.contains("/criteria/diff?from=demo-2026&#38;to=demo-2027&#38;lang=en"));

    let (_, procurer) = sign_in_by_form(&world, "procurer", "/start").await;
    let (_, html) = get_page(&world, "/start?lang=ja", Some(&procurer)).await;
    assert!(html.contains("/tools/classification?lang=ja"));
    assert!(html.contains("調達機関"));
    assert!(!html.contains("Suspended registrations") && !html.contains("一時停止中の登録"));

    let (_, auditor) = sign_in_by_form(&world, "auditor", "/start").await;
    let (_, html) = get_page(&world, "/start?lang=en", Some(&auditor)).await;
    assert!(html.contains("Services you audited"));
    assert!(html.contains("/registry?audit_body=ab&#38;lang=en"));
}

#[tokio::test]
async fn the_atom_feed_lists_every_change_with_a_stable_link_to_it() {
    let world = world().await;
    let answer = send(
        &world.app,
        Request::get("/registry/feed.atom?lang=en")
            .header("host", "registry.example")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.header("content-type"),
        Some("application/atom+xml; charset=utf-8")
    );
    let xml = answer.text();
    // Well-formed XML, with one <entry> per change (the demo has fewer than the feed's limit).
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut entries, mut ids, mut links) = (0, Vec::new(), Vec::new());
    let mut in_id = false;
    loop {
        match reader.read_event().expect("well-formed Atom") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "entry" => entries += 1,
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "id" => in_id = true,
            quick_xml::events::Event::Text(t) if in_id => {
                ids.push(t.html_content().into_owned());
                in_id = false;
            }
            quick_xml::events::Event::Empty(e) if e.name().as_ref() == "link" => {
                let href = e
                    .attributes()
                    .filter_map(Result::ok)
                    .find(|a| a.key.as_ref() == "href")
                    .map(|a| a.value.to_string())
                    .unwrap();
                links.push(href);
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    let registry = shinrai_domain::registry::demo::demo_registry().unwrap();
    let expected: usize = registry
        .entries
        .iter()
        .map(|e| e.history.len() + e.notices.len() + e.changes.len())
        .sum();
    assert_eq!(entries, expected);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    // Links start with the configured public address (by default the listen address), not
    // with the request's `Host`.
    assert!(ids[0].starts_with("http://127.0.0.1:8080/registry/"));
    // Each entry's link leads to an anchor that its page has.
    for link in links.iter().filter(|l| l.contains('#')).take(10) {
        let (page, anchor) = link.split_once('#').unwrap();
        let path = page.trim_start_matches("http://127.0.0.1:8080");
        let (_, html) = get_page(&world, path, None).await;
        assert!(html.contains(&format!("id=\"{anchor}\"")), "{link}");
    }
    // Japanese feeds speak Japanese.
    let ja = get_page(&world, "/registry/feed.atom?lang=ja", None)
        .await
        .1;
    assert!(ja.contains("xml:lang=\"ja\""));
    assert!(ja.contains("登録簿の更新情報"));
}

#[tokio::test]
async fn the_dependency_picture_draws_every_service_reached_both_ways() {
    let world = world().await;
    let registry = shinrai_domain::registry::demo::demo_registry().unwrap();
    // The entry with the most services below and above it.
    let (entry, reached) = registry
        .entries
        .iter()
        .map(|e| {
            let n = shinrai_domain::registry::below(&registry.entries, &e.id).len()
                + shinrai_domain::registry::above(&registry.entries, &e.id).len();
            (e, n)
        })
        .max_by_key(|(_, n)| *n)
        .unwrap();
    assert!(reached >= 2);
    let (_, html) = get_page(&world, &format!("/registry/{}?lang=en", entry.id), None).await;
    let picture = html
        .split("<figure class=\"dependency-picture\">")
        .nth(1)
        .unwrap()
        .split("</figure>")
        .next()
        .unwrap();
    assert_eq!(picture.matches("<rect ").count(), reached + 1);
    assert_eq!(picture.matches("class=\"node current\"").count(), 1);
    assert_eq!(picture.matches("tabindex=\"-1\"").count(), reached);
    assert!(picture.matches("<line ").count() >= reached);
}
