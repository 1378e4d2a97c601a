//! OSCAL XML: every published XML file reads as its model, comes back equal through JSON, and
//! reads as NIST's own JSON twin; every shared JSON document comes back equal through XML; the
//! same validation verdict whatever the format; bad XML is refused at its line and column.

use std::path::{Path, PathBuf};

use serde_json::Value;
use shinrai_oscal::convert::convert;
use shinrai_oscal::source::{Limits, Source, parse_document, parse_value, read_source};
use shinrai_oscal::validate::{Context, validate_value};
use shinrai_oscal::xml::markup::{is_block_element, markdown_to_multiline, normalize};
use shinrai_oscal::xml::tree::{self, Element, Node};
use shinrai_oscal::{ErrorKind, Format, Place};

use crate::support::{oscal_files, read_json, xml_data_dir};

/// The NIST example documents and the FedRAMP baselines, in XML.
fn xml_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for folder in ["examples", "fedramp-rev5"] {
        for entry in std::fs::read_dir(xml_data_dir().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "xml") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert_eq!(files.len(), 18, "10 NIST examples and 8 FedRAMP files");
    files
}

/// The JSON twins of NIST's XML examples, kept beside the tests.
fn json_twin(xml: &Path) -> PathBuf {
    let stem = xml.file_stem().unwrap().to_str().unwrap();
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/nist-examples/{stem}.json"))
}

fn read(path: &Path) -> Source {
    read_source(path, Limits::default()).unwrap()
}

#[test]
fn every_published_xml_file_reads_as_its_model() {
    for path in xml_files() {
        let source = read(&path);
        assert_eq!(source.format, Format::Xml);
        let document = parse_document(&source).unwrap_or_else(|e| panic!("{e}"));
        let root = tree::parse(&source.text).unwrap();
        assert_eq!(
            document.model.kind().root_key(),
            root.name,
            "{}",
            path.display()
        );
    }
}

#[test]
fn every_published_xml_file_comes_back_equal_through_json() {
    for path in xml_files() {
        let source = read(&path);
        let json = convert(&source, Format::Json).unwrap_or_else(|e| panic!("{e}"));
        let back = convert(
            &Source::from_text("back.json", Format::Json, json),
            Format::Xml,
        )
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let original = comparable(tree::parse(&source.text).unwrap());
        let again = comparable(tree::parse(&back).unwrap());
        if let Some(difference) = first_difference(&original, &again, &original.name) {
            panic!("{}: {difference}", path.display());
        }
    }
}

#[test]
fn nist_xml_examples_read_as_their_json_twins() {
    let mut compared = 0;
    for path in xml_files() {
        let twin = json_twin(&path);
        if !path.starts_with(xml_data_dir().join("examples")) {
            continue;
        }
        let from_xml = parse_value(&read(&path)).unwrap();
        let mut json = read_json(&twin);
        json.as_object_mut().unwrap().remove("$schema");
        if let Some(difference) = first_value_difference(&json, &from_xml, "") {
            panic!("{}: {difference}", path.display());
        }
        compared += 1;
    }
    assert_eq!(compared, 10);
}

#[test]
fn nist_xml_examples_get_the_verdict_of_their_json_twins() {
    for path in xml_files() {
        if !path.starts_with(xml_data_dir().join("examples")) {
            continue;
        }
        let context = Context::default();
        let from_xml = validate_value(&parse_value(&read(&path)).unwrap(), &context);
        let from_json = validate_value(&parse_value(&read(&json_twin(&path))).unwrap(), &context);
        let codes = |report: &shinrai_oscal::validate::Report| {
            report
                .problems
                .iter()
                .map(|p| (p.pointer.clone(), p.code))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            from_xml.is_valid(),
            from_json.is_valid(),
            "{}",
            path.display()
        );
        assert_eq!(codes(&from_xml), codes(&from_json), "{}", path.display());
    }
}

#[test]
fn every_shared_json_document_comes_back_equal_through_xml() {
    for path in oscal_files() {
        let source = read(&path);
        let xml = convert(&source, Format::Xml).unwrap_or_else(|e| panic!("{e}"));
        let xml_source = Source::from_text("converted.xml", Format::Xml, xml);
        parse_document(&xml_source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let back: Value =
            serde_json::from_str(&convert(&xml_source, Format::Json).unwrap()).unwrap();
        let mut original = read_json(&path);
        original.as_object_mut().unwrap().remove("$schema");
        if let Some(difference) = first_value_difference(&original, &back, "") {
            panic!("{}: {difference}", path.display());
        }
    }
}

#[test]
fn any_format_converts_to_any_other() {
    let path = xml_data_dir().join("examples/ifa_ssp-example.xml");
    let start = parse_value(&read(&path)).unwrap();
    let mut text = read(&path).text;
    let mut format = Format::Xml;
    for next in [
        Format::Yaml,
        Format::Json,
        Format::Xml,
        Format::Json,
        Format::Yaml,
        Format::Xml,
    ] {
        text = convert(&Source::from_text("step", format, text), next).unwrap();
        format = next;
        let value = parse_value(&Source::from_text("step", format, text.clone())).unwrap();
        assert_eq!(value, start, "after {}", format.name());
    }
}

#[test]
fn bad_xml_is_refused_at_its_place() {
    let ns = "http://csrc.nist.gov/ns/oscal/1.0";
    let cases: [(&str, String, ErrorKind, usize, &str); 8] = [
        (
            "broken",
            format!("<catalog xmlns=\"{ns}\">\n  <metadata>\n</catalog>"),
            ErrorKind::Syntax,
            3,
            "well-formed",
        ),
        (
            "unknown root",
            format!("<catalogue xmlns=\"{ns}\"/>"),
            ErrorKind::NotOscal,
            1,
            "not the root",
        ),
        (
            "unknown element",
            format!("<catalog xmlns=\"{ns}\" uuid=\"u\">\n  <widget/>\n</catalog>"),
            ErrorKind::Model,
            2,
            "<widget> is not allowed in <catalog>",
        ),
        (
            "unknown attribute",
            format!("<catalog xmlns=\"{ns}\" colour=\"red\"/>"),
            ErrorKind::Model,
            1,
            "no attribute colour",
        ),
        (
            "twice",
            format!("<catalog xmlns=\"{ns}\">\n<metadata/>\n<metadata/></catalog>"),
            ErrorKind::Model,
            3,
            "more than once",
        ),
        (
            "not a boolean",
            format!(
                "<profile xmlns=\"{ns}\" uuid=\"u\"><merge>\n<as-is>maybe</as-is></merge></profile>"
            ),
            ErrorKind::Model,
            2,
            "\"maybe\" is not of the expected type",
        ),
        (
            "a character XML does not allow",
            format!(
                "<catalog xmlns=\"{ns}\" uuid=\"u\">\n<metadata><title>a\u{1}</title></metadata></catalog>"
            ),
            ErrorKind::Syntax,
            2,
            "U+0001 is a character XML does not allow",
        ),
        (
            "no namespace",
            "<catalog/>".to_owned(),
            ErrorKind::NotOscal,
            1,
            "namespace",
        ),
    ];
    for (what, text, kind, line, words) in cases {
        let error = parse_value(&Source::from_text("bad.xml", Format::Xml, text)).unwrap_err();
        assert_eq!(error.kind, kind, "{what}: {error}");
        let Place::LineColumn { line: at, .. } = error.place else {
            panic!("{what}: {error}")
        };
        assert_eq!(at, line, "{what}: {error}");
        assert!(error.to_string().contains(words), "{what}: {error}");
        assert!(
            error.to_string().starts_with("bad.xml: line "),
            "{what}: {error}"
        );
    }
}

#[test]
fn what_xml_cannot_hold_is_refused_by_pointer() {
    let text = r#"{"catalog": {"uuid": "u", "metadata": {"title": "t", "last-modified": "2024-01-01T00:00:00Z",
        "version": "1", "oscal-version": "1.1.2", "colour": "red"}}}"#;
    let error = convert(
        &Source::from_text("in.json", Format::Json, text.to_owned()),
        Format::Xml,
    )
    .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Write);
    assert_eq!(
        error.place,
        Place::Pointer("/catalog/metadata/colour".to_owned())
    );
    // A control character is valid JSON, escaped, and Markdown, as a reference; XML cannot hold
    // it at all.
    for (text, pointer) in [
        (
            r#"{"catalog": {"uuid": "u\u0001", "metadata": {"title": "t"}}}"#,
            "/catalog/uuid",
        ),
        (
            r#"{"catalog": {"uuid": "u", "metadata": {"title": "a\u001fb"}}}"#,
            "/catalog/metadata/title",
        ),
        (
            r#"{"catalog": {"uuid": "u", "metadata": {"title": "t", "remarks": "\uffff"}}}"#,
            "/catalog/metadata/remarks",
        ),
        // Markdown's character references, in a line and in loose prose.
        (
            r#"{"catalog": {"uuid": "u", "metadata": {"title": "a &#1; b"}}}"#,
            "/catalog/metadata/title",
        ),
        (
            r#"{"catalog": {"uuid": "u", "metadata": {"title": "t"}, "controls": [{"id": "c",
                "title": "t", "parts": [{"id": "p", "name": "statement", "prose": "x &#xFFFE;"}]}]}}"#,
            "/catalog/controls/0/parts/0/prose",
        ),
    ] {
        let error = convert(
            &Source::from_text("in.json", Format::Json, text.to_owned()),
            Format::Xml,
        )
        .unwrap_err();
        assert_eq!(error.kind, ErrorKind::Write, "{text}");
        assert_eq!(error.place, Place::Pointer(pointer.to_owned()), "{error}");
        assert!(
            error.to_string().contains("U+")
                && error
                    .to_string()
                    .contains("a character XML has no way to hold"),
            "{error}"
        );
    }
}

/// A tree as compared: positions dropped, attributes in name order, whitespace between elements
/// dropped, and prose normalised as markup is: XML's prose markup, like HTML's, gives runs of
/// whitespace no meaning beyond a single space, and an empty paragraph shows nothing.
fn comparable(mut element: Element) -> Element {
    element.at = Default::default();
    element.attributes.sort();
    if element.has_text() {
        // Text beside blocks (a list item holding a nested list) is compared as blocks are.
        let multiline = element
            .elements()
            .any(|child| is_block_element(&child.name));
        element.children = normalize(&element.children, multiline)
            .into_iter()
            .map(|node| match node {
                Node::Element(child) => Node::Element(comparable(child)),
                text => text,
            })
            .collect();
        return element;
    }
    // Element-only content: each run of prose blocks (a part's paragraphs) is normalised as one.
    let mut children = Vec::new();
    let mut blocks = Vec::new();
    for node in std::mem::take(&mut element.children) {
        match node {
            Node::Element(child) if is_block_element(&child.name) => {
                blocks.push(Node::Element(child));
            }
            Node::Element(child) => {
                children.extend(normalize(&std::mem::take(&mut blocks), true));
                children.push(Node::Element(comparable(child)));
            }
            Node::Text(_) => {}
        }
    }
    children.extend(normalize(&blocks, true));
    element.children = children
        .into_iter()
        .map(|node| match node {
            Node::Element(child) if is_block_element(&child.name) => Node::Element(strip(child)),
            other => other,
        })
        .collect();
    element
}

/// Positions dropped all the way down (normalised prose keeps the ones it was given).
fn strip(mut element: Element) -> Element {
    element.at = Default::default();
    element.children = element
        .children
        .into_iter()
        .map(|node| match node {
            Node::Element(child) => Node::Element(strip(child)),
            text => text,
        })
        .collect();
    element
}

/// The JSON keys that hold prose (Markdown) in OSCAL's models.
const PROSE_KEYS: [&str; 10] = [
    "choice",
    "title",
    "description",
    "remarks",
    "prose",
    "text",
    "purpose",
    "usage",
    "statement",
    "label",
];

/// Two Markdown strings that say the same: equal as written, or the same markup once read
/// (whitespace at the edges of a paragraph, which neither Markdown nor XML prose carries), a list
/// item holding one paragraph counting as the paragraph's text (NIST's own converter writes
/// `<li><p>x</p></li>` as a tight item, `* x`).
fn same_prose(a: &str, b: &str) -> bool {
    a == b || tight(markdown_to_multiline(a)) == tight(markdown_to_multiline(b))
}

fn tight(nodes: Vec<Node>) -> Vec<Node> {
    nodes
        .into_iter()
        .map(|node| match node {
            Node::Element(mut element) => {
                element.children = tight(element.children);
                let only_paragraph = match element.children.as_slice() {
                    [Node::Element(paragraph)] if paragraph.name == "p" => {
                        Some(paragraph.children.clone())
                    }
                    _ => None,
                };
                if element.name == "li"
                    && let Some(inline) = only_paragraph
                {
                    element.children = inline;
                }
                Node::Element(element)
            }
            text => text,
        })
        .collect()
}

fn first_difference(a: &Element, b: &Element, at: &str) -> Option<String> {
    if a.name != b.name || a.attributes != b.attributes {
        return Some(format!(
            "{at}: <{} {:?}> became <{} {:?}>",
            a.name, a.attributes, b.name, b.attributes
        ));
    }
    if a.children.len() != b.children.len() {
        return Some(format!(
            "{at}: {} children became {}: {:?} vs {:?}",
            a.children.len(),
            b.children.len(),
            a.children,
            b.children
        ));
    }
    for (index, (x, y)) in a.children.iter().zip(&b.children).enumerate() {
        let here = format!("{at}/{index}");
        match (x, y) {
            (Node::Element(x), Node::Element(y)) => {
                if let Some(found) = first_difference(x, y, &format!("{here}:{}", x.name)) {
                    return Some(found);
                }
            }
            (x, y) if x != y => return Some(format!("{here}: {x:?} became {y:?}")),
            _ => {}
        }
    }
    None
}

fn first_value_difference(a: &Value, b: &Value, at: &str) -> Option<String> {
    value_difference(a, b, at, false)
}

/// `prose`: the values are Markdown (under one of [`PROSE_KEYS`]).
fn value_difference(a: &Value, b: &Value, at: &str, prose: bool) -> Option<String> {
    match (a, b) {
        (Value::String(x), Value::String(y)) if prose => {
            (!same_prose(x, y)).then(|| format!("{at}: {x:?} became {y:?}"))
        }
        (Value::Object(x), Value::Object(y)) => {
            for (key, value) in x {
                let here = format!("{at}/{key}");
                let prose = PROSE_KEYS.contains(&key.as_str());
                match y.get(key) {
                    Some(other) => {
                        if let Some(found) = value_difference(value, other, &here, prose) {
                            return Some(found);
                        }
                    }
                    None => return Some(format!("{here} is missing")),
                }
            }
            y.keys()
                .find(|key| !x.contains_key(*key))
                .map(|key| format!("{at}/{key} was added"))
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(index, (v, w))| value_difference(v, w, &format!("{at}/{index}"), prose)),
        _ if a == b => None,
        _ => Some(format!("{at}: {a} became {b}")),
    }
}
