//! Which language to speak: the `--lang` flag, else the POSIX locale variables, else English.

use shinrai_domain::text::Lang;

pub fn choose(flag: Option<Lang>) -> Lang {
    flag.unwrap_or_else(|| from_locale(|name| std::env::var(name).ok()).unwrap_or(Lang::En))
}

/// POSIX precedence: the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty decides.
fn from_locale(lookup: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| lookup(name))
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::from_tag(&value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    }

    #[test]
    fn follows_posix_precedence() {
        assert_eq!(from_locale(env(&[("LANG", "ja_JP.UTF-8")])), Some(Lang::Ja));
        assert_eq!(
            from_locale(env(&[("LANG", "ja_JP.UTF-8"), ("LC_ALL", "en_US.UTF-8")])),
            Some(Lang::En)
        );
        assert_eq!(
            from_locale(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "ja_JP"),
                ("LANG", "en_GB")
            ])),
            Some(Lang::Ja)
        );
        assert_eq!(from_locale(env(&[("LANG", "C.UTF-8")])), None);
        assert_eq!(from_locale(env(&[])), None);
    }
}
