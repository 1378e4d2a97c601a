//! A small world for access tests: one organisation of each kind (and a second provider), one
//! user per role, each with an API token and a password.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::policy::Member;
use shinrai_domain::registration::AuditBodyStatus;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::audit_body::{
    AuditBodyRecord, AuditorProfile, record_auditor, record_selection,
};
use shinrai_server::auth::password::Passwords;
use shinrai_server::auth::rate_limit::ManualClock;
use shinrai_server::auth::secret;
use shinrai_server::{AppState, Config, WallClock};
use shinrai_store::Store;
use shinrai_store::documents::Batch;
use shinrai_store::model::{ChangeBy, NewApiToken, NewOrganisation, NewUser};

use crate::support::{Answer, send, temporary_store};

/// The password of every user of the world.
pub const PASSWORD: &str = "correct horse battery staple";

/// Who asks: the public, or the user with one role.
pub const ROLES: [&str; 7] = [
    "public",
    "operator_admin",
    "operator_reviewer",
    "provider",
    "auditor",
    "signing_auditor",
    "procurer",
];

pub struct World {
    pub app: Router,
    /// The state behind `app`, for tests that run the service's jobs themselves.
    pub state: AppState,
    /// The server's wall clock, when the world set one by hand (see [`workflow_world`]).
    pub wall: Option<Arc<ManualWall>>,
    /// The clock the sign-in limiter reads; moved by hand.
    pub clock: Arc<ManualClock>,
    pub store: Arc<Store>,
    /// Role → user id.
    pub users: HashMap<&'static str, String>,
    /// Role → API token secret.
    pub tokens: HashMap<&'static str, String>,
}

const ORGS: [(&str, OrgKind); 5] = [
    ("op", OrgKind::Operator),
    ("csp", OrgKind::Provider),
    ("other-csp", OrgKind::Provider),
    ("ab", OrgKind::AuditBody),
    ("gov", OrgKind::Procurer),
];

/// (role, organisation, roles held)
const USERS: [(&str, &str, &[Role]); 7] = [
    ("operator_admin", "op", &[Role::OperatorAdmin]),
    ("operator_reviewer", "op", &[Role::OperatorReviewer]),
    ("provider", "csp", &[Role::Provider]),
    ("auditor", "ab", &[Role::Auditor]),
    (
        "signing_auditor",
        "ab",
        &[Role::Auditor, Role::SigningAuditor],
    ),
    ("procurer", "gov", &[Role::Procurer]),
    ("other_provider", "other-csp", &[Role::Provider]),
];

/// Hashing at the smallest cost keeps the tests fast; the production cost is tested in the
/// password module.
pub fn cheap_passwords() -> Arc<Passwords> {
    Arc::new(Passwords::with_cost(8, 1, 1).expect("valid cost"))
}

pub async fn world() -> World {
    world_with(Config::default()).await
}

pub async fn world_with(config: Config) -> World {
    built(config, None).await
}

/// The server's wall clock, moved by hand.
#[derive(Debug)]
pub struct ManualWall(pub AtomicI64);

impl WallClock for ManualWall {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

impl ManualWall {
    pub fn set(&self, at_ms: i64) {
        self.0.store(at_ms, Ordering::SeqCst);
    }
}

/// 2026-06-01T00:00:00Z: the day the workflow world's clock shows (09:00 in Tokyo).
pub const WORKFLOW_DAY_MS: i64 = 1_780_272_000_000;

/// The world for the scheme's workflow: the clock set to [`WORKFLOW_DAY_MS`], the audit body
/// `ab` selected from 2025-04-01 to 2028-03-31, the profiles of its `auditor` (who may not
/// sign) and `signing_auditor` (CISA, 5 years, Japanese), and a second operator
/// administrator, `second_admin`, for the four eyes. The demo criteria are published.
pub async fn workflow_world() -> World {
    workflow_world_with(Config::default()).await
}

/// As [`workflow_world`], with the service's settings.
pub async fn workflow_world_with(config: Config) -> World {
    let wall = Arc::new(ManualWall(AtomicI64::new(WORKFLOW_DAY_MS)));
    let mut world = built(config, Some(wall)).await;
    let system = ChangeBy::system(2_000);
    let passwords = cheap_passwords();
    let id = "user-second_admin".to_owned();
    world
        .store
        .create_user(
            &NewUser {
                id: id.clone(),
                org_id: "op".to_owned(),
                login: "second-admin".to_owned(),
                display_name: "second admin".to_owned(),
                roles: vec![Role::OperatorAdmin],
                password_hash: passwords.hash(PASSWORD).expect("hash"),
            },
            &system,
        )
        .await
        .expect("second administrator");
    let issued = secret::new_api_token();
    world
        .store
        .create_token(
            &NewApiToken {
                id: "token-second_admin".to_owned(),
                user_id: id.clone(),
                name: "tests".to_owned(),
                secret_hash: issued.digest,
                expires_at_ms: now_ms() + 30 * DAY_MS,
            },
            &system,
        )
        .await
        .expect("token");
    world.users.insert("second_admin", id);
    world.tokens.insert("second_admin", issued.value);

    let admin = Member {
        user_id: world.users["operator_admin"].clone(),
        org_id: "op".to_owned(),
        org_kind: OrgKind::Operator,
        roles: vec![Role::OperatorAdmin],
    };
    let at = Moment::at(WORKFLOW_DAY_MS - DAY_MS);
    let day = |text: &str| CalendarDate::parse(text).expect("date");
    let selection = record_selection(
        AuditBodyRecord {
            org: "ab".to_owned(),
            status: AuditBodyStatus::Selected,
            valid_from: day("2025-04-01"),
            valid_until: day("2028-03-31"),
            measures: Vec::new(),
            status_reports: Vec::new(),
        },
        None,
        &admin,
        at,
    )
    .expect("selection");
    let mut batch = Batch::new().create(&selection).expect("batch");
    for (role, may_sign, name) in [
        (
            "auditor",
            false,
            Bilingual::new("監査 一郎", "Ichiro Kansa"),
        ),
        (
            "signing_auditor",
            true,
            Bilingual::new("署名 花子", "Hanako Shomei"),
        ),
    ] {
        let profile = record_auditor(
            AuditorProfile {
                user: world.users[role].clone(),
                org: "ab".to_owned(),
                name,
                qualifications: vec!["CISA".to_owned()],
                experience_years: 5,
                nationality: "JP".to_owned(),
                may_sign,
            },
            &admin,
            at,
        )
        .expect("auditor profile");
        batch = batch.create(&profile).expect("batch");
    }
    world.store.commit(batch).await.expect("audit body records");
    world
}

async fn built(config: Config, wall: Option<Arc<ManualWall>>) -> World {
    let store = temporary_store().await;
    let system = ChangeBy::system(1_000);
    for (id, kind) in ORGS {
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
            .expect("organisation");
    }
    let passwords = cheap_passwords();
    let mut users = HashMap::new();
    let mut tokens = HashMap::new();
    for (role, org, held) in USERS {
        let id = format!("user-{role}");
        store
            .create_user(
                &NewUser {
                    id: id.clone(),
                    org_id: org.to_owned(),
                    login: role.replace('_', "-"),
                    display_name: format!("{role} user"),
                    roles: held.to_vec(),
                    password_hash: passwords.hash(PASSWORD).expect("hash"),
                },
                &system,
            )
            .await
            .expect("user");
        let issued = secret::new_api_token();
        store
            .create_token(
                &NewApiToken {
                    id: format!("token-{role}"),
                    user_id: id.clone(),
                    name: "tests".to_owned(),
                    secret_hash: issued.digest,
                    expires_at_ms: now_ms() + 30 * DAY_MS,
                },
                &system,
            )
            .await
            .expect("token");
        users.insert(role, id);
        tokens.insert(role, issued.value);
    }
    store
        .create_criteria(
            &shinrai_domain::criteria::demo::demo_criteria().expect("demo criteria"),
            &system,
        )
        .await
        .expect("criteria");
    store
        .create_criteria(
            &shinrai_domain::criteria::demo::demo_next_draft().expect("draft criteria"),
            &system,
        )
        .await
        .expect("draft criteria");
    // The demo registry, with the organisations it names.
    let registry = shinrai_domain::registry::demo::demo_registry().expect("demo registry");
    for (id, kind, name) in shinrai_testdata::registry::demo_registry_organisations(&registry) {
        store
            .create_organisation(&NewOrganisation { id, kind, name }, &system)
            .await
            .expect("registry organisation");
    }
    store
        .create_registry_entries(&registry.entries, &system)
        .await
        .expect("registry");
    let clock = Arc::new(ManualClock::default());
    let mut state = AppState::with_clock(&config, store.clone(), clock.clone());
    state.passwords = passwords;
    if let Some(wall) = &wall {
        state.wall = wall.clone();
    }
    World {
        app: shinrai_server::router(state.clone()),
        state,
        wall,
        clock,
        store,
        users,
        tokens,
    }
}

pub const DAY_MS: i64 = 24 * 3600 * 1000;

/// The wall clock, as the service reads it.
pub fn now_ms() -> i64 {
    i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis(),
    )
    .unwrap()
}

/// A browser session: its cookie (`name=value`) and anti-forgery token.
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

impl World {
    /// A request as `role` (by API token; `public` sends none).
    pub async fn call(&self, role: &str, method: &str, uri: &str, body: Option<&str>) -> Answer {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(token) = self.tokens.get(role) {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        let request = match body {
            Some(body) => request
                .header("content-type", "application/json")
                .body(Body::from(body.to_owned())),
            None => request.body(Body::empty()),
        };
        send(&self.app, request.expect("request")).await
    }

    /// Signs `role` in with the password, as a browser does.
    pub async fn session(&self, role: &str) -> Session {
        let body = serde_json::json!({"login": role.replace('_', "-"), "password": PASSWORD});
        let answer = send(
            &self.app,
            Request::post("/api/v1/session")
                .header("content-type", "application/json")
                .body(Body::from(body.to_string()))
                .expect("request"),
        )
        .await;
        assert_eq!(answer.status, 200, "sign in as {role}");
        let cookie = answer
            .header("set-cookie")
            .and_then(|set| set.split(';').next())
            .expect("a session cookie")
            .to_owned();
        let csrf = answer.json()["csrf_token"]
            .as_str()
            .expect("csrf token")
            .to_owned();
        Session { cookie, csrf }
    }

    /// A request in a browser session, with its anti-forgery token.
    pub async fn call_in(
        &self,
        session: &Session,
        method: &str,
        uri: &str,
        body: Option<&str>,
    ) -> Answer {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header("cookie", &session.cookie)
            .header("x-csrf-token", &session.csrf);
        let request = match body {
            Some(body) => request
                .header("content-type", "application/json")
                .body(Body::from(body.to_owned())),
            None => request.body(Body::empty()),
        };
        send(&self.app, request.expect("request")).await
    }

    /// A request as `role` with a body of the given media type.
    pub async fn upload(&self, role: &str, uri: &str, media_type: &str, body: Vec<u8>) -> Answer {
        let mut request = Request::builder()
            .method("POST")
            .uri(uri)
            .header("content-type", media_type);
        if let Some(token) = self.tokens.get(role) {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        send(&self.app, request.body(Body::from(body)).expect("request")).await
    }
}
