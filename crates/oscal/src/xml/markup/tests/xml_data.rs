//! NIST's and FedRAMP's XML prose: markup to Markdown and back, and against the JSON twins.

use std::path::{Path, PathBuf};

use super::super::vocabulary;
use super::*;

/// The folder of public OSCAL XML files: `$SHINRAI_OSCAL_XML_DATA`, else
/// `/work/shared/data/oscal-xml`. A missing folder fails the test.
pub(super) fn xml_data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SHINRAI_OSCAL_XML_DATA").map_or_else(
        || PathBuf::from("/work/shared/data/oscal-xml"),
        PathBuf::from,
    );
    if dir.join("fedramp-rev5").is_dir() {
        Some(dir)
    } else {
        // A missing folder fails: these tests must never pass by finding nothing to check.
        panic!(
            "no OSCAL data in {} (set SHINRAI_OSCAL_XML_DATA)",
            dir.display()
        )
    }
}

pub(super) fn xml_files(dir: &Path, folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join(folder))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "xml"))
        .collect();
    files.sort();
    files
}

/// One piece of prose in a document, and the element holding it.
struct Prose {
    multiline: bool,
    content: Vec<Node>,
    holder: String,
    at: Position,
}

/// Every title (markup-line) and every element holding a block (markup-multiline: a part's
/// block children, the whole content of `<remarks>`, `<description>` and the like).
fn prose_in(element: &Element, out: &mut Vec<Prose>) {
    for child in element.elements() {
        if child.name == "title" {
            out.push(prose_piece(child, false, child.children.clone()));
        } else if child
            .elements()
            .any(|grandchild| is_block_element(&grandchild.name))
        {
            out.push(prose_piece(child, true, prose_of(child)));
            prose_in(child, out);
        } else {
            prose_in(child, out);
        }
    }
}

fn prose_piece(holder: &Element, multiline: bool, content: Vec<Node>) -> Prose {
    Prose {
        multiline,
        content,
        holder: holder.name.clone(),
        at: holder.at,
    }
}

/// The content of every piece of multiline prose in a file.
pub(super) fn prose_in_file(file: &Path) -> Vec<Vec<Node>> {
    let root = tree::parse(&std::fs::read_to_string(file).unwrap()).unwrap();
    let mut pieces = Vec::new();
    prose_in(&root, &mut pieces);
    pieces
        .into_iter()
        .filter(|piece| piece.multiline)
        .map(|piece| piece.content)
        .collect()
}

/// The prose of an element: all its content when it holds only markup, else (a part, holding
/// properties and parts too) its block children.
pub(super) fn prose_of(element: &Element) -> Vec<Node> {
    let only_markup = element
        .elements()
        .all(|child| is_block_element(&child.name) || vocabulary::is_inline_element(&child.name));
    if only_markup {
        element.children.clone()
    } else {
        element
            .children
            .iter()
            .filter(|node| matches!(node, Node::Element(child) if is_block_element(&child.name)))
            .cloned()
            .collect()
    }
}

#[test]
fn every_piece_of_xml_prose_comes_back_from_markdown() {
    let Some(dir) = xml_data_dir() else { return };
    let (mut lines, mut multilines) = (0, 0);
    let mut failures = Vec::new();
    for file in [xml_files(&dir, "examples"), xml_files(&dir, "fedramp-rev5")].concat() {
        let root = tree::parse(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let mut pieces = Vec::new();
        prose_in(&root, &mut pieces);
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        for piece in &pieces {
            let (markdown, back) = if piece.multiline {
                multilines += 1;
                let markdown = multiline_to_markdown(&piece.content).unwrap();
                let back = markdown_to_multiline(&markdown);
                (markdown, back)
            } else {
                lines += 1;
                let markdown = line_to_markdown(&piece.content).unwrap();
                let back = markdown_to_line(&markdown);
                (markdown, back)
            };
            if back != normalize(&piece.content, piece.multiline) {
                let holder = &piece.holder;
                failures.push(format!("{name} <{holder}> {:?}: {markdown:?}", piece.at));
            }
        }
    }
    let checked = lines + multilines;
    println!(
        "XML prose, markup → Markdown → markup: {checked} pieces ({lines} titles, {multilines} \
         multiline), {} differ",
        failures.len()
    );
    for failure in failures.iter().take(40) {
        println!("  {failure}");
    }
    assert!(checked > 18_000, "only {checked} pieces of prose found");
    assert!(failures.is_empty(), "{} pieces differ", failures.len());
}
