//! The user docs name every finding and problem code, in both languages.

use shinrai_domain::case::Problem;
use shinrai_domain::precheck::FindingCode as PrecheckCode;
use shinrai_domain::registration::FindingCode;
use shinrai_domain::selection::FindingCode as SelectionCode;

fn doc(name: &str) -> String {
    std::fs::read_to_string(crate::support::cases_dir().join("../../docs").join(name))
        .unwrap_or_else(|_| panic!("docs/{name}"))
}

#[test]
fn the_decide_docs_name_every_code() {
    for name in ["decide.md", "decide.ja.md"] {
        let text = doc(name);
        for code in FindingCode::ALL {
            assert!(
                text.contains(&format!("`{}`", code.as_str())),
                "{name} lacks {}",
                code.as_str()
            );
        }
        for code in PrecheckCode::ALL {
            assert!(
                text.contains(&format!("`{}`", code.as_str())),
                "{name} lacks {}",
                code.as_str()
            );
        }
        for code in SelectionCode::ALL {
            assert!(
                text.contains(&format!("`{}`", code.as_str())),
                "{name} lacks {}",
                code.as_str()
            );
        }
        for code in Problem::CODES {
            assert!(text.contains(&format!("`{code}`")), "{name} lacks {code}");
        }
        for kind in shinrai_domain::DecisionKind::ALL {
            assert!(
                text.contains(&format!("## {}", kind.name())),
                "{name} lacks a {} section",
                kind.name()
            );
        }
    }
}
