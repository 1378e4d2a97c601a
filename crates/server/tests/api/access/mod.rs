//! Every route × every role (and the public): allowed or denied, including attempts to read or
//! change another organisation's records by id. The table is in [`table`]; [`coverage`] checks
//! that it names every documented route.

mod coverage;
mod table;

use std::collections::BTreeSet;

use crate::world::{ROLES, world};
use table::rows;

#[tokio::test]
async fn every_route_for_every_role() {
    let world = world().await;
    for (method, uri, body, expected) in rows(&world) {
        for (role, want) in ROLES.iter().zip(expected) {
            let answer = world.call(role, method, &uri, body.as_deref()).await;
            assert_eq!(
                answer.status.as_u16(),
                want,
                "{method} {uri} as {role}: {}",
                String::from_utf8_lossy(&answer.body)
            );
            if want >= 400 {
                answer.error(match want {
                    401 => "sign_in_required",
                    403 if uri == "/api/v1/tokens" => "session_required",
                    403 => "forbidden",
                    404 => "not_found",
                    409 => "conflict",
                    422 => "invalid_input",
                    _ => unreachable!(),
                });
            }
        }
    }
}

/// Routes whose body or target must be fresh for each caller: each role gets its own.
#[tokio::test]
async fn creating_and_changing_records_for_every_role() {
    let world = world().await;
    let admin_only = [401, 201, 403, 403, 403, 403, 403];
    for (role, want) in ROLES.iter().zip(admin_only) {
        let slug = role.replace('_', "-");
        let body = format!(
            r#"{{"id": "org-by-{slug}", "kind": "provider", "name": {{"ja": "新組織", "en": "New"}}}}"#
        );
        let answer = world
            .call(role, "POST", "/api/v1/organisations", Some(&body))
            .await;
        assert_eq!(
            answer.status.as_u16(),
            want,
            "create organisation as {role}"
        );
        let body = format!(
            r#"{{"login": "made-by-{slug}", "display_name": "新しい利用者", "roles": ["procurer"], "password": "a long enough passphrase"}}"#
        );
        let answer = world
            .call(role, "POST", "/api/v1/organisations/gov/users", Some(&body))
            .await;
        assert_eq!(answer.status.as_u16(), want, "create user as {role}");
    }
    // Disabling someone else: only the administrator; each attempt on a fresh victim.
    for (role, want) in ROLES.iter().zip([401, 200, 403, 403, 403, 403, 403]) {
        let victim = &world.users["other_provider"];
        let answer = world
            .call(
                role,
                "POST",
                &format!("/api/v1/users/{victim}/disable"),
                None,
            )
            .await;
        assert_eq!(
            answer.status.as_u16(),
            want,
            "disable another user as {role}"
        );
        if want == 200 {
            world
                .call(
                    "operator_admin",
                    "POST",
                    &format!("/api/v1/users/{victim}/enable"),
                    None,
                )
                .await;
        }
    }
    // Revoking the provider's token: its owner and the administrator may; nobody else.
    let provider = world.session("provider").await;
    for (role, want) in ROLES.iter().zip([401, 204, 403, 204, 403, 403, 403]) {
        let created = world
            .call_in(
                &provider,
                "POST",
                "/api/v1/tokens",
                Some(r#"{"name": "to revoke"}"#),
            )
            .await;
        let id = created.json()["token"]["id"].as_str().unwrap().to_owned();
        let answer = world
            .call(role, "DELETE", &format!("/api/v1/tokens/{id}"), None)
            .await;
        assert_eq!(
            answer.status.as_u16(),
            want,
            "revoke the provider's token as {role}"
        );
    }
    // Every signed-in role mints its own tokens in a session.
    for role in ROLES.iter().filter(|role| **role != "public") {
        let session = world.session(role).await;
        let answer = world
            .call_in(
                &session,
                "POST",
                "/api/v1/tokens",
                Some(r#"{"name": "ci"}"#),
            )
            .await;
        assert_eq!(answer.status.as_u16(), 201, "create a token as {role}");
    }
}

#[tokio::test]
async fn unknown_ids_are_refused_before_they_are_looked_up() {
    let world = world().await;
    // A provider probing ids gets the same answer whether the organisation exists or not.
    let existing = world
        .call("provider", "GET", "/api/v1/organisations/other-csp", None)
        .await;
    let missing = world
        .call("provider", "GET", "/api/v1/organisations/no-such-org", None)
        .await;
    assert_eq!(
        (existing.status.as_u16(), missing.status.as_u16()),
        (403, 403)
    );
    let missing_user = world
        .call(
            "provider",
            "POST",
            "/api/v1/users/no-such-user/disable",
            None,
        )
        .await;
    assert_eq!(missing_user.status.as_u16(), 403);
    // Staff who may look get a true 404.
    let answer = world
        .call(
            "operator_admin",
            "GET",
            "/api/v1/organisations/no-such-org",
            None,
        )
        .await;
    answer.error("not_found");
    let answer = world
        .call(
            "operator_admin",
            "POST",
            "/api/v1/users/no-such-user/disable",
            None,
        )
        .await;
    answer.error("not_found");
}

#[tokio::test]
async fn the_public_reads_public_events_whole_and_the_others_as_stubs() {
    let world = world().await;
    let page = |role: &'static str| {
        let world = &world;
        async move {
            world
                .call(role, "GET", "/api/v1/log/events?limit=1000", None)
                .await
                .json()
        }
    };
    // The visibilities recorded in the whole events, and how many stubs there are.
    let seen = |page: &serde_json::Value| -> (BTreeSet<String>, usize) {
        let events = page["events"].as_array().unwrap();
        let whole = events
            .iter()
            .filter_map(|e| e["visibility"].as_str())
            .map(str::to_owned)
            .collect();
        let stubs = events.iter().filter(|e| e["restricted"] == true).count();
        (whole, stubs)
    };
    let (public, public_stubs) = seen(&page("public").await);
    assert_eq!(public, BTreeSet::from(["public".to_owned()]));
    assert!(public_stubs > 0);
    let (staff, staff_stubs) = seen(&page("operator_reviewer").await);
    assert_eq!(
        staff,
        BTreeSet::from(["internal".to_owned(), "public".to_owned()])
    );
    assert_eq!(staff_stubs, 0);
    let (provider, provider_stubs) = seen(&page("provider").await);
    // The provider's own organisation's creation, recorded internal, is whole for it.
    assert_eq!(
        provider,
        BTreeSet::from(["internal".to_owned(), "public".to_owned()])
    );
    assert!(provider_stubs > 0);
}
