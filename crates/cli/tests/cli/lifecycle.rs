//! `shinrai lifecycle run`: on a day, the registry's lapsed entries expire and those built on
//! them fall in cascade, each with its notice and log event; a dry run writes nothing; running
//! again changes nothing; the log still accounts for every row.

use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::demo::demo_registry;
use shinrai_domain::registry::{EntryStatus, RegistryEntry};
use shinrai_store::model::ChangeBy;

use crate::service::{DataDir, json, with_dir};
use crate::support::shinrai;

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn entry(id: &str, valid_until: &str, built_on: &[&str]) -> RegistryEntry {
    let mut entry = demo_registry()
        .unwrap()
        .entries
        .into_iter()
        .find(|entry| entry.status == EntryStatus::Registered)
        .unwrap();
    entry.id = id.to_owned();
    entry.provider = "csp".into();
    entry.audit_body = "ab".into();
    entry.valid_until = day(valid_until);
    entry.built_on = built_on.iter().map(|base| (*base).to_owned()).collect();
    entry
}

/// A base valid until 2027-03-31, two services in a chain on it, and one valid on its own.
fn registry_dir(label: &str) -> DataDir {
    let data = DataDir::new(label);
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = data.story_store().await;
        let entries = [
            entry("C27-0001", "2027-03-31", &[]),
            entry("C27-0002", "2028-03-31", &["C27-0001"]),
            entry("C27-0003", "2028-03-31", &["C27-0002"]),
            entry("C27-0004", "2028-03-31", &[]),
        ];
        store
            .create_registry_entries(&entries, &ChangeBy::system(1_000))
            .await
            .unwrap();
        store.close().await;
    });
    data
}

fn stored(data: &DataDir) -> Vec<RegistryEntry> {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = data.reopened_store().await;
        let entries = store.registry_entries().await.unwrap();
        store.close().await;
        entries
    })
}

fn statuses(data: &DataDir) -> Vec<(String, EntryStatus)> {
    stored(data)
        .into_iter()
        .map(|entry| (entry.id, entry.status))
        .collect()
}

#[test]
fn a_run_expires_the_lapsed_and_their_cascade_once() {
    let data = registry_dir("lifecycle-run");
    let dir = data.arg();
    let before = statuses(&data);

    let dry = shinrai(&with_dir(
        &dir,
        &[
            "lifecycle",
            "run",
            "--as-of",
            "2027-05-01",
            "--dry-run",
            "--json",
        ],
    ));
    assert_eq!(dry.status, 0, "{}", dry.stderr);
    let planned = json(&dry);
    assert_eq!(planned["dry_run"], true);
    let changes: Vec<(String, String, Option<String>)> = planned["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| {
            (
                change["entry"].as_str().unwrap().to_owned(),
                change["fall"].as_str().unwrap().to_owned(),
                change["because"].as_str().map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("C27-0001".to_owned(), "expired".to_owned(), None),
            ("C27-0002".into(), "cascade".into(), Some("C27-0001".into())),
            ("C27-0003".into(), "cascade".into(), Some("C27-0002".into())),
        ]
    );
    assert_eq!(statuses(&data), before, "a dry run writes nothing");

    let run = shinrai(&with_dir(
        &dir,
        &["lifecycle", "run", "--as-of", "2027-05-01", "--json"],
    ));
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(json(&run)["changes"], planned["changes"]);
    let after = stored(&data);
    let of = |id: &str| after.iter().find(|entry| entry.id == id).unwrap();
    assert_eq!(of("C27-0001").status, EntryStatus::Expired);
    assert_eq!(of("C27-0002").status, EntryStatus::Deregistered);
    assert_eq!(of("C27-0003").status, EntryStatus::Deregistered);
    assert_eq!(of("C27-0004").status, EntryStatus::Registered);
    let notice = of("C27-0003").notices.last().unwrap().clone();
    assert_eq!(notice.on, day("2027-04-01"));
    assert!(notice.body.ja.contains("C27-0002") && notice.body.en.contains("C27-0002"));

    let again = shinrai(&with_dir(
        &dir,
        &["--lang", "en", "lifecycle", "run", "--as-of", "2027-05-01"],
    ));
    assert_eq!(again.status, 0, "{}", again.stderr);
    assert_eq!(again.stdout, "Run for 2027-05-01: 0 changes\n");
    let later = shinrai(&with_dir(
        &dir,
        &["lifecycle", "run", "--as-of", "2027-06-01", "--json"],
    ));
    assert_eq!(json(&later)["changes"], serde_json::json!([]));

    let verify = shinrai(&with_dir(&dir, &["log", "verify"]));
    assert_eq!(verify.status, 0, "{}{}", verify.stdout, verify.stderr);
}

#[test]
fn the_summary_names_each_change_in_both_languages_and_a_bad_day_is_refused() {
    let data = registry_dir("lifecycle-summary");
    let dir = data.arg();
    let ja = shinrai(&with_dir(
        &dir,
        &[
            "--lang",
            "ja",
            "lifecycle",
            "run",
            "--as-of",
            "2027-05-01",
            "--dry-run",
        ],
    ));
    assert_eq!(ja.status, 0, "{}", ja.stderr);
    assert!(
        ja.stdout
            .starts_with("2027-05-01 の処理（試行、書き込みなし）：3 件\n"),
        "{}",
        ja.stdout
    );
    assert!(
        ja.stdout
            .contains("C27-0002: 登録抹消（C27-0001 の登録終了による連鎖）")
    );
    let en = shinrai(&with_dir(
        &dir,
        &[
            "--lang",
            "en",
            "lifecycle",
            "run",
            "--as-of",
            "2027-05-01",
            "--dry-run",
        ],
    ));
    assert!(
        en.stdout.contains("C27-0001: expired, since 2027-04-01"),
        "{}",
        en.stdout
    );
    let bad = shinrai(&with_dir(
        &dir,
        &["lifecycle", "run", "--as-of", "2027-02-29"],
    ));
    assert_eq!(bad.status, 2);
    assert!(bad.stderr.contains("2027-02-29"), "{}", bad.stderr);
}
