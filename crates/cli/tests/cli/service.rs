//! The administration commands on a fresh data directory: init, org, user, token, log verify,
//! backup and restore.

use serde_json::Value;

use crate::support::{Scratch, shinrai, shinrai_stdin};

/// A data directory of its own, removed afterwards.
pub struct DataDir(pub std::path::PathBuf);

impl DataDir {
    pub fn new(label: &str) -> DataDir {
        let path = std::env::temp_dir().join(format!("shinrai-cli-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        DataDir(path)
    }

    pub fn arg(&self) -> String {
        self.0.to_string_lossy().into_owned()
    }

    /// The store in this directory, with the organisations the testdata story names (the
    /// provider `csp` and the audit body `ab`).
    pub async fn story_store(&self) -> shinrai_store::Store {
        story_store_at(&shinrai_store::StoreConfig {
            data_dir: self.0.clone(),
            database_url: None,
            checkpoint_every: 1_000,
        })
        .await
    }

    /// The store in this directory as it is, for reading what a command wrote.
    pub async fn reopened_store(&self) -> shinrai_store::Store {
        shinrai_store::Store::open(&shinrai_store::StoreConfig {
            data_dir: self.0.clone(),
            database_url: None,
            checkpoint_every: 1_000,
        })
        .await
        .unwrap()
    }
}

/// The store at `config` (SQLite or PostgreSQL), with the organisations the testdata story
/// names: the provider `csp` and the audit body `ab`.
pub async fn story_store_at(config: &shinrai_store::StoreConfig) -> shinrai_store::Store {
    use shinrai_domain::accounts::OrgKind;
    use shinrai_store::model::{ChangeBy, NewOrganisation};
    let store = shinrai_store::Store::open(config).await.unwrap();
    for (id, kind) in [("csp", OrgKind::Provider), ("ab", OrgKind::AuditBody)] {
        store
            .create_organisation(
                &NewOrganisation {
                    id: id.to_owned(),
                    kind,
                    name: shinrai_domain::text::Bilingual::new(id, id),
                },
                &ChangeBy::system(500),
            )
            .await
            .unwrap();
    }
    store
}

impl Drop for DataDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn with_dir<'a>(dir: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["--data-dir", dir];
    all.extend_from_slice(args);
    all
}

pub fn init(dir: &str, password: &str) -> crate::support::Run {
    shinrai_stdin(
        &with_dir(
            dir,
            &[
                "init",
                "--org-name-ja",
                "制度事務局",
                "--org-name-en",
                "Scheme office",
                "--login",
                "chief",
                "--display-name",
                "事務局長",
                "--password-stdin",
            ],
        ),
        format!("{password}\n").as_bytes(),
    )
}

pub fn json(run: &crate::support::Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|_| panic!("JSON: {} {}", run.stdout, run.stderr))
}

#[test]
fn init_creates_the_first_administrator_once() {
    let data = DataDir::new("init");
    let dir = data.arg();
    let weak = init(&dir, "short");
    assert_eq!(weak.status, 1, "{}", weak.stderr);
    assert!(weak.stderr.contains("12"), "{}", weak.stderr);
    assert_eq!(
        json(&shinrai(&with_dir(&dir, &["org", "list", "--json"]))),
        Value::Array(vec![]),
        "nothing half made"
    );
    let done = init(&dir, "a long enough passphrase");
    assert_eq!(done.status, 0, "{}", done.stderr);
    let again = init(&dir, "a long enough passphrase");
    assert_eq!(again.status, 1);
    assert!(
        again.stderr.contains("already initialised"),
        "{}",
        again.stderr
    );
    let users = json(&shinrai(&with_dir(&dir, &["user", "list", "--json"])));
    assert_eq!(users[0]["login"], "chief");
    assert_eq!(users[0]["roles"], serde_json::json!(["operator_admin"]));
}

#[test]
fn organisations_users_and_tokens() {
    let data = DataDir::new("accounts");
    let dir = data.arg();
    assert_eq!(init(&dir, "a long enough passphrase").status, 0);
    let add = shinrai(&with_dir(
        &dir,
        &[
            "org",
            "add",
            "aoba-audit",
            "--kind",
            "audit_body",
            "--name-ja",
            "青葉監査法人",
            "--name-en",
            "Aoba Audit",
        ],
    ));
    assert_eq!(add.status, 0, "{}", add.stderr);
    let bad_kind = shinrai(&with_dir(
        &dir,
        &[
            "org",
            "add",
            "x-org",
            "--kind",
            "bank",
            "--name-ja",
            "x",
            "--name-en",
            "x",
        ],
    ));
    assert_eq!(bad_kind.status, 1);
    let taken = shinrai(&with_dir(
        &dir,
        &[
            "org",
            "add",
            "aoba-audit",
            "--kind",
            "provider",
            "--name-ja",
            "x",
            "--name-en",
            "x",
        ],
    ));
    assert_eq!(taken.status, 1);
    assert!(taken.stderr.contains("already exists"), "{}", taken.stderr);
    let listed = shinrai(&with_dir(&dir, &["--lang", "ja", "org", "list"]));
    assert!(listed.stdout.contains("青葉監査法人"), "{}", listed.stdout);

    let user = |login: &str, roles: &str| {
        shinrai_stdin(
            &with_dir(
                &dir,
                &[
                    "user",
                    "add",
                    "--org",
                    "aoba-audit",
                    "--login",
                    login,
                    "--display-name",
                    "監査人",
                    "--roles",
                    roles,
                    "--password-stdin",
                ],
            ),
            b"a long enough passphrase\n",
        )
    };
    assert_eq!(user("sato", "auditor,signing_auditor").status, 0);
    let wrong = user("tanaka", "provider");
    assert_eq!(wrong.status, 1);
    assert!(wrong.stderr.contains("provider"), "{}", wrong.stderr);
    let users = json(&shinrai(&with_dir(
        &dir,
        &["user", "list", "--org", "aoba-audit", "--json"],
    )));
    assert_eq!(users.as_array().unwrap().len(), 1);
    assert_eq!(
        users[0]["roles"],
        serde_json::json!(["auditor", "signing_auditor"])
    );
    assert_eq!(
        shinrai(&with_dir(&dir, &["user", "disable", "sato"])).status,
        0
    );
    assert_eq!(
        json(&shinrai(&with_dir(
            &dir,
            &["user", "list", "--org", "aoba-audit", "--json"]
        )))[0]["disabled"],
        true
    );
    assert_eq!(
        shinrai(&with_dir(&dir, &["user", "enable", "sato"])).status,
        0
    );
    assert_eq!(
        shinrai(&with_dir(&dir, &["user", "disable", "nobody"])).status,
        1
    );

    let created = shinrai(&with_dir(
        &dir,
        &[
            "token",
            "create",
            "--login",
            "sato",
            "--name",
            "evidence upload",
        ],
    ));
    assert_eq!(created.status, 0, "{}", created.stderr);
    let id = created
        .stdout
        .lines()
        .next()
        .unwrap()
        .trim_start_matches("id: ")
        .to_owned();
    assert!(created.stdout.contains("secret: shinrai_"));
    // The default lifetime, 90 days, is printed as the expiry.
    let expires = created
        .stdout
        .lines()
        .find_map(|line| line.strip_prefix("expires: "))
        .unwrap_or_else(|| panic!("no expiry: {}", created.stdout));
    let in_90_days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 90 * 86_400;
    let year = 1970 + in_90_days / 31_556_952;
    assert!(
        expires.starts_with(&year.to_string()) || expires.starts_with(&(year + 1).to_string()),
        "{expires}"
    );
    let short = shinrai(&with_dir(
        &dir,
        &[
            "token", "create", "--login", "sato", "--name", "short", "--days", "7",
        ],
    ));
    assert_eq!(short.status, 0, "{}", short.stderr);
    let too_long = shinrai(&with_dir(
        &dir,
        &[
            "token", "create", "--login", "sato", "--name", "long", "--days", "366",
        ],
    ));
    assert_eq!(too_long.status, 1, "{}", too_long.stdout);
    assert!(too_long.stderr.contains("365"), "{}", too_long.stderr);
    assert_eq!(
        shinrai(&with_dir(&dir, &["token", "revoke", &id])).status,
        0
    );
    assert_eq!(
        shinrai(&with_dir(&dir, &["token", "revoke", &id])).status,
        1,
        "already revoked"
    );
    let verified = shinrai(&with_dir(&dir, &["log", "verify", "--json"]));
    assert_eq!(verified.status, 0);
    assert!(json(&verified)["events"].as_u64().unwrap() >= 7);
}

/// Edits the SQLite database behind the service's back (with Python's sqlite3, as an intruder
/// with file access would).
pub fn tamper(dir: &str, statement: &str) {
    let script = format!(
        "import sqlite3; c = sqlite3.connect('{dir}/shinrai.db'); c.execute(\"{statement}\"); c.commit()"
    );
    let status = std::process::Command::new("python3")
        .args(["-c", &script])
        .status()
        .expect("python3");
    assert!(status.success(), "tampering with {statement}");
}

#[test]
fn log_verify_names_the_first_altered_event() {
    for (label, statements, first_bad) in [
        (
            "edited",
            vec!["UPDATE log_events SET subject = 'forged' WHERE seq = 3"],
            3,
        ),
        ("deleted", vec!["DELETE FROM log_events WHERE seq = 2"], 2),
        (
            "moved",
            vec![
                "UPDATE log_events SET seq = -2 WHERE seq = 2",
                "UPDATE log_events SET seq = 2 WHERE seq = 3",
                "UPDATE log_events SET seq = 3 WHERE seq = -2",
            ],
            2,
        ),
        (
            "inserted",
            vec![
                "UPDATE log_events SET seq = seq + 100 WHERE seq >= 3",
                "UPDATE log_events SET seq = seq - 99 WHERE seq >= 103",
                "INSERT INTO log_events SELECT 3, at_ms, actor, org, action, 'intruder', visibility, payload, payload_hash, prev_hash, hash FROM log_events WHERE seq = 2",
            ],
            3,
        ),
    ] {
        let data = DataDir::new(&format!("tamper-{label}"));
        let dir = data.arg();
        assert_eq!(init(&dir, "a long enough passphrase").status, 0);
        assert_eq!(
            shinrai(&with_dir(
                &dir,
                &[
                    "org",
                    "add",
                    "csp-one",
                    "--kind",
                    "provider",
                    "--name-ja",
                    "事業者",
                    "--name-en",
                    "Provider"
                ]
            ))
            .status,
            0
        );
        assert_eq!(shinrai(&with_dir(&dir, &["log", "verify"])).status, 0);
        for statement in &statements {
            tamper(&dir, statement);
        }
        let run = shinrai(&with_dir(&dir, &["log", "verify", "--json"]));
        assert_eq!(run.status, 1, "{label}: {}", run.stdout);
        assert_eq!(
            json(&run)["first_bad_event"],
            first_bad,
            "{label}: {}",
            run.stdout
        );
        let text = shinrai(&with_dir(&dir, &["log", "verify"]));
        assert!(
            text.stdout
                .starts_with(&format!("log altered at event {first_bad}")),
            "{}",
            text.stdout
        );
    }
}

#[test]
fn a_checkpoint_kept_elsewhere_catches_a_rewritten_log() {
    let data = DataDir::new("checkpoint");
    let dir = data.arg();
    assert_eq!(init(&dir, "a long enough passphrase").status, 0);
    // What a careful procurer kept: the signed head, as the service publishes it.
    let kept = shinrai(&with_dir(&dir, &["log", "checkpoint"]));
    assert_eq!(kept.status, 0, "{}", kept.stderr);
    assert!(json(&kept)["public_key"].is_string());
    let file = Scratch::new("kept-checkpoint.json", kept.stdout.as_bytes());
    assert_eq!(
        shinrai(&with_dir(
            &dir,
            &["log", "verify", "--checkpoint", file.path()]
        ))
        .status,
        0
    );
    // Someone with access to the database removes the administrator: the row, its roles, the
    // event that created it and every checkpoint; the database alone then shows nothing.
    tamper(&dir, "DELETE FROM user_roles");
    tamper(&dir, "DELETE FROM users");
    tamper(
        &dir,
        "DELETE FROM log_events WHERE seq = (SELECT MAX(seq) FROM log_events)",
    );
    tamper(&dir, "DELETE FROM log_checkpoints");
    assert_eq!(
        shinrai(&with_dir(&dir, &["log", "verify"])).status,
        0,
        "the database alone looks fine"
    );
    let run = shinrai(&with_dir(
        &dir,
        &["log", "verify", "--checkpoint", file.path()],
    ));
    assert_eq!(run.status, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("deleted from the end"),
        "{}",
        run.stdout
    );
}

#[test]
fn backup_and_restore_through_the_command_line() {
    let source = DataDir::new("backup-source");
    let target = DataDir::new("backup-target");
    let (source_dir, target_dir) = (source.arg(), target.arg());
    assert_eq!(init(&source_dir, "a long enough passphrase").status, 0);
    let file = Scratch::new("backup.jsonl", b"");
    let backup = shinrai(&with_dir(&source_dir, &["backup", "-o", file.path()]));
    assert_eq!(backup.status, 0, "{}", backup.stderr);
    let restore = shinrai(&with_dir(&target_dir, &["restore", file.path()]));
    assert_eq!(restore.status, 0, "{}", restore.stderr);
    assert_eq!(
        json(&shinrai(&with_dir(
            &target_dir,
            &["user", "list", "--json"]
        ))),
        json(&shinrai(&with_dir(
            &source_dir,
            &["user", "list", "--json"]
        )))
    );
    assert_eq!(
        shinrai(&with_dir(&target_dir, &["log", "verify"])).status,
        0
    );
    let again = shinrai(&with_dir(&target_dir, &["restore", file.path()]));
    assert_eq!(
        again.status, 2,
        "restoring over data is refused: {}",
        again.stderr
    );
    let damaged = Scratch::new("damaged.jsonl", b"{\"header\": {}}\n");
    let refused = shinrai(&with_dir(&target_dir, &["restore", damaged.path()]));
    assert_eq!(refused.status, 2);
    assert!(refused.stderr.contains("line 1"), "{}", refused.stderr);
}
