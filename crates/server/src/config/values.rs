//! Reading one setting's raw value (a TOML value or an environment variable's text) as the kind
//! of value it must be, with the reason in both languages when it is not.

use std::time::Duration;

use shinrai_domain::text::Bilingual;

use crate::auth::ip_range::IpRange;

/// One setting's raw value, before it is checked.
pub(super) enum Raw {
    Toml(toml::Value),
    Env(String),
}

/// A timeout in whole seconds, from one second to an hour.
pub(super) fn seconds(raw: Raw) -> Result<Duration, Bilingual> {
    integer(raw, 1, 3600).map(Duration::from_secs)
}

pub(super) fn size(value: u64) -> Result<usize, Bilingual> {
    usize::try_from(value)
        .map_err(|_| Bilingual::new("この環境では大きすぎます", "too large for this machine"))
}

pub(super) fn string(raw: Raw) -> Result<String, Bilingual> {
    match raw {
        Raw::Env(text) | Raw::Toml(toml::Value::String(text)) => Ok(text),
        Raw::Toml(_) => Err(Bilingual::new("文字列で書いてください", "must be a string")),
    }
}

pub(super) fn boolean(raw: Raw) -> Result<bool, Bilingual> {
    let wrong = || Bilingual::new("true か false で書いてください", "must be true or false");
    match raw {
        Raw::Toml(toml::Value::Boolean(value)) => Ok(value),
        Raw::Env(text) => match text.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => Ok(true),
            "false" | "0" | "no" | "off" => Ok(false),
            _ => Err(wrong()),
        },
        Raw::Toml(_) => Err(wrong()),
    }
}

/// A list of address ranges: a TOML array of strings, or one string of comma-separated
/// ranges (the environment's form).
pub(super) fn ranges(raw: Raw) -> Result<Vec<IpRange>, Bilingual> {
    let texts: Vec<String> = match raw {
        Raw::Env(text) | Raw::Toml(toml::Value::String(text)) => {
            text.split(',').map(str::to_owned).collect()
        }
        Raw::Toml(toml::Value::Array(items)) => items
            .into_iter()
            .map(|item| match item {
                toml::Value::String(text) => Ok(text),
                _ => Err(Bilingual::new(
                    "アドレス範囲の文字列の配列で書いてください",
                    "must be an array of address range strings",
                )),
            })
            .collect::<Result<_, _>>()?,
        Raw::Toml(_) => {
            return Err(Bilingual::new(
                "アドレス範囲の文字列の配列で書いてください",
                "must be an array of address range strings",
            ));
        }
    };
    texts
        .iter()
        .map(|text| text.trim())
        .filter(|text| !text.is_empty())
        .map(|text| {
            text.parse::<IpRange>().map_err(|error| {
                Bilingual::new(
                    format!(
                        "「{text}」は 10.0.0.0/8 や 2001:db8::/32 のようなアドレス範囲ではありません"
                    ),
                    format!("{error}: write a range such as 10.0.0.0/8 or 2001:db8::/32"),
                )
            })
        })
        .collect()
}

pub(super) fn small(value: Result<u64, Bilingual>) -> Result<u32, Bilingual> {
    value.and_then(|value| {
        u32::try_from(value).map_err(|_| Bilingual::new("大きすぎます", "too large"))
    })
}

pub(super) fn count(value: Result<u64, Bilingual>) -> Result<usize, Bilingual> {
    value.and_then(|value| {
        usize::try_from(value).map_err(|_| Bilingual::new("大きすぎます", "too large"))
    })
}

pub(super) fn integer(raw: Raw, min: u64, max: u64) -> Result<u64, Bilingual> {
    let value = match raw {
        Raw::Toml(toml::Value::Integer(value)) => u64::try_from(value).ok(),
        Raw::Env(text) => text.trim().parse::<u64>().ok(),
        Raw::Toml(_) => None,
    };
    value
        .filter(|value| (min..=max).contains(value))
        .ok_or_else(|| {
            Bilingual::new(
                format!("{min} から {max} までの整数で書いてください"),
                format!("must be a whole number from {min} to {max}"),
            )
        })
}
