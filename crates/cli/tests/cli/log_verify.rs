//! `shinrai log verify` on a data directory: it writes nothing, names a missing or replaced
//! signing key, finds checkpoints deleted from the database, and names every row of every bound
//! table that was edited, inserted or deleted behind the service's back.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::service::{DataDir, init, json, tamper, with_dir};
use crate::support::{shinrai, shinrai_env};

/// Every entry under `dir` (folders too) with its size, modification time and SHA-256.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (u64, std::time::SystemTime, String)> {
    let mut entries = BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let meta = std::fs::metadata(&folder).unwrap();
        entries.insert(folder.clone(), (0, meta.modified().unwrap(), String::new()));
        for entry in std::fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                folders.push(entry.path());
            } else {
                let bytes = std::fs::read(entry.path()).unwrap();
                entries.insert(
                    entry.path(),
                    (
                        meta.len(),
                        meta.modified().unwrap(),
                        shinrai_domain::log_chain::sha256_hex(&bytes),
                    ),
                );
            }
        }
    }
    entries
}

/// A data directory with an administrator, two organisations and a user of the second, each
/// added by its own command (so each later event records the checkpoint before it).
fn populated(label: &str) -> DataDir {
    let data = DataDir::new(label);
    let dir = data.arg();
    assert_eq!(init(&dir, "a long enough passphrase").status, 0);
    for (id, kind) in [("aoba-audit", "audit_body"), ("csp-one", "provider")] {
        let run = shinrai(&with_dir(
            &dir,
            &[
                "org",
                "add",
                id,
                "--kind",
                kind,
                "--name-ja",
                "組織",
                "--name-en",
                "Org",
            ],
        ));
        assert_eq!(run.status, 0, "{}", run.stderr);
    }
    data
}

#[test]
fn verify_with_the_key_removed_writes_nothing_and_says_the_key_is_missing() {
    let data = populated("verify-no-key");
    let dir = data.arg();
    std::fs::remove_file(data.0.join("log-signing.key")).unwrap();
    let before = snapshot(&data.0);
    let run = shinrai(&with_dir(&dir, &["log", "verify"]));
    assert_eq!(run.status, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("log-signing.key is missing"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("altered"),
        "nothing was altered: {}",
        run.stdout
    );
    let report = json(&shinrai(&with_dir(&dir, &["log", "verify", "--json"])));
    assert_eq!(report["intact"], false);
    assert_eq!(report["key"], "missing");
    assert_eq!(report["signatures_checked"], false);
    assert_eq!(report["events"], 4);
    let ja = shinrai(&with_dir(&dir, &["--lang", "ja", "log", "verify"]));
    assert!(ja.stdout.contains("署名鍵"), "{}", ja.stdout);
    assert_eq!(
        snapshot(&data.0),
        before,
        "no file created, changed or removed, not even SQLite's -wal and -shm"
    );
}

#[test]
fn a_replaced_key_is_named_as_such() {
    let data = populated("verify-replaced-key");
    let dir = data.arg();
    std::fs::write(data.0.join("log-signing.key"), "07".repeat(32)).unwrap();
    let run = shinrai(&with_dir(&dir, &["log", "verify"]));
    assert_eq!(run.status, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(
            "the signing key in the data directory is not the one that signed the checkpoints"
        ),
        "{}",
        run.stdout
    );
    let report = json(&shinrai(&with_dir(&dir, &["log", "verify", "--json"])));
    assert_eq!(report["key_replaced"], true);
    assert_eq!(report["intact"], false);
}

#[test]
fn checkpoints_deleted_from_the_database_are_found() {
    let data = populated("verify-no-checkpoints");
    let dir = data.arg();
    tamper(&dir, "DELETE FROM log_checkpoints");
    let run = shinrai(&with_dir(&dir, &["log", "verify"]));
    assert_eq!(run.status, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(
            "the checkpoint at size 2 is missing, though event 3 records it as signed (deleted)"
        ),
        "{}",
        run.stdout
    );
    let report = json(&shinrai(&with_dir(&dir, &["log", "verify", "--json"])));
    let kinds: Vec<(&str, u64)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["kind"].as_str().unwrap(), f["size"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        vec![("checkpoint_deleted", 2), ("checkpoint_deleted", 3)]
    );
    // A service that signs every 3 events never leaves 4 unsigned: a warning says so.
    let strict = shinrai_env(
        &with_dir(&dir, &["log", "verify"]),
        &[("SHINRAI_CHECKPOINT_EVERY", "3")],
    );
    assert!(
        strict
            .stderr
            .contains("warning: 4 events follow the last signed checkpoint (size 0)"),
        "{}",
        strict.stderr
    );
}

#[test]
fn rows_edited_inserted_or_deleted_in_the_database_are_named() {
    let data = populated("verify-rows");
    let dir = data.arg();
    let user = crate::support::shinrai_stdin(
        &with_dir(
            &dir,
            &[
                "user",
                "add",
                "--org",
                "aoba-audit",
                "--login",
                "sato",
                "--display-name",
                "監査人",
                "--roles",
                "auditor",
                "--password-stdin",
            ],
        ),
        b"a long enough passphrase\n",
    );
    assert_eq!(user.status, 0, "{}", user.stderr);
    let token = shinrai(&with_dir(
        &dir,
        &["token", "create", "--login", "sato", "--name", "upload"],
    ));
    let id = token
        .stdout
        .lines()
        .next()
        .unwrap()
        .trim_start_matches("id: ")
        .to_owned();
    assert_eq!(
        shinrai(&with_dir(&dir, &["token", "revoke", &id])).status,
        0
    );
    assert_eq!(shinrai(&with_dir(&dir, &["log", "verify"])).status, 0);

    tamper(
        &dir,
        "UPDATE user_roles SET role = 'operator_admin' WHERE role = 'auditor'",
    );
    tamper(
        &dir,
        &format!("UPDATE api_tokens SET revoked_at_ms = NULL WHERE id = '{id}'"),
    );
    tamper(
        &dir,
        "UPDATE organisations SET name_en = 'Forged' WHERE id = 'csp-one'",
    );
    tamper(
        &dir,
        "INSERT INTO users (id, org_id, login, display_name, password_hash, disabled, created_at_ms) \
         SELECT 'intruder', org_id, 'intruder', 'Intruder', password_hash, 0, 1 FROM users WHERE login = 'chief'",
    );
    tamper(&dir, "DELETE FROM organisations WHERE id = 'aoba-audit'");

    let run = shinrai(&with_dir(&dir, &["log", "verify"]));
    assert_eq!(run.status, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .starts_with("log altered: 6 findings disagree with the log"),
        "{}",
        run.stdout
    );
    for line in [
        &format!("api_tokens {id}: the row differs from what event"),
        "organisations aoba-audit: event 3 wrote this row but it is missing (deleted)",
        "organisations csp-one: the row differs from what event 4 recorded (edited)",
        "user_roles (",
        "users intruder: no event wrote this row",
    ] {
        assert!(run.stdout.contains(line), "{line} in {}", run.stdout);
    }
    let report = json(&shinrai(&with_dir(&dir, &["log", "verify", "--json"])));
    let found: Vec<(String, String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["table"].as_str().unwrap().to_owned(),
                f["id"].as_str().unwrap().to_owned(),
                f["problem"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let sato_roles: Vec<&(String, String, String)> =
        found.iter().filter(|(t, _, _)| t == "user_roles").collect();
    assert_eq!(sato_roles.len(), 2, "{found:?}");
    assert!(sato_roles[0].1.ends_with(", auditor)") && sato_roles[0].2 == "missing");
    assert!(sato_roles[1].1.ends_with(", operator_admin)") && sato_roles[1].2 == "unaccounted");
    assert_eq!(report["intact"], false);
    assert!(
        report["events"].as_u64().unwrap() >= 7,
        "the chain itself holds"
    );
}
