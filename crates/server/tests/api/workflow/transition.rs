//! A new criteria version and the registered services: what each one's statement lacks of the
//! version's mandatory controls at its level, the transition day set at publishing (never
//! before it), and renewals refused from that day when written against an older version.

use serde_json::json;

use super::flow::{ok, refused, registered_entry, signed_audit, submitted_statement};
use crate::world::workflow_world;

#[tokio::test]
async fn a_new_version_shows_what_registered_services_lack_and_renewals_follow_its_transition() {
    let world = workflow_world().await;
    let w = &world;
    let entry = registered_entry(w).await;

    // The draft 2027 revision makes control 9.4.2.3 (mandatory) required from level 1; the
    // level 1 service registered on the 2026 criteria does not cover it.
    let gaps = ok(
        w,
        "operator_admin",
        "GET",
        "/api/v1/criteria/demo-2027/gaps",
        None,
    )
    .await;
    assert_eq!(gaps["version"], "demo-2027");
    assert_eq!(gaps["transition_on"], serde_json::Value::Null);
    let ours = gaps["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|service| service["entry"] == entry.as_str())
        .unwrap_or_else(|| panic!("{entry} lacks something: {gaps}"))
        .clone();
    assert_eq!(ours["statement_criteria"], "demo-2026");
    assert_eq!(ours["level"], 1);
    let missing: Vec<&str> = ours["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|missing| missing["control"].as_str().unwrap())
        .collect();
    assert!(missing.contains(&"9.4.2.3"), "{missing:?}");
    assert!(
        !missing.contains(&"M.3.5"),
        "a recommended item is never lacking"
    );
    // Against the version it was written for, it lacks nothing.
    let current = ok(
        w,
        "operator_reviewer",
        "GET",
        "/api/v1/criteria/demo-2026/gaps",
        None,
    )
    .await;
    assert!(
        !current["services"]
            .as_array()
            .unwrap()
            .iter()
            .any(|service| service["entry"] == entry.as_str()),
        "{current}"
    );

    // A transition day before the publication is refused with its field named.
    let publish = "/api/v1/criteria/demo-2027/publish";
    let early = refused(
        w,
        "operator_admin",
        "POST",
        publish,
        Some(json!({"transition_on": "2000-01-01"})),
        422,
    )
    .await;
    assert_eq!(early["pointer"], "/transition_on", "{early}");
    let published = ok(w, "operator_admin", "POST", publish, Some(json!({}))).await;
    assert_eq!(published["status"], "published");
    let today = published["published_on"].as_str().unwrap().to_owned();
    // Its provider is told what the new version asks of its service, once.
    let inbox = ok(w, "provider", "GET", "/api/v1/inbox", None).await;
    let told: Vec<&serde_json::Value> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|message| message["kind"] == "criteria_gaps")
        .collect();
    assert_eq!(told.len(), 1, "{inbox}");
    assert_eq!(told[0]["entry"], entry.as_str());
    assert_eq!(told[0]["link"], "/criteria/demo-2027/gaps");
    assert!(
        told[0]["body"]["en"]
            .as_str()
            .is_some_and(|body| body.contains("9.4.2.3")),
        "{inbox}"
    );

    // Published without a transition: renewals may still rest on the 2026 criteria. Another
    // draft revision, published with today as its transition day, requires it from today.
    let service = w
        .store
        .registry_entries()
        .await
        .unwrap()
        .into_iter()
        .find(|stored| stored.id == entry)
        .and_then(|stored| stored.service)
        .unwrap();
    let statement = submitted_statement(w, &service).await;
    let audit = signed_audit(w, &service, &statement, None).await;
    let renewal = json!({"service": service, "audit": audit, "kind": "renewal"});
    let next = {
        let mut version = shinrai_domain::criteria::demo::demo_next_draft().unwrap();
        version.version = "demo-2028".into();
        version
    };
    w.store
        .create_criteria(&next, &shinrai_store::model::ChangeBy::system(1_000))
        .await
        .unwrap();
    let with_transition = ok(
        w,
        "operator_admin",
        "POST",
        "/api/v1/criteria/demo-2028/publish",
        Some(json!({"transition_on": today})),
    )
    .await;
    assert_eq!(with_transition["status"], "published");
    let gaps = ok(
        w,
        "provider",
        "GET",
        "/api/v1/criteria/demo-2028/gaps",
        None,
    )
    .await;
    assert_eq!(gaps["transition_on"], today.as_str());
    let error = refused(
        w,
        "provider",
        "POST",
        "/api/v1/applications",
        Some(renewal),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "criteria_transition", "{error}");
    assert!(
        error["messages"]["en"]
            .as_str()
            .is_some_and(|message| message.contains("demo-2028") && message.contains("demo-2026")),
        "{error}"
    );
    // The publication and its transition day are in the public log.
    let events = ok(w, "public", "GET", "/api/v1/log/events?limit=1000", None).await;
    assert!(
        events["events"].as_array().unwrap().iter().any(|event| {
            event["action"] == "criteria.publish"
                && event["subject"] == "demo-2028"
                && event["payload"].as_str().is_some_and(|payload| {
                    serde_json::from_str::<serde_json::Value>(payload).unwrap()["transition_on"]
                        == today.as_str()
                })
        }),
        "the publication with its transition day"
    );
}
