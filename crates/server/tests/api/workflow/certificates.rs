//! A provider declares its service's other certifications: checked (the 27001 / 27017 rule at
//! its line), revised, withdrawn (kept, marked); whoever may read the service reads them, and
//! anyone once it is registered, each with where it stands today (lapsed ones marked).

use serde_json::{Value, json};

use super::flow::{assert_log_intact, call, new_service, ok, refused, registered_service, text};
use crate::world::workflow_world;

fn iso27001(from: &str, until: &str) -> Value {
    json!({
        "kind": "iso27001",
        "issuer": text("認証機関", "A certification body"),
        "scope": text("クラウド事業部", "The cloud division"),
        "number": "IS 123456",
        "valid_from": from,
        "valid_until": until,
        "document": {"title": text("登録証", "Certificate"), "location": "https://example.org/cert.pdf"},
    })
}

#[tokio::test]
async fn a_provider_declares_revises_and_withdraws_its_services_certificates() {
    let world = workflow_world().await;
    let w = &world;
    let service = new_service(w).await;
    let list = format!("/api/v1/services/{service}/certificates");

    let declared = call(
        w,
        "provider",
        "POST",
        &list,
        Some(iso27001("2025-04-01", "2028-03-31")),
    )
    .await;
    assert_eq!(declared.status.as_u16(), 201);
    let declared = declared.json();
    let id = declared["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("cert-"));
    assert_eq!(declared["kind"], "iso27001");

    // The 27017 statement of applicability: a control left out of 27001 cannot be adopted.
    let soa = json!({
        "kind": "iso27017",
        "issuer": text("認証機関", "A certification body"),
        "scope": text("クラウド事業部", "The cloud division"),
        "valid_from": "2025-04-01",
        "valid_until": "2028-03-31",
        "applicability": [
            {"control": "9.2.1", "role": "provider", "adopted_27001": true, "adopted": true, "reason": text("採用", "adopted")},
            {"control": "12.3.1", "role": "both", "adopted_27001": false, "adopted": true, "reason": text("採用", "adopted")},
            {"control": "CLD.6.3.1", "role": "both", "adopted": true, "reason": text("採用", "adopted")},
        ],
    });
    let refused_soa = call(w, "provider", "POST", &list, Some(soa.clone())).await;
    assert_eq!(refused_soa.status.as_u16(), 422);
    let body = refused_soa.json();
    assert_eq!(
        body["error"]["problems"][0]["pointer"], "/applicability/1/adopted",
        "{body}"
    );
    assert_eq!(body["error"]["problems"][0]["code"], "not_adopted_in_27001");
    let mut fixed = soa;
    fixed["applicability"][1]["adopted"] = json!(false);
    fixed["applicability"][1]["reason"] = text("ISMS で除外", "excluded in the ISMS");
    ok(w, "provider", "POST", &list, Some(fixed)).await;

    // A lapsed one is listed and marked.
    ok(
        w,
        "provider",
        "POST",
        &list,
        Some(iso27001("2020-01-01", "2022-12-31")),
    )
    .await;
    let listed = ok(w, "provider", "GET", &list, None).await;
    let mut standings: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["standing"].as_str().unwrap())
        .collect();
    standings.sort_unstable();
    assert_eq!(standings, ["lapsed", "valid", "valid"]);

    // Revised, then withdrawn (kept, marked); a withdrawn one no longer changes.
    let uri = format!("/api/v1/certificates/{id}");
    let revised = ok(
        w,
        "provider",
        "PUT",
        &uri,
        Some(iso27001("2025-04-01", "2029-03-31")),
    )
    .await;
    assert_eq!(revised["valid_until"], "2029-03-31");
    let withdrawn = ok(w, "provider", "POST", &format!("{uri}/withdraw"), None).await;
    assert_eq!(withdrawn["standing"], "withdrawn");
    refused(w, "provider", "POST", &format!("{uri}/withdraw"), None, 409).await;
    refused(
        w,
        "provider",
        "PUT",
        &uri,
        Some(iso27001("2025-04-01", "2028-03-31")),
        409,
    )
    .await;

    // Bad periods name their field; another provider and a procurer find nothing to change.
    let backwards = call(
        w,
        "provider",
        "POST",
        &list,
        Some(iso27001("2026-04-01", "2025-03-31")),
    )
    .await;
    assert_eq!(backwards.status.as_u16(), 422);
    assert_eq!(
        backwards.json()["error"]["problems"][0]["pointer"],
        "/valid_until"
    );
    refused(
        w,
        "other_provider",
        "POST",
        &list,
        Some(iso27001("2025-04-01", "2028-03-31")),
        404,
    )
    .await;
    refused(w, "procurer", "GET", &uri, None, 404).await;
    // The template is public.
    let template = ok(
        w,
        "public",
        "GET",
        "/api/v1/certificates/soa-template",
        None,
    )
    .await;
    assert!(
        template["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == "CLD.6.3.1" && c["cloud_only"] == true)
    );
    assert_log_intact(w).await;
}

#[tokio::test]
async fn a_registered_services_certificates_are_public() {
    let world = workflow_world().await;
    let w = &world;
    let (service, entry) = registered_service(w).await;
    ok(
        w,
        "provider",
        "POST",
        &format!("/api/v1/services/{service}/certificates"),
        Some(iso27001("2025-04-01", "2028-03-31")),
    )
    .await;
    let public = ok(
        w,
        "public",
        "GET",
        &format!("/api/v1/registry/{entry}/certificates"),
        None,
    )
    .await;
    assert_eq!(public["items"][0]["kind"], "iso27001");
    assert_eq!(
        public["items"][0]["kind_title"]["en"],
        "ISO/IEC 27001 (ISMS)"
    );
    let id = public["items"][0]["id"].as_str().unwrap();
    ok(
        w,
        "procurer",
        "GET",
        &format!("/api/v1/certificates/{id}"),
        None,
    )
    .await;
    ok(
        w,
        "procurer",
        "GET",
        &format!("/api/v1/services/{service}/certificates"),
        None,
    )
    .await;
}
