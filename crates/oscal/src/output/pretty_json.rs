//! Pretty JSON laid out exactly as serde_json's pretty printer lays it out (two spaces per level),
//! but with each line break and its indentation written as one piece. serde_json writes the
//! indentation one level at a time; a resolved catalog has some 150,000 lines nested up to a dozen
//! levels deep, and those small writes were a good part of the time spent writing it.

use std::io::{self, Write};

use serde::Serialize;

/// Writes `value` to `out` as pretty JSON (no trailing newline).
pub fn write_pretty<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> serde_json::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Pretty::default());
    value.serialize(&mut serializer)
}

/// `value` as pretty JSON text (no trailing newline).
pub fn to_pretty_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut bytes = Vec::with_capacity(128);
    write_pretty(&mut bytes, value)?;
    // serde_json writes only UTF-8: its input is Rust strings, and it escapes nothing into bytes.
    String::from_utf8(bytes).map_err(|error| {
        <serde_json::Error as serde::ser::Error>::custom(format_args!(
            "pretty JSON was not UTF-8 ({error})"
        ))
    })
}

/// A comma, a line break and the indentation of deep lines, sliced to what a line needs.
const LINE: &[u8; 2 + 2 * DEEPEST_AT_ONCE] = &{
    let mut line = [b' '; 2 + 2 * DEEPEST_AT_ONCE];
    line[0] = b',';
    line[1] = b'\n';
    line
};

/// Levels indented with one write; deeper lines (rare) take a write per further level.
const DEEPEST_AT_ONCE: usize = 64;

#[derive(Debug, Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break, after a comma unless `first`, then the indentation of the current depth.
    fn new_line<W: ?Sized + Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        let start = usize::from(first);
        let levels = self.depth.min(DEEPEST_AT_ONCE);
        writer.write_all(LINE.get(start..2 + 2 * levels).unwrap_or(b"\n".as_slice()))?;
        for _ in levels..self.depth {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            self.new_line(writer, true)?;
        }
        writer.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.new_line(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.new_line(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{Value, json};

    use super::*;

    fn same_as_serde_json(value: &Value) {
        let ours = to_pretty_string(value).ok();
        let theirs = serde_json::to_string_pretty(value).ok();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn empty_and_nested_containers_are_laid_out_as_serde_json_lays_them_out() {
        same_as_serde_json(&json!({}));
        same_as_serde_json(&json!([]));
        same_as_serde_json(&json!({"a": [], "b": {}, "c": [[], [{}], {"d": [1, "x", null]}]}));
        same_as_serde_json(&json!([1, [2, [3, [4]]], {"k": {"l": {"m": true}}}]));
    }

    #[test]
    fn lines_deeper_than_one_write_still_get_every_level() {
        let mut deep = json!("bottom");
        for level in 0..(DEEPEST_AT_ONCE + 10) {
            deep = if level % 2 == 0 {
                json!([deep])
            } else {
                json!({"k": deep})
            };
        }
        same_as_serde_json(&deep);
    }

    #[test]
    fn the_sp_800_53_catalog_is_written_as_serde_json_writes_it() {
        // The shared public OSCAL files; a missing folder fails rather than checks nothing.
        let dir = std::env::var_os("SHINRAI_OSCAL_DATA").map_or_else(
            || std::path::PathBuf::from("/work/shared/data/oscal"),
            std::path::PathBuf::from,
        );
        let path = dir.join("NIST_SP-800-53_rev5_catalog.json");
        let text = std::fs::read_to_string(&path).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        same_as_serde_json(&value);
    }

    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            ".{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(8, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map("[a-z-]{0,6}", inner, 0..6)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_value_is_laid_out_as_serde_json_lays_it_out(value in any_value()) {
            prop_assert_eq!(to_pretty_string(&value).ok(), serde_json::to_string_pretty(&value).ok());
        }
    }
}
