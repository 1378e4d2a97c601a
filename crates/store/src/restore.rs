//! Restoring a backup so that a failure leaves the target exactly as it was.
//!
//! Everything is first written to a staging folder readable by its owner only: the signing key,
//! the blobs and a SQLite store holding every row. The log is verified there, with the same
//! [`Store::verify_log`] that `shinrai log verify` runs, against the key the backup is signed
//! with (the trusted one when given) and any checkpoints kept elsewhere. Only then is anything
//! moved into the target:
//!
//! - SQLite in the data directory: a missing data directory is staged in a hidden sibling folder
//!   and renamed into place in one step; an existing, empty one (a mount point, or a folder whose
//!   parent the service may not write) is staged in a hidden folder inside it, whose entries are
//!   renamed up at the end. Both stay on one filesystem, so every rename is atomic.
//! - Another database (PostgreSQL, or SQLite at a `sqlite://` URL): the staged database is
//!   dropped, the rows go into the target in one transaction that also creates the schema and
//!   checks that the database is empty, and only after its commit are the key and blobs moved
//!   into the data directory as above. A failed transaction leaves no table behind.
//!
//! On failure the staging folder, and any folder created on the way, is removed.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use bytes::Bytes;
use ed25519_dalek::VerifyingKey;
use shinrai_domain::text::Bilingual;

use crate::backup::{self, Contents, Trust};
use crate::error::{StoreError, StoreResult};
use crate::files;
use crate::postgres::PostgresBackend;
use crate::sqlite::{self, SqliteBackend};
use crate::{Backend, DATABASE_FILE, Store, StoreConfig, is_postgres_url, keys};

impl Store {
    /// Restores a checked backup into an empty target (a missing or empty data directory, and
    /// with `database_url`, an empty database) after verifying its signer and its log; see the
    /// module documentation for how a failure leaves the target untouched.
    pub async fn restore(
        config: &StoreConfig,
        contents: &Contents,
        trust: &Trust,
    ) -> StoreResult<Store> {
        let signer = backup::check_signer(contents, trust)?;
        let seed = contents.signing_key_seed.ok_or_else(|| {
            backup::backup_error(
                backup::manifest_place(),
                Bilingual::new("署名鍵がありません", "the signing key is missing"),
            )
        })?;
        let staging = Staging::prepare(&config.data_dir)?;
        stage(staging.path(), config, contents, &seed, &signer, trust).await?;
        if let Some(url) = config.database_url.as_deref() {
            remove_database_files(staging.path())?;
            import_into_database(url, &contents.rows).await?;
        }
        staging.commit()?;
        Store::open(config).await
    }
}

/// Writes the key, the blobs and every row into a SQLite store in `dir`, and verifies its log.
async fn stage(
    dir: &Path,
    config: &StoreConfig,
    contents: &Contents,
    seed: &[u8; 32],
    signer: &VerifyingKey,
    trust: &Trust,
) -> StoreResult<()> {
    keys::write(&keys::key_path(dir), seed)?;
    let staged = Store::open(&StoreConfig {
        data_dir: dir.to_owned(),
        database_url: None,
        checkpoint_every: config.checkpoint_every,
    })
    .await?;
    let filled = fill_and_verify(&staged, contents, signer, trust).await;
    staged.close().await;
    filled
}

async fn fill_and_verify(
    store: &Store,
    contents: &Contents,
    signer: &VerifyingKey,
    trust: &Trust,
) -> StoreResult<()> {
    for (sha256, bytes) in &contents.blobs {
        store.blobs.put(sha256, Bytes::from(bytes.clone())).await?;
    }
    match &store.backend {
        Backend::Sqlite(b) => b.import_into_empty(&contents.rows).await?,
        Backend::Postgres(b) => b.import_into_empty(&contents.rows).await?,
    }
    let report = store.verify_log(signer, trust.checkpoints.clone()).await?;
    if let Err(found) = &report.chain {
        return Err(backup::backup_error(
            Bilingual::new(
                format!("ログのイベント {}", found.seq()),
                format!("log event {}", found.seq()),
            ),
            found.message(),
        ));
    }
    // Rows the log does not account for (edited in the backup, with its hash recomputed).
    if let Some(finding) = report.findings.first() {
        let found = finding.message();
        let count = report.findings.len();
        return Err(backup::backup_error(
            Bilingual::new("表", "tables"),
            Bilingual::new(
                format!("{}（指摘は全部で {count} 件）", found.ja),
                format!("{} ({count} findings in all)", found.en),
            ),
        ));
    }
    Ok(())
}

/// The staged SQLite files, not needed when the rows go to another database.
fn remove_database_files(dir: &Path) -> StoreResult<()> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let path = dir.join(format!("{DATABASE_FILE}{suffix}"));
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => return Err(files_error(&path, &error)),
        }
    }
    Ok(())
}

/// Every row into an empty database named by URL, in one transaction.
async fn import_into_database(url: &str, rows: &backup::Rows) -> StoreResult<()> {
    if is_postgres_url(url) {
        let backend = PostgresBackend::connect(url).await?;
        let imported = backend.import_into_empty(rows).await;
        backend.close().await;
        return imported;
    }
    // A database file that did not exist is removed again when the restore fails.
    let file = sqlite::database_file(&sqlx::sqlite::SqliteConnectOptions::from_str(url)?)
        .filter(|path| !path.exists());
    let imported = async {
        let backend = SqliteBackend::connect_url(url).await?;
        let imported = backend.import_into_empty(rows).await;
        backend.close().await;
        imported
    }
    .await;
    if let (Err(_), Some(path)) = (&imported, file) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = path.clone().into_os_string();
            name.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(name));
        }
    }
    imported
}

/// A private folder filled before it becomes (or fills) the data directory.
#[derive(Debug)]
struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// Staged inside an existing, empty target rather than beside a missing one.
    inside: bool,
    /// Missing parents of the target created for the sibling, outermost first.
    created: Vec<PathBuf>,
    committed: bool,
}

impl Staging {
    fn prepare(target: &Path) -> StoreResult<Staging> {
        match std::fs::metadata(target) {
            Ok(metadata) if metadata.is_dir() => {
                let held = entries(target)?;
                if !held.is_empty() {
                    let names = held.join(", ");
                    return Err(StoreError::NotEmpty {
                        detail: Bilingual::new(
                            format!(
                                "{} にはファイルがあります（{names}）。まだないか空のディレクトリに復元してください",
                                target.display()
                            ),
                            format!(
                                "{} already holds files ({names}): restore into a missing or empty directory",
                                target.display()
                            ),
                        ),
                    });
                }
                let dir = target.join(format!(".restore-{}", files::random_suffix()));
                files::create_new_private_dir(&dir)?;
                Ok(Staging {
                    dir,
                    target: target.to_owned(),
                    inside: true,
                    created: Vec::new(),
                    committed: false,
                })
            }
            Ok(_) => Err(files_error(target, &"not a directory")),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                let name = target
                    .file_name()
                    .ok_or_else(|| files_error(target, &"names no directory"))?;
                let parent = target
                    .parent()
                    .filter(|parent| !parent.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                let created = create_missing_folders(parent)?;
                let staging = Staging {
                    dir: parent.join(format!(
                        ".{}.restore-{}",
                        name.to_string_lossy(),
                        files::random_suffix()
                    )),
                    target: target.to_owned(),
                    inside: false,
                    created,
                    committed: false,
                };
                files::create_new_private_dir(&staging.dir)?;
                Ok(staging)
            }
            Err(error) => Err(files_error(target, &error)),
        }
    }

    fn path(&self) -> &Path {
        &self.dir
    }

    /// Moves the staged files into place.
    fn commit(mut self) -> StoreResult<()> {
        if !self.inside {
            std::fs::rename(&self.dir, &self.target)
                .map_err(|error| files_error(&self.target, &error))?;
            self.committed = true;
            return Ok(());
        }
        let names = entries(&self.dir)?;
        let mut moved: Vec<&String> = Vec::new();
        for name in &names {
            if let Err(error) = std::fs::rename(self.dir.join(name), self.target.join(name)) {
                // Put back what was moved, so that the target is as it was.
                for name in moved {
                    let _ = std::fs::rename(self.target.join(name), self.dir.join(name));
                }
                return Err(files_error(&self.target, &error));
            }
            moved.push(name);
        }
        self.committed = true;
        let _ = std::fs::remove_dir(&self.dir);
        files::tighten(&self.target, files::PRIVATE_DIR_MODE);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        let _ = std::fs::remove_dir_all(&self.dir);
        for folder in self.created.iter().rev() {
            let _ = std::fs::remove_dir(folder);
        }
    }
}

/// The names in a folder, sorted.
fn entries(dir: &Path) -> StoreResult<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|error| files_error(dir, &error))? {
        let entry = entry.map_err(|error| files_error(dir, &error))?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    names.sort();
    Ok(names)
}

/// Creates the missing folders of `path` (private), outermost first, and names them.
fn create_missing_folders(path: &Path) -> StoreResult<Vec<PathBuf>> {
    let mut missing: Vec<PathBuf> = path
        .ancestors()
        .take_while(|folder| !folder.as_os_str().is_empty() && !folder.exists())
        .map(Path::to_path_buf)
        .collect();
    missing.reverse();
    let mut created = Vec::new();
    for folder in missing {
        if let Err(error) = files::create_new_private_dir(&folder) {
            for folder in created.iter().rev() {
                let _ = std::fs::remove_dir(folder);
            }
            return Err(error);
        }
        created.push(folder);
    }
    Ok(created)
}

fn files_error(path: &Path, detail: &dyn std::fmt::Display) -> StoreError {
    StoreError::Files {
        path: path.display().to_string(),
        detail: detail.to_string(),
    }
}
