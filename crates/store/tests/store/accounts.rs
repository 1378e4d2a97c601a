//! Organisations, users, sessions, tokens and blobs, on both engines.

use bytes::Bytes;
use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::text::Bilingual;
use shinrai_store::StoreError;
use shinrai_store::model::{ChangeBy, NewApiToken, NewOrganisation, NewUser, Session};

use crate::engines::TestStore;

pub fn by(at_ms: i64) -> ChangeBy {
    ChangeBy {
        actor: "admin-1".to_owned(),
        org: "op".to_owned(),
        at_ms,
    }
}

pub async fn seed(test: &TestStore) {
    let store = &test.store;
    store
        .create_organisation(
            &NewOrganisation {
                id: "op".into(),
                kind: OrgKind::Operator,
                name: Bilingual::new("制度所管", "Scheme operator"),
            },
            &ChangeBy::system(1_000),
        )
        .await
        .unwrap();
    store
        .create_user(
            &NewUser {
                id: "admin-1".into(),
                org_id: "op".into(),
                login: "admin".into(),
                display_name: "管理者".into(),
                roles: vec![
                    Role::OperatorAdmin,
                    Role::OperatorReviewer,
                    Role::OperatorAdmin,
                ],
                password_hash: "$argon2id$test".into(),
            },
            &ChangeBy::system(1_001),
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn organisations_and_users() {
    for test in TestStore::both().await {
        seed(&test).await;
        let store = &test.store;
        assert_eq!(
            store.organisation_count().await.unwrap(),
            1,
            "{}",
            test.engine
        );
        let duplicate = store
            .create_organisation(
                &NewOrganisation {
                    id: "op".into(),
                    kind: OrgKind::Provider,
                    name: Bilingual::new("x", "x"),
                },
                &by(2_000),
            )
            .await;
        assert!(
            matches!(duplicate, Err(StoreError::Conflict { .. })),
            "{}",
            test.engine
        );
        let user = store.user("admin-1").await.unwrap().unwrap();
        assert_eq!(
            user.roles,
            vec![Role::OperatorAdmin, Role::OperatorReviewer],
            "roles sorted and once each"
        );
        assert_eq!(user.display_name, "管理者");
        let (found, hash) = store.user_for_login("admin").await.unwrap().unwrap();
        assert_eq!(found, user);
        assert_eq!(hash, "$argon2id$test");
        let same_login = store
            .create_user(
                &NewUser {
                    id: "other".into(),
                    org_id: "op".into(),
                    login: "admin".into(),
                    display_name: "x".into(),
                    roles: vec![Role::OperatorReviewer],
                    password_hash: "h".into(),
                },
                &by(2_001),
            )
            .await;
        assert!(matches!(same_login, Err(StoreError::Conflict { .. })));
        let no_org = store
            .create_user(
                &NewUser {
                    id: "x".into(),
                    org_id: "nowhere".into(),
                    login: "nobody".into(),
                    display_name: "x".into(),
                    roles: vec![Role::Provider],
                    password_hash: "h".into(),
                },
                &by(2_002),
            )
            .await;
        assert!(matches!(no_org, Err(StoreError::NotFound { .. })));
        let principal = store.principal("admin-1").await.unwrap().unwrap();
        assert_eq!(principal.org_kind, OrgKind::Operator);
        assert_eq!(store.users(Some("op")).await.unwrap().len(), 1);
        assert!(store.users(Some("elsewhere")).await.unwrap().is_empty());
        test.finish().await;
    }
}

#[tokio::test]
async fn sessions_expire_and_end_with_a_disabled_user() {
    for test in TestStore::both().await {
        seed(&test).await;
        let store = &test.store;
        let session = Session {
            secret_hash: "s1".into(),
            user_id: "admin-1".into(),
            csrf_token: "c1".into(),
            created_at_ms: 10_000,
            expires_at_ms: 20_000,
        };
        store.create_session(&session, &by(10_000)).await.unwrap();
        let (live, principal) = store.live_session("s1", 15_000).await.unwrap().unwrap();
        assert_eq!(live, session);
        assert_eq!(principal.user.id, "admin-1");
        assert!(
            store.live_session("s1", 20_000).await.unwrap().is_none(),
            "expired"
        );
        assert!(store.live_session("nope", 15_000).await.unwrap().is_none());
        store
            .set_user_disabled("admin-1", true, &by(16_000))
            .await
            .unwrap();
        assert!(
            store.live_session("s1", 15_000).await.unwrap().is_none(),
            "disabling ends sessions"
        );
        assert!(store.user("admin-1").await.unwrap().unwrap().disabled);
        assert!(matches!(
            store.set_user_disabled("ghost", true, &by(16_001)).await,
            Err(StoreError::NotFound { .. })
        ));
        store
            .set_user_disabled("admin-1", false, &by(17_000))
            .await
            .unwrap();
        store
            .create_session(
                &Session {
                    secret_hash: "s2".into(),
                    ..session.clone()
                },
                &by(17_001),
            )
            .await
            .unwrap();
        store
            .end_session("s2", "admin-1", &by(17_002))
            .await
            .unwrap();
        assert!(
            store.live_session("s2", 17_003).await.unwrap().is_none(),
            "signed out"
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn tokens_work_until_revoked() {
    for test in TestStore::both().await {
        seed(&test).await;
        let store = &test.store;
        let token = store
            .create_token(
                &NewApiToken {
                    id: "t1".into(),
                    user_id: "admin-1".into(),
                    name: "nightly export".into(),
                    secret_hash: "secret-hash".into(),
                    expires_at_ms: 10_000_000,
                },
                &by(30_000),
            )
            .await
            .unwrap();
        assert_eq!(token.name, "nightly export");
        assert_eq!(token.expires_at_ms, 10_000_000);
        let (used, principal) = store
            .principal_for_token("secret-hash", 31_000)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(used.id, "t1");
        assert_eq!(principal.user.login, "admin");
        assert_eq!(
            store.token("t1").await.unwrap().unwrap().last_used_at_ms,
            Some(31_000)
        );
        store.revoke_token("t1", &by(32_000)).await.unwrap();
        assert!(
            store
                .principal_for_token("secret-hash", 33_000)
                .await
                .unwrap()
                .is_none()
        );
        assert!(matches!(
            store.revoke_token("t1", &by(34_000)).await,
            Err(StoreError::NotFound { .. })
        ));
        assert_eq!(
            store.tokens("admin-1").await.unwrap()[0].revoked_at_ms,
            Some(32_000)
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn tokens_stop_working_when_they_expire() {
    for test in TestStore::both().await {
        seed(&test).await;
        let store = &test.store;
        store
            .create_token(
                &NewApiToken {
                    id: "t-short".into(),
                    user_id: "admin-1".into(),
                    name: "one day".into(),
                    secret_hash: "short-hash".into(),
                    expires_at_ms: 50_000,
                },
                &by(30_000),
            )
            .await
            .unwrap();
        let listed = store.tokens("admin-1").await.unwrap();
        assert_eq!(listed[0].expires_at_ms, 50_000, "{}", test.engine);
        assert_eq!(
            store.token("t-short").await.unwrap().unwrap().expires_at_ms,
            50_000
        );
        assert!(
            store
                .principal_for_token("short-hash", 49_999)
                .await
                .unwrap()
                .is_some(),
            "{}: works until its expiry",
            test.engine
        );
        for at in [50_000, 50_001, i64::MAX] {
            assert!(
                store
                    .principal_for_token("short-hash", at)
                    .await
                    .unwrap()
                    .is_none(),
                "{}: refused from its expiry on ({at})",
                test.engine
            );
        }
        // The log says when the token expires.
        let events = store.events_after(0, 1000, false).await.unwrap();
        let created = events
            .iter()
            .find(|e| e.action == "token.create" && e.subject == "t-short")
            .unwrap();
        let payload: serde_json::Value = serde_json::from_str(&created.payload).unwrap();
        assert_eq!(payload["expires_at_ms"], 50_000, "{}", test.engine);
        test.finish().await;
    }
}

/// The migrations of `engine` up to and including `last`, copied to a folder of their own.
fn migrations_until(engine: &str, last: &str) -> std::path::PathBuf {
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(engine);
    let target = crate::engines::scratch_dir("migrations");
    std::fs::create_dir_all(&target).unwrap();
    for entry in std::fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name.as_str() <= last {
            std::fs::copy(&path, target.join(&name)).unwrap();
        }
    }
    target
}

const BEFORE_EXPIRY: [&str; 3] = [
    "INSERT INTO organisations (id, kind, name_ja, name_en, created_at_ms) VALUES ('op', 'operator', '運営', 'Operator', 1000)",
    "INSERT INTO users (id, org_id, login, display_name, password_hash, disabled, created_at_ms) VALUES ('u1', 'op', 'admin', 'Admin', 'x', FALSE, 1000)",
    "INSERT INTO api_tokens (id, user_id, name, secret_hash, created_at_ms) VALUES ('old', 'u1', 'old script', 'old-hash', 2000)",
];

#[tokio::test]
async fn tokens_made_before_tokens_expired_get_the_longest_lifetime_from_their_creation() {
    use shinrai_store::model::TOKEN_LIFETIME_BEFORE_EXPIRY_MS;
    use shinrai_store::{Store, StoreConfig};
    use sqlx::Connection;
    let year = 365 * 24 * 3600 * 1000_i64;
    assert_eq!(TOKEN_LIFETIME_BEFORE_EXPIRY_MS, year);

    // SQLite: a database as it was at migration 0004, with a token, then opened by the store.
    let data_dir = crate::engines::scratch_dir("sqlite-0004");
    std::fs::create_dir_all(&data_dir).unwrap();
    let file = data_dir.join("shinrai.db");
    {
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&file)
            .create_if_missing(true);
        let mut connection = sqlx::SqliteConnection::connect_with(&options)
            .await
            .unwrap();
        let migrator = sqlx::migrate::Migrator::new(migrations_until("sqlite", "0004_zzz"))
            .await
            .unwrap();
        migrator.run(&mut connection).await.unwrap();
        for statement in BEFORE_EXPIRY {
            sqlx::query(statement)
                .execute(&mut connection)
                .await
                .unwrap();
        }
        connection.close().await.unwrap();
    }
    let config = StoreConfig {
        data_dir: data_dir.clone(),
        database_url: None,
        checkpoint_every: 5,
    };
    let sqlite = Store::open(&config).await.unwrap();

    // PostgreSQL: the same.
    let (pg_config, url, name) = crate::engines::empty_postgres().await;
    {
        let mut connection = sqlx::PgConnection::connect(&url).await.unwrap();
        let migrator = sqlx::migrate::Migrator::new(migrations_until("postgres", "0004_zzz"))
            .await
            .unwrap();
        migrator.run(&mut connection).await.unwrap();
        for statement in BEFORE_EXPIRY {
            sqlx::query(statement)
                .execute(&mut connection)
                .await
                .unwrap();
        }
        connection.close().await.unwrap();
    }
    let postgres = Store::open(&pg_config).await.unwrap();

    for store in [&sqlite, &postgres] {
        let token = store.token("old").await.unwrap().unwrap();
        assert_eq!(token.expires_at_ms, 2000 + year, "{}", store.engine());
        assert!(
            store
                .principal_for_token("old-hash", 2000 + year - 1)
                .await
                .unwrap()
                .is_some()
        );
        assert!(
            store
                .principal_for_token("old-hash", 2000 + year)
                .await
                .unwrap()
                .is_none()
        );
    }
    sqlite.close().await;
    postgres.close().await;
    let _ = std::fs::remove_dir_all(&data_dir);
    crate::engines::drop_database(&name).await;
}

#[tokio::test]
async fn blobs_are_stored_once_and_checked_on_read() {
    for test in TestStore::both().await {
        seed(&test).await;
        let store = &test.store;
        let content = Bytes::from_static("証跡: backup restore test record 2026-02-10".as_bytes());
        let info = store
            .put_blob(content.clone(), "text/plain", &by(40_000))
            .await
            .unwrap();
        assert_eq!(info.size, content.len() as u64);
        let (head_before, _) = store.log_head().await.unwrap();
        let again = store
            .put_blob(content.clone(), "text/plain", &by(40_001))
            .await
            .unwrap();
        assert_eq!(again, info, "the same content is the same blob");
        assert_eq!(
            store.log_head().await.unwrap().0,
            head_before,
            "and logs nothing new"
        );
        let (read_info, bytes) = store.blob(&info.sha256).await.unwrap().unwrap();
        assert_eq!((read_info, bytes), (info.clone(), content));
        assert!(store.blob(&"0".repeat(64)).await.unwrap().is_none());
        // Damage the file behind the store's back: reading it must fail, not return bad bytes.
        let path = test
            .config
            .data_dir
            .join("blobs")
            .join(&info.sha256[..2])
            .join(&info.sha256[2..4])
            .join(&info.sha256);
        std::fs::write(&path, b"altered").unwrap();
        assert!(
            matches!(
                store.blob(&info.sha256).await,
                Err(StoreError::BlobCorrupt { .. })
            ),
            "{}",
            test.engine
        );
        test.finish().await;
    }
}
