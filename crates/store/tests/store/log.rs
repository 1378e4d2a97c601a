//! The tamper-evident log on both engines: every change is logged, checkpoints are signed, and
//! editing, deleting, moving or inserting events directly in the database is found.

use std::sync::Arc;

use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::log_chain::{Break, Visibility};
use shinrai_domain::text::Bilingual;
use shinrai_store::model::{NewOrganisation, NewUser};

use crate::accounts::{by, seed};
use crate::engines::TestStore;

/// Seeds, then adds users until the log holds `events` events.
async fn grow(test: &TestStore, events: u64) {
    seed(test).await;
    let mut n = 0;
    while test.store.log_head().await.unwrap().0 < events {
        n += 1;
        test.store
            .create_user(
                &NewUser {
                    id: format!("user-{n}"),
                    org_id: "op".into(),
                    login: format!("user{n}"),
                    display_name: format!("User {n}"),
                    roles: vec![Role::OperatorReviewer],
                    password_hash: "h".into(),
                },
                &by(50_000 + n),
            )
            .await
            .unwrap();
    }
}

/// The chain's verdict; where it holds, the rows must agree with it too.
async fn verify(test: &TestStore) -> Result<u64, Break> {
    let report = test
        .store
        .verify_log(&test.store.verifying_key(), Vec::new())
        .await
        .unwrap();
    if report.chain.is_ok() {
        assert!(report.findings.is_empty(), "{report:?}");
    }
    report.chain.map(|verified| verified.events)
}

#[tokio::test]
async fn every_change_is_logged_and_checkpoints_are_signed() {
    for test in TestStore::both().await {
        grow(&test, 12).await;
        let store = &test.store;
        let events = store.events_after(0, 100, false).await.unwrap();
        assert_eq!(events.len(), 12, "{}", test.engine);
        assert_eq!(events[0].action, "organisation.create");
        // Organisations are listed for the operator's staff only; so is their creation.
        assert_eq!(events[0].visibility, Visibility::Internal);
        assert_eq!(events[1].action, "user.create");
        let public = store.events_after(0, 100, true).await.unwrap();
        assert!(public.is_empty(), "nothing here is public: {public:?}");
        assert_eq!(store.events_after(10, 100, false).await.unwrap().len(), 2);
        assert_eq!(store.events_after(0, 3, false).await.unwrap().len(), 3);
        // Beyond any sequence a database can hold: nothing, not an error.
        assert!(
            store
                .events_after(u64::MAX, 10, false)
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            store
                .events_after(1 << 63, 10, true)
                .await
                .unwrap()
                .is_empty()
        );
        // Checkpoints every 5 events.
        let sizes: Vec<u64> = store
            .checkpoints()
            .await
            .unwrap()
            .iter()
            .map(|c| c.size)
            .collect();
        assert_eq!(sizes, vec![5, 10]);
        assert_eq!(
            store.checkpoint(99_000).await.unwrap().map(|c| c.size),
            Some(12)
        );
        assert_eq!(
            store.checkpoint(99_001).await.unwrap(),
            None,
            "nothing new to sign"
        );
        assert_eq!(verify(&test).await, Ok(12));
        test.finish().await;
    }
}

#[tokio::test]
async fn tampering_in_the_database_is_found_at_the_first_bad_event() {
    let cases: [(&str, &[&str], Break); 5] = [
        (
            "edited payload",
            &["UPDATE log_events SET payload = '{\"id\":\"forged\"}' WHERE seq = 4"],
            Break::PayloadChanged { seq: 4 },
        ),
        (
            "edited field",
            &["UPDATE log_events SET actor = 'someone' WHERE seq = 6"],
            Break::EventChanged { seq: 6 },
        ),
        (
            "deleted",
            &["DELETE FROM log_events WHERE seq = 3"],
            Break::Sequence {
                expected: 3,
                found: 4,
            },
        ),
        (
            "moved",
            &[
                "UPDATE log_events SET seq = -7 WHERE seq = 7",
                "UPDATE log_events SET seq = 7 WHERE seq = 8",
                "UPDATE log_events SET seq = 8 WHERE seq = -7",
            ],
            Break::ChainBroken { seq: 7 },
        ),
        (
            "deleted from the end",
            &["DELETE FROM log_events WHERE seq > 10"],
            Break::LogShorterThanCheckpoint {
                size: 12,
                events: 10,
            },
        ),
    ];
    for (what, statements, expected) in cases {
        for test in TestStore::both().await {
            grow(&test, 12).await;
            test.store.checkpoint(99_000).await.unwrap();
            assert_eq!(verify(&test).await, Ok(12));
            for statement in statements {
                test.tamper(statement).await;
            }
            assert_eq!(
                verify(&test).await,
                Err(expected.clone()),
                "{what} on {}",
                test.engine
            );
            test.finish().await;
        }
    }
}

#[tokio::test]
async fn an_inserted_event_is_found() {
    for test in TestStore::both().await {
        grow(&test, 8).await;
        // Make room at 5 and copy event 4 there with another subject: the chain breaks there.
        test.tamper("UPDATE log_events SET seq = seq + 100 WHERE seq >= 5")
            .await;
        test.tamper("UPDATE log_events SET seq = seq - 99 WHERE seq >= 105")
            .await;
        test.tamper(
            "INSERT INTO log_events (seq, at_ms, actor, org, action, subject, visibility, payload, payload_hash, prev_hash, hash) \
             SELECT 5, at_ms, actor, org, action, 'intruder', visibility, payload, payload_hash, prev_hash, hash FROM log_events WHERE seq = 4",
        )
        .await;
        let found = verify(&test).await.unwrap_err();
        assert_eq!(found.seq(), 5, "{found:?} on {}", test.engine);
        test.finish().await;
    }
}

#[tokio::test]
async fn a_checkpoint_from_elsewhere_catches_a_rewritten_log() {
    for test in TestStore::both().await {
        grow(&test, 5).await;
        test.store
            .record(
                &by(98_000),
                "session.failed",
                "admin",
                Visibility::Internal,
                serde_json::json!({"login": "admin"}),
            )
            .await
            .unwrap();
        let kept = test.store.checkpoint(99_000).await.unwrap().unwrap();
        assert_eq!(kept.size, 6);
        // Someone with database access deletes the last event (one that wrote no row, or the
        // rows would show it) and the checkpoints covering it.
        test.tamper("DELETE FROM log_events WHERE seq = 6").await;
        test.tamper("DELETE FROM log_checkpoints WHERE size >= 6")
            .await;
        assert_eq!(
            verify(&test).await,
            Ok(5),
            "the database alone no longer shows it"
        );
        let with_kept = test
            .store
            .verify_log(&test.store.verifying_key(), vec![kept])
            .await
            .unwrap();
        assert_eq!(
            with_kept.chain,
            Err(Break::LogShorterThanCheckpoint { size: 6, events: 5 })
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn concurrent_writers_keep_one_chain() {
    for test in TestStore::both().await {
        seed(&test).await;
        let store = Arc::new(test.store);
        let mut tasks = Vec::new();
        for worker in 0..8 {
            let store = Arc::clone(&store);
            tasks.push(tokio::spawn(async move {
                for n in 0..10 {
                    store
                        .create_organisation(
                            &NewOrganisation {
                                id: format!("org-{worker}-{n}"),
                                kind: OrgKind::Provider,
                                name: Bilingual::new("事業者", "Provider"),
                            },
                            &by(60_000 + worker * 100 + n),
                        )
                        .await
                        .unwrap();
                }
            }));
        }
        for task in tasks {
            task.await.unwrap();
        }
        let report = store
            .verify_log(&store.verifying_key(), Vec::new())
            .await
            .unwrap();
        assert!(report.intact(), "{report:?}");
        assert_eq!(
            report.chain.unwrap().events,
            82,
            "two seed events and 80 organisations"
        );
        assert_eq!(report.rows_checked["organisations"], 81);
        let test = TestStore {
            store: Arc::into_inner(store).expect("tasks are done"),
            ..test
        };
        test.finish().await;
    }
}
