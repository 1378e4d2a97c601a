//! Statement editor benchmarks on a statement of 1,200 detailed controls, through the whole
//! router on SQLite (routing, the provider's token, loading the statement and its criteria, the
//! pre-check, rendering): one objective's page, the overview, and saving one objective's form
//! followed by reading its page again (post, redirect, get).
//!
//!     cargo bench -p shinrai-server --bench statement_editor            # full run
//!     cargo bench -p shinrai-server --bench statement_editor -- --quick # smoke run
//!
//! Prints Markdown.

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

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::criteria::Part;
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::{service, statement};
use shinrai_server::auth::secret;
use shinrai_server::{AppState, Config};
use shinrai_store::documents::Batch;
use shinrai_store::model::{ChangeBy, NewApiToken, NewOrganisation, NewUser};
use shinrai_store::{Store, StoreConfig};
use shinrai_testdata::statement::{full_statement, large_criteria};
use shinrai_testdata::workflow::{at, details, provider};
use tower::ServiceExt;

const CONTROLS: usize = 1_200;
const LEVEL: Level = Level::HIGH;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn row(name: &str, times: &mut [Duration]) -> String {
    times.sort();
    format!(
        "| {name} | {} | {} | {} | {} |",
        times.len(),
        ms(percentile(times, 50.0)),
        ms(percentile(times, 99.0)),
        ms(*times.last().unwrap())
    )
}

/// A store holding the provider `csp` with a token, the large criteria, and a service whose
/// draft statement answers every applicable control; answers the store, its folder, the token
/// and the statement's id.
async fn world() -> (Arc<Store>, PathBuf, String, String) {
    let dir = std::env::temp_dir().join(format!("shinrai-bench-editor-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = Arc::new(
        Store::open(&StoreConfig {
            data_dir: dir.clone(),
            database_url: None,
            checkpoint_every: 100,
        })
        .await
        .unwrap(),
    );
    let system = ChangeBy::system(1_000);
    let member = provider();
    store
        .create_organisation(
            &NewOrganisation {
                id: member.org_id.clone(),
                kind: OrgKind::Provider,
                name: Bilingual::new("試験事業者", "Test provider"),
            },
            &system,
        )
        .await
        .unwrap();
    store
        .create_user(
            &NewUser {
                id: member.user_id.clone(),
                org_id: member.org_id.clone(),
                login: "bench-provider".to_owned(),
                display_name: "bench provider".to_owned(),
                roles: vec![Role::Provider],
                password_hash: "unused".to_owned(),
            },
            &system,
        )
        .await
        .unwrap();
    let token = secret::new_api_token();
    store
        .create_token(
            &NewApiToken {
                id: "token-bench".to_owned(),
                user_id: member.user_id.clone(),
                name: "bench".to_owned(),
                secret_hash: token.digest,
                expires_at_ms: i64::MAX / 2,
            },
            &system,
        )
        .await
        .unwrap();
    let criteria = large_criteria("large-1200", CONTROLS, 7);
    store.create_criteria(&criteria, &system).await.unwrap();
    let mut described = details();
    described.service_models = ServiceModel::ALL
        .into_iter()
        .map(|model| shinrai_domain::registry::ModelScope {
            model,
            scope: Bilingual::new("全体", "all of it"),
        })
        .collect();
    let created = service::create("svc-bench".to_owned(), described, &member, at(1)).unwrap();
    let started = statement::start(
        "svc-bench-v1".to_owned(),
        &created.state,
        None,
        &criteria,
        LEVEL,
        &member,
        at(2),
    )
    .unwrap();
    let content = full_statement(&criteria, LEVEL, &ServiceModel::ALL, 11);
    let saved =
        statement::replace(&started.state, &criteria, LEVEL, content, &member, at(3)).unwrap();
    store
        .commit(
            Batch::new()
                .create(&created)
                .unwrap()
                .create(&started)
                .unwrap()
                .update(&saved, 1)
                .unwrap(),
        )
        .await
        .unwrap();
    (store, dir, token.value, saved.state.id)
}

async fn get(app: &Router, token: &str, uri: &str) -> String {
    let response = app
        .clone()
        .oneshot(
            Request::get(uri)
                .header("authorization", format!("Bearer {token}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    assert_eq!(status, 200, "{uri}");
    String::from_utf8(body.to_vec()).unwrap()
}

async fn post(app: &Router, token: &str, uri: &str, form: String) -> String {
    let response = app
        .clone()
        .oneshot(
            Request::post(uri)
                .header("authorization", format!("Bearer {token}"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(form))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "{uri}");
    response.headers()["location"].to_str().unwrap().to_owned()
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The revision a page's form carries.
fn revision(html: &str) -> String {
    let marker = "name=\"revision\" value=\"";
    let start = html.find(marker).unwrap() + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let (store, dir, token, id) = world().await;
    let app = shinrai_server::router(AppState::new(&Config::default(), store.clone()));
    let criteria = large_criteria("large-1200", CONTROLS, 7);
    let objectives: Vec<String> = criteria
        .groups
        .iter()
        .filter(|group| group.part == Part::Control)
        .map(|group| group.id.clone())
        .collect();
    let rounds = if quick { 5 } else { 200 };

    let mut pages = Vec::new();
    for round in 0..rounds {
        let objective = &objectives[round % objectives.len()];
        let uri = format!("/statements/{id}/objectives/{objective}?lang=en");
        let started = Instant::now();
        let html = get(&app, &token, &uri).await;
        pages.push(started.elapsed());
        assert!(html.contains("name=\"state|"), "{uri} has no control");
    }

    let mut overviews = Vec::new();
    for _ in 0..rounds.min(50) {
        let started = Instant::now();
        let html = get(&app, &token, &format!("/statements/{id}?lang=ja")).await;
        overviews.push(started.elapsed());
        assert!(html.contains("/objectives/"));
    }

    // Each save changes one individual control of the objective, so the content really
    // changes, and reads the page the redirect leads to.
    let mut saves = Vec::new();
    for round in 0..rounds.min(100) {
        let objective = &objectives[round % objectives.len()];
        let uri = format!("/statements/{id}/objectives/{objective}?lang=en");
        let html = get(&app, &token, &uri).await;
        let stored = store.statement(&id).await.unwrap().unwrap().value;
        let mut form = vec![format!("revision={}", revision(&html))];
        for control in criteria
            .controls
            .iter()
            .filter(|c| &c.objective == objective && c.applies(LEVEL, &ServiceModel::ALL))
        {
            let name = |what: &str| encode(&format!("{what}|{}", control.id));
            if let Some(selected) = stored.content.selected(&control.id) {
                form.push(format!("{}=selected", name("state")));
                form.push(format!(
                    "{}={}",
                    name("individual_ja"),
                    encode(&selected.individual_control.ja)
                ));
                form.push(format!(
                    "{}={}",
                    name("individual_en"),
                    encode(&format!("{} ({round})", selected.individual_control.en))
                ));
                form.push(format!(
                    "{}={}",
                    name("responsibility"),
                    selected.responsibility.code()
                ));
                for technology in &selected.technologies {
                    let field = if control.technology_example(technology).is_some() {
                        "example"
                    } else {
                        "other"
                    };
                    form.push(format!("{}={}", name(field), encode(technology)));
                }
                form.push(format!(
                    "{}={}",
                    name("rationale_en"),
                    encode(&selected.rationale.en)
                ));
                form.push(format!(
                    "{}={}",
                    name("rationale_ja"),
                    encode(&selected.rationale.ja)
                ));
            } else if let Some(excluded) = stored.content.excluded(&control.id) {
                form.push(format!("{}=excluded", name("state")));
                form.push(format!(
                    "{}={}",
                    name("reason_ja"),
                    encode(&excluded.reason.ja)
                ));
                form.push(format!(
                    "{}={}",
                    name("reason_en"),
                    encode(&excluded.reason.en)
                ));
            }
        }
        let started = Instant::now();
        let location = post(&app, &token, &uri, form.join("&")).await;
        let html = get(&app, &token, &location).await;
        saves.push(started.elapsed());
        assert!(html.contains("Saved."), "{location}");
    }
    let after = store.statement(&id).await.unwrap().unwrap().value;
    assert_eq!(
        after.content.selected.len() + after.content.excluded.len(),
        full_statement(&criteria, LEVEL, &ServiceModel::ALL, 11)
            .selected
            .len()
            + full_statement(&criteria, LEVEL, &ServiceModel::ALL, 11)
                .excluded
                .len(),
        "a save lost or added answers"
    );

    println!(
        "### Statement editor on {CONTROLS} controls (`cargo bench -p shinrai-server --bench statement_editor`)\n"
    );
    println!("| Measure (ms) | Runs | p50 | p99 | max |");
    println!("|---|---:|---:|---:|---:|");
    println!("{}", row("one objective's page", &mut pages));
    println!(
        "{}",
        row(
            "overview (progress of every objective, pre-check)",
            &mut overviews
        )
    );
    println!(
        "{}",
        row("save one objective, then read its page", &mut saves)
    );
    drop(app);
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}
