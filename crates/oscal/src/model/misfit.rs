//! Why a document does not fit the typed model, in both languages. serde words its errors in
//! English, in a few fixed shapes (a missing field, a value of the wrong type, ...); each shape
//! is read back here and told in Japanese too, keeping the names and values it quotes.

use shinrai_domain::text::Bilingual;

/// serde's message (without its position) as the reason a document does not fit the model.
pub(crate) fn misfit(message: &str) -> Bilingual {
    let ja = japanese(message).map_or_else(|| message.to_owned(), |ja| ja.trim().to_owned());
    Bilingual::new(
        format!("OSCAL のモデルに合いません: {ja}"),
        format!("does not fit the OSCAL model: {message}"),
    )
}

/// The message in Japanese, for the shapes serde and the model's own reader use.
fn japanese(message: &str) -> Option<String> {
    if let Some(field) = quoted_whole(message, "missing field ") {
        return Some(format!("必須の項目 {field} がありません"));
    }
    if let Some(field) = quoted_whole(message, "duplicate field ") {
        return Some(format!("項目 {field} が二度あります"));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, expected) = split_expected(rest)?;
        return Some(format!(
            "項目 {field} はここに置けません（{}）",
            choices(expected)
        ));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, expected) = split_expected(rest)?;
        return Some(format!("値 {value} は使えません（{}）", choices(expected)));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = split_expected(rest)?;
        return Some(format!(
            "{}が必要なところに{}があります",
            padded(&expected_words(expected)),
            padded(&found_words(found))
        ));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = split_expected(rest)?;
        return Some(format!(
            "{}は使えません（必要なもの: {}）",
            padded(&found_words(found)),
            expected_words(expected)
        ));
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (length, expected) = split_expected(rest)?;
        return Some(format!(
            "長さ {length} は合いません（必要なもの: {}）",
            expected_words(expected)
        ));
    }
    match message {
        "a value was asked for before its key" => Some("項目名より先に値が読まれました".to_owned()),
        _ => None,
    }
}

/// Words set in Japanese text, with a space on each side where they begin or end in ASCII.
fn padded(words: &str) -> String {
    let before = if words.starts_with(|c: char| c.is_ascii()) {
        " "
    } else {
        ""
    };
    let after = if words.ends_with(|c: char| c.is_ascii()) {
        " "
    } else {
        ""
    };
    format!("{before}{words}{after}")
}

/// `` `name` `` when the message is the prefix and then exactly one quoted name.
fn quoted_whole<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    let quoted = message.strip_prefix(prefix)?;
    let inner = quoted.strip_prefix('`')?.strip_suffix('`')?;
    (!inner.contains('`')).then_some(quoted)
}

/// `what, expected how` split at its last `, expected ` (the part before may hold commas, as a
/// quoted string value does); `there are no fields` and `there are no variants` are kept too.
fn split_expected(rest: &str) -> Option<(&str, &str)> {
    if let Some(at) = rest.rfind(", expected ") {
        let what = rest.get(..at)?;
        let expected = rest.get(at + ", expected ".len()..)?;
        return Some((what, expected));
    }
    let at = rest.rfind(", there are no ")?;
    Some((rest.get(..at)?, rest.get(at + 2..)?))
}

/// The list of names serde gives: `one of `a`, `b``, `` `a` ``, or that there are none.
fn choices(expected: &str) -> String {
    if let Some(names) = expected.strip_prefix("one of ") {
        return format!("次のいずれかです: {names}");
    }
    match expected {
        "there are no fields" => "項目はありません".to_owned(),
        "there are no variants" => "値はありません".to_owned(),
        name => format!("使えるのは {name} です"),
    }
}

/// What serde found, as its `Unexpected` words it: a kind, then the value quoted.
fn found_words(found: &str) -> String {
    const KINDS: [(&str, &str); 8] = [
        ("boolean", "真偽値"),
        ("integer", "整数"),
        ("floating point", "小数"),
        ("character", "文字"),
        ("string", "文字列"),
        ("byte array", "バイト列"),
        ("unit value", "null"),
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
        "a string" | "a borrowed string" => "文字列".to_owned(),
        "a sequence" => "配列".to_owned(),
        "a map" => "オブジェクト".to_owned(),
        "a boolean" => "真偽値".to_owned(),
        "a field name" => "項目名".to_owned(),
        "any valid JSON value" => "JSON の値".to_owned(),
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
                "unknown field `x`, expected one of `id`, `title`",
                "項目 `x` はここに置けません（次のいずれかです: `id`, `title`）",
            ),
            (
                "unknown field `x`, there are no fields",
                "項目 `x` はここに置けません（項目はありません）",
            ),
            (
                "unknown variant `z`, expected `a`",
                "値 `z` は使えません（使えるのは `a` です）",
            ),
            (
                "invalid type: string \"a, b\", expected a sequence",
                "配列が必要なところに文字列 \"a, b\" があります",
            ),
            (
                "invalid type: integer `5`, expected a string",
                "文字列が必要なところに整数 `5` があります",
            ),
            (
                "invalid type: sequence, expected an OSCAL object (Control)",
                "OSCAL のオブジェクト (Control) が必要なところに配列があります",
            ),
            (
                "invalid type: null, expected a string",
                "文字列が必要なところに null があります",
            ),
            (
                "invalid value: boolean `true`, expected u64",
                "真偽値 `true` は使えません（必要なもの: u64）",
            ),
            (
                "invalid length 3, expected 2 elements",
                "長さ 3 は合いません（必要なもの: 2 elements）",
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
        let why = misfit("something else");
        assert_eq!(why.ja, "OSCAL のモデルに合いません: something else");
    }
}
