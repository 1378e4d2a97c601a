//! Statements and conclusions as files over the API: what is downloaded, filled in and
//! uploaded is recorded exactly as the JSON routes record it (the same event in the signed
//! log), refused to the wrong party and in the wrong state, and a broken file is refused whole
//! with each problem at its sheet and cell.

use serde_json::{Value, json};

use super::flow::{
    accepted_audit, call, filled_draft, new_service, nonconformant_control, ok, ordered_audit,
    refused, submitted_statement,
};
use crate::world::{World, workflow_world};

pub(crate) const CSV: &str = "text/csv";
pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A download as `role` that must succeed: its bytes, after checking its type and name.
pub(crate) async fn download(world: &World, role: &str, uri: &str, media: &str) -> Vec<u8> {
    let answer = call(world, role, "GET", uri, None).await;
    assert_eq!(
        answer.status,
        200,
        "GET {uri} as {role}: {}",
        String::from_utf8_lossy(&answer.body)
    );
    assert!(
        answer.header("content-type").unwrap().starts_with(media),
        "{:?}",
        answer.header("content-type")
    );
    assert!(
        answer
            .header("content-disposition")
            .unwrap()
            .starts_with("attachment; filename=")
    );
    answer.body
}

/// A CSV file as rows of cells (the byte order mark dropped).
pub(crate) fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes)
        .unwrap()
        .trim_start_matches('\u{feff}');
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

pub(crate) fn csv_bytes(rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).unwrap();
    }
    writer.into_inner().unwrap()
}

pub(crate) fn column(rows: &[Vec<String>], name: &str) -> usize {
    rows[0].iter().position(|cell| cell == name).unwrap()
}

/// The cell reference of a column and 0-based row of a CSV table (columns A to Z).
pub(crate) fn cell(rows: &[Vec<String>], name: &str, row: usize) -> String {
    let letter = char::from(b'A' + u8::try_from(column(rows, name)).unwrap());
    format!("{letter}{}", row + 1)
}

/// Concludes every row of a conclusions table: objectives effective, controls conformant but
/// `nonconformant`, each with a reason; the rows in `left` stay blank.
pub(crate) fn conclude(rows: &mut [Vec<String>], nonconformant: &str, left: &[usize]) {
    let (part, id) = (column(rows, "part"), column(rows, "id"));
    let (effective, conformant) = (column(rows, "effective"), column(rows, "conformant"));
    let (ja, en) = (column(rows, "reason_ja"), column(rows, "reason_en"));
    for (n, row) in rows.iter_mut().enumerate().skip(1) {
        if left.contains(&n) {
            continue;
        }
        let (answer, yes) = if row[part] == "objective" {
            (effective, true)
        } else {
            (conformant, row[id] != nonconformant)
        };
        row[answer] = if yes { "yes" } else { "no" }.to_owned();
        row[ja] = format!("{} を確かめた", row[id]);
        row[en] = format!("{} checked", row[id]);
    }
}

async fn concluded(world: &World, audit: &str) -> Value {
    ok(
        world,
        "auditor",
        "GET",
        &format!("/api/v1/audits/{audit}"),
        None,
    )
    .await["conclusions"]
        .clone()
}

pub(crate) async fn log_is_intact(world: &World) -> Vec<String> {
    let verified = world
        .store
        .verify_log(&world.store.verifying_key(), Vec::new())
        .await
        .unwrap();
    assert!(verified.intact(), "{verified:?}");
    world
        .store
        .events_after(0, 10_000, false)
        .await
        .unwrap()
        .into_iter()
        .map(|event| event.action)
        .collect()
}

#[tokio::test]
async fn an_audit_body_records_its_conclusions_from_a_spreadsheet() {
    let w = &workflow_world().await;
    let service = new_service(w).await;
    let statement = submitted_statement(w, &service).await;
    let audit = accepted_audit(w, &service, &statement).await;
    let template = format!("/api/v1/audits/{audit}/conclusions/template");
    let import = format!("/api/v1/audits/{audit}/conclusions/import");
    let nonconformant = nonconformant_control();

    // Filled in part: the blank row is skipped, and the audit cannot be signed yet.
    let mut table = rows(&download(w, "auditor", &format!("{template}?format=csv"), CSV).await);
    let last = table.len() - 1;
    conclude(&mut table, &nonconformant, &[last]);
    let answer = w.upload("auditor", &import, CSV, csv_bytes(&table)).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let recorded = concluded(w, &audit).await;
    let objectives = recorded["objectives"].as_array().unwrap().len();
    let controls = recorded["controls"].as_array().unwrap().len();
    assert_eq!(objectives + controls, last - 1);
    assert_eq!(answer.json()["conclusions"], recorded);
    let sign = format!("/api/v1/audits/{audit}/sign");
    refused(w, "signing_auditor", "POST", &sign, None, 409).await;

    // The workbook carries what is recorded: uploaded as it is, nothing changes.
    let workbook = download(w, "signing_auditor", &template, XLSX).await;
    let answer = w.upload("auditor", &import, XLSX, workbook).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(concluded(w, &audit).await, recorded);

    // The whole file, its format named by the parameter: now the report can be signed.
    conclude(&mut table, &nonconformant, &[]);
    let answer = w
        .upload(
            "auditor",
            &format!("{import}?format=csv"),
            "application/octet-stream",
            csv_bytes(&table),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let whole = concluded(w, &audit).await;
    let control = whole["controls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["control"] == json!(nonconformant))
        .unwrap();
    assert_eq!(control["conformant"], false);
    assert_eq!(
        control["reason"],
        json!({"ja": format!("{nonconformant} を確かめた"), "en": format!("{nonconformant} checked")})
    );
    ok(w, "signing_auditor", "POST", &sign, None).await;

    let actions = log_is_intact(w).await;
    assert_eq!(actions.iter().filter(|a| *a == "audit.conclude").count(), 3);
}

#[tokio::test]
async fn conclusion_files_are_refused_to_the_wrong_party_state_and_content() {
    let w = &workflow_world().await;
    let service = new_service(w).await;
    let statement = submitted_statement(w, &service).await;

    // Not accepted yet: nothing to conclude.
    let requested = ordered_audit(w, &service, &statement).await;
    let error = refused(
        w,
        "auditor",
        "GET",
        &format!("/api/v1/audits/{requested}/conclusions/template"),
        None,
        409,
    )
    .await;
    assert_eq!(error["detail_code"], "audit_not_in_progress");

    let audit = accepted_audit(w, &service, &statement).await;
    let template = format!("/api/v1/audits/{audit}/conclusions/template?format=csv");
    let import = format!("/api/v1/audits/{audit}/conclusions/import");
    let error = refused(w, "provider", "GET", &template, None, 403).await;
    assert_eq!(error["detail_code"], "not_the_audit_body");
    refused(w, "procurer", "GET", &template, None, 404).await;
    refused(w, "public", "GET", &template, None, 401).await;
    let answer = call(w, "auditor", "GET", &format!("{template}x"), None).await;
    assert_eq!(answer.status, 400, "{}", answer.text());

    let mut table = rows(&download(w, "auditor", &template, CSV).await);
    conclude(&mut table, "", &[]);
    let file = csv_bytes(&table);
    let answer = w.upload("provider", &import, CSV, file.clone()).await;
    assert_eq!(answer.status, 403);
    answer.error("forbidden");
    let answer = w.upload("auditor", &import, "application/json", file).await;
    assert_eq!(answer.status, 415);
    answer.error("unsupported_media_type");
    // Over the spreadsheet reader's bound: refused before it is read.
    let answer = w
        .upload("auditor", &import, XLSX, vec![0; 16 * 1024 * 1024 + 1])
        .await;
    assert_eq!(answer.status, 413);
    answer.error("payload_too_large");

    // Every problem at its cell, and nothing recorded.
    let (effective, ja, en) = (
        column(&table, "effective"),
        column(&table, "reason_ja"),
        column(&table, "reason_en"),
    );
    table[1][effective] = "maybe".to_owned();
    table[2][ja] = String::new();
    table[2][en] = String::new();
    let excluded = super::flow::excluded_control();
    let id = column(&table, "id");
    let last = table.len() - 1;
    table[last][id] = excluded;
    let answer = w.upload("auditor", &import, CSV, csv_bytes(&table)).await;
    assert_eq!(answer.status, 422, "{}", answer.text());
    let error = answer.error("invalid_input");
    let problems: Vec<(String, String)> = error["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            assert!(
                p["messages"]["en"]
                    .as_str()
                    .unwrap()
                    .starts_with("upload.csv: row ")
            );
            (
                p["pointer"].as_str().unwrap().to_owned(),
                p["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut wanted = vec![
        (
            cell(&table, "effective", 1),
            "unknown_conclusion".to_owned(),
        ),
        (cell(&table, "reason_ja", 2), "reason_missing".to_owned()),
        (cell(&table, "id", last), "not_selected".to_owned()),
    ];
    wanted.sort_by_key(|(at, _)| (at[1..].parse::<usize>().unwrap(), at.clone()));
    assert_eq!(problems, wanted);
    assert_eq!(
        concluded(w, &audit).await,
        json!({"objectives": [], "controls": []})
    );
    let actions = log_is_intact(w).await;
    assert!(!actions.iter().any(|a| a == "audit.conclude"));
}

#[tokio::test]
async fn a_statement_travels_as_a_spreadsheet_and_a_plan_over_the_api() {
    let w = &workflow_world().await;
    let service = new_service(w).await;
    let statement = filled_draft(w, &service).await;
    let uri = format!("/api/v1/statements/{statement}");
    let saved = ok(w, "provider", "GET", &uri, None).await;
    let content = |s: &Value| {
        json!([
            s["criteria_version"],
            s["target_level"],
            s["governance"],
            s["management"],
            s["selected"],
            s["excluded"]
        ])
    };

    // The spreadsheet round trip, in both formats.
    for (format, media) in [("csv", CSV), ("xlsx", XLSX)] {
        let file = download(
            w,
            "provider",
            &format!("{uri}/template?format={format}"),
            media,
        )
        .await;
        let answer = w
            .upload("provider", &format!("{uri}/import"), media, file)
            .await;
        assert_eq!(answer.status, 200, "{format}: {}", answer.text());
        assert_eq!(content(&answer.json()), content(&saved), "{format}");
    }

    // The plan round trip.
    let plan = ok(w, "provider", "GET", &format!("{uri}/ssp"), None).await;
    assert!(plan["system-security-plan"]["control-implementation"].is_object());
    let answer = w
        .upload(
            "provider",
            &format!("{uri}/ssp"),
            "application/json",
            plan.to_string().into_bytes(),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(content(&answer.json()), content(&saved));

    // A broken cell and a broken plan: refused whole, at their place.
    let mut table =
        rows(&download(w, "provider", &format!("{uri}/template?format=csv"), CSV).await);
    let (part, choice) = (column(&table, "part"), column(&table, "choice"));
    let row = table.iter().position(|r| r[part] == "control").unwrap();
    table[row][choice] = "maybe".to_owned();
    let answer = w
        .upload("provider", &format!("{uri}/import"), CSV, csv_bytes(&table))
        .await;
    assert_eq!(answer.status, 422, "{}", answer.text());
    let error = answer.error("invalid_input");
    assert_eq!(
        error["problems"][0]["pointer"],
        json!(cell(&table, "choice", row))
    );
    assert_eq!(error["problems"][0]["code"], "unknown_choice");
    let mut broken = plan.clone();
    broken["system-security-plan"]["metadata"]["props"] = json!([]);
    let answer = w
        .upload(
            "provider",
            &format!("{uri}/ssp"),
            "application/json",
            broken.to_string().into_bytes(),
        )
        .await;
    assert_eq!(answer.status, 422, "{}", answer.text());
    answer.error("invalid_input");
    assert_eq!(
        content(&ok(w, "provider", "GET", &uri, None).await),
        content(&saved)
    );

    // Nobody else uploads; an auditor does not know of a draft; a submitted one never changes.
    let file = download(w, "provider", &format!("{uri}/template"), XLSX).await;
    let answer = w
        .upload("auditor", &format!("{uri}/import"), XLSX, file.clone())
        .await;
    assert_eq!(answer.status, 404, "{}", answer.text());
    let answer = w
        .upload(
            "operator_admin",
            &format!("{uri}/import"),
            XLSX,
            file.clone(),
        )
        .await;
    assert_eq!(answer.status, 403, "{}", answer.text());
    assert_eq!(answer.error("forbidden")["detail_code"], "not_the_provider");
    refused(w, "auditor", "GET", &format!("{uri}/template"), None, 404).await;
    ok(w, "operator_reviewer", "GET", &format!("{uri}/ssp"), None).await;
    ok(w, "provider", "POST", &format!("{uri}/submit"), None).await;
    let answer = w
        .upload("provider", &format!("{uri}/import"), XLSX, file)
        .await;
    assert_eq!(answer.status, 409);
    assert_eq!(answer.error("conflict")["detail_code"], "statement_frozen");
    let answer = w
        .upload(
            "provider",
            &format!("{uri}/ssp"),
            "application/json",
            plan.to_string().into_bytes(),
        )
        .await;
    assert_eq!(answer.status, 409);

    let actions = log_is_intact(w).await;
    // One save by PUT, then two spreadsheets and one plan.
    assert_eq!(actions.iter().filter(|a| *a == "statement.save").count(), 4);
}
