//! `shinrai serve [--addr ADDR] [--demo]`: the web application and API until SIGTERM or Ctrl-C;
//! on the way out a checkpoint of the log is signed.

use std::io::Write;
use std::sync::Arc;

use shinrai_domain::text::Lang;
use shinrai_server::AppState;

use crate::args::{DataPlace, ServeArgs};
use crate::error::CliError;
use crate::store_access::{config, open, runtime, store_config_of, store_error};

pub fn run(args: &ServeArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let mut config = config(place)?;
    if let Some(addr) = args.addr {
        config.addr = addr;
    }
    shinrai_server::telemetry::init_logging(config.log_format);
    let store_config = store_config_of(&config);
    if args.demo {
        let loaded = crate::demo_loading::load(&config, &store_config)?;
        announce_demo(loaded.as_deref(), lang);
    }
    runtime()?.block_on(async {
        let store = Arc::new(open(&store_config).await?);
        let state = AppState::new(&config, store.clone());
        if !args.demo && store.organisation_count().await.map_err(|e| store_error(&store_config, &e))? == 0 {
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                match lang {
                    Lang::Ja => "note: データがありません。`shinrai init` で最初の管理者を作るか、`--demo` で試してください",
                    Lang::En => "note: the store is empty: create the first administrator with `shinrai init`, or try `--demo`",
                }
            );
        }
        // The lifecycle job: once now, then daily (`lifecycle_at`).
        let schedule = shinrai_server::jobs::schedule::spawn(state.clone(), config.lifecycle_at);
        // The mailer, when SMTP is configured: notifications go by e-mail as they are written.
        let mailer = shinrai_server::notifications::mailer::spawn(state.clone());
        let on_shutdown = {
            let store = store.clone();
            async move {
                // A run under way is one transaction: stopped, it either wrote or did not.
                if let Some(schedule) = schedule {
                    schedule.abort();
                }
                if let Some(mailer) = mailer {
                    mailer.abort();
                }
                // The last events of this run are covered by a signed checkpoint before exit.
                if let Err(error) = store.checkpoint(crate::clock::now_ms()).await {
                    tracing::error!(%error, "cannot sign the closing checkpoint");
                }
                store.close().await;
            }
        };
        let _ = writeln!(std::io::stderr(), "shinrai: http://{} ({})", config.addr, store.engine());
        shinrai_server::serve(&config, state, on_shutdown).await.map_err(|error| CliError::Serve { what: error.message() })
    })
}

fn announce_demo(loaded: Option<&[shinrai_server::demo::DemoLogin]>, lang: Lang) {
    let mut out = std::io::stdout().lock();
    let Some(logins) = loaded else {
        let _ = writeln!(
            out,
            "{}",
            match lang {
                Lang::Ja => "デモ: 保存先にデータがあるため、デモデータは入れませんでした。",
                Lang::En => "demo: the store already holds data; the demo world was not loaded.",
            }
        );
        return;
    };
    let (warning, header) = match lang {
        Lang::Ja => (
            "警告: デモ専用です。以下のログインとパスワードは公開されています。実際のデータには使わないでください。",
            "デモのログイン（パスワードはすべて同じ）:",
        ),
        Lang::En => (
            "WARNING: for demonstration only. These logins and their password are public: never use them for real data.",
            "Demo logins (all share one password):",
        ),
    };
    let _ = writeln!(out, "{warning}\n{header}");
    for login in logins {
        let _ = writeln!(
            out,
            "  {:<18} {:<20} {}",
            login.login,
            login.organisation,
            login.roles.join(",")
        );
    }
    let _ = writeln!(out, "  password: {}", shinrai_server::demo::DEMO_PASSWORD);
}
