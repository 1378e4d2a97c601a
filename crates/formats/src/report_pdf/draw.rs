//! The laid-out pages drawn with krilla: text as real text in the embedded, subsetted font (so
//! that it can be searched and extracted), the footer on every page, the document's metadata.

use krilla::Document;
use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::font::{Glyph, Glyphs};
use super::page::{FOOTER_SIZE, Item, LEADING, MARGIN, Paper, TextLine, lines};
use super::{PrintLang, ReportPdfError};

/// What every page of a printed document shares: its paper, the footer's texts and the
/// document's metadata.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PrintSetup<'a> {
    pub paper: Paper,
    pub lang: PrintLang,
    /// The document's title in its metadata.
    pub title: &'a str,
    /// The footer's first line is `hash_label: sha256`.
    pub hash_label: &'a str,
    pub sha256: &'a str,
    /// The word before "N / M" in the footer.
    pub page_label: &'a str,
}

fn fill(lightness: u8) -> Fill {
    Fill {
        paint: luma::Color::new(lightness).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::default(),
    }
}

fn text(surface: &mut Surface<'_>, font: &Font, line: &TextLine) {
    let mut string = String::new();
    let mut placed = Vec::with_capacity(line.glyphs.len());
    for &(c, Glyph { id, advance }) in &line.glyphs {
        let start = string.len();
        string.push(c);
        let range = start..string.len();
        placed.push(KrillaGlyph::new(
            GlyphId::new(id),
            advance,
            0.0,
            0.0,
            0.0,
            range,
            None,
        ));
    }
    surface.set_fill(Some(fill(if line.gray { 80 } else { 0 })));
    let start = Point::from_xy(line.x, line.baseline);
    surface.draw_glyphs(start, &placed, font.clone(), &string, line.size, false);
}

/// A band across the body from `top`, `height` high, in gray `lightness`.
fn band(surface: &mut Surface<'_>, paper: Paper, top: f32, height: f32, lightness: u8) {
    let mut path = PathBuilder::new();
    if let Some(rect) = Rect::from_xywh(MARGIN, top, paper.body_width(), height) {
        path.push_rect(rect);
    }
    if let Some(path) = path.finish() {
        surface.set_fill(Some(fill(lightness)));
        surface.draw_path(&path);
    }
}

fn rule(surface: &mut Surface<'_>, paper: Paper, y: f32) {
    band(surface, paper, y, 0.4, 160);
}

/// The footer's lines: the document's hash in full, then the page number at the right.
fn footer(
    glyphs: &mut Glyphs<'_>,
    setup: &PrintSetup<'_>,
    page: usize,
    pages: usize,
) -> Vec<TextLine> {
    let height = FOOTER_SIZE * LEADING;
    let mut y = setup.paper.body_bottom() + height;
    let mut out = Vec::new();
    let hash = format!("{}: {}", setup.hash_label, setup.sha256);
    for line in lines(glyphs, &hash, FOOTER_SIZE, setup.paper.body_width()) {
        let baseline = y + FOOTER_SIZE * glyphs.ascent;
        out.push(TextLine {
            x: MARGIN,
            baseline,
            size: FOOTER_SIZE,
            glyphs: line,
            gray: true,
        });
        y += height;
    }
    let number = format!("{} {page} / {pages}", setup.page_label);
    let number = glyphs.printable(number.trim_start());
    let width: f32 = number.iter().map(|(_, g)| g.advance).sum::<f32>() * FOOTER_SIZE;
    out.push(TextLine {
        x: (setup.paper.width - MARGIN - width).max(MARGIN),
        baseline: y + FOOTER_SIZE * glyphs.ascent,
        size: FOOTER_SIZE,
        glyphs: number,
        gray: true,
    });
    out
}

/// Draws `pages` with their footers and returns the PDF's bytes.
pub(crate) fn draw(
    setup: &PrintSetup<'_>,
    font: &Font,
    glyphs: &mut Glyphs<'_>,
    pages: &[Vec<Item>],
) -> Result<Vec<u8>, ReportPdfError> {
    let paper = setup.paper;
    let mut document = Document::new();
    let language = match setup.lang {
        PrintLang::Ja => "ja",
        PrintLang::En => "en",
    };
    document.set_metadata(
        Metadata::new()
            .title(setup.title.to_owned())
            .language(language.to_owned())
            .creator("shinrai".to_owned()),
    );
    let settings =
        PageSettings::from_wh(paper.width, paper.height).ok_or_else(|| ReportPdfError::Pdf {
            why: "the page size is invalid".to_owned(),
        })?;
    for (index, items) in pages.iter().enumerate() {
        let footer = footer(glyphs, setup, index + 1, pages.len());
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for item in items {
            match item {
                Item::Text(line) => text(&mut surface, font, line),
                Item::Rule(y) => rule(&mut surface, paper, *y),
                Item::Shade { top, height } => band(&mut surface, paper, *top, *height, 235),
            }
        }
        rule(
            &mut surface,
            paper,
            paper.body_bottom() + 0.4 * FOOTER_SIZE * LEADING,
        );
        for line in &footer {
            text(&mut surface, font, line);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|error| ReportPdfError::Pdf {
        why: error.to_string(),
    })
}
