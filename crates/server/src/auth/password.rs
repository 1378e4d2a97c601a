//! Password hashing with Argon2id (the OWASP recommendation), each hash with its own random
//! salt and its parameters in the PHC string, so that costs can rise without a migration.
//!
//! Hashing takes tens of milliseconds of CPU on purpose: call it from
//! `tokio::task::spawn_blocking`, not on the async runtime's threads.

use std::fmt;
use std::sync::OnceLock;

use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use argon2::{Argon2, Params, PasswordHash};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// The stored hash is not a PHC string this crate can read: a corrupt record.
    #[error("the stored password hash cannot be read")]
    UnreadableHash,
    /// Hashing itself failed (invalid cost parameters, out of memory).
    #[error("password hashing failed: {0}")]
    Hashing(String),
}

/// Hashes and checks passwords at one cost.
pub struct Passwords {
    argon2: Argon2<'static>,
    /// A hash to check against when the login does not exist, so that the answer takes as
    /// long as for a real account and does not reveal which logins exist.
    decoy: OnceLock<String>,
}

impl fmt::Debug for Passwords {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Passwords").finish_non_exhaustive()
    }
}

impl Default for Passwords {
    /// Argon2id, 19 MiB, 2 passes, 1 lane.
    fn default() -> Self {
        Passwords::from_argon2(Argon2::default())
    }
}

impl Passwords {
    /// Another cost: memory in KiB, passes, lanes. Tests use the smallest to stay fast.
    pub fn with_cost(memory_kib: u32, passes: u32, lanes: u32) -> Result<Passwords, PasswordError> {
        let params = Params::new(memory_kib, passes, lanes, None)
            .map_err(|error| PasswordError::Hashing(error.to_string()))?;
        Ok(Passwords::from_argon2(Argon2::from(params)))
    }

    fn from_argon2(argon2: Argon2<'static>) -> Passwords {
        Passwords {
            argon2,
            decoy: OnceLock::new(),
        }
    }

    /// The PHC string (`$argon2id$v=19$m=...`) to store.
    pub fn hash(&self, password: &str) -> Result<String, PasswordError> {
        self.argon2
            .hash_password(password.as_bytes())
            .map(|hash| hash.to_string())
            .map_err(|error| PasswordError::Hashing(error.to_string()))
    }

    /// `Ok(false)` for a wrong password; an error only when `stored` is unreadable. Checks with
    /// the parameters recorded in `stored`, whatever this instance's cost.
    pub fn verify(&self, password: &str, stored: &str) -> Result<bool, PasswordError> {
        let hash = PasswordHash::new(stored).map_err(|_| PasswordError::UnreadableHash)?;
        match self.argon2.verify_password(password.as_bytes(), &hash) {
            Ok(()) => Ok(true),
            Err(argon2::password_hash::Error::PasswordInvalid) => Ok(false),
            Err(_) => Err(PasswordError::UnreadableHash),
        }
    }

    /// Spends the time of one [`Passwords::verify`] for a login that does not exist; always
    /// `false`.
    pub fn verify_unknown_login(&self, password: &str) -> bool {
        let decoy = self
            .decoy
            .get_or_init(|| self.hash("shinrai decoy password").unwrap_or_default());
        let _ = self.verify(password, decoy);
        false
    }

    /// Whether `stored` was made at another cost or with another algorithm and should be
    /// replaced by a fresh hash after the next successful sign-in.
    pub fn needs_rehash(&self, stored: &str) -> bool {
        let Ok(hash) = PasswordHash::new(stored) else {
            return true;
        };
        let current = self.argon2.params();
        hash.algorithm.as_str() != argon2::ARGON2ID_IDENT.as_str()
            || Params::try_from(&hash).map_or(true, |params| {
                (params.m_cost(), params.t_cost(), params.p_cost())
                    != (current.m_cost(), current.t_cost(), current.p_cost())
            })
    }
}

/// [`Passwords::hash`] at the default cost.
pub fn hash_password(password: &str) -> Result<String, PasswordError> {
    Passwords::default().hash(password)
}

/// [`Passwords::verify`]; the cost is read from `stored`.
pub fn verify_password(password: &str, stored: &str) -> Result<bool, PasswordError> {
    Passwords::default().verify(password, stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cheap() -> Passwords {
        Passwords::with_cost(8, 1, 1).unwrap()
    }

    #[test]
    fn hashes_verify_and_are_salted() {
        let passwords = cheap();
        let one = passwords.hash("correct horse battery").unwrap();
        let two = passwords.hash("correct horse battery").unwrap();
        assert!(one.starts_with("$argon2id$v=19$m=8,t=1,p=1$"), "{one}");
        assert_ne!(one, two, "each hash has its own salt");
        assert_eq!(passwords.verify("correct horse battery", &one), Ok(true));
        assert_eq!(passwords.verify("correct horse battery!", &one), Ok(false));
        assert_eq!(passwords.verify("", &one), Ok(false));
    }

    #[test]
    fn japanese_passwords_work() {
        let passwords = cheap();
        let hash = passwords.hash("信頼できるクラウド").unwrap();
        assert_eq!(passwords.verify("信頼できるクラウド", &hash), Ok(true));
        assert_eq!(passwords.verify("信頼できるクラウト", &hash), Ok(false));
    }

    #[test]
    fn a_corrupt_hash_is_an_error_not_a_match() {
        assert_eq!(
            cheap().verify("x", "not a hash"),
            Err(PasswordError::UnreadableHash)
        );
        assert!(!cheap().verify_unknown_login("anything"));
    }

    #[test]
    fn the_default_cost_is_argon2id_19_mib_and_verify_reads_the_stored_cost() {
        let default = Passwords::default();
        let cheap_hash = cheap().hash("pw").unwrap();
        assert!(default.needs_rehash(&cheap_hash));
        assert!(!cheap().needs_rehash(&cheap_hash));
        assert!(default.needs_rehash("garbage"));
        assert_eq!(verify_password("pw", &cheap_hash), Ok(true));
        let params = default.argon2.params();
        assert_eq!(
            (params.m_cost(), params.t_cost(), params.p_cost()),
            (19 * 1024, 2, 1)
        );
    }
}
