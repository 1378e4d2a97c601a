//! What the PDF tests share: the embedded font and poppler's tools to read a PDF back. Both are
//! Debian packages (fonts-ipaexfont, poppler-utils); without them a test fails saying which.

use std::path::Path;
use std::process::Command;

use shinrai_formats::report_pdf::{DEFAULT_FONT, PdfFont, load_font};

pub fn font() -> PdfFont {
    assert!(
        Path::new(DEFAULT_FONT).is_file(),
        "{DEFAULT_FONT} is missing: install it with `apt-get install fonts-ipaexfont`"
    );
    load_font(Path::new(DEFAULT_FONT)).unwrap()
}

/// Runs a poppler tool on `pdf`, failing with what to install when it is missing.
pub fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    // pdftotext writes to its last argument ("-": standard output); pdfinfo and pdffonts print.
    let out: &[&str] = if tool == "pdftotext" { &["-"] } else { &[] };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("printed.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(out)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run {tool} ({e}): install it with `apt-get install poppler-utils`")
        });
    assert!(output.status.success(), "{tool} failed: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Text without any whitespace: lines wrap anywhere in Japanese and at spaces in English.
pub fn compact(text: &str) -> String {
    text.split_whitespace().collect()
}

/// Fails unless `expected` is in `extracted`, whitespace aside.
pub fn assert_has(extracted: &str, expected: &str) {
    assert!(
        compact(extracted).contains(&compact(expected)),
        "{expected:?} not found in:\n{extracted}"
    );
}
