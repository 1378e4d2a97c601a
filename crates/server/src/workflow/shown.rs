//! How the workflow's things appear on pages: organisation names, dates from stored moments,
//! the registry entry of a service, figures and lists in the reader's language. Shared by the services, statements, audits and
//! applications pages.

use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::{EntryStatus, RegistryEntry};
use shinrai_domain::text::Lang;

use crate::state::AppState;

/// An organisation's name in `lang`, or its id when the store has no such organisation.
pub async fn organisation_name(state: &AppState, id: &str, lang: Lang) -> String {
    state
        .store
        .organisation(id)
        .await
        .ok()
        .flatten()
        .map_or_else(|| id.to_owned(), |org| org.name.get(lang).to_owned())
}

/// The calendar day (in the scheme's time zone) of a stored moment.
pub fn day_of(at_ms: i64) -> String {
    CalendarDate::from_unix_ms(at_ms).to_string()
}

/// The service's live registry entry, else the last one that ended.
pub fn entry_of<'a>(entries: &'a [RegistryEntry], service: &str) -> Option<&'a RegistryEntry> {
    let own = || {
        entries
            .iter()
            .filter(move |entry| entry.service.as_deref() == Some(service))
    };
    own()
        .find(|entry| entry.status != EntryStatus::Deregistered)
        .or_else(|| own().next_back())
}

/// A figure with at most two decimals and no trailing zeros (`99.9`, `43.2`, `432`).
pub fn figure(value: f64) -> String {
    format!("{value:.2}")
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_owned()
}

/// What separates the items of a list written out in `lang`.
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "、",
        Lang::En => ", ",
    }
}
