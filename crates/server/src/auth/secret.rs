//! Random secrets (session ids, anti-forgery tokens, API tokens) and the digests stored in
//! their place: a leaked database must not hand out working credentials.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore as _;
use sha2::{Digest as _, Sha256};

/// API tokens start with this, so that secret scanners and people can recognise them.
pub const API_TOKEN_PREFIX: &str = "shinrai_";

/// 32 random bytes in URL-safe base64 without padding are 43 characters.
const SECRET_CHARS: usize = 43;

/// A secret to hand to its owner once, and the digest to keep.
#[derive(Clone, PartialEq, Eq)]
pub struct IssuedSecret {
    /// What the owner presents: send it to them, never store it.
    pub value: String,
    /// [`digest`] of `value`: store this.
    pub digest: String,
}

impl fmt::Debug for IssuedSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IssuedSecret")
            .field("value", &"[redacted]")
            .field("digest", &self.digest)
            .finish()
    }
}

/// A fresh secret of 256 random bits from the operating system's generator (via the
/// thread-local CSPRNG it seeds), e.g. a session id or an anti-forgery token.
pub fn new_secret() -> IssuedSecret {
    issue(String::new())
}

/// A fresh API token: `shinrai_` and a secret.
pub fn new_api_token() -> IssuedSecret {
    issue(API_TOKEN_PREFIX.to_owned())
}

fn issue(mut value: String) -> IssuedSecret {
    let mut bytes = [0_u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode_string(bytes, &mut value);
    let digest = digest(&value);
    IssuedSecret { value, digest }
}

/// The SHA-256 of a presented secret in lowercase hex, to look the stored one up by. A plain
/// hash suffices: the secret has 256 random bits, so there is nothing to guess.
pub fn digest(value: &str) -> String {
    hex::encode(Sha256::digest(value.as_bytes()))
}

/// Whether a presented string has the shape of an API token (before any lookup).
pub fn is_api_token(value: &str) -> bool {
    value
        .strip_prefix(API_TOKEN_PREFIX)
        .is_some_and(is_secret_shape)
}

/// Whether a presented string has the shape of a [`new_secret`] value, so that junk is
/// turned away without a database query.
pub fn is_secret_shape(value: &str) -> bool {
    value.len() == SECRET_CHARS
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A short random id under which an internal error is logged and reported to the client.
pub(crate) fn incident_id() -> String {
    let mut bytes = [0_u8; 8];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_random_url_safe_and_digested() {
        let one = new_secret();
        let two = new_secret();
        assert_ne!(one.value, two.value);
        assert!(is_secret_shape(&one.value), "{}", one.value);
        assert_eq!(one.digest, digest(&one.value));
        assert_eq!(one.digest.len(), 64);
        assert!(!format!("{one:?}").contains(&one.value));
    }

    #[test]
    fn api_tokens_carry_the_prefix() {
        let token = new_api_token();
        assert!(token.value.starts_with("shinrai_"));
        assert!(is_api_token(&token.value));
        assert_eq!(token.digest, digest(&token.value));
        assert!(!is_api_token("shinrai_short"));
        assert!(!is_api_token(&new_secret().value));
        assert!(!is_secret_shape(&"a".repeat(42)));
        assert!(!is_secret_shape(&format!("{}=", "a".repeat(42))));
    }

    #[test]
    fn the_digest_is_sha256_hex() {
        assert_eq!(
            digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
