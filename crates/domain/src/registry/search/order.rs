//! The registry in every order a list can be shown in, sorted once when the index is built, so
//! that a page of results comes from walking one order or ranking the matches, never from
//! sorting all of them.

use super::super::model::RegistryEntry;
use super::SortKey;
use super::entry_set::{EntrySet, Position, has_bit};
use crate::text::Lang;

/// One order of the whole registry.
#[derive(Debug, Default)]
struct Order {
    /// Positions in this order.
    sequence: Vec<Position>,
    /// Each position's place in `sequence`.
    rank: Vec<Position>,
}

impl Order {
    /// The positions sorted by `key`, ties by registration number and then by position, as the
    /// stable sort of a scan left them. `id_rank` is each position's place in that tie order.
    fn build<'e, K: Ord>(
        entries: &'e [RegistryEntry],
        id_rank: &[Position],
        key: impl Fn(&'e RegistryEntry) -> K,
    ) -> Order {
        let mut sequence: Vec<Position> = (0..).take(entries.len()).collect();
        sequence.sort_unstable_by_key(|position| {
            let p = *position as usize;
            (
                entries.get(p).map(&key),
                id_rank.get(p).copied().unwrap_or(Position::MAX),
            )
        });
        let mut rank = vec![0; sequence.len()];
        for (place, position) in (0..).zip(&sequence) {
            if let Some(slot) = rank.get_mut(*position as usize) {
                *slot = place;
            }
        }
        Order { sequence, rank }
    }

    /// Up to `limit` positions of `members` (over `universe` entries), from the `offset`-th
    /// member in this order on.
    fn page(&self, members: &EntrySet, universe: usize, offset: usize, limit: usize) -> Vec<usize> {
        let len = members.len();
        let end = offset.saturating_add(limit).min(len);
        if offset >= end {
            return Vec::new();
        }
        // Walking the order meets `end` members after about end × universe / len entries;
        // ranking reads every member once and sorts the first `end`. Take the cheaper.
        let walk = end.saturating_mul(universe) / len.max(1);
        let rank = len.saturating_add(end.saturating_mul(end.max(2).ilog2() as usize));
        if walk <= rank {
            self.walk(members, universe, offset, end)
        } else {
            self.by_rank(members, offset, end)
        }
    }

    fn walk(&self, members: &EntrySet, universe: usize, offset: usize, end: usize) -> Vec<usize> {
        let bitmap = members.bitmap(universe);
        let mut page = Vec::with_capacity(end - offset);
        let mut seen = 0;
        for position in &self.sequence {
            let position = *position as usize;
            if has_bit(&bitmap, position) {
                if seen >= offset {
                    page.push(position);
                }
                seen += 1;
                if seen == end {
                    break;
                }
            }
        }
        page
    }

    fn by_rank(&self, members: &EntrySet, offset: usize, end: usize) -> Vec<usize> {
        let mut ranks: Vec<Position> = members
            .iter()
            .filter_map(|position| self.rank.get(position as usize).copied())
            .collect();
        if end < ranks.len() {
            ranks.select_nth_unstable(end);
            ranks.truncate(end);
        }
        ranks.sort_unstable();
        ranks
            .get(offset..)
            .unwrap_or_default()
            .iter()
            .filter_map(|rank| self.sequence.get(*rank as usize))
            .map(|position| *position as usize)
            .collect()
    }

    /// The whole order from `offset`, `limit` positions long.
    fn slice(&self, offset: usize, limit: usize) -> Vec<usize> {
        self.sequence
            .iter()
            .skip(offset)
            .take(limit)
            .map(|position| *position as usize)
            .collect()
    }

    fn heap_bytes(&self) -> usize {
        (self.sequence.capacity() + self.rank.capacity()) * size_of::<Position>()
    }
}

/// Every order of [`SortKey`], names in each language.
#[derive(Debug, Default)]
pub(super) struct SortOrders {
    registered: Order,
    name_ja: Order,
    name_en: Order,
    level: Order,
    valid_until: Order,
}

impl SortOrders {
    pub fn build(entries: &[RegistryEntry]) -> SortOrders {
        // Ties keep a stable, meaningful order: by registration number (then position, should
        // two entries share one). Ranked once, so each order compares numbers, not strings.
        let by_id = Order::build(entries, &[], |entry| entry.id.as_str());
        let id_rank = &by_id.rank;
        let name = |lang: Lang| Order::build(entries, id_rank, move |e| e.service_name.get(lang));
        SortOrders {
            // Newest registration first.
            registered: Order::build(entries, id_rank, |e| std::cmp::Reverse(e.registered_on)),
            name_ja: name(Lang::Ja),
            name_en: name(Lang::En),
            // Highest level first.
            level: Order::build(entries, id_rank, |e| std::cmp::Reverse(e.level)),
            // Soonest end of validity first.
            valid_until: Order::build(entries, id_rank, |e| e.valid_until),
        }
    }

    fn get(&self, key: SortKey, lang: Lang) -> &Order {
        match (key, lang) {
            (SortKey::Registered, _) => &self.registered,
            (SortKey::Name, Lang::Ja) => &self.name_ja,
            (SortKey::Name, Lang::En) => &self.name_en,
            (SortKey::Level, _) => &self.level,
            (SortKey::ValidUntil, _) => &self.valid_until,
        }
    }

    /// A page of `members` in the order of `key` (names in `lang`); `None` means every entry.
    pub fn page(
        &self,
        members: Option<&EntrySet>,
        universe: usize,
        (key, lang): (SortKey, Lang),
        offset: usize,
        limit: usize,
    ) -> Vec<usize> {
        let order = self.get(key, lang);
        match members {
            Some(members) => order.page(members, universe, offset, limit),
            None => order.slice(offset, limit),
        }
    }

    pub fn heap_bytes(&self) -> usize {
        [
            &self.registered,
            &self.name_ja,
            &self.name_en,
            &self.level,
            &self.valid_until,
        ]
        .iter()
        .map(|order| order.heap_bytes())
        .sum()
    }
}
