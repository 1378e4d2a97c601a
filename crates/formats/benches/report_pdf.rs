//! Timing of an audit report printed as PDF: 1,200 detailed controls (each with a reason of
//! about 200 Japanese characters, three detail lines and three evidence hashes) and 200 control
//! objectives, laid out and written with the embedded IPAex Gothic. The font is loaded once, as
//! the server does; each run is one `render_pdf`.
//!
//! `cargo bench -p shinrai-formats --bench report_pdf` (`-- --quick` for a smoke run). Set
//! `REPORT_PDF_OUT` to a path to keep the last PDF for a look.

// Reading the clock and printing a table is what a benchmark is for.
#![allow(clippy::disallowed_methods, clippy::print_stdout)]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use shinrai_formats::report_pdf::{
    DEFAULT_FONT, PrintLang, PrintedReport, PrintedRow, PrintedSection, load_font, render_pdf,
};

/// Hex of a simple mixing of `n`: 64 characters that differ from row to row.
fn hash(n: u64) -> String {
    (0..4u64)
        .map(|i| {
            format!(
                "{:016x}",
                (n * 4 + i + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            )
        })
        .collect()
}

fn reason(n: usize) -> String {
    let mut text = format!(
        "管理策 {n} について、運用手順書、変更管理記録および承認記録を閲覧し、担当者への質問により\
         手続が定められたとおりに実施されていることを確かめた。"
    );
    while text.chars().count() < 200 {
        text.push_str("抽出した記録に例外は認められず、統制は期間を通じて有効に運用されていた。");
    }
    text.chars().take(200).collect()
}

fn row(id: String, verdict: &str, n: usize) -> PrintedRow {
    let n64 = u64::try_from(n).unwrap_or_default();
    PrintedRow {
        id,
        verdict: verdict.to_owned(),
        reason: reason(n),
        details: vec![
            "整備状況: 有効".to_owned(),
            format!("運用状況: {} 件抽出、{} 件適合", 20 + n % 5, 20 + n % 5),
            "評価日: 2026-11-20".to_owned(),
        ],
        evidence: (0..3).map(|i| hash(n64 * 3 + i)).collect(),
    }
}

fn report() -> PrintedReport {
    let controls = (0..1200)
        .map(|n| {
            row(
                format!("{}.{}.{}", n / 100 + 1, n / 10 % 10 + 1, n % 10 + 1),
                "適合",
                n,
            )
        })
        .collect();
    let objectives = (0..200)
        .map(|n| {
            row(
                format!("{}.{}.P{}", n / 20 + 1, n % 20 + 1, n % 4 + 1),
                "有効",
                n,
            )
        })
        .collect();
    PrintedReport {
        lang: PrintLang::Ja,
        title: "監査報告書".to_owned(),
        sha256: hash(7),
        hash_label: "報告書ハッシュ (SHA-256)".to_owned(),
        page_label: "ページ".to_owned(),
        header: vec![
            (
                "サービス".to_owned(),
                "しんらいクラウド IaaS 基盤".to_owned(),
            ),
            ("監査機関".to_owned(), "株式会社 監査法人みらい".to_owned()),
            ("登録レベル".to_owned(), "レベル 2".to_owned()),
            ("監査期間".to_owned(), "2026-04-01 〜 2026-09-30".to_owned()),
        ],
        sections: vec![
            PrintedSection {
                heading: "統制目標".to_owned(),
                rows: objectives,
            },
            PrintedSection {
                heading: "詳細管理策".to_owned(),
                rows: controls,
            },
        ],
    }
}

// The same allocator as the `shinrai` binary, so the figures match what users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn main() -> Result<(), String> {
    let quick = std::env::args().any(|arg| arg == "--quick");
    let runs = if quick { 3 } else { 30 };
    let started = Instant::now();
    let font = load_font(Path::new(DEFAULT_FONT)).map_err(|e| e.to_string())?;
    let load = started.elapsed();
    let report = report();

    let mut pdf = render_pdf(&report, &font).map_err(|e| e.to_string())?; // warm up
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        pdf = black_box(render_pdf(&report, &font).map_err(|e| e.to_string())?);
        times.push(started.elapsed());
    }
    times.sort_unstable();
    if !pdf.starts_with(b"%PDF-") || pdf.len() < 100_000 {
        return Err("the report did not render as a PDF of some size".to_owned());
    }
    if let Some(path) = std::env::var_os("REPORT_PDF_OUT") {
        std::fs::write(&path, &pdf).map_err(|e| e.to_string())?;
    }
    // The run at `percent` of the sorted times, rounded to the nearest.
    let at = |percent: usize| {
        let index = ((times.len() - 1) * percent + 50) / 100;
        times.get(index).copied().unwrap_or_default()
    };
    println!("load the font: {:.1} ms", millis(load));
    println!("| Benchmark | Runs | Min (ms) | Median (ms) | p99 (ms) | Max (ms) | PDF (KiB) |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    println!(
        "| render 1,200 controls + 200 objectives | {runs} | {:.1} | {:.1} | {:.1} | {:.1} | {} |",
        millis(at(0)),
        millis(at(50)),
        millis(at(99)),
        millis(at(100)),
        pdf.len() / 1024
    );
    println!();
    println!("median / 5 s target = {:.3}", at(50).as_secs_f64() / 5.0);
    Ok(())
}
