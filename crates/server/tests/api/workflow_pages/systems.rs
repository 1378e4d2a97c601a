//! The procurer's records by form: a system recorded and classified from the list's form (its
//! problems named), its page with the class, SLA items and eligible services, a usage recorded
//! and ended; another organisation finds no such page; the operator reads who uses what.

use super::browser::{Browser, redirected};
use crate::workflow::flow::registered_entry;
use crate::world::workflow_world;

#[tokio::test]
async fn a_procurer_records_a_system_and_its_usage_by_form() {
    let world = workflow_world().await;
    let entry = registered_entry(&world).await;
    let procurer = Browser::of(&world, "procurer").await;
    for lang in ["ja", "en"] {
        let html = procurer.page(&format!("/systems?lang={lang}")).await;
        assert!(html.contains("system-form"), "{html}");
    }
    let provider = Browser::of(&world, "provider").await;
    assert!(
        !provider
            .page("/systems?lang=en")
            .await
            .contains("system-form")
    );

    let answer = procurer
        .post(
            "/systems?lang=en",
            &[("name_ja", "予約"), ("name_en", "Bookings"), ("c1", "2")],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert!(
        answer.text().contains("choose availability from 1 to 3"),
        "{}",
        answer.text()
    );
    let answer = procurer
        .post(
            "/systems?lang=en",
            &[
                ("name_ja", "施設予約"),
                ("name_en", "Facility bookings"),
                ("function_ja", "国民向けサービス"),
                ("function_en", "Service to residents"),
                ("info1_ja", "予約者の連絡先"),
                ("info1_en", "Contact details"),
                ("c1", "1"),
                ("availability", "2"),
                ("model", "SaaS"),
            ],
        )
        .await;
    let page = redirected(&answer);
    assert!(page.starts_with("/systems/sys-"), "{page}");
    let path = page.split('?').next().unwrap().to_owned();
    let html = procurer.page(&format!("{path}?lang=ja")).await;
    assert!(html.contains("C1-I-A2") && html.contains(&entry), "{html}");

    let answer = procurer
        .post(
            &format!("{path}/usages?lang=en"),
            &[("service", "C99-9999"), ("from", "2026-06-01")],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("C99-9999"));
    let answer = procurer
        .post(
            &format!("{path}/usages?lang=en"),
            &[
                ("service", &entry),
                ("from", "2026-06-01"),
                ("note_en", "bookings"),
            ],
        )
        .await;
    assert_eq!(redirected(&answer), format!("{path}?lang=en"));
    let html = procurer.page(&format!("{path}?lang=en")).await;
    let usage = html
        .split("id=\"usage-")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let answer = procurer
        .post(
            &format!("/usages/{usage}/end?lang=en"),
            &[("until", "2026-12-31")],
        )
        .await;
    assert_eq!(redirected(&answer), format!("{path}?lang=en"));
    assert!(
        procurer
            .page(&format!("{path}?lang=en"))
            .await
            .contains("2026-12-31")
    );

    for role in ["provider", "operator_admin"] {
        let other = Browser::of(&world, role).await;
        assert_eq!(
            other.get(&format!("{path}?lang=en")).await.0.status,
            404,
            "{role}"
        );
    }
    let admin = Browser::of(&world, "operator_admin").await;
    for lang in ["ja", "en"] {
        let html = admin.page(&format!("/usages?lang={lang}")).await;
        assert!(
            html.contains(&entry) && html.contains("2026-12-31"),
            "{html}"
        );
        assert!(
            html.contains("usage-summary"),
            "in use today, counted: {html}"
        );
    }
}

/// The rows of the page's table of class `class`, by their ids' tail after `prefix`.
fn row_ids(html: &str, class: &str, prefix: &str) -> Vec<String> {
    let Some(table) = html.split(&format!("class=\"{class}\"")).nth(1) else {
        return Vec::new();
    };
    let table = table.split("</table>").next().unwrap();
    table
        .split(&format!("id=\"{prefix}"))
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_owned())
        .collect()
}

/// A system recorded through the list's form with one kind of information (its name and
/// function, the information, its confidentiality and the availability); its page's path.
async fn recorded_system(
    procurer: &Browser<'_>,
    name: (&str, &str),
    function: (&str, &str),
    information: (&str, &str),
    confidentiality: &str,
    availability: &str,
) -> String {
    let answer = procurer
        .post(
            "/systems?lang=en",
            &[
                ("name_ja", name.0),
                ("name_en", name.1),
                ("function_ja", function.0),
                ("function_en", function.1),
                ("info1_ja", information.0),
                ("info1_en", information.1),
                ("c1", confidentiality),
                ("availability", availability),
            ],
        )
        .await;
    redirected(&answer).split('?').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_procurer_filters_the_eligible_services_and_watches_some_by_form() {
    let world = workflow_world().await;
    let procurer = Browser::of(&world, "procurer").await;
    let path = recorded_system(
        &procurer,
        ("庶務", "Office work"),
        ("管理・支援", "Administration"),
        ("職員情報", "Staff records"),
        "2",
        "1",
    )
    .await;
    let html = procurer
        .page(&format!("{path}?lang=en&model=SaaS&deployment=community"))
        .await;
    let mut rows = row_ids(&html, "registry eligible", "eligible-");
    rows.sort();
    assert_eq!(rows, ["C24-0006", "C25-0010"], "{html}");
    assert!(
        html.contains("<option value=\"community\" selected>"),
        "{html}"
    );
    // Values the form never sends are ignored.
    let html = procurer
        .page(&format!("{path}?lang=ja&level=9&sort=price"))
        .await;
    assert!(row_ids(&html, "registry eligible", "eligible-").len() > 2);

    let watch = format!("{path}/watch?lang=en");
    let answer = procurer.post(&watch, &[("service", "C24-0006")]).await;
    assert_eq!(redirected(&answer), format!("{path}?lang=en#watch"));
    procurer.post(&watch, &[("service", "C25-0002")]).await;
    let html = procurer.page(&format!("{path}?lang=en")).await;
    assert_eq!(
        row_ids(&html, "watch-list", "watched-"),
        ["C24-0006", "C25-0002"]
    );
    assert!(
        html.contains("Does not meet the system&#39;s conditions"),
        "suspended: {html}"
    );
    let html = procurer.page(&format!("{path}?lang=ja&watched=true")).await;
    assert_eq!(
        row_ids(&html, "registry eligible", "eligible-"),
        ["C24-0006"]
    );
    assert!(html.contains("候補から外す"));

    // A service out of the registry: the problem on the page, in the reader's language.
    let answer = procurer.post(&watch, &[("service", "C23-0002")]).await;
    assert_eq!(answer.status, 409);
    assert!(answer.text().contains("C23-0002"), "{}", answer.text());

    let answer = procurer
        .post(&watch, &[("service", "C25-0002"), ("remove", "1")])
        .await;
    assert_eq!(redirected(&answer), format!("{path}?lang=en#watch"));
    let html = procurer.page(&format!("{path}?lang=en")).await;
    assert_eq!(row_ids(&html, "watch-list", "watched-"), ["C24-0006"]);

    let provider = Browser::of(&world, "provider").await;
    assert_eq!(
        provider
            .post(&watch, &[("service", "C24-0007")])
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn a_procurer_reads_what_a_candidate_covers_and_answers_its_checklists_by_form() {
    let world = workflow_world().await;
    let procurer = Browser::of(&world, "procurer").await;
    let path = recorded_system(
        &procurer,
        ("文書管理", "Records"),
        ("管理・支援", "Administration"),
        ("公文書", "Public records"),
        "2",
        "3",
    )
    .await;
    // The system page links each eligible service to its coverage.
    let html = procurer.page(&format!("{path}?lang=en")).await;
    let coverage = format!("{path}/coverage?service=C24-0006");
    assert!(
        html.contains(&format!("href=\"{coverage}&#38;lang=en\"")),
        "{html}"
    );

    for (lang, words) in [
        (
            "ja",
            ["リスクごとの担保", "利用者に残る責任", "契約条項の確認"],
        ),
        (
            "en",
            [
                "Coverage per risk",
                "Left to the customer",
                "Contract clauses",
            ],
        ),
    ] {
        let html = procurer.page(&format!("{coverage}&lang={lang}")).await;
        for word in words {
            assert!(html.contains(word), "{lang} {word}: {html}");
        }
        assert_eq!(row_ids(&html, "coverage", "risk-").len(), 21, "{html}");
        // 99.9 % needed and stated: 43.2 minutes a month, 432 for a tenth of the users.
        assert!(html.contains("<strong>99.9 %</strong>"), "{html}");
        assert!(html.contains("<strong>432 "), "{html}");
    }

    let answers = format!("{path}/answers?lang=en");
    let answer = procurer
        .post(
            &answers,
            &[
                ("service", "C24-0006"),
                ("answer-C05", "yes"),
                ("answer-S01", "partly"),
                ("note-S01", "weekdays only"),
                ("note-K2.1", "asked on 12-01"),
                ("answer-C06", ""),
            ],
        )
        .await;
    assert_eq!(
        redirected(&answer),
        format!("{coverage}&lang=en#checklists")
    );
    let html = procurer.page(&format!("{coverage}&lang=en")).await;
    assert!(
        html.contains("<option value=\"partly\" selected>"),
        "{html}"
    );
    assert!(html.contains("value=\"weekdays only\""), "{html}");
    // A note alone is kept as not settled.
    assert!(
        html.contains("id=\"answer-K2.1\" name=\"answer-K2.1\"><option value=\"\">Not answered</option><option value=\"yes\">Met</option><option value=\"partly\">Partly met</option><option value=\"no\">Not met</option><option value=\"unknown\" selected>"),
        "{html}"
    );
    assert!(html.contains("(Answered 1/18)"), "{html}");

    // A note too long comes back with the problem and the answers as sent.
    let long = "x".repeat(501);
    let answer = procurer
        .post(
            &answers,
            &[
                ("service", "C24-0006"),
                ("answer-C05", "no"),
                ("note-C05", long.as_str()),
            ],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("at most 500"), "{}", answer.text());
    assert!(answer.text().contains("<option value=\"no\" selected>"));

    // Forgetting clears them.
    let answer = procurer
        .post(&answers, &[("service", "C24-0006"), ("forget", "1")])
        .await;
    assert_eq!(answer.status, 303);
    let html = procurer.page(&format!("{coverage}&lang=en")).await;
    assert!(!html.contains(" selected>"), "{html}");

    // Another organisation finds no such page; an unknown service is not found.
    let provider = Browser::of(&world, "provider").await;
    assert_eq!(
        provider.get(&format!("{coverage}&lang=en")).await.0.status,
        404
    );
    assert_eq!(
        procurer
            .get(&format!("{path}/coverage?service=C99-9999"))
            .await
            .0
            .status,
        404
    );
}

#[tokio::test]
async fn a_procurer_ticks_candidates_and_reads_them_side_by_side() {
    let world = workflow_world().await;
    let procurer = Browser::of(&world, "procurer").await;
    let path = recorded_system(
        &procurer,
        ("庶務", "Office work"),
        ("管理・支援", "Administration"),
        ("職員情報", "Staff records"),
        "2",
        "2",
    )
    .await;
    let html = procurer.page(&format!("{path}?lang=en")).await;
    assert!(
        html.contains("name=\"service\" value=\"C24-0006\" form=\"compare-form\""),
        "{html}"
    );
    assert!(
        html.contains(&format!("action=\"{path}/compare\"")),
        "{html}"
    );

    for (lang, words) in [
        (
            "ja",
            [
                "候補サービスの比較",
                "登録の内容",
                "リスクごとの担保",
                "XLSX（日本語）",
            ],
        ),
        (
            "en",
            [
                "Comparison of candidate services",
                "Registration",
                "Coverage per risk",
                "PDF (English)",
            ],
        ),
    ] {
        let html = procurer
            .page(&format!(
                "{path}/compare?lang={lang}&service=C24-0006&service=C24-0010&service=C25-0001"
            ))
            .await;
        for word in words {
            assert!(html.contains(word), "{lang} {word}: {html}");
        }
        assert_eq!(html.matches("<th scope=\"col\">C2").count(), 3, "{html}");
        // Registration 10 rows, availability 5, risks 22 (the summary and 21), the customer 4,
        // the three checklists 67 (a summary each and 18 + 20 + 26 questions).
        assert_eq!(html.matches("class=\"comparison-section\"").count(), 7);
        assert_eq!(
            html.matches("<tr><th scope=\"row\">").count(),
            108,
            "{html}"
        );
        assert!(
            html.contains(&format!(
                "{}/comparison/pdf?services=C24-0006,C24-0010,C25-0001&#38;lang=ja",
                path.replacen("/systems/", "/api/v1/systems/", 1)
            )),
            "{html}"
        );
    }
    // None or five chosen: the page says so.
    let (answer, html) = procurer.get(&format!("{path}/compare?lang=en")).await;
    assert_eq!(answer.status, 400);
    assert!(html.contains("one to four"), "{html}");
    let five =
        "service=C24-0006&service=C24-0010&service=C25-0001&service=C24-0001&service=C24-0007";
    assert_eq!(
        procurer
            .get(&format!("{path}/compare?{five}"))
            .await
            .0
            .status,
        400
    );
    let provider = Browser::of(&world, "provider").await;
    assert_eq!(
        provider
            .get(&format!("{path}/compare?service=C24-0006"))
            .await
            .0
            .status,
        404
    );
}

#[tokio::test]
async fn a_provider_shares_its_annexes_by_form_and_the_procurer_reads_them_on_the_coverage() {
    let world = workflow_world().await;
    let (service, entry) = crate::workflow::flow::registered_service(&world).await;
    let provider = Browser::of(&world, "provider").await;
    let html = provider.page(&format!("/services/{service}?lang=en")).await;
    assert!(
        html.contains("Sharing the statement&#39;s annexes"),
        "{html}"
    );
    assert!(html.contains("<option value=\"gov\">"), "{html}");
    let share = format!("/services/{service}/annexes?lang=en");
    let answer = provider.post(&share, &[("org", "gov")]).await;
    assert_eq!(
        redirected(&answer),
        format!("/services/{service}?lang=en#annexes")
    );
    let html = provider.page(&format!("/services/{service}?lang=ja")).await;
    assert!(html.contains("id=\"grant-gov\""), "{html}");
    // An audit body is no procuring organisation: the page says so.
    let answer = provider.post(&share, &[("org", "ab")]).await;
    assert_eq!(answer.status, 422);
    assert!(answer.text().contains("not a procuring organisation"));

    let procurer = Browser::of(&world, "procurer").await;
    let path = recorded_system(
        &procurer,
        ("窓口", "Counter"),
        ("住民向けサービス", "Service to residents"),
        ("氏名", "Names"),
        "1",
        "1",
    )
    .await;
    for lang in ["ja", "en"] {
        let html = procurer
            .page(&format!("{path}/coverage?service={entry}&lang={lang}"))
            .await;
        assert!(html.contains("class=\"annex-selected\""), "{html}");
    }
    // Stopped: the coverage no longer shows them.
    provider
        .post(&share, &[("org", "gov"), ("remove", "1")])
        .await;
    let html = procurer
        .page(&format!("{path}/coverage?service={entry}&lang=en"))
        .await;
    assert!(!html.contains("class=\"annex-selected\""), "{html}");
}
