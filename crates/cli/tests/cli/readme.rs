//! The examples in README.md are real: each `console` block is run and must print exactly what
//! the README shows.

use crate::support::{repo_root, shinrai};

struct Example {
    args: Vec<String>,
    output: String,
}

fn examples(markdown: &str) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```console" {
            continue;
        }
        let command = lines.next().expect("a command line after ```console");
        let args = command
            .strip_prefix("$ shinrai ")
            .unwrap_or_else(|| panic!("console blocks start with `$ shinrai`: {command}"))
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let mut output = String::new();
        for body in lines.by_ref() {
            if body.trim() == "```" {
                break;
            }
            output.push_str(body);
            output.push('\n');
        }
        examples.push(Example { args, output });
    }
    examples
}

#[test]
fn readme_examples_print_what_the_readme_shows() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).expect("README.md");
    let examples = examples(&readme);
    assert!(examples.len() >= 8, "one example per decide kind at least");
    for kind in [
        "classification",
        "registration",
        "cascade",
        "sample",
        "availability",
        "precheck",
        "selection",
        "lifecycle",
    ] {
        assert!(
            examples
                .iter()
                .any(|e| e.args.get(1).is_some_and(|k| k == kind)),
            "README shows {kind}"
        );
    }
    for example in examples {
        let args: Vec<&str> = example.args.iter().map(String::as_str).collect();
        let run = shinrai(&args);
        let printed = format!("{}{}", run.stdout, run.stderr);
        assert_eq!(printed, example.output, "shinrai {}", args.join(" "));
    }
}
