//! Opening the store for commands that work on the data directly (not through the service).

use std::path::PathBuf;

use shinrai_domain::text::Bilingual;
use shinrai_store::{Store, StoreConfig};

use crate::args::DataPlace;
use crate::error::CliError;

/// The data directory used when none is given.
pub const DEFAULT_DATA_DIR: &str = "./shinrai-data";
/// How often the log is checkpointed when no configuration says otherwise.
pub const DEFAULT_CHECKPOINT_EVERY: u64 = 100;

pub fn store_config(place: &DataPlace) -> StoreConfig {
    StoreConfig {
        data_dir: place
            .data_dir
            .clone()
            .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR)),
        database_url: place.db.clone(),
        checkpoint_every: DEFAULT_CHECKPOINT_EVERY,
    }
}

/// A runtime for commands that call the asynchronous store.
pub fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| CliError::Store {
            what: Bilingual::new(
                format!("非同期処理を開始できません ({error})"),
                format!("cannot start the async runtime ({error})"),
            ),
        })
}

pub async fn open(config: &StoreConfig) -> Result<Store, CliError> {
    Store::open(config)
        .await
        .map_err(|error| store_error(config, &error))
}

pub fn store_error(config: &StoreConfig, error: &shinrai_store::StoreError) -> CliError {
    let place = match &config.database_url {
        Some(url) if shinrai_store::is_postgres_url(url) => "PostgreSQL".to_owned(),
        Some(url) => url.clone(),
        None => config.data_dir.display().to_string(),
    };
    CliError::Store {
        what: Bilingual::new(
            format!("{place}: {}", error.message().ja),
            format!("{place}: {}", error.message().en),
        ),
    }
}
