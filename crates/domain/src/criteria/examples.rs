//! Technology examples (実装され得る技術の例): what would satisfy a control, each named by a short
//! id that a statement cites in place of its name.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::text::Bilingual;

/// One technology that would satisfy a control, e.g. `{"id": "mfa", "name": {"ja":
/// "多要素認証", "en": "Multi-factor authentication"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TechnologyExample {
    /// Unique within its control; see [`is_valid_example_id`].
    pub id: String,
    pub name: Bilingual,
}

impl TechnologyExample {
    pub fn new(id: impl Into<String>, ja: impl Into<String>, en: impl Into<String>) -> Self {
        TechnologyExample {
            id: id.into(),
            name: Bilingual::new(ja, en),
        }
    }
}

/// The longest example id, in characters.
pub const MAX_EXAMPLE_ID_CHARS: usize = 32;

/// Whether `id` may name a technology example: statements cite it as it is and spreadsheets hold
/// it beside the name, so 1 to [`MAX_EXAMPLE_ID_CHARS`] lowercase ASCII letters, digits, `-`,
/// `_` and `.`, starting with a letter or digit (`mfa`, `tls13`, `iso-27001`).
pub fn is_valid_example_id(id: &str) -> bool {
    let lower = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    id.len() <= MAX_EXAMPLE_ID_CHARS
        && id.bytes().next().is_some_and(lower)
        && id
            .bytes()
            .all(|b| lower(b) || matches!(b, b'-' | b'_' | b'.'))
}

/// What can be wrong with the ids of a control's examples.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ExampleProblem {
    /// An id that [`is_valid_example_id`] refuses.
    BadExampleId { id: String },
    /// An id that an earlier example of the same control has already.
    DuplicateExampleId { id: String },
}

impl ExampleProblem {
    pub fn code(&self) -> &'static str {
        match self {
            ExampleProblem::BadExampleId { .. } => "bad_example_id",
            ExampleProblem::DuplicateExampleId { .. } => "duplicate_example_id",
        }
    }

    /// The message, naming the example; the caller names the control.
    pub fn message(&self) -> Bilingual {
        match self {
            ExampleProblem::BadExampleId { id } => Bilingual::new(
                format!(
                    "技術の例の ID「{id}」は、英小文字・数字で始まる {MAX_EXAMPLE_ID_CHARS} 文字以内の英小文字・数字・- _ . にしてください"
                ),
                format!(
                    "technology example id \"{id}\" must be 1 to {MAX_EXAMPLE_ID_CHARS} lowercase letters, digits, '-', '_' or '.', starting with a letter or digit"
                ),
            ),
            ExampleProblem::DuplicateExampleId { id } => Bilingual::new(
                format!("技術の例の ID「{id}」が 2 回以上使われています"),
                format!("technology example id \"{id}\" is used more than once"),
            ),
        }
    }

    /// The message with the control it concerns: `control 9.4.2.3: …`.
    pub fn message_for(&self, control: &str) -> Bilingual {
        let message = self.message();
        Bilingual::new(
            format!("管理策 {control}: {}", message.ja),
            format!("control {control}: {}", message.en),
        )
    }
}

/// Every problem with the ids of `examples`, in their order, each with the position of the
/// example it concerns: a malformed id, and each repeat of an id after its first use.
pub fn example_problems(examples: &[TechnologyExample]) -> Vec<(usize, ExampleProblem)> {
    let mut seen = HashSet::new();
    let mut problems = Vec::new();
    for (position, example) in examples.iter().enumerate() {
        let id = example.id.clone();
        if !is_valid_example_id(&example.id) {
            problems.push((position, ExampleProblem::BadExampleId { id }));
        } else if !seen.insert(example.id.as_str()) {
            problems.push((position, ExampleProblem::DuplicateExampleId { id }));
        }
    }
    problems
}

/// Examples from a free text per language, as criteria kept them before examples had ids (and
/// as catalogs from elsewhere give guidance): each language's text is taken line by line,
/// leaving out blank lines; when both languages have the same number of lines, line N of each
/// becomes example `exN`, otherwise all of it becomes one example `ex1` (lines joined by a
/// space). Empty texts give no example.
pub fn examples_from_free_text(text: &Bilingual) -> Vec<TechnologyExample> {
    let lines = |text: &str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let ja = lines(&text.ja);
    let en = lines(&text.en);
    if ja.is_empty() && en.is_empty() {
        return Vec::new();
    }
    if ja.len() == en.len() {
        return ja
            .into_iter()
            .zip(en)
            .enumerate()
            .map(|(index, (ja, en))| TechnologyExample::new(format!("ex{}", index + 1), ja, en))
            .collect();
    }
    vec![TechnologyExample::new("ex1", ja.join(" "), en.join(" "))]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_ids_are_short_lowercase_tokens() {
        for good in [
            "mfa",
            "tls13",
            "iso-27001",
            "a",
            "x.509",
            "2fa",
            &"x".repeat(32),
        ] {
            assert!(is_valid_example_id(good), "{good}");
        }
        for bad in [
            "",
            "MFA",
            "-mfa",
            "_x",
            "a b",
            "多要素",
            "a:b",
            "a|b",
            &"x".repeat(33),
        ] {
            assert!(!is_valid_example_id(bad), "{bad}");
        }
    }

    #[test]
    fn malformed_and_repeated_ids_are_each_found_once() {
        let examples = [
            TechnologyExample::new("mfa", "多要素認証", "MFA"),
            TechnologyExample::new("TLS", "TLS", "TLS"),
            TechnologyExample::new("mfa", "多要素認証", "MFA again"),
            TechnologyExample::new("sso", "シングルサインオン", "Single sign-on"),
            TechnologyExample::new("mfa", "多要素認証", "MFA thrice"),
        ];
        let problems = example_problems(&examples);
        assert_eq!(
            problems,
            vec![
                (1, ExampleProblem::BadExampleId { id: "TLS".into() }),
                (2, ExampleProblem::DuplicateExampleId { id: "mfa".into() }),
                (4, ExampleProblem::DuplicateExampleId { id: "mfa".into() }),
            ]
        );
        let message = problems[1].1.message_for("9.4.2.3");
        assert_eq!(
            message.en,
            "control 9.4.2.3: technology example id \"mfa\" is used more than once"
        );
        assert!(message.ja.starts_with("管理策 9.4.2.3: "));
        assert!(example_problems(&examples[3..4]).is_empty());
    }

    #[test]
    fn free_texts_become_numbered_examples() {
        let paired = Bilingual::new("多要素認証\n\n 証明書 ", "MFA\nCertificates");
        assert_eq!(
            examples_from_free_text(&paired),
            vec![
                TechnologyExample::new("ex1", "多要素認証", "MFA"),
                TechnologyExample::new("ex2", "証明書", "Certificates"),
            ]
        );
        let uneven = Bilingual::new("CMDB、自動検出", "A CMDB;\nautomatic discovery");
        assert_eq!(
            examples_from_free_text(&uneven),
            vec![TechnologyExample::new(
                "ex1",
                "CMDB、自動検出",
                "A CMDB; automatic discovery"
            )]
        );
        let one_sided = Bilingual::new("", "Only English");
        assert_eq!(
            examples_from_free_text(&one_sided),
            vec![TechnologyExample::new("ex1", "", "Only English")]
        );
        assert!(examples_from_free_text(&Bilingual::new(" ", "\n")).is_empty());
    }
}
