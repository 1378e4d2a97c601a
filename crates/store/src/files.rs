//! Files and folders that hold secrets (password and token hashes, the key seed, evidence):
//! folders `0700` and files `0600`, given at creation so that no umask can open them up, not
//! tightened afterwards. A data directory or file that already exists with more open modes is
//! tightened when the store opens it; when that is not allowed (another owner), a warning is
//! logged and the store carries on.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{StoreError, StoreResult};

pub const PRIVATE_DIR_MODE: u32 = 0o700;
pub const PRIVATE_FILE_MODE: u32 = 0o600;

/// Creates a folder and any missing parents, each readable by its owner only; an existing
/// folder that others could read is tightened.
pub fn create_private_dir(path: &Path) -> StoreResult<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(PRIVATE_DIR_MODE);
    }
    builder.create(path).map_err(|e| files(path, &e))?;
    tighten(path, PRIVATE_DIR_MODE);
    Ok(())
}

/// Creates a new folder readable by its owner only; fails if it exists.
pub fn create_new_private_dir(path: &Path) -> StoreResult<()> {
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(PRIVATE_DIR_MODE);
    }
    builder.create(path).map_err(|e| files(path, &e))
}

/// Creates a new file readable by its owner only; fails if it exists.
pub fn create_new_private_file(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(PRIVATE_FILE_MODE);
    }
    options.open(path)
}

/// Creates an empty file readable by its owner only unless one exists (which is tightened).
pub fn ensure_private_file(path: &Path) -> StoreResult<()> {
    match create_new_private_file(path) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            tighten(path, PRIVATE_FILE_MODE);
            Ok(())
        }
        Err(error) => Err(files(path, &error)),
    }
}

/// Writes a file readable by its owner only, all or nothing: a private temporary file beside it,
/// flushed to disk, then renamed over it. Missing folders on the way are created private.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> StoreResult<()> {
    if let Some(parent) = path.parent() {
        create_private_dir(parent)?;
    }
    let partial = partial_path(path);
    let written = create_new_private_file(&partial).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    let renamed = written.and_then(|()| std::fs::rename(&partial, path));
    renamed.map_err(|error| {
        let _ = std::fs::remove_file(&partial);
        files(path, &error)
    })
}

/// `folder/.name.RANDOM.partial`: hidden, unique, on the same filesystem as `path`.
pub fn partial_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.partial", random_suffix()))
}

/// Sixteen hex digits, enough that two writers never pick the same temporary name.
pub fn random_suffix() -> String {
    hex::encode(rand::random::<[u8; 8]>())
}

/// Removes group and other access from an existing file or folder that has any; warns when the
/// mode cannot be changed.
pub fn tighten(path: &Path, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(metadata) = std::fs::metadata(path) else {
            return;
        };
        let current = metadata.permissions().mode() & 0o777;
        if current & 0o077 == 0 {
            return;
        }
        match std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)) {
            Ok(()) => tracing::warn!(
                path = %path.display(),
                from = format!("{current:o}"),
                to = format!("{mode:o}"),
                "others could read this; its mode was tightened"
            ),
            Err(error) => tracing::warn!(
                path = %path.display(),
                mode = format!("{current:o}"),
                %error,
                "others can read this and its mode cannot be tightened"
            ),
        }
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
}

fn files(path: &Path, error: &std::io::Error) -> StoreError {
    StoreError::Files {
        path: path.display().to_string(),
        detail: error.to_string(),
    }
}
