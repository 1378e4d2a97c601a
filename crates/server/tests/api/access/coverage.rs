//! The role table covers every route of the OpenAPI document: the table's concrete addresses
//! are turned back into the document's path templates and compared.

use std::collections::BTreeSet;

use super::table::rows;
use crate::support::get;
use crate::world::world;

#[tokio::test]
async fn the_table_covers_every_documented_route() {
    let world = world().await;
    let document = get(&world.app, "/api/openapi.json").await.json();
    let covered: BTreeSet<String> = rows(&world)
        .iter()
        .map(|(_, uri, _, _)| uri.split('?').next().unwrap().to_owned())
        .chain([
            "/api/v1/organisations".to_owned(),
            "/api/v1/organisations/{id}/users".to_owned(),
            "/api/v1/tokens/{id}".to_owned(),
            "/api/v1/users/{id}/disable".to_owned(),
            "/api/v1/users/{id}/enable".to_owned(),
            "/api/v1/session".to_owned(),
        ])
        .map(|uri| {
            // Concrete ids back to their templates.
            let parts: Vec<&str> = uri.split('/').collect();
            match parts.as_slice() {
                ["", "api", "v1", "organisations", _] => "/api/v1/organisations/{id}".to_owned(),
                ["", "api", "v1", "organisations", _, "users"] => {
                    "/api/v1/organisations/{id}/users".to_owned()
                }
                ["", "api", "v1", "users", _, action] => format!("/api/v1/users/{{id}}/{action}"),
                ["", "api", "v1", "criteria", _] => "/api/v1/criteria/{version}".to_owned(),
                ["", "api", "v1", "registry", _] => "/api/v1/registry/{id}".to_owned(),
                ["", "api", "v1", "inbox", "addresses"] => "/api/v1/inbox/addresses".to_owned(),
                ["", "api", "v1", "inbox", _] => "/api/v1/inbox/{id}".to_owned(),
                ["", "api", "v1", "inbox", _, "read"] => "/api/v1/inbox/{id}/read".to_owned(),
                ["", "api", "v1", "registry", _, "measures"] => {
                    "/api/v1/registry/{id}/measures".to_owned()
                }
                ["", "api", "v1", "registry", _, "change-notices"] => {
                    "/api/v1/registry/{id}/change-notices".to_owned()
                }
                ["", "api", "v1", "change-notices", _] => "/api/v1/change-notices/{id}".to_owned(),
                ["", "api", "v1", "registry", _, "incidents"] => {
                    "/api/v1/registry/{id}/incidents".to_owned()
                }
                ["", "api", "v1", "incidents", _] => "/api/v1/incidents/{id}".to_owned(),
                ["", "api", "v1", "systems", _] => "/api/v1/systems/{id}".to_owned(),
                [
                    "",
                    "api",
                    "v1",
                    "systems",
                    _,
                    tail @ ("eligible" | "usages" | "watch" | "coverage" | "comparison"),
                ] => {
                    format!("/api/v1/systems/{{id}}/{tail}")
                }
                [
                    "",
                    "api",
                    "v1",
                    "systems",
                    _,
                    "comparison",
                    kind @ ("xlsx" | "pdf"),
                ] => {
                    format!("/api/v1/systems/{{id}}/comparison/{kind}")
                }
                [
                    "",
                    "api",
                    "v1",
                    "systems",
                    _,
                    tail @ ("watch" | "answers"),
                    _,
                ] => {
                    format!("/api/v1/systems/{{id}}/{tail}/{{service}}")
                }
                ["", "api", "v1", "usages", _, "end"] => "/api/v1/usages/{id}/end".to_owned(),
                [
                    "",
                    "api",
                    "v1",
                    "incidents",
                    _,
                    tail @ ("final-report" | "decisions"),
                ] => {
                    format!("/api/v1/incidents/{{id}}/{tail}")
                }
                ["", "api", "v1", "change-notices", _, "acknowledge"] => {
                    "/api/v1/change-notices/{id}/acknowledge".to_owned()
                }
                ["", "api", "v1", "registry", _, "withdraw"] => {
                    "/api/v1/registry/{id}/withdraw".to_owned()
                }
                ["", "api", "v1", "criteria", _, "controls"] => {
                    "/api/v1/criteria/{version}/controls".to_owned()
                }
                ["", "api", "v1", "criteria", _, "controls", _] => {
                    "/api/v1/criteria/{version}/controls/{id}".to_owned()
                }
                ["", "api", "v1", "criteria", _, "diff", _] => {
                    "/api/v1/criteria/{version}/diff/{other}".to_owned()
                }
                ["", "api", "v1", "criteria", _, "gaps"] => {
                    "/api/v1/criteria/{version}/gaps".to_owned()
                }
                ["", "api", "v1", "criteria", _, "publish"] => {
                    "/api/v1/criteria/{version}/publish".to_owned()
                }
                ["", "api", "v1", "audit-bodies", _, action] => {
                    format!("/api/v1/audit-bodies/{{org}}/{action}")
                }
                ["", "api", "v1", "audit-bodies", _, "suspension", "lift"] => {
                    "/api/v1/audit-bodies/{org}/suspension/lift".to_owned()
                }
                ["", "api", "v1", "auditors", _] => "/api/v1/auditors/{user}".to_owned(),
                ["", "api", "v1", "certificates", "soa-template"] => {
                    "/api/v1/certificates/soa-template".to_owned()
                }
                ["", "api", "v1", "certificates", _] => "/api/v1/certificates/{id}".to_owned(),
                ["", "api", "v1", "certificates", _, action] => {
                    format!("/api/v1/certificates/{{id}}/{action}")
                }
                ["", "api", "v1", "assurance", _] => "/api/v1/assurance/{id}".to_owned(),
                ["", "api", "v1", "registry", _, "assurance"] => {
                    "/api/v1/registry/{id}/assurance".to_owned()
                }
                ["", "api", "v1", "registry", _, "certificates"] => {
                    "/api/v1/registry/{id}/certificates".to_owned()
                }
                ["", "api", "v1", "services", _, "annex-grants", _] => {
                    "/api/v1/services/{id}/annex-grants/{org}".to_owned()
                }
                [
                    "",
                    "api",
                    "v1",
                    kind @ ("services"
                    | "statements"
                    | "audits"
                    | "applications"
                    | "selection-applications"
                    | "quality-reviews"),
                    _,
                ] => {
                    format!("/api/v1/{kind}/{{id}}")
                }
                [
                    "",
                    "api",
                    "v1",
                    kind @ ("services"
                    | "statements"
                    | "audits"
                    | "applications"
                    | "selection-applications"
                    | "quality-reviews"),
                    _,
                    action,
                ] => {
                    format!("/api/v1/{kind}/{{id}}/{action}")
                }
                ["", "api", "v1", "quality-reviews", _, "audits", _] => {
                    "/api/v1/quality-reviews/{id}/audits/{audit}".to_owned()
                }
                ["", "api", "v1", "audits", _, "internal-audit", "draw"] => {
                    "/api/v1/audits/{id}/internal-audit/draw".to_owned()
                }
                ["", "api", "v1", "audits", _, "conclusions", action] => {
                    format!("/api/v1/audits/{{id}}/conclusions/{action}")
                }
                [
                    "",
                    "api",
                    "v1",
                    "audits",
                    _,
                    "work",
                    _,
                    "samples",
                    _,
                    "items",
                    _,
                ] => "/api/v1/audits/{id}/work/{control}/samples/{round}/items/{occurrence}"
                    .to_owned(),
                ["", "api", "v1", "audits", _, "report", "pdf"] => {
                    "/api/v1/audits/{id}/report/pdf".to_owned()
                }
                ["", "api", "v1", "audits", _, "report", _] => {
                    "/api/v1/audits/{id}/report/{document}".to_owned()
                }
                ["", "api", "v1", "audits", _, "work", _, action] => {
                    format!("/api/v1/audits/{{id}}/work/{{control}}/{action}")
                }
                [
                    "",
                    "api",
                    "v1",
                    "audits",
                    _,
                    "evidence",
                    fixed @ ("notes" | "archive"),
                ] => {
                    format!("/api/v1/audits/{{id}}/evidence/{fixed}")
                }
                ["", "api", "v1", "audits", _, "evidence", _] => {
                    "/api/v1/audits/{id}/evidence/{evidence}".to_owned()
                }
                ["", "api", "v1", "audits", _, "evidence", _, action] => {
                    format!("/api/v1/audits/{{id}}/evidence/{{evidence}}/{action}")
                }
                [
                    "",
                    "api",
                    "v1",
                    "audits",
                    _,
                    "internal-audit",
                    "controls",
                    _,
                ] => "/api/v1/audits/{id}/internal-audit/controls/{control}".to_owned(),
                ["", "api", "v1", "audits", _, "requests", _, action] => {
                    format!("/api/v1/audits/{{id}}/requests/{{request}}/{action}")
                }
                ["", "api", "v1", "applications", _, "explanations", _] => {
                    "/api/v1/applications/{id}/explanations/{control}".to_owned()
                }
                [
                    "",
                    "api",
                    "v1",
                    "applications",
                    _,
                    "explanations",
                    _,
                    "verdict",
                ] => "/api/v1/applications/{id}/explanations/{control}/verdict".to_owned(),
                _ => uri,
            }
        })
        .collect();
    for path in document["paths"].as_object().unwrap().keys() {
        let decide = path.starts_with("/api/v1/decide/");
        assert!(
            decide || covered.contains(path),
            "{path} has no row in the role table"
        );
    }
}
