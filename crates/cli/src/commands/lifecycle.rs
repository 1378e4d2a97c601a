//! `shinrai lifecycle run [--as-of DATE] [--dry-run]`: the lifecycle job on demand, the same run
//! the service makes on its schedule.

use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::Moment;
use shinrai_server::jobs::lifecycle::{self, Attempt, LifecycleRun};

use crate::args::{DataPlace, LifecycleCommand, LifecycleRunArgs};
use crate::error::CliError;
use crate::output::write_stdout;
use crate::store_access::{config, open, runtime, store_config_of, store_error};

pub fn run(command: &LifecycleCommand, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    match command {
        LifecycleCommand::Run(args) => run_job(args, place, lang),
    }
}

fn run_job(args: &LifecycleRunArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let settings = config(place)?;
    let config = store_config_of(&settings);
    let at_ms = crate::clock::now_ms();
    let as_of = args.as_of.unwrap_or_else(|| Moment::at(at_ms).date());
    // Messages wait for the service's mailer when SMTP is configured: a running `serve`
    // sends them on its next sweep.
    let options = lifecycle::RunOptions {
        as_of,
        at_ms,
        dry_run: args.dry_run,
        mail: settings.mail.is_some(),
    };
    let done = runtime()?.block_on(async {
        let store = open(&config).await?;
        let done = lifecycle::run(&store, options).await;
        store.close().await;
        done.map_err(|error| store_error(&config, &error))
    })?;
    let Attempt::Ran(done) = done else {
        return Err(CliError::Refused {
            what: Bilingual::new(
                "別のプロセスが期限・連鎖の処理を実行中です。終わってからもう一度実行してください",
                "another process is running the lifecycle job; run it again when that one ends",
            ),
        });
    };
    let text = if args.json {
        let mut text = serde_json::to_string_pretty(&done).unwrap_or_default();
        text.push('\n');
        text
    } else {
        human(&done, lang)
    };
    write_stdout(&text)
}

fn human(done: &LifecycleRun, lang: Lang) -> String {
    let pick = |ja: &str, en: &str| match lang {
        Lang::Ja => ja.to_owned(),
        Lang::En => en.to_owned(),
    };
    let mut out = String::new();
    let head = match (lang, done.dry_run) {
        (Lang::Ja, true) => format!(
            "{} の処理（試行、書き込みなし）：{} 件\n",
            done.as_of,
            done.changes.len()
        ),
        (Lang::Ja, false) => format!("{} の処理：{} 件\n", done.as_of, done.changes.len()),
        (Lang::En, true) => format!(
            "Run for {} (dry run, nothing written): {} changes\n",
            done.as_of,
            done.changes.len()
        ),
        (Lang::En, false) => format!("Run for {}: {} changes\n", done.as_of, done.changes.len()),
    };
    out.push_str(&head);
    for change in &done.changes {
        let what = match &change.because {
            Some(base) => match lang {
                Lang::Ja => format!("登録抹消（{base} の登録終了による連鎖）"),
                Lang::En => format!("deregistered in cascade with {base}"),
            },
            None => pick("期限切れ", "expired"),
        };
        let since = pick("開始日", "since");
        out.push_str(&format!(
            "  - {}: {what}, {since} {}\n",
            change.entry, change.since
        ));
    }
    if !done.notifications.is_empty() {
        out.push_str(&match lang {
            Lang::Ja => format!("通知：{} 件\n", done.notifications.len()),
            Lang::En => format!("Notifications: {}\n", done.notifications.len()),
        });
        for sent in &done.notifications {
            out.push_str(&format!("  - {} → {} ({})\n", sent.kind, sent.to, sent.id));
        }
    }
    out
}
