//! `shinrai log verify`: the whole chain and every signature, re-computed.

use serde_json::json;
use shinrai_domain::log_chain::{Checkpoint, verifying_key_from_hex};
use shinrai_domain::text::{Bilingual, Lang};

use crate::args::{DataPlace, LogCheckpointArgs, LogCommand, LogVerifyArgs};
use crate::error::CliError;
use crate::output::write_stdout;
use crate::store_access::{open, runtime, store_config, store_error};

pub fn run(command: &LogCommand, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    match command {
        LogCommand::Verify(args) => verify(args, place, lang),
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

/// A checkpoint file as `GET /api/v1/log/checkpoint` serves it, and the public key it names.
pub(crate) fn read_checkpoint(
    path: &std::path::Path,
) -> Result<(Checkpoint, Option<String>), CliError> {
    let unreadable = |why: String| CliError::Unreadable {
        file: path.display().to_string(),
        why: Bilingual::new(
            format!("チェックポイントとして読めません ({why})"),
            format!("not a checkpoint ({why})"),
        ),
    };
    let text = std::fs::read_to_string(path).map_err(|e| unreadable(e.to_string()))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| unreadable(e.to_string()))?;
    let field = |name: &str| {
        value
            .get(name)
            .ok_or_else(|| unreadable(format!("/{name} is missing")))
    };
    let checkpoint = Checkpoint {
        size: field("size")?
            .as_u64()
            .ok_or_else(|| unreadable("/size is not a count".into()))?,
        head_hash: field("head_hash")?.as_str().unwrap_or_default().to_owned(),
        at_ms: field("at_ms")?
            .as_i64()
            .ok_or_else(|| unreadable("/at_ms is not a number".into()))?,
        signature: field("signature")?.as_str().unwrap_or_default().to_owned(),
    };
    let key = value
        .get("public_key")
        .and_then(|k| k.as_str())
        .map(str::to_owned);
    Ok((checkpoint, key))
}

fn verify(args: &LogVerifyArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let config = store_config(place)?;
    let runtime = runtime()?;
    let external = args
        .checkpoint
        .as_deref()
        .map(read_checkpoint)
        .transpose()?;
    runtime.block_on(async {
        let store = open(&config).await?;
        // A checkpoint kept elsewhere brings the key it was signed with: that key is trusted,
        // not the one in the data directory, which an intruder could have replaced.
        let key = match &external {
            Some((_, Some(hex))) => verifying_key_from_hex(hex).ok_or_else(|| CliError::Unreadable {
                file: args.checkpoint.as_deref().map(|p| p.display().to_string()).unwrap_or_default(),
                why: Bilingual::new("/public_key が公開鍵ではありません", "/public_key is not a public key"),
            })?,
            _ => store.verifying_key(),
        };
        let extra: Vec<Checkpoint> = external.iter().map(|(checkpoint, _)| checkpoint.clone()).collect();
        let result = store.verify_log(&key, extra).await.map_err(|e| store_error(&config, &e))?;
        store.close().await;
        match result {
            Ok(verified) => {
                let text = if args.json {
                    format!(
                        "{}\n",
                        json!({"intact": true, "events": verified.events, "head_hash": verified.head_hash, "checkpoints": verified.checkpoints})
                    )
                } else {
                    match lang {
                        Lang::Ja => format!(
                            "ログに改ざんはありません: イベント {} 件、先頭ハッシュ {}、署名済みチェックポイント {} 件\n",
                            verified.events, verified.head_hash, verified.checkpoints
                        ),
                        Lang::En => format!(
                            "log intact: {} events, head {}, {} signed checkpoints\n",
                            verified.events, verified.head_hash, verified.checkpoints
                        ),
                    }
                };
                write_stdout(&text)
            }
            Err(found) => {
                let text = if args.json {
                    format!(
                        "{}\n",
                        json!({"intact": false, "first_bad_event": found.seq(), "message": found.message().get(lang), "messages": found.message()})
                    )
                } else {
                    match lang {
                        Lang::Ja => format!("ログの改ざんを検出しました（イベント {}）: {}\n", found.seq(), found.message().ja),
                        Lang::En => format!("log altered at event {}: {}\n", found.seq(), found.message().en),
                    }
                };
                write_stdout(&text)?;
                Err(CliError::LogAltered)
            }
        }
    })
}
