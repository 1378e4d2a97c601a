//! The short way for plain paragraphs writes exactly what the general way writes.

use proptest::prelude::*;

use super::super::{general_multiline, plain};
use super::xml_data::{prose_in_file, xml_data_dir, xml_files};
use super::*;

/// Paragraph content built of words, whitespace, punctuation, inserts and characters that are
/// syntax somewhere (so that both answers of the short way are met).
const PIECES: &[&str] = &[
    "word",
    "Two words",
    " ",
    "  ",
    "\n   ",
    "\t",
    ",",
    ".",
    ":",
    "-",
    "+ ",
    "#",
    "=",
    "1",
    "2.",
    "(a)",
    "’s",
    "日本語",
    "\u{a0}",
    "é",
    "*",
    "_",
    "\"",
    "&amp;",
    "&lt;",
    "[x]",
    "<insert type=\"param\" id-ref=\"ac-1_prm_1\"/>",
    "<insert type=\"choice\" id-ref=\"x\"/>",
    "<em>e</em>",
];

fn paragraphs() -> impl Strategy<Value = String> {
    let paragraph = prop::collection::vec(prop::sample::select(PIECES), 0..12)
        .prop_map(|pieces| format!("<p>{}</p>", pieces.concat()));
    prop::collection::vec(paragraph, 0..4).prop_map(|paragraphs| paragraphs.join("\n  "))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 3_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn plain_paragraphs_are_written_as_the_general_way_writes_them(xml in paragraphs()) {
        let content = prose(&xml);
        if let Some(short) = plain::paragraphs(&content) {
            let general = general_multiline(&content).unwrap();
            prop_assert_eq!(short, general, "for {:?}", xml);
        }
    }
}

#[test]
fn the_short_way_takes_plain_paragraphs_and_leaves_the_rest() {
    let plain_prose =
        prose("\n <p> The <insert type=\"param\" id-ref=\"p1\"/>: 5 days. </p>\n <p/>");
    assert_eq!(
        plain::paragraphs(&plain_prose).as_deref(),
        Some("The {{ insert: param, p1 }}: 5 days.")
    );
    for other in [
        "<p>1. not a list</p>",
        "<p>- not a bullet</p>",
        "<p>a <em>b</em></p>",
        "<p>x_y</p>",
        "<ul><li>a</li></ul>",
        "loose text",
    ] {
        assert_eq!(plain::paragraphs(&prose(other)), None, "{other}");
    }
}

#[test]
fn published_plain_prose_is_written_as_the_general_way_writes_it() {
    let Some(dir) = xml_data_dir() else { return };
    let mut plain_pieces = 0;
    for file in [xml_files(&dir, "examples"), xml_files(&dir, "fedramp-rev5")].concat() {
        for content in prose_in_file(&file) {
            if let Some(short) = plain::paragraphs(&content) {
                plain_pieces += 1;
                assert_eq!(
                    short,
                    general_multiline(&content).unwrap(),
                    "{}",
                    file.display()
                );
            }
        }
    }
    assert!(
        plain_pieces > 5_000,
        "only {plain_pieces} plain pieces of prose"
    );
}
