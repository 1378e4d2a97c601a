//! `shinrai log verify`: the whole chain, every signature and every row of every table bound to
//! the log, re-computed from a store opened read-only. Verification writes nothing: a missing
//! key is reported as missing (the service would make a new one), a replaced key as replaced.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use shinrai_domain::log_audit::{AuditReport, Finding};
use shinrai_domain::log_chain::{Break, Checkpoint, verifying_key_from_hex};
use shinrai_domain::log_rows::display_key;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_store::{ReadOnlyStore, SigningKeyFile};

use crate::args::{DataPlace, LogVerifyArgs};
use crate::error::CliError;
use crate::output::{report_warning, write_stdout};
use crate::store_access::{runtime, store_config, store_error};

/// Human output lists this many findings; `--json` lists them all.
const LISTED: usize = 50;

/// Where the key the checkpoints were checked with came from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum KeySource {
    /// The checkpoint file given with `--checkpoint` (trusted over the data directory's).
    CheckpointFile(PathBuf),
    DataDir(PathBuf),
    /// No key anywhere: the checkpoints' signatures could not be checked.
    Missing(PathBuf),
}

impl KeySource {
    fn code(&self) -> &'static str {
        match self {
            KeySource::CheckpointFile(_) => "checkpoint_file",
            KeySource::DataDir(_) => "data_dir",
            KeySource::Missing(_) => "missing",
        }
    }
}

pub fn verify(args: &LogVerifyArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let config = store_config(place)?;
    let runtime = runtime()?;
    let external = args
        .checkpoint
        .as_deref()
        .map(read_checkpoint)
        .transpose()?;
    runtime.block_on(async {
        let store = ReadOnlyStore::open(&config)
            .await
            .map_err(|e| store_error(&config, &e))?;
        let mut warnings = Vec::new();
        // A checkpoint kept elsewhere brings the key it was signed with: that key is trusted,
        // not the one in the data directory, which an intruder could have replaced.
        let (key, source) = match (&external, store.signing_key()) {
            (Some((_, Some(hex))), found) => {
                let file = args.checkpoint.clone().unwrap_or_default();
                let key = verifying_key_from_hex(hex).ok_or_else(|| CliError::Unreadable {
                    file: file.display().to_string(),
                    why: Bilingual::new(
                        "/public_key が公開鍵ではありません",
                        "/public_key is not a public key",
                    ),
                })?;
                if let SigningKeyFile::Missing(path) = found {
                    warnings.push(missing_key_warning(path));
                }
                (Some(key), KeySource::CheckpointFile(file))
            }
            (_, SigningKeyFile::Present(key)) => (
                Some(*key),
                KeySource::DataDir(config.data_dir.join(shinrai_store::KEY_FILE)),
            ),
            (_, SigningKeyFile::Missing(path)) => (None, KeySource::Missing(path.clone())),
        };
        let extra: Vec<Checkpoint> = external
            .iter()
            .map(|(checkpoint, _)| checkpoint.clone())
            .collect();
        let report = store.verify_log(key.as_ref(), extra).await;
        store.close().await;
        let report = report.map_err(|e| store_error(&config, &e))?;
        warnings.extend(report.warnings.iter().map(|w| w.message()));
        let outcome = Outcome {
            report,
            source,
            warnings,
        };
        if args.json {
            write_stdout(&format!("{}\n", outcome.json(lang)))?;
        } else {
            write_stdout(&outcome.text(lang))?;
            for warning in &outcome.warnings {
                report_warning(warning.get(lang));
            }
        }
        outcome.verdict()
    })
}

fn missing_key_warning(path: &Path) -> Bilingual {
    Bilingual::new(
        format!(
            "データディレクトリに署名鍵 {} がありません（サービスは起動時に新しい鍵を作ります）",
            path.display()
        ),
        format!(
            "the data directory has no signing key {} (the service would make a new one when it starts)",
            path.display()
        ),
    )
}

struct Outcome {
    report: AuditReport,
    source: KeySource,
    warnings: Vec<Bilingual>,
}

impl Outcome {
    fn key_missing(&self) -> Option<&Path> {
        match &self.source {
            KeySource::Missing(path) => Some(path),
            _ => None,
        }
    }

    fn intact(&self) -> bool {
        self.report.intact() && self.key_missing().is_none()
    }

    fn verdict(&self) -> Result<(), CliError> {
        if self.intact() {
            Ok(())
        } else if self.report.intact() {
            Err(CliError::LogUnverified)
        } else {
            Err(CliError::LogAltered)
        }
    }

    /// What went wrong with the key, when that is the news.
    fn key_problem(&self) -> Option<Bilingual> {
        if let Err(Break::WrongKey { checkpoints, .. }) = &self.report.chain {
            return Some(match &self.source {
                KeySource::CheckpointFile(file) => Bilingual::new(
                    format!(
                        "チェックポイントは {} の鍵で署名されたものではありません（{checkpoints} 件のどれも検証できず、内容はログと一致します）",
                        file.display()
                    ),
                    format!(
                        "the checkpoints were not signed with the key of {} (none of the {checkpoints} verifies, though each matches the log)",
                        file.display()
                    ),
                ),
                KeySource::DataDir(path) | KeySource::Missing(path) => Bilingual::new(
                    format!(
                        "データディレクトリの署名鍵 {} は、チェックポイントに署名した鍵ではありません（{checkpoints} 件のどれもこの鍵で検証できず、内容はログと一致します。鍵が差し替えられています）",
                        path.display()
                    ),
                    format!(
                        "the signing key in the data directory is not the one that signed the checkpoints ({}: none of the {checkpoints} verifies with it, though each matches the log: the key was replaced)",
                        path.display()
                    ),
                ),
            });
        }
        let path = self.key_missing()?;
        let checkpoints = self.report.chain.as_ref().map_or(0, |v| v.checkpoints);
        Some(Bilingual::new(
            format!(
                "署名鍵 {} がありません。チェックポイント {checkpoints} 件の署名を検証できません",
                path.display()
            ),
            format!(
                "the signing key {} is missing, so the signatures of the {checkpoints} checkpoints cannot be checked",
                path.display()
            ),
        ))
    }

    fn text(&self, lang: Lang) -> String {
        let mut out = String::new();
        let rows: u64 = self.report.rows_checked.values().sum();
        let tables = self.report.rows_checked.len();
        match &self.report.chain {
            Err(Break::WrongKey { .. }) => {}
            Err(found) => out.push_str(&match lang {
                Lang::Ja => format!(
                    "ログの改ざんを検出しました（イベント {}）: {}\n",
                    found.seq(),
                    found.message().ja
                ),
                Lang::En => format!(
                    "log altered at event {}: {}\n",
                    found.seq(),
                    found.message().en
                ),
            }),
            Ok(verified) if self.report.findings.is_empty() && self.key_missing().is_none() => {
                out.push_str(&match lang {
                    Lang::Ja => format!(
                        "ログに改ざんはありません: イベント {} 件、先頭ハッシュ {}、署名済みチェックポイント {} 件、{tables} 表の {rows} 行がログと一致\n",
                        verified.events, verified.head_hash, verified.checkpoints
                    ),
                    Lang::En => format!(
                        "log intact: {} events, head {}, {} signed checkpoints; {rows} rows in {tables} tables match the log\n",
                        verified.events, verified.head_hash, verified.checkpoints
                    ),
                });
            }
            Ok(verified) if !self.report.findings.is_empty() => {
                let n = self.report.findings.len();
                out.push_str(&match lang {
                    Lang::Ja => format!(
                        "ログの改ざんを検出しました: {n} 件がログと一致しません（イベント {} 件の連鎖は無傷、{tables} 表の {rows} 行を照合）\n",
                        verified.events
                    ),
                    Lang::En => format!(
                        "log altered: {n} findings disagree with the log (the chain of {} events holds; {rows} rows in {tables} tables compared)\n",
                        verified.events
                    ),
                });
                for finding in self.report.findings.iter().take(LISTED) {
                    out.push_str(&format!("  {}\n", finding.message().get(lang)));
                }
                if n > LISTED {
                    out.push_str(&match lang {
                        Lang::Ja => format!("  ほか {} 件（--json ですべて表示）\n", n - LISTED),
                        Lang::En => format!("  and {} more (--json lists them all)\n", n - LISTED),
                    });
                }
            }
            Ok(verified) => out.push_str(&match lang {
                Lang::Ja => format!(
                    "ログを完全には検証できません: イベント {} 件の連鎖と {tables} 表の {rows} 行はログと一致します\n",
                    verified.events
                ),
                Lang::En => format!(
                    "log not fully verified: the chain of {} events and {rows} rows in {tables} tables agree with the log\n",
                    verified.events
                ),
            }),
        }
        if let Some(problem) = self.key_problem() {
            out.push_str(&format!("{}\n", problem.get(lang)));
        }
        out
    }

    fn json(&self, lang: Lang) -> Value {
        let verified = self.report.chain.as_ref().ok();
        let mut value = json!({
            "intact": self.intact(),
            "events": verified.map(|v| v.events),
            "head_hash": verified.map(|v| v.head_hash.clone()),
            "checkpoints": verified.map(|v| v.checkpoints),
            "signatures_checked": verified.is_some_and(|v| v.signatures_checked),
            "key": self.source.code(),
            "key_replaced": matches!(self.report.chain, Err(Break::WrongKey { .. })),
            "rows_checked": self.report.rows_checked,
            "findings": self.report.findings.iter().map(|f| finding_json(f, lang)).collect::<Vec<_>>(),
            "warnings": self.warnings.iter().map(|w| json!({"message": w.get(lang), "messages": w})).collect::<Vec<_>>(),
        });
        if let (Err(found), Some(object)) = (&self.report.chain, value.as_object_mut()) {
            let message = self.key_problem().unwrap_or_else(|| found.message());
            object.insert("first_bad_event".into(), found.seq().into());
            object.insert("message".into(), message.get(lang).into());
            object.insert("messages".into(), json!(message));
        } else if let (Some(problem), Some(object)) = (self.key_problem(), value.as_object_mut()) {
            object.insert("message".into(), problem.get(lang).into());
            object.insert("messages".into(), json!(problem));
        }
        value
    }
}

fn finding_json(finding: &Finding, lang: Lang) -> Value {
    let message = finding.message();
    match finding {
        Finding::Row {
            table,
            key,
            problem,
            seq,
        } => json!({
            "kind": "row", "table": table, "id": display_key(key), "key": key,
            "problem": problem.code(), "event": seq,
            "message": message.get(lang), "messages": message,
        }),
        Finding::CheckpointDeleted { size, recorded_by } => json!({
            "kind": "checkpoint_deleted", "size": size, "event": recorded_by,
            "message": message.get(lang), "messages": message,
        }),
        Finding::UnreadableRecords { seq, .. } => json!({
            "kind": "unreadable_records", "event": seq,
            "message": message.get(lang), "messages": message,
        }),
    }
}

/// A checkpoint file as `GET /api/v1/log/checkpoint` serves it.
pub(crate) fn read_checkpoint(path: &Path) -> Result<(Checkpoint, Option<String>), CliError> {
    let unreadable = |why: String| CliError::Unreadable {
        file: path.display().to_string(),
        why: Bilingual::new(
            format!("チェックポイントとして読めません ({why})"),
            format!("not a checkpoint ({why})"),
        ),
    };
    let text = std::fs::read_to_string(path).map_err(|e| unreadable(e.to_string()))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| unreadable(e.to_string()))?;
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
