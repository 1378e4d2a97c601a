//! Opening the store for commands that work on the data directly (not through the service):
//! the configuration file and `SHINRAI_*` variables first, then the command-line flags.

use shinrai_domain::text::Bilingual;
use shinrai_server::{Config, Secret};
use shinrai_store::{Store, StoreConfig};

use crate::args::DataPlace;
use crate::error::CliError;

/// The service configuration with the flags applied.
pub fn config(place: &DataPlace) -> Result<Config, CliError> {
    let mut config = Config::load(place.config.as_deref()).map_err(|error| CliError::Config {
        what: Bilingual::new(
            error.describe(shinrai_domain::text::Lang::Ja),
            error.describe(shinrai_domain::text::Lang::En),
        ),
    })?;
    if let Some(dir) = &place.data_dir {
        config.data_dir.clone_from(dir);
    }
    if let Some(url) = &place.db {
        config.db = Some(Secret::new(url.clone()));
    }
    Ok(config)
}

pub fn store_config_of(config: &Config) -> StoreConfig {
    StoreConfig {
        data_dir: config.data_dir.clone(),
        database_url: config.db.as_ref().map(|secret| secret.expose().to_owned()),
        checkpoint_every: config.checkpoint_every,
    }
}

pub fn store_config(place: &DataPlace) -> Result<StoreConfig, CliError> {
    Ok(store_config_of(&config(place)?))
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
    let what = Bilingual::new(
        format!("{place}: {}", error.message().ja),
        format!("{place}: {}", error.message().en),
    );
    if error.is_caller_error() {
        CliError::Refused { what }
    } else {
        CliError::Store { what }
    }
}
