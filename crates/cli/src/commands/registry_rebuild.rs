//! `shinrai registry rebuild [--check] [--as-of DATE] [--json]`: the registry recomputed from
//! the log's events and the lifecycle rule, from a store opened read-only. Without `--check`
//! it prints the registry so rebuilt; with it, every difference from the stored registry, and
//! exits 1 when there is any.

use serde_json::json;
use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::registry_rebuild::{LoggedEvent, Rebuild, RebuildReport};
use shinrai_store::{ReadOnlyStore, StoreResult};

use crate::args::{DataPlace, RegistryRebuildArgs};
use crate::error::CliError;
use crate::output::write_stdout;
use crate::store_access::{runtime, store_config, store_error};

/// Events read from the store at a time.
const EVENTS_PER_READ: u32 = 2_000;
/// Human output lists this many findings; `--json` lists them all.
const LISTED: usize = 50;

pub fn rebuild(args: &RegistryRebuildArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let config = store_config(place)?;
    let as_of = args
        .as_of
        .unwrap_or_else(|| Moment::at(crate::clock::now_ms()).date());
    let (mut rebuild, stored) = runtime()?.block_on(async {
        let store = ReadOnlyStore::open(&config)
            .await
            .map_err(|e| store_error(&config, &e))?;
        let read = read_all(&store).await;
        store.close().await;
        read.map_err(|e| store_error(&config, &e))
    })?;
    if !args.check {
        let entries = rebuild.entries();
        let mut text =
            serde_json::to_string_pretty(&json!({ "entries": entries })).unwrap_or_default();
        text.push('\n');
        return write_stdout(&text);
    }
    let report = rebuild.check(&stored, as_of);
    let text = if args.json {
        let mut text = serde_json::to_string_pretty(&json!({
            "as_of": report.as_of,
            "events_read": report.events_read,
            "entries_rebuilt": report.entries_rebuilt,
            "entries_stored": report.entries_stored,
            "agrees": report.agrees(),
            "findings": report.findings.iter().map(|finding| {
                let mut value = serde_json::to_value(finding).unwrap_or_default();
                if let Some(fields) = value.as_object_mut() {
                    fields.insert("message".to_owned(), json!(finding.message().get(lang)));
                }
                value
            }).collect::<Vec<_>>(),
        }))
        .unwrap_or_default();
        text.push('\n');
        text
    } else {
        human(&report, lang)
    };
    write_stdout(&text)?;
    if report.agrees() {
        Ok(())
    } else {
        Err(CliError::RegistryDiffers)
    }
}

/// Every event of the log through the rebuild, then the registry as stored.
async fn read_all(store: &ReadOnlyStore) -> StoreResult<(Rebuild, Vec<RegistryEntry>)> {
    let mut rebuild = Rebuild::new();
    let mut after = 0;
    loop {
        let events = store.events_after(after, EVENTS_PER_READ).await?;
        let Some(last) = events.last() else {
            break;
        };
        after = last.seq;
        for event in &events {
            rebuild.read(&LoggedEvent::from(event));
        }
    }
    let stored = store.registry_entries().await?;
    Ok((rebuild, stored))
}

fn human(report: &RebuildReport, lang: Lang) -> String {
    let mut out = match lang {
        Lang::Ja => format!(
            "{} の登録簿をログから再計算しました：記録 {} 件、再計算 {} 件、保存 {} 件\n",
            report.as_of, report.events_read, report.entries_rebuilt, report.entries_stored
        ),
        Lang::En => format!(
            "Registry rebuilt from the log on {}: {} events read, {} entries rebuilt, {} stored\n",
            report.as_of, report.events_read, report.entries_rebuilt, report.entries_stored
        ),
    };
    if report.agrees() {
        out.push_str(match lang {
            Lang::Ja => "保存された登録簿はログと一致します。\n",
            Lang::En => "The stored registry agrees with its log.\n",
        });
        return out;
    }
    out.push_str(&match lang {
        Lang::Ja => format!("相違 {} 件：\n", report.findings.len()),
        Lang::En => format!("{} differences:\n", report.findings.len()),
    });
    for finding in report.findings.iter().take(LISTED) {
        out.push_str(&format!("  - {}\n", finding.message().get(lang)));
    }
    if report.findings.len() > LISTED {
        out.push_str(&match lang {
            Lang::Ja => format!(
                "  …ほか {} 件（--json ですべて表示）\n",
                report.findings.len() - LISTED
            ),
            Lang::En => format!(
                "  … and {} more (--json lists them all)\n",
                report.findings.len() - LISTED
            ),
        });
    }
    out
}
