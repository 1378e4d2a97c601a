//! `shinrai log checkpoint`, and `shinrai log verify` (in `log_verify`).

use serde_json::json;
use shinrai_domain::text::{Bilingual, Lang};

use crate::args::{DataPlace, LogCheckpointArgs, LogCommand};
use crate::error::CliError;
use crate::output::write_stdout;
use crate::store_access::{open, runtime, store_config, store_error};

pub fn run(command: &LogCommand, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    match command {
        LogCommand::Verify(args) => super::log_verify::verify(args, place, lang),
        LogCommand::Checkpoint(args) => checkpoint(args, place),
    }
}

/// The signed head as `GET /api/v1/log/checkpoint` serves it, signing one first when events
/// came after the last.
fn checkpoint(args: &LogCheckpointArgs, place: &DataPlace) -> Result<(), CliError> {
    let config = store_config(place)?;
    runtime()?.block_on(async {
        let store = open(&config).await?;
        store.checkpoint(crate::clock::now_ms()).await.map_err(|e| store_error(&config, &e))?;
        let latest = store.latest_checkpoint().await.map_err(|e| store_error(&config, &e))?;
        let public_key = store.public_key_hex();
        store.close().await;
        let Some(latest) = latest else {
            return Err(CliError::Refused {
                what: Bilingual::new("ログはまだ空です", "the log is still empty"),
            });
        };
        let text = format!(
            "{}\n",
            json!({"size": latest.size, "head_hash": latest.head_hash, "at_ms": latest.at_ms, "signature": latest.signature, "public_key": public_key})
        );
        match &args.output {
            Some(path) => std::fs::write(path, text).map_err(|error| CliError::Unwritable {
                file: path.display().to_string(),
                why: Bilingual::new(format!("書き込めません ({error})"), format!("cannot write ({error})")),
            }),
            None => write_stdout(&text),
        }
    })
}
