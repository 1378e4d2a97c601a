//! The shapes of OSCAL's seven models: for each definition, which XML attributes and child
//! elements it has and where each goes in the JSON form. Read once from `shapes.txt`, a table
//! generated from OSCAL's metaschema by `scripts/oscal-xml-shapes.py`.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("shapes.txt");

/// The most children one assembly may have: the most in OSCAL is 16.
pub const MAX_CHILDREN: usize = 64;

/// How a value is written: what JSON type it takes and how prose is carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// Any textual type (token, uuid, uri, date, …): a JSON string, the text as is.
    Text,
    MarkupLine,
    MarkupMultiline,
    Integer,
    Decimal,
    Boolean,
}

impl ValueType {
    fn from_metaschema(name: &str) -> ValueType {
        match name {
            "markup-line" => ValueType::MarkupLine,
            "markup-multiline" => ValueType::MarkupMultiline,
            "integer" | "non-negative-integer" | "positive-integer" => ValueType::Integer,
            "decimal" => ValueType::Decimal,
            "boolean" => ValueType::Boolean,
            _ => ValueType::Text,
        }
    }
}

/// An XML attribute, which keeps its name as the JSON key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagShape {
    pub name: String,
    pub value_type: ValueType,
}

/// What a child element holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// An assembly or a field with attributes: the definition at this index.
    Definition(usize),
    /// A field without attributes: its value alone.
    Value(ValueType),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildShape {
    /// The element's name in XML.
    pub element: String,
    /// Its key in JSON (the group's name when it repeats).
    pub json_key: String,
    pub target: Target,
    pub many: bool,
    /// In XML the repeats sit in a wrapper element named like the JSON key.
    pub grouped: bool,
    /// Prose written straight into the parent, with no element of its own (a part's `prose`).
    pub unwrapped: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    Assembly {
        key: String,
        flags: Vec<FlagShape>,
        children: Vec<ChildShape>,
    },
    /// A field with attributes: a JSON object of the flags plus its value under `value_key`.
    Field {
        key: String,
        value_type: ValueType,
        value_key: String,
        flags: Vec<FlagShape>,
    },
}

impl Shape {
    pub fn flags(&self) -> &[FlagShape] {
        match self {
            Shape::Assembly { flags, .. } | Shape::Field { flags, .. } => flags,
        }
    }

    pub fn flag(&self, name: &str) -> Option<&FlagShape> {
        self.flags().iter().find(|flag| flag.name == name)
    }

    pub fn key(&self) -> &str {
        match self {
            Shape::Assembly { key, .. } | Shape::Field { key, .. } => key,
        }
    }
}

#[derive(Debug)]
pub struct Shapes {
    shapes: Vec<Shape>,
    roots: HashMap<String, usize>,
}

impl Shapes {
    pub fn get(&self, index: usize) -> Option<&Shape> {
        self.shapes.get(index)
    }

    /// The shape of a document's root element (`catalog`, `profile`, …).
    pub fn root(&self, name: &str) -> Option<(usize, &Shape)> {
        let index = *self.roots.get(name)?;
        Some((index, self.shapes.get(index)?))
    }

    pub fn len(&self) -> usize {
        self.shapes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shapes.is_empty()
    }
}

/// The table, parsed on first use. It is compiled in and checked by the tests, so a failure
/// here means a broken build; it is still reported as an error rather than a panic.
pub fn shapes() -> Result<&'static Shapes, String> {
    static SHAPES: OnceLock<Result<Shapes, String>> = OnceLock::new();
    SHAPES
        .get_or_init(|| parse_table(TABLE))
        .as_ref()
        .map_err(Clone::clone)
}

/// A child line before its definition key is turned into an index.
struct PendingChild {
    element: String,
    json_key: String,
    target: String,
    many: bool,
    grouped: bool,
    unwrapped: bool,
}

fn parse_table(table: &str) -> Result<Shapes, String> {
    let mut roots: Vec<(String, String)> = Vec::new();
    // Each definition with its flags and its children still named by key.
    let mut definitions: Vec<(Shape, Vec<PendingChild>)> = Vec::new();
    for (number, line) in table.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let bad = || format!("shapes.txt line {}: {line}", number + 1);
        match fields.as_slice() {
            [] => {}
            [first, ..] if first.starts_with('#') => {}
            ["root", name, key] => roots.push(((*name).to_owned(), (*key).to_owned())),
            ["assembly", key] => definitions.push((
                Shape::Assembly {
                    key: (*key).to_owned(),
                    flags: Vec::new(),
                    children: Vec::new(),
                },
                Vec::new(),
            )),
            ["field", key, value_type, value_key] => definitions.push((
                Shape::Field {
                    key: (*key).to_owned(),
                    value_type: ValueType::from_metaschema(value_type),
                    value_key: (*value_key).to_owned(),
                    flags: Vec::new(),
                },
                Vec::new(),
            )),
            ["flag", name, value_type] => {
                let (shape, _) = definitions.last_mut().ok_or_else(bad)?;
                let flag = FlagShape {
                    name: (*name).to_owned(),
                    value_type: ValueType::from_metaschema(value_type),
                };
                match shape {
                    Shape::Assembly { flags, .. } | Shape::Field { flags, .. } => flags.push(flag),
                }
            }
            [
                "assembly" | "field",
                element,
                json_key,
                target,
                cardinality,
                grouping,
                wrapping,
            ] => {
                let (_, children) = definitions.last_mut().ok_or_else(bad)?;
                children.push(PendingChild {
                    element: (*element).to_owned(),
                    json_key: (*json_key).to_owned(),
                    target: (*target).to_owned(),
                    many: *cardinality == "many",
                    grouped: *grouping == "grouped",
                    unwrapped: *wrapping == "unwrapped",
                });
            }
            _ => return Err(bad()),
        }
    }
    let index: HashMap<String, usize> = definitions
        .iter()
        .enumerate()
        .map(|(at, (shape, _))| (shape.key().to_owned(), at))
        .collect();
    let resolve = |key: &str| -> Result<Target, String> {
        match key.strip_prefix('=') {
            Some(value_type) => Ok(Target::Value(ValueType::from_metaschema(value_type))),
            None => index
                .get(key)
                .map(|&at| Target::Definition(at))
                .ok_or_else(|| format!("shapes.txt: no definition {key}")),
        }
    };
    let mut shapes = Vec::with_capacity(definitions.len());
    for (mut shape, pending) in definitions {
        if let Shape::Assembly { key, children, .. } = &mut shape {
            // Reading keeps one bit per child of an assembly (see `deserialize`).
            if pending.len() > MAX_CHILDREN {
                return Err(format!(
                    "shapes.txt: {key} has {} children, more than {MAX_CHILDREN}",
                    pending.len()
                ));
            }
            for child in pending {
                children.push(ChildShape {
                    target: resolve(&child.target)?,
                    element: child.element,
                    json_key: child.json_key,
                    many: child.many,
                    grouped: child.grouped,
                    unwrapped: child.unwrapped,
                });
            }
        }
        shapes.push(shape);
    }
    let roots = roots
        .into_iter()
        .map(|(name, key)| match resolve(&key)? {
            Target::Definition(at) => Ok((name, at)),
            Target::Value(_) => Err(format!("shapes.txt: root {name} is not a definition")),
        })
        .collect::<Result<_, String>>()?;
    Ok(Shapes { shapes, roots })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_and_names_all_seven_roots() {
        let shapes = shapes().unwrap();
        for root in [
            "catalog",
            "profile",
            "component-definition",
            "system-security-plan",
            "assessment-plan",
            "assessment-results",
            "plan-of-action-and-milestones",
        ] {
            assert!(shapes.root(root).is_some(), "{root}");
        }
        assert!(shapes.len() > 100);
    }

    #[test]
    fn a_catalog_control_has_its_id_parts_and_nested_controls() {
        let shapes = shapes().unwrap();
        let (_, catalog) = shapes.root("catalog").unwrap();
        let Shape::Assembly { children, .. } = catalog else {
            panic!("catalog is an assembly")
        };
        let control = children.iter().find(|c| c.element == "control").unwrap();
        assert_eq!(control.json_key, "controls");
        assert!(control.many);
        let Target::Definition(at) = control.target else {
            panic!("control is a definition")
        };
        let control = shapes.get(at).unwrap();
        assert_eq!(control.flag("id").unwrap().value_type, ValueType::Text);
        let Shape::Assembly { children, .. } = control else {
            panic!("control is an assembly")
        };
        let title = children.iter().find(|c| c.element == "title").unwrap();
        assert_eq!(title.target, Target::Value(ValueType::MarkupLine));
        assert!(children.iter().any(|c| c.element == "control" && c.many));
    }

    #[test]
    fn prose_is_unwrapped_and_revisions_are_grouped() {
        let shapes = shapes().unwrap();
        let children_of = |shape: &Shape| match shape {
            Shape::Assembly { children, .. } => children.clone(),
            Shape::Field { .. } => Vec::new(),
        };
        let all: Vec<ChildShape> = (0..shapes.len())
            .flat_map(|at| children_of(shapes.get(at).unwrap()))
            .collect();
        let prose = all.iter().find(|c| c.json_key == "prose").unwrap();
        assert!(prose.unwrapped);
        assert_eq!(prose.target, Target::Value(ValueType::MarkupMultiline));
        let revisions = all.iter().find(|c| c.json_key == "revisions").unwrap();
        assert!(revisions.grouped && revisions.many);
    }

    #[test]
    fn a_broken_line_is_named() {
        let error = parse_table("assembly a\n  bogus line\n").unwrap_err();
        assert!(error.contains("line 2"), "{error}");
        let error = parse_table("assembly a\n  assembly b bs nowhere many - -\n").unwrap_err();
        assert!(error.contains("nowhere"), "{error}");
    }
}
