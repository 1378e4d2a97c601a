//! The report laid out on A4 pages: where every line of text and every rule goes. Nothing is
//! drawn here; the footer is left to drawing, which knows the page count.

use super::font::{Glyph, Glyphs};
use super::layout::wrap;
use super::{PrintedReport, PrintedRow};

/// About 18 mm on every side; the footer sits in the bottom margin's upper part.
pub(crate) const MARGIN: f32 = 51.0;
pub(crate) const FOOTER_SIZE: f32 = 7.5;
pub(crate) const LEADING: f32 = 1.45;

/// A page's size in points. Margins, footer and leading are the same on every paper, so that
/// all printed documents look alike.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Paper {
    pub width: f32,
    pub height: f32,
}

impl Paper {
    pub(crate) const A4_PORTRAIT: Paper = Paper {
        width: 595.28,
        height: 841.89,
    };
    pub(crate) const A4_LANDSCAPE: Paper = Paper {
        width: 841.89,
        height: 595.28,
    };

    /// The bottom of the body: two footer lines and a gap above them.
    pub(crate) const fn body_bottom(self) -> f32 {
        self.height - MARGIN - 3.0 * FOOTER_SIZE * LEADING
    }

    pub(crate) const fn body_width(self) -> f32 {
        self.width - 2.0 * MARGIN
    }
}

/// The report is printed on A4 upright.
pub(crate) const PAPER: Paper = Paper::A4_PORTRAIT;
const BODY_BOTTOM: f32 = PAPER.body_bottom();
const BODY_WIDTH: f32 = PAPER.body_width();

pub(crate) const TITLE: f32 = 18.0;
pub(crate) const HEADING: f32 = 13.0;
pub(crate) const BODY: f32 = 9.5;
const DETAIL: f32 = 8.5;
const EVIDENCE: f32 = 7.0;
/// The label column of the header and the id column of a row.
const LABEL_COLUMN: f32 = 150.0;
const INDENT: f32 = 14.0;

/// One line of text to draw: already printable, every character with its glyph.
#[derive(Debug, Clone)]
pub(crate) struct TextLine {
    pub x: f32,
    pub baseline: f32,
    pub size: f32,
    pub glyphs: Vec<(char, Glyph)>,
    pub gray: bool,
}

#[derive(Debug, Clone)]
pub(crate) enum Item {
    Text(TextLine),
    /// A thin horizontal rule across the body at this height.
    Rule(f32),
    /// A light band across the body, drawn under the text that follows it (a table's heading row).
    Shade {
        top: f32,
        height: f32,
    },
}

/// `text` broken into lines of at most `width` points, paragraph by paragraph.
pub(crate) fn lines(
    glyphs: &mut Glyphs<'_>,
    text: &str,
    size: f32,
    width: f32,
) -> Vec<Vec<(char, Glyph)>> {
    let mut lines = Vec::new();
    for paragraph in text.trim_end().split('\n') {
        let chars = glyphs.printable(paragraph);
        let widths: Vec<(char, f32)> = chars.iter().map(|(c, g)| (*c, g.advance * size)).collect();
        for range in wrap(&widths, width) {
            lines.push(chars.get(range).map(<[_]>::to_vec).unwrap_or_default());
        }
    }
    lines
}

/// Lays out pages one line at a time, starting a new page when a line does not fit.
pub(crate) struct Pager<'f, 'g> {
    glyphs: &'g mut Glyphs<'f>,
    pub pages: Vec<Vec<Item>>,
    y: f32,
}

impl<'f, 'g> Pager<'f, 'g> {
    pub fn new(glyphs: &'g mut Glyphs<'f>) -> Self {
        Pager {
            glyphs,
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    /// Starts a new page unless `height` more points fit on this one.
    fn keep(&mut self, height: f32) {
        if self.y + height > BODY_BOTTOM && self.y > MARGIN {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }
    }

    fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.push(item);
        }
    }

    fn lines(&mut self, text: &str, size: f32, width: f32) -> Vec<Vec<(char, Glyph)>> {
        lines(self.glyphs, text, size, width)
    }

    /// Two columns side by side, line by line: a label (or id) and its value.
    fn columns(&mut self, left: &str, right: &str, size: f32, gray_left: bool) {
        let left = self.lines(left, size, LABEL_COLUMN - 8.0);
        let right = self.lines(right, size, BODY_WIDTH - LABEL_COLUMN);
        let height = size * LEADING;
        let (mut left, mut right) = (left.into_iter(), right.into_iter());
        loop {
            let (l, r) = (left.next(), right.next());
            if l.is_none() && r.is_none() {
                break;
            }
            self.keep(height);
            let baseline = self.y + size * self.glyphs.ascent;
            for (x, glyphs, gray) in [(MARGIN, l, gray_left), (MARGIN + LABEL_COLUMN, r, false)] {
                if let Some(glyphs) = glyphs.filter(|g| !g.is_empty()) {
                    let line = TextLine {
                        x,
                        baseline,
                        size,
                        glyphs,
                        gray,
                    };
                    self.push(Item::Text(line));
                }
            }
            self.y += height;
        }
    }

    /// A wrapped block of text at `indent` from the left margin.
    fn block(&mut self, text: &str, size: f32, indent: f32, gray: bool) {
        for glyphs in self.lines(text, size, BODY_WIDTH - indent) {
            self.keep(size * LEADING);
            if !glyphs.is_empty() {
                let baseline = self.y + size * self.glyphs.ascent;
                let x = MARGIN + indent;
                self.push(Item::Text(TextLine {
                    x,
                    baseline,
                    size,
                    glyphs,
                    gray,
                }));
            }
            self.y += size * LEADING;
        }
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }

    fn rule(&mut self) {
        self.gap(3.0);
        let y = self.y;
        self.push(Item::Rule(y));
        self.gap(5.0);
    }

    fn row(&mut self, row: &PrintedRow) {
        // The id with at least the reason's first line: a row never starts at a page's foot.
        self.keep((BODY + BODY) * LEADING);
        self.columns(&row.id, &row.verdict, BODY, false);
        self.block(&row.reason, BODY, INDENT, false);
        for detail in &row.details {
            self.block(detail, DETAIL, INDENT, true);
        }
        for hash in &row.evidence {
            self.block(hash, EVIDENCE, INDENT, true);
        }
        self.rule();
    }
}

/// The whole report on pages: title, header table, then each section's heading and rows.
pub(crate) fn lay_out(report: &PrintedReport, glyphs: &mut Glyphs<'_>) -> Vec<Vec<Item>> {
    let mut pager = Pager::new(glyphs);
    pager.block(&report.title, TITLE, 0.0, false);
    pager.gap(6.0);
    for (label, value) in &report.header {
        pager.columns(label, value, BODY, true);
    }
    pager.rule();
    for section in &report.sections {
        pager.gap(6.0);
        // A heading stays with the first row's first lines.
        pager.keep(HEADING * LEADING + 3.0 * BODY * LEADING);
        pager.block(&section.heading, HEADING, 0.0, false);
        pager.gap(2.0);
        for row in &section.rows {
            pager.row(row);
        }
    }
    pager.pages
}
