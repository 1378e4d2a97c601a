//! Why a text is not well-formed XML, as found by the scanner, the attribute reader and the
//! tokenizer. Kept as a kind with the names involved, and put into words in both languages only
//! when it is reported: the read itself never builds a message.

use shinrai_domain::text::Bilingual;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Malformed {
    CdataNeverClosed,
    CommentNeverClosed,
    InstructionNeverClosed,
    EndTagNeverClosed,
    StartTagNeverClosed {
        element: String,
    },
    /// A quote opened inside a start tag, with no closing one before the document ends.
    QuoteNeverClosed {
        element: String,
    },
    UnknownMarkup,
    InvalidEndTag {
        name: String,
    },
    InvalidStartTag {
        name: String,
    },
    ReferenceWithoutSemicolon,
    UnknownEntity {
        entity: String,
    },
    NotACharacter {
        entity: String,
    },
    /// A character XML does not allow, written as itself.
    NotAllowed {
        character: char,
    },
    AttributeWithoutValue {
        attribute: String,
    },
    AttributeNotQuoted {
        attribute: String,
    },
    AttributeValueNeverClosed {
        attribute: String,
    },
    AttributeRunsOn {
        attribute: String,
    },
    AttributeGivenTwice {
        attribute: String,
    },
    LessThanInAttribute,
    EntityInAttributeNeverClosed,
    EndsInsideElement,
    EndTagMismatch {
        end: String,
        open: String,
    },
    EndTagClosesNothing {
        end: String,
    },
    TextOutsideRoot,
    NoRootElement,
    SecondRootElement,
}

impl Malformed {
    /// What is wrong, in Japanese and English: the detail of a syntax error.
    #[cold]
    pub fn detail(&self) -> Bilingual {
        use Malformed::*;
        match self {
            CdataNeverClosed => Bilingual::new(
                "CDATA セクションが閉じられていません",
                "a CDATA section is never closed",
            ),
            CommentNeverClosed => {
                Bilingual::new("コメントが閉じられていません", "a comment is never closed")
            }
            InstructionNeverClosed => Bilingual::new(
                "処理命令が閉じられていません",
                "a processing instruction is never closed",
            ),
            EndTagNeverClosed => {
                Bilingual::new("終了タグが閉じられていません", "an end tag is never closed")
            }
            StartTagNeverClosed { element } => Bilingual::new(
                format!("開始タグ <{element}> が閉じられていません"),
                format!("the start tag <{element}> is never closed"),
            ),
            QuoteNeverClosed { element } => Bilingual::new(
                format!("<{element}> の属性値が閉じられていません"),
                format!("an attribute value in <{element}> is never closed"),
            ),
            UnknownMarkup => Bilingual::new(
                "<! の後に不明なマークアップがあります",
                "unknown markup after <!",
            ),
            InvalidEndTag { name } => Bilingual::new(
                format!("</{name}> は正しい終了タグではありません"),
                format!("</{name}> is not a valid end tag"),
            ),
            InvalidStartTag { name } => Bilingual::new(
                format!("<{name} は正しい開始タグではありません"),
                format!("<{name} is not a valid start tag"),
            ),
            ReferenceWithoutSemicolon => Bilingual::new(
                "参照を閉じる ; がありません",
                "a reference with no closing ;",
            ),
            UnknownEntity { entity } => Bilingual::new(
                format!("不明な実体参照 &{entity}; です"),
                format!("unknown entity &{entity};"),
            ),
            NotACharacter { entity } => Bilingual::new(
                format!("&{entity}; は XML で使える文字を表していません"),
                format!("&{entity}; is not a character XML allows"),
            ),
            NotAllowed { character } => Bilingual::new(
                format!("U+{:04X} は XML で使えない文字です", u32::from(*character)),
                format!(
                    "U+{:04X} is a character XML does not allow",
                    u32::from(*character)
                ),
            ),
            AttributeWithoutValue { attribute } => Bilingual::new(
                format!("属性 {attribute} に値がありません"),
                format!("attribute {attribute} has no value"),
            ),
            AttributeNotQuoted { attribute } => Bilingual::new(
                format!("属性 {attribute} の値が引用符で囲まれていません"),
                format!("the value of attribute {attribute} is not quoted"),
            ),
            AttributeValueNeverClosed { attribute } => Bilingual::new(
                format!("属性 {attribute} の値が閉じられていません"),
                format!("the value of attribute {attribute} is never closed"),
            ),
            AttributeRunsOn { attribute } => Bilingual::new(
                format!("属性 {attribute} の値の直後に空白がありません"),
                format!("attribute {attribute} runs into what follows it"),
            ),
            AttributeGivenTwice { attribute } => Bilingual::new(
                format!("属性 {attribute} が二度指定されています"),
                format!("attribute {attribute} is given twice"),
            ),
            LessThanInAttribute => Bilingual::new(
                "属性値に '<' を含めることはできません",
                "an attribute value cannot hold '<'",
            ),
            EntityInAttributeNeverClosed => Bilingual::new(
                "属性値の実体参照が閉じられていません",
                "an entity reference is never closed",
            ),
            EndsInsideElement => Bilingual::new(
                "要素の途中で文書が終わっています",
                "the document ends inside an element",
            ),
            EndTagMismatch { end, open } => Bilingual::new(
                format!("終了タグ </{end}> は <{open}> を閉じていません"),
                format!("the end tag </{end}> does not close <{open}>"),
            ),
            EndTagClosesNothing { end } => Bilingual::new(
                format!("終了タグ </{end}> に対応する要素がありません"),
                format!("the end tag </{end}> closes no element"),
            ),
            TextOutsideRoot => Bilingual::new(
                "ルート要素の外に文字列があります",
                "text outside the root element",
            ),
            NoRootElement => Bilingual::new("ルート要素がありません", "no root element"),
            SecondRootElement => {
                Bilingual::new("ルート要素が二つ以上あります", "more than one root element")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind, each naming `zq` where it names something.
    fn every_kind() -> Vec<Malformed> {
        use Malformed::*;
        let name = || "zq".to_owned();
        vec![
            CdataNeverClosed,
            CommentNeverClosed,
            InstructionNeverClosed,
            EndTagNeverClosed,
            StartTagNeverClosed { element: name() },
            QuoteNeverClosed { element: name() },
            UnknownMarkup,
            InvalidEndTag { name: name() },
            InvalidStartTag { name: name() },
            ReferenceWithoutSemicolon,
            UnknownEntity { entity: name() },
            NotACharacter { entity: name() },
            NotAllowed { character: '\u{1}' },
            AttributeWithoutValue { attribute: name() },
            AttributeNotQuoted { attribute: name() },
            AttributeValueNeverClosed { attribute: name() },
            AttributeRunsOn { attribute: name() },
            AttributeGivenTwice { attribute: name() },
            LessThanInAttribute,
            EntityInAttributeNeverClosed,
            EndsInsideElement,
            EndTagMismatch {
                end: name(),
                open: name(),
            },
            EndTagClosesNothing { end: name() },
            TextOutsideRoot,
            NoRootElement,
            SecondRootElement,
        ]
    }

    #[test]
    fn every_kind_is_worded_in_both_languages_and_names_what_it_is_about() {
        for kind in every_kind() {
            let detail = kind.detail();
            let names_zq = format!("{kind:?}").contains("\"zq\"");
            assert!(
                detail.ja.chars().any(is_japanese),
                "{kind:?}: {}",
                detail.ja
            );
            assert!(detail.en.is_ascii() && detail.en != detail.ja, "{kind:?}");
            assert_eq!(
                detail.ja.contains("zq"),
                names_zq,
                "{kind:?}: {}",
                detail.ja
            );
            assert_eq!(
                detail.en.contains("zq"),
                names_zq,
                "{kind:?}: {}",
                detail.en
            );
        }
    }

    fn is_japanese(c: char) -> bool {
        matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}')
    }
}
