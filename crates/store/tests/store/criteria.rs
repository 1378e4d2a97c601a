//! Criteria versions on both engines: stored whole, listed, published once, never changed after,
//! a document edited in the database is noticed when read, and one stored by an earlier release
//! still reads.

use shinrai_domain::criteria::{
    Actor, Control, CriteriaVersion, Group, Part, Reference, Relation, Risk, RiskBand,
    RiskCategory, RiskStage, Status, TechnologyExample,
};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_store::StoreError;

use crate::accounts::{by, seed};
use crate::engines::TestStore;

pub fn sample_criteria(version: &str) -> CriteriaVersion {
    CriteriaVersion {
        version: version.to_owned(),
        title: Bilingual::new("試験用管理基準", "Test criteria"),
        status: Status::Draft,
        published_on: None,
        transition_on: None,
        risks: vec![Risk {
            id: "H07".to_owned(),
            band: RiskBand::High,
            categories: vec![RiskCategory::Loss],
            stages: vec![RiskStage::ProviderSelection, RiskStage::Operation],
            title: Bilingual::new("データの消失", "Data lost"),
            objectives: vec!["12.3.1".to_owned()],
            left_to: Bilingual::new("自ら複製を持つ", "Keep a copy of your own"),
        }],
        groups: vec![Group {
            id: "12.3.1".to_owned(),
            part: Part::Control,
            title: Bilingual::new("バックアップ", "Backup"),
            text: Bilingual::new("データを失わない。", "Lose no data."),
        }],
        controls: vec![Control {
            id: "12.3.1.1".to_owned(),
            part: Part::Control,
            objective: "12.3.1".to_owned(),
            text: Bilingual::new(
                "バックアップを別の地域に保管する。",
                "Keep backups in another region.",
            ),
            mandatory: true,
            actor: Actor::Both,
            min_level: Level::MIDDLE,
            integrity: true,
            availability: true,
            service_models: vec![ServiceModel::IaaS, ServiceModel::SaaS],
            technology_examples: vec![TechnologyExample::new(
                "cross-region-replication",
                "リージョン間複製",
                "Cross-region replication",
            )],
            references: vec![Reference {
                standard: "NIST".to_owned(),
                clause: "CP-9".to_owned(),
                relation: Relation::Intersect,
            }],
        }],
    }
}

#[tokio::test]
async fn versions_are_stored_whole_and_published_once() {
    for test in TestStore::both().await {
        seed(&test).await;
        let store = &test.store;
        let draft = sample_criteria("t-2026");
        let created = store.create_criteria(&draft, &by(60_000)).await.unwrap();
        assert_eq!(created.status, Status::Draft, "{}", test.engine);
        assert_eq!(
            store.criteria("t-2026").await.unwrap().as_ref(),
            Some(&draft)
        );
        assert!(store.criteria("nope").await.unwrap().is_none());
        let again = store.create_criteria(&draft, &by(60_001)).await;
        assert!(
            matches!(again, Err(StoreError::Conflict { .. })),
            "{again:?}"
        );

        let day = CalendarDate::new(2026, 11, 23).unwrap();
        let published = store
            .publish_criteria("t-2026", day, None, &by(60_002))
            .await
            .unwrap();
        assert_eq!(published.status, Status::Published);
        assert_eq!(published.published_on.as_deref(), Some("2026-11-23"));
        assert_eq!(published.created_at_ms, 60_000);
        let stored = store.criteria("t-2026").await.unwrap().unwrap();
        assert_eq!(stored.published_on, Some(day));
        assert_eq!(stored.controls, draft.controls);

        let twice = store
            .publish_criteria("t-2026", day, None, &by(60_003))
            .await;
        assert!(
            matches!(twice, Err(StoreError::Unchangeable { .. })),
            "{twice:?}"
        );
        let missing = store.publish_criteria("nope", day, None, &by(60_004)).await;
        assert!(
            matches!(missing, Err(StoreError::NotFound { .. })),
            "{missing:?}"
        );

        store
            .create_criteria(&sample_criteria("t-2027"), &by(60_005))
            .await
            .unwrap();
        let listed: Vec<(String, Status)> = store
            .criteria_list()
            .await
            .unwrap()
            .into_iter()
            .map(|s| (s.version, s.status))
            .collect();
        assert_eq!(
            listed,
            vec![
                ("t-2026".to_owned(), Status::Published),
                ("t-2027".to_owned(), Status::Draft)
            ]
        );
        let actions: Vec<String> = store
            .events_after(0, 100, true)
            .await
            .unwrap()
            .into_iter()
            .map(|e| format!("{} {}", e.action, e.subject))
            .filter(|a| a.starts_with("criteria"))
            .collect();
        // A visibility is recorded as of the writing: both versions were drafts when created,
        // so only the publication was public then (readers get the rule of the moment, see
        // `shinrai_domain::log_audience`).
        assert_eq!(actions, vec!["criteria.publish t-2026"]);
        test.finish().await;
    }
}

#[tokio::test]
async fn a_document_edited_in_the_database_is_refused_when_read() {
    for test in TestStore::both().await {
        seed(&test).await;
        test.store
            .create_criteria(&sample_criteria("t-2026"), &by(61_000))
            .await
            .unwrap();
        test.tamper("UPDATE criteria_versions SET document = REPLACE(document, 'another region', 'the same rack')")
            .await;
        let read = test.store.criteria("t-2026").await;
        assert!(
            matches!(&read, Err(StoreError::Corrupt(detail)) if detail.contains("hashes to")),
            "{}: {read:?}",
            test.engine
        );
        test.finish().await;
    }
}

/// A version as releases before examples had ids stored it: `examples` as free text.
const EARLIER_DOCUMENT: &str = r#"{"version":"t-2025","title":{"ja":"旧管理基準","en":"Earlier criteria"},"status":"draft","published_on":null,"groups":[{"id":"12.3.1","part":"control","title":{"ja":"バックアップ","en":"Backup"},"text":{"ja":"データを失わない。","en":"Lose no data."}}],"controls":[{"id":"12.3.1.1","part":"control","objective":"12.3.1","text":{"ja":"バックアップを別の地域に保管する。","en":"Keep backups in another region."},"mandatory":true,"actor":"both","min_level":2,"integrity":true,"availability":true,"service_models":["IaaS","SaaS"],"examples":{"ja":"リージョン間複製\nオブジェクトロック","en":"Cross-region replication\nObject lock"},"references":[{"standard":"NIST","clause":"CP-9","relation":"intersect"}]}]}"#;

#[tokio::test]
async fn a_document_stored_by_an_earlier_release_reads_with_numbered_examples() {
    use sha2::{Digest, Sha256};
    let sha256 = hex::encode(Sha256::digest(EARLIER_DOCUMENT.as_bytes()));
    for test in TestStore::both().await {
        seed(&test).await;
        let store = &test.store;
        let mut draft = sample_criteria("t-2025");
        draft.title = Bilingual::new("旧管理基準", "Earlier criteria");
        store.create_criteria(&draft, &by(62_000)).await.unwrap();
        // As an installation of an earlier release holds it: the old text with its own hash.
        test.tamper(&format!(
            "UPDATE criteria_versions SET document = '{EARLIER_DOCUMENT}', document_sha256 = '{sha256}' WHERE version = 't-2025'"
        ))
        .await;

        let (summary, read) = store
            .criteria_with_summary("t-2025")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(summary.document_sha256, sha256, "{}", test.engine);
        let control = &read.controls[0];
        assert_eq!(
            control.technology_examples,
            vec![
                TechnologyExample::new("ex1", "リージョン間複製", "Cross-region replication"),
                TechnologyExample::new("ex2", "オブジェクトロック", "Object lock"),
            ]
        );
        assert_eq!(control.min_level, Level::MIDDLE);
        assert_eq!(read.controls[0].references, draft.controls[0].references);

        // Publishing such a draft writes it anew, in today's shape, with the examples kept.
        let day = CalendarDate::new(2026, 4, 1).unwrap();
        let published = store
            .publish_criteria("t-2025", day, None, &by(62_001))
            .await
            .unwrap();
        assert_ne!(published.document_sha256, sha256);
        let again = store.criteria("t-2025").await.unwrap().unwrap();
        assert_eq!(
            again.controls[0].technology_examples,
            control.technology_examples
        );
        test.finish().await;
    }
}
