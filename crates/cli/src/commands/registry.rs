//! `shinrai registry export`: the public registry as open data, read from the store directly;
//! `rebuild` is in its own module.

use std::collections::HashMap;

use shinrai_domain::level::Level;
use shinrai_domain::registry::{EntryStatus, RegistryIndex, RegistryQuery};
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_formats::registry;

use crate::args::{DataPlace, OpenDataFormatArg, RegistryCommand, RegistryExportArgs};
use crate::error::CliError;
use crate::output::write_stdout;
use crate::store_access::{open, runtime, store_config, store_error};

pub fn run(command: &RegistryCommand, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    match command {
        RegistryCommand::Export(args) => export(args, place, lang),
        RegistryCommand::Rebuild(args) => super::registry_rebuild::rebuild(args, place, lang),
    }
}

fn export(args: &RegistryExportArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let status = args
        .status
        .as_deref()
        .map(|code| {
            EntryStatus::from_code(code).ok_or_else(|| CliError::Refused {
                what: Bilingual::new(
                    format!(
                        "状態「{code}」はありません（registered・suspended・expired・deregistered）"
                    ),
                    format!("no status {code} (registered, suspended, expired, deregistered)"),
                ),
            })
        })
        .transpose()?;
    let config = store_config(place)?;
    let (entries, names) = runtime()?.block_on(async {
        let store = open(&config).await?;
        let entries = store.registry_entries().await;
        let organisations = store.organisations().await;
        store.close().await;
        let entries = entries.map_err(|e| store_error(&config, &e))?;
        let names: HashMap<String, Bilingual> = organisations
            .map_err(|e| store_error(&config, &e))?
            .into_iter()
            .map(|org| (org.id, org.name))
            .collect();
        Ok::<_, CliError>((entries, names))
    })?;
    let query = RegistryQuery {
        text: args.q.clone(),
        level: args.level.and_then(Level::new),
        status,
        ..RegistryQuery::default()
    };
    let index = RegistryIndex::new(&entries, &names).map_err(|e| CliError::Store {
        what: Bilingual::new(
            format!("登録簿が大きすぎて検索できません（{} 件）", e.0),
            e.to_string(),
        ),
    })?;
    let chosen: Vec<_> = index
        .search(&query, lang)
        .into_iter()
        .filter_map(|i| entries.get(i))
        .collect();
    let failed = |e: registry::RegistryExportError| CliError::Unwritable {
        file: args.output.display().to_string(),
        why: e.message(),
    };
    let bytes = match args.format {
        OpenDataFormatArg::Csv => {
            let mut bytes = Vec::new();
            registry::write_csv(&chosen, &names, &mut bytes).map_err(failed)?;
            bytes
        }
        OpenDataFormatArg::Json => {
            let mut bytes = Vec::new();
            registry::write_json(&chosen, &names, &mut bytes).map_err(failed)?;
            bytes
        }
        OpenDataFormatArg::Xlsx => registry::write_xlsx(&chosen, &names).map_err(failed)?,
    };
    std::fs::write(&args.output, bytes).map_err(|e| CliError::Unwritable {
        file: args.output.display().to_string(),
        why: Bilingual::new(
            format!("書き込めません ({e})"),
            format!("cannot write ({e})"),
        ),
    })?;
    write_stdout(&match lang {
        Lang::Ja => format!("{}: {} 件\n", args.output.display(), chosen.len()),
        Lang::En => format!("{}: {} entries\n", args.output.display(), chosen.len()),
    })
}
