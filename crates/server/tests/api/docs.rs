//! `docs/api/errors.md` lists every error code with its status, in both languages.

use std::collections::BTreeSet;
use std::path::Path;

use shinrai_server::error::CODES;

fn table(section: &str) -> BTreeSet<(String, u16)> {
    section
        .lines()
        .filter_map(|line| {
            let mut cells = line.split('|').map(str::trim).skip(1);
            let code = cells.next()?.strip_prefix('`')?.strip_suffix('`')?;
            let status = cells.next()?.parse().ok()?;
            Some((code.to_owned(), status))
        })
        .collect()
}

#[test]
fn every_code_is_documented_in_both_languages() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/api/errors.md");
    let text = std::fs::read_to_string(path).unwrap();
    let (english, japanese) = text.split_once("## 日本語").expect("a Japanese section");
    let expected: BTreeSet<(String, u16)> = CODES
        .iter()
        .map(|(code, status)| ((*code).to_owned(), *status))
        .collect();
    assert_eq!(table(english), expected, "English table");
    assert_eq!(table(japanese), expected, "Japanese table");
}
