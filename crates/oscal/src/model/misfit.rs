//! Why a document does not fit the typed model, in both languages. serde words its errors in
//! English; the model's readers give three shapes of them (a field missing, a field twice, a
//! value of the wrong type), and each is read back here and told in Japanese too, keeping the
//! names and values it quotes.

use shinrai_domain::text::Bilingual;

/// What the root is expected to be: `RootObject`'s `expecting`, which must be a literal there.
const ROOT_EXPECTED: &str = "an object holding one OSCAL model";

/// serde's message (without its position) as the reason a document does not fit the model.
pub(crate) fn misfit(message: &str) -> Bilingual {
    let ja = japanese(message).map_or_else(|| message.to_owned(), |ja| ja.trim().to_owned());
    Bilingual::new(
        format!("OSCAL のモデルに合いません: {ja}"),
        format!("does not fit the OSCAL model: {message}"),
    )
}

/// The message in Japanese, for the shapes the model's readers give.
fn japanese(message: &str) -> Option<String> {
    if let Some(field) = quoted_whole(message, "missing field ") {
        return Some(format!("必須の項目 {field} がありません"));
    }
    if let Some(field) = quoted_whole(message, "duplicate field ") {
        return Some(format!("項目 {field} が二度あります"));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        // The value found may hold commas (a string), the words expected hold none.
        let (found, expected) = rest.rsplit_once(", expected ")?;
        return Some(format!(
            "{}が必要なところに{}があります",
            padded(&expected_words(expected)),
            padded(&found_words(found))
        ));
    }
    match message {
        "a value was asked for before its key" => Some("項目名より先に値が読まれました".to_owned()),
        _ => None,
    }
}

/// Words set in Japanese text, with a space on each side where they begin or end in ASCII.
fn padded(words: &str) -> String {
    let space = |ascii: bool| if ascii { " " } else { "" };
    format!(
        "{}{words}{}",
        space(words.starts_with(|c: char| c.is_ascii())),
        space(words.ends_with(|c: char| c.is_ascii()))
    )
}

/// `` `name` `` when the message is the prefix and then exactly one quoted name.
fn quoted_whole<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    let quoted = message.strip_prefix(prefix)?;
    let inner = quoted.strip_prefix('`')?.strip_suffix('`')?;
    (!inner.contains('`')).then_some(quoted)
}

/// What was found, as serde words a JSON value: its kind, then the value quoted.
fn found_words(found: &str) -> String {
    const KINDS: [(&str, &str); 5] = [
        ("boolean", "真偽値"),
        ("integer", "整数"),
        ("floating point", "小数"),
        ("string", "文字列"),
        ("null", "null"),
    ];
    for (english, japanese) in KINDS {
        if let Some(value) = found.strip_prefix(english) {
            return format!("{japanese}{value}");
        }
    }
    match found {
        "sequence" => "配列".to_owned(),
        "map" => "オブジェクト".to_owned(),
        other => other.to_owned(),
    }
}

/// What was expected, as the model's readers word it.
fn expected_words(expected: &str) -> String {
    if let Some(name) = expected
        .strip_prefix("an OSCAL object (")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        return format!("OSCAL のオブジェクト ({name})");
    }
    match expected {
        ROOT_EXPECTED => "OSCAL のモデルを一つ持つオブジェクト".to_owned(),
        "a string" => "文字列".to_owned(),
        "a sequence" => "配列".to_owned(),
        "a boolean" => "真偽値".to_owned(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_each_shape_of_message_in_japanese_keeping_what_it_quotes() {
        for (message, ja) in [
            ("missing field `id`", "必須の項目 `id` がありません"),
            ("duplicate field `title`", "項目 `title` が二度あります"),
            (
                "invalid type: string \"a, expected b\", expected a sequence",
                "配列が必要なところに文字列 \"a, expected b\" があります",
            ),
            (
                "invalid type: integer `5`, expected a string",
                "文字列が必要なところに整数 `5` があります",
            ),
            (
                "invalid type: floating point `1.5`, expected a boolean",
                "真偽値が必要なところに小数 `1.5` があります",
            ),
            (
                "invalid type: sequence, expected an OSCAL object (Control)",
                "OSCAL のオブジェクト (Control) が必要なところに配列があります",
            ),
            (
                "invalid type: sequence, expected an object holding one OSCAL model",
                "OSCAL のモデルを一つ持つオブジェクトが必要なところに配列があります",
            ),
            (
                "invalid type: null, expected a string",
                "文字列が必要なところに null があります",
            ),
            (
                "a value was asked for before its key",
                "項目名より先に値が読まれました",
            ),
        ] {
            let why = misfit(message);
            assert_eq!(
                why.ja,
                format!("OSCAL のモデルに合いません: {ja}"),
                "{message}"
            );
            assert_eq!(why.en, format!("does not fit the OSCAL model: {message}"));
        }
    }

    #[test]
    fn a_message_of_no_known_shape_is_kept_as_written() {
        for message in [
            "something else",
            "missing field `a` and `b`",
            "invalid type: x",
        ] {
            let why = misfit(message);
            assert_eq!(why.ja, format!("OSCAL のモデルに合いません: {message}"));
        }
    }
}
