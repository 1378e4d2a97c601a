//! The Ed25519 key that signs log checkpoints, kept in the data directory.

use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;

use crate::error::{StoreError, StoreResult};

pub const KEY_FILE: &str = "log-signing.key";

pub fn key_path(data_dir: &Path) -> PathBuf {
    data_dir.join(KEY_FILE)
}

/// Loads the key, creating one on first start. The file holds the 32-byte seed in hex and is
/// readable by its owner only.
pub fn load_or_create(data_dir: &Path) -> StoreResult<SigningKey> {
    match load(data_dir)? {
        Some(key) => Ok(key),
        None => {
            let seed: [u8; 32] = rand::random();
            write(&key_path(data_dir), &seed)?;
            Ok(SigningKey::from_bytes(&seed))
        }
    }
}

/// Loads the key if there is one, creating nothing (`None`: the file is not there).
pub fn load(data_dir: &Path) -> StoreResult<Option<SigningKey>> {
    let path = key_path(data_dir);
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&path, &text).map(Some),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(files(&path, &error.to_string())),
    }
}

pub fn parse(path: &Path, text: &str) -> StoreResult<SigningKey> {
    let bytes =
        hex::decode(text.trim()).map_err(|e| files(path, &format!("not a hex key: {e}")))?;
    let seed =
        <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| files(path, "a key is 32 bytes"))?;
    Ok(SigningKey::from_bytes(&seed))
}

/// Writes a key file that only its owner can read (mode `0600` from its creation).
pub fn write(path: &Path, seed: &[u8; 32]) -> StoreResult<()> {
    use std::io::Write;
    let mut file =
        crate::files::create_new_private_file(path).map_err(|e| files(path, &e.to_string()))?;
    file.write_all(hex::encode(seed).as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| files(path, &e.to_string()))
}

fn files(path: &Path, detail: &str) -> StoreError {
    StoreError::Files {
        path: path.display().to_string(),
        detail: detail.to_owned(),
    }
}
