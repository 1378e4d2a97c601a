//! The PDF read back with `pdftotext`: every text whole, the column headings and the footer on
//! every page, rows kept whole, line breaks kept.

use super::{
    SHA, assert_has, compact, english, font, grid_texts, japanese, large, poppler, row, section,
};
use shinrai_formats::comparison::{ComparisonSheet, MAX_CELL_CHARS, comparison_pdf};

/// The text in reading order, one string per page.
fn pages(pdf: &[u8]) -> Vec<String> {
    split_pages(&poppler("pdftotext", &["-enc", "UTF-8"], pdf))
}

/// The text in the order it is drawn, which keeps each cell's lines together where reading
/// order may run wrapped headings side by side into one line.
fn drawn_pages(pdf: &[u8]) -> Vec<String> {
    split_pages(&poppler("pdftotext", &["-raw", "-enc", "UTF-8"], pdf))
}

/// `pdftotext` ends every page with a form feed.
fn split_pages(text: &str) -> Vec<String> {
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|last| last.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn render(sheet: &ComparisonSheet) -> Vec<u8> {
    let pdf = comparison_pdf(sheet, &font()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    pdf
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every text of `sheet` in the PDF, its title in the metadata, A4 landscape.
fn assert_prints_whole(sheet: &ComparisonSheet, lang: &str) -> String {
    let pdf = render(sheet);
    let text = pages(&pdf).concat();
    assert_has(&text, &sheet.title);
    for (label, value) in &sheet.header {
        assert_has(&text, label);
        assert_has(&text, value);
    }
    for expected in grid_texts(sheet) {
        assert_has(&text, expected);
    }
    assert_has(&text, &format!("{}: {SHA}", sheet.hash_label));
    assert_has(&text, &format!("{} 1 / 1", sheet.page_label));
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(info.contains(&sheet.title), "no title in:\n{info}");
    assert!(
        info.contains("841.89 x 595.28 pts"),
        "not A4 landscape:\n{info}"
    );
    let language = format!("/Lang({lang})");
    assert!(contains(&pdf, language.as_bytes()), "no {language}");
    text
}

#[test]
fn comparison_pdf_prints_every_text_in_japanese() {
    assert_prints_whole(&japanese(), "ja");
}

#[test]
fn comparison_pdf_prints_every_text_in_english_with_words_whole() {
    let sheet = english();
    let text = assert_prints_whole(&sheet, "en");
    for word in grid_texts(&sheet).iter().flat_map(|t| t.split_whitespace()) {
        assert!(text.contains(word), "{word:?} not in:\n{text}");
    }
}

#[test]
fn comparison_pdf_of_a_large_sheet_repeats_headings_and_footer_on_every_page() {
    let sheet = large();
    let pdf = render(&sheet);
    let pages = drawn_pages(&pdf);
    let count = pages.len();
    assert!(count > 10, "300 long rows on {count} pages");
    for (number, page) in (1..).zip(&pages) {
        assert_has(page, &sheet.corner);
        for heading in &sheet.columns {
            assert_has(page, heading);
        }
        assert!(page.contains(SHA), "page {number} has no hash:\n{page}");
        let numbered = format!("ページ {number} / {count}");
        assert!(page.contains(&numbered), "page {number} lacks {numbered:?}");
    }
    // Every row fits a page, so each is printed whole on the page its label is on.
    let mut on = pages.iter().map(|page| compact(page)).peekable();
    for section in &sheet.sections {
        for compared in &section.rows {
            let label = compact(&compared.label);
            while on.peek().is_some_and(|page| !page.contains(&label)) {
                on.next();
            }
            let page = on.peek().unwrap_or_else(|| panic!("{label} not printed"));
            for cell in &compared.cells {
                assert!(page.contains(&compact(cell)), "{cell:?} split from its row");
            }
        }
    }
}

#[test]
fn comparison_pdf_runs_a_row_taller_than_a_page_over_pages() {
    let mut sheet = japanese();
    let mut long = String::new();
    for n in 0.. {
        let sentence = format!("第{n}項の手続を確認した。");
        if long.chars().count() + sentence.chars().count() > MAX_CELL_CHARS - "END-OF-CELL".len() {
            break;
        }
        long.push_str(&sentence);
    }
    long.push_str("END-OF-CELL");
    sheet.sections = vec![section(
        "長い回答",
        vec![
            row("短い行", &["はい", "いいえ", "はい"]),
            row("長い行", &["あり", "なし", &long]),
            row("最後の行", &["A", "B", "C"]),
        ],
    )];
    let pdf = render(&sheet);
    let count = pages(&pdf).len();
    assert!(
        count > 2,
        "a cell of {MAX_CELL_CHARS} characters on {count} pages"
    );
    // The body in drawing order, without the footers and the repeated heading rows.
    let body: String = drawn_pages(&pdf)
        .concat()
        .lines()
        .filter(|line| {
            !line.contains(SHA) && !line.starts_with("ページ ") && !line.starts_with(&sheet.corner)
        })
        .collect();
    assert_has(&body, &long);
    assert_has(&body, "最後の行 A B C");
}

#[test]
fn comparison_pdf_keeps_line_breaks_in_cells() {
    let mut sheet = english();
    sheet.sections = vec![section(
        "Line breaks",
        vec![row(
            "Several lines",
            &["first line\nsecond line\r\nthird line", "一行目\n二行目"],
        )],
    )];
    let text = pages(&render(&sheet)).concat();
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for expected in [
        "first line",
        "second line",
        "third line",
        "一行目",
        "二行目",
    ] {
        assert!(
            lines.contains(&expected),
            "{expected:?} not a line of:\n{text}"
        );
    }
}

#[test]
fn comparison_pdf_cuts_an_overlong_column_heading_on_every_page() {
    let mut sheet = english();
    let name = "A service whose name goes on and on ".repeat(12);
    if let Some(first) = sheet.columns.first_mut() {
        first.clone_from(&name);
    }
    let pages = pages(&render(&sheet));
    let page = pages.first().unwrap();
    assert!(page.contains("A service whose name goes on"), "{page}");
    assert!(page.contains('\u{2026}'), "no ellipsis in:\n{page}");
    assert!(!compact(page).contains(&compact(&name)), "{page}");
}
