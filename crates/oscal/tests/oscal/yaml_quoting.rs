//! YAML output read by YAML 1.1 and 1.2 readers alike: every string that either version would
//! type as a boolean, null, number, timestamp or merge key is quoted, and any string round-trips.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::LazyLock;

use proptest::prelude::*;
use regex::Regex;
use serde_json::{Value, json};
use shinrai_oscal::Format;
use shinrai_oscal::output::to_text;
use shinrai_oscal::source::{Source, parse_value};

use crate::support::{data, read_json};

/// The implicit types of the YAML 1.1 type repository (bool, null, int, float, timestamp, merge,
/// value) and of the YAML 1.2 core schema, each as its specification writes it. Written apart
/// from shinrai's own rules so that this test checks them rather than repeats them.
static TYPED_BY_A_READER: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // YAML 1.1
        r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$",
        r"^(?:~|null|Null|NULL|)$",
        r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$",
        r"^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        // PyYAML's float also lets underscores follow the point.
        r"^[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?$",
        r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$",
        r"^(?:<<|=)$",
        // YAML 1.2 core
        r"^(?:true|True|TRUE|false|False|FALSE)$",
        r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
    ]
    .iter()
    .map(|pattern| Regex::new(pattern).unwrap())
    .collect()
});

fn typed_by_a_reader(text: &str) -> bool {
    TYPED_BY_A_READER
        .iter()
        .any(|pattern| pattern.is_match(text))
}

fn yaml_of(value: &Value) -> String {
    to_text(value, Format::Yaml, "out.yaml").unwrap()
}

fn read_yaml(text: &str) -> Value {
    parse_value(&Source::from_text("in.yaml", Format::Yaml, text.to_owned())).unwrap()
}

/// Strings near YAML's typed forms, and any string at all.
fn yaml_prone_string() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "y",
        "n",
        "yes",
        "no",
        "on",
        "off",
        "true",
        "false",
        "null",
        "~",
        "<<",
        "=",
        ".inf",
        "-.inf",
        ".nan",
        "0x1F",
        "0o17",
        "0b101",
        "012",
        "1_000",
        "1:20",
        "190:20:30.15",
        "2024-01-01",
        "2001-12-14t21:59:43.10-05:00",
        "1.0",
        "1e3",
        "-",
        "?",
        ":",
        "#",
        "- x",
        "a: b",
        "a #b",
        "...",
        "---",
        "%YAML",
        "@x",
        "!tag",
        "&anchor",
        "*alias",
        "|",
        ">",
    ])
    .prop_flat_map(|word| {
        // The same word in any mix of cases.
        prop::collection::vec(any::<bool>(), word.len()).prop_map(move |upper| {
            word.chars()
                .zip(upper)
                .map(|(c, up)| if up { c.to_ascii_uppercase() } else { c })
                .collect::<String>()
        })
    });
    prop_oneof![
        words,
        "[-+.]?[0-9][0-9_.:eExXoObB+-]{0,10}",
        "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,3})?( ?Z| ?[-+][0-9]{1,2}(:[0-9]{2})?)?)?",
        "[ -~\n\t\r]{0,16}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        // No regression files: this test must not write into the source tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_string_round_trips_and_typed_looking_ones_are_quoted(text in yaml_prone_string()) {
        let document = json!({"v": text, "l": [text, {"k": text}], "m": {text.clone(): 1}});
        let yaml = yaml_of(&document);
        prop_assert_eq!(read_yaml(&yaml), document, "{}", yaml);
        // The first line is `v: ` and the value: written plain, it is the text itself.
        let written = yaml.lines().next().unwrap_or_default().strip_prefix("v: ");
        if written == Some(text.as_str()) {
            prop_assert!(!typed_by_a_reader(&text), "{:?} left plain:\n{}", text, yaml);
        }
    }
}

#[test]
fn the_reference_patterns_know_yaml_11s_types() {
    for typed in [
        "yes",
        "Off",
        "y",
        "012",
        "1_000",
        "1:20",
        "2024-01-01",
        "1.0.4",
        "<<",
        "1e3",
    ] {
        assert!(typed_by_a_reader(typed), "{typed}");
    }
    for plain in ["yess", "ac-1", "v1", "2024-01", "1-2"] {
        assert!(!typed_by_a_reader(plain), "{plain}");
    }
}

#[test]
fn dates_booleans_and_numbers_as_strings_are_quoted() {
    let document = json!({"catalog": {"metadata": {"version": "1.0", "remarks": "yes",
        "last-modified": "2024-01-01T00:00:00Z", "published": "2024-01-01", "props": [
        {"name": "on", "value": "012"}, {"name": "n", "value": "1_000"}, {"name": "<<", "value": "1:20"}]}}});
    let yaml = yaml_of(&document);
    for quoted in [
        "version: \"1.0\"",
        "remarks: \"yes\"",
        "last-modified: \"2024-01-01T00:00:00Z\"",
        "published: \"2024-01-01\"",
        "- name: \"on\"",
        "value: \"012\"",
        "- name: \"n\"",
        "value: \"1_000\"",
        "- name: \"<<\"",
        "value: \"1:20\"",
    ] {
        assert!(yaml.contains(quoted), "{quoted} missing in:\n{yaml}");
    }
    assert_eq!(read_yaml(&yaml), document);
}

/// The Python with PyYAML: `$SHINRAI_TEST_PYTHON`, else the tools virtualenv
/// (`scripts/tools-venv.sh`), else `python3`; `None` when none of them has PyYAML.
fn python_with_pyyaml() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("SHINRAI_TEST_PYTHON").map(PathBuf::from),
        Some(PathBuf::from("/root/.cache/shinrai-venv/bin/python")),
        Some(PathBuf::from("python3")),
    ];
    candidates.into_iter().flatten().find(|python| {
        Command::new(python)
            .args(["-c", "import yaml"])
            .output()
            .is_ok_and(|out| out.status.success())
    })
}

/// Reads YAML with PyYAML's YAML 1.1 loader and gives it back as JSON; what JSON cannot hold (a
/// date, say) comes back as a tagged string, so the comparison shows it.
const PYYAML_TO_JSON: &str = r#"
import json, sys, yaml
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
data = yaml.load(sys.stdin.buffer, Loader=loader)
json.dump(data, sys.stdout, default=lambda o: "<%s %s>" % (type(o).__name__, o))
"#;

fn through_pyyaml(python: &PathBuf, yaml: &str) -> Value {
    let mut child = Command::new(python)
        .args(["-c", PYYAML_TO_JSON])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let text = yaml.to_owned();
    // Written from another thread so that a full output pipe cannot block the writer.
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "PyYAML failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn pyyaml_reads_the_sp_800_53_catalog_and_tricky_strings_as_written() {
    let Some(python) = python_with_pyyaml() else {
        eprintln!(
            "skipped: no Python with PyYAML (set SHINRAI_TEST_PYTHON or run scripts/tools-venv.sh)"
        );
        return;
    };
    let catalog = read_json(&data("NIST_SP-800-53_rev5_catalog.json"));
    let back = through_pyyaml(&python, &yaml_of(&catalog));
    assert!(back == catalog, "PyYAML read the catalog differently");

    let tricky: Vec<&str> = vec![
        "yes",
        "No",
        "ON",
        "off",
        "y",
        "N",
        "true",
        "~",
        "null",
        "",
        "012",
        "0o17",
        "0x1F",
        "0b11",
        "1_000",
        "1:20",
        "-1:20:30.5",
        "1.0",
        "1.0.4",
        "1e3",
        ".inf",
        "-.INF",
        ".NaN",
        "2024-01-01",
        "2024-1-1 1:02:03",
        "2001-12-14t21:59:43.10-05:00",
        "<<",
        "=",
        "- item",
        "a: b",
        "a #b",
        "#c",
        "...",
        "---",
        " lead",
        "trail ",
        "tab\tin",
        "line\nbreak",
        "two\n\nbreaks\n\n",
        "\u{85}nel",
        "\u{2028}",
        "crlf\r\n",
        "quote\"s",
        "back\\slash",
        "日本語",
        "ac-1_prm_1",
    ];
    let document = json!({"values": tricky, "keys": tricky.iter().map(|t| (t.to_string(), json!(1))).collect::<serde_json::Map<_, _>>()});
    let back = through_pyyaml(&python, &yaml_of(&document));
    assert_eq!(back, document);
}
