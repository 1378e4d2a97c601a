//! Technology examples in one cell: one example per line, each `id: 日本語の名前 | English name`.
//!
//! A spreadsheet user adds a line with Alt+Enter (Excel) or Ctrl+Enter (LibreOffice), and a CSV
//! cell with line breaks is quoted. The id ends at the first `:` and the two names are split at
//! the one `|`; both may also be typed full-width (`：`, `｜`), as a Japanese input method gives
//! them. Blank lines are skipped and every part is trimmed.

use shinrai_domain::criteria::{TechnologyExample, is_valid_example_id};

use super::error::TableError;

/// What separates the id from the names, and the Japanese name from the English one.
const ID_ENDS: [char; 2] = [':', '：'];
const NAMES_SPLIT: [char; 2] = ['|', '｜'];

/// The non-blank lines of a cell, trimmed.
pub(crate) fn entries(cell: &str) -> impl Iterator<Item = &str> {
    cell.lines().map(str::trim).filter(|line| !line.is_empty())
}

/// One line as an example, or `None` when it is not `id: 名前 | name` with all three parts.
/// The id is not checked here beyond being there.
pub(crate) fn parse_entry(line: &str) -> Option<TechnologyExample> {
    let (id, names) = line.split_once(ID_ENDS)?;
    let mut parts = names.split(NAMES_SPLIT);
    let (ja, en) = (parts.next()?.trim(), parts.next()?.trim());
    let id = id.trim();
    if parts.next().is_some() || id.is_empty() || ja.is_empty() || en.is_empty() {
        return None;
    }
    Some(TechnologyExample::new(id, ja, en))
}

/// The cell of a control's examples, refusing an example that would not read back the same.
pub(crate) fn format_examples(
    control: &str,
    examples: &[TechnologyExample],
) -> Result<String, TableError> {
    let mut lines = Vec::with_capacity(examples.len());
    for example in examples {
        if !fits(example) {
            return Err(TableError::UnwritableExample {
                control: control.to_owned(),
                id: example.id.clone(),
            });
        }
        lines.push(format!(
            "{}: {} | {}",
            example.id, example.name.ja, example.name.en
        ));
    }
    Ok(lines.join("\n"))
}

fn fits(example: &TechnologyExample) -> bool {
    let name_fits = |name: &str| {
        !name.is_empty()
            && name.trim() == name
            && !name.contains(NAMES_SPLIT)
            && !name.contains(['\r', '\n'])
    };
    is_valid_example_id(&example.id) && name_fits(&example.name.ja) && name_fits(&example.name.en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_read_in_either_width_and_refuse_what_is_missing() {
        assert_eq!(
            parse_entry("mfa: 多要素認証 | Multi-factor authentication"),
            Some(TechnologyExample::new(
                "mfa",
                "多要素認証",
                "Multi-factor authentication"
            ))
        );
        assert_eq!(
            parse_entry(" tls13：TLS 1.3（RFC 8446: 2018 年）｜TLS 1.3 "),
            Some(TechnologyExample::new(
                "tls13",
                "TLS 1.3（RFC 8446: 2018 年）",
                "TLS 1.3"
            ))
        );
        for bad in [
            "mfa 多要素認証 | MFA",
            "mfa: 多要素認証",
            "mfa: 多要素認証 | MFA | more",
            ": 多要素認証 | MFA",
            "mfa:  | MFA",
            "mfa: 多要素認証 |",
        ] {
            assert_eq!(parse_entry(bad), None, "{bad}");
        }
        let cell = "\n mfa: 多要素認証 | MFA \r\n\r\nsso: シングルサインオン | SSO\n";
        assert_eq!(entries(cell).count(), 2);
    }

    #[test]
    fn examples_are_written_one_a_line_unless_they_would_not_read_back() {
        let examples = [
            TechnologyExample::new("mfa", "多要素認証", "MFA"),
            TechnologyExample::new("sso", "シングルサインオン", "Single sign-on"),
        ];
        let cell = format_examples("9.4.2.3", &examples).unwrap();
        assert_eq!(
            cell,
            "mfa: 多要素認証 | MFA\nsso: シングルサインオン | Single sign-on"
        );
        let back: Vec<_> = entries(&cell).filter_map(parse_entry).collect();
        assert_eq!(back, examples);
        assert_eq!(format_examples("x", &[]).unwrap(), "");

        for bad in [
            TechnologyExample::new("MFA", "多要素認証", "MFA"),
            TechnologyExample::new("mfa", "多要素|認証", "MFA"),
            TechnologyExample::new("mfa", "多要素認証", "MFA\nand more"),
            TechnologyExample::new("mfa", " 多要素認証", "MFA"),
            TechnologyExample::new("mfa", "", "MFA"),
        ] {
            let error = format_examples("9.4.2.3", &[bad]).unwrap_err();
            assert!(
                matches!(&error, TableError::UnwritableExample { control, id }
                    if control == "9.4.2.3" && id.eq_ignore_ascii_case("mfa")),
                "{error}"
            );
        }
    }
}
