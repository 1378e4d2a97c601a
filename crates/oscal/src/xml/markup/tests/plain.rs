//! The short way for plain paragraphs writes exactly what the general way writes.

use proptest::prelude::*;

use super::super::{general_multiline, plain, write_block};
use super::xml_data::{prose_in_file, xml_data_dir, xml_files};
use super::*;

/// Text built of words, whitespace, punctuation and characters that are syntax somewhere (so
/// that both answers of the short way are met).
const TEXT_PIECES: &[&str] = &[
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
    "&",
    "<",
    "[x]",
    "!",
    "{{",
];

/// Markup that may stand in a paragraph among the text.
const MARKUP_PIECES: &[&str] = &[
    "<insert type=\"param\" id-ref=\"ac-1_prm_1\"/>",
    "<insert type=\"choice\" id-ref=\"x\"/>",
    "<em>e</em>",
];

/// Paragraphs of text (escaped for XML) and markup.
fn paragraphs() -> impl Strategy<Value = String> {
    let text = prop::sample::select(TEXT_PIECES)
        .prop_map(|piece| piece.replace('&', "&amp;").replace('<', "&lt;"));
    let markup = prop::sample::select(MARKUP_PIECES).prop_map(str::to_owned);
    let paragraph = prop::collection::vec(prop_oneof![4 => text, 1 => markup], 0..12)
        .prop_map(|pieces| format!("<p>{}</p>", pieces.concat()));
    prop::collection::vec(paragraph, 0..4).prop_map(|paragraphs| paragraphs.join("\n  "))
}

fn text_line() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TEXT_PIECES), 0..10)
        .prop_map(|pieces| pieces.concat())
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

    #[test]
    fn a_plain_text_line_is_written_as_the_general_way_writes_it(text in text_line()) {
        let general = write_block::line(&normalize(&[Node::Text(text.clone())], false));
        prop_assert_eq!(text_line_to_markdown(&text), general.clone(), "for {:?}", text);
        if let Some(short) = plain::line(&text) {
            prop_assert_eq!(short, general, "for {:?}", text);
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
