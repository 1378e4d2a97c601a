#![allow(clippy::unwrap_used, clippy::print_stdout)]
fn main() {
    if std::env::args().nth(1).as_deref() == Some("twins") {
        for b in [
            "basic-catalog",
            "example-component-definition",
            "example-component",
            "ifa_assessment-plan-example",
            "ifa_assessment-results-example",
            "ifa_plan-of-action-and-milestones",
            "ifa_ssp-example",
            "oscal_leveraged-example_ssp",
            "oscal_leveraging-example_ssp",
            "ssp-example",
        ] {
            twin(
                &format!("/work/shared/data/oscal-xml/examples/{b}.xml"),
                &format!("tests/data/nist-examples/{b}.json"),
            );
        }
        return;
    }
    for path in std::env::args().skip(1) {
        let source =
            shinrai_oscal::source::read_source(std::path::Path::new(&path), Default::default())
                .unwrap();
        match shinrai_oscal::source::parse_value(&source) {
            Ok(v) => {
                let d = shinrai_oscal::source::document_from_value(&source, &v);
                println!(
                    "{path}: read ok; typed: {}",
                    d.map(|_| "ok".to_owned()).unwrap_or_else(|e| e.to_string())
                );
                match shinrai_oscal::output::to_text(&v, shinrai_oscal::Format::Xml, "x") {
                    Ok(x) => {
                        let again = shinrai_oscal::xml::xml_to_value(&x);
                        let a = again.unwrap();
                        println!("  rewritten; same json: {}", a == v);
                        if a != v {
                            diff(&v, &a, String::new());
                        }
                    }
                    Err(e) => println!("  write: {e}"),
                }
            }
            Err(e) => println!("{path}: {e}"),
        }
    }
}

fn diff(a: &serde_json::Value, b: &serde_json::Value, at: String) -> bool {
    use serde_json::Value::*;
    match (a, b) {
        (Object(x), Object(y)) => {
            for (k, v) in x {
                match y.get(k) {
                    Some(w) => {
                        if diff(v, w, format!("{at}/{k}")) {
                            return true;
                        }
                    }
                    None => {
                        println!("   missing {at}/{k}");
                        return true;
                    }
                }
            }
            for k in y.keys() {
                if !x.contains_key(k) {
                    println!("   extra {at}/{k}");
                    return true;
                }
            }
            false
        }
        (Array(x), Array(y)) => {
            if x.len() != y.len() {
                println!("   len {at}");
                return true;
            }
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                if diff(v, w, format!("{at}/{i}")) {
                    return true;
                }
            }
            false
        }
        _ => {
            if a != b {
                println!("   {at}: {a} vs {b}");
                true
            } else {
                false
            }
        }
    }
}
pub fn twin(xml: &str, json: &str) {
    let source =
        shinrai_oscal::source::read_source(std::path::Path::new(xml), Default::default()).unwrap();
    let v = shinrai_oscal::source::parse_value(&source).unwrap();
    let mut j: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    j.as_object_mut().unwrap().remove("$schema");
    println!("{xml}: twin equal {}", v == j);
    if v != j {
        diff_all(&j, &v, String::new());
    }
}
fn diff_all(a: &serde_json::Value, b: &serde_json::Value, at: String) {
    use serde_json::Value::*;
    match (a, b) {
        (Object(x), Object(y)) => {
            for (k, v) in x {
                match y.get(k) {
                    Some(w) => diff_all(v, w, format!("{at}/{k}")),
                    None => println!("   missing {at}/{k}"),
                }
            }
            for k in y.keys() {
                if !x.contains_key(k) {
                    println!("   extra {at}/{k}")
                }
            }
        }
        (Array(x), Array(y)) => {
            if x.len() != y.len() {
                println!("   len {at}")
            }
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                diff_all(v, w, format!("{at}/{i}"))
            }
        }
        (String(_), String(_)) => {}
        _ => {
            if a != b {
                println!("   {at}: {a} vs {b}")
            }
        }
    }
}
