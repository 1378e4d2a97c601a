//! A catalog reduced to what profile resolution decides, to compare a resolved catalog with an
//! expected one. Both sides are read as plain XML elements (`shinrai_oscal::xml::tree`): NIST's
//! and FedRAMP's expected files as published, shinrai's result as its own XML writer writes it.
//!
//! Compared: the loose parameters; the groups and controls, in order and nesting, each with its
//! id, class, title, parameters, properties, links and parts; parts with their name, id, ns,
//! class, title, properties, links, prose and sub-parts; parameters with their id, class, label,
//! usage, values or choice, constraints, guidelines, properties and links; the uuids of the
//! back-matter resources, in order.
//!
//! Ignored, because two correct resolutions legitimately differ there:
//! - the catalog's uuid: each resolution makes its own (`req-meta-uuid`);
//! - all of the metadata: `last-modified` is the time of resolution (`req-meta-last-modified`),
//!   `oscal-version` is computed (NIST's files say "TODO: Not implemented yet"), the
//!   `resolution-tool` value names the tool, and the source profile is named by a path that
//!   depends on where the profile was resolved (NIST's point into their authors' disks). What the
//!   specification requires of shinrai's metadata is checked on its own;
//! - whitespace in titles and prose, removed before comparing: writers differ in whitespace, which
//!   the specification treats as insignificant ("Comments in result documents"), and until the
//!   prose-markup module lands prose goes through a stub that loses the spacing between
//!   paragraphs;
//! - inline markup in prose (`insert`, `a`, `em`, ...): only its text is compared, since the stub
//!   drops the elements; whether an inserted parameter came through shows in the loose parameters.
//!   Likewise Markdown that the stub writes into XML as text (a catalog converted from JSON keeps
//!   `{{ insert: param, … }}` and `[text](#…)` literally) is read as the text it shows;
//! - what back-matter resources hold: their uuids decide what resolution kept;
//! - XML comments and the order of attributes (the tree reader drops comments; attributes are
//!   read by name).

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use shinrai_oscal::xml::tree::{self, Element, Node};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    /// Parameters directly under the catalog.
    pub params: Vec<Param>,
    /// Groups and controls directly under the catalog, in order.
    pub members: Vec<Member>,
    /// The uuids of the back-matter resources, in order.
    pub resources: Vec<String>,
}

/// A group or a control.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub kind: &'static str,
    pub id: Option<String>,
    pub class: Option<String>,
    pub title: String,
    pub params: Vec<Param>,
    pub props: Vec<Prop>,
    pub links: Vec<Link>,
    pub parts: Vec<Part>,
    /// Subgroups and controls in document order.
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    pub id: String,
    pub class: Option<String>,
    pub label: Option<String>,
    pub usage: Option<String>,
    pub values: Vec<String>,
    pub select: Option<Select>,
    pub constraints: Vec<String>,
    pub guidelines: Vec<String>,
    pub props: Vec<Prop>,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Select {
    pub how_many: Option<String>,
    pub choices: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prop {
    pub name: String,
    pub value: String,
    pub ns: Option<String>,
    pub class: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    pub rel: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub id: Option<String>,
    pub ns: Option<String>,
    pub class: Option<String>,
    pub title: Option<String>,
    pub props: Vec<Prop>,
    pub links: Vec<Link>,
    /// The text of its prose, whitespace removed.
    pub prose: String,
    pub parts: Vec<Part>,
}

impl Outline {
    /// The outline of the catalog in an XML file.
    pub fn read(path: &Path) -> Outline {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Outline::of_xml(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The outline of a catalog written as XML.
    pub fn of_xml(text: &str) -> Result<Outline, String> {
        let root = tree::parse(text).map_err(|error| error.why.en)?;
        if root.name != "catalog" {
            return Err(format!("<{}> is not a catalog", root.name));
        }
        Ok(Outline::of_catalog(&root))
    }

    fn of_catalog(catalog: &Element) -> Outline {
        Outline {
            params: named(catalog, "param").map(Param::of).collect(),
            members: members_of(catalog),
            resources: named(catalog, "back-matter")
                .flat_map(|matter| named(matter, "resource"))
                .map(|resource| attribute(resource, "uuid").unwrap_or_default())
                .collect(),
        }
    }

    /// Every control, depth first, parents before their children.
    pub fn controls(&self) -> Vec<&Member> {
        fn walk<'a>(members: &'a [Member], into: &mut Vec<&'a Member>) {
            for member in members {
                if member.kind == "control" {
                    into.push(member);
                }
                walk(&member.members, into);
            }
        }
        let mut found = Vec::new();
        walk(&self.members, &mut found);
        found
    }

    /// The ids of every control, depth first.
    pub fn control_ids(&self) -> Vec<String> {
        self.controls()
            .iter()
            .map(|control| control.id.clone().unwrap_or_default())
            .collect()
    }

    /// One line per item, indented by nesting: the form comparisons are made in.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for param in &self.params {
            param.render(0, &mut lines);
        }
        for member in &self.members {
            member.render(0, &mut lines);
        }
        lines.extend(self.resources.iter().map(|uuid| format!("resource {uuid}")));
        lines
    }
}

impl Member {
    fn of(element: &Element) -> Member {
        Member {
            kind: if element.name == "group" {
                "group"
            } else {
                "control"
            },
            id: attribute(element, "id"),
            class: attribute(element, "class"),
            title: named(element, "title").map(loose_text).collect(),
            params: named(element, "param").map(Param::of).collect(),
            props: named(element, "prop").map(Prop::of).collect(),
            links: named(element, "link").map(Link::of).collect(),
            parts: named(element, "part").map(Part::of).collect(),
            members: members_of(element),
        }
    }

    fn render(&self, depth: usize, lines: &mut Vec<String>) {
        lines.push(format!(
            "{}{} {}{} \"{}\"",
            indent(depth),
            self.kind,
            self.id.as_deref().unwrap_or("(no id)"),
            optional(" class=", self.class.as_deref()),
            self.title
        ));
        for param in &self.params {
            param.render(depth + 1, lines);
        }
        render_props_and_links(&self.props, &self.links, depth + 1, lines);
        for part in &self.parts {
            part.render(depth + 1, lines);
        }
        for member in &self.members {
            member.render(depth + 1, lines);
        }
    }
}

impl Param {
    fn of(element: &Element) -> Param {
        Param {
            id: attribute(element, "id").unwrap_or_default(),
            class: attribute(element, "class"),
            label: named(element, "label").map(loose_text).next(),
            usage: named(element, "usage").map(loose_text).next(),
            values: named(element, "value")
                .map(|value| all_text(value).trim().to_owned())
                .collect(),
            select: named(element, "select").next().map(|select| Select {
                how_many: attribute(select, "how-many"),
                choices: named(select, "choice").map(loose_text).collect(),
            }),
            constraints: named(element, "constraint").map(loose_text).collect(),
            guidelines: named(element, "guideline").map(loose_text).collect(),
            props: named(element, "prop").map(Prop::of).collect(),
            links: named(element, "link").map(Link::of).collect(),
        }
    }

    /// The parameter on one line: what a setting decides.
    pub fn summary(&self) -> String {
        let select =
            self.select
                .as_ref()
                .map_or_else(String::new, |select| match &select.how_many {
                    Some(how_many) => format!(" select({how_many})={:?}", select.choices),
                    None => format!(" select={:?}", select.choices),
                });
        format!(
            "param {}{}{}{}{}{} constraints={:?} guidelines={:?}",
            self.id,
            optional(" class=", self.class.as_deref()),
            optional(" label=", self.label.as_deref()),
            optional(" usage=", self.usage.as_deref()),
            if self.values.is_empty() {
                String::new()
            } else {
                format!(" values={:?}", self.values)
            },
            select,
            self.constraints,
            self.guidelines
        )
    }

    fn render(&self, depth: usize, lines: &mut Vec<String>) {
        lines.push(format!("{}{}", indent(depth), self.summary()));
        render_props_and_links(&self.props, &self.links, depth + 1, lines);
    }
}

impl Prop {
    fn of(element: &Element) -> Prop {
        Prop {
            name: attribute(element, "name").unwrap_or_default(),
            value: attribute(element, "value").unwrap_or_default(),
            ns: attribute(element, "ns"),
            class: attribute(element, "class"),
        }
    }
}

impl Link {
    fn of(element: &Element) -> Link {
        Link {
            href: attribute(element, "href").unwrap_or_default(),
            rel: attribute(element, "rel"),
        }
    }
}

impl Part {
    fn of(element: &Element) -> Part {
        let structure = ["title", "prop", "link", "part"];
        Part {
            name: attribute(element, "name").unwrap_or_default(),
            id: attribute(element, "id"),
            ns: attribute(element, "ns"),
            class: attribute(element, "class"),
            title: named(element, "title").map(loose_text).next(),
            props: named(element, "prop").map(Prop::of).collect(),
            links: named(element, "link").map(Link::of).collect(),
            prose: element
                .elements()
                .filter(|child| !structure.contains(&child.name.as_str()))
                .map(loose_text)
                .collect(),
            parts: named(element, "part").map(Part::of).collect(),
        }
    }

    fn render(&self, depth: usize, lines: &mut Vec<String>) {
        lines.push(format!(
            "{}part {}{}{}{}{} : {}",
            indent(depth),
            self.name,
            optional("#", self.id.as_deref()),
            optional(" ns=", self.ns.as_deref()),
            optional(" class=", self.class.as_deref()),
            optional(" title=", self.title.as_deref()),
            self.prose
        ));
        render_props_and_links(&self.props, &self.links, depth + 1, lines);
        for part in &self.parts {
            part.render(depth + 1, lines);
        }
    }
}

fn render_props_and_links(props: &[Prop], links: &[Link], depth: usize, lines: &mut Vec<String>) {
    for prop in props {
        lines.push(format!(
            "{}prop {}={}{}{}",
            indent(depth),
            prop.name,
            prop.value,
            optional(" ns=", prop.ns.as_deref()),
            optional(" class=", prop.class.as_deref())
        ));
    }
    for link in links {
        lines.push(format!(
            "{}link {}{}",
            indent(depth),
            link.href,
            optional(" rel=", link.rel.as_deref())
        ));
    }
}

/// The groups and controls directly inside, in document order.
fn members_of(element: &Element) -> Vec<Member> {
    element
        .elements()
        .filter(|child| child.name == "group" || child.name == "control")
        .map(Member::of)
        .collect()
}

fn named<'a>(element: &'a Element, name: &'a str) -> impl Iterator<Item = &'a Element> {
    element.elements().filter(move |child| child.name == name)
}

fn attribute(element: &Element, name: &str) -> Option<String> {
    element.attribute(name).map(str::to_owned)
}

/// Every piece of text inside, at any depth, in order.
fn all_text(element: &Element) -> String {
    let mut text = String::new();
    fn walk(element: &Element, into: &mut String) {
        for node in &element.children {
            match node {
                Node::Text(piece) => into.push_str(piece),
                Node::Element(child) => walk(child, into),
            }
        }
    }
    walk(element, &mut text);
    text
}

/// The text inside with all whitespace removed, and Markdown's inline syntax for insertions and
/// links reduced to the text it shows: prose compared loosely (see the module comment).
pub fn loose_text(element: &Element) -> String {
    let text = all_text(element);
    let shown = MARKDOWN_LINK.replace_all(&text, "$1");
    let shown = MARKDOWN_INSERT.replace_all(&shown, "");
    shown.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `[text](target)`: as XML, `<a href="target">text</a>`, whose text is `text`.
static MARKDOWN_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").expect("pattern"));
/// `{{ insert: param, id }}`: as XML, an empty `<insert>` element.
static MARKDOWN_INSERT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{\s*insert:[^}]*\}\}").expect("pattern"));

fn optional(prefix: &str, value: Option<&str>) -> String {
    value.map_or_else(String::new, |value| format!("{prefix}{value}"))
}

fn indent(depth: usize) -> String {
    "  ".repeat(depth)
}
