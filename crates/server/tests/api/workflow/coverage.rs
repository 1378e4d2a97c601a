//! What a registered service covers for a procurer's system: per risk of the criteria in force,
//! covered, partly covered or not by the objectives its statement implements; what it leaves to
//! the customer; the checklists' questions; the availability need against its stated figure. The
//! system is its organisation's own.

use serde_json::{Value, json};

use super::flow::{assert_log_intact, call, logged_actions, ok, refused, text};
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

#[tokio::test]
async fn a_procurer_answers_the_checklists_per_candidate_and_reads_them_with_the_coverage() {
    let world = workflow_world().await;
    let w = &world;
    let body = json!({
        "name": text("文書管理", "Records"),
        "function": text("管理・支援", "Administration"),
        "information": [{"name": text("公文書", "public records"), "confidentiality": 2}],
        "availability": 2,
    });
    let created = ok(w, "procurer", "POST", "/api/v1/systems", Some(body)).await;
    let id = created["id"].as_str().unwrap().to_owned();
    let answers = format!("/api/v1/systems/{id}/answers/C24-0006");
    let coverage = format!("/api/v1/systems/{id}/coverage?service=C24-0006");
    let before = logged_actions(w).await;

    let saved = ok(
        w,
        "procurer",
        "PUT",
        &answers,
        Some(json!({"answers": [
            {"item": "S01", "answer": "partly", "note": "平日 8-20 時のみ"},
            {"item": "C05", "answer": "yes"},
            {"item": "K1.1", "answer": "unknown"},
        ]})),
    )
    .await;
    let item = |view: &Value, list: &str, id: &str| -> Value {
        view["checklists"][list]["sections"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|section| section["items"].as_array().unwrap().iter())
            .find(|item| item["id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(item(&saved, "sla", "S01")["answer"], "partly");
    assert_eq!(item(&saved, "sla", "S01")["note"], "平日 8-20 時のみ");
    assert_eq!(item(&saved, "contract", "C05")["answer"], "yes");
    assert!(item(&saved, "contract", "C06").get("answer").is_none());
    assert_eq!(saved["checklists"]["contract"]["answered"], 1);
    assert_eq!(saved["checklists"]["contract"]["questions"], 18);
    assert_eq!(saved["checklists"]["sla"]["partly"], 1);
    assert_eq!(saved["checklists"]["cyber"]["unknown"], 1);
    assert!(saved["answers_saved"]["on"].is_string());
    // The coverage reads them back; the same answers again write nothing.
    let read = ok(w, "procurer", "GET", &coverage, None).await;
    assert_eq!(item(&read, "sla", "S01")["answer"], "partly");
    ok(
        w,
        "procurer",
        "PUT",
        &answers,
        Some(json!({"answers": [
            {"item": "C05", "answer": "yes"},
            {"item": "S01", "answer": "partly", "note": "平日 8-20 時のみ"},
            {"item": "K1.1", "answer": "unknown"},
        ]})),
    )
    .await;
    let after = logged_actions(w).await;
    let answered = |actions: &[String]| actions.iter().filter(|a| *a == "system.answer").count();
    assert_eq!(answered(&after) - answered(&before), 1);
    // Another candidate keeps its own answers.
    let other = ok(
        w,
        "procurer",
        "GET",
        &format!("/api/v1/systems/{id}/coverage?service=C25-0001"),
        None,
    )
    .await;
    assert!(other.get("answers_saved").is_none());
    assert_eq!(other["checklists"]["sla"]["answered"], 0);

    // Bad answers name their place; nothing is written.
    let bad = call(
        w,
        "procurer",
        "PUT",
        &answers,
        Some(json!({"answers": [{"item": "Z99", "answer": "yes"}]})),
    )
    .await;
    assert_eq!(bad.status.as_u16(), 422);
    let bad = bad.json();
    assert_eq!(
        bad["error"]["problems"][0]["pointer"], "/answers/0/item",
        "{bad}"
    );
    assert_eq!(bad["error"]["problems"][0]["code"], "unknown_item");
    let wrong_value = call(
        w,
        "procurer",
        "PUT",
        &answers,
        Some(json!({"answers": [{"item": "C01", "answer": "maybe"}]})),
    )
    .await;
    assert_eq!(wrong_value.status.as_u16(), 422);
    // A service out of the registry takes no new answers.
    refused(
        w,
        "procurer",
        "PUT",
        &format!("/api/v1/systems/{id}/answers/C23-0002"),
        Some(json!({"answers": [{"item": "C01", "answer": "yes"}]})),
        409,
    )
    .await;
    // Only the organisation's procurement staff answer; others find no system.
    for role in ["provider", "operator_admin"] {
        refused(w, role, "PUT", &answers, Some(json!({"answers": []})), 404).await;
    }
    // An empty list forgets them.
    let forgotten = ok(w, "procurer", "PUT", &answers, Some(json!({"answers": []}))).await;
    assert!(forgotten.get("answers_saved").is_none());
    assert_log_intact(w).await;
}
