//! NIST's JSON prose: Markdown to markup and back gives the same string.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::Spelling::{self, *};
use super::*;

/// The folder of public OSCAL JSON files: `$SHINRAI_OSCAL_DATA`, else `/work/shared/data/oscal`.
/// A missing folder fails the test.
pub(super) fn json_data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SHINRAI_OSCAL_DATA")
        .map_or_else(|| PathBuf::from("/work/shared/data/oscal"), PathBuf::from);
    if dir.join("NIST_SP-800-53_rev5_catalog.json").is_file() {
        Some(dir)
    } else {
        // A missing folder fails: these tests must never pass by finding nothing to check.
        panic!(
            "no OSCAL data in {} (set SHINRAI_OSCAL_DATA)",
            dir.display()
        )
    }
}

pub(super) fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The files, each with the short name the exceptions use.
const FILES: [(&str, &str); 5] = [
    ("catalog", "NIST_SP-800-53_rev5_catalog.json"),
    ("HIGH", "FedRAMP_rev5_HIGH-baseline_profile.json"),
    ("LI-SaaS", "FedRAMP_rev5_LI-SaaS-baseline_profile.json"),
    ("LOW", "FedRAMP_rev5_LOW-baseline_profile.json"),
    ("MODERATE", "FedRAMP_rev5_MODERATE-baseline_profile.json"),
];

/// The strings that come back spelled differently (file, nearest id and key, why); every other
/// `prose`, `remarks` and `title` comes back exactly.
const EXCEPTIONS: &[(&str, &str, Spelling)] = &[
    ("catalog", "ac-02_odp.07 prose", EdgeSpaces),
    ("catalog", "ac-2_obj.g prose", EdgeSpaces),
    ("catalog", "ac-02.01_odp prose", EdgeSpaces),
    ("catalog", "ac-2.12_obj.a prose", EdgeSpaces),
    ("catalog", "ac-3.12_obj.b prose", EdgeSpaces),
    ("catalog", "ac-14_gdn prose", EdgeSpaces),
    ("catalog", "at-1_obj.a-1 prose", EdgeSpaces),
    ("catalog", "at-1_obj.c.1-1 prose", EdgeSpaces),
    ("catalog", "ca-1_obj.c.1-1 prose", EdgeSpaces),
    ("catalog", "ca-1_obj.c.2-1 prose", EdgeSpaces),
    ("catalog", "cm-1_obj.c.1-1 prose", EdgeSpaces),
    ("catalog", "cm-1_obj.c.2-1 prose", EdgeSpaces),
    ("catalog", "cm-8.3_gdn prose", EdgeSpaces),
    ("catalog", "cm-8.7_asm-interview prose", EdgeSpaces),
    ("catalog", "ia-13_asm-examine prose", EdgeSpaces),
    ("catalog", "ia-13.1_gdn prose", EdgeSpaces),
    ("catalog", "mp-1_obj.c.1-1 prose", EdgeSpaces),
    ("catalog", "mp-1_obj.c.2-1 prose", EdgeSpaces),
    ("catalog", "pm-17_obj.b-2 prose", EdgeSpaces),
    ("catalog", "sa-4.7 title", EdgeSpaces),
    ("catalog", "sa-15.13_asm-examine prose", EdgeSpaces),
    ("catalog", "sa-15.13_asm-interview prose", EdgeSpaces),
    ("catalog", "sa-24_asm-examine prose", EdgeSpaces),
    ("catalog", "sa-24_asm-interview prose", EdgeSpaces),
    ("catalog", "sc-42.4_obj prose", EdgeSpaces),
    ("catalog", "si-2.7_asm-examine prose", EdgeSpaces),
    ("catalog", "si-2.7_asm-test prose", EdgeSpaces),
    ("catalog", "si-19.4_gdn prose", EdgeSpaces),
    ("catalog", "sr-1_obj.a.1.a-2 prose", EdgeSpaces),
    (
        "catalog",
        "c3397cc9-83c6-4459-adb2-836739dc1b94 title",
        SpacedEmphasis,
    ),
    (
        "catalog",
        "f7cf488d-bc64-4a91-a994-810e153ee481 title",
        SpacedEmphasis,
    ),
    ("HIGH", "ia-11_fr_gdn.1 prose", NestedListOnOneLine),
    ("HIGH", "sc-8_fr_gdn.1 prose", EmptyParagraphs),
    ("HIGH", "sc-8_fr_gdn.2 prose", EmptyParagraphs),
    ("HIGH", "sc-13_fr_gdn.1 prose", EmptyParagraphs),
    ("HIGH", "sc-21_fr_smt.1 prose", NestedListOnOneLine),
    ("HIGH", "sc-21_fr_gdn.2 prose", DashList),
    ("LOW", "ac-8_fr_smt.1 prose", EdgeSpaces),
    ("LOW", "ia-11_fr_gdn.1 prose", NestedListOnOneLine),
    ("LOW", "sc-8_fr_gdn.1 prose", EmptyParagraphs),
    ("LOW", "sc-8_fr_gdn.2 prose", EmptyParagraphs),
    ("LOW", "sc-13_fr_gdn.1 prose", EmptyParagraphs),
    ("LOW", "sc-21_fr_smt.1 prose", NestedListOnOneLine),
    ("MODERATE", "ia-11_fr_gdn.1 prose", NestedListOnOneLine),
    ("MODERATE", "sc-8_fr_gdn.1 prose", EmptyParagraphs),
    ("MODERATE", "sc-8_fr_gdn.2 prose", EmptyParagraphs),
    ("MODERATE", "sc-13_fr_gdn.1 prose", EmptyParagraphs),
    ("MODERATE", "sc-21_fr_smt.1 prose", NestedListOnOneLine),
];

/// A Markdown string of the JSON and where it stands: the nearest `id` (else `uuid`), its key.
struct Markdown {
    place: String,
    text: String,
    line: bool,
}

fn markdown_in(value: &Value, place: &str, out: &mut Vec<Markdown>) {
    match value {
        Value::Object(object) => {
            let here = ["id", "uuid"]
                .iter()
                .find_map(|key| object.get(*key).and_then(Value::as_str))
                .unwrap_or(place);
            for (key, child) in object {
                match child {
                    Value::String(text)
                        if matches!(key.as_str(), "prose" | "remarks" | "title") =>
                    {
                        out.push(Markdown {
                            place: format!("{here} {key}"),
                            text: text.clone(),
                            line: key == "title",
                        });
                    }
                    _ => markdown_in(child, here, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| markdown_in(item, place, out)),
        _ => {}
    }
}

fn round_trip(markdown: &Markdown) -> String {
    if markdown.line {
        line_to_markdown(&markdown_to_line(&markdown.text)).unwrap()
    } else {
        multiline_to_markdown(&markdown_to_multiline(&markdown.text)).unwrap()
    }
}

#[test]
fn nist_markdown_comes_back_as_written() {
    let Some(dir) = json_data_dir() else { return };
    let mut checked = 0;
    let mut unexplained = Vec::new();
    let mut excepted = Vec::new();
    for (short, file) in FILES {
        let mut strings = Vec::new();
        markdown_in(&read_json(&dir.join(file)), "", &mut strings);
        for markdown in strings {
            checked += 1;
            let written = round_trip(&markdown);
            if written == markdown.text {
                continue;
            }
            let why = EXCEPTIONS
                .iter()
                .find(|(file, place, _)| *file == short && *place == markdown.place)
                .map(|(_, _, why)| *why);
            match why {
                Some(why) if why.explains(&markdown.text, &written) => {
                    excepted.push((short, markdown.place));
                }
                _ => unexplained.push(format!(
                    "{short} {} ({why:?}): {}",
                    markdown.place,
                    first_difference(&markdown.text, &written)
                )),
            }
        }
    }
    let identical = checked - excepted.len() - unexplained.len();
    println!(
        "NIST's Markdown → markup → Markdown: {checked} strings, {identical} identical, {} listed exceptions",
        excepted.len()
    );
    assert!(checked > 12_000, "only {checked} strings of prose found");
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
    assert_eq!(
        excepted.len(),
        EXCEPTIONS.len(),
        "an exception no longer happens"
    );
}
