//! Texts that users read, always in both of the product's languages.

use serde::{Deserialize, Serialize};

/// A language the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    /// Reads a language tag such as `ja`, `en`, `ja-JP` or `en_US.UTF-8`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary: String = tag
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match primary.as_str() {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

/// One text in Japanese and English.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    pub ja: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Self {
        Bilingual {
            ja: ja.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

/// Whether a text counts as empty: nothing but white space, of any kind Unicode counts as white
/// space (the ideographic space U+3000 of Japanese text and the no-break space included).
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Text prepared for case-insensitive substring search: lowercased, with full-width letters,
/// digits and spaces folded to ASCII so that `ＳａａＳ` finds `SaaS`. Japanese is left as it is
/// and searched by substring, since it has no spaces between words.
pub fn search_folded(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_locale_style_tags() {
        assert_eq!(Lang::from_tag("ja_JP.UTF-8"), Some(Lang::Ja));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("JA"), Some(Lang::Ja));
        assert_eq!(Lang::from_tag("fr_FR"), None);
        assert_eq!(Lang::from_tag("C"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn any_unicode_white_space_is_blank() {
        assert!(is_blank(""));
        assert!(is_blank(" \t\r\n\u{3000}\u{00A0}\u{2003}\u{2028}"));
        assert!(!is_blank("\u{3000}理由\u{3000}"));
        // A zero-width space is not white space: it is a character, however invisible.
        assert!(!is_blank("\u{200B}"));
    }
}
