//! Up to four candidates side by side for a procurer's system, over the API and exported as XLSX
//! and PDF in both languages: the same rows in each, the answers kept per candidate among them;
//! none or too many refused, the system its organisation's own.

use std::io::Read;

use serde_json::{Value, json};

use super::engagement::pdf_text;
use super::flow::{call, ok, refused, text};
use crate::world::workflow_world;

/// Every text of an XLSX workbook's shared strings, unescaped enough to search.
fn xlsx_strings(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut xml = String::new();
    archive
        .by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml.replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
}

#[tokio::test]
async fn a_procurer_compares_candidates_and_exports_them_in_both_languages() {
    let world = workflow_world().await;
    let w = &world;
    let body = json!({
        "name": text("文書管理", "Records"),
        "function": text("管理・支援", "Administration"),
        "information": [{"name": text("公文書", "public records"), "confidentiality": 2}],
        "availability": 3,
    });
    let created = ok(w, "procurer", "POST", "/api/v1/systems", Some(body)).await;
    let id = created["id"].as_str().unwrap().to_owned();
    ok(
        w,
        "procurer",
        "PUT",
        &format!("/api/v1/systems/{id}/answers/C25-0001"),
        Some(json!({"answers": [{"item": "S05", "answer": "no", "note": "API は有償オプション"}]})),
    )
    .await;
    let uri = format!("/api/v1/systems/{id}/comparison");
    let services = "C24-0006,C25-0001,C25-0002";

    let view = ok(
        w,
        "procurer",
        "GET",
        &format!("{uri}?services={services}"),
        None,
    )
    .await;
    let ids: Vec<&str> = view["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|one| one["entry"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["C24-0006", "C25-0001", "C25-0002"]);
    assert_eq!(view["class"], "C2-I-A3");
    assert_eq!(view["risks"].as_array().unwrap().len(), 21);
    // C25-0002 is suspended: compared, but not eligible.
    let eligible: Vec<&Value> = view["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|one| &one["eligible"])
        .collect();
    assert_eq!(eligible, [&json!(true), &json!(true), &json!(false)]);
    let answered = &view["services"][1]["coverage"]["checklists"]["sla"];
    assert_eq!(answered["no"], 1);
    for one in view["services"].as_array().unwrap() {
        assert_eq!(one["coverage"]["risks"].as_array().unwrap().len(), 21);
    }

    // The exports carry the same rows, in the language asked for.
    for (lang, words) in [
        (
            "ja",
            [
                "候補サービスの比較",
                "リスクごとの担保",
                "API は有償オプション",
                "満たさない",
            ],
        ),
        (
            "en",
            [
                "Comparison of candidate services",
                "Coverage per risk",
                "API は有償オプション",
                "Not met",
            ],
        ),
    ] {
        let sheet = call(
            w,
            "procurer",
            "GET",
            &format!("{uri}/xlsx?services={services}&lang={lang}"),
            None,
        )
        .await;
        assert_eq!(sheet.status.as_u16(), 200);
        assert!(
            sheet.headers["content-disposition"]
                .to_str()
                .unwrap()
                .contains(&format!("comparison-{id}-{lang}.xlsx"))
        );
        let strings = xlsx_strings(&sheet.body);
        for word in words.iter().chain(&["C24-0006", "C25-0002"]) {
            assert!(strings.contains(word), "{lang} xlsx lacks {word}");
        }
        let pdf = call(
            w,
            "procurer",
            "GET",
            &format!("{uri}/pdf?services={services}&lang={lang}"),
            None,
        )
        .await;
        assert_eq!(pdf.status.as_u16(), 200);
        assert_eq!(pdf.headers["content-type"], "application/pdf");
        let printed = pdf_text(&pdf.body);
        let flat: String = printed.split_whitespace().collect();
        for word in words.iter().chain(&["C24-0006", "C25-0002"]) {
            let word: String = word.split_whitespace().collect();
            assert!(flat.contains(&word), "{lang} pdf lacks {word}: {printed}");
        }
    }

    // None, too many, unknown, someone else's.
    for bad in ["", ",", "C24-0006,C25-0001,C25-0002,C24-0007,C24-0001"] {
        let answer = call(w, "procurer", "GET", &format!("{uri}?services={bad}"), None).await;
        assert_eq!(answer.status.as_u16(), 400, "{bad}");
    }
    // The same service twice counts once.
    let twice = ok(
        w,
        "procurer",
        "GET",
        &format!("{uri}?services=C24-0006,C24-0006"),
        None,
    )
    .await;
    assert_eq!(twice["services"].as_array().unwrap().len(), 1);
    refused(
        w,
        "procurer",
        "GET",
        &format!("{uri}?services=C99-9999"),
        None,
        404,
    )
    .await;
    for role in ["provider", "operator_admin"] {
        for tail in ["", "/xlsx", "/pdf"] {
            refused(
                w,
                role,
                "GET",
                &format!("{uri}{tail}?services=C24-0006"),
                None,
                404,
            )
            .await;
        }
    }
}
