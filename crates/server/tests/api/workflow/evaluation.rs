//! An evaluation of the provider's internal audit over the API: ordered for a level 1
//! statement, the internal audit report evaluated, the controls to re-perform drawn from the
//! log point of that evaluation (recomputed here), each re-performed, and the report signed
//! saying which kind of audit it was; the three phases refused on it.

use serde_json::{Value, json};
use shinrai_domain::workflow::working_papers::{LogPoint, draw_controls, sample_seed};

use super::engagement::pdf_text;
use super::flow::{
    call, conclusions, new_service, ok, order_body, refused, submitted_statement, text,
};
use crate::workflow_pages::browser::Browser;
use crate::world::{World, workflow_world};

async fn evaluation_in_progress(world: &World) -> (String, String) {
    let service = new_service(world).await;
    let statement = submitted_statement(world, &service).await;
    let mut order = order_body(&service, &statement);
    order["kind"] = json!("internal_audit_evaluation");
    let audit = ok(world, "provider", "POST", "/api/v1/audits", Some(order)).await;
    let audit = audit["id"].as_str().unwrap().to_owned();
    let signer = world.users["signing_auditor"].clone();
    ok(
        world,
        "auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/accept"),
        Some(json!({"signing_auditor": signer})),
    )
    .await;
    (statement, audit)
}

fn report_body(covers: &str) -> Value {
    json!({
        "reference": "IA-2026-01",
        "performed_by": "Internal audit office",
        "period_start": "2025-09-01",
        "period_end": "2026-02-28",
        "scope": text("本番環境の全体", "the whole production service"),
        "covers": [covers],
        "reliable": true,
        "reason": text("手続と記録が揃っている", "procedures and records are complete"),
    })
}

#[tokio::test]
async fn an_evaluation_of_the_internal_audit_from_its_report_to_the_signed_report() {
    let world = workflow_world().await;
    let w = &world;
    let (statement, audit) = evaluation_in_progress(w).await;
    let base = format!("/api/v1/audits/{audit}");
    let service = ok(w, "auditor", "GET", &base, None).await["service"]
        .as_str()
        .unwrap()
        .to_owned();

    // The three phases are not part of it.
    let content = ok(
        w,
        "provider",
        "GET",
        &format!("/api/v1/statements/{statement}"),
        None,
    )
    .await;
    let control = content["selected"][0]["control"]
        .as_str()
        .unwrap()
        .to_owned();
    let error = refused(
        w,
        "auditor",
        "PUT",
        &format!("{base}/work/{control}/fair-presentation"),
        Some(
            json!({"verdict": "accepted", "reason": text("必要十分", "necessary and sufficient")}),
        ),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "wrong_audit_kind");

    // Only the body's auditors evaluate; the report must cover the service.
    for role in [
        "provider",
        "operator_reviewer",
        "other_provider",
        "procurer",
    ] {
        let answer = call(
            w,
            role,
            "PUT",
            &format!("{base}/internal-audit"),
            Some(report_body(&service)),
        )
        .await;
        assert!(
            [403, 404].contains(&answer.status.as_u16()),
            "{role}: {}",
            answer.status
        );
    }
    let error = refused(
        w,
        "auditor",
        "PUT",
        &format!("{base}/internal-audit"),
        Some(report_body("another-service")),
        422,
    )
    .await;
    assert_eq!(error["pointer"], "/covers");
    let error = refused(
        w,
        "auditor",
        "POST",
        &format!("{base}/internal-audit/draw"),
        None,
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "internal_audit_not_evaluated");
    let evaluated = ok(
        w,
        "auditor",
        "PUT",
        &format!("{base}/internal-audit"),
        Some(report_body(&service)),
    )
    .await;
    assert_eq!(evaluated["kind"], "internal_audit_evaluation");
    assert_eq!(evaluated["internal_audit"]["reliable"], true);

    // The draw, recomputed from the log point it names.
    let drawn = ok(
        w,
        "auditor",
        "POST",
        &format!("{base}/internal-audit/draw"),
        None,
    )
    .await;
    let sample = &drawn["internal_audit"]["sample"];
    let point = LogPoint {
        seq: sample["from"]["seq"].as_u64().unwrap(),
        hash: sample["from"]["hash"].as_str().unwrap().to_owned(),
    };
    let event = world.store.event_at(point.seq).await.unwrap().unwrap();
    assert_eq!(
        (event.action.as_str(), event.hash.as_str()),
        ("audit.internal_audit", point.hash.as_str())
    );
    let seed = sample_seed(&audit, "internal-audit", 1, &point);
    assert_eq!(sample["seed"], seed);
    let selected: Vec<String> = content["selected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["control"].as_str().unwrap().to_owned())
        .collect();
    let controls: Vec<String> = sample["controls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(controls, draw_controls(&selected, seed));
    refused(
        w,
        "auditor",
        "POST",
        &format!("{base}/internal-audit/draw"),
        None,
        409,
    )
    .await;

    // Signing waits for every re-performance.
    ok(
        w,
        "auditor",
        "PUT",
        &format!("{base}/conclusions"),
        Some(conclusions(&content, None)),
    )
    .await;
    let error = refused(
        w,
        "signing_auditor",
        "POST",
        &format!("{base}/sign"),
        None,
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "reperformance_incomplete");
    for control in &controls {
        ok(
            w,
            "auditor",
            "PUT",
            &format!("{base}/internal-audit/controls/{control}"),
            Some(json!({"passed": true, "reason": text("再実施で確認", "confirmed by re-performance")})),
        )
        .await;
    }
    // The statement selects more controls than the five drawn.
    let other = selected
        .iter()
        .find(|c| !controls.contains(c))
        .expect("a selected control left out of the draw");
    let error = refused(
        w,
        "auditor",
        "PUT",
        &format!("{base}/internal-audit/controls/{other}"),
        Some(json!({"passed": true, "reason": text("x", "x")})),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "control_not_reperformed");
    ok(w, "signing_auditor", "POST", &format!("{base}/sign"), None).await;
    let report = ok(w, "provider", "GET", &format!("{base}/report"), None).await;
    let report = if report.get("report").is_some() {
        report["report"].clone()
    } else {
        report
    };
    assert_eq!(report["kind"], "internal_audit_evaluation", "{report}");
    assert_eq!(
        report["internal_audit"]["results"]
            .as_array()
            .unwrap()
            .len(),
        controls.len()
    );
    // The PDF and the OSCAL results say what was evaluated and re-performed.
    let pdf = call(
        w,
        "provider",
        "GET",
        &format!("{base}/report/pdf?lang=en"),
        None,
    )
    .await;
    assert_eq!(pdf.status.as_u16(), 200);
    let printed = pdf_text(&pdf.body);
    for words in [
        "Evaluation of the internal audit",
        "Internal audit evaluated",
        "IA-2026-01",
        "Controls re-performed",
    ] {
        assert!(printed.contains(words), "{words}: {printed}");
    }
    let results = ok(
        w,
        "provider",
        "GET",
        &format!("{base}/report/assessment-results"),
        None,
    )
    .await;
    let props = |object: &Value, name: &str| -> Vec<String> {
        object["props"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["name"] == name)
            .map(|p| p["value"].as_str().unwrap().to_owned())
            .collect()
    };
    let root = &results["assessment-results"];
    assert_eq!(
        props(&root["metadata"], "audit-kind"),
        ["internal_audit_evaluation"]
    );
    let result = &root["results"][0];
    assert_eq!(props(result, "internal-audit"), ["IA-2026-01"]);
    assert_eq!(props(result, "internal-audit-reliance"), ["reliable"]);
    let reperformed = result["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| props(f, "reperformance") == ["passed"])
        .count();
    assert_eq!(reperformed, controls.len());

    // The engagement page shows the evaluation in both languages.
    let auditor = Browser::of(w, "auditor").await;
    for (lang, words) in [
        (
            "en",
            ["Evaluation of the internal audit", "IA-2026-01", "Passed"],
        ),
        ("ja", ["内部監査の評価", "IA-2026-01", "合格"]),
    ] {
        let html = auditor
            .page(&format!("/audits/{audit}/work?lang={lang}"))
            .await;
        for word in words {
            assert!(html.contains(word), "{lang}: {word}");
        }
        assert!(html.matches("<tr><td>").count() >= controls.len());
    }

    // After signing the papers are read-only.
    let error = refused(
        w,
        "auditor",
        "PUT",
        &format!("{base}/internal-audit/controls/{}", controls[0]),
        Some(json!({"passed": false, "reason": text("x", "x")})),
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "audit_not_in_progress");
}
