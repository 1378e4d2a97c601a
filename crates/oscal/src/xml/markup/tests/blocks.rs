//! Block constructs, in NIST's layout.

use super::*;

#[test]
fn writes_paragraphs_headings_and_rules() {
    assert_eq!(
        multiline("<h1>One</h1><p>a</p><h3>Three <em>x</em></h3><hr/><h6>Six</h6><p>b</p>"),
        "# One\n\na\n\n### Three *x*\n\n---\n\n###### Six\n\nb"
    );
    assert_eq!(multiline("<h2/>"), "##");
    assert_eq!(multiline("<h2>end #</h2>"), "## end \\#");
}

#[test]
fn writes_lists_as_nist_does() {
    assert_eq!(
        multiline("<p>Examples:</p><ul><li>one</li><li>two</li></ul>"),
        "Examples:\n\n* one\n* two\n"
    );
    assert_eq!(
        multiline("<ol><li>one</li><li>two</li></ol><p>after</p>"),
        "1. one\n1. two\n\n\nafter"
    );
}

#[test]
fn nests_lists_two_levels_deep() {
    let markdown = multiline(concat!(
        "<ul><li>AAL3 (high baseline) <ul><li>12 hours or</li>",
        "<li>15 minutes <ol><li>deep</li><li>deeper</li></ol></li></ul></li>",
        "<li>next</li></ul>"
    ));
    assert_eq!(
        markdown,
        "* AAL3 (high baseline)\n  * 12 hours or\n  * 15 minutes\n    1. deep\n    1. deeper\n* next\n"
    );
    assert_eq!(
        multiline("<ol><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li></ol>"),
        "1. a\n   * b\n     1. c\n"
    );
}

#[test]
fn keeps_lists_that_follow_each_other_apart() {
    assert_eq!(
        multiline("<ul><li>a</li></ul><ul><li>b</li></ul><ul><li>c</li></ul><ol><li>d</li></ol>"),
        "* a\n\n\n- b\n\n\n* c\n\n\n1. d\n"
    );
    multiline("<ol><li>a</li></ol><ol><li>b</li></ol>");
    // A list that starts its parent's item: `* * *` would be a rule.
    assert_eq!(
        multiline("<ul><li><ul><li><ul><li>x</li></ul></li></ul></li></ul>"),
        "* - * x\n"
    );
    multiline("<ul><li>x<ul><li>a</li></ul><ul><li>b</li></ul></li></ul>");
}

#[test]
fn items_holding_paragraphs_make_a_loose_list() {
    assert_eq!(
        multiline(concat!(
            "<ul>\n  <li>\n    <p>Requires all components synchronize\n      their time</p>\n",
            "  </li>\n  <li><p>Identifies</p><ul><li>x</li></ul><p>more</p></li>\n</ul>"
        )),
        "* Requires all components synchronize their time\n\n* Identifies\n\n  * x\n\n\n  more\n"
    );
    assert_eq!(
        multiline("<ul><li>a<ul><li>x</li></ul>b</li></ul>"),
        "* a\n\n  * x\n\n\n  b\n"
    );
    assert_eq!(multiline("<ul><li><p>only</p></li></ul>"), "* only\n");
    // A list is loose or tight as a whole: an item of plain text in a loose list is a paragraph.
    let content = prose("<ol><li>plain</li><li><p>para</p></li></ol>");
    let markdown = multiline_to_markdown(&content).unwrap();
    assert_eq!(markdown, "1. plain\n\n1. para\n");
    assert_eq!(markdown_to_multiline(&markdown), normalize(&content, true));
}

#[test]
fn pre_keeps_its_whitespace_exactly() {
    let art = "\nCust-A    Cust-B\n  |         |\n  +---------+\n\t tab\n\n   ```\n        ";
    let markdown = multiline(&format!("<p>Before</p><pre>{art}</pre>"));
    assert_eq!(markdown, format!("Before\n\n````\n{art}\n````"));
    assert_eq!(
        markdown_to_multiline(&markdown),
        vec![
            element("p", &[], vec![text("Before")]),
            element("pre", &[], vec![text(art)])
        ]
    );
    multiline("<pre><code>let x = 1;\n  y</code></pre>");
    multiline(
        "<pre/><ul><li><p>a</p><pre>  b\n\n  c</pre></li></ul><blockquote><pre>\n x\n</pre></blockquote>",
    );
}

#[test]
fn writes_blockquotes_of_blocks() {
    assert_eq!(
        multiline(
            "<blockquote><p>a</p><ul><li>b</li></ul><blockquote><p>c</p></blockquote></blockquote>"
        ),
        "> a\n>\n> * b\n>\n>\n> > c"
    );
}

#[test]
fn writes_tables_with_alignment() {
    let markdown = multiline(concat!(
        "<table><tr><th align=\"left\">Name</th><th align=\"center\">Kind</th>",
        "<th align=\"right\">Count</th><th>Note</th></tr>",
        "<tr><td align=\"left\">a|b</td><td align=\"center\"><code>x|y</code></td>",
        "<td align=\"right\">3</td><td>one<br/>two</td></tr></table>"
    ));
    assert_eq!(
        markdown,
        concat!(
            "| Name | Kind | Count | Note |\n",
            "| :--- | :---: | ---: | --- |\n",
            "| a\\|b | `x\\|y` | 3 | one<br/>two |"
        )
    );
    // No header row in the markup: an empty one in Markdown, dropped on reading.
    assert_eq!(
        multiline("<table><tr><td>a</td><td>b</td></tr></table>"),
        "|  |  |\n| --- | --- |\n| a | b |"
    );
}

#[test]
fn inline_content_among_blocks_is_a_paragraph() {
    let content = prose("loose <em>text</em><p>para</p>tail");
    let markdown = multiline_to_markdown(&content).unwrap();
    assert_eq!(markdown, "loose *text*\n\npara\n\ntail");
    assert_eq!(markdown_to_multiline(&markdown), normalize(&content, true));
    assert_eq!(multiline_to_markdown(&prose("  \n <p/>  ")).unwrap(), "");
}

#[test]
fn reads_markdown_beyond_what_nist_writes() {
    let read = markdown_to_multiline(concat!(
        "Setext\n===\n\n    indented code\n\n",
        "- dash\n- list\n\n",
        "3. from three\n\n",
        "<div>html block</div>\n\n",
        "a [ref][r] <https://x.gov> ~~strike~~\n\n[r]: https://r.gov \"R\"\n"
    ));
    let markdown = multiline_to_markdown(&read).unwrap();
    assert_eq!(
        markdown,
        concat!(
            "# Setext\n\n```\nindented code\n```\n\n* dash\n* list\n\n\n",
            "1. from three\n\n\n<div>html block</div>\n\n",
            "a [ref](https://r.gov \"R\") [https://x.gov](https://x.gov) \\~\\~strike\\~\\~"
        )
    );
    assert_eq!(markdown_to_multiline(&markdown), read);
}

#[test]
fn a_line_reads_blocks_as_their_inline_content() {
    assert_eq!(
        markdown_to_line("# Title\n\n* a\n* b"),
        vec![text("Title a b")]
    );
    assert_eq!(line("1. Introduction"), "1\\. Introduction");
    assert_eq!(line("# of accounts"), "\\# of accounts");
}

#[test]
fn nist_markdown_comes_back_unchanged() {
    for markdown in [
        "Examples include the following:\n\n* Encryption of data\n* Decryption of data\n\n\nThe requirement.",
        "Determine if the information system:\n\n* Accepts PIV credentials.\n* Electronically verifies PIV credentials.\n",
        "The terms \"continuous\" and \"ongoing\" imply {{ insert: param, ac-01_odp.03 }} [AU-02](#au-2).",
        "\\\"Phishing-resistant\\\" authentication refers to users' ODP[01] \\*See",
        "```\ncode\n```",
    ] {
        assert_eq!(markdown_round_trip(markdown), markdown);
    }
}

#[test]
fn deep_nesting_is_read_without_exhausting_the_stack() {
    for markdown in [
        ">".repeat(50_000) + " x",
        "* ".repeat(20_000) + "x",
        "*a ".repeat(20_000) + "x",
        "[".repeat(20_000) + "x",
        "<em>".repeat(20_000) + "x",
    ] {
        let read = markdown_to_multiline(&markdown);
        let written = multiline_to_markdown(&read).unwrap();
        assert_eq!(markdown_to_multiline(&written), read);
    }
}
