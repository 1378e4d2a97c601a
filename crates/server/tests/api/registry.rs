//! The registry as open data: search by Japanese substrings and English words, filters, sort,
//! pages, and one entry with its dependencies, history and notices.

use serde_json::Value;

use crate::world::world;

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

fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_list_searches_filters_sorts_and_pages() {
    let world = world().await;
    let registry = shinrai_domain::registry::demo::demo_registry().unwrap();
    let get = |uri: String| {
        let world = &world;
        async move {
            let answer = world.call("public", "GET", &uri, None).await;
            assert_eq!(answer.status, 200, "{uri}");
            answer.json()
        }
    };
    let all = get("/api/v1/registry?per_page=200".into()).await;
    assert_eq!(
        usize::try_from(all["total"].as_u64().unwrap()).unwrap(),
        registry.entries.len()
    );
    let item = &all["items"][0];
    for key in [
        "id",
        "service_name",
        "provider",
        "level",
        "service_models",
        "deployment_models",
        "status",
        "registered_on",
        "valid_until",
        "audit_body",
    ] {
        assert!(!item[key].is_null(), "{key} in {item}");
    }
    // Newest registration first by default.
    let dates: Vec<&str> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["registered_on"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]));

    // A Japanese substring from the middle of a name.
    let entry = &registry.entries[3];
    let chars: Vec<char> = entry.service_name.ja.chars().collect();
    let piece: String = chars[1..chars.len().min(4)].iter().collect();
    let found = get(format!(
        "/api/v1/registry?q={}&per_page=200",
        encode(&piece)
    ))
    .await;
    assert!(ids(&found).contains(&entry.id), "{piece}");

    let level = entry.level.get();
    let filtered = get(format!("/api/v1/registry?level={level}&per_page=200")).await;
    assert!(
        filtered["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["level"] == level)
    );
    let saas = get("/api/v1/registry?model=SaaS&status=registered&per_page=200".into()).await;
    for item in saas["items"].as_array().unwrap() {
        assert!(
            item["service_models"]
                .as_array()
                .unwrap()
                .contains(&"SaaS".into())
        );
        assert_eq!(item["status"], "registered");
    }
    let by_provider = get(format!(
        "/api/v1/registry?provider={}&per_page=200",
        entry.provider
    ))
    .await;
    assert!(
        by_provider["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["provider"]["id"] == entry.provider.as_str())
    );

    let by_name = get("/api/v1/registry?sort=name&lang=en&per_page=200".into()).await;
    let names: Vec<&str> = by_name["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["service_name"]["en"].as_str().unwrap())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]));

    let mut paged = Vec::new();
    for page in 1..=5 {
        paged.extend(ids(&get(format!(
            "/api/v1/registry?per_page=7&page={page}"
        ))
        .await));
    }
    assert_eq!(paged, ids(&all));

    for bad in [
        "level=0",
        "model=DaaS",
        "status=gone",
        "deployment=moon",
        "sort=random",
        "lang=fr",
        "page=x",
    ] {
        let answer = world
            .call("public", "GET", &format!("/api/v1/registry?{bad}"), None)
            .await;
        assert_eq!(answer.status, 400, "{bad}");
        answer.error("bad_request");
    }
}

#[tokio::test]
async fn one_entry_with_its_dependencies_history_and_notices() {
    let world = world().await;
    let registry = shinrai_domain::registry::demo::demo_registry().unwrap();
    let built = registry
        .entries
        .iter()
        .find(|e| !e.built_on.is_empty())
        .unwrap();
    let answer = world
        .call(
            "public",
            "GET",
            &format!("/api/v1/registry/{}", built.id),
            None,
        )
        .await;
    assert_eq!(answer.status, 200);
    let view = answer.json();
    assert_eq!(view["id"], built.id.as_str());
    let below: Vec<&str> = view["built_on"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    for base in &built.built_on {
        assert!(below.contains(&base.as_str()));
    }
    let base = world
        .call(
            "public",
            "GET",
            &format!("/api/v1/registry/{}", built.built_on[0]),
            None,
        )
        .await
        .json();
    assert!(
        base["used_by"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == built.id.as_str())
    );
    assert!(!view["scopes"].as_array().unwrap().is_empty());
    assert_eq!(
        view["history"].as_array().unwrap().len(),
        built.history.len()
    );

    let with_notice = registry
        .entries
        .iter()
        .find(|e| !e.notices.is_empty())
        .unwrap();
    let view = world
        .call(
            "public",
            "GET",
            &format!("/api/v1/registry/{}", with_notice.id),
            None,
        )
        .await
        .json();
    assert_eq!(
        view["notices"].as_array().unwrap().len(),
        with_notice.notices.len()
    );

    let missing = world
        .call("public", "GET", "/api/v1/registry/C99-9999", None)
        .await;
    assert_eq!(missing.status, 404);
    missing.error("not_found");
}

/// The registry's answers as committed files: any change to the open data's shape or content
/// shows up in review (re-record with `SHINRAI_BLESS=1`).
#[tokio::test]
async fn registry_answers_match_their_snapshots() {
    let world = world().await;
    let registry = shinrai_domain::registry::demo::demo_registry().unwrap();
    let deepest = registry
        .entries
        .iter()
        .max_by_key(|e| {
            (
                shinrai_domain::registry::below(&registry.entries, &e.id).len(),
                e.notices.len(),
            )
        })
        .unwrap();
    let snapshots = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api/snapshots");
    for (name, uri) in [
        // A Japanese substring (from the middle of a word) with a level.
        (
            "registry-search-ja-level-2",
            "/api/v1/registry?q=%E3%81%9E%E3%82%89&level=2&lang=ja".to_owned(),
        ),
        (
            "registry-suspended",
            "/api/v1/registry?status=suspended&sort=valid_until".to_owned(),
        ),
        (
            "registry-page-2",
            "/api/v1/registry?sort=name&lang=en&page=2&per_page=10".to_owned(),
        ),
        (
            "registry-no-match",
            "/api/v1/registry?q=%E5%AD%98%E5%9C%A8%E3%81%97%E3%81%AA%E3%81%84".to_owned(),
        ),
        ("registry-entry", format!("/api/v1/registry/{}", deepest.id)),
    ] {
        let answer = world.call("public", "GET", &uri, None).await;
        assert_eq!(answer.status, 200, "{uri}");
        crate::support::assert_snapshot(&snapshots.join(format!("{name}.json")), &answer.json());
    }
}

#[tokio::test]
async fn writes_show_at_once_here_and_within_a_second_from_another_process() {
    let world = world().await;
    let total = |page: Value| page["total"].as_u64().unwrap();
    let count = || async {
        let answer = world
            .call("public", "GET", "/api/v1/registry?per_page=1", None)
            .await;
        assert_eq!(answer.status, 200);
        total(answer.json())
    };
    let before = count().await;
    let template = shinrai_domain::registry::demo::demo_registry()
        .unwrap()
        .entries
        .remove(0);
    let new_entry = |id: &str| shinrai_domain::registry::RegistryEntry {
        id: id.to_owned(),
        built_on: Vec::new(),
        ..template.clone()
    };
    // Another process (the command line) writes to the same database.
    let other = shinrai_store::Store::open(&shinrai_store::StoreConfig {
        data_dir: world.store.data_dir().to_owned(),
        database_url: None,
        checkpoint_every: 100,
    })
    .await
    .unwrap();
    other
        .create_registry_entries(
            &[new_entry("C99-0001")],
            &shinrai_store::model::ChangeBy::system(2_000),
        )
        .await
        .unwrap();
    other.close().await;
    tokio::time::sleep(
        shinrai_server::registry::RECHECK_AFTER + std::time::Duration::from_millis(100),
    )
    .await;
    assert_eq!(count().await, before + 1);
    let found = world
        .call("public", "GET", "/api/v1/registry/C99-0001", None)
        .await;
    assert_eq!(found.status, 200);
    // A write through the service's own store shows at once.
    world
        .store
        .create_registry_entries(
            &[new_entry("C99-0002")],
            &shinrai_store::model::ChangeBy::system(3_000),
        )
        .await
        .unwrap();
    assert_eq!(count().await, before + 2);
}
