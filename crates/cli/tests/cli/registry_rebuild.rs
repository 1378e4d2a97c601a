//! `shinrai registry rebuild`: the registry recomputed from the log's events and the lifecycle
//! rule; `--check` finds where the stored registry lags behind the rule or was changed behind
//! the log's back, names each difference in both languages and exits 1.

use serde_json::Value;

use crate::lifecycle::registry_dir;
use crate::service::{json, with_dir};
use crate::support::shinrai;

/// The kind and entry of every finding of a `--json` check.
fn findings(report: &Value) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|finding| {
            (
                finding["kind"].as_str().unwrap().to_owned(),
                finding["entry"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Rewrites the stored document of `entry` with `status`, its hash recomputed as an intruder
/// who knows the schema would.
fn forge_status(dir: &str, entry: &str, status: &str) {
    let script = format!(
        "import sqlite3, json, hashlib\n\
         c = sqlite3.connect('{dir}/shinrai.db')\n\
         d = json.loads(c.execute(\"SELECT document FROM registry_entries WHERE id = '{entry}'\").fetchone()[0])\n\
         d['status'] = '{status}'\n\
         text = json.dumps(d, ensure_ascii=False, separators=(',', ':'))\n\
         c.execute(\"UPDATE registry_entries SET status = ?, document = ?, document_sha256 = ? WHERE id = ?\",\n\
                   ('{status}', text, hashlib.sha256(text.encode()).hexdigest(), '{entry}'))\n\
         c.commit()\n"
    );
    let done = std::process::Command::new("python3")
        .args(["-c", &script])
        .status()
        .expect("python3");
    assert!(done.success(), "forging {entry}");
}

#[test]
fn the_registry_is_checked_against_its_log_and_the_lifecycle_rule() {
    let data = registry_dir("registry-rebuild");
    let dir = data.arg();
    let check = |lang: &str, as_of: &str, json_out: bool| {
        let mut args = vec![
            "--lang", lang, "registry", "rebuild", "--check", "--as-of", as_of,
        ];
        if json_out {
            args.push("--json");
        }
        shinrai(&with_dir(&dir, &args))
    };

    // Before the job's run the rule has the base expired and its chain fallen, while the log
    // still has them registered.
    let lagging = check("en", "2027-05-01", true);
    assert_eq!(lagging.status, 1, "{}", lagging.stderr);
    let report = json(&lagging);
    assert_eq!(report["agrees"], false);
    assert_eq!(report["entries_rebuilt"], 4);
    assert_eq!(
        findings(&report),
        [
            ("lifecycle_due".to_owned(), "C27-0001".to_owned()),
            ("lifecycle_due".into(), "C27-0002".into()),
            ("lifecycle_due".into(), "C27-0003".into()),
        ]
    );
    assert_eq!(report["findings"][1]["lifecycle"], "deregistered");
    assert_eq!(report["findings"][1]["reason"], "cascade");
    assert!(
        lagging.stderr.contains("the registry differs from its log"),
        "{}",
        lagging.stderr
    );

    let run = shinrai(&with_dir(
        &dir,
        &["lifecycle", "run", "--as-of", "2027-05-01"],
    ));
    assert_eq!(run.status, 0, "{}", run.stderr);
    let en = check("en", "2027-05-01", false);
    assert_eq!(en.status, 0, "{}{}", en.stdout, en.stderr);
    assert!(
        en.stdout
            .starts_with("Registry rebuilt from the log on 2027-05-01: "),
        "{}",
        en.stdout
    );
    assert!(en.stdout.contains("4 entries rebuilt, 4 stored"));
    assert!(
        en.stdout
            .ends_with("The stored registry agrees with its log.\n")
    );
    let ja = check("ja", "2027-05-01", false);
    assert_eq!(ja.status, 0);
    assert!(
        ja.stdout.contains("保存された登録簿はログと一致します。"),
        "{}",
        ja.stdout
    );

    // Without --check: the registry as the log makes it.
    let rebuilt = shinrai(&with_dir(&dir, &["registry", "rebuild"]));
    assert_eq!(rebuilt.status, 0, "{}", rebuilt.stderr);
    let statuses: Vec<(String, String)> = json(&rebuilt)["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            (
                entry["id"].as_str().unwrap().to_owned(),
                entry["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("C27-0001".to_owned(), "expired".to_owned()),
            ("C27-0002".into(), "deregistered".into()),
            ("C27-0003".into(), "deregistered".into()),
            ("C27-0004".into(), "registered".into()),
        ]
    );

    // A status rewritten in the database, its hash recomputed: found and named.
    forge_status(&dir, "C27-0004", "suspended");
    let forged = check("en", "2027-05-01", false);
    assert_eq!(forged.status, 1);
    assert!(
        forged
            .stdout
            .contains("C27-0004: status differs (stored: suspended; from the log: registered)"),
        "{}",
        forged.stdout
    );
    assert!(
        forged
            .stdout
            .contains("C27-0004: the stored entry is not the one event")
    );
    let forged_ja = check("ja", "2027-05-01", false);
    assert!(
        forged_ja
            .stdout
            .contains("C27-0004: 状態が異なります（登録簿: suspended、ログから: registered）"),
        "{}",
        forged_ja.stdout
    );
    assert!(
        forged_ja
            .stderr
            .contains("登録簿がログから再計算した内容と一致しません")
    );

    let bad_day = check("en", "2027-13-01", false);
    assert_eq!(bad_day.status, 2);
    assert!(bad_day.stderr.contains("2027-13-01"), "{}", bad_day.stderr);
}
