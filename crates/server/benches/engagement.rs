//! An engagement at full size, on SQLite:
//!
//! - an audit of a statement of 1,200 detailed controls, every control's papers written and
//!   30,000 evidence records: the engagement's overview and a page deep in its evidence list,
//!   through the whole router, as JSON (`/api/v1/audits/{id}/work`, `…/evidence?page=…`) and as
//!   pages (`/audits/{id}/work`, `/audits/{id}/evidence?page=…`), p99 < 100 ms each;
//! - evidence files uploaded over HTTP on loopback to the served router: 1,000 files of 1 MB,
//!   at least 50 MB/s; and one file of 1 GB, raising the process's resident memory by less than
//!   50 MB (the upload is streamed to disk, never held).
//!
//! Every answer is checked (status and content).
//!
//!     cargo bench -p shinrai-server --bench engagement            # full run
//!     cargo bench -p shinrai-server --bench engagement -- --quick # smoke run (smaller sizes)
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
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::policy::Member;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::working_papers::{
    self, EvidenceContent, EvidenceMethod, FairInput, FairVerdict, NewEvidence, evidence_id,
};
use shinrai_server::workflow::Acting;
use shinrai_store::documents::Batch;
use shinrai_testdata::statement::{full_statement, large_criteria};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

mod support;

use support::{Bench, Row, now_ms, world};

const CRITERIA: &str = "load-1200";

fn member(user: &str, org: &str, kind: OrgKind, roles: &[Role]) -> Member {
    Member {
        user_id: user.to_owned(),
        org_id: org.to_owned(),
        org_kind: kind,
        roles: roles.to_vec(),
    }
}

/// An audit in progress of a 1,200-control statement; its id.
async fn engagement(bench: &Bench) -> String {
    bench.select_audit_body().await;
    let service = bench.load_service().await;
    let statement = bench
        .json(
            "provider",
            "POST",
            &format!("/api/v1/services/{service}/statements"),
            Some(&json!({"criteria_version": CRITERIA, "target_level": 3})),
        )
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let criteria = large_criteria(CRITERIA, 1_200, 2026);
    let content = full_statement(&criteria, Level::HIGH, &ServiceModel::ALL, 2026);
    let mut body = serde_json::to_value(&content).unwrap();
    body["criteria_version"] = json!(CRITERIA);
    body["target_level"] = json!(3);
    let uri = format!("/api/v1/statements/{statement}");
    bench.json("provider", "PUT", &uri, Some(&body)).await;
    bench
        .json("provider", "POST", &format!("{uri}/submit"), None)
        .await;
    let audit = bench
        .json(
            "provider",
            "POST",
            "/api/v1/audits",
            Some(
                &json!({"service": service, "statement": statement, "audit_body": "ab",
                         "period_start": "2025-10-01", "period_end": "2026-09-30"}),
            ),
        )
        .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    bench
        .json(
            "signer",
            "POST",
            &format!("/api/v1/audits/{audit}/accept"),
            Some(&json!({"signing_auditor": "signer"})),
        )
        .await;
    audit
}

/// Every selected control judged in fair presentation, through the workflow action.
async fn papers(bench: &Bench, audit: &str) -> usize {
    let auditor = Acting::new(
        member(
            "signer",
            "ab",
            OrgKind::AuditBody,
            &[Role::Auditor, Role::SigningAuditor],
        ),
        Moment::at(now_ms()),
    );
    let engagement =
        shinrai_server::engagements::actions::engagement(&bench.state, &auditor, audit)
            .await
            .unwrap();
    let controls: Vec<String> = engagement
        .statement
        .content
        .selected
        .iter()
        .map(|entry| entry.control.clone())
        .collect();
    for control in &controls {
        shinrai_server::engagements::actions::judge_fair(
            &bench.state,
            &auditor,
            audit,
            FairInput {
                control: control.clone(),
                verdict: FairVerdict::Accepted,
                reason: Bilingual::new("範囲に必要十分", "necessary and sufficient"),
            },
        )
        .await
        .unwrap();
    }
    controls.len()
}

/// `count` evidence notes, written in batches through the domain's transition and the store.
async fn evidence(bench: &Bench, audit: &str, count: u64) {
    let provider = member("provider", "csp", OrgKind::Provider, &[Role::Provider]);
    let auditor = Acting::new(provider.clone(), Moment::at(now_ms()));
    let engagement =
        shinrai_server::engagements::actions::engagement(&bench.state, &auditor, audit)
            .await
            .unwrap();
    let controls = &engagement.statement.content.selected;
    let mut number = 0;
    while number < count {
        let mut batch = Batch::new();
        for _ in 0..500.min(count - number) {
            number += 1;
            let control = &controls[(number as usize) % controls.len()].control;
            let change = working_papers::add_evidence(
                &engagement.audit.value,
                &engagement.statement,
                None,
                NewEvidence {
                    id: evidence_id(audit, number),
                    control: Some(control.clone()),
                    occurrence: None,
                    method: EvidenceMethod::Inspection,
                    title: Bilingual::new(format!("記録 {number}"), format!("Record {number}")),
                    content: EvidenceContent::Note {
                        text: Bilingual::new("設定画面を閲覧した", "inspected the settings"),
                    },
                    speaks_for: CalendarDate::parse("2025-11-01").unwrap(),
                    request: None,
                },
                &provider,
                Moment::at(now_ms()),
            )
            .unwrap();
            batch = batch.create(&change).unwrap();
        }
        bench.state.store.commit(batch).await.unwrap();
    }
}

/// One raw HTTP/1.1 upload on an open connection; the status and the answer.
async fn upload(
    stream: &mut TcpStream,
    token: &str,
    uri: &str,
    size: u64,
    chunk: &[u8],
) -> (u16, Value) {
    let head = format!(
        "POST {uri} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer {token}\r\n\
         content-type: application/octet-stream\r\ncontent-length: {size}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        stream.write_all(&chunk[..n]).await.unwrap();
        left -= n as u64;
    }
    read_answer(stream).await
}

async fn read_answer(stream: &mut TcpStream) -> (u16, Value) {
    let mut buffer = Vec::new();
    let mut byte = [0u8; 1];
    while !buffer.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte).await.unwrap();
        buffer.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&buffer).to_lowercase();
    let status: u16 = head[9..12].parse().unwrap();
    let length: usize = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .map_or(0, |value| value.trim().parse().unwrap());
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).await.unwrap();
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

/// The process's resident memory, in bytes (Linux).
fn resident_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| {
            value
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .map_or(0, |kb| kb * 1024)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rounds = if quick { 10 } else { 200 };
    let evidence_count: u64 = if quick { 2_000 } else { 30_000 };
    let (files, big): (u64, u64) = if quick {
        (50, 64 << 20)
    } else {
        (1_000, 1 << 30)
    };
    let dir = std::env::temp_dir().join(format!("shinrai-bench-engagement-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let criteria = large_criteria(CRITERIA, 1_200, 2026);
    let bench = world(&dir, &criteria).await;
    let audit = engagement(&bench).await;
    let controls = papers(&bench, &audit).await;
    evidence(&bench, &audit, evidence_count).await;
    let mut rows = Vec::new();

    let times = bench
        .time(
            rounds,
            "signer",
            "GET",
            &format!("/api/v1/audits/{audit}/work"),
            None,
            |status, bytes| {
                assert_eq!(status, 200, "{}", String::from_utf8_lossy(bytes));
                let answer: Value = serde_json::from_slice(bytes).unwrap();
                assert_eq!(
                    answer["progress"]["fair_presentation"]["done"].as_u64(),
                    Some(controls as u64)
                );
                assert_eq!(answer["evidence"].as_u64(), Some(evidence_count));
            },
        )
        .await;
    rows.push(Row {
        measure: format!(
            "Engagement overview of {controls} controls with their papers and {evidence_count} evidence records, `GET /api/v1/audits/{{id}}/work`"
        ),
        times,
        target: Some((Duration::from_millis(100), "p99 < 100 ms")),
        on_p99: true,
    });
    let deep = evidence_count / 50 - 1;
    let times = bench
        .time(
            rounds,
            "provider",
            "GET",
            &format!("/api/v1/audits/{audit}/evidence?page={deep}&per_page=50"),
            None,
            |status, bytes| {
                assert_eq!(status, 200);
                let answer: Value = serde_json::from_slice(bytes).unwrap();
                assert_eq!(answer["total"].as_u64(), Some(evidence_count));
                assert_eq!(answer["items"].as_array().unwrap().len(), 50);
            },
        )
        .await;
    rows.push(Row {
        measure: format!("Page {deep} of 50 evidence records of {evidence_count}, `GET /api/v1/audits/{{id}}/evidence`"),
        times,
        target: Some((Duration::from_millis(100), "p99 < 100 ms")),
        on_p99: true,
    });

    // The same two as pages, rendered in Japanese.
    let times = bench
        .time(
            rounds,
            "signer",
            "GET",
            &format!("/audits/{audit}/work?lang=ja"),
            None,
            |status, bytes| {
                assert_eq!(status, 200, "{}", String::from_utf8_lossy(bytes));
                assert!(String::from_utf8_lossy(bytes).contains("監査調書"));
            },
        )
        .await;
    rows.push(Row {
        measure: format!(
            "The engagement's page of {controls} controls' papers, `GET /audits/{{id}}/work`"
        ),
        times,
        target: Some((Duration::from_millis(100), "p99 < 100 ms")),
        on_p99: true,
    });
    let times = bench
        .time(
            rounds,
            "provider",
            "GET",
            &format!("/audits/{audit}/evidence?page={deep}&lang=ja"),
            None,
            |status, bytes| {
                assert_eq!(status, 200);
                assert!(String::from_utf8_lossy(bytes).contains("ev-"));
            },
        )
        .await;
    rows.push(Row {
        measure: format!(
            "Page {deep} of the evidence list as a page, `GET /audits/{{id}}/evidence`"
        ),
        times,
        target: Some((Duration::from_millis(100), "p99 < 100 ms")),
        on_p99: true,
    });

    // --- uploads over loopback to the served router -------------------------------------------
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = bench.app.clone();
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    let token = bench.tokens["provider"].clone();
    let uri = format!(
        "/api/v1/audits/{audit}/evidence?file_name=log.bin&method=inspection&speaks_for=2025-11-01"
    );
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let megabyte = 1u64 << 20;
    let started = Instant::now();
    for n in 0..files {
        // Each file differs, so each is stored (the same content would be stored once).
        let mut chunk = vec![(n % 251) as u8; megabyte as usize];
        chunk[..8].copy_from_slice(&n.to_be_bytes());
        let (status, answer) = upload(&mut stream, &token, &uri, megabyte, &chunk).await;
        assert_eq!(status, 201, "{answer}");
        assert_eq!(answer["content"]["size"].as_u64(), Some(megabyte));
    }
    let elapsed = started.elapsed();
    let rate = (files * megabyte) as f64 / 1e6 / elapsed.as_secs_f64();
    println!(
        "Uploads: {files} files of 1 MB in {:.2} s: {rate:.1} MB/s (target ≥ 50 MB/s: {})\n",
        elapsed.as_secs_f64(),
        if rate >= 50.0 { "met" } else { "NOT met" }
    );
    let before = resident_bytes();
    let pattern: Vec<u8> = (0..megabyte).map(|i| (i % 253) as u8).collect();
    let started = Instant::now();
    let (status, answer) = upload(&mut stream, &token, &uri, big, &pattern).await;
    assert_eq!(status, 201, "{answer}");
    assert_eq!(answer["content"]["size"].as_u64(), Some(big));
    let grew = resident_bytes().saturating_sub(before);
    println!(
        "One upload of {} MB in {:.2} s; resident memory grew by {:.1} MB (target < 50 MB: {})\n",
        big >> 20,
        started.elapsed().as_secs_f64(),
        grew as f64 / 1e6,
        if grew < 50_000_000 { "met" } else { "NOT met" }
    );

    println!("### Engagement at full size (`cargo bench -p shinrai-server --bench engagement`)\n");
    println!("| Measure | Runs | Median (ms) | p99 (ms) | Max (ms) | Target | Met |");
    println!("|---|---:|---:|---:|---:|---|---|");
    for row in &rows {
        row.print();
    }
    let _ = std::fs::remove_dir_all(&dir);
}
