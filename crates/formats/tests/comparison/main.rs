//! Comparisons written and read back: the XLSX with calamine, the PDF with poppler's
//! `pdftotext` and `pdfinfo` (Debian: poppler-utils) in IPAex Gothic (Debian:
//! fonts-ipaexfont); without them the PDF tests fail saying what to install.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod check;
mod pdf;
#[path = "../support/mod.rs"]
mod support;
mod xlsx;

use shinrai_formats::comparison::{ComparisonRow, ComparisonSection, ComparisonSheet};
use shinrai_formats::report_pdf::PrintLang;
use support::{assert_has, compact, font, poppler};

const SHA: &str = "9b2e4c6a8d0f13579bdf2468ace02468ace13579bdf0a1b2c3d4e5f60718293a";

fn row(label: &str, cells: &[&str]) -> ComparisonRow {
    ComparisonRow {
        label: label.to_owned(),
        cells: cells.iter().map(|&cell| cell.to_owned()).collect(),
    }
}

fn section(heading: &str, rows: Vec<ComparisonRow>) -> ComparisonSection {
    ComparisonSection {
        heading: heading.to_owned(),
        rows,
    }
}

fn pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|&(label, value)| (label.to_owned(), value.to_owned()))
        .collect()
}

fn japanese() -> ComparisonSheet {
    ComparisonSheet {
        lang: PrintLang::Ja,
        title: "サービスの比較".to_owned(),
        header: pairs(&[
            ("情報システム", "人事給与システム"),
            ("システムの区分", "レベル 2（機密性 高）"),
            ("作成日", "2025年4月1日"),
            ("基準のバージョン", "2025.1"),
        ]),
        corner: "項目".to_owned(),
        columns: vec![
            "C24-0006 文書管理クラウド".to_owned(),
            "C24-0011 しんらいストレージ".to_owned(),
            "C25-0002 給与計算 SaaS".to_owned(),
        ],
        sections: vec![
            section(
                "登録の状況",
                vec![
                    row("登録レベル", &["レベル 2", "レベル 3", "レベル 1"]),
                    row(
                        "有効期限",
                        &["2026年3月31日", "2027年9月30日", "2025年12月31日"],
                    ),
                ],
            ),
            section(
                "データの所在と法令",
                vec![
                    row(
                        "データの保管場所",
                        &[
                            "東京リージョンと大阪リージョンの二拠点に保管し、国外へ複製することはない。",
                            "国内の三拠点に分散して保管する。バックアップは暗号化した上で別拠点に置く。",
                            "未回答",
                        ],
                    ),
                    row(
                        "準拠法と管轄裁判所",
                        &["日本法、東京地方裁判所", "日本法、大阪地方裁判所", "日本法"],
                    ),
                ],
            ),
        ],
        sha256: SHA.to_owned(),
        hash_label: "比較データのハッシュ (SHA-256)".to_owned(),
        page_label: "ページ".to_owned(),
        sheet_name: "比較".to_owned(),
    }
}

fn english() -> ComparisonSheet {
    ComparisonSheet {
        lang: PrintLang::En,
        title: "Comparison of services".to_owned(),
        header: pairs(&[
            ("Information system", "Payroll and HR"),
            ("Class of the system", "Level 2 (high confidentiality)"),
            ("Date", "1 April 2025"),
        ]),
        corner: "Item".to_owned(),
        columns: vec![
            "C24-0006 Document cloud".to_owned(),
            "C24-0011 Shinrai storage".to_owned(),
        ],
        sections: vec![
            section(
                "Registration",
                vec![row("Registered level", &["Level 2", "Level 3"])],
            ),
            section(
                "Where data lives",
                vec![row(
                    "Storage locations",
                    &[
                        "Kept in the Tokyo and Osaka regions; never replicated abroad.",
                        "Spread over three sites in Japan, with encrypted backups kept at a fourth.",
                    ],
                )],
            ),
        ],
        sha256: SHA.to_owned(),
        hash_label: "Hash of the compared data (SHA-256)".to_owned(),
        page_label: "Page".to_owned(),
        sheet_name: "Comparison".to_owned(),
    }
}

/// Four services over 300 rows in 10 sections, every cell several lines long.
fn large() -> ComparisonSheet {
    let mut sheet = japanese();
    sheet.columns = (1..=4)
        .map(|n| format!("C25-000{n} 比較対象サービス{n}"))
        .collect();
    sheet.sections = (1..=10)
        .map(|s| {
            let rows = (1..=30)
                .map(|r| {
                    let cells: Vec<String> = (1..=4)
                        .map(|c| {
                            format!(
                                "第{s}節{r}行{c}列: 利用者の管理は四半期ごとに見直され、退職者のアカウントは翌営業日までに削除される。\
                                 Access rights are reviewed every quarter and leavers' accounts are removed by the next business day."
                            )
                        })
                        .collect();
                    ComparisonRow {
                        label: format!("項目 {s}-{r}: 利用者アカウントの管理 (user accounts)"),
                        cells,
                    }
                })
                .collect();
            section(&format!("第{s}節 アクセス管理"), rows)
        })
        .collect();
    sheet
}

/// Every text of the grid: column headings, section headings, labels and cells.
fn grid_texts(sheet: &ComparisonSheet) -> Vec<&str> {
    let mut texts = vec![sheet.corner.as_str()];
    texts.extend(sheet.columns.iter().map(String::as_str));
    for section in &sheet.sections {
        texts.push(&section.heading);
        for row in &section.rows {
            texts.push(&row.label);
            texts.extend(row.cells.iter().map(String::as_str));
        }
    }
    texts
}
