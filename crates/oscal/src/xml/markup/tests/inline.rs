//! Inline constructs, escaping, quotation and errors.

use super::*;

#[test]
fn writes_each_inline_construct_as_nist_does() {
    assert_eq!(line("a <em>b</em> <strong>c</strong>"), "a *b* **c**");
    assert_eq!(
        line("<code>x = 1</code> and <code>a`b</code>"),
        "`x = 1` and ``a`b``"
    );
    assert_eq!(line("x <sub>2</sub> y <sup>3</sup>"), "x ~2~ y ^3^");
    assert_eq!(line("<a href=\"#ac-2\">AC-2</a>"), "[AC-2](#ac-2)");
    assert_eq!(
        line("<a href=\"https://x.gov/a_(b)\" title=\"The &quot;x&quot;\">site</a>"),
        "[site](https://x.gov/a_(b) \"The \\\"x\\\"\")"
    );
    assert_eq!(
        line("<img src=\"d.png\" alt=\"a *b*\" title=\"t\"/>"),
        "![a \\*b\\*](d.png \"t\")"
    );
    assert_eq!(
        line("set <insert type=\"param\" id-ref=\"ac-1_prm_1\"/>."),
        "set {{ insert: param, ac-1_prm_1 }}."
    );
    assert_eq!(line("the <q>continuous</q> way"), "the \"continuous\" way");
    assert_eq!(line("one<br/>two"), "one\\\ntwo");
}

#[test]
fn i_and_b_are_written_as_em_and_strong() {
    let content = prose("<i>x</i> <b>y</b>");
    assert_eq!(line_to_markdown(&content).unwrap(), "*x* **y**");
    assert_eq!(
        markdown_to_line("*x* **y**"),
        vec![
            element("em", &[], vec![text("x")]),
            text(" "),
            element("strong", &[], vec![text("y")])
        ]
    );
    assert_eq!(normalize(&content, false), markdown_to_line("*x* **y**"));
}

#[test]
fn nested_inline_markup_comes_back() {
    line("<strong>a <em>b <code>c</code></em> d</strong>");
    line("<a href=\"x\">see <em>this</em> and <q>that</q></a>");
    line("<q>outer <q>inner</q> outer</q>");
    line("<em><strong>both</strong></em> <strong><em>both</em></strong>");
    line("<em>a</em><em>b</em><strong>c</strong>");
    line("<sup><sub>x</sub></sup> and <sub>a <sup>b</sup></sub>");
    line("<q><em>said</em></q>, <em><q>said</q></em>");
}

#[test]
fn delimiters_that_markdown_would_misread_become_inline_html() {
    // Space at an edge: `* x*` is no emphasis.
    assert_eq!(
        line("5: <em> Security and Privacy</em> (PDF)"),
        "5: <em> Security and Privacy</em> (PDF)"
    );
    // `~` and `^` do not work inside a word.
    assert_eq!(
        line("H<sub>2</sub>O, 5<sup>th</sup>"),
        "H<sub>2</sub>O, 5<sup>th</sup>"
    );
    assert_eq!(line("<em></em>x<code></code>"), "<em></em>x<code></code>");
    // A line break cannot end a block in Markdown.
    line("end<br/>");
    line("<em>a<br/></em>b");
}

#[test]
fn escapes_what_markdown_or_oscal_would_read_as_syntax() {
    let wild = concat!(
        "# not a heading *a* _b_ [c](d) \\e `f` ~g~ ^h^ \"i\" ",
        "{{ insert: param, x }} <em>j</em> &amp; |k| ![l](m) \\",
    );
    let markdown = line(&xml_text(wild));
    assert!(markdown.contains("\\{{ insert"), "{markdown}");
    for start in [
        "# h", "## h", "- a", "+ a", "* a", "1. a", "2) a", "> q", "=== ", "--- ", "    code",
        "<div>", "| a |", ": d", "```", "~~~", "***", "___",
    ] {
        line(&xml_text(start));
        multiline(&format!("<p>{}</p>", xml_text(start)));
        multiline(&format!("<p>x<br/>{}</p>", xml_text(start)));
        multiline(&format!("<ul><li>{}</li></ul>", xml_text(start)));
    }
    multiline(&format!(
        "<p>{}</p><p>{}</p>",
        xml_text(wild),
        xml_text("[a]: /b")
    ));
}

#[test]
fn keeps_nist_escaping_when_it_is_enough() {
    // NIST leaves `_`, `[`, `]`, `#`, `&` and `<` alone where Markdown reads them as text.
    assert_eq!(
        line("AC-03(07)_ODP[01] (see #3) POA&amp;M &lt;BREAK&gt; key"),
        "AC-03(07)_ODP[01] (see #3) POA&M <BREAK> key"
    );
    assert_eq!(line("a \"quoted\" *star*"), "a \\\"quoted\\\" \\*star\\*");
    assert_eq!(line("C:\\Users\\x"), "C:\\Users\\x");
}

#[test]
fn quotation_marks_pair_and_a_lone_one_is_text() {
    assert_eq!(
        markdown_to_line("say \"a *b*\" and \\\"c\\\" \"d"),
        vec![
            text("say "),
            element(
                "q",
                &[],
                vec![text("a "), element("em", &[], vec![text("b")])]
            ),
            text(" and \"c\" \"d"),
        ]
    );
    assert_eq!(
        markdown_to_line("`\"code\"` &quot;x&quot;"),
        vec![element("code", &[], vec![text("\"code\"")]), text(" \"x\""),]
    );
}

#[test]
fn alt_text_is_plain_text() {
    assert_eq!(
        markdown_to_line("![say \"hi\" {{ insert: param, x }} *now*](a.png)"),
        vec![element(
            "img",
            &[
                ("alt", "say \"hi\" {{ insert: param, x }} now"),
                ("src", "a.png")
            ],
            vec![]
        )]
    );
}

#[test]
fn inserts_are_read_where_written_unescaped() {
    let insert = |id: &str| element("insert", &[("id-ref", id), ("type", "param")], vec![]);
    assert_eq!(
        markdown_to_line("{{insert: param,a-1_prm_1}} {{ insert: param, b }}"),
        vec![insert("a-1_prm_1"), text(" "), insert("b")]
    );
    assert_eq!(
        markdown_to_line("\\{{ insert: param, b }} `{{ insert: param, c }}`"),
        vec![
            text("{{ insert: param, b }} "),
            element("code", &[], vec![text("{{ insert: param, c }}")]),
        ]
    );
}

#[test]
fn whitespace_collapses_as_html_would_show_it() {
    assert_eq!(line("\n   a \t b\n  <em>c\n d</em>  "), "a b *c d*");
    assert_eq!(line("a <br/>\n   b"), "a \\\nb");
}

#[test]
fn refuses_elements_outside_the_markup_where_they_stand() {
    let content = prose("<p>one</p>\n<p>two <span>x</span></p>");
    let error = multiline_to_markdown(&content).unwrap_err();
    assert_eq!(error.at, Position { line: 2, column: 8 });
    assert!(error.why.en.contains("<span>"), "{error:?}");
    assert!(error.why.ja.contains("<span>"), "{error:?}");

    let error = line_to_markdown(&prose("a <p>b</p>")).unwrap_err();
    let wrapper = format!("<remarks xmlns=\"{OSCAL_NAMESPACE}\">a ").len();
    assert_eq!(
        error.at,
        Position {
            line: 1,
            column: wrapper + 1
        }
    );
    assert!(error.why.en.contains("markup-line"), "{error:?}");

    let error = multiline_to_markdown(&prose("<p><ul><li>x</li></ul></p>")).unwrap_err();
    assert!(
        error.why.en.contains("<ul> cannot stand inside <p>"),
        "{error:?}"
    );
    let error = multiline_to_markdown(&prose("<ul>text<li>x</li></ul>")).unwrap_err();
    assert!(
        error
            .why
            .en
            .contains("text cannot stand directly inside <ul>"),
        "{error:?}"
    );
    let error = multiline_to_markdown(&prose("<table><tr><p/></tr></table>")).unwrap_err();
    assert!(
        error.why.en.contains("<p> cannot stand inside <tr>"),
        "{error:?}"
    );
    let error = line_to_markdown(&prose("<a href=\"x\"><em><a href=\"y\">z</a></em></a>"));
    assert!(error.unwrap_err().why.en.contains("another <a>"));
}

#[test]
fn refuses_markup_nested_past_the_limit() {
    let mut deep = vec![text("x")];
    for _ in 0..=tree::MAX_DEPTH {
        deep = vec![element("em", &[], deep)];
    }
    let error = line_to_markdown(&deep).unwrap_err();
    assert!(error.why.en.contains("nests more than"), "{error:?}");
    assert!(multiline_to_markdown(&deep).is_err());
}

/// Text as XML content.
fn xml_text(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
