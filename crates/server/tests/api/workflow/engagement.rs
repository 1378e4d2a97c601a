//! An engagement's working papers over the API: fair presentation with a challenge answered by
//! a new statement version, design, a frozen population and its sample recomputed from the
//! log, evidence streamed and asked for, results, and the conclusions and report that follow
//! the work; and what each party may not do.

use serde_json::{Value, json};
use shinrai_domain::sampling::Frequency;
use shinrai_domain::workflow::working_papers::{LogPoint, draw_items, sample_seed};

use super::flow::{
    audit_in_progress, call, conclusions, excluded_control, nonconformant_control, ok, refused,
    submitted_statement, text,
};
use crate::world::{World, workflow_world};

fn population_csv(days: u32) -> Vec<u8> {
    let mut csv = String::from("date,reference\n");
    for day in 0..days {
        // 2025-10-01 onwards, inside the audit period.
        let month = 10 + day / 28;
        let (year, month) = if month > 12 {
            (2026, month - 12)
        } else {
            (2025, month)
        };
        csv.push_str(&format!(
            "{year}-{month:02}-{:02},JOB-{day}\n",
            day % 28 + 1
        ));
    }
    csv.into_bytes()
}

async fn post_population(
    world: &World,
    role: &str,
    audit: &str,
    control: &str,
    csv: Vec<u8>,
) -> crate::support::Answer {
    world
        .upload(
            role,
            &format!("/api/v1/audits/{audit}/work/{control}/population"),
            "text/csv",
            csv,
        )
        .await
}

fn items(work: &Value, round: usize) -> Vec<u64> {
    work["operation"]["samples"][round]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["occurrence"].as_u64().unwrap())
        .collect()
}

#[tokio::test]
async fn an_engagement_from_fair_presentation_to_a_report_that_lists_the_work() {
    let world = workflow_world().await;
    let (service, _statement, audit) = audit_in_progress(&world).await;
    let control = nonconformant_control();
    let excluded = excluded_control();
    let base = format!("/api/v1/audits/{audit}");

    // Fair presentation: the selection is accepted, the exclusion challenged.
    let fair = ok(
        &world,
        "auditor",
        "PUT",
        &format!("{base}/work/{control}/fair-presentation"),
        Some(
            json!({"verdict": "accepted", "reason": text("必要十分", "necessary and sufficient")}),
        ),
    )
    .await;
    assert_eq!(fair["fair"]["subject"], "selection");
    ok(
        &world,
        "auditor",
        "PUT",
        &format!("{base}/work/{excluded}/fair-presentation"),
        Some(json!({"verdict": "challenged", "reason": text("除外理由が不十分", "not justified")})),
    )
    .await;
    let overview = ok(&world, "provider", "GET", &format!("{base}/work"), None).await;
    assert_eq!(overview["progress"]["fair_presentation"]["problems"], 1);
    // The provider answers with a new version; the audit continues on it.
    let next = submitted_statement(&world, &service).await;
    let continued = ok(
        &world,
        "provider",
        "POST",
        &format!("{base}/statement"),
        Some(json!({"statement": next})),
    )
    .await;
    assert_eq!(continued["statement_version"], 2);
    assert_eq!(continued["examined"].as_array().unwrap().len(), 2);
    ok(
        &world,
        "auditor",
        "PUT",
        &format!("{base}/governance"),
        Some(json!({"effective": true, "reason": text("有効", "effective")})),
    )
    .await;

    // Design, then operation on a frozen population.
    ok(
        &world,
        "auditor",
        "PUT",
        &format!("{base}/work/{control}/design"),
        Some(json!({"effective": true, "reason": text("妥当", "meets the control")})),
    )
    .await;
    ok(
        &world,
        "auditor",
        "PUT",
        &format!("{base}/work/{control}/frequency"),
        Some(json!({"frequency": "daily"})),
    )
    .await;
    let frozen = post_population(&world, "provider", &audit, &control, population_csv(100)).await;
    assert_eq!(
        frozen.status.as_u16(),
        201,
        "{}",
        String::from_utf8_lossy(&frozen.body)
    );
    assert_eq!(frozen.json()["operation"]["population"]["size"], 100);
    let again = post_population(&world, "provider", &audit, &control, population_csv(10)).await;
    assert_eq!(again.status.as_u16(), 409);
    assert_eq!(again.error("conflict")["detail_code"], "population_frozen");
    let drawn = ok(
        &world,
        "auditor",
        "POST",
        &format!("{base}/work/{control}/samples"),
        Some(json!({"round": 1})),
    )
    .await;
    let sampled = items(&drawn, 0);
    assert_eq!(sampled.len(), 20);
    // Anyone can recompute the draw from the freeze event's place in the log.
    let from = &drawn["operation"]["samples"][0]["seed_from"];
    let point = LogPoint {
        seq: from["seq"].as_u64().unwrap(),
        hash: from["hash"].as_str().unwrap().to_owned(),
    };
    let event = world.store.event_at(point.seq).await.unwrap().unwrap();
    assert_eq!(
        (event.action.as_str(), event.hash.as_str()),
        ("audit.population.freeze", point.hash.as_str())
    );
    let seed = sample_seed(&audit, &control, 1, &point);
    assert_eq!(drawn["operation"]["samples"][0]["seed"], seed);
    assert_eq!(sampled, draw_items(Frequency::Daily, 100, seed, None));

    // Evidence: asked for, streamed in by the provider, answering the request.
    let asked = ok(
        &world,
        "auditor",
        "POST",
        &format!("{base}/requests"),
        Some(json!({"control": control, "occurrence": sampled[0],
                    "text": text("ジョブ記録を", "the job log"), "due_on": "2026-06-30"})),
    )
    .await;
    let request = asked["id"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let file = b"2025-10-01 02:00 backup ok\n".repeat(1000);
    let uploaded = world
        .upload(
            "provider",
            &format!(
                "{base}/evidence?file_name=job.log&method=inspection&speaks_for=2025-10-01\
                 &control={control}&occurrence={}&request={request}",
                sampled[0]
            ),
            "text/plain",
            file.clone(),
        )
        .await;
    assert_eq!(
        uploaded.status.as_u16(),
        201,
        "{}",
        String::from_utf8_lossy(&uploaded.body)
    );
    let record = uploaded.json();
    assert_eq!(record["id"], format!("{audit}/ev-0000001"));
    assert_eq!(
        record["content"]["sha256"],
        shinrai_domain::log_chain::sha256_hex(&file)
    );
    assert_eq!(record["content"]["size"], file.len());
    let requests = ok(&world, "auditor", "GET", &format!("{base}/requests"), None).await;
    assert_eq!(requests["items"][0]["status"], "answered");
    let download = call(
        &world,
        "auditor",
        "GET",
        &format!("{base}/evidence/ev-0000001/file"),
        None,
    )
    .await;
    assert_eq!(download.body, file);
    let note = ok(
        &world,
        "auditor",
        "POST",
        &format!("{base}/evidence/notes"),
        Some(json!({"control": control, "method": "inquiry", "title": text("聞き取り", "interview"),
                    "text": text("担当者に確認", "asked the operator"), "speaks_for": "2026-05-01"})),
    )
    .await;
    assert_eq!(note["id"], format!("{audit}/ev-0000002"));
    let page = ok(
        &world,
        "provider",
        "GET",
        &format!("{base}/evidence?per_page=1&page=2"),
        None,
    )
    .await;
    assert_eq!(
        (page["total"].as_u64(), page["items"][0]["id"].clone()),
        (Some(2), note["id"].clone())
    );

    // One failure fails the control until a second sample passes entirely.
    for (i, occurrence) in sampled.iter().enumerate() {
        ok(
            &world,
            "auditor",
            "PUT",
            &format!("{base}/work/{control}/samples/1/items/{occurrence}"),
            Some(json!({"passed": i != 3, "note": text("確認", "checked"), "evidence": ["ev-0000001"]})),
        )
        .await;
    }
    let content = ok(
        &world,
        "provider",
        "GET",
        &format!("/api/v1/statements/{next}"),
        None,
    )
    .await;
    let contradicted = refused(
        &world,
        "auditor",
        "PUT",
        &format!("{base}/conclusions"),
        Some(conclusions(&content, None)),
        422,
    )
    .await;
    assert!(
        contradicted["problems"][0]["pointer"]
            .as_str()
            .unwrap()
            .ends_with("/conformant")
    );
    let second = ok(
        &world,
        "auditor",
        "POST",
        &format!("{base}/work/{control}/samples"),
        Some(json!({"round": 2, "reason": text("単発の漏れ", "a one-off slip")})),
    )
    .await;
    let second_items = items(&second, 1);
    assert_eq!(second_items.len(), 20);
    assert!(second_items.iter().all(|item| !sampled.contains(item)));
    for occurrence in &second_items {
        ok(
            &world,
            "auditor",
            "PUT",
            &format!("{base}/work/{control}/samples/2/items/{occurrence}"),
            Some(json!({"passed": true, "note": text("確認", "checked")})),
        )
        .await;
    }
    ok(
        &world,
        "auditor",
        "PUT",
        &format!("{base}/conclusions"),
        Some(conclusions(&content, None)),
    )
    .await;
    ok(
        &world,
        "signing_auditor",
        "POST",
        &format!("{base}/sign"),
        None,
    )
    .await;
    let report = ok(&world, "provider", "GET", &format!("{base}/report"), None).await;
    assert_eq!(report["format"], "shinrai-audit-report/2");
    let line = report["work"]
        .as_array()
        .unwrap()
        .iter()
        .find(|line| line["control"] == control.as_str())
        .unwrap();
    assert_eq!(line["operation"], "effective_on_second_sample");
    assert_eq!(
        (line["sampled"].as_u64(), line["failed"].as_u64()),
        (Some(40), Some(1))
    );
    assert_eq!(line["evidence"].as_array().unwrap().len(), 2);
    assert_eq!(
        line["evidence"].as_array().unwrap()[..]
            .iter()
            .filter(|h| **h == record["content"]["sha256"])
            .count(),
        1
    );

    // The report prints in both languages with its hash on every page.
    let hash = report_hash(&world, &audit).await;
    for (lang, words, kind) in [
        ("ja", "監査報告書", "三段階の監査"),
        ("en", "Audit report", "Audit in three phases"),
    ] {
        let pdf = call(
            &world,
            "provider",
            "GET",
            &format!("{base}/report/pdf?lang={lang}"),
            None,
        )
        .await;
        assert_eq!(pdf.status.as_u16(), 200);
        assert!(pdf.body.starts_with(b"%PDF"));
        let text = pdf_text(&pdf.body);
        assert!(text.contains(words), "{lang}: {text}");
        assert!(text.contains(&hash), "{lang}: the hash is printed");
        assert!(text.contains(kind), "{lang}: the kind of audit is printed");
        assert!(text.contains(&control), "{lang}: the control is listed");
    }

    // And as OSCAL assessment results naming the evidence behind each control.
    let results = ok(
        &world,
        "auditor",
        "GET",
        &format!("{base}/report/assessment-results"),
        None,
    )
    .await;
    let results_text = results.to_string();
    assert!(results_text.contains(record["content"]["sha256"].as_str().unwrap()));
    assert!(results_text.contains(&hash));
    let plan = ok(
        &world,
        "operator_reviewer",
        "GET",
        &format!("{base}/report/assessment-plan"),
        None,
    )
    .await;
    assert!(plan["assessment-plan"]["uuid"].is_string());

    // The evidence as one archive, each file checked against its manifest.
    let zipped = call(
        &world,
        "provider",
        "GET",
        &format!("{base}/evidence/archive"),
        None,
    )
    .await;
    assert_eq!(zipped.status.as_u16(), 200);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zipped.body)).unwrap();
    let mut manifest = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("manifest.json").unwrap(),
        &mut manifest,
    )
    .unwrap();
    let manifest: Value = serde_json::from_str(&manifest).unwrap();
    assert_eq!(manifest["records"].as_array().unwrap().len(), 2);
    let entry = manifest["records"][0]["entry"].as_str().unwrap().to_owned();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_name(&entry).unwrap(), &mut bytes).unwrap();
    assert_eq!(
        shinrai_domain::log_chain::sha256_hex(&bytes),
        manifest["records"][0]["sha256"].as_str().unwrap()
    );
    assert_eq!(bytes, file);

    // After signing the papers are read-only.
    let withdrawn = refused(
        &world,
        "provider",
        "POST",
        &format!("{base}/evidence/ev-0000001/withdraw"),
        Some(json!({"reason": text("誤り", "wrong")})),
        409,
    )
    .await;
    assert_eq!(withdrawn["detail_code"], "audit_not_in_progress");
    let late = post_population(&world, "provider", &audit, &excluded, population_csv(3)).await;
    assert_eq!(late.status.as_u16(), 409);
}

async fn report_hash(world: &World, audit: &str) -> String {
    let audit = ok(
        world,
        "provider",
        "GET",
        &format!("/api/v1/audits/{audit}"),
        None,
    )
    .await;
    audit["report_sha256"].as_str().unwrap().to_owned()
}

/// The text of a PDF as `pdftotext` (poppler-utils) extracts it.
pub(super) fn pdf_text(pdf: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!(
        "shinrai-report-{}-{}.pdf",
        std::process::id(),
        shinrai_domain::log_chain::sha256_hex(pdf)
    ));
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils)");
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn bad_populations_are_refused_with_their_line_and_nothing_is_stored() {
    let world = workflow_world().await;
    let (_, _, audit) = audit_in_progress(&world).await;
    let control = nonconformant_control();
    let bad_date = post_population(
        &world,
        "provider",
        &audit,
        &control,
        b"date,reference\n2025-10-01,A\n2025-02-30,B\n".to_vec(),
    )
    .await;
    assert_eq!(bad_date.status.as_u16(), 422);
    let error = bad_date.error("invalid_input");
    assert!(
        error["messages"]["en"]
            .as_str()
            .unwrap()
            .contains("population.csv line 3"),
        "{error}"
    );
    let outside = post_population(
        &world,
        "provider",
        &audit,
        &control,
        b"date,reference\n2024-01-01,A\n".to_vec(),
    )
    .await;
    assert_eq!(outside.status.as_u16(), 422);
    assert_eq!(
        outside.error("invalid_input")["problems"][0]["pointer"],
        "/occurrences/0/on"
    );
    let not_drawn = refused(
        &world,
        "auditor",
        "POST",
        &format!("/api/v1/audits/{audit}/work/{control}/samples"),
        Some(json!({"round": 1})),
        409,
    )
    .await;
    assert_eq!(not_drawn["detail_code"], "population_not_frozen");
}

#[tokio::test]
async fn each_party_does_only_its_part_of_the_papers() {
    let world = workflow_world().await;
    let (_, statement, audit) = audit_in_progress(&world).await;
    let control = nonconformant_control();
    let base = format!("/api/v1/audits/{audit}");
    let judge = json!({"verdict": "accepted", "reason": text("x", "x")});
    let denied = refused(
        &world,
        "provider",
        "PUT",
        &format!("{base}/work/{control}/fair-presentation"),
        Some(judge.clone()),
        403,
    )
    .await;
    assert_eq!(denied["detail_code"], "not_the_audit_body");
    for (role, status) in [("procurer", 404), ("operator_reviewer", 403)] {
        refused(
            &world,
            role,
            "PUT",
            &format!("{base}/work/{control}/fair-presentation"),
            Some(judge.clone()),
            status,
        )
        .await;
    }
    refused(
        &world,
        "auditor",
        "POST",
        &format!("{base}/statement"),
        Some(json!({"statement": statement})),
        403,
    )
    .await;
    refused(
        &world,
        "procurer",
        "GET",
        &format!("{base}/work"),
        None,
        404,
    )
    .await;
    refused(
        &world,
        "public",
        "GET",
        &format!("{base}/evidence"),
        None,
        401,
    )
    .await;
    ok(
        &world,
        "operator_reviewer",
        "GET",
        &format!("{base}/work"),
        None,
    )
    .await;
    let unknown = refused(
        &world,
        "auditor",
        "PUT",
        &format!("{base}/work/{control}/samples/1/items/1"),
        Some(json!({"passed": true, "note": text("x", "x"), "evidence": ["ev-9999999"]})),
        422,
    )
    .await;
    assert_eq!(unknown["problems"][0]["pointer"], "/evidence/0");
}
