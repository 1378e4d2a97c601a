//! The criteria API over the demo criteria: search in Japanese and English, filters, pages,
//! one control, differences, and publishing a draft once.

use serde_json::Value;

use crate::world::world;

fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'.' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn versions_are_listed_with_their_counts() {
    let world = world().await;
    let public = world
        .call("public", "GET", "/api/v1/criteria", None)
        .await
        .json();
    let listed: Vec<&str> = public
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_str().unwrap())
        .collect();
    assert_eq!(listed, vec!["demo-2026"], "the public sees no draft");
    let staff = world
        .call("operator_reviewer", "GET", "/api/v1/criteria", None)
        .await
        .json();
    assert_eq!(staff.as_array().unwrap().len(), 2);
    let demo = &public[0];
    assert_eq!(demo["status"], "published");
    assert_eq!(demo["published_on"], "2026-04-01");
    let counts = &demo["counts"];
    assert!(counts["controls"].as_u64().unwrap() >= 250);
    assert_eq!(counts["objectives"], 121);
    let by_level: Vec<u64> = ["1", "2", "3"]
        .iter()
        .map(|l| counts["by_level"][l].as_u64().unwrap())
        .collect();
    assert!(by_level[0] < by_level[1] && by_level[1] < by_level[2]);
    assert_eq!(by_level[2], counts["controls"].as_u64().unwrap());

    let tree = world
        .call("public", "GET", "/api/v1/criteria/demo-2026", None)
        .await
        .json();
    let groups = tree["groups"].as_array().unwrap();
    assert_eq!(groups[0]["part"], "governance");
    let backup = groups.iter().find(|g| g["id"] == "12.3.1").unwrap();
    assert!(backup["controls"].as_array().unwrap().len() >= 3);
    assert!(!backup["title"]["ja"].as_str().unwrap().is_empty());
    // The risk map travels with the version.
    let risks = tree["risks"].as_array().unwrap();
    assert_eq!(risks.len(), 21);
    assert_eq!(risks[0]["id"], "H01");
    assert_eq!(risks[0]["band"], "high");
    assert!(
        risks[0]["objectives"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o == "12.3.1"),
        "{}",
        risks[0]
    );
    assert!(!risks[20]["left_to"]["en"].as_str().unwrap().is_empty());
}

#[tokio::test]
async fn japanese_substrings_and_english_words_find_controls() {
    let world = world().await;
    for (query, must_contain) in [
        ("バックアップ", "12.3.1.1"),
        ("暗号", "10.1.1.1"),
        ("backup", "12.3.1.1"),
        ("Cryptography", "10.1.1.1"),
        ("encrypt", "13.2.1.1"),
    ] {
        let page = world
            .call(
                "public",
                "GET",
                &format!(
                    "/api/v1/criteria/demo-2026/controls?q={}&per_page=500",
                    encode(query)
                ),
                None,
            )
            .await
            .json();
        let found = ids(&page);
        assert!(
            found.contains(&must_contain.to_owned()),
            "{query}: {found:?}"
        );
        for item in page["items"].as_array().unwrap() {
            let detail = world
                .call(
                    "public",
                    "GET",
                    &format!(
                        "/api/v1/criteria/demo-2026/controls/{}",
                        item["id"].as_str().unwrap()
                    ),
                    None,
                )
                .await
                .json();
            let haystack = detail.to_string().to_lowercase();
            assert!(
                haystack.contains(&query.to_lowercase()),
                "{query} not in {}",
                item["id"]
            );
        }
    }
    let nothing = world
        .call(
            "public",
            "GET",
            &format!(
                "/api/v1/criteria/demo-2026/controls?q={}",
                encode("存在しない語句")
            ),
            None,
        )
        .await
        .json();
    assert_eq!(nothing["total"], 0);
}

#[tokio::test]
async fn filters_and_pages() {
    let world = world().await;
    let get = |uri: String| {
        let world = &world;
        async move { world.call("public", "GET", &uri, None).await.json() }
    };
    let all = get("/api/v1/criteria/demo-2026/controls?per_page=500".into()).await;
    let total = all["total"].as_u64().unwrap();
    let level_one = get("/api/v1/criteria/demo-2026/controls?level=1&per_page=500".into()).await;
    for item in level_one["items"].as_array().unwrap() {
        assert_eq!(item["min_level"], 1);
    }
    let level_two = get("/api/v1/criteria/demo-2026/controls?level=2&part=control".into()).await;
    assert!(level_two["total"].as_u64().unwrap() < total);
    let saas =
        get("/api/v1/criteria/demo-2026/controls?model=SaaS&mandatory=false&per_page=500".into())
            .await;
    for item in saas["items"].as_array().unwrap() {
        assert_eq!(item["mandatory"], false);
        assert!(
            item["service_models"]
                .as_array()
                .unwrap()
                .contains(&"SaaS".into())
        );
    }
    let management = get("/api/v1/criteria/demo-2026/controls?part=management".into()).await;
    assert!(management["total"].as_u64().unwrap() >= 20);
    let mapped = get("/api/v1/criteria/demo-2026/controls?ref=NIST:CP-9&per_page=500".into()).await;
    assert!(mapped["total"].as_u64().unwrap() >= 1);
    for item in mapped["items"].as_array().unwrap() {
        let detail = get(format!(
            "/api/v1/criteria/demo-2026/controls/{}",
            item["id"].as_str().unwrap()
        ))
        .await;
        let keys: Vec<&str> = detail["references"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["key"].as_str().unwrap())
            .collect();
        assert!(keys.contains(&"NIST:CP-9"), "{keys:?}");
    }
    // Pages cover everything once, in document order.
    let mut paged = Vec::new();
    for page in 1..=(total / 40 + 1) {
        let answer = get(format!(
            "/api/v1/criteria/demo-2026/controls?per_page=40&page={page}"
        ))
        .await;
        assert_eq!(answer["total"].as_u64().unwrap(), total);
        paged.extend(ids(&answer));
    }
    assert_eq!(paged, ids(&all));
    for bad in [
        "level=4",
        "model=DaaS",
        "part=other",
        "mandatory=maybe",
        "page=x",
    ] {
        let answer = world
            .call(
                "public",
                "GET",
                &format!("/api/v1/criteria/demo-2026/controls?{bad}"),
                None,
            )
            .await;
        assert_eq!(answer.status, 400, "{bad}");
        answer.error("bad_request");
    }
}

#[tokio::test]
async fn one_control_and_the_differences() {
    let world = world().await;
    let detail = world
        .call(
            "public",
            "GET",
            "/api/v1/criteria/demo-2026/controls/12.3.1.1",
            None,
        )
        .await
        .json();
    assert_eq!(detail["objective"], "12.3.1");
    assert_eq!(detail["group"]["id"], "12.3.1");
    let examples = detail["technology_examples"].as_array().unwrap();
    assert!(!examples.is_empty());
    assert!(detail.get("examples").is_none(), "the free text is gone");
    assert!(!detail["references"].as_array().unwrap().is_empty());
    let missing = world
        .call(
            "public",
            "GET",
            "/api/v1/criteria/demo-2026/controls/99.9.9.9",
            None,
        )
        .await;
    assert_eq!(missing.status, 404);

    let diff = world
        .call(
            "operator_admin",
            "GET",
            "/api/v1/criteria/demo-2026/diff/demo-2027",
            None,
        )
        .await
        .json();
    assert_eq!(
        diff["added"],
        serde_json::json!(["12.3.1.5", "CLD.12.4.5.5"])
    );
    assert_eq!(diff["removed"], serde_json::json!(["11.2.3.2"]));
    assert_eq!(
        diff["changed"],
        serde_json::json!([
            {"id": "M.3.5", "attributes": ["level"]},
            {"id": "9.4.2.2", "attributes": ["technology_examples"]},
            {"id": "9.4.2.3", "attributes": ["level"]},
            {"id": "12.3.1.4", "attributes": ["text"]},
        ])
    );
    assert_eq!(diff["newly_required"]["1"], serde_json::json!(["9.4.2.3"]));
}

#[tokio::test]
async fn a_draft_is_published_once_and_then_public() {
    let world = world().await;
    let published = world
        .call(
            "operator_admin",
            "POST",
            "/api/v1/criteria/demo-2027/publish",
            None,
        )
        .await;
    assert_eq!(
        published.status,
        200,
        "{}",
        String::from_utf8_lossy(&published.body)
    );
    let summary = published.json();
    assert_eq!(summary["status"], "published");
    assert_eq!(summary["published_on"].as_str().unwrap().len(), 10);
    let now_public = world
        .call(
            "public",
            "GET",
            "/api/v1/criteria/demo-2027/controls/12.3.1.5",
            None,
        )
        .await;
    assert_eq!(now_public.status, 200);
    let again = world
        .call(
            "operator_admin",
            "POST",
            "/api/v1/criteria/demo-2027/publish",
            None,
        )
        .await;
    assert_eq!(again.status, 409);
    again.error("conflict");
    let events = world
        .call("public", "GET", "/api/v1/log/events?limit=1000", None)
        .await
        .json();
    assert!(
        events["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "criteria.publish" && e["subject"] == "demo-2027")
    );
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn demo_as(version: &str) -> shinrai_domain::criteria::CriteriaVersion {
    let mut demo = shinrai_domain::criteria::demo::demo_criteria().unwrap();
    demo.version = version.to_owned();
    demo.status = shinrai_domain::criteria::Status::Draft;
    demo.published_on = None;
    demo
}

#[tokio::test]
async fn operators_import_tables_and_catalogs_all_or_nothing() {
    use shinrai_formats::{oscal_criteria, table};
    let world = world().await;

    let mut csv = Vec::new();
    table::write_csv(&demo_as("from-csv"), &mut csv).unwrap();
    for role in ["public", "operator_reviewer", "provider", "procurer"] {
        let refused = world
            .upload(role, "/api/v1/criteria", "text/csv", csv.clone())
            .await;
        assert!(
            matches!(refused.status.as_u16(), 401 | 403),
            "{role}: {}",
            refused.status
        );
    }
    let imported = world
        .upload(
            "operator_admin",
            "/api/v1/criteria",
            "text/csv",
            csv.clone(),
        )
        .await;
    assert_eq!(
        imported.status,
        201,
        "{}",
        String::from_utf8_lossy(&imported.body)
    );
    let body = imported.json();
    assert_eq!(body["version"], "from-csv");
    assert_eq!(body["status"], "draft");
    assert_eq!(body["consistency_problems"], 0);
    assert_eq!(
        world.store.criteria("from-csv").await.unwrap().unwrap(),
        demo_as("from-csv")
    );
    let twice = world
        .upload("operator_admin", "/api/v1/criteria", "text/csv", csv)
        .await;
    assert_eq!(twice.status, 409);

    let xlsx = table::write_xlsx(&demo_as("from-xlsx")).unwrap();
    let imported = world
        .upload(
            "operator_admin",
            "/api/v1/criteria?version=renamed",
            XLSX,
            xlsx,
        )
        .await;
    assert_eq!(
        imported.status,
        201,
        "{}",
        String::from_utf8_lossy(&imported.body)
    );
    assert_eq!(
        world.store.criteria("renamed").await.unwrap().unwrap(),
        demo_as("renamed")
    );

    let exported = oscal_criteria::export_catalog(&demo_as("from-oscal"));
    let catalog = exported.files().unwrap().remove(0).1.into_bytes();
    let imported = world
        .upload(
            "operator_admin",
            "/api/v1/criteria?version=from-oscal",
            "application/json",
            catalog,
        )
        .await;
    assert_eq!(
        imported.status,
        201,
        "{}",
        String::from_utf8_lossy(&imported.body)
    );
    assert_eq!(
        world.store.criteria("from-oscal").await.unwrap().unwrap(),
        demo_as("from-oscal")
    );

    // A broken row: the error names its place, and nothing is stored.
    let before = world.store.criteria_list().await.unwrap().len();
    let mut broken = Vec::new();
    let mut version = demo_as("broken");
    version.controls[3].text.ja.clear();
    table::write_csv(&version, &mut broken).unwrap();
    let refused = world
        .upload("operator_admin", "/api/v1/criteria", "text/csv", broken)
        .await;
    assert_eq!(refused.status, 422);
    refused.error("invalid_input");
    let message = refused.json()["error"]["messages"]["en"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        message.contains("row") && message.contains("text_ja"),
        "{message}"
    );
    assert_eq!(world.store.criteria_list().await.unwrap().len(), before);

    let wrong_type = world
        .upload(
            "operator_admin",
            "/api/v1/criteria",
            "text/plain",
            b"x".to_vec(),
        )
        .await;
    assert_eq!(wrong_type.status, 415);
    let not_json = world
        .upload(
            "operator_admin",
            "/api/v1/criteria?version=x",
            "application/json",
            b"{".to_vec(),
        )
        .await;
    assert_eq!(not_json.status, 422);
    assert!(
        !String::from_utf8_lossy(&not_json.body)
            .contains(&std::env::temp_dir().display().to_string()),
        "the temporary folder shows"
    );
    let bad_id = world
        .upload(
            "operator_admin",
            "/api/v1/criteria?version=a%20b",
            "text/csv",
            Vec::new(),
        )
        .await;
    assert!(bad_id.status.is_client_error());
}

#[tokio::test]
async fn a_workbook_declaring_the_whole_grid_is_refused_in_the_error_shape() {
    // The security review's 1.5 KB file made the server grow to 10 GB; now it is refused before
    // any cell is read.
    let world = world().await;
    let before = world.store.criteria_list().await.unwrap().len();
    let refused = world
        .upload(
            "operator_admin",
            "/api/v1/criteria",
            XLSX,
            shinrai_testdata::xlsx::whole_grid("criteria"),
        )
        .await;
    assert_eq!(refused.status, 422);
    let error = refused.error("invalid_input");
    assert_eq!(error["detail_code"], "unreadable_criteria", "{error}");
    assert_eq!(
        error["messages"]["en"],
        "upload.xlsx: sheet criteria: declares A1:XFD1048576 (17,179,869,184 cells), more than the 1,000,000 allowed"
    );
    assert!(
        error["messages"]["ja"]
            .as_str()
            .unwrap()
            .contains("上限の 1,000,000 セルを超えています"),
        "{error}"
    );
    assert_eq!(world.store.criteria_list().await.unwrap().len(), before);
}

#[tokio::test]
async fn the_nist_catalog_uploads_in_one_request() {
    let data = crate::support::oscal_data();
    let catalog = std::fs::read(data.join("NIST_SP-800-53_rev5_catalog.json")).unwrap();
    assert!(catalog.len() > 5 * 1024 * 1024);
    let world = world().await;
    let imported = world
        .upload(
            "operator_admin",
            "/api/v1/criteria?version=nist-r5",
            "application/json",
            catalog,
        )
        .await;
    assert_eq!(
        imported.status,
        201,
        "{}",
        String::from_utf8_lossy(&imported.body)
    );
    let found = world
        .call(
            "operator_admin",
            "GET",
            "/api/v1/criteria/nist-r5/controls?ref=NIST:AC-2",
            None,
        )
        .await
        .json();
    assert!(found["total"].as_u64().unwrap() >= 1, "{found}");
}

fn multipart(boundary: &str, fields: &[(&str, Option<&str>, Vec<u8>)]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, file_name, bytes) in fields {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match file_name {
            Some(file) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/json\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    body
}

#[tokio::test]
async fn a_catalog_with_level_profiles_uploads_as_a_form() {
    let data = crate::support::oscal_data();
    let read = |name: &str| std::fs::read(data.join(name)).unwrap();
    let catalog = "NIST_SP-800-53_rev5_catalog.json";
    let levels = ["LOW", "MODERATE", "HIGH"]
        .map(|level| format!("NIST_SP-800-53_rev5_{level}-baseline_profile.json"));
    let boundary = "shinrai-test-boundary";
    let media_type = format!("multipart/form-data; boundary={boundary}");
    let world = world().await;

    let body = multipart(
        boundary,
        &[
            ("version", None, b"nist-levels".to_vec()),
            ("catalog", Some(catalog), read(catalog)),
            ("level_1", Some(&levels[0]), read(&levels[0])),
            ("level_2", Some(&levels[1]), read(&levels[1])),
            ("level_3", Some(&levels[2]), read(&levels[2])),
        ],
    );
    let imported = world
        .upload("operator_admin", "/api/v1/criteria", &media_type, body)
        .await;
    assert_eq!(
        imported.status,
        201,
        "{}",
        String::from_utf8_lossy(&imported.body)
    );
    let answer = imported.json();
    assert_eq!(answer["version"], "nist-levels");
    assert_eq!(
        answer["counts"]["by_level"],
        serde_json::json!({"1": 149, "2": 287, "3": 370})
    );
    assert!(!answer["notes"].as_array().unwrap().is_empty());

    // A gap in the levels, a missing catalog, an unknown field: refused, nothing stored.
    let before = world.store.criteria_list().await.unwrap().len();
    for fields in [
        vec![
            ("catalog", Some(catalog), read(catalog)),
            ("level_2", Some(levels[1].as_str()), read(&levels[1])),
        ],
        vec![("level_1", Some(levels[0].as_str()), read(&levels[0]))],
        vec![
            ("catalog", Some(catalog), read(catalog)),
            ("extra", None, b"x".to_vec()),
        ],
        vec![("catalog", Some("profile.json"), read(&levels[0]))],
    ] {
        let refused = world
            .upload(
                "operator_admin",
                "/api/v1/criteria?version=refused",
                &media_type,
                multipart(boundary, &fields),
            )
            .await;
        assert_eq!(
            refused.status,
            422,
            "{}",
            String::from_utf8_lossy(&refused.body)
        );
        assert!(!String::from_utf8_lossy(&refused.body).contains("shinrai-upload-"));
    }
    assert_eq!(world.store.criteria_list().await.unwrap().len(), before);
}

/// The shape statements rely on: `technology_examples` as `[{"id", "name": {"ja", "en"}}]` in
/// the list and the detail, and items with their level and service models.
#[tokio::test]
async fn controls_and_items_carry_examples_levels_and_models() {
    let world = world().await;
    let demo = shinrai_domain::criteria::demo::demo_criteria().unwrap();
    let page = world
        .call(
            "public",
            "GET",
            "/api/v1/criteria/demo-2026/controls?q=9.4.2.2",
            None,
        )
        .await
        .json();
    let listed = &page["items"][0];
    assert_eq!(listed["id"], "9.4.2.2");
    let expected: Vec<Value> = demo
        .control("9.4.2.2")
        .unwrap()
        .technology_examples
        .iter()
        .map(|e| serde_json::json!({"id": e.id, "name": {"ja": e.name.ja, "en": e.name.en}}))
        .collect();
    assert_eq!(
        listed["technology_examples"],
        Value::Array(expected.clone())
    );
    let detail = world
        .call(
            "public",
            "GET",
            "/api/v1/criteria/demo-2026/controls/9.4.2.2",
            None,
        )
        .await
        .json();
    assert_eq!(detail["technology_examples"], Value::Array(expected));
    assert!(
        detail["technology_examples"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["id"] == "fido2")
    );

    // Items: filtered by level and model like controls, and carrying both.
    let saas_items = world
        .call(
            "public",
            "GET",
            "/api/v1/criteria/demo-2026/controls?part=governance&level=3&model=SaaS&per_page=500",
            None,
        )
        .await
        .json();
    assert!(ids(&saas_items).contains(&"G.2.5".to_owned()));
    let iaas_items = world
        .call(
            "public",
            "GET",
            "/api/v1/criteria/demo-2026/controls?part=governance&level=3&model=IaaS&per_page=500",
            None,
        )
        .await
        .json();
    assert!(!ids(&iaas_items).contains(&"G.2.5".to_owned()));
    let item = world
        .call(
            "public",
            "GET",
            "/api/v1/criteria/demo-2026/controls/G.2.5",
            None,
        )
        .await
        .json();
    assert_eq!(item["part"], "governance");
    assert_eq!(item["min_level"], 3);
    assert_eq!(item["service_models"], serde_json::json!(["SaaS"]));
    assert_eq!(item["technology_examples"][1]["id"], "pia");
    let level_two = world
        .call(
            "public",
            "GET",
            "/api/v1/criteria/demo-2026/controls?part=governance&level=2&model=SaaS&per_page=500",
            None,
        )
        .await
        .json();
    assert!(!ids(&level_two).contains(&"G.2.5".to_owned()));
}
