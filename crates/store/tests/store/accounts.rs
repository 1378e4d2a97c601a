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
                },
                &by(30_000),
            )
            .await
            .unwrap();
        assert_eq!(token.name, "nightly export");
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
