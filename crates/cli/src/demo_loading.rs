//! Fills the demo world for `serve --demo` on a thread of its own, held to one CPU.
//!
//! Telling the demo is a long conversation of small queries between this thread and the SQLite
//! connection's worker thread: each query hands work over and back. Across two CPUs every
//! hand-over wakes a sleeping core, which costs more than the query itself; on one CPU the
//! threads simply take turns (measured in docs/benchmarks.md). The serving runtime is built
//! afterwards and keeps every CPU.

use std::sync::Arc;

use shinrai_domain::text::Bilingual;
use shinrai_server::config::Config;
use shinrai_server::demo::DemoLogin;
use shinrai_store::StoreConfig;

use crate::error::CliError;
use crate::store_access::store_error;

/// Builds the demo world unless the store holds data already (`Ok(None)` then).
pub fn load(
    config: &Config,
    store_config: &StoreConfig,
) -> Result<Option<Vec<DemoLogin>>, CliError> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("demo-loader".to_owned())
            .spawn_scoped(scope, || {
                hold_to_one_cpu();
                // Threads started from here (the connection's worker, blocking tasks) share
                // this thread's CPU.
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(|error| failed(&error.to_string()))?;
                runtime.block_on(fill(config, store_config))
            })
            .map_err(|error| failed(&error.to_string()))?
            .join()
            .map_err(|_| failed("the loading thread stopped"))?
    })
}

async fn fill(
    config: &Config,
    store_config: &StoreConfig,
) -> Result<Option<Vec<DemoLogin>>, CliError> {
    // Filled through a store that syncs to disk once, when closed: the demo world is hundreds
    // of commits. Served afterwards through a store that syncs every commit.
    let loading = Arc::new(
        shinrai_store::Store::open_for_loading(store_config)
            .await
            .map_err(|error| store_error(store_config, &error))?,
    );
    let state = shinrai_server::AppState::new(config, loading.clone());
    let loaded = shinrai_server::demo::load_if_empty(&state, crate::clock::now_ms()).await;
    loading.close().await;
    loaded.map_err(|error| failed(&error.to_string()))
}

/// Keeps the calling thread on the first CPU it may use. Where that is refused, the load runs
/// unpinned: slower, the same result.
fn hold_to_one_cpu() {
    let Some(first) = core_affinity::get_core_ids().and_then(|cores| cores.into_iter().next())
    else {
        return;
    };
    if !core_affinity::set_for_current(first) {
        tracing::debug!("the demo loader runs on every CPU: it could not be held to one");
    }
}

fn failed(why: &str) -> CliError {
    CliError::Serve {
        what: Bilingual::new(
            format!("デモデータを入れられません: {why}"),
            format!("cannot load the demo data: {why}"),
        ),
    }
}
