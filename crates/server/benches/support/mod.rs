//! What the server's benchmarks share: a world on SQLite with the scheme's parties acting by API
//! token, requests through the whole router, timings and a Markdown row per measure.

#![allow(dead_code)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use serde_json::Value;
use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::criteria::CriteriaVersion;
use shinrai_domain::text::Bilingual;
use shinrai_server::auth::secret;
use shinrai_server::{AppState, Config};
use shinrai_store::model::{ChangeBy, NewApiToken, NewOrganisation, NewUser};
use shinrai_store::{Store, StoreConfig};
use tower::ServiceExt;

pub const DAY_MS: i64 = 86_400_000;

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// Who acts in the bench: (login, organisation, roles).
pub const USERS: [(&str, &str, &[Role]); 6] = [
    ("admin", "op", &[Role::OperatorAdmin]),
    ("admin2", "op", &[Role::OperatorAdmin]),
    ("reviewer", "op", &[Role::OperatorReviewer]),
    ("provider", "csp", &[Role::Provider]),
    ("signer", "ab", &[Role::Auditor, Role::SigningAuditor]),
    ("procurer", "gov", &[Role::Procurer]),
];

pub struct Bench {
    pub app: Router,
    /// The same service, for the measures taken in process (no router, no HTTP).
    pub state: AppState,
    /// Login → API token.
    pub tokens: std::collections::HashMap<&'static str, String>,
}

impl Bench {
    pub async fn send(
        &self,
        who: &str,
        method: &str,
        uri: &str,
        body: Option<&Value>,
    ) -> (u16, Vec<u8>) {
        let mut request = Request::builder()
            .method(method)
            .uri(uri)
            .header("authorization", format!("Bearer {}", self.tokens[who]));
        let body = match body {
            Some(value) => {
                request = request.header("content-type", "application/json");
                Body::from(serde_json::to_vec(value).unwrap())
            }
            None => Body::empty(),
        };
        let response = self
            .app
            .clone()
            .oneshot(request.body(body).unwrap())
            .await
            .unwrap();
        let status = response.status().as_u16();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, bytes.to_vec())
    }

    /// The operator selects the audit body `ab` and records `signer` as its qualified signing
    /// auditor.
    pub async fn select_audit_body(&self) {
        self.json(
            "admin",
            "PUT",
            "/api/v1/audit-bodies/ab/selection",
            Some(&serde_json::json!({"status": "selected", "valid_from": "2025-04-01", "valid_until": "2028-03-31"})),
        )
        .await;
        self.json(
            "admin",
            "PUT",
            "/api/v1/auditors/signer",
            Some(&serde_json::json!({
                "org": "ab",
                "name": {"ja": "署名 監査人", "en": "Signing auditor"},
                "qualifications": ["CISA"],
                "experience_years": 5,
                "nationality": "JP",
                "may_sign": true
            })),
        )
        .await;
    }

    /// A service of `csp` offered as IaaS, PaaS and SaaS, built on nothing; its id.
    pub async fn load_service(&self) -> String {
        let service = self
            .json(
                "provider",
                "POST",
                "/api/v1/services",
                Some(&serde_json::json!({
                    "name": {"ja": "負荷試験クラウド", "en": "Load-test cloud"},
                    "description": {"ja": "ベンチマーク用のサービス", "en": "A service for the benchmark"},
                    "service_models": [
                        {"model": "IaaS", "scope": {"ja": "仮想サーバ", "en": "Virtual servers"}},
                        {"model": "PaaS", "scope": {"ja": "データベース", "en": "Databases"}},
                        {"model": "SaaS", "scope": {"ja": "業務アプリ", "en": "Business applications"}}
                    ],
                    "deployment_models": ["public"],
                    "built_on": [],
                    "underlying_evaluated_in_audit": [],
                    "scope": {"ja": "東京リージョンの全設備", "en": "Every facility of the Tokyo region"}
                })),
            )
            .await;
        service["id"].as_str().unwrap().to_owned()
    }

    /// A request that must succeed; its JSON answer.
    pub async fn json(&self, who: &str, method: &str, uri: &str, body: Option<&Value>) -> Value {
        let (status, bytes) = self.send(who, method, uri, body).await;
        assert!(
            (200..300).contains(&status),
            "{method} {uri}: {status} {}",
            String::from_utf8_lossy(&bytes)
        );
        if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap()
        }
    }

    /// Times `rounds` runs of one request, checking each answer.
    pub async fn time(
        &self,
        rounds: usize,
        who: &str,
        method: &str,
        uri: &str,
        body: Option<&Value>,
        check: impl Fn(u16, &[u8]),
    ) -> Vec<Duration> {
        let mut times = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let started = Instant::now();
            let (status, bytes) = self.send(who, method, uri, body).await;
            times.push(started.elapsed());
            check(status, &bytes);
        }
        times.sort();
        times
    }
}

pub async fn world(dir: &std::path::Path, criteria: &CriteriaVersion) -> Bench {
    let store = Arc::new(
        Store::open(&StoreConfig {
            data_dir: dir.to_path_buf(),
            database_url: None,
            checkpoint_every: 1_000,
        })
        .await
        .unwrap(),
    );
    let system = ChangeBy::system(now_ms());
    for (id, kind) in [
        ("op", OrgKind::Operator),
        ("csp", OrgKind::Provider),
        ("ab", OrgKind::AuditBody),
        ("gov", OrgKind::Procurer),
    ] {
        store
            .create_organisation(
                &NewOrganisation {
                    id: id.to_owned(),
                    kind,
                    name: Bilingual::new(format!("{id} 組織"), format!("{id} organisation")),
                },
                &system,
            )
            .await
            .unwrap();
    }
    let mut tokens = std::collections::HashMap::new();
    for (login, org, roles) in USERS {
        store
            .create_user(
                &NewUser {
                    id: login.to_owned(),
                    org_id: org.to_owned(),
                    login: login.to_owned(),
                    display_name: login.to_owned(),
                    roles: roles.to_vec(),
                    // Nobody signs in with a password here: the bench acts with API tokens.
                    password_hash: String::new(),
                },
                &system,
            )
            .await
            .unwrap();
        let issued = secret::new_api_token();
        store
            .create_token(
                &NewApiToken {
                    id: format!("token-{login}"),
                    user_id: login.to_owned(),
                    name: "bench".to_owned(),
                    secret_hash: issued.digest,
                    expires_at_ms: now_ms() + DAY_MS,
                },
                &system,
            )
            .await
            .unwrap();
        tokens.insert(login, issued.value);
    }
    store.create_criteria(criteria, &system).await.unwrap();
    let config = Config {
        // The bench asks far more often than a person would: no request quota here.
        ..Config::default()
    };
    let state = AppState::new(&config, store);
    let app = shinrai_server::router(state.clone());
    Bench { app, state, tokens }
}

pub struct Row {
    pub measure: String,
    pub times: Vec<Duration>,
    pub target: Option<(Duration, &'static str)>,
    /// Checked on the median for single runs, on p99 otherwise.
    pub on_p99: bool,
}

impl Row {
    pub fn print(&self) {
        let p99 = percentile(&self.times, 99.0);
        let median = percentile(&self.times, 50.0);
        let (target, met) = match self.target {
            Some((limit, text)) => {
                let measured = if self.on_p99 { p99 } else { median };
                (text, if measured < limit { "yes" } else { "NO" })
            }
            None => ("", ""),
        };
        println!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            self.measure,
            self.times.len(),
            ms(median),
            ms(p99),
            ms(*self.times.last().unwrap()),
            target,
            met
        );
    }
}
