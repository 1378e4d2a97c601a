//! JSON pointers (RFC 6901) that tell the user where in a case file a problem is.

use std::fmt;

use serde::Serialize;

/// An escaped JSON pointer; the empty pointer is the whole document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Pointer(String);

impl Pointer {
    pub fn root() -> Pointer {
        Pointer(String::new())
    }

    /// Parses an already escaped pointer such as `/registry/3/service`.
    pub fn parse(text: &str) -> Option<Pointer> {
        (text.is_empty() || text.starts_with('/')).then(|| Pointer(text.to_owned()))
    }

    #[must_use]
    pub fn key(mut self, key: &str) -> Pointer {
        self.0.push('/');
        for c in key.chars() {
            match c {
                '~' => self.0.push_str("~0"),
                '/' => self.0.push_str("~1"),
                other => self.0.push(other),
            }
        }
        self
    }

    #[must_use]
    pub fn index(mut self, index: usize) -> Pointer {
        self.0.push('/');
        self.0.push_str(&index.to_string());
        self
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The pointer of the enclosing value; the root is its own parent.
    #[must_use]
    pub fn parent(&self) -> Pointer {
        match self.0.rfind('/') {
            Some(at) => Pointer(self.0.get(..at).unwrap_or_default().to_owned()),
            None => Pointer::root(),
        }
    }
}

impl fmt::Display for Pointer {
    /// The root shows as `/` so that a message never has an empty place.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("/")
        } else {
            f.write_str(&self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_tilde_and_slash() {
        let pointer = Pointer::root().key("a/b").key("m~n").index(3);
        assert_eq!(pointer.as_str(), "/a~1b/m~0n/3");
        let value = serde_json::json!({"a/b": {"m~n": [0, 1, 2, 3]}});
        assert_eq!(value.pointer(pointer.as_str()), Some(&serde_json::json!(3)));
    }

    #[test]
    fn parent_and_display() {
        let pointer = Pointer::root().key("x").index(0);
        assert_eq!(pointer.parent().as_str(), "/x");
        assert_eq!(pointer.parent().parent().to_string(), "/");
        assert!(Pointer::root().parent().is_root());
        assert_eq!(Pointer::parse("x"), None);
    }
}
