//! `shinrai backup -o FILE` and `shinrai restore FILE`.

use shinrai_domain::log_chain::verifying_key_from_hex;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_store::{Store, backup};

use crate::args::{BackupArgs, DataPlace, RestoreArgs};
use crate::error::CliError;
use crate::output::write_stdout;
use crate::store_access::{open, runtime, store_config, store_error};

pub fn backup(args: &BackupArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let config = store_config(place)?;
    runtime()?.block_on(async {
        let store = open(&config).await?;
        // Write to a temporary file beside the target, then rename: a failed backup never
        // leaves a file that looks complete. The file is 0600 from its creation: it holds
        // password and token hashes and the signing key.
        let partial = shinrai_store::files::partial_path(&args.output);
        let unwritable = |error: std::io::Error| CliError::Unwritable {
            file: args.output.display().to_string(),
            why: Bilingual::new(
                format!("書き込めません ({error})"),
                format!("cannot write ({error})"),
            ),
        };
        let file = shinrai_store::files::create_new_private_file(&partial).map_err(unwritable)?;
        let written = write_backup(&store, file, &partial, &args.output).await;
        if written.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        let manifest = written.map_err(|error| match error {
            Failure::Store(error) => store_error(&config, &error),
            Failure::Io(error) => unwritable(error),
        })?;
        store.close().await;
        let counts: Vec<String> = manifest
            .counts
            .iter()
            .map(|(name, n)| format!("{name} {n}"))
            .collect();
        write_stdout(&match lang {
            Lang::Ja => format!(
                "バックアップを書き出しました: {}（{}）\n",
                args.output.display(),
                counts.join("、")
            ),
            Lang::En => format!(
                "backup written: {} ({})\n",
                args.output.display(),
                counts.join(", ")
            ),
        })
    })
}

enum Failure {
    Store(shinrai_store::StoreError),
    Io(std::io::Error),
}

/// Writes the backup into `file` (at `partial`), flushes it to disk and renames it to `output`.
async fn write_backup(
    store: &Store,
    file: std::fs::File,
    partial: &std::path::Path,
    output: &std::path::Path,
) -> Result<backup::Manifest, Failure> {
    let mut writer = std::io::BufWriter::new(file);
    let manifest = store
        .backup(&mut writer, crate::clock::now_ms())
        .await
        .map_err(Failure::Store)?;
    let file = writer
        .into_inner()
        .map_err(|e| Failure::Io(e.into_error()))?;
    file.sync_all().map_err(Failure::Io)?;
    std::fs::rename(partial, output).map_err(Failure::Io)?;
    Ok(manifest)
}

pub fn restore(args: &RestoreArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let config = store_config(place)?;
    let trust = trust(args)?;
    let contents = backup::read_backup_file(&args.file).map_err(|error| CliError::Unreadable {
        file: args.file.display().to_string(),
        why: Bilingual::new(
            format!("バックアップとして使えません: {}", error.message().ja),
            error.message().en,
        ),
    })?;
    runtime()?.block_on(async {
        let store = Store::restore(&config, &contents, &trust)
            .await
            .map_err(|e| store_error(&config, &e))?;
        let (events, _) = store
            .log_head()
            .await
            .map_err(|e| store_error(&config, &e))?;
        store.close().await;
        let key = store.public_key_hex();
        write_stdout(&match lang {
            Lang::Ja => format!(
                "復元し、ログを検証しました（イベント {events} 件、署名鍵 {key}{}）\n",
                if trust.public_key.is_some() {
                    "、信頼する鍵と一致"
                } else {
                    ""
                }
            ),
            Lang::En => format!(
                "restored and the log verified ({events} events, signing key {key}{})\n",
                if trust.public_key.is_some() {
                    ", the trusted one"
                } else {
                    ""
                }
            ),
        })
    })
}

/// What the restore trusts from outside the backup: `--public-key`, and `--checkpoint` with the
/// key it names (the two must agree).
fn trust(args: &RestoreArgs) -> Result<backup::Trust, CliError> {
    let not_a_key = |source: &str| CliError::Unusable {
        what: Bilingual::new(
            format!("{source} が Ed25519 の公開鍵（16 進 64 桁）ではありません"),
            format!("{source} is not an Ed25519 public key (64 hex digits)"),
        ),
    };
    let given = args
        .public_key
        .as_deref()
        .map(|hex| verifying_key_from_hex(hex).ok_or_else(|| not_a_key("--public-key")))
        .transpose()?;
    let Some(path) = &args.checkpoint else {
        return Ok(backup::Trust {
            public_key: given,
            checkpoints: Vec::new(),
        });
    };
    let (checkpoint, named) = crate::commands::log_verify::read_checkpoint(path)?;
    let named = named
        .map(|hex| {
            verifying_key_from_hex(&hex)
                .ok_or_else(|| not_a_key(&format!("{}: /public_key", path.display())))
        })
        .transpose()?;
    let public_key = match (given, named) {
        (Some(given), Some(named)) if given != named => {
            return Err(CliError::Unusable {
                what: Bilingual::new(
                    format!("{} の鍵が --public-key と違います", path.display()),
                    format!("the key in {} differs from --public-key", path.display()),
                ),
            });
        }
        (given, named) => given.or(named),
    };
    Ok(backup::Trust {
        public_key,
        checkpoints: vec![checkpoint],
    })
}
