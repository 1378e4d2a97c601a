//! The procurer's workbench over real HTTP (a TCP socket to the server, the whole router with
//! its layers, a procurer's API token) on SQLite, with the demo registry and the demo criteria's
//! risk map:
//!
//! - the coverage of one system against four candidate services: the four `coverage` requests
//!   one after another, and the `comparison` of the four in one request; target p99 < 100 ms;
//! - the comparison exported as XLSX (target < 1 s) and as PDF (target < 3 s), in Japanese.
//!
//! Every candidate has answers to all 64 checklist questions, so the checklists are full. Each
//! answer is checked (status and content) so a run that did nothing fails instead of looking
//! fast.
//!
//!     cargo bench -p shinrai-server --bench procurement            # full run
//!     cargo bench -p shinrai-server --bench procurement -- --quick # smoke run
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

mod support;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use shinrai_domain::criteria::demo::demo_criteria;
use shinrai_domain::registry::demo::demo_registry;
use shinrai_domain::workflow::procurement::checklists;
use shinrai_store::model::{ChangeBy, NewOrganisation};
use support::{Row, now_ms, world};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const CANDIDATES: [&str; 4] = ["C24-0006", "C24-0010", "C25-0001", "C25-0008"];

/// One GET over a fresh connection; (status, body).
async fn get(addr: SocketAddr, token: &str, path: &str) -> (u16, Vec<u8>) {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP answer");
    let head = String::from_utf8_lossy(&answer[..split]).to_string();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap();
    assert!(
        !head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked"),
        "answers carry their length"
    );
    (status, answer[split + 4..].to_vec())
}

async fn timed(rounds: usize, mut one: impl AsyncFnMut() -> ()) -> Vec<Duration> {
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let started = Instant::now();
        one().await;
        times.push(started.elapsed());
    }
    times.sort();
    times
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let quick = std::env::args().any(|arg| arg == "--quick");
    let (rounds, export_rounds) = if quick { (20, 2) } else { (300, 20) };
    let dir = tempfile_dir();
    let criteria = demo_criteria().unwrap();
    let bench = world(&dir, &criteria).await;
    let registry = demo_registry().unwrap();
    // The organisations the registry names, so its entries can refer to them.
    for (id, kind, name) in shinrai_testdata::registry::demo_registry_organisations(&registry) {
        bench
            .state
            .store
            .create_organisation(
                &NewOrganisation { id, kind, name },
                &ChangeBy::system(now_ms()),
            )
            .await
            .unwrap();
    }
    bench
        .state
        .store
        .create_registry_entries(&registry.entries, &ChangeBy::system(now_ms()))
        .await
        .unwrap();
    let system = bench
        .json(
            "procurer",
            "POST",
            "/api/v1/systems",
            Some(&json!({
                "name": {"ja": "文書管理", "en": "Records"},
                "function": {"ja": "管理・支援", "en": "Administration"},
                "information": [{"name": {"ja": "公文書", "en": "Public records"}, "confidentiality": 2}],
                "availability": 3
            })),
        )
        .await;
    let id = system["id"].as_str().unwrap().to_owned();
    let lists = checklists().unwrap();
    let values = ["yes", "partly", "no", "unknown"];
    for service in CANDIDATES {
        let answers: Vec<Value> = lists
            .iter()
            .flat_map(|list| list.items())
            .enumerate()
            .map(|(n, item)| {
                json!({"item": item.id, "answer": values[n % 4], "note": format!("確認済み {n}: 担当者と合意した内容を記録")})
            })
            .collect();
        bench
            .json(
                "procurer",
                "PUT",
                &format!("/api/v1/systems/{id}/answers/{service}"),
                Some(&json!({ "answers": answers })),
            )
            .await;
    }

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = bench.app.clone();
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    let token = bench.tokens["procurer"].clone();
    let services = CANDIDATES.join(",");

    let coverage = timed(rounds, async || {
        for service in CANDIDATES {
            let (status, body) = get(
                addr,
                &token,
                &format!("/api/v1/systems/{id}/coverage?service={service}"),
            )
            .await;
            assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
            let view: Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(view["risks"].as_array().unwrap().len(), 21);
            assert_eq!(view["checklists"]["sla"]["answered"], 20);
        }
    })
    .await;
    let comparison = timed(rounds, async || {
        let (status, body) = get(
            addr,
            &token,
            &format!("/api/v1/systems/{id}/comparison?services={services}"),
        )
        .await;
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
        let view: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(view["services"].as_array().unwrap().len(), 4);
    })
    .await;
    let xlsx = timed(export_rounds, async || {
        let (status, body) = get(
            addr,
            &token,
            &format!("/api/v1/systems/{id}/comparison/xlsx?services={services}&lang=ja"),
        )
        .await;
        assert_eq!(status, 200);
        assert!(body.starts_with(b"PK"), "a zip archive");
    })
    .await;
    let pdf = timed(export_rounds, async || {
        let (status, body) = get(
            addr,
            &token,
            &format!("/api/v1/systems/{id}/comparison/pdf?services={services}&lang=ja"),
        )
        .await;
        assert_eq!(status, 200);
        assert!(body.starts_with(b"%PDF"), "a PDF");
    })
    .await;

    println!("| measure | runs | median (ms) | p99 (ms) | max (ms) | target | met |");
    println!("|---|---:|---:|---:|---:|---|---|");
    for row in [
        Row {
            measure: "coverage of one system × 4 services (4 requests)".to_owned(),
            times: coverage,
            target: Some((Duration::from_millis(100), "p99 < 100 ms")),
            on_p99: true,
        },
        Row {
            measure: "comparison of the 4 in one request".to_owned(),
            times: comparison,
            target: Some((Duration::from_millis(100), "p99 < 100 ms")),
            on_p99: true,
        },
        Row {
            measure: "comparison as XLSX (ja)".to_owned(),
            times: xlsx,
            target: Some((Duration::from_secs(1), "< 1 s")),
            on_p99: true,
        },
        Row {
            measure: "comparison as PDF (ja)".to_owned(),
            times: pdf,
            target: Some((Duration::from_secs(3), "< 3 s")),
            on_p99: true,
        },
    ] {
        row.print();
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("shinrai-bench-procurement-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
