//! Audit reports printed as PDF and read back with poppler's `pdftotext`: every text comes back
//! verbatim, Japanese included, every page carries the report's hash and its number, and long
//! text runs on over pages rather than being cut. Needs `pdftotext` (Debian: poppler-utils) and
//! IPAex Gothic (Debian: fonts-ipaexfont); without them the tests fail saying so.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod support;

use std::path::Path;

use support::{assert_has, font, poppler};

use shinrai_formats::report_pdf::{
    PrintLang, PrintedReport, PrintedRow, PrintedSection, ReportPdfError, load_font, render_pdf,
};

const SHA: &str = "3f1c9a0b5e7d2468ace13579bdf02468ace13579bdf02468ace13579bdf0a1b2";

fn text(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-enc", "UTF-8"], pdf)
}

fn page_text(pdf: &[u8], page: usize) -> String {
    let page = page.to_string();
    poppler(
        "pdftotext",
        &["-enc", "UTF-8", "-f", &page, "-l", &page],
        pdf,
    )
}

fn pages(pdf: &[u8]) -> usize {
    let info = poppler("pdfinfo", &[], pdf);
    let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
    line["Pages:".len()..].trim().parse().unwrap()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn row(id: &str, verdict: &str, reason: &str) -> PrintedRow {
    PrintedRow {
        id: id.to_owned(),
        verdict: verdict.to_owned(),
        reason: reason.to_owned(),
        details: vec![
            "整備状況: 有効".to_owned(),
            "運用状況: 20 件抽出、20 件適合".to_owned(),
        ],
        evidence: vec!["a".repeat(64), "0123456789abcdef".repeat(4)],
    }
}

fn japanese(rows: Vec<PrintedRow>) -> PrintedReport {
    PrintedReport {
        lang: PrintLang::Ja,
        title: "監査報告書".to_owned(),
        sha256: SHA.to_owned(),
        hash_label: "報告書ハッシュ (SHA-256)".to_owned(),
        page_label: "ページ".to_owned(),
        header: vec![
            (
                "サービス".to_owned(),
                "しんらいクラウド IaaS 基盤".to_owned(),
            ),
            ("監査機関".to_owned(), "株式会社 監査法人みらい".to_owned()),
            ("登録レベル".to_owned(), "レベル 2".to_owned()),
        ],
        sections: vec![PrintedSection {
            heading: "詳細管理策".to_owned(),
            rows,
        }],
    }
}

#[test]
fn japanese_report_reads_back_verbatim() {
    let reason = "アクセス権の見直しは四半期ごとに実施され、承認記録と突合した結果、\
                  不備は認められなかった。\n退職者のアカウントは翌営業日までに削除されている。";
    let report = japanese(vec![
        row("8.1.2.P3", "適合", reason),
        row("8.1.3", "不適合", "鍵の保管手順が文書化されていない。"),
    ]);
    let pdf = render_pdf(&report, &font()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let extracted = text(&pdf);
    for expected in [
        "監査報告書",
        "しんらいクラウド IaaS 基盤",
        "株式会社 監査法人みらい",
        "詳細管理策",
        "8.1.2.P3",
        "適合",
        "8.1.3",
        "不適合",
        reason,
        "鍵の保管手順が文書化されていない。",
        "運用状況: 20 件抽出、20 件適合",
        &"a".repeat(64),
        SHA,
        "ページ 1 / 1",
    ] {
        assert_has(&extracted, expected);
    }
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(info.contains("監査報告書"), "no title in:\n{info}");
    assert!(contains(&pdf, b"/Lang(ja)"), "no document language");
    let fonts = poppler("pdffonts", &[], &pdf);
    assert!(fonts.contains("IPAexGothic"), "font not embedded:\n{fonts}");
}

#[test]
fn english_report_reads_back_verbatim() {
    let reason = "Access rights are reviewed every quarter against the approval records; \
                  the sampled reviews showed no exceptions.";
    let report = PrintedReport {
        lang: PrintLang::En,
        title: "Audit report".to_owned(),
        sha256: SHA.to_owned(),
        hash_label: "Report hash (SHA-256)".to_owned(),
        page_label: "Page".to_owned(),
        header: vec![("Audit body".to_owned(), "Mirai Audit LLC".to_owned())],
        sections: vec![PrintedSection {
            heading: "Control objectives".to_owned(),
            rows: vec![PrintedRow {
                id: "8.1.2.P3".to_owned(),
                verdict: "Conformant".to_owned(),
                reason: reason.to_owned(),
                details: vec!["Design: effective".to_owned()],
                evidence: vec![SHA.to_owned()],
            }],
        }],
    };
    let pdf = render_pdf(&report, &font()).unwrap();
    let extracted = text(&pdf);
    for expected in [
        "Audit report",
        "Mirai Audit LLC",
        "Control objectives",
        "8.1.2.P3",
        "Conformant",
        "Design: effective",
        "Page 1 / 1",
    ] {
        assert!(
            extracted.contains(expected),
            "{expected:?} not in:\n{extracted}"
        );
    }
    // Wrapped at spaces: every word whole.
    assert_has(&extracted, reason);
    for word in reason.split_whitespace() {
        assert!(extracted.contains(word), "{word:?} not in:\n{extracted}");
    }
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(info.contains("Audit report"), "no title in:\n{info}");
    assert!(contains(&pdf, b"/Lang(en)"), "no document language");
}

#[test]
fn every_page_has_the_hash_and_its_number() {
    let rows = (1..=300)
        .map(|n| {
            row(
                &format!("C.{n}"),
                "適合",
                &"統制は有効に運用されている。".repeat(4),
            )
        })
        .collect();
    let pdf = render_pdf(&japanese(rows), &font()).unwrap();
    let count = pages(&pdf);
    assert!(count > 1, "300 rows on {count} page");
    for page in 1..=count {
        let extracted = page_text(&pdf, page);
        assert!(
            extracted.contains(SHA),
            "page {page} has no hash:\n{extracted}"
        );
        let number = format!("ページ {page} / {count}");
        assert!(
            extracted.contains(&number),
            "page {page} lacks {number:?}:\n{extracted}"
        );
    }
    assert!(text(&pdf).contains("C.300"));
}

#[test]
fn a_reason_longer_than_a_page_prints_whole() {
    let mut reason = String::new();
    for n in 0..400 {
        reason.push_str(&format!("第{n}項の手続を確認した。"));
    }
    reason.push_str("以上で理由は終わりです。LAST-WORDS");
    let pdf = render_pdf(&japanese(vec![row("9.9", "適合", &reason)]), &font()).unwrap();
    assert!(pages(&pdf) > 1);
    // The body's text without the footers, which come between the pages' text.
    let body: String = text(&pdf)
        .lines()
        .filter(|line| !line.contains(SHA) && !line.starts_with("ページ "))
        .collect();
    assert_has(&body, &reason);
    assert!(body.contains("LAST-WORDS"));
}

#[test]
fn text_without_a_glyph_prints_a_replacement() {
    let pdf = render_pdf(&japanese(vec![row("1.1", "適合", "絵文字😀あり")]), &font()).unwrap();
    assert_has(&text(&pdf), "絵文字〓あり");
}

#[test]
fn bad_fonts_are_errors_naming_the_file() {
    let missing = Path::new("/nonexistent/fonts/nothing.ttf");
    let error = load_font(missing).unwrap_err();
    assert!(
        matches!(error, ReportPdfError::FontMissing { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("/nonexistent/fonts/nothing.ttf"));
    assert!(
        error
            .message()
            .ja
            .contains("/nonexistent/fonts/nothing.ttf")
    );

    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.ttf");
    std::fs::write(&junk, b"not a font at all").unwrap();
    let error = load_font(&junk).unwrap_err();
    assert!(
        matches!(error, ReportPdfError::NotAFont { .. }),
        "{error:?}"
    );
    assert_eq!(error.file(), Some(junk.display().to_string().as_str()));

    let error = load_font(dir.path()).unwrap_err();
    assert!(
        matches!(error, ReportPdfError::FontUnreadable { .. }),
        "{error:?}"
    );
}

#[test]
fn one_font_serves_many_renders_across_threads() {
    fn shared<T: Send + Sync + Clone>(_: &T) {}
    let font = font();
    shared(&font);
    let report = japanese(vec![row("1.1", "適合", "問題なし")]);
    let first = render_pdf(&report, &font).unwrap();
    let second = std::thread::scope(|s| s.spawn(|| render_pdf(&report, &font)).join())
        .unwrap()
        .unwrap();
    assert_eq!(first.len(), second.len());
}
