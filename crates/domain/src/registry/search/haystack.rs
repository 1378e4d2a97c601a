//! The text a query's words are looked for in: the entry's id, names and descriptions in both
//! languages, its provider's id and the provider's names, each folded for search and separated
//! by a line break, so that no word (words never hold white space) can run from one field into
//! the next.

use super::super::model::RegistryEntry;
use crate::text::{Bilingual, search_folded};

/// The folded text of one entry.
pub(super) fn haystack(entry: &RegistryEntry, provider: Option<&Bilingual>) -> String {
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

/// Every entry's haystack in one buffer, to keep a hundred thousand of them in few allocations.
#[derive(Debug, Clone, Default)]
pub(super) struct Haystacks {
    text: String,
    /// Where each entry's haystack ends in `text`; it starts where the previous one ends.
    ends: Vec<usize>,
}

impl Haystacks {
    pub fn push(&mut self, haystack: &str) {
        self.text.push_str(haystack);
        self.ends.push(self.text.len());
    }

    pub fn get(&self, position: usize) -> &str {
        let start = match position.checked_sub(1) {
            Some(previous) => self.ends.get(previous).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(position).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or_default()
    }

    /// Every haystack in position order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).map(|position| self.get(position))
    }

    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * size_of::<usize>()
    }

    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}
