//! Random Markdown, and random markup: nothing panics, and one round trip is stable.

use proptest::prelude::*;

use super::*;

/// Pieces of the syntax prose uses, and of syntax it does not, to build Markdown from.
const FRAGMENTS: &[&str] = &[
    "word",
    "two words",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "*",
    "**",
    "_",
    "__",
    "`",
    "``",
    "~",
    "^",
    "\"",
    "\\",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "{{",
    "}}",
    "#",
    "# ",
    "## ",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "> ",
    "    ",
    "|",
    "---",
    "***",
    "===",
    "```",
    "~~~",
    ":",
    ".",
    "!",
    "<",
    ">",
    "&",
    "é",
    "日本",
    "\u{a0}",
    "x_y",
    "H~2~O",
    "[a](b)",
    "[a](<b c> \"t\")",
    "![i](s \"t\")",
    "{{ insert: param, p-1 }}",
    "\"quoted\"",
    "*em*",
    "**strong**",
    "`code`",
    "~sub~",
    "^sup^",
    "<em>",
    "</em>",
    "<strong>",
    "</strong>",
    "<sub>",
    "</sub>",
    "<sup>",
    "</sup>",
    "<q>",
    "</q>",
    "<code>",
    "</code>",
    "<br/>",
    "<div>",
    "<BREAK>",
    "&amp;",
    "&#32;",
    "&quot;",
    "<http://x.gov>",
    "\\\n",
    "  \n",
    "| a | b |\n| --- | :-: |\n| c | d |\n",
    "[r]: /u\n",
    "[r]",
];

/// Markdown built of syntax fragments, or any printable text. Control characters other than
/// tab and line end are left out: XML 1.0 cannot hold them, and CommonMark counts some of them
/// as whitespace in one place and as text in another.
fn markdown() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40)
            .prop_map(|parts| parts.concat()),
        "[ -~\n\t\u{a0}\u{3000}é日]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_reads_without_panic(text in any::<String>()) {
        let blocks = markdown_to_multiline(&text);
        let _ = multiline_to_markdown(&blocks);
        let inline = markdown_to_line(&text);
        let _ = line_to_markdown(&inline);
    }

    #[test]
    fn markdown_is_stable_after_one_round(source in markdown()) {
        let first = markdown_to_multiline(&source);
        let written = multiline_to_markdown(&first).unwrap();
        prop_assert_eq!(&markdown_to_multiline(&written), &first, "written {:?}", written);
    }

    #[test]
    fn a_line_is_stable_after_one_round(source in markdown()) {
        let first = markdown_to_line(&source);
        let written = line_to_markdown(&first).unwrap();
        prop_assert_eq!(&markdown_to_line(&written), &first, "written {:?}", written);
    }

    #[test]
    fn any_markup_comes_back(content in prose_markup()) {
        let written = multiline_to_markdown(&content).unwrap();
        let expected = normalize(&content, true);
        prop_assert_eq!(markdown_to_multiline(&written), expected, "written {:?}", written);
    }
}

#[test]
fn cases_random_testing_found_come_back() {
    for source in [
        "\n!<http://x.gov>",
        "word``~``<code>*</code>",
        "- <div>`",
        "[<http://x.gov>\\[a](b)",
        "\tA\r",
        "- - *  ",
        "&#32;<br/>",
        "- :\\\n  - <br/><br/>",
        "word\\\n- * ---  \n",
    ] {
        let first = markdown_to_multiline(source);
        let written = multiline_to_markdown(&first).unwrap();
        assert_eq!(
            markdown_to_multiline(&written),
            first,
            "{source:?} written {written:?}"
        );
    }
    for xml in [
        "<ul><li><br/></li></ul>",
        "<ul><li>item <blockquote><table><tr><th/><th> <br/></th></tr></table></blockquote></li></ul>",
        "<blockquote><table><tr><th/><th/></tr><tr><td>a</td><td/></tr></table></blockquote>",
        "<ul><li>a<ul><li/><li/></ul></li></ul>",
        "<ol><li>a<ol><li/><li>b</li></ol><ul><li/></ul></li></ol>",
        "<ul><li>a</li></ul><ul><li><hr/></li></ul>",
    ] {
        multiline(xml);
    }
}

/// Text full of characters Markdown and OSCAL read as syntax.
fn markup_text() -> impl Strategy<Value = Node> {
    prop::collection::vec(
        prop::sample::select(
            &[
                "a", "b c", " ", "\n ", "*", "_", "`", "~", "^", "\"", "\\", "[", "]", "(", ")",
                "{{", "#", "- ", "1.", "> ", "|", "<", "&amp;", "!", "=", "+", "é",
            ][..],
        ),
        1..8,
    )
    .prop_map(|parts| text(&parts.concat()))
}

fn inline_markup() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        4 => markup_text(),
        1 => Just(element("br", &[], vec![])),
        1 => Just(element("insert", &[("type", "param"), ("id-ref", "ac-1_prm_1")], vec![])),
        1 => markup_text().prop_map(|alt| {
            let Node::Text(alt) = alt else { unreachable!() };
            element("img", &[("src", "a b.png"), ("alt", &alt), ("title", "t\"")], vec![])
        }),
        1 => markup_text().prop_map(|code| element("code", &[], vec![code])),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        let children = prop::collection::vec(inner, 0..4);
        (
            prop::sample::select(&["em", "strong", "i", "b", "sub", "sup", "q", "a"][..]),
            children,
        )
            .prop_map(|(name, children)| {
                if name == "a" {
                    let attributes = [("href", "https://x.gov/(a)"), ("title", "T")];
                    element(name, &attributes, without_links(children))
                } else {
                    element(name, &[], children)
                }
            })
    })
}

fn inline_run() -> impl Strategy<Value = Vec<Node>> {
    prop::collection::vec(inline_markup(), 0..5)
}

fn prose_markup() -> impl Strategy<Value = Vec<Node>> {
    let block = prop_oneof![
        3 => inline_run().prop_map(|run| element("p", &[], run)),
        1 => (1..7_usize, inline_run())
            .prop_map(|(level, run)| element(&format!("h{level}"), &[], run)),
        1 => markup_text().prop_map(|code| element("pre", &[], vec![code])),
        1 => Just(element("hr", &[], vec![])),
        1 => (1..4_usize)
            .prop_flat_map(|columns| {
                prop::collection::vec(prop::collection::vec(inline_run(), columns), 1..4)
            })
            .prop_map(|rows| table_of(&rows)),
    ];
    let blocks = block.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            (
                prop::sample::select(&["ul", "ol"][..]),
                prop::collection::vec(inline_run(), 1..4),
                inner.clone(),
                inline_run()
            )
                .prop_map(|(name, items, nested, tail)| list_of(name, items, nested, tail)),
            prop::collection::vec(inner, 1..3).prop_map(|content| element(
                "blockquote",
                &[],
                content
            )),
        ]
    });
    prop::collection::vec(blocks, 0..5)
}

/// A list of items of inline content, its last item also holding a block and more inline
/// content after it.
fn list_of(name: &str, items: Vec<Vec<Node>>, nested: Node, tail: Vec<Node>) -> Node {
    // Items start with text: an empty item cannot start a list nested right after its parent
    // item's text (Markdown reads it as more text).
    let mut items: Vec<Node> = items
        .into_iter()
        .map(|run| element("li", &[], [vec![text("item ")], run].concat()))
        .collect();
    if let Some(Node::Element(last)) = items.last_mut() {
        last.children.push(nested);
        last.children.extend(tail);
    }
    element(name, &[], items)
}

fn table_of(rows: &[Vec<Vec<Node>>]) -> Node {
    let rows = rows
        .iter()
        .enumerate()
        .map(|(at, cells)| {
            let cells = cells
                .iter()
                .map(|run| {
                    element(
                        if at == 0 { "th" } else { "td" },
                        &[("align", "center")],
                        run.clone(),
                    )
                })
                .collect();
            element("tr", &[], cells)
        })
        .collect();
    element("table", &[], rows)
}

/// Content without links (a link holding a link is refused: Markdown has none).
fn without_links(content: Vec<Node>) -> Vec<Node> {
    content
        .into_iter()
        .flat_map(|node| match node {
            Node::Element(element) if element.name == "a" => without_links(element.children),
            Node::Element(mut element) => {
                element.children = without_links(element.children);
                vec![Node::Element(element)]
            }
            text => vec![text],
        })
        .collect()
}
