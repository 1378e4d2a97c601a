//! `shinrai backup -o FILE` and `shinrai restore FILE`.

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
        // leaves a file that looks complete.
        let partial = args.output.with_extension("partial");
        let unwritable = |error: std::io::Error| CliError::Unwritable {
            file: args.output.display().to_string(),
            why: Bilingual::new(
                format!("書き込めません ({error})"),
                format!("cannot write ({error})"),
            ),
        };
        let file = std::fs::File::create(&partial).map_err(unwritable)?;
        let mut writer = std::io::BufWriter::new(file);
        let manifest = store
            .backup(&mut writer, crate::clock::now_ms())
            .await
            .map_err(|e| store_error(&config, &e))?;
        let file = writer
            .into_inner()
            .map_err(|e| unwritable(e.into_error()))?;
        file.sync_all().map_err(unwritable)?;
        std::fs::rename(&partial, &args.output).map_err(unwritable)?;
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

pub fn restore(args: &RestoreArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let config = store_config(place)?;
    let contents = backup::read_backup_file(&args.file).map_err(|error| CliError::Unreadable {
        file: args.file.display().to_string(),
        why: Bilingual::new(
            format!("バックアップとして読めません: {error}"),
            error.to_string(),
        ),
    })?;
    runtime()?.block_on(async {
        let store = Store::restore(&config, &contents)
            .await
            .map_err(|e| store_error(&config, &e))?;
        let (events, _) = store
            .log_head()
            .await
            .map_err(|e| store_error(&config, &e))?;
        store.close().await;
        write_stdout(&match lang {
            Lang::Ja => format!("復元し、ログを検証しました（イベント {events} 件）\n"),
            Lang::En => format!("restored and the log verified ({events} events)\n"),
        })
    })
}
