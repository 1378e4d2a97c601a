//! `POST /api/v1/decide/KIND` answers as `shinrai decide KIND --json` does.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::Value;
use shinrai_domain::case::Problem;
use shinrai_domain::text::Lang;
use shinrai_domain::{DecisionKind, RuleData};

use crate::support::{KINDS, app, cases_dir, examples, malformed, post_json, read, send};

#[tokio::test]
async fn every_example_gets_the_recorded_answer_of_the_command_line() {
    let app = app().await;
    for kind in KINDS {
        for (case, recorded) in examples(kind) {
            let answer = post_json(&app, &format!("/api/v1/decide/{kind}"), read(&case)).await;
            assert_eq!(answer.status, StatusCode::OK, "{}", case.display());
            assert_eq!(answer.header("content-type"), Some("application/json"));
            let expected: Value = serde_json::from_str(&read(&recorded)).unwrap();
            assert_eq!(answer.json(), expected, "{}", case.display());
        }
    }
}

#[tokio::test]
async fn japanese_by_query_or_accept_language() {
    let app = app().await;
    for kind in KINDS {
        let domain_kind = DecisionKind::from_name(kind).unwrap();
        for (case, _) in examples(kind) {
            let text = read(&case);
            let japanese = shinrai_domain::decide(domain_kind, &text, &RuleData::default())
                .unwrap()
                .to_json(Lang::Ja);
            let by_query = post_json(
                &app,
                &format!("/api/v1/decide/{kind}?lang=ja"),
                text.clone(),
            )
            .await;
            assert_eq!(by_query.json(), japanese, "{}", case.display());
            let by_header = send(
                &app,
                Request::post(format!("/api/v1/decide/{kind}"))
                    .header("content-type", "application/json; charset=utf-8")
                    .header("accept-language", "ja-JP,ja;q=0.9,en;q=0.5")
                    .body(Body::from(text))
                    .unwrap(),
            )
            .await;
            assert_eq!(by_header.json(), japanese, "{}", case.display());
        }
    }
}

#[tokio::test]
async fn malformed_examples_name_the_problem_and_its_place() {
    let app = app().await;
    let mut seen = 0;
    for kind in KINDS {
        let domain_kind = DecisionKind::from_name(kind).unwrap();
        for (case, place) in malformed(kind) {
            seen += 1;
            let text = read(&case);
            let expected = shinrai_domain::decide(domain_kind, &text, &RuleData::default())
                .expect_err("malformed");
            let answer = post_json(&app, &format!("/api/v1/decide/{kind}?lang=ja"), text).await;
            if place.starts_with("line ") {
                assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", case.display());
                let error = answer.error("malformed_json");
                let english = error["messages"]["en"].as_str().unwrap();
                assert!(
                    english.starts_with(&format!("{place}: ")),
                    "{}: {english}",
                    case.display()
                );
                assert!(error.get("pointer").is_none());
            } else {
                assert_eq!(
                    answer.status,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "{}",
                    case.display()
                );
                let error = answer.error("invalid_case");
                assert_eq!(error["pointer"], place.as_str(), "{}", case.display());
                let detail = error["detail_code"].as_str().unwrap();
                assert!(Problem::CODES.contains(&detail), "{detail}");
                assert_eq!(detail, expected.problem.code());
                assert_eq!(error["message"], expected.problem.message().ja.as_str());
                assert_eq!(
                    error["messages"]["en"],
                    expected.problem.message().en.as_str()
                );
            }
        }
    }
    assert!(seen >= 20, "only {seen} malformed examples");
}

#[tokio::test]
async fn unknown_fields_are_ignored_as_on_the_command_line() {
    let app = app().await;
    let plain = post_json(
        &app,
        "/api/v1/decide/sample",
        r#"{"frequency":"daily","population":365,"seed":42}"#,
    )
    .await;
    let extra = post_json(
        &app,
        "/api/v1/decide/sample",
        r#"{"frequency":"daily","population":365,"seed":42,"comment":"監査 2026","x":{"y":[1]}}"#,
    )
    .await;
    assert_eq!(plain.status, StatusCode::OK);
    assert_eq!(plain.json(), extra.json());
}

#[tokio::test]
async fn an_unknown_kind_is_not_found() {
    let app = app().await;
    for path in [
        "/api/v1/decide/classify",
        "/api/v1/decide/Sample",
        "/api/v1/decide/",
        "/api/v1/decide",
        "/api/v1/decide/sample/extra",
    ] {
        let answer = post_json(
            &app,
            path,
            r#"{"frequency":"daily","population":1,"seed":1}"#,
        )
        .await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
        answer.error("not_found");
        assert!(answer.no_route);
    }
}

#[tokio::test]
async fn anonymous_decisions_are_limited_per_address_and_signed_in_ones_are_not() {
    let config = shinrai_server::Config {
        decide: shinrai_server::config::DecideLimits {
            per_minute: 1,
            burst: 2,
            ..Default::default()
        },
        ..shinrai_server::Config::default()
    };
    let world = crate::world::world_with(config).await;
    let case = r#"{"frequency":"daily","population":365,"seed":1}"#;
    let route = "/api/v1/decide/sample";
    // Every kind draws on the same quota: a pre-check and a sample use it up.
    let precheck = read(&cases_dir().join("precheck/rules-example.json"));
    let precheck_route = "/api/v1/decide/precheck";
    let answer = world
        .call("public", "POST", precheck_route, Some(&precheck))
        .await;
    assert_eq!(answer.status, 200);
    let answer = world.call("public", "POST", route, Some(case)).await;
    assert_eq!(answer.status, 200);
    let refused = world.call("public", "POST", route, Some(case)).await;
    assert_eq!(refused.status, 429);
    refused.error("too_many_requests");
    assert_eq!(refused.header("retry-after"), Some("60"));
    let refused = world
        .call("public", "POST", precheck_route, Some(&precheck))
        .await;
    assert_eq!(refused.status, 429);
    refused.error("too_many_requests");
    for _ in 0..5 {
        let answer = world.call("procurer", "POST", route, Some(case)).await;
        assert_eq!(answer.status, 200, "{}", answer.text());
    }
}
