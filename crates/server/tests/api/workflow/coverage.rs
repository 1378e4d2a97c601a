//! What a registered service covers for a procurer's system: per risk of the criteria in force,
//! covered, partly covered or not by the objectives its statement implements; what it leaves to
//! the customer; the checklists' questions; the availability need against its stated figure. The
//! system is its organisation's own.

use serde_json::{Value, json};

use super::flow::{call, ok, refused, text};
use crate::world::workflow_world;

#[tokio::test]
async fn a_procurer_reads_what_a_candidate_covers_for_its_system() {
    let world = workflow_world().await;
    let w = &world;
    let body = json!({
        "name": text("住民窓口", "Resident counter"),
        "function": text("住民向けサービス", "Service to residents"),
        "information": [{"name": text("住民の氏名", "residents' names"), "confidentiality": 2}],
        "availability": 3,
    });
    let created = ok(w, "procurer", "POST", "/api/v1/systems", Some(body)).await;
    let uri = format!(
        "/api/v1/systems/{}/coverage",
        created["id"].as_str().unwrap()
    );

    let found = ok(
        w,
        "procurer",
        "GET",
        &format!("{uri}?service=C24-0006"),
        None,
    )
    .await;
    assert_eq!(found["service"], "C24-0006");
    assert_eq!(found["criteria"], "demo-2026");
    let risks = found["risks"].as_array().unwrap();
    let ids: Vec<&str> = risks.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 21);
    assert_eq!(ids[0], "H01");
    assert_eq!(ids[20], "L21");
    for risk in risks {
        let met = risk["objectives"].as_array().unwrap().len();
        let missing = risk["missing"].as_array().unwrap().len();
        let expected = match (met, missing) {
            (0, _) => "none",
            (_, 0) => "covered",
            _ => "partial",
        };
        assert_eq!(risk["coverage"], expected, "{risk}");
        assert!(!risk["left_to"]["ja"].as_str().unwrap().is_empty());
    }
    // The statement's objectives decide it: a risk is covered only by objectives the entry lists.
    let entry = ok(w, "public", "GET", "/api/v1/registry/C24-0006", None).await;
    let implemented: Vec<&Value> = entry["statement"]["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .collect();
    for risk in risks {
        for objective in risk["objectives"].as_array().unwrap() {
            assert!(implemented.contains(&objective), "{objective}");
        }
        for objective in risk["missing"].as_array().unwrap() {
            assert!(!implemented.contains(&objective), "{objective}");
        }
    }

    let duties = found["customer_responsibilities"].as_array().unwrap();
    assert_eq!(duties[0]["kind"], "scope");
    assert_eq!(duties[0]["model"], "SaaS");
    assert!(duties.iter().any(|duty| duty["kind"] == "control"
        && (duty["actor"] == "customer" || duty["actor"] == "both")));

    let checklists = &found["checklists"];
    let count = |list: &str| -> usize {
        checklists[list]["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|section| section["items"].as_array().unwrap().len())
            .sum()
    };
    assert_eq!(count("contract"), 18);
    assert_eq!(count("sla"), 20);
    assert_eq!(checklists["cyber"]["sections"].as_array().unwrap().len(), 8);

    // Availability 3 asks for 99.9 %; the entry's own words carry its figure.
    let availability = &found["availability"];
    assert_eq!(availability["needed_percent"], 99.9);
    assert!((availability["needed_minutes"].as_f64().unwrap() - 43.2).abs() < 1e-9);
    assert_eq!(availability["pitfall_share_percent"], 10.0);
    // C24-0006 states "99.9% or more": it meets the need, with the same 43.2 minutes, and an
    // outage of a tenth of the users may last 432 minutes.
    assert_eq!(availability["committed_percent"], 99.9);
    assert_eq!(availability["meets"], true);
    assert!((availability["pitfall_minutes"].as_f64().unwrap() - 432.0).abs() < 1e-9);

    // Bad and foreign requests.
    refused(
        w,
        "procurer",
        "GET",
        &format!("{uri}?service=C99-9999"),
        None,
        404,
    )
    .await;
    let missing = call(w, "procurer", "GET", &uri, None).await;
    assert_eq!(missing.status.as_u16(), 400);
    for role in ["provider", "operator_admin"] {
        refused(
            w,
            role,
            "GET",
            &format!("{uri}?service=C24-0006"),
            None,
            404,
        )
        .await;
    }
}
