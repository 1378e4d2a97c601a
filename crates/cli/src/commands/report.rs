//! `shinrai report verify FILE`: is this downloaded or printed-and-retyped audit report the one
//! its signing auditor signed? The report's canonical form is hashed and looked for in the
//! signing event of its audit, in a log that must itself verify. The store is opened read-only.

use serde_json::json;
use shinrai_domain::log_chain::Event;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::report::{ReportText, read_report};
use shinrai_store::{ReadOnlyStore, SigningKeyFile};

use crate::args::{DataPlace, ReportCommand, ReportVerifyArgs};
use crate::error::CliError;
use crate::input::{display_name, read_text};
use crate::output::write_stdout;
use crate::store_access::{runtime, store_config, store_error};

/// A report of 5,000 controls with long reasons in both languages stays far below this.
const MAX_REPORT_BYTES: usize = 64 * 1024 * 1024;
/// Events read per page while looking for the signature.
const PAGE: u32 = 1_000;

pub fn run(command: &ReportCommand, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    match command {
        ReportCommand::Verify(args) => verify(args, place, lang),
    }
}

/// What the log says of the report.
enum Finding {
    /// The audit's signing event records this very hash.
    Signed(Event),
    /// The audit was signed, with another report.
    Differs { signed_sha256: String },
    /// No signing event for the audit.
    NeverSigned,
}

fn verify(args: &ReportVerifyArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let file = display_name(&args.file);
    let text = read_text(&args.file, MAX_REPORT_BYTES)?;
    let (report, sha256) = match read_report(&text) {
        ReportText::Report { report, sha256 } => (report, sha256),
        ReportText::NotAReport(why) => return Err(CliError::Unreadable { file, why }),
    };
    let config = store_config(place)?;
    runtime()?.block_on(async {
        let store = ReadOnlyStore::open(&config)
            .await
            .map_err(|e| store_error(&config, &e))?;
        let finding = find_signature(&store, &report.audit, &sha256)
            .await
            .map_err(|e| store_error(&config, &e))?;
        let key = match store.signing_key() {
            SigningKeyFile::Present(key) => Some(*key),
            SigningKeyFile::Missing(_) => None,
        };
        let audit = store
            .verify_log(key.as_ref(), Vec::new())
            .await
            .map_err(|e| store_error(&config, &e))?;
        store.close().await;
        let intact = audit.intact() && key.is_some();
        let (matches, event) = match &finding {
            Finding::Signed(event) => (true, Some(event)),
            _ => (false, None),
        };
        if args.json {
            write_stdout(&format!(
                "{}\n",
                json!({
                    "audit": report.audit,
                    "sha256": sha256,
                    "matches": matches,
                    "signed_event": event.map(|e| e.seq),
                    "signed_by": event.map(|e| e.actor.clone()),
                    "signed_sha256": match &finding {
                        Finding::Signed(_) => Some(sha256.clone()),
                        Finding::Differs { signed_sha256 } => Some(signed_sha256.clone()),
                        Finding::NeverSigned => None,
                    },
                    "log_intact": intact,
                })
            ))?;
        } else {
            write_stdout(&format!(
                "{}\n",
                describe(&finding, &report.audit, &sha256).get(lang)
            ))?;
        }
        if !intact {
            return Err(CliError::LogAltered);
        }
        match finding {
            Finding::Signed(_) => Ok(()),
            other => Err(CliError::Refused {
                what: describe(&other, &report.audit, &sha256),
            }),
        }
    })
}

/// The last signing event of `audit`, compared with `sha256`.
async fn find_signature(
    store: &ReadOnlyStore,
    audit: &str,
    sha256: &str,
) -> shinrai_store::StoreResult<Finding> {
    let mut after = 0;
    let mut last: Option<Event> = None;
    loop {
        let page = store.events_after(after, PAGE).await?;
        let Some(end) = page.last().map(|event| event.seq) else {
            break;
        };
        for event in page {
            if event.action == "audit.sign" && event.subject == audit {
                last = Some(event);
            }
        }
        after = end;
    }
    let Some(event) = last else {
        return Ok(Finding::NeverSigned);
    };
    let signed = serde_json::from_str::<serde_json::Value>(&event.payload)
        .ok()
        .and_then(|payload| {
            payload
                .pointer("/audit/report_sha256")
                .and_then(|value| value.as_str().map(str::to_owned))
        })
        .unwrap_or_default();
    Ok(if signed == sha256 {
        Finding::Signed(event)
    } else {
        Finding::Differs {
            signed_sha256: signed,
        }
    })
}

fn describe(finding: &Finding, audit: &str, sha256: &str) -> Bilingual {
    match finding {
        Finding::Signed(event) => Bilingual::new(
            format!(
                "監査 {audit} の報告書は署名されたとおりです（SHA-256 {sha256}、ログのイベント {}、署名者 {}）",
                event.seq, event.actor
            ),
            format!(
                "the report of audit {audit} is the one signed (SHA-256 {sha256}, log event {}, signed by {})",
                event.seq, event.actor
            ),
        ),
        Finding::Differs { signed_sha256 } => Bilingual::new(
            format!(
                "監査 {audit} の報告書は署名されたものと異なります（このファイル {sha256}、署名時 {signed_sha256}）"
            ),
            format!(
                "the report of audit {audit} differs from the one signed (this file {sha256}, signed {signed_sha256})"
            ),
        ),
        Finding::NeverSigned => Bilingual::new(
            format!("ログに監査 {audit} の報告書の署名はありません"),
            format!("the log holds no signature of a report of audit {audit}"),
        ),
    }
}
