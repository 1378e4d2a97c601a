//! The scheme's work at full size, through the service's whole router (routing, authentication,
//! the workflow actions, the store, JSON or the page), on SQLite:
//!
//! - saving a statement of 1,200 detailed controls (`PUT /api/v1/statements/{id}`), target p99
//!   < 200 ms;
//! - the pre-check of that stored statement (`GET /api/v1/statements/{id}/precheck`, and the
//!   same workflow action called in process), p99 < 20 ms;
//! - the operator's review of an application on a signed audit of it
//!   (`GET /api/v1/applications/{id}/review`), p99 < 50 ms;
//! - importing the same statement from its spreadsheet (XLSX), < 1 s. With
//!   `SHINRAI_BENCH_FILES=DIR` the workbook and the criteria are also written to DIR
//!   (`statement.xlsx`, `criteria.xlsx`) for timing the whole command
//!   `shinrai statement import DIR/statement.xlsx --criteria DIR/criteria.xlsx`.
//!
//! Every answer is checked (status, and what the answer says), so a request that failed fast
//! would fail the run instead of looking fast.
//!
//!     cargo bench -p shinrai-server --bench workflow            # full run
//!     cargo bench -p shinrai-server --bench workflow -- --quick # smoke run
//!
//! Prints Markdown for docs/benchmarks.md.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::print_stdout,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::criteria::Part;
use shinrai_domain::level::Level;
use shinrai_domain::policy::Member;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::statement::StatementContent;
use shinrai_formats::statement::{StatementFile, read_xlsx, write_xlsx};
use shinrai_server::workflow::Acting;
use shinrai_testdata::statement::{full_statement, large_criteria};

mod support;

use support::{Row, now_ms, world};

const CRITERIA: &str = "load-1200";

fn content_json(content: &StatementContent, level: Level) -> Value {
    let mut body = serde_json::to_value(content).unwrap();
    body["criteria_version"] = json!(CRITERIA);
    body["target_level"] = json!(level.get());
    body
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rounds = if quick { 10 } else { 200 };
    let dir = std::env::temp_dir().join(format!("shinrai-bench-workflow-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let criteria = large_criteria(CRITERIA, 1_200, 2026);
    let level = Level::HIGH;
    let models = ServiceModel::ALL;
    let content = full_statement(&criteria, level, &models, 2026);
    let body = content_json(&content, level);
    let bench = world(&dir, &criteria).await;
    let mut rows = Vec::new();

    // --- the world: a selected audit body with a qualified signing auditor ----------------------
    bench.select_audit_body().await;

    // --- a service and its statement of 1,200 controls ---------------------------------------
    let service_id = bench.load_service().await;
    let statement = bench
        .json(
            "provider",
            "POST",
            &format!("/api/v1/services/{service_id}/statements"),
            Some(&json!({"criteria_version": CRITERIA, "target_level": 3})),
        )
        .await;
    let statement_id = statement["id"].as_str().unwrap().to_owned();
    let statement_uri = format!("/api/v1/statements/{statement_id}");
    let size = serde_json::to_vec(&body).unwrap().len();

    let times = bench
        .time(
            rounds,
            "provider",
            "PUT",
            &statement_uri,
            Some(&body),
            |status, bytes| {
                assert_eq!(status, 200, "{}", String::from_utf8_lossy(bytes));
            },
        )
        .await;
    rows.push(Row {
        measure: format!(
            "Save a statement of {} selected and {} excluded controls ({:.1} MB of JSON), `PUT /api/v1/statements/{{id}}`",
            content.selected.len(),
            content.excluded.len(),
            size as f64 / 1e6
        ),
        times,
        target: Some((Duration::from_millis(200), "p99 < 200 ms")),
        on_p99: true,
    });

    let precheck_uri = format!("{statement_uri}/precheck");
    let times = bench
        .time(
            rounds,
            "provider",
            "GET",
            &precheck_uri,
            None,
            |status, bytes| {
                assert_eq!(status, 200);
                let answer: Value = serde_json::from_slice(bytes).unwrap();
                assert_eq!(answer["reachable_level"], json!(3), "{answer}");
            },
        )
        .await;
    rows.push(Row {
        measure: "Pre-check of the stored statement, `GET /api/v1/statements/{id}/precheck`"
            .to_owned(),
        times,
        target: Some((Duration::from_millis(20), "p99 < 20 ms")),
        on_p99: true,
    });

    // The same pre-check in process: the workflow action the route calls (reading the stored
    // statement with its hash check, its criteria, service and the registry, then the rule).
    let provider = Acting::new(
        Member {
            user_id: "provider".to_owned(),
            org_id: "csp".to_owned(),
            org_kind: OrgKind::Provider,
            roles: vec![Role::Provider],
        },
        Moment::at(now_ms()),
    );
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let started = Instant::now();
        let outcome =
            shinrai_server::statements::actions::precheck(&bench.state, &provider, &statement_id)
                .await
                .unwrap();
        times.push(started.elapsed());
        assert_eq!(outcome.reachable_level.map(Level::get), Some(3));
    }
    times.sort();
    rows.push(Row {
        measure:
            "Pre-check of the stored statement in process (the workflow action behind that route)"
                .to_owned(),
        times,
        target: Some((Duration::from_millis(20), "p99 < 20 ms")),
        on_p99: true,
    });

    // --- audited, signed and applied for -------------------------------------------------------
    bench
        .json(
            "provider",
            "POST",
            &format!("{statement_uri}/submit"),
            Some(&json!({})),
        )
        .await;
    let audit = bench
        .json(
            "provider",
            "POST",
            "/api/v1/audits",
            Some(&json!({
                "service": service_id,
                "statement": statement_id,
                "audit_body": "ab",
                "period_start": "2026-01-01",
                "period_end": "2026-09-30"
            })),
        )
        .await;
    let audit_uri = format!("/api/v1/audits/{}", audit["id"].as_str().unwrap());
    bench
        .json(
            "signer",
            "POST",
            &format!("{audit_uri}/accept"),
            Some(&json!({"signing_auditor": "signer"})),
        )
        .await;
    let reason = json!({"ja": "手順書と記録を確認し、有効であった。", "en": "Procedures and records inspected; effective."});
    let objectives: Vec<Value> = criteria
        .groups
        .iter()
        .filter(|group| group.part == Part::Control)
        .filter(|group| {
            content
                .selected
                .iter()
                .any(|s| s.control.starts_with(&format!("{}.", group.id)))
        })
        .map(|group| json!({"objective": group.id, "effective": true, "reason": reason}))
        .collect();
    let controls: Vec<Value> = content
        .selected
        .iter()
        .map(|s| json!({"control": s.control, "conformant": true, "reason": reason}))
        .collect();
    bench
        .json(
            "signer",
            "PUT",
            &format!("{audit_uri}/conclusions"),
            Some(&json!({"objectives": objectives, "controls": controls})),
        )
        .await;
    bench
        .json(
            "signer",
            "POST",
            &format!("{audit_uri}/sign"),
            Some(&json!({})),
        )
        .await;
    let application = bench
        .json(
            "provider",
            "POST",
            "/api/v1/applications",
            Some(&json!({"service": service_id, "audit": audit["id"], "kind": "new"})),
        )
        .await;
    let review_uri = format!(
        "/api/v1/applications/{}/review",
        application["id"].as_str().unwrap()
    );
    let times = bench
        .time(
            rounds,
            "reviewer",
            "GET",
            &review_uri,
            None,
            |status, bytes| {
                assert_eq!(status, 200, "{}", String::from_utf8_lossy(bytes));
                let answer: Value = serde_json::from_slice(bytes).unwrap();
                assert_eq!(answer["decision"], json!("register"), "{answer}");
            },
        )
        .await;
    rows.push(Row {
        measure: "Review of an application on that statement's signed audit, `GET /api/v1/applications/{id}/review`".to_owned(),
        times,
        target: Some((Duration::from_millis(50), "p99 < 50 ms")),
        on_p99: true,
    });

    // --- the same statement from its spreadsheet -----------------------------------------------
    let file = StatementFile::new(CRITERIA.to_owned(), level, content.clone());
    let workbook = write_xlsx(&file, Some(&criteria), Some(&models)).unwrap();
    let mut times = Vec::new();
    for _ in 0..if quick { 3 } else { 20 } {
        let started = Instant::now();
        let read = read_xlsx("statement.xlsx", &workbook, Some(&criteria)).unwrap();
        times.push(started.elapsed());
        assert_eq!(
            read, file,
            "the workbook did not read back as the statement"
        );
    }
    times.sort();
    if let Some(out) = std::env::var_os("SHINRAI_BENCH_FILES") {
        let out = std::path::PathBuf::from(out);
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("statement.xlsx"), &workbook).unwrap();
        let table = shinrai_formats::table::write_xlsx(&criteria).unwrap();
        std::fs::write(out.join("criteria.xlsx"), table).unwrap();
    }
    rows.push(Row {
        measure: format!(
            "Import that statement from its spreadsheet ({:.1} MB XLSX), read and checked against the criteria",
            workbook.len() as f64 / 1e6
        ),
        times,
        target: Some((Duration::from_secs(1), "< 1 s")),
        on_p99: false,
    });

    println!("### Workflow at full size (`cargo bench -p shinrai-server --bench workflow`)\n");
    println!(
        "Criteria of {} detailed controls and {} governance and management items; a level-3 statement for IaaS, PaaS and SaaS; SQLite.\n",
        criteria.counts().controls,
        criteria.counts().governance + criteria.counts().management
    );
    println!("| Measure | Runs | Median (ms) | p99 (ms) | Max (ms) | Target | Met |");
    println!("|---|---:|---:|---:|---:|---|---|");
    for row in &rows {
        row.print();
    }
    let _ = std::fs::remove_dir_all(&dir);
}
