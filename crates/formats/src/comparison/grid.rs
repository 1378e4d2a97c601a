//! The comparison laid out on A4 landscape pages: the title and header pairs on page 1, then a
//! grid of the label column and one column per service. The grid's column-heading row opens
//! every page; a row moves whole to the next page when it does not fit, and only a row taller
//! than a page is split, between lines. Nothing is drawn here (see
//! [`draw`](crate::report_pdf::draw)).

use crate::report_pdf::font::{Glyph, Glyphs};
use crate::report_pdf::page::{
    BODY, HEADING, Item, LEADING, MARGIN, Paper, TITLE, TextLine, lines,
};

use super::{ComparisonRow, ComparisonSheet};

pub(super) const PAPER: Paper = Paper::A4_LANDSCAPE;
const BODY_BOTTOM: f32 = PAPER.body_bottom();
const BODY_WIDTH: f32 = PAPER.body_width();
/// The label column's share of the body's width; the services share the rest equally.
const LABEL_SHARE: f32 = 0.28;
/// Blank space at the right of every column, between its text and the next column's.
const GUTTER: f32 = 8.0;
/// The label column of the header pairs, as in the report.
const HEADER_LABEL: f32 = 150.0;
/// Space between a row's rules and its text.
const ROW_PAD: f32 = 3.5;
/// The repeated heading row is cut to this many lines per column (ending in "…"), so that it
/// never fills a page; service names are far shorter.
const MAX_HEADING_LINES: usize = 4;
const ELLIPSIS: char = '\u{2026}';

type Line = Vec<(char, Glyph)>;

/// One cell's text, wrapped to its column.
#[derive(Debug, Clone)]
struct Cell {
    x: f32,
    lines: Vec<Line>,
    gray: bool,
}

/// Cells side by side, placed line by line: a grid row, a header pair, a heading or the title.
#[derive(Debug, Clone)]
struct Block {
    cells: Vec<Cell>,
    size: f32,
    /// Space above and below the text.
    pad: f32,
}

impl Block {
    fn line_count(&self) -> usize {
        self.cells
            .iter()
            .map(|cell| cell.lines.len())
            .max()
            .unwrap_or(0)
    }

    fn line_height(&self) -> f32 {
        self.size * LEADING
    }

    fn height(&self) -> f32 {
        count_as_f32(self.line_count()) * self.line_height() + 2.0 * self.pad
    }
}

fn count_as_f32(count: usize) -> f32 {
    // Counts here are lines of a cell or columns, far below f32's exact integers.
    u16::try_from(count).map_or(f32::from(u16::MAX), f32::from)
}

/// Where a column starts and how wide its text may run.
#[derive(Debug, Clone, Copy)]
struct Column {
    x: f32,
    text_width: f32,
}

/// The label column, then one equal column per service.
fn grid_columns(services: usize) -> Vec<Column> {
    let label = BODY_WIDTH * LABEL_SHARE;
    let service = (BODY_WIDTH - label) / count_as_f32(services.max(1));
    let mut columns = vec![Column {
        x: MARGIN,
        text_width: label - GUTTER,
    }];
    let mut x = MARGIN + label;
    for _ in 0..services {
        columns.push(Column {
            x,
            text_width: service - GUTTER,
        });
        x += service;
    }
    columns
}

/// Lays out pages block by block, repeating the column-heading row on every page once the grid
/// has begun.
struct Pager<'f, 'g> {
    glyphs: &'g mut Glyphs<'f>,
    pages: Vec<Vec<Item>>,
    y: f32,
    /// Nothing that could move to another page is on this one yet: a block placed now stays.
    fresh: bool,
    headings: Option<Block>,
}

impl<'f, 'g> Pager<'f, 'g> {
    fn new(glyphs: &'g mut Glyphs<'f>) -> Self {
        Pager {
            glyphs,
            pages: vec![Vec::new()],
            y: MARGIN,
            fresh: true,
            headings: None,
        }
    }

    fn cell(&mut self, column: Column, text: &str, size: f32, gray: bool) -> Cell {
        Cell {
            x: column.x,
            lines: lines(self.glyphs, text, size, column.text_width),
            gray,
        }
    }

    /// `text` across the whole body.
    fn spanning(&mut self, text: &str, size: f32, pad: f32) -> Block {
        let column = Column {
            x: MARGIN,
            text_width: BODY_WIDTH,
        };
        Block {
            cells: vec![self.cell(column, text, size, false)],
            size,
            pad,
        }
    }

    fn header_pair(&mut self, label: &str, value: &str) -> Block {
        let label_column = Column {
            x: MARGIN,
            text_width: HEADER_LABEL - GUTTER,
        };
        let value_column = Column {
            x: MARGIN + HEADER_LABEL,
            text_width: BODY_WIDTH - HEADER_LABEL,
        };
        Block {
            cells: vec![
                self.cell(label_column, label, BODY, true),
                self.cell(value_column, value, BODY, false),
            ],
            size: BODY,
            pad: 0.0,
        }
    }

    fn grid_row<'t>(
        &mut self,
        columns: &[Column],
        texts: impl IntoIterator<Item = &'t str>,
    ) -> Block {
        let cells = columns
            .iter()
            .zip(texts)
            .map(|(column, text)| self.cell(*column, text, BODY, false))
            .collect();
        Block {
            cells,
            size: BODY,
            pad: ROW_PAD,
        }
    }

    /// The corner and the services' names, each cut to [`MAX_HEADING_LINES`].
    fn heading_row(&mut self, sheet: &ComparisonSheet, columns: &[Column]) -> Block {
        let texts =
            std::iter::once(sheet.corner.as_str()).chain(sheet.columns.iter().map(String::as_str));
        let mut row = self.grid_row(columns, texts);
        for (cell, column) in row.cells.iter_mut().zip(columns) {
            if cell.lines.len() > MAX_HEADING_LINES {
                cell.lines.truncate(MAX_HEADING_LINES);
                if let Some(last) = cell.lines.last_mut() {
                    self.end_with_ellipsis(last, column.text_width);
                }
            }
        }
        row
    }

    fn end_with_ellipsis(&mut self, line: &mut Line, width: f32) {
        let ellipsis = self.glyphs.glyph(ELLIPSIS);
        let advance = |line: &Line| line.iter().map(|(_, g)| g.advance).sum::<f32>() * BODY;
        while !line.is_empty() && advance(line) + ellipsis.1.advance * BODY > width {
            line.pop();
        }
        line.push(ellipsis);
    }

    fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    /// The room on a page that holds nothing but the repeated heading row.
    fn fresh_room(&self) -> f32 {
        let headings = self.headings.as_ref().map_or(0.0, Block::height);
        BODY_BOTTOM - MARGIN - headings
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
        self.put_headings();
        self.fresh = true;
    }

    /// The column-heading row here, once the grid has begun.
    fn put_headings(&mut self) {
        if let Some(headings) = &self.headings {
            let items = heading_items(headings, self.y, self.glyphs.ascent);
            self.y += headings.height();
            self.push_all(self.pages.len() - 1, items);
        }
    }

    fn push_all(&mut self, page: usize, items: impl IntoIterator<Item = Item>) {
        if let Some(page) = self.pages.get_mut(page) {
            page.extend(items);
        }
    }

    /// Starts a new page unless `height` fits on this one or could not fit on any.
    fn keep(&mut self, height: f32) {
        if !self.fresh && height > self.room() && height <= self.fresh_room() {
            self.new_page();
        }
    }

    /// Places `block` whole on this page or the next; one taller than a page runs on over pages
    /// between lines. Each cell's lines go out together, so that text extraction and screen
    /// readers get a cell in one piece rather than the grid line by line.
    fn place(&mut self, block: Block, rule_below: bool) {
        self.keep(block.height());
        let line_height = block.line_height();
        let ascent = block.size * self.glyphs.ascent;
        let mut baselines = Vec::with_capacity(block.line_count());
        self.y += block.pad;
        for _ in 0..block.line_count() {
            if !self.fresh && self.y + line_height + block.pad > BODY_BOTTOM {
                self.new_page();
                self.y += block.pad;
            }
            baselines.push((self.pages.len() - 1, self.y + ascent));
            self.y += line_height;
            self.fresh = false;
        }
        self.y += block.pad;
        for cell in block.cells {
            for (glyphs, &(page, baseline)) in cell.lines.into_iter().zip(&baselines) {
                if glyphs.is_empty() {
                    continue;
                }
                let line = TextLine {
                    x: cell.x,
                    baseline,
                    size: block.size,
                    glyphs,
                    gray: cell.gray,
                };
                self.push_all(page, [Item::Text(line)]);
            }
        }
        if rule_below {
            self.push_all(self.pages.len() - 1, [Item::Rule(self.y)]);
        }
    }

    /// Puts the column-heading row here, or atop the next page when no row would fit under it,
    /// and repeats it on every page from now on.
    fn start_grid(&mut self, headings: Block) {
        let room_needed = headings.height() + 3.0 * BODY * LEADING;
        self.headings = Some(headings);
        if room_needed > self.room() {
            self.new_page();
        } else {
            self.put_headings();
        }
    }

    /// A section's heading across the grid, kept with its first row.
    fn section(&mut self, heading: &str, rows: &[ComparisonRow], columns: &[Column]) {
        let heading = self.spanning(heading, HEADING, ROW_PAD);
        let rows: Vec<Block> = rows
            .iter()
            .map(|row| {
                let texts =
                    std::iter::once(row.label.as_str()).chain(row.cells.iter().map(String::as_str));
                self.grid_row(columns, texts)
            })
            .collect();
        let first = rows.first().map_or(0.0, |row| {
            if heading.height() + row.height() <= self.fresh_room() {
                row.height()
            } else {
                row.pad + row.line_height()
            }
        });
        self.keep(heading.height() + first);
        self.place(heading, true);
        for row in rows {
            self.place(row, true);
        }
    }
}

/// The column-heading row at `top`: a shaded band, the headings, a rule under them.
fn heading_items(headings: &Block, top: f32, ascent: f32) -> Vec<Item> {
    let height = headings.height();
    let mut items = vec![Item::Shade { top, height }];
    for cell in &headings.cells {
        let mut baseline = top + headings.pad + headings.size * ascent;
        for glyphs in &cell.lines {
            if !glyphs.is_empty() {
                items.push(Item::Text(TextLine {
                    x: cell.x,
                    baseline,
                    size: headings.size,
                    glyphs: glyphs.clone(),
                    gray: cell.gray,
                }));
            }
            baseline += headings.line_height();
        }
    }
    items.push(Item::Rule(top + height));
    items
}

/// The whole comparison on pages: title, header pairs, then the grid section by section.
pub(super) fn lay_out(sheet: &ComparisonSheet, glyphs: &mut Glyphs<'_>) -> Vec<Vec<Item>> {
    let mut pager = Pager::new(glyphs);
    let title = pager.spanning(&sheet.title, TITLE, 0.0);
    pager.place(title, false);
    pager.y += 6.0;
    for (label, value) in &sheet.header {
        let pair = pager.header_pair(label, value);
        pager.place(pair, false);
    }
    pager.y += 10.0;
    let columns = grid_columns(sheet.columns.len());
    let headings = pager.heading_row(sheet, &columns);
    pager.start_grid(headings);
    for section in &sheet.sections {
        pager.section(&section.heading, &section.rows, &columns);
    }
    pager.pages
}
