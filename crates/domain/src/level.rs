//! The scheme's three levels (1 low, 3 high): confidentiality and availability levels of an
//! information system, and the level a service is registered at.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::case::{Node, Read};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub struct Level(u8);

impl TryFrom<u8> for Level {
    type Error = String;

    fn try_from(value: u8) -> Result<Level, String> {
        Level::new(value).ok_or_else(|| format!("level {value} is not 1, 2 or 3"))
    }
}

impl Level {
    pub const LOW: Level = Level(1);
    pub const MIDDLE: Level = Level(2);
    pub const HIGH: Level = Level(3);
    pub const ALL: [Level; 3] = [Level::LOW, Level::MIDDLE, Level::HIGH];

    pub fn new(value: u8) -> Option<Level> {
        (1..=3).contains(&value).then_some(Level(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Node<'_> {
    /// A level: an integer 1, 2 or 3.
    pub fn level(&self) -> Read<Level> {
        let value = self.integer(1, 3)?;
        // integer() already enforced 1..=3, so both conversions succeed.
        Ok(u8::try_from(value)
            .ok()
            .and_then(Level::new)
            .unwrap_or(Level::LOW))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn only_one_to_three_are_levels() {
        assert_eq!(Level::new(0), None);
        assert_eq!(Level::new(4), None);
        assert_eq!(Level::new(2).map(Level::get), Some(2));
        assert_eq!(Node::root(&json!(3)).level().unwrap(), Level::HIGH);
        assert!(Node::root(&json!(4)).level().is_err());
        assert!(Node::root(&json!(0)).level().is_err());
        assert_eq!(serde_json::to_string(&Level::MIDDLE).unwrap(), "2");
    }
}
