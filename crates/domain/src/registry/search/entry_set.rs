//! Sets of entries (by position in the registry), each kept in whichever form is smaller: a
//! sorted list of positions when the set is sparse, a bitmap of the whole registry when it is
//! dense. A posting list of a rare bigram stays a few bytes; one of a bigram found in half the
//! registry costs one bit per entry instead of four bytes per member.

/// An entry's position in the registry, as the index stores it.
pub(super) type Position = u32;

const WORD_BITS: usize = 64;

#[derive(Clone, PartialEq, Eq)]
pub(super) enum EntrySet {
    /// Ascending positions.
    Sparse(Vec<Position>),
    /// One bit per entry of the registry; `len` counts the bits set.
    Dense { words: Vec<u64>, len: usize },
}

impl std::fmt::Debug for EntrySet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EntrySet::Sparse(list) => write!(f, "Sparse({} entries)", list.len()),
            EntrySet::Dense { len, .. } => write!(f, "Dense({len} entries)"),
        }
    }
}

/// The empty set, for a filter value or a bigram that no entry has.
pub(super) static EMPTY: EntrySet = EntrySet::Sparse(Vec::new());

/// Whether a set of `len` members out of `universe` is smaller as a bitmap: four bytes per
/// member against one bit per entry.
fn dense_is_smaller(len: usize, universe: usize) -> bool {
    len.saturating_mul(32) > universe
}

fn bitmap_words(universe: usize) -> usize {
    universe.div_ceil(WORD_BITS)
}

fn bit(position: usize) -> (usize, u64) {
    (position / WORD_BITS, 1u64 << (position % WORD_BITS))
}

impl EntrySet {
    /// The set of `positions`, which must be ascending and below `universe`.
    pub fn from_sorted(positions: Vec<Position>, universe: usize) -> EntrySet {
        if dense_is_smaller(positions.len(), universe) {
            let mut words = vec![0u64; bitmap_words(universe)];
            for position in &positions {
                set_bit(&mut words, *position as usize);
            }
            EntrySet::Dense {
                words,
                len: positions.len(),
            }
        } else {
            EntrySet::Sparse(positions)
        }
    }

    pub fn len(&self) -> usize {
        match self {
            EntrySet::Sparse(list) => list.len(),
            EntrySet::Dense { len, .. } => *len,
        }
    }

    pub fn heap_bytes(&self) -> usize {
        match self {
            EntrySet::Sparse(list) => list.capacity() * size_of::<Position>(),
            EntrySet::Dense { words, .. } => words.capacity() * size_of::<u64>(),
        }
    }

    /// The members in ascending order.
    pub fn iter(&self) -> Box<dyn Iterator<Item = Position> + '_> {
        match self {
            EntrySet::Sparse(list) => Box::new(list.iter().copied()),
            EntrySet::Dense { words, .. } => Box::new(ones(words)),
        }
    }

    /// The members `keep` says yes to, asked in ascending order.
    pub fn filtered(&self, universe: usize, mut keep: impl FnMut(Position) -> bool) -> EntrySet {
        let kept = match self {
            EntrySet::Sparse(list) => list.iter().copied().filter(|p| keep(*p)).collect(),
            EntrySet::Dense { words, .. } => ones(words).filter(|p| keep(*p)).collect(),
        };
        EntrySet::from_sorted(kept, universe)
    }

    /// The set as a bitmap over `universe` entries, borrowed when it already is one.
    pub fn bitmap(&self, universe: usize) -> std::borrow::Cow<'_, [u64]> {
        match self {
            EntrySet::Dense { words, .. } => std::borrow::Cow::Borrowed(words),
            EntrySet::Sparse(list) => {
                let mut words = vec![0u64; bitmap_words(universe)];
                for position in list {
                    set_bit(&mut words, *position as usize);
                }
                std::borrow::Cow::Owned(words)
            }
        }
    }

    /// The entries in every one of `sets` (at least one). The smallest set drives: its members
    /// are looked up in the others, or, when even the smallest is dense, the bitmaps are
    /// combined a word at a time.
    pub fn intersection(mut sets: Vec<&EntrySet>, universe: usize) -> EntrySet {
        // By size, and the same set twice (a bigram two words share) side by side to drop it.
        sets.sort_by_key(|set| (set.len(), std::ptr::from_ref::<EntrySet>(set).addr()));
        sets.dedup_by(|a, b| std::ptr::eq(*a, *b));
        let Some((smallest, others)) = sets.split_first() else {
            return EntrySet::Sparse(Vec::new());
        };
        match smallest {
            EntrySet::Sparse(list) => {
                // Bitmaps answer at once, so they are asked first; lists are searched from
                // where the previous member was found.
                let mut bitmaps: Vec<&[u64]> = Vec::new();
                let mut lists: Vec<&[Position]> = Vec::new();
                for other in others {
                    match other {
                        EntrySet::Dense { words, .. } => bitmaps.push(words),
                        EntrySet::Sparse(list) => lists.push(list),
                    }
                }
                let mut cursors = vec![0usize; lists.len()];
                let found: Vec<Position> = list
                    .iter()
                    .copied()
                    .filter(|position| {
                        bitmaps
                            .iter()
                            .all(|words| has_bit(words, *position as usize))
                            && lists
                                .iter()
                                .zip(cursors.iter_mut())
                                .all(|(list, cursor)| gallop(list, *position, cursor))
                    })
                    .collect();
                EntrySet::from_sorted(found, universe)
            }
            EntrySet::Dense { words, .. } => {
                let mut combined = words.clone();
                for other in others {
                    let other = other.bitmap(universe);
                    for (word, with) in combined.iter_mut().zip(other.iter()) {
                        *word &= with;
                    }
                }
                EntrySet::from_bitmap(combined, universe)
            }
        }
    }

    fn from_bitmap(words: Vec<u64>, universe: usize) -> EntrySet {
        let len = words.iter().map(|word| word.count_ones() as usize).sum();
        if dense_is_smaller(len, universe) {
            EntrySet::Dense { words, len }
        } else {
            EntrySet::Sparse(ones(&words).collect())
        }
    }
}

/// Whether `position` is in the ascending `list`, for callers asking in ascending order: the
/// search starts where the previous one ended (`cursor`) with steps of 1, 2, 4, … before a
/// binary search, since the next member asked about is usually close to the last.
fn gallop(list: &[Position], position: Position, cursor: &mut usize) -> bool {
    let rest = list.get(*cursor..).unwrap_or_default();
    let mut step = 1;
    while rest.get(step - 1).is_some_and(|member| *member < position) {
        step *= 2;
    }
    let window = rest.get(step / 2..step.min(rest.len())).unwrap_or_default();
    *cursor += step / 2 + window.partition_point(|member| *member < position);
    list.get(*cursor) == Some(&position)
}

fn set_bit(words: &mut [u64], position: usize) {
    let (index, mask) = bit(position);
    if let Some(word) = words.get_mut(index) {
        *word |= mask;
    }
}

pub(super) fn has_bit(words: &[u64], position: usize) -> bool {
    let (index, mask) = bit(position);
    words.get(index).is_some_and(|word| word & mask != 0)
}

/// The positions of the bits set, ascending.
pub(super) fn ones(words: &[u64]) -> impl Iterator<Item = Position> + '_ {
    words.iter().enumerate().flat_map(|(index, word)| {
        let base = index * WORD_BITS;
        let mut rest = *word;
        std::iter::from_fn(move || {
            if rest == 0 {
                return None;
            }
            let offset = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            Position::try_from(base + offset).ok()
        })
    })
}

/// Collects a set from ascending positions, turning into a bitmap as soon as a list would be
/// larger, so that building the index never holds a long list of a common bigram.
#[derive(Debug)]
pub(super) struct SetBuilder {
    list: Vec<Position>,
    bitmap: Option<(Vec<u64>, usize)>,
    last: Option<Position>,
}

impl SetBuilder {
    pub fn new() -> SetBuilder {
        SetBuilder {
            list: Vec::new(),
            bitmap: None,
            last: None,
        }
    }

    /// Adds `position`, which must not be below any position added before; adding the last
    /// one again changes nothing.
    pub fn push(&mut self, position: Position, universe: usize) {
        if self.last == Some(position) {
            return;
        }
        self.last = Some(position);
        match &mut self.bitmap {
            Some((words, len)) => {
                set_bit(words, position as usize);
                *len += 1;
            }
            None => {
                self.list.push(position);
                if dense_is_smaller(self.list.len(), universe) {
                    let list = std::mem::take(&mut self.list);
                    let len = list.len();
                    if let EntrySet::Dense { words, .. } = EntrySet::from_sorted(list, universe) {
                        self.bitmap = Some((words, len));
                    }
                }
            }
        }
    }

    pub fn finish(self, universe: usize) -> EntrySet {
        match self.bitmap {
            Some((words, len)) => EntrySet::Dense { words, len },
            None => {
                let mut list = self.list;
                list.shrink_to_fit();
                EntrySet::from_sorted(list, universe)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(members: &[Position], universe: usize) -> EntrySet {
        EntrySet::from_sorted(members.to_vec(), universe)
    }

    #[test]
    fn the_smaller_form_is_chosen() {
        assert!(matches!(set(&[3, 70], 1000), EntrySet::Sparse(_)));
        let many: Vec<Position> = (0..100).collect();
        assert!(matches!(set(&many, 1000), EntrySet::Dense { len: 100, .. }));
    }

    #[test]
    fn intersections_agree_in_every_form() {
        let universe = 300;
        let evens: Vec<Position> = (0..300).step_by(2).collect();
        let threes: Vec<Position> = (0..300).step_by(3).collect();
        let few = [0, 6, 7, 12, 299];
        let expected: Vec<Position> = (0..300).step_by(6).collect();
        let dense = EntrySet::intersection(
            vec![&set(&evens, universe), &set(&threes, universe)],
            universe,
        );
        assert_eq!(dense.iter().collect::<Vec<_>>(), expected);
        let sparse = EntrySet::intersection(
            vec![
                &set(&evens, universe),
                &set(&few, universe),
                &set(&threes, universe),
            ],
            universe,
        );
        assert_eq!(sparse.iter().collect::<Vec<_>>(), vec![0, 6, 12]);
        assert_eq!(sparse.len(), 3);
    }

    #[test]
    fn the_builder_gives_the_same_set_as_a_list() {
        let universe = 200;
        let members: Vec<Position> = (0..200).filter(|p| p % 3 != 1).collect();
        let mut builder = SetBuilder::new();
        for member in &members {
            builder.push(*member, universe);
        }
        let built = builder.finish(universe);
        assert_eq!(built, set(&members, universe));
        assert_eq!(built.iter().collect::<Vec<_>>(), members);
        assert_eq!(built.bitmap(universe).len(), 4);
    }
}
