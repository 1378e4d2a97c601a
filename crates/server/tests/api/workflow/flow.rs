//! The steps of the story as helpers: each calls the API as the party that takes the step and
//! insists that it succeeds, so that the tests around them read as the scheme's work.

use serde_json::{Value, json};
use shinrai_domain::criteria::demo::demo_criteria;
use shinrai_domain::criteria::{Control, Part};
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;

use crate::support::Answer;
use crate::world::World;

/// A call as `role` that must succeed; its JSON answer.
pub async fn ok(world: &World, role: &str, method: &str, uri: &str, body: Option<Value>) -> Value {
    let answer = call(world, role, method, uri, body).await;
    assert!(
        answer.status.is_success(),
        "{method} {uri} as {role}: {} {}",
        answer.status,
        String::from_utf8_lossy(&answer.body)
    );
    answer.json()
}

pub async fn call(
    world: &World,
    role: &str,
    method: &str,
    uri: &str,
    body: Option<Value>,
) -> Answer {
    let body = body.map(|body| body.to_string());
    world.call(role, method, uri, body.as_deref()).await
}

/// A call as `role` that must be refused with `status` and `code`; the error object.
pub async fn refused(
    world: &World,
    role: &str,
    method: &str,
    uri: &str,
    body: Option<Value>,
    status: u16,
) -> Value {
    let answer = call(world, role, method, uri, body).await;
    assert_eq!(
        answer.status.as_u16(),
        status,
        "{method} {uri} as {role}: {}",
        String::from_utf8_lossy(&answer.body)
    );
    let code = match status {
        401 => "sign_in_required",
        403 => "forbidden",
        404 => "not_found",
        409 => "conflict",
        422 => "invalid_input",
        other => panic!("no code for {other}"),
    };
    answer.error(code)
}

/// The places of the problems of a 422.
pub fn pointers(error: &Value) -> Vec<String> {
    error["problems"]
        .as_array()
        .unwrap_or_else(|| panic!("problems in {error}"))
        .iter()
        .map(|problem| problem["pointer"].as_str().unwrap().to_owned())
        .collect()
}

pub fn text(ja: &str, en: &str) -> Value {
    json!({"ja": ja, "en": en})
}

pub fn service_body() -> Value {
    json!({
        "name": text("試験メール", "Test Mail"),
        "description": text("メールサービス", "A mail service"),
        "service_models": [{"model": "SaaS", "scope": text("アプリケーションまで", "up to the application")}],
        "deployment_models": ["public"],
        "built_on": [],
        "underlying_evaluated_in_audit": [],
        "scope": text("本番環境", "the production environment"),
    })
}

/// The detailed controls and items that apply to a SaaS at level 1.
fn applicable(part: Part) -> Vec<Control> {
    demo_criteria()
        .unwrap()
        .controls
        .into_iter()
        .filter(|c| c.part == part && c.applies(Level::LOW, &[ServiceModel::SaaS]))
        .collect()
}

/// The control the story's statement excludes: the last recommended one that applies.
pub fn excluded_control() -> String {
    applicable(Part::Control)
        .iter()
        .rev()
        .find(|c| !c.mandatory)
        .unwrap()
        .id
        .clone()
}

/// The control the story's audit finds non-conformant: the first recommended one selected.
pub fn nonconformant_control() -> String {
    let excluded = excluded_control();
    applicable(Part::Control)
        .iter()
        .find(|c| !c.mandatory && c.id != excluded)
        .unwrap()
        .id
        .clone()
}

/// A level-1 statement of a SaaS that the pre-check finds nothing in: every item implemented,
/// every control selected with an individual control and one of its technology examples, but
/// one recommended control excluded with a reason.
pub fn statement_body() -> Value {
    let excluded = excluded_control();
    let items = |part: Part| -> Vec<Value> {
        applicable(part)
            .iter()
            .map(|item| {
                json!({"item": item.id, "status": "implemented",
                       "description": text("規程に定め運用", "set in policy and followed")})
            })
            .collect()
    };
    let selected: Vec<Value> = applicable(Part::Control)
        .iter()
        .filter(|c| c.id != excluded)
        .map(|c| {
            let technologies: Vec<&str> = c
                .technology_examples
                .iter()
                .take(1)
                .map(|example| example.id.as_str())
                .collect();
            json!({
                "control": c.id,
                "individual_control": text("手順書に従い実施", "done by the runbook"),
                "responsibility": "csp",
                "technologies": technologies,
            })
        })
        .collect();
    json!({
        "criteria_version": "demo-2026",
        "target_level": 1,
        "governance": items(Part::Governance),
        "management": items(Part::Management),
        "selected": selected,
        "excluded": [{"control": excluded, "reason": text("本サービスの範囲外", "outside this service")}],
    })
}

/// Conclusions on every selected objective and control: all effective and conformant, but
/// `nonconformant` (a recommended control) when given.
pub fn conclusions(statement: &Value, nonconformant: Option<&str>) -> Value {
    let criteria = demo_criteria().unwrap();
    let selected: Vec<&str> = statement["selected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["control"].as_str().unwrap())
        .collect();
    let mut objectives: Vec<&str> = selected
        .iter()
        .map(|id| criteria.control(id).unwrap().objective.as_str())
        .collect();
    objectives.sort_unstable();
    objectives.dedup();
    json!({
        "objectives": objectives.iter().map(|objective| json!({
            "objective": objective, "effective": true, "reason": text("有効", "effective"),
        })).collect::<Vec<_>>(),
        "controls": selected.iter().map(|control| {
            let conformant = Some(*control) != nonconformant;
            json!({
                "control": control,
                "conformant": conformant,
                "reason": if conformant { text("適合", "conformant") } else { text("一部不備", "partly lacking") },
            })
        }).collect::<Vec<_>>(),
    })
}

pub fn id(value: &Value) -> String {
    value["id"].as_str().unwrap().to_owned()
}

/// A new service of `csp`.
pub async fn new_service(world: &World) -> String {
    id(&ok(
        world,
        "provider",
        "POST",
        "/api/v1/services",
        Some(service_body()),
    )
    .await)
}

/// A draft of the next version of `service`'s statement, holding the story's content.
pub async fn filled_draft(world: &World, service: &str) -> String {
    let started = ok(
        world,
        "provider",
        "POST",
        &format!("/api/v1/services/{service}/statements"),
        Some(json!({"criteria_version": "demo-2026", "target_level": 1})),
    )
    .await;
    let statement = id(&started);
    ok(
        world,
        "provider",
        "PUT",
        &format!("/api/v1/statements/{statement}"),
        Some(statement_body()),
    )
    .await;
    statement
}

pub async fn submitted_statement(world: &World, service: &str) -> String {
    let statement = filled_draft(world, service).await;
    ok(
        world,
        "provider",
        "POST",
        &format!("/api/v1/statements/{statement}/submit"),
        None,
    )
    .await;
    statement
}

pub fn order_body(service: &str, statement: &str) -> Value {
    json!({
        "service": service, "statement": statement, "audit_body": "ab",
        "period_start": "2025-10-01", "period_end": "2026-03-31",
    })
}

pub async fn ordered_audit(world: &World, service: &str, statement: &str) -> String {
    id(&ok(
        world,
        "provider",
        "POST",
        "/api/v1/audits",
        Some(order_body(service, statement)),
    )
    .await)
}

pub async fn accepted_audit(world: &World, service: &str, statement: &str) -> String {
    let audit = ordered_audit(world, service, statement).await;
    let signer = world.users["signing_auditor"].clone();
    ok(
        world,
        "auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/accept"),
        Some(json!({"signing_auditor": signer})),
    )
    .await;
    audit
}

/// A new service with a submitted statement and an accepted audit of it: (service, statement,
/// audit).
pub async fn audit_in_progress(world: &World) -> (String, String, String) {
    let service = new_service(world).await;
    let statement = submitted_statement(world, &service).await;
    let audit = accepted_audit(world, &service, &statement).await;
    (service, statement, audit)
}

/// An audit of the service's newest submitted statement, concluded and signed.
pub async fn signed_audit(
    world: &World,
    service: &str,
    statement: &str,
    nonconformant: Option<&str>,
) -> String {
    let audit = accepted_audit(world, service, statement).await;
    let content = ok(
        world,
        "provider",
        "GET",
        &format!("/api/v1/statements/{statement}"),
        None,
    )
    .await;
    ok(
        world,
        "auditor",
        "PUT",
        &format!("/api/v1/audits/{audit}/conclusions"),
        Some(conclusions(&content, nonconformant)),
    )
    .await;
    ok(
        world,
        "signing_auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/sign"),
        None,
    )
    .await;
    audit
}

/// A service with a signed audit of its submitted statement, every conclusion positive.
pub async fn audited_service(world: &World) -> (String, String, String) {
    let service = new_service(world).await;
    let statement = submitted_statement(world, &service).await;
    let audit = signed_audit(world, &service, &statement, None).await;
    (service, statement, audit)
}

pub async fn application(world: &World, service: &str, audit: &str) -> String {
    id(&ok(
        world,
        "provider",
        "POST",
        "/api/v1/applications",
        Some(json!({"service": service, "audit": audit, "kind": "new"})),
    )
    .await)
}

/// The provider's audited service registered: reviewed and decided by one administrator,
/// approved by a second; its registration number.
pub async fn registered_entry(world: &World) -> String {
    registered_service(world).await.1
}

/// A service carried to the registry: (its id, its registration number).
pub async fn registered_service(world: &World) -> (String, String) {
    let (service, _, audit) = audited_service(world).await;
    let application = application(world, &service, &audit).await;
    let uri = |tail: &str| format!("/api/v1/applications/{application}{tail}");
    let review = ok(world, "operator_admin", "GET", &uri("/review"), None).await;
    assert_eq!(review["decision"], "register", "{review}");
    ok(
        world,
        "operator_admin",
        "POST",
        &uri("/decision"),
        Some(json!({"decision": "register", "reason": text("基準を満たす", "meets the rule")})),
    )
    .await;
    let approved = ok(world, "second_admin", "POST", &uri("/approve"), None).await;
    (
        service,
        approved["registry_entry"].as_str().unwrap().to_owned(),
    )
}

/// Every action of the signed log, oldest first.
pub async fn logged_actions(world: &World) -> Vec<String> {
    world
        .store
        .events_after(0, 10_000, false)
        .await
        .unwrap()
        .into_iter()
        .map(|event| event.action)
        .collect()
}

/// The log verifies whole, and accounts for every row.
pub async fn assert_log_intact(world: &World) {
    let verified = world
        .store
        .verify_log(&world.store.verifying_key(), Vec::new())
        .await
        .unwrap();
    assert!(verified.intact(), "{verified:?}");
}

/// Entries registered on top of `base` as stored, each `(id, the entry it is built on)`, by the
/// same provider and without a service of their own.
pub async fn built_on(world: &World, base: &str, entries: &[(&str, &str)]) {
    let stored = world.store.registry_entries().await.unwrap();
    let ours = stored.iter().find(|entry| entry.id == base).unwrap();
    let on_top: Vec<_> = entries
        .iter()
        .map(|(id, on)| {
            let mut entry = ours.clone();
            entry.id = (*id).to_owned();
            entry.built_on = vec![(*on).to_owned()];
            entry.service = None;
            entry.application = None;
            entry
        })
        .collect();
    world
        .store
        .create_registry_entries(&on_top, &shinrai_store::model::ChangeBy::system(1_000))
        .await
        .unwrap();
}
