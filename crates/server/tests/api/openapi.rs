//! The OpenAPI document: a committed snapshot (re-record with `SHINRAI_BLESS=1`), every route
//! in it answering, and every answer and case matching the schemas it publishes.

use std::path::Path;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{Value, json};
use shinrai_domain::DecisionKind;
use shinrai_domain::text::Lang;

use crate::support::{KINDS, app, examples, get, post_json, read, send};

async fn document() -> Value {
    let answer = get(&app().await, "/api/openapi.json").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.header("content-type"), Some("application/json"));
    answer.json()
}

#[tokio::test]
async fn the_document_matches_the_committed_snapshot() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/api/openapi.json");
    crate::support::assert_snapshot(&path, &document().await);
}

#[tokio::test]
async fn it_is_openapi_3_1_and_every_reference_resolves() {
    let document = document().await;
    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(document["info"]["title"], "shinrai");
    fn refs(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref") {
                    out.push(target.clone());
                }
                map.values().for_each(|v| refs(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let mut targets = Vec::new();
    refs(&document, &mut targets);
    assert!(targets.len() > 20);
    for target in targets {
        let pointer = target
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("external ref {target}"));
        assert!(
            document.pointer(pointer).is_some(),
            "{target} does not resolve"
        );
    }
}

#[tokio::test]
async fn every_decide_kind_is_documented_with_its_case_answer_and_errors() {
    let document = document().await;
    for kind in DecisionKind::ALL {
        let name = kind.name();
        let title = shinrai_server::openapi::case_schema_name(kind).replace("Case", "");
        let operation = &document["paths"][format!("/api/v1/decide/{name}")]["post"];
        assert!(operation.is_object(), "{name} is not documented");
        assert_eq!(
            operation["requestBody"]["content"]["application/json"]["schema"]["$ref"],
            format!("#/components/schemas/{title}Case")
        );
        assert_eq!(
            operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
            format!("#/components/schemas/{title}Answer")
        );
        for status in ["400", "413", "415", "422"] {
            assert_eq!(
                operation["responses"][status]["content"]["application/json"]["schema"]["$ref"],
                "#/components/schemas/ErrorBody",
                "{name} {status}"
            );
        }
        let params: Vec<&str> = operation["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(params, ["lang", "Accept-Language"]);
    }
}

/// From the document to the router: every documented operation is served by a route. Decision
/// routes must answer their example; the others must at least be routed (they may ask for
/// sign-in), which the role table of `access.rs` then checks in detail.
#[tokio::test]
async fn every_documented_route_is_served() {
    let app = app().await;
    let document = document().await;
    let paths = document["paths"].as_object().unwrap();
    assert!(paths.keys().any(|path| path.starts_with("/api/v1/")));
    for (template, item) in paths {
        let path = template.replace("{id}", "some-id");
        for method in item.as_object().unwrap().keys() {
            let decision = path.starts_with("/api/v1/decide/");
            let answer = match method.as_str() {
                "get" => get(&app, &path).await,
                "post" if decision => {
                    let kind = path.rsplit('/').next().unwrap();
                    let (case, _) = examples(kind).remove(0);
                    post_json(&app, &path, read(&case)).await
                }
                "post" => post_json(&app, &path, "{}".to_owned()).await,
                "put" => {
                    send(
                        &app,
                        Request::put(path.as_str())
                            .header("content-type", "application/json")
                            .body(Body::from("{}"))
                            .unwrap(),
                    )
                    .await
                }
                "delete" => {
                    send(
                        &app,
                        Request::delete(path.as_str()).body(Body::empty()).unwrap(),
                    )
                    .await
                }
                other => panic!("no probe for {other} {path}"),
            };
            assert!(
                !answer.no_route,
                "{method} {template} is documented but not routed"
            );
            assert_ne!(
                answer.status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {template}"
            );
            if decision {
                assert_eq!(answer.status, StatusCode::OK, "{method} {template}");
            }
        }
    }
}

/// A validator for one component of the document.
fn validator(document: &Value, component: &str) -> jsonschema::Validator {
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/components/schemas/{component}"),
        "components": document["components"],
    });
    jsonschema::validator_for(&schema).unwrap_or_else(|error| panic!("{component}: {error}"))
}

fn check(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:?}");
}

/// The keys of every object in `instance` are the properties its schema declares, so that a
/// field the domain adds cannot go undocumented.
fn same_keys(document: &Value, schema: &Value, instance: &Value, what: &str) {
    let schema = match schema.get("$ref").and_then(Value::as_str) {
        Some(target) => document.pointer(target.trim_start_matches('#')).unwrap(),
        None => schema,
    };
    match instance {
        Value::Object(map) => {
            let properties = schema["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("{what}: no properties in {schema}"));
            let declared: Vec<&String> = properties.keys().collect();
            for key in map.keys() {
                assert!(
                    properties.contains_key(key),
                    "{what}: {key} is not documented (declared: {declared:?})"
                );
            }
            for (key, value) in map {
                if value.is_object() || value.is_array() {
                    if schema["properties"][key]
                        .get("additionalProperties")
                        .is_some()
                    {
                        continue;
                    }
                    same_keys(document, &properties[key], value, &format!("{what}/{key}"));
                }
            }
        }
        Value::Array(items) => {
            let item_schema = schema
                .get("items")
                .unwrap_or_else(|| panic!("{what}: no items in {schema}"));
            for (index, item) in items.iter().enumerate() {
                if item.is_object() {
                    same_keys(document, item_schema, item, &format!("{what}/{index}"));
                }
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn answers_and_cases_match_the_published_schemas() {
    let document = document().await;
    for kind in KINDS {
        let domain_kind = DecisionKind::from_name(kind).unwrap();
        let title = shinrai_server::openapi::case_schema_name(domain_kind).replace("Case", "");
        let answers = validator(&document, &format!("{title}Answer"));
        let cases = validator(&document, &format!("{title}Case"));
        let answer_schema = json!({"$ref": format!("#/components/schemas/{title}Answer")});
        for (case, recorded) in examples(kind) {
            let text = read(&case);
            check(
                &cases,
                &serde_json::from_str(&text).unwrap(),
                &case.display().to_string(),
            );
            let english: Value = serde_json::from_str(&read(&recorded)).unwrap();
            check(&answers, &english, &recorded.display().to_string());
            same_keys(
                &document,
                &answer_schema,
                &english,
                &recorded.display().to_string(),
            );
            let japanese = shinrai_domain::decide(domain_kind, &text, &Default::default())
                .unwrap()
                .to_json(Lang::Ja);
            check(
                &answers,
                &japanese,
                &format!("{} in Japanese", case.display()),
            );
        }
    }
}

#[tokio::test]
async fn error_bodies_match_the_published_schema() {
    let document = document().await;
    let errors = validator(&document, "ErrorBody");
    let app = app().await;
    let samples = [
        get(&app, "/nowhere").await,
        post_json(&app, "/api/v1/decide/sample", "{").await,
        post_json(&app, "/api/v1/decide/sample", "{}").await,
        post_json(&app, "/api/v1/decide/registration?lang=ja", "[]").await,
    ];
    for answer in samples {
        let body = answer.json();
        check(&errors, &body, &body.to_string());
        same_keys(
            &document,
            &json!({"$ref": "#/components/schemas/ErrorBody"}),
            &body,
            "error",
        );
    }
}
