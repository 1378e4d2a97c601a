//! The operator's quality review of signed audits over the API: opened on a period that is
//! over, the engagements drawn from the log point of the opening (recomputed here and by the
//! check route), each rated by the staff, the review closed; every reader sees what is theirs,
//! the public the ratings without the findings, and the log explains every row.

use serde_json::{Value, json};
use shinrai_domain::workflow::quality_review::{OPENED, REVIEW_SAMPLE};
use shinrai_domain::workflow::working_papers::{LogPoint, sample_seed};

use super::flow::{audited_service, call, ok, refused, text};
use crate::world::{WORKFLOW_DAY_MS, World, workflow_world};

const DAY: i64 = 86_400_000;

/// Three audits signed on 2026-06-01; the clock then moves on two days.
async fn three_signed(world: &World) -> Vec<String> {
    let mut audits = Vec::new();
    for _ in 0..3 {
        audits.push(audited_service(world).await.2);
    }
    audits.sort();
    world
        .wall
        .as_ref()
        .expect("a manual clock")
        .set(WORKFLOW_DAY_MS + 2 * DAY);
    audits
}

fn opening(asked: u64) -> Value {
    json!({
        "id": "qr-june",
        "period_start": "2026-06-01",
        "period_end": "2026-06-01",
        "asked": asked,
    })
}

fn drawn(review: &Value) -> Vec<String> {
    review["draw"]["engagements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["audit"].as_str().unwrap().to_owned())
        .collect()
}

fn rating(rating: &str) -> Value {
    json!({"rating": rating, "findings": text("標本の証跡が揃っている", "every sampled item has its evidence")})
}

#[tokio::test]
async fn a_quality_review_from_its_draw_to_the_public_ratings() {
    let world = workflow_world().await;
    let w = &world;
    let audits = three_signed(w).await;

    // Only the operator's administrators open one, on a period that is over.
    for role in ["operator_reviewer", "auditor", "provider", "procurer"] {
        let answer = call(w, role, "POST", "/api/v1/quality-reviews", Some(opening(2))).await;
        assert_eq!(answer.status.as_u16(), 403, "{role}");
    }
    let mut running = opening(2);
    running["period_end"] = json!("2026-06-03");
    let error = refused(
        w,
        "operator_admin",
        "POST",
        "/api/v1/quality-reviews",
        Some(running),
        422,
    )
    .await;
    assert_eq!(error["detail_code"], "period_not_over", "{error}");
    let mut quiet = opening(2);
    quiet["period_start"] = json!("2026-05-01");
    quiet["period_end"] = json!("2026-05-31");
    let error = refused(
        w,
        "operator_admin",
        "POST",
        "/api/v1/quality-reviews",
        Some(quiet),
        422,
    )
    .await;
    assert_eq!(error["detail_code"], "no_signed_audits", "{error}");

    let answer = call(
        w,
        "operator_admin",
        "POST",
        "/api/v1/quality-reviews",
        Some(opening(2)),
    )
    .await;
    assert_eq!(answer.status.as_u16(), 201);
    let review = answer.json();
    assert_eq!(review["status"], "drawn");
    let eligible: Vec<&str> = review["eligible"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["audit"].as_str().unwrap())
        .collect();
    assert_eq!(
        eligible,
        audits.iter().map(String::as_str).collect::<Vec<_>>()
    );
    let chosen = drawn(&review);
    assert_eq!(chosen.len(), 2);

    // The seed comes from the opening's event, as the log holds it.
    let events = w.store.events_about("qr-june", OPENED).await.unwrap();
    assert_eq!(events.len(), 1);
    let point = LogPoint {
        seq: events[0].seq,
        hash: events[0].hash.clone(),
    };
    assert_eq!(review["draw"]["seed_from_seq"], point.seq);
    assert_eq!(
        review["draw"]["seed"],
        sample_seed("qr-june", REVIEW_SAMPLE, 1, &point)
    );
    let check = ok(
        w,
        "operator_reviewer",
        "GET",
        "/api/v1/quality-reviews/qr-june/check",
        None,
    )
    .await;
    assert_eq!(check["holds"], true, "{check}");
    assert_eq!(check["recorded"], json!(chosen));
    refused(
        w,
        "operator_admin",
        "POST",
        "/api/v1/quality-reviews/qr-june/draw",
        None,
        409,
    )
    .await;

    // Rated by the staff, drawn engagements only; closing waits for every rating.
    let left_out = audits.iter().find(|a| !chosen.contains(a)).unwrap();
    let error = refused(
        w,
        "operator_reviewer",
        "PUT",
        &format!("/api/v1/quality-reviews/qr-june/audits/{left_out}"),
        Some(rating("satisfactory")),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "audit_not_drawn_for_review");
    let answer = call(
        w,
        "auditor",
        "PUT",
        &format!("/api/v1/quality-reviews/qr-june/audits/{}", chosen[0]),
        Some(rating("satisfactory")),
    )
    .await;
    assert_eq!(answer.status.as_u16(), 403);
    ok(
        w,
        "operator_reviewer",
        "PUT",
        &format!("/api/v1/quality-reviews/qr-june/audits/{}", chosen[0]),
        Some(rating("deficient")),
    )
    .await;
    let error = refused(
        w,
        "operator_admin",
        "POST",
        "/api/v1/quality-reviews/qr-june/close",
        None,
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "quality_review_incomplete");
    ok(
        w,
        "operator_reviewer",
        "PUT",
        &format!("/api/v1/quality-reviews/qr-june/audits/{}", chosen[1]),
        Some(rating("improvement_needed")),
    )
    .await;
    refused(
        w,
        "operator_reviewer",
        "POST",
        "/api/v1/quality-reviews/qr-june/close",
        None,
        403,
    )
    .await;
    let closed = ok(
        w,
        "operator_admin",
        "POST",
        "/api/v1/quality-reviews/qr-june/close",
        None,
    )
    .await;
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["unrated"], json!([]));
    let error = refused(
        w,
        "operator_reviewer",
        "PUT",
        &format!("/api/v1/quality-reviews/qr-june/audits/{}", chosen[0]),
        Some(rating("satisfactory")),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "quality_review_closed");

    // The reviewed body reads its part; the provider and the public do not read the review.
    let seen = ok(w, "auditor", "GET", "/api/v1/quality-reviews/qr-june", None).await;
    assert_eq!(seen["ratings"].as_array().unwrap().len(), 2);
    assert_eq!(
        ok(w, "auditor", "GET", "/api/v1/quality-reviews", None).await["items"][0]["id"],
        "qr-june"
    );
    refused(
        w,
        "auditor",
        "GET",
        "/api/v1/quality-reviews/qr-june/check",
        None,
        404,
    )
    .await;
    refused(
        w,
        "provider",
        "GET",
        "/api/v1/quality-reviews/qr-june",
        None,
        404,
    )
    .await;
    assert_eq!(
        ok(w, "provider", "GET", "/api/v1/quality-reviews", None).await["items"],
        json!([])
    );
    refused(
        w,
        "public",
        "GET",
        "/api/v1/quality-reviews/qr-june",
        None,
        401,
    )
    .await;

    // The public reads the ratings with their days, never the findings.
    let bodies = ok(w, "public", "GET", "/api/v1/audit-bodies", None).await;
    let published = bodies["quality_reviews"].as_array().unwrap();
    assert_eq!(published.len(), 2, "{bodies}");
    let ratings: Vec<&str> = published
        .iter()
        .map(|r| r["rating"].as_str().unwrap())
        .collect();
    assert!(ratings.contains(&"deficient") && ratings.contains(&"improvement_needed"));
    assert!(
        published
            .iter()
            .all(|r| r["reviewed_on"] == "2026-06-03" && r["audit_body"] == "ab")
    );
    assert!(!bodies.to_string().contains("every sampled item"));

    let report = w
        .store
        .verify_log(&w.store.verifying_key(), Vec::new())
        .await
        .unwrap();
    assert!(report.intact(), "{:?}", report.findings);
    assert!(report.rows_checked["quality_reviews"] > 0);
}
