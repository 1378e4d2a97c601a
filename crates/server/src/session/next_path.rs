//! Where a browser goes after signing in: the `next` of `/login?next=…` and of the sign-in
//! form. Only a path of this site is followed; anything else would make the form an open
//! redirect. Browsers forgive a lot in a `Location`: they drop tabs and line breaks inside it
//! (`/\t/evil.example` becomes `//evil.example`, another site) and read `\` as `/`. So a target
//! with any control or invisible formatting character, or a backslash, is refused outright, and
//! what is kept is percent-encoded until it is plain printable ASCII, which is always a valid
//! header value (an invalid one used to make building the redirect fail with a 500).

/// Where to go for a refused target.
pub const HOME: &str = "/";

/// The longest target followed; longer ones are refused (real paths are far shorter).
const MAX_LEN: usize = 2048;

/// `next` as a same-site path ready for a `Location` header, or [`HOME`] when it is not one:
/// whatever the input, the answer starts with exactly one `/` and holds no control character,
/// no backslash and nothing outside printable ASCII.
pub fn after_sign_in(next: &str) -> String {
    same_site_path(next).unwrap_or_else(|| HOME.to_owned())
}

/// `next` if it is a path of this site, percent-encoded where needed; `None` otherwise.
pub fn same_site_path(next: &str) -> Option<String> {
    let rest = next.strip_prefix('/')?;
    let acceptable = next.len() <= MAX_LEN
        && !rest.starts_with('/')
        && !next.chars().any(|c| c == '\\' || invisible(c));
    acceptable.then(|| encode(next))
}

/// Characters a browser may drop or reinterpret while reading a URL, and their Unicode
/// relatives: controls (C0, DEL, C1), line and paragraph separators and other white space
/// apart from the plain space, and the invisible formatting characters (zero-width, direction
/// marks and overrides, the byte order mark).
fn invisible(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// Percent-encodes every byte that is not printable ASCII or that a URL path should not carry
/// raw; `%` itself is kept, so encoding twice changes nothing.
fn encode(path: &str) -> String {
    let mut encoded = String::with_capacity(path.len());
    for byte in path.bytes() {
        let raw = byte.is_ascii_graphic()
            && !matches!(byte, b'"' | b'<' | b'>' | b'`' | b'{' | b'}' | b'|' | b'^');
        if raw {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn only_same_site_paths_are_followed() {
        let cases = [
            // Same-site paths are kept as they are.
            ("/registry?level=2&lang=ja", "/registry?level=2&lang=ja"),
            ("/", "/"),
            ("/criteria/demo-2026/A-1#top", "/criteria/demo-2026/A-1#top"),
            ("/%2F/evil.example", "/%2F/evil.example"),
            ("/a/../b", "/a/../b"),
            // Kept, encoded so that the header holds only printable ASCII.
            (
                "/registry?q=クラウド",
                "/registry?q=%E3%82%AF%E3%83%A9%E3%82%A6%E3%83%89",
            ),
            ("/a b", "/a%20b"),
            ("/\"<script>", "/%22%3Cscript%3E"),
            // Another site, or no path at all.
            ("//evil.example/", HOME),
            ("///evil.example/", HOME),
            ("https://evil.example/", HOME),
            ("javascript:alert(1)", HOME),
            ("evil.example", HOME),
            ("", HOME),
            (" /registry", HOME),
            // Backslashes, which browsers read as slashes.
            ("\\\\evil.example", HOME),
            ("/\\evil.example", HOME),
            ("/registry\\x", HOME),
            // Characters browsers drop, which would turn `/ /x` into `//x`.
            ("/\t/evil.example/", HOME),
            ("/\n/evil.example/", HOME),
            ("/\r/evil.example/", HOME),
            ("/\0", HOME),
            ("/\u{7f}", HOME),
            ("/\n", HOME),
            // Their Unicode relatives.
            ("/\u{85}/evil.example", HOME),
            ("/\u{9f}", HOME),
            ("/\u{2028}/evil.example", HOME),
            ("/\u{2029}", HOME),
            ("/\u{a0}/evil.example", HOME),
            ("/\u{3000}", HOME),
            ("/\u{200b}/evil.example", HOME),
            ("/\u{202e}", HOME),
            ("/\u{feff}", HOME),
        ];
        for (next, expected) in cases {
            assert_eq!(after_sign_in(next), expected, "{next:?}");
        }
        assert_eq!(after_sign_in(&format!("/{}", "a".repeat(MAX_LEN))), HOME);
        assert_eq!(
            after_sign_in(&format!("/{}", "a".repeat(MAX_LEN - 1))).len(),
            MAX_LEN
        );
    }

    proptest! {
        #[test]
        fn whatever_the_input_the_answer_is_a_plain_local_path(next in any::<String>()) {
            let target = after_sign_in(&next);
            prop_assert!(target.starts_with('/'));
            prop_assert!(!target.starts_with("//"));
            prop_assert!(!target.contains('\\'));
            prop_assert!(target.bytes().all(|b| b.is_ascii_graphic()));
            prop_assert!(axum::http::HeaderValue::from_str(&target).is_ok());
            prop_assert_eq!(after_sign_in(&target), target.clone(), "encoding twice changes nothing");
        }

        #[test]
        fn paths_built_from_hostile_pieces_never_leave_the_site(
            pieces in proptest::collection::vec(
                prop_oneof![
                    Just("/"), Just("\\"), Just("\t"), Just("\n"), Just("\r"), Just("\0"),
                    Just("\u{7f}"), Just("\u{85}"), Just("\u{2028}"), Just(" "), Just("%2F"),
                    Just("evil.example"), Just(":"), Just("?"), Just("#"), Just("@"),
                ],
                0..8,
            )
        ) {
            let next: String = pieces.concat();
            let target = after_sign_in(&next);
            prop_assert!(target.starts_with('/') && !target.starts_with("//"));
            prop_assert!(target.bytes().all(|b| b.is_ascii_graphic()));
            prop_assert!(!target.contains('\\'));
        }
    }
}
