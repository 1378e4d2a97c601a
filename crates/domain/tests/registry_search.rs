//! The registry index finds exactly what a plain scan of every entry finds: for thousands of
//! pseudo-random queries over a generated registry (words cut from the entries' own texts,
//! changed in case and width, with filters, sorts and pages), and for the cases Japanese
//! search depends on.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::HashMap;

use shinrai_domain::SeededRandom;
use shinrai_domain::level::Level;
use shinrai_domain::registry::{
    DeploymentModel, EntryStatus, RegistryEntry, RegistryIndex, RegistryQuery, SortKey,
};
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::{Bilingual, Lang, search_folded};
use shinrai_testdata::registry::generate_registry;

/// The search as the rule states it: every entry read, every word looked for by substring in
/// the folded fields (joined by line breaks), every filter tested, then a stable sort.
struct Scan<'e> {
    entries: &'e [RegistryEntry],
    haystacks: Vec<String>,
}

impl<'e> Scan<'e> {
    fn new(entries: &'e [RegistryEntry], names: &HashMap<String, Bilingual>) -> Self {
        let haystacks = entries
            .iter()
            .map(|e| {
                let mut text = [
                    e.id.as_str(),
                    &e.service_name.ja,
                    &e.service_name.en,
                    &e.description.ja,
                    &e.description.en,
                    &e.provider,
                ]
                .join("\n");
                text.push('\n');
                if let Some(name) = names.get(&e.provider) {
                    text.push_str(&format!("{}\n{}", name.ja, name.en));
                }
                search_folded(&text)
            })
            .collect();
        Scan { entries, haystacks }
    }

    fn search(&self, query: &RegistryQuery, lang: Lang) -> Vec<usize> {
        let entries = self.entries;
        let words: Vec<String> = query
            .text
            .as_deref()
            .map(|t| {
                search_folded(t)
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let mut found: Vec<usize> = (0..entries.len())
            .filter(|i| {
                let e = &entries[*i];
                query.level.is_none_or(|l| e.level == l)
                    && query.model.is_none_or(|m| e.offers(m))
                    && query
                        .deployment
                        .is_none_or(|d| e.deployment_models.contains(&d))
                    && query.status.is_none_or(|s| e.status == s)
                    && query.provider.as_deref().is_none_or(|p| e.provider == p)
                    && query
                        .audit_body
                        .as_deref()
                        .is_none_or(|a| e.audit_body == a)
                    && words
                        .iter()
                        .all(|w| self.haystacks[*i].contains(w.as_str()))
            })
            .collect();
        found.sort_by(|a, b| {
            let (a, b) = (&entries[*a], &entries[*b]);
            let by_key = match query.sort {
                SortKey::Registered => b.registered_on.cmp(&a.registered_on),
                SortKey::Name => a.service_name.get(lang).cmp(b.service_name.get(lang)),
                SortKey::Level => b.level.cmp(&a.level),
                SortKey::ValidUntil => a.valid_until.cmp(&b.valid_until),
            };
            by_key.then_with(|| a.id.cmp(&b.id))
        });
        found
    }
}

fn below(random: &mut SeededRandom, bound: usize) -> usize {
    usize::try_from(random.below(bound as u64)).unwrap()
}

fn one_in(random: &mut SeededRandom, times: u64) -> bool {
    random.below(times) == 0
}

/// A piece of one of the entry's texts, 1 to 6 characters long, sometimes in capitals or in
/// full-width letters, sometimes not in any entry at all.
fn word(
    random: &mut SeededRandom,
    entry: &RegistryEntry,
    names: &HashMap<String, Bilingual>,
) -> String {
    if one_in(random, 12) {
        return ["zzq", "該当しない語", "ｘｙ", "ン", "q"][below(random, 5)].to_owned();
    }
    let provider = names.get(&entry.provider).cloned();
    let texts: Vec<&str> = [
        Some(entry.service_name.ja.as_str()),
        Some(&entry.service_name.en),
        Some(&entry.description.ja),
        Some(&entry.description.en),
        Some(&entry.id),
        provider.as_ref().map(|p| p.ja.as_str()),
        provider.as_ref().map(|p| p.en.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let chars: Vec<char> = texts[below(random, texts.len())].chars().collect();
    let start = below(random, chars.len());
    let len = 1 + below(random, 6);
    let piece: String = chars[start..(start + len).min(chars.len())]
        .iter()
        .collect();
    match below(random, 4) {
        0 => piece.to_uppercase(),
        1 => piece
            .chars()
            .map(|c| match c {
                '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                ' ' => '\u{3000}',
                c => c,
            })
            .collect(),
        _ => piece,
    }
}

fn query(
    random: &mut SeededRandom,
    entries: &[RegistryEntry],
    names: &HashMap<String, Bilingual>,
) -> RegistryQuery {
    let words = below(random, 4);
    let text = (0..words)
        .map(|_| {
            let entry = &entries[below(random, entries.len())];
            word(random, entry, names)
        })
        .collect::<Vec<_>>()
        .join(if one_in(random, 2) { " " } else { "\u{3000}" });
    let some_entry = &entries[below(random, entries.len())];
    RegistryQuery {
        text: (words > 0 || one_in(random, 5)).then_some(text),
        level: one_in(random, 3).then(|| Level::ALL[below(random, 3)]),
        model: one_in(random, 5).then(|| ServiceModel::ALL[below(random, 3)]),
        deployment: one_in(random, 6).then(|| DeploymentModel::ALL[below(random, 4)]),
        status: one_in(random, 5).then(|| EntryStatus::ALL[below(random, 4)]),
        provider: one_in(random, 8).then(|| {
            if one_in(random, 4) {
                "no-such-provider".to_owned()
            } else {
                some_entry.provider.clone()
            }
        }),
        audit_body: one_in(random, 8).then(|| some_entry.audit_body.clone()),
        sort: SortKey::ALL[below(random, 4)],
    }
}

#[test]
fn the_index_finds_what_a_scan_finds() {
    let registry = generate_registry(2_000, 11);
    let entries = &registry.entries;
    // One provider left without a name: its services are found by id only.
    let names: HashMap<String, Bilingual> = registry
        .providers
        .iter()
        .skip(1)
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    let index = RegistryIndex::new(entries, &names).unwrap();
    let scan = Scan::new(entries, &names);
    let mut random = SeededRandom::new(2026);
    let mut found_some = 0;
    for _ in 0..1_000 {
        let query = query(&mut random, entries, &names);
        let lang = if one_in(&mut random, 2) {
            Lang::Ja
        } else {
            Lang::En
        };
        let expected = scan.search(&query, lang);
        assert_eq!(index.search(&query, lang), expected, "{query:?} {lang:?}");
        let matches = index.find(&query);
        assert_eq!(matches.len(), expected.len(), "{query:?}");
        let offset = if one_in(&mut random, 2) {
            0
        } else {
            below(&mut random, expected.len() + 5)
        };
        let limit = 1 + below(&mut random, 60);
        let page = index.page(&matches, query.sort, lang, offset, limit);
        let wanted: Vec<usize> = expected.iter().skip(offset).take(limit).copied().collect();
        assert_eq!(page, wanted, "{query:?} from {offset}, {limit}");
        if !expected.is_empty() && expected.len() < entries.len() {
            found_some += 1;
        }
    }
    assert!(
        found_some > 300,
        "too few queries found anything: {found_some}"
    );
}

/// A small registry whose texts are chosen for one case each.
fn entries_with(texts: &[(&str, &str, &str)]) -> Vec<RegistryEntry> {
    let template = generate_registry(1, 3).entries.remove(0);
    texts
        .iter()
        .enumerate()
        .map(|(i, (name, description, english))| {
            let mut entry = template.clone();
            entry.id = format!("T-{i:02}");
            entry.provider = "p".to_owned();
            entry.service_name = Bilingual::new(*name, *english);
            entry.description = Bilingual::new(*description, "");
            entry
        })
        .collect()
}

fn ids(entries: &[RegistryEntry], index: &RegistryIndex, text: &str) -> Vec<String> {
    let query = RegistryQuery {
        text: Some(text.to_owned()),
        sort: SortKey::Name,
        ..RegistryQuery::default()
    };
    let mut found: Vec<String> = index
        .search(&query, Lang::Ja)
        .into_iter()
        .map(|i| entries[i].id.clone())
        .collect();
    found.sort();
    found
}

#[test]
fn japanese_substrings_width_and_fields() {
    let entries = entries_with(&[
        (
            "電子申請サービス",
            "住民の申請を受け付ける",
            "e-Application",
        ),
        (
            "ＳａａＳ型会計",
            "公会計クラウド。計画的に運用する",
            "Accounting",
        ),
        ("文書管理クラウド", "基盤は国内にある", "Document Cloud"),
        ("クラウド基盤", "仮想サーバ", "SaaS Platform"),
        ("霞", "一字の名前", "Kasumi"),
    ]);
    let names = HashMap::from([(
        "p".to_owned(),
        Bilingual::new("霞が関データ", "Kasumi Data"),
    )]);
    let index = RegistryIndex::new(&entries, &names).unwrap();
    let id = |ids: &[&str]| ids.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    // A substring running from kanji into katakana, and a middle piece of a word.
    assert_eq!(ids(&entries, &index, "申請サー"), id(&["T-00"]));
    assert_eq!(ids(&entries, &index, "子申"), id(&["T-00"]));
    // Full-width letters fold to ASCII on both sides, and case does not matter.
    assert_eq!(ids(&entries, &index, "saas"), id(&["T-01", "T-03"]));
    assert_eq!(ids(&entries, &index, "ＳＡＡＳ"), id(&["T-01", "T-03"]));
    // "クラウド" ends one field and "基盤" begins the next: together they are not one text.
    assert_eq!(ids(&entries, &index, "クラウド基盤"), id(&["T-03"]));
    assert_eq!(ids(&entries, &index, "ド基"), id(&["T-03"]));
    // Both words, each in its own field, still match.
    assert_eq!(
        ids(&entries, &index, "クラウド 基盤"),
        id(&["T-02", "T-03"])
    );
    // One character; the provider's name counts for every entry of the provider.
    assert_eq!(ids(&entries, &index, "霞").len(), entries.len());
    assert_eq!(ids(&entries, &index, "一字"), id(&["T-04"]));
    // All the bigrams of a word occur, but never in a row: not a match.
    assert_eq!(ids(&entries, &index, "申請申"), Vec::<String>::new());
    assert_eq!(ids(&entries, &index, "会計画"), Vec::<String>::new());
    assert_eq!(ids(&entries, &index, "計画的"), id(&["T-01"]));
    assert_eq!(ids(&entries, &index, "クラウドクラ"), Vec::<String>::new());
}

#[test]
fn pages_come_in_order_without_gaps() {
    let registry = generate_registry(1_500, 5);
    let entries = &registry.entries;
    let names = HashMap::new();
    let index = RegistryIndex::new(entries, &names).unwrap();
    let scan = Scan::new(entries, &names);
    for text in [None, Some("管理"), Some("サービス 市町村")] {
        for sort in SortKey::ALL {
            let query = RegistryQuery {
                text: text.map(str::to_owned),
                level: Some(Level::MIDDLE),
                sort,
                ..RegistryQuery::default()
            };
            let all = index.search(&query, Lang::En);
            let matches = index.find(&query);
            let paged: Vec<usize> = (0..)
                .map(|page| index.page(&matches, sort, Lang::En, page * 37, 37))
                .take_while(|page| !page.is_empty())
                .flatten()
                .collect();
            assert_eq!(paged, all, "{text:?} {sort:?}");
            assert_eq!(all, scan.search(&query, Lang::En));
        }
    }
}
