//! The font a report is printed in: read once ([`load_font`]) and shared by every render, and
//! the per-render table of glyphs and advances that layout measures with and drawing places.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use krilla::Data;
use krilla::text::Font;
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, GlyphId};

use super::ReportPdfError;

/// The largest font file taken: CJK fonts run to tens of megabytes, nothing sensible is larger.
pub const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;

/// Printed for a character the font has no glyph for. A report must always print, so such text
/// is not an error: the reader sees a geta mark (〓, the customary Japanese stand-in), or `?` in a
/// font without one, and the text extracted from the PDF says the same.
const REPLACEMENTS: [char; 2] = ['\u{3013}', '?'];

/// A TrueType or OpenType font, read and checked once; cloning shares the bytes.
#[derive(Clone, PartialEq)]
pub struct PdfFont {
    path: String,
    data: Arc<Vec<u8>>,
    font: Font,
}

impl fmt::Debug for PdfFont {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PdfFont")
            .field("path", &self.path)
            .field("bytes", &self.data.len())
            .finish()
    }
}

impl PdfFont {
    /// The path the font was read from, as given.
    pub fn path(&self) -> &str {
        &self.path
    }

    pub(crate) fn krilla(&self) -> &Font {
        &self.font
    }
}

/// Reads and checks the font at `path` (at most [`MAX_FONT_BYTES`]); every error names the file.
pub fn load_font(path: &Path) -> Result<PdfFont, ReportPdfError> {
    let shown = path.display().to_string();
    let unreadable = |error: std::io::Error| {
        if error.kind() == std::io::ErrorKind::NotFound {
            ReportPdfError::FontMissing {
                path: shown.clone(),
            }
        } else {
            ReportPdfError::FontUnreadable {
                path: shown.clone(),
                why: error.to_string(),
            }
        }
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    // One byte past the limit tells a file at the limit from a larger one, whatever its metadata.
    file.take(MAX_FONT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_FONT_BYTES {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(size);
        return Err(ReportPdfError::FontTooLarge {
            path: shown,
            size,
            limit: MAX_FONT_BYTES,
        });
    }
    font_from_bytes(shown, bytes)
}

fn font_from_bytes(path: String, bytes: Vec<u8>) -> Result<PdfFont, ReportPdfError> {
    let not_a_font = |why: String| ReportPdfError::NotAFont {
        path: path.clone(),
        why,
    };
    let parsed = FontRef::from_index(&bytes, 0).map_err(|error| not_a_font(error.to_string()))?;
    if parsed.charmap().map('0').is_none() {
        return Err(not_a_font("it maps no Unicode text to glyphs".to_owned()));
    }
    let data = Arc::new(bytes);
    let font = Font::new(Data::from(Arc::clone(&data)), 0)
        .ok_or_else(|| not_a_font("its tables cannot be read for embedding".to_owned()))?;
    Ok(PdfFont { path, data, font })
}

/// One glyph as laid out: its id and advance in em (multiply by the font size for points).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Glyph {
    pub id: u32,
    pub advance: f32,
}

/// The font's glyphs and advances for one render, looked up once per character.
pub(crate) struct Glyphs<'a> {
    font: FontRef<'a>,
    units_per_em: f32,
    pub ascent: f32,
    cache: HashMap<char, Option<Glyph>>,
    replacement: (char, Glyph),
}

impl<'a> Glyphs<'a> {
    pub fn new(font: &'a PdfFont) -> Result<Self, ReportPdfError> {
        let parsed =
            FontRef::from_index(&font.data, 0).map_err(|error| ReportPdfError::NotAFont {
                path: font.path.clone(),
                why: error.to_string(),
            })?;
        let metrics = parsed.metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let mut glyphs = Glyphs {
            font: parsed,
            units_per_em,
            ascent: metrics.ascent / units_per_em,
            cache: HashMap::new(),
            replacement: (
                '?',
                Glyph {
                    id: 0,
                    advance: 0.5,
                },
            ),
        };
        // With neither stand-in the font's own "missing" glyph (.notdef) is shown.
        if let Some(found) = REPLACEMENTS
            .iter()
            .find_map(|&c| glyphs.lookup(c).map(|g| (c, g)))
        {
            glyphs.replacement = found;
        }
        Ok(glyphs)
    }

    fn lookup(&self, c: char) -> Option<Glyph> {
        let id = self.font.charmap().map(c)?;
        if id == GlyphId::NOTDEF {
            return None;
        }
        let advance = self
            .font
            .glyph_metrics(Size::unscaled(), LocationRef::default())
            .advance_width(id)
            .unwrap_or(0.0);
        Some(Glyph {
            id: id.to_u32(),
            advance: advance / self.units_per_em,
        })
    }

    /// The character as printed (itself, or the replacement) and its glyph.
    pub fn glyph(&mut self, c: char) -> (char, Glyph) {
        let found = match self.cache.get(&c) {
            Some(found) => *found,
            None => {
                let found = self.lookup(c);
                self.cache.insert(c, found);
                found
            }
        };
        found.map_or(self.replacement, |glyph| (c, glyph))
    }

    /// `text` as it will print: tabs become spaces, other control characters go (line breaks
    /// are split off before this), characters without a glyph become the replacement.
    pub fn printable(&mut self, text: &str) -> Vec<(char, Glyph)> {
        text.chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .map(|c| self.glyph(c))
            .collect()
    }
}
