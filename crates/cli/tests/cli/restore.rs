//! Restoring only what verifies, a target left as it was otherwise, and files that only their
//! owner can read whatever the umask.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use ed25519_dalek::SigningKey;
use serde_json::Value;
use shinrai_domain::log_chain::{sha256_hex, sign_checkpoint};
use shinrai_store::backup;

use crate::support::{Run, repo_root};

/// A folder of the test's own, removed afterwards.
struct Folder(PathBuf);

impl Folder {
    fn new(label: &str) -> Folder {
        let path = std::env::temp_dir().join(format!("shinrai-cli-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Folder(path)
    }

    fn join(&self, name: &str) -> String {
        self.0.join(name).to_string_lossy().into_owned()
    }

    /// Every path under the folder.
    fn listing(&self) -> Vec<String> {
        let mut seen = Vec::new();
        list(&self.0, &self.0, &mut seen);
        seen.sort();
        seen
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn list(root: &Path, folder: &Path, seen: &mut Vec<String>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        seen.push(path.strip_prefix(root).unwrap().display().to_string());
        if path.is_dir() {
            list(root, &path, seen);
        }
    }
}

/// `shinrai ARGS` started by `sh` after `umask 000`, the most permissive umask there is.
fn open_umask(args: &[&str]) -> Command {
    let mut command = Command::new("sh");
    command
        .current_dir(repo_root())
        .arg("-c")
        .arg("umask 000 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_shinrai"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn run(args: &[&str], input: &[u8]) -> Run {
    use std::io::Write;
    let mut child = open_umask(args).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let output = child.wait_with_output().unwrap();
    Run {
        status: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn shinrai(data_dir: &str, args: &[&str]) -> Run {
    let mut all = vec!["--data-dir", data_dir];
    all.extend_from_slice(args);
    run(&all, b"")
}

fn init(data_dir: &str) {
    let done = run(
        &[
            "--data-dir",
            data_dir,
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
        b"a long enough passphrase\n",
    );
    assert_eq!(done.status, 0, "{}", done.stderr);
}

/// A data directory with an administrator, its backup file and a checkpoint kept elsewhere.
fn source(folder: &Folder) -> (String, String, String) {
    let data = folder.join("source");
    init(&data);
    let kept = folder.join("kept-checkpoint.json");
    let checkpoint = shinrai(&data, &["log", "checkpoint", "-o", &kept]);
    assert_eq!(checkpoint.status, 0, "{}", checkpoint.stderr);
    let file = folder.join("genuine.backup");
    let backup = shinrai(&data, &["backup", "-o", &file]);
    assert_eq!(backup.status, 0, "{}", backup.stderr);
    (data, file, kept)
}

/// Writes `rows` as a backup signed with `seed`, as someone holding that key could.
fn forge(genuine: &backup::Contents, rows: &backup::Rows, seed: &[u8; 32], path: &str) {
    let mut file = std::fs::File::create(path).unwrap();
    backup::write_backup(
        &mut file,
        genuine.header.as_ref().unwrap(),
        rows,
        &genuine.blobs,
        seed,
    )
    .unwrap();
}

/// Every folder under `path` is 0700 and every file 0600.
fn assert_private(path: &Path) {
    let metadata = std::fs::metadata(path).unwrap();
    let mode = metadata.permissions().mode() & 0o777;
    if metadata.is_dir() {
        assert_eq!(mode, 0o700, "{}: {mode:o}", path.display());
        for entry in std::fs::read_dir(path).unwrap() {
            assert_private(&entry.unwrap().path());
        }
    } else {
        assert_eq!(mode, 0o600, "{}: {mode:o}", path.display());
    }
}

#[test]
fn a_backup_whose_log_was_altered_is_refused_and_the_target_left_as_it_was() {
    let folder = Folder::new("restore-altered");
    let (_, file, _) = source(&folder);
    let genuine = backup::read_backup_file(Path::new(&file)).unwrap();
    let mut rows = genuine.rows.clone();
    rows.events[1].subject = "forged".into();
    let altered = folder.join("altered.backup");
    forge(
        &genuine,
        &rows,
        &genuine.signing_key_seed.unwrap(),
        &altered,
    );

    let targets = Folder::new("restore-altered-targets");
    std::fs::create_dir(targets.0.join("empty")).unwrap();
    let before = targets.listing();
    for (target, lang, expected) in [
        (
            "missing",
            "en",
            "backup log event 2: event 2: its fields no longer match",
        ),
        (
            "empty",
            "ja",
            "バックアップのログのイベント 2: イベント 2 の項目",
        ),
    ] {
        let refused = shinrai(
            &targets.join(target),
            &["--lang", lang, "restore", &altered],
        );
        assert_eq!(refused.status, 2, "{}", refused.stdout);
        assert!(refused.stderr.contains(expected), "{}", refused.stderr);
        assert_eq!(targets.listing(), before, "{target}");
    }
    // The same target takes the genuine backup afterwards.
    let restored = shinrai(&targets.join("empty"), &["restore", &file]);
    assert_eq!(restored.status, 0, "{}", restored.stderr);
}

/// The backup with its manifest's content hash recomputed after an edit, as someone editing it
/// by hand would do; the signature stays as it was.
fn rehash(lines: &[String]) -> String {
    let (body, manifest) = lines.split_at(lines.len() - 1);
    let content: String = body.iter().map(|line| format!("{line}\n")).collect();
    let mut manifest: Value = serde_json::from_str(&manifest[0]).unwrap();
    manifest["manifest"]["content_sha256"] = sha256_hex(content.as_bytes()).into();
    format!("{content}{manifest}\n")
}

#[test]
fn a_hand_edited_backup_with_its_hash_recomputed_is_refused_for_its_signature() {
    let folder = Folder::new("restore-edited");
    let (_, file, _) = source(&folder);
    let mut lines: Vec<String> = std::fs::read_to_string(&file)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    let user = lines
        .iter()
        .position(|line| line.starts_with("{\"user\""))
        .unwrap();
    lines[user] = lines[user].replacen("\"chief\"", "\"intruder\"", 1);
    let edited = folder.join("edited.backup");
    std::fs::write(&edited, rehash(&lines)).unwrap();
    let target = folder.join("target");
    let refused = shinrai(&target, &["restore", &edited]);
    assert_eq!(refused.status, 2, "{}", refused.stdout);
    assert!(
        refused.stderr.contains("signature does not verify"),
        "{}",
        refused.stderr
    );
    assert!(!Path::new(&target).exists());
}

#[test]
fn a_backup_signed_with_another_key_is_refused_when_the_genuine_key_is_given() {
    let folder = Folder::new("restore-rekeyed");
    let (_, file, kept) = source(&folder);
    let kept_json: Value = serde_json::from_str(&std::fs::read_to_string(&kept).unwrap()).unwrap();
    let genuine_key = kept_json["public_key"].as_str().unwrap().to_owned();
    let genuine = backup::read_backup_file(Path::new(&file)).unwrap();
    let other = SigningKey::from_bytes(&[9; 32]);
    let mut rows = genuine.rows.clone();
    for checkpoint in &mut rows.checkpoints {
        checkpoint.signature = sign_checkpoint(
            &other,
            u64::try_from(checkpoint.size).unwrap(),
            &checkpoint.head_hash,
            checkpoint.at_ms,
        )
        .signature;
    }
    let rekeyed = folder.join("rekeyed.backup");
    forge(&genuine, &rows, &other.to_bytes(), &rekeyed);

    let target = folder.join("target");
    for trust in [
        vec!["--public-key", &genuine_key],
        vec!["--checkpoint", &kept],
    ] {
        let mut args = vec!["restore", &rekeyed];
        args.extend(trust);
        let refused = shinrai(&target, &args);
        assert_eq!(refused.status, 2, "{}", refused.stdout);
        assert!(
            refused.stderr.contains("not by the trusted key"),
            "{}",
            refused.stderr
        );
        assert!(!Path::new(&target).exists());
    }
    let bad = shinrai(&target, &["restore", &rekeyed, "--public-key", "zz"]);
    assert_eq!(bad.status, 2);
    assert!(
        bad.stderr.contains("not an Ed25519 public key"),
        "{}",
        bad.stderr
    );

    // The genuine backup passes both; the re-keyed one passes neither but restores without
    // them: the signature alone cannot tell whose key is genuine.
    let restored = shinrai(
        &target,
        &[
            "restore",
            &file,
            "--public-key",
            &genuine_key,
            "--checkpoint",
            &kept,
        ],
    );
    assert_eq!(restored.status, 0, "{}", restored.stderr);
    assert!(
        restored.stdout.contains("the trusted one"),
        "{}",
        restored.stdout
    );
    let unchecked = shinrai(&folder.join("unchecked"), &["restore", &rekeyed]);
    assert_eq!(unchecked.status, 0, "{}", unchecked.stderr);
}

/// A backup holding blobs, made through the library (no command stores blobs yet).
fn backup_with_blobs(folder: &Folder) -> String {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let file = folder.join("blobs.backup");
    runtime.block_on(async {
        let store = shinrai_store::Store::open(&shinrai_store::StoreConfig {
            data_dir: folder.0.join("blob-source"),
            database_url: None,
            checkpoint_every: 100,
        })
        .await
        .unwrap();
        store
            .put_blob(
                b"evidence".to_vec().into(),
                "text/plain",
                &shinrai_store::model::ChangeBy::system(1_000),
            )
            .await
            .unwrap();
        let mut out = std::fs::File::create(&file).unwrap();
        store.backup(&mut out, 2_000).await.unwrap();
        store.close().await;
    });
    file
}

#[test]
fn files_are_private_whatever_the_umask() {
    let folder = Folder::new("restore-modes");
    let data = folder.join("data");
    init(&data);
    assert_private(Path::new(&data));

    // While the service runs, SQLite's -wal and -shm files exist: they take the database's mode.
    let mut serve = open_umask(&["--data-dir", &data, "serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let wal = Path::new(&data).join("shinrai.db-wal");
    let shm = Path::new(&data).join("shinrai.db-shm");
    let started = std::time::Instant::now();
    while !(wal.exists() && shm.exists()) && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let running = std::panic::catch_unwind(|| {
        assert!(wal.exists() && shm.exists(), "the service started");
        assert_private(Path::new(&data));
    });
    serve.kill().unwrap();
    serve.wait().unwrap();
    running.unwrap();

    let file = folder.join("out.backup");
    let backup = shinrai(&data, &["backup", "-o", &file]);
    assert_eq!(backup.status, 0, "{}", backup.stderr);
    assert_private(Path::new(&file));
    assert!(
        !folder
            .listing()
            .iter()
            .any(|name| name.ends_with(".partial")),
        "{:?}",
        folder.listing()
    );

    let with_blobs = backup_with_blobs(&folder);
    let open_dir = folder.0.join("open");
    std::fs::create_dir(&open_dir).unwrap();
    std::fs::set_permissions(&open_dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    for target in [folder.join("restored"), folder.join("open")] {
        let restored = shinrai(&target, &["restore", &with_blobs]);
        assert_eq!(restored.status, 0, "{}", restored.stderr);
        assert!(Path::new(&target).join("blobs").exists());
        assert_private(Path::new(&target));
    }
}
