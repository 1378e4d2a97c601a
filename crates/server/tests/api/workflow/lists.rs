//! The lists of audits and applications: each party finds its own work there (the provider its
//! orders, the audit body its engagements, the operator the review queue) and nobody else's.

use serde_json::Value;

use super::flow::{application, audited_service, call, ok};
use crate::world::workflow_world;

fn ids(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["id"].as_str().expect("id").to_owned())
        .collect()
}

#[tokio::test]
async fn each_party_lists_the_audits_and_applications_it_may_see() {
    let world = workflow_world().await;
    let w = &world;
    let (service, _statement, audit) = audited_service(w).await;
    let application = application(w, &service, &audit).await;

    for role in [
        "provider",
        "auditor",
        "signing_auditor",
        "operator_reviewer",
    ] {
        let audits = ok(w, role, "GET", "/api/v1/audits", None).await;
        assert_eq!(ids(&audits), [audit.as_str()], "{role}");
        let applications = ok(w, role, "GET", "/api/v1/applications", None).await;
        assert_eq!(ids(&applications), [application.as_str()], "{role}");
    }
    for role in ["other_provider", "procurer"] {
        let audits = ok(w, role, "GET", "/api/v1/audits", None).await;
        assert!(ids(&audits).is_empty(), "{role}");
        let applications = ok(w, role, "GET", "/api/v1/applications", None).await;
        assert!(ids(&applications).is_empty(), "{role}");
    }
}

#[tokio::test]
async fn lists_narrow_by_status_and_service_and_refuse_an_unknown_status() {
    let world = workflow_world().await;
    let w = &world;
    let (service, _statement, audit) = audited_service(w).await;
    let application = application(w, &service, &audit).await;
    let by =
        |uri: &'static str| async move { ids(&ok(w, "operator_reviewer", "GET", uri, None).await) };

    assert_eq!(by("/api/v1/audits?status=signed").await, [audit.as_str()]);
    assert!(by("/api/v1/audits?status=requested").await.is_empty());
    assert_eq!(
        by("/api/v1/applications?status=submitted").await,
        [application.as_str()]
    );
    assert!(
        by("/api/v1/applications?status=registered")
            .await
            .is_empty()
    );
    let of_service = format!("/api/v1/audits?service={service}");
    let listed = ok(w, "provider", "GET", &of_service, None).await;
    assert_eq!(ids(&listed), [audit.as_str()]);
    assert!(
        by("/api/v1/applications?service=no-such-service")
            .await
            .is_empty()
    );

    // A status that does not exist, or a parameter the list does not know, is a bad request
    // that names it, not an empty list that looks like an answer.
    for (uri, named) in [
        ("/api/v1/audits?status=finished", "finished"),
        ("/api/v1/applications?state=submitted", "state"),
    ] {
        let answer = call(w, "operator_reviewer", "GET", uri, None).await;
        assert_eq!(answer.status.as_u16(), 400, "{uri}");
        let body = String::from_utf8_lossy(&answer.body).into_owned();
        assert!(body.contains(named), "{uri}: {body}");
    }
}
