//! Finding registry entries: free text over names, descriptions and provider names (Japanese by
//! substring, English by word or part of a word), filters, a sort order and pages.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::model::{DeploymentModel, EntryStatus, RegistryEntry};
use crate::level::Level;
use crate::service_model::ServiceModel;
use crate::text::{Bilingual, Lang, search_folded};

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Newest registration first.
    #[default]
    Registered,
    /// By service name in the reader's language.
    Name,
    /// Highest level first.
    Level,
    /// Soonest end of validity first.
    ValidUntil,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [
        SortKey::Registered,
        SortKey::Name,
        SortKey::Level,
        SortKey::ValidUntil,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SortKey::Registered => "registered",
            SortKey::Name => "name",
            SortKey::Level => "level",
            SortKey::ValidUntil => "valid_until",
        }
    }

    pub fn from_code(code: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|key| key.code() == code)
    }
}

/// What to look for; every given condition must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistryQuery {
    /// Words separated by spaces; each must occur in the name, description or provider name.
    pub text: Option<String>,
    pub level: Option<Level>,
    pub model: Option<ServiceModel>,
    pub deployment: Option<DeploymentModel>,
    pub status: Option<EntryStatus>,
    pub provider: Option<String>,
    pub audit_body: Option<String>,
    pub sort: SortKey,
}

/// Entries with their searchable text prepared: lowercased, full-width letters folded.
#[derive(Debug, Clone, Default)]
pub struct RegistryIndex {
    haystacks: Vec<String>,
}

impl RegistryIndex {
    /// `provider_names` maps organisation ids to their names, so that a search for a provider's
    /// name finds its services.
    pub fn new(entries: &[RegistryEntry], provider_names: &HashMap<String, Bilingual>) -> Self {
        RegistryIndex {
            haystacks: entries
                .iter()
                .map(|entry| haystack(entry, provider_names.get(&entry.provider)))
                .collect(),
        }
    }

    /// Positions in `entries` of the matching entries, in the query's order. `entries` must be
    /// the slice the index was built from.
    pub fn search(
        &self,
        entries: &[RegistryEntry],
        query: &RegistryQuery,
        lang: Lang,
    ) -> Vec<usize> {
        let words: Vec<String> = query
            .text
            .as_deref()
            .map(|text| {
                search_folded(text)
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let mut found: Vec<usize> = entries
            .iter()
            .zip(&self.haystacks)
            .enumerate()
            .filter(|(_, (entry, haystack))| {
                filters_hold(entry, query) && words.iter().all(|w| haystack.contains(w.as_str()))
            })
            .map(|(position, _)| position)
            .collect();
        found.sort_by(|a, b| match (entries.get(*a), entries.get(*b)) {
            (Some(a), Some(b)) => compare(a, b, query.sort, lang),
            _ => Ordering::Equal,
        });
        found
    }
}

fn compare(a: &RegistryEntry, b: &RegistryEntry, key: SortKey, lang: Lang) -> Ordering {
    let by_key = match key {
        SortKey::Registered => b.registered_on.cmp(&a.registered_on),
        SortKey::Name => a.service_name.get(lang).cmp(b.service_name.get(lang)),
        SortKey::Level => b.level.cmp(&a.level),
        SortKey::ValidUntil => a.valid_until.cmp(&b.valid_until),
    };
    // Ties keep a stable, meaningful order: by registration number.
    by_key.then_with(|| a.id.cmp(&b.id))
}

fn filters_hold(entry: &RegistryEntry, query: &RegistryQuery) -> bool {
    query.level.is_none_or(|level| entry.level == level)
        && query.model.is_none_or(|model| entry.offers(model))
        && query
            .deployment
            .is_none_or(|model| entry.deployment_models.contains(&model))
        && query.status.is_none_or(|status| entry.status == status)
        && query
            .provider
            .as_deref()
            .is_none_or(|provider| entry.provider == provider)
        && query
            .audit_body
            .as_deref()
            .is_none_or(|body| entry.audit_body == body)
}

fn haystack(entry: &RegistryEntry, provider: Option<&Bilingual>) -> String {
    let mut text = String::new();
    for piece in [
        entry.id.as_str(),
        &entry.service_name.ja,
        &entry.service_name.en,
        &entry.description.ja,
        &entry.description.en,
        &entry.provider,
    ] {
        text.push_str(piece);
        text.push('\n');
    }
    if let Some(name) = provider {
        text.push_str(&name.ja);
        text.push('\n');
        text.push_str(&name.en);
    }
    search_folded(&text)
}
