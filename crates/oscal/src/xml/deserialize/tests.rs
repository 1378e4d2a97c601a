//! Reading XML into the JSON form and the typed models.

use super::*;
use crate::model::RootObject;
use crate::xml::tree::OSCAL_NAMESPACE;
use serde::de::IgnoredAny;

fn catalog(attributes: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<catalog xmlns=\"{OSCAL_NAMESPACE}\"{attributes}>\n\
         <metadata><title>T</title><last-modified>2026-01-01T00:00:00Z</last-modified>\
         <version>1</version><oscal-version>1.1.2</oscal-version></metadata>\n{body}\n</catalog>\n"
    )
}

#[test]
fn reads_the_json_form_with_arrays_numbers_and_prose() {
    let text = catalog(
        " uuid=\"u\"",
        "<param id=\"p\"><select how-many=\"one\"><choice>a</choice><choice>b</choice></select></param>\
         <control id=\"c-1\" class=\"x\"><title>C <em>one</em></title>\
         <prop name=\"n\" value=\"1\"/><prop name=\"m\" value=\"2\"/>\
         <part id=\"c-1_smt\" name=\"statement\"><p>First.</p><p>Second <insert type=\"param\" id-ref=\"p\"/>.</p></part>\
         </control>",
    );
    let value = xml_to_value(&text).unwrap();
    let control = &value["catalog"]["controls"][0];
    assert_eq!(control["title"], "C *one*");
    assert_eq!(control["props"][1]["value"], "2");
    assert_eq!(
        control["parts"][0]["prose"],
        "First.\n\nSecond {{ insert: param, p }}."
    );
    assert_eq!(value["catalog"]["params"][0]["select"]["choice"][1], "b");
    let typed: RootObject = from_xml(&text).unwrap();
    let typed = typed.catalog.unwrap();
    assert_eq!(typed.uuid, "u");
    assert_eq!(typed.control_ids(), ["c-1"]);
}

#[test]
fn a_model_error_is_placed_at_its_element() {
    let error = from_xml::<RootObject>(&catalog("", "")).unwrap_err();
    assert_eq!(error.kind, ErrorKind::Model);
    assert_eq!(error.at, Position { line: 2, column: 1 }, "{error:?}");
    assert!(error.why.en.contains("missing field `uuid`"), "{error:?}");
}

#[test]
fn repeats_apart_and_unknown_elements_are_refused() {
    let apart = catalog(
        " uuid=\"u\"",
        "<param id=\"a\"/><control id=\"c\"><title>C</title></control><param id=\"b\"/>",
    );
    let error = xml_to_value(&apart).unwrap_err();
    assert!(error.why.en.contains("apart"), "{error:?}");
    assert_eq!(error.at.line, 4, "{error:?}");
    let unknown = catalog(" uuid=\"u\"", "<nonsense/>");
    let error = xml_to_value(&unknown).unwrap_err();
    assert!(
        error
            .why
            .en
            .contains("<nonsense> is not allowed in <catalog>"),
        "{error:?}"
    );
}

#[test]
fn indentation_passed_over_leaves_errors_placed_at_their_element() {
    for (body, at) in [
        (
            "  <param id=\"a\"/>\n\t\t<nonsense/>",
            Position { line: 5, column: 3 },
        ),
        (
            "<control id=\"c\">\n  <title>C</title>\n  <prop name=\"n\" value=\"1\"/>\n    <nonsense/>",
            Position { line: 7, column: 5 },
        ),
        // A carriage return is not indentation to the scanner: it goes as text, and is dropped
        // as blank.
        (
            "<param id=\"a\"/>\r\n   <nonsense/>",
            Position { line: 5, column: 4 },
        ),
    ] {
        let error = xml_to_value(&catalog(" uuid=\"u\"", body)).unwrap_err();
        assert_eq!(error.at, at, "{body:?}: {error:?}");
        assert!(error.why.en.contains("<nonsense>"), "{error:?}");
    }
}

#[test]
fn a_reader_that_skips_everything_still_reads_to_the_end() {
    let text = catalog(
        " uuid=\"u\"",
        "<control id=\"c\"><title>C</title></control>",
    );
    assert!(from_xml::<IgnoredAny>(&text).is_ok());
    let broken = format!("{text}<extra/>");
    assert!(from_xml::<IgnoredAny>(&broken).is_err());
}

/// Prose as the general path reads it: the blocks parsed as a tree, then written as Markdown.
fn prose_as_a_tree(blocks: &str) -> String {
    let part = crate::xml::tree::parse(&format!(
        "<part xmlns=\"{OSCAL_NAMESPACE}\">{blocks}</part>"
    ))
    .unwrap();
    crate::xml::markup::multiline_to_markdown(&part.children).unwrap()
}

#[test]
fn prose_read_straight_from_the_tokens_is_the_prose_a_tree_gives() {
    let proses = [
        "<p>One.</p>",
        "<p>One  <insert type=\"param\" id-ref=\"p\"/>\n two.</p>\n<p/>\n<p> </p><p>Three</p>",
        // Plain paragraphs, then blocks that are not: the tokens go back to the first block.
        "<p>One.</p><p>Two.</p><ul><li>x</li><li>y</li></ul><p>After.</p>",
        "<p>One.</p><p>A <a href=\"https://example.com\">link</a>.</p>",
        "<ol><li>first</li></ol><p>Then plain.</p>",
        "<p>A <em>word</em>.</p><p>Plain.</p>",
        "<p>An <insert type=\"param\" id-ref=\"p\"> </insert> with content.</p>",
        "<p>1. reads as a list</p>",
        // Links: plain ones are written straight, the others send the prose back to the tree.
        "<p>See <a href=\"https://example.com/a?b=c#d\">the  guide</a>.</p>",
        "<p>Note!<a href=\"https://x.y\">link</a> and! <a href=\"https://x.y\">two</a></p>",
        "<p><a href=\"https://x.y\">At start</a> then text</p>",
        "<p>Two <a href=\"a\">one</a><a href=\"b\">two</a> <insert type=\"param\" id-ref=\"p\"/></p>",
        "<p>Its own address <a href=\"https://x.y/z\">https://x.y/z</a></p>",
        "<p>Edges <a href=\"https://x.y\"> inside </a> here</p>",
        "<p>Titled <a href=\"https://x.y\" title=\"t\">x</a></p>",
        "<p>Parentheses <a href=\"https://x.y/(a)\">x</a> and <a href=\"https://x.y/?a=1&amp;b=2\">y</a></p>",
        "<p>Empty <a href=\"https://x.y\"/> and <a href=\"\">no address</a></p>",
        "<p>Marked <a href=\"https://x.y\">*x*</a></p>",
        "<p>Star * and \"quote\"</p>",
        // Namespaces declared inside the prose, before and after the block that sends it back.
        "<p xmlns:o=\"http://csrc.nist.gov/ns/oscal/1.0\">One.</p><p>Two <em>x</em></p>",
        "<p>One.</p><p xmlns:o=\"http://csrc.nist.gov/ns/oscal/1.0\">Two <o:em>x</o:em></p><p>3</p>",
    ];
    for prose in proses {
        let expected = prose_as_a_tree(prose);
        let text = catalog(
            " uuid=\"u\"",
            &format!(
                "<param id=\"p\"><remarks>{prose}</remarks></param>\
                 <control id=\"c\"><title>C</title><part name=\"s\">{prose}</part></control>"
            ),
        );
        let value = xml_to_value(&text).unwrap_or_else(|error| panic!("{prose}: {error:?}"));
        let part = &value["catalog"]["controls"][0]["parts"][0];
        assert_eq!(part["prose"], expected.as_str(), "{prose}");
        let remarks = &value["catalog"]["params"][0]["remarks"];
        assert_eq!(remarks, expected.as_str(), "{prose}");
    }
}

#[test]
fn broken_prose_is_reported_where_the_tree_reports_it() {
    for prose in [
        "<p>One.</p><p>Two.</q></p>",
        "<p>One.</p><p>Two &bogus;</p>",
        "<p>One.</p><p a=\"1\" a=\"2\">Two</p>",
        "<p>One <insert type=\"param\" type=\"x\"/></p>",
        "<p>One.</p><o:p>Two</o:p>",
    ] {
        let text = catalog(
            " uuid=\"u\"",
            &format!("<control id=\"c\"><title>C</title><part name=\"s\">{prose}</part></control>"),
        );
        let straight = xml_to_value(&text).unwrap_err();
        let tree = crate::xml::tree::parse(&text).unwrap_err();
        assert_eq!((straight.at, straight.why), (tree.at, tree.why), "{prose}");
    }
}

/// Every XML document of the shared test data (NIST's examples, FedRAMP's baselines and the
/// profile-resolution tests) reads to the same JSON with plain prose written straight from the
/// tokens as with every piece of prose read as a tree.
#[test]
fn prose_read_straight_is_prose_read_as_trees_in_every_shared_document() {
    // Where the integration tests find it (`tests/oscal/support.rs`).
    let dir = [
        std::env::var_os("SHINRAI_OSCAL_XML_DATA").map(std::path::PathBuf::from),
        Some(
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/oscal-xml"),
        ),
        Some(std::path::PathBuf::from("/work/shared/data/oscal-xml")),
    ]
    .into_iter()
    .flatten()
    .find(|dir| dir.join("fedramp-rev5").is_dir())
    .expect("OSCAL XML test data: set SHINRAI_OSCAL_XML_DATA");
    let mut files = Vec::new();
    let mut folders = vec![dir.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{folder:?}: {e}")) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|extension| extension == "xml") {
                files.push(path);
            }
        }
    }
    let mut compared = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let straight = read::<Value>(&text, true);
        let trees = read::<Value>(&text, false);
        assert_eq!(straight, trees, "{}", path.display());
        compared += usize::from(trees.is_ok());
    }
    assert!(
        compared >= 20,
        "only {compared} documents read from {}",
        dir.display()
    );
}
