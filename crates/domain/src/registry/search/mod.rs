//! Finding registry entries: free text over names, descriptions and provider names (Japanese by
//! substring, English by word or part of a word), filters, a sort order and pages.
//!
//! A word matches an entry when it is a substring of the entry's folded text (see `haystack`).
//! The index answers that without reading every entry: each filter value and each character
//! and bigram of the texts has its set of entries (`filters`, `grams`); a query intersects the
//! sets of its filters and of its words' bigrams, then checks by substring only the entries
//! left when a word is longer than a bigram. Every sort order is computed once (`order`), so a
//! page and the total come without sorting the matches.

mod entry_set;
mod filters;
mod grams;
mod haystack;
mod order;

use std::collections::HashMap;

use self::entry_set::{EntrySet, Position};
use self::filters::FilterIndex;
use self::grams::GramIndex;
use self::haystack::{Haystacks, texts, words};
use self::order::SortOrders;
use super::model::{DeploymentModel, EntryStatus, RegistryEntry};
use crate::level::Level;
use crate::service_model::ServiceModel;
use crate::text::{Bilingual, Lang};

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

/// The registry holds more entries than the index can number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the registry has {0} entries; the search index numbers at most {max}", max = Position::MAX)]
pub struct RegistryTooLarge(pub usize);

/// Entries with their searchable text prepared, indexed by character bigrams and filter
/// values, and sorted in every order a list can take.
#[derive(Debug, Default)]
pub struct RegistryIndex {
    universe: usize,
    haystacks: Haystacks,
    grams: GramIndex,
    filters: FilterIndex,
    orders: SortOrders,
}

/// The entries a query matches, in no order yet; [`RegistryIndex::page`] orders them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matches {
    /// `None` when the query sets no condition: every entry.
    members: Option<EntrySet>,
    universe: usize,
}

impl Matches {
    pub fn len(&self) -> usize {
        self.members.as_ref().map_or(self.universe, EntrySet::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl RegistryIndex {
    /// `provider_names` maps organisation ids to their names, so that a search for a provider's
    /// name finds its services.
    pub fn new(
        entries: &[RegistryEntry],
        provider_names: &HashMap<String, Bilingual>,
    ) -> Result<Self, RegistryTooLarge> {
        // Positions run from 0 to one below the number of entries.
        if Position::try_from(entries.len()).is_err() {
            return Err(RegistryTooLarge(entries.len()));
        }
        let mut haystacks = Haystacks::default();
        for entry in entries {
            haystacks.push(&texts(entry, provider_names.get(&entry.provider)));
        }
        haystacks.shrink_to_fit();
        let universe = entries.len();
        let grams = GramIndex::build((0..).zip(haystacks.iter()), universe);
        Ok(RegistryIndex {
            universe,
            grams,
            haystacks,
            filters: FilterIndex::build(entries),
            orders: SortOrders::build(entries),
        })
    }

    /// The entries matching every condition of `query` (its sort aside).
    pub fn find(&self, query: &RegistryQuery) -> Matches {
        let mut sets: Vec<&EntrySet> = self.filters.sets_for(query);
        let mut to_check: Vec<String> = Vec::new();
        for word in words(query.text.as_deref()) {
            let (grams, exact) = self.grams.sets_for(&word);
            sets.extend(grams);
            if !exact {
                to_check.push(word);
            }
        }
        if sets.is_empty() {
            return Matches {
                members: None,
                universe: self.universe,
            };
        }
        let candidates = EntrySet::intersection(sets, self.universe);
        let members = if to_check.is_empty() {
            candidates
        } else {
            // The longest word first: it is the likeliest to rule an entry out.
            to_check.sort_by_key(|word| std::cmp::Reverse(word.len()));
            let finders: Vec<memchr::memmem::Finder<'_>> = to_check
                .iter()
                .map(|word| memchr::memmem::Finder::new(word.as_bytes()))
                .collect();
            candidates.filtered(self.universe, |position| {
                finders
                    .iter()
                    .all(|finder| self.haystacks.contains(position as usize, finder))
            })
        };
        Matches {
            members: Some(members),
            universe: self.universe,
        }
    }

    /// Up to `limit` positions of `matches`, from the `offset`-th on, in the order of `sort`
    /// (names in `lang`).
    pub fn page(
        &self,
        matches: &Matches,
        sort: SortKey,
        lang: Lang,
        offset: usize,
        limit: usize,
    ) -> Vec<usize> {
        self.orders.page(
            matches.members.as_ref(),
            self.universe,
            (sort, lang),
            offset,
            limit,
        )
    }

    /// Positions of every matching entry, in the query's order.
    pub fn search(&self, query: &RegistryQuery, lang: Lang) -> Vec<usize> {
        self.page(&self.find(query), query.sort, lang, 0, usize::MAX)
    }

    /// Every provider some entry names, by id.
    pub fn providers(&self) -> Vec<&str> {
        self.filters.providers().collect()
    }

    /// Every audit body some entry names, by id.
    pub fn audit_bodies(&self) -> Vec<&str> {
        self.filters.audit_bodies().collect()
    }

    /// Roughly how many bytes the index holds on the heap (the entries themselves aside).
    pub fn heap_bytes(&self) -> usize {
        self.haystacks.heap_bytes()
            + self.grams.heap_bytes()
            + self.filters.heap_bytes()
            + self.orders.heap_bytes()
    }
}
