//! Checks an edited map before it replaces the one in use: every problem at its JSON pointer,
//! so that the operator sees them all at once.

use super::area::CriteriaArea;
use super::scheme::{AssuranceMap, AssuranceScheme};
use crate::case::bounds::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::text::{Bilingual, is_blank};
use crate::workflow::Refusal;
use crate::workflow::fields::{Problems, is_valid_id};

/// The most schemes a map may hold: the chart stays readable and the check's work bounded.
pub const MAX_SCHEMES: usize = 40;

/// The highest value either axis takes.
const MAX_SCORE: u8 = 100;

impl AssuranceMap {
    /// Every problem of the map, each at its JSON pointer (e.g. `/schemes/3/expected`).
    pub fn check(&self) -> Result<(), Refusal> {
        let mut problems = Problems::new();
        if !(1..MAX_SCORE).contains(&self.baseline) {
            problems.push(
                "/baseline",
                "out_of_range",
                Bilingual::new(
                    format!(
                        "/baseline は 1〜{} にしてください（{}）",
                        MAX_SCORE - 1,
                        self.baseline
                    ),
                    format!(
                        "/baseline is {}; it must be 1 to {} so that every zone exists",
                        self.baseline,
                        MAX_SCORE - 1
                    ),
                ),
            );
        }
        if self.schemes.is_empty() {
            problems.push(
                "/schemes",
                "required",
                Bilingual::new(
                    "/schemes には制度を 1 件以上入れてください",
                    "/schemes must hold at least one scheme",
                ),
            );
        }
        // Past the limit the entries are not read one by one, which bounds the work.
        if problems.list_size("/schemes", self.schemes.len(), MAX_SCHEMES) {
            for (index, scheme) in self.schemes.iter().enumerate() {
                check_scheme(&mut problems, &format!("/schemes/{index}"), scheme);
            }
            problems.duplicates(
                self.schemes.iter().map(|scheme| scheme.id.as_str()),
                |index| format!("/schemes/{index}/id"),
            );
        }
        problems.finish()
    }
}

fn check_scheme(problems: &mut Problems, at: &str, scheme: &AssuranceScheme) {
    if !is_scheme_id(&scheme.id) {
        problems.push(
            format!("{at}/id"),
            "invalid_id",
            Bilingual::new(
                format!(
                    "{at}/id は英小文字・数字・「_」「-」の 1〜64 文字で指定してください（「new」は使えません）"
                ),
                format!(
                    "{at}/id must be 1 to 64 lowercase ASCII letters, digits, `_` or `-`, and not `new`"
                ),
            ),
        );
    }
    both_languages(
        problems,
        &format!("{at}/name"),
        &scheme.name,
        MAX_NAME_CHARS,
    );
    for (field, text) in [
        ("assures", &scheme.assures),
        ("does_not", &scheme.does_not),
        ("summary", &scheme.summary),
    ] {
        both_languages(problems, &format!("{at}/{field}"), text, MAX_TEXT_CHARS);
    }
    for (field, value) in [("expected", scheme.expected), ("actual", scheme.actual)] {
        if value > MAX_SCORE {
            problems.push(
                format!("{at}/{field}"),
                "out_of_range",
                Bilingual::new(
                    format!("{at}/{field} は 0〜{MAX_SCORE} にしてください（{value}）"),
                    format!("{at}/{field} is {value}; it must be 0 to {MAX_SCORE}"),
                ),
            );
        }
    }
    check_areas(problems, &format!("{at}/areas"), &scheme.areas);
}

fn check_areas(problems: &mut Problems, at: &str, areas: &[CriteriaArea]) {
    if areas.is_empty() {
        problems.push(
            at,
            "required",
            Bilingual::new(
                format!("{at} には対象の分野を 1 つ以上入れてください"),
                format!("{at} must name at least one area"),
            ),
        );
    }
    if problems.list_size(at, areas.len(), CriteriaArea::ALL.len()) {
        problems.duplicates(areas.iter().map(|area| area.code()), |index| {
            format!("{at}/{index}")
        });
    }
}

/// Ids appear in addresses and are compared exactly, so only one spelling is allowed.
fn is_scheme_id(id: &str) -> bool {
    is_valid_id(id) && !id.bytes().any(|b| b.is_ascii_uppercase())
}

/// Both languages are read on their own (the chart speaks one), so neither may be empty.
fn both_languages(problems: &mut Problems, field: &str, text: &Bilingual, max: usize) {
    for (lang, value) in [("ja", &text.ja), ("en", &text.en)] {
        if is_blank(value) {
            problems.push(
                format!("{field}/{lang}"),
                "required",
                Bilingual::new(
                    format!("{field}/{lang} を入力してください"),
                    format!("{field}/{lang} must not be empty"),
                ),
            );
        }
    }
    problems.text_length(field, text, max);
}
