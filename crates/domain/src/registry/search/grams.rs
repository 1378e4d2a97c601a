//! The inverted index of the haystacks: for every character and every pair of adjacent
//! characters (bigram), the entries whose haystack holds it. A word of one or two characters is
//! found exactly by one lookup; a longer word's entries are among those holding all of its
//! bigrams, which narrows a search to a few entries to check by substring. Bigrams suit
//! Japanese, which has no spaces between words, and English alike, and need no dictionary.

use super::entry_set::{EMPTY, EntrySet, Position, SetBuilder};
use crate::fast_hash::FastMap;

type GramKey = u64;

/// Characters are at most 21 bits, so two fit side by side and a flag bit marks single ones.
const SINGLE: GramKey = 1 << 63;

fn single(c: char) -> GramKey {
    SINGLE | u64::from(c)
}

fn pair(first: char, second: char) -> GramKey {
    (u64::from(first) << 21) | u64::from(second)
}

/// Adds the keys of every character and bigram of `text` that holds no white space.
fn add_grams(text: &str, keys: &mut Vec<GramKey>) {
    let mut previous: Option<char> = None;
    for c in text.chars() {
        if c.is_whitespace() {
            previous = None;
            continue;
        }
        keys.push(single(c));
        if let Some(before) = previous {
            keys.push(pair(before, c));
        }
        previous = Some(c);
    }
}

#[derive(Debug, Default)]
pub(super) struct GramIndex {
    sets: FastMap<GramKey, EntrySet>,
}

impl GramIndex {
    /// Indexes the texts of every entry, in position order. Grams holding white space are left
    /// out: query words never hold any, and the line breaks between fields must not join them.
    pub fn build<'h, T>(haystacks: impl Iterator<Item = (Position, T)>, universe: usize) -> Self
    where
        T: IntoIterator<Item = &'h str>,
    {
        let mut builders: FastMap<GramKey, SetBuilder> = FastMap::default();
        let mut keys: Vec<GramKey> = Vec::new();
        for (position, texts) in haystacks {
            keys.clear();
            for text in texts {
                add_grams(text, &mut keys);
            }
            // A gram seen twice in an entry adds it once: the builder ignores a repeated
            // position, which is cheaper than sorting the keys to drop repeats first.
            for key in &keys {
                builders
                    .entry(*key)
                    .or_insert_with(SetBuilder::new)
                    .push(position, universe);
            }
        }
        GramIndex {
            sets: builders
                .into_iter()
                .map(|(key, builder)| (key, builder.finish(universe)))
                .collect(),
        }
    }

    /// The sets whose intersection holds every entry containing `word` (folded, no white
    /// space), and whether it holds only those: true for words of one or two characters; a
    /// longer word may have all its bigrams in an entry without having them in a row.
    pub fn sets_for(&self, word: &str) -> (Vec<&EntrySet>, bool) {
        let chars: Vec<char> = word.chars().collect();
        let keys: Vec<GramKey> = match chars.as_slice() {
            [] => Vec::new(),
            [only] => vec![single(*only)],
            _ => chars
                .windows(2)
                .filter_map(|two| match two {
                    [first, second] => Some(pair(*first, *second)),
                    _ => None,
                })
                .collect(),
        };
        let sets = keys
            .iter()
            .map(|key| self.sets.get(key).unwrap_or(&EMPTY))
            .collect();
        (sets, chars.len() <= 2)
    }

    /// Roughly how many bytes the index holds on the heap.
    pub fn heap_bytes(&self) -> usize {
        let table = self.sets.capacity() * (size_of::<GramKey>() + size_of::<EntrySet>() + 1);
        table + self.sets.values().map(EntrySet::heap_bytes).sum::<usize>()
    }
}
