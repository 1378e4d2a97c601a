//! The text a query's words are looked for in: the entry's id, names and descriptions in both
//! languages, its provider's id and the provider's names, each folded for search and separated
//! by a line break, so that no word (words never hold white space) can run from one field into
//! the next.
//!
//! The text is kept in two parts: the short titles (registration number, names, provider) and
//! the long descriptions. A word is in the entry when it is in either part. Checking the titles
//! first reads a tenth of the bytes, and all titles together are small enough to stay in the
//! processor's cache, where most searches for a service's name end.

use super::super::model::RegistryEntry;
use crate::text::{Bilingual, search_folded};

/// The folded titles and descriptions of one entry.
pub(super) fn texts(entry: &RegistryEntry, provider: Option<&Bilingual>) -> [String; 2] {
    let mut titles = [
        entry.id.as_str(),
        &entry.service_name.ja,
        &entry.service_name.en,
        &entry.provider,
    ]
    .join("\n");
    if let Some(name) = provider {
        titles.push('\n');
        titles.push_str(&name.ja);
        titles.push('\n');
        titles.push_str(&name.en);
    }
    let descriptions = [entry.description.ja.as_str(), &entry.description.en].join("\n");
    [search_folded(&titles), search_folded(&descriptions)]
}

/// The words of a query's text, folded like the haystacks; each must occur for an entry to match.
pub(super) fn words(text: Option<&str>) -> Vec<String> {
    text.map(|text| {
        search_folded(text)
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    })
    .unwrap_or_default()
}

/// One part of every entry's text in one buffer, to keep a hundred thousand of them in few
/// allocations and close together.
#[derive(Debug, Clone, Default)]
struct Column {
    text: String,
    /// Where each entry's text ends in `text`; it starts where the previous one ends.
    ends: Vec<usize>,
}

impl Column {
    fn push(&mut self, text: &str) {
        self.text.push_str(text);
        self.ends.push(self.text.len());
    }

    fn get(&self, position: usize) -> &[u8] {
        let start = match position.checked_sub(1) {
            Some(previous) => self.ends.get(previous).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(position).copied().unwrap_or(start);
        self.text.as_bytes().get(start..end).unwrap_or_default()
    }

    fn get_str(&self, position: usize) -> &str {
        std::str::from_utf8(self.get(position)).unwrap_or_default()
    }

    fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * size_of::<usize>()
    }

    fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// Every entry's titles and descriptions.
#[derive(Debug, Clone, Default)]
pub(super) struct Haystacks {
    titles: Column,
    descriptions: Column,
}

impl Haystacks {
    pub fn push(&mut self, [titles, descriptions]: &[String; 2]) {
        self.titles.push(titles);
        self.descriptions.push(descriptions);
    }

    /// Whether the entry at `position` holds the word `finder` looks for.
    pub fn contains(&self, position: usize, finder: &memchr::memmem::Finder<'_>) -> bool {
        finder.find(self.titles.get(position)).is_some()
            || finder.find(self.descriptions.get(position)).is_some()
    }

    /// Every entry's titles and descriptions, in position order.
    pub fn iter(&self) -> impl Iterator<Item = [&str; 2]> {
        (0..self.titles.ends.len()).map(|position| {
            [
                self.titles.get_str(position),
                self.descriptions.get_str(position),
            ]
        })
    }

    pub fn heap_bytes(&self) -> usize {
        self.titles.heap_bytes() + self.descriptions.heap_bytes()
    }

    pub fn shrink_to_fit(&mut self) {
        self.titles.shrink_to_fit();
        self.descriptions.shrink_to_fit();
    }
}
