//! FedRAMP's profiles in XML and in JSON are twins: the XML prose written as Markdown is the
//! JSON's string.

use std::collections::HashMap;

use serde_json::Value;

use super::Spelling::{self, *};
use super::nist_data::{json_data_dir, read_json};
use super::xml_data::{prose_of, xml_data_dir};
use super::*;

/// The prose NIST's converter wrote otherwise (baseline, where, why); every other title,
/// remarks, description and part's prose is written exactly as the JSON twin has it.
const EXCEPTIONS: &[(&str, &str, Spelling)] = &[
    ("HIGH", "ia-11_fr_gdn.1 prose", NestedListOnOneLine),
    ("HIGH", "sc-8_fr_gdn.1 prose", EmptyParagraphs),
    ("HIGH", "sc-8_fr_gdn.2 prose", EmptyParagraphs),
    ("HIGH", "sc-13_fr_gdn.1 prose", EmptyParagraphs),
    ("HIGH", "sc-21_fr_smt.1 prose", NestedListOnOneLine),
    // The twins disagree: the JSON has a list, the XML a paragraph starting with "- ", which
    // is written `\- ` so that it stays a paragraph.
    ("HIGH", "sc-21_fr_gdn.2 prose", DashList),
    ("LOW", "ac-8_fr_smt.1 prose", EdgeSpaces),
    ("LOW", "ac-01_odp.05 description", EdgeSpaces),
    ("LOW", "at-01_odp.05 description", EdgeSpaces),
    ("LOW", "au-01_odp.05 description", EdgeSpaces),
    ("LOW", "ca-01_odp.05 description", EdgeSpaces),
    ("LOW", "cp-01_odp.05 description", EdgeSpaces),
    ("LOW", "ia-01_odp.05 description", EdgeSpaces),
    ("LOW", "ia-04_odp.01 description", EdgeSpaces),
    ("LOW", "ir-01_odp.05 description", EdgeSpaces),
    ("LOW", "mp-01_odp.05 description", EdgeSpaces),
    ("LOW", "pe-01_odp.05 description", EdgeSpaces),
    ("LOW", "pl-01_odp.05 description", EdgeSpaces),
    ("LOW", "ps-01_odp.05 description", EdgeSpaces),
    ("LOW", "ps-05_odp.02 description", EdgeSpaces),
    ("LOW", "ra-01_odp.05 description", EdgeSpaces),
    ("LOW", "sa-01_odp.05 description", EdgeSpaces),
    ("LOW", "sc-01_odp.05 description", EdgeSpaces),
    ("LOW", "si-01_odp.05 description", EdgeSpaces),
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

/// A piece of prose keyed by where it stands: the nearest identifying attribute (`id`,
/// `param-id`, `by-id`, `uuid`) and its field; in document order.
type Keyed = Vec<((String, &'static str), String)>;

const ANCHORS: [&str; 4] = ["id", "param-id", "by-id", "uuid"];

fn xml_prose(element: &Element, anchor: &str, out: &mut Keyed) {
    let anchor = ANCHORS
        .iter()
        .find_map(|key| element.attribute(key))
        .unwrap_or(anchor);
    let key = |field: &'static str| (anchor.to_owned(), field);
    if element.name == "part" {
        let prose = prose_of(element);
        if !prose.is_empty() {
            out.push((key("prose"), multiline_to_markdown(&prose).unwrap()));
        }
    }
    for child in element.elements() {
        match child.name.as_str() {
            "title" => out.push((key("title"), line_to_markdown(&child.children).unwrap())),
            "remarks" => out.push((
                key("remarks"),
                multiline_to_markdown(&child.children).unwrap(),
            )),
            "description" => {
                let markdown = multiline_to_markdown(&child.children).unwrap();
                out.push((key("description"), markdown));
            }
            _ => xml_prose(child, anchor, out),
        }
    }
}

fn json_prose(value: &Value, anchor: &str, out: &mut HashMap<(String, &'static str), Vec<String>>) {
    match value {
        Value::Object(object) => {
            let anchor = ANCHORS
                .iter()
                .find_map(|key| object.get(*key).and_then(Value::as_str))
                .unwrap_or(anchor);
            for field in ["prose", "title", "remarks", "description"] {
                if let Some(text) = object.get(field).and_then(Value::as_str) {
                    let texts = out.entry((anchor.to_owned(), field)).or_default();
                    texts.push(text.to_owned());
                }
            }
            object
                .values()
                .for_each(|child| json_prose(child, anchor, out));
        }
        Value::Array(items) => items.iter().for_each(|item| json_prose(item, anchor, out)),
        _ => {}
    }
}

#[test]
fn fedramp_xml_prose_is_written_as_the_json_twin_has_it() {
    let (Some(xml_dir), Some(json_dir)) = (xml_data_dir(), json_data_dir()) else {
        return;
    };
    let mut paired = 0;
    let mut by_field: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut excepted = 0;
    let mut unexplained = Vec::new();
    for level in ["HIGH", "LI-SaaS", "LOW", "MODERATE"] {
        let name = format!("FedRAMP_rev5_{level}-baseline_profile");
        let xml_file = xml_dir.join("fedramp-rev5").join(format!("{name}.xml"));
        let root = tree::parse(&std::fs::read_to_string(xml_file).unwrap()).unwrap();
        let mut from_xml = Vec::new();
        xml_prose(&root, "", &mut from_xml);
        let mut from_json = HashMap::new();
        json_prose(
            &read_json(&json_dir.join(format!("{name}.json"))),
            "",
            &mut from_json,
        );
        let mut seen: HashMap<(String, &'static str), usize> = HashMap::new();
        for ((id, key), ours) in from_xml {
            let nth = seen.entry((id.clone(), key)).or_default();
            let twin = from_json
                .get(&(id.clone(), key))
                .and_then(|texts| texts.get(*nth));
            *nth += 1;
            let Some(twin) = twin else { continue };
            paired += 1;
            *by_field.entry(key).or_default() += 1;
            if &ours == twin {
                continue;
            }
            let why = EXCEPTIONS
                .iter()
                .find(|(file, place, _)| *file == level && *place == format!("{id} {key}"))
                .map(|(_, _, why)| *why);
            match why {
                Some(why) if why.explains(twin, &ours) => excepted += 1,
                _ => unexplained.push(format!(
                    "{level} {id} {key} ({why:?}): {}",
                    first_difference(twin, &ours)
                )),
            }
        }
    }
    println!(
        "FedRAMP XML prose ↔ its JSON twin: {paired} paired, {} identical, {excepted} listed exceptions",
        paired - excepted - unexplained.len()
    );
    println!("  paired by field: {by_field:?}");
    assert!(paired > 1_600, "only {paired} pieces paired");
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
    assert_eq!(excepted, EXCEPTIONS.len(), "an exception no longer happens");
}
