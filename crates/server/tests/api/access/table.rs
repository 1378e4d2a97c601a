//! The role table: every route with the status each role (and the public) must get, including
//! attempts on another organisation's records by id.

use crate::world::World;

/// A system as a procurer records it.
const SYSTEM: &str = r#"{"name": {"ja": "予約", "en": "Bookings"}, "function": {"ja": "窓口", "en": "Front desk"}, "information": [{"name": {"ja": "氏名", "en": "Names"}, "confidentiality": 2}], "availability": 1}"#;

/// A certificate as a provider declares it.
const CERTIFICATE: &str = r#"{"kind": "iso27001", "issuer": {"ja": "認証機関", "en": "A certification body"}, "scope": {"ja": "全社", "en": "The whole company"}, "valid_from": "2026-01-01", "valid_until": "2028-12-31"}"#;

/// The map of assurance schemes the service ships with, as `PUT /api/v1/assurance` takes it.
fn shipped_assurance_map() -> String {
    let map = shinrai_domain::assurance::default_map().unwrap();
    serde_json::to_string(&map).unwrap()
}

/// Expected status per role, in the order of [`ROLES`].
pub type Row = (&'static str, String, Option<String>, [u16; 7]);

pub fn rows(world: &World) -> Vec<Row> {
    let victim = &world.users["procurer"];
    let admin = &world.users["operator_admin"];
    let sample = r#"{"frequency": "daily", "population": 10, "seed": 1}"#.to_owned();
    vec![
        ("GET", "/livez".into(), None, [200; 7]),
        ("GET", "/healthz".into(), None, [200; 7]),
        (
            "GET",
            "/metrics".into(),
            None,
            [401, 200, 200, 403, 403, 403, 403],
        ),
        ("GET", "/api/openapi.json".into(), None, [200; 7]),
        (
            "GET",
            "/api/v1/certificates/soa-template".into(),
            None,
            [200; 7],
        ),
        (
            "GET",
            "/api/v1/registry/C99-9999/certificates".into(),
            None,
            [404; 7],
        ),
        ("GET", "/api/v1/assurance".into(), None, [200; 7]),
        ("GET", "/api/v1/assurance/isms".into(), None, [200; 7]),
        ("GET", "/api/v1/assurance/none".into(), None, [404; 7]),
        // The shipped map sent back unchanged: only the operator's administrators may.
        (
            "PUT",
            "/api/v1/assurance".into(),
            Some(shipped_assurance_map()),
            [401, 200, 403, 403, 403, 403, 403],
        ),
        (
            "GET",
            "/api/v1/registry/C99-9999/assurance".into(),
            None,
            [404; 7],
        ),
        (
            "POST",
            "/api/v1/decide/sample".into(),
            Some(sample),
            [200; 7],
        ),
        (
            "GET",
            "/api/v1/me".into(),
            None,
            [401, 200, 200, 200, 200, 200, 200],
        ),
        (
            "GET",
            "/api/v1/organisations".into(),
            None,
            [401, 200, 200, 403, 403, 403, 403],
        ),
        // Every member reads and keeps its own organisation's inbox.
        (
            "GET",
            "/api/v1/inbox".into(),
            None,
            [401, 200, 200, 200, 200, 200, 200],
        ),
        (
            "GET",
            "/api/v1/inbox/addresses".into(),
            None,
            [401, 200, 200, 200, 200, 200, 200],
        ),
        (
            "PUT",
            "/api/v1/inbox/addresses".into(),
            Some(r#"{"addresses": ["team@example.jp"]}"#.into()),
            [401, 200, 200, 200, 200, 200, 200],
        ),
        (
            "GET",
            "/api/v1/organisations/csp".into(),
            None,
            [401, 200, 200, 200, 403, 403, 403],
        ),
        (
            "GET",
            "/api/v1/organisations/other-csp".into(),
            None,
            [401, 200, 200, 403, 403, 403, 403],
        ),
        (
            "GET",
            "/api/v1/organisations/gov".into(),
            None,
            [401, 200, 200, 403, 403, 403, 200],
        ),
        (
            "GET",
            "/api/v1/organisations/csp/users".into(),
            None,
            [401, 200, 200, 200, 403, 403, 403],
        ),
        (
            "GET",
            "/api/v1/organisations/other-csp/users".into(),
            None,
            [401, 200, 200, 403, 403, 403, 403],
        ),
        (
            "GET",
            "/api/v1/organisations/ab/users".into(),
            None,
            [401, 200, 200, 403, 200, 200, 403],
        ),
        (
            "GET",
            "/api/v1/tokens".into(),
            None,
            [401, 200, 200, 200, 200, 200, 200],
        ),
        // Tokens are minted in a browser session only (see session.rs); a token may not.
        (
            "POST",
            "/api/v1/tokens".into(),
            Some(r#"{"name": "ci"}"#.into()),
            [401, 403, 403, 403, 403, 403, 403],
        ),
        (
            "POST",
            format!("/api/v1/users/{admin}/disable"),
            None,
            [401, 403, 403, 403, 403, 403, 403],
        ),
        ("GET", "/api/v1/log/checkpoint".into(), None, [200; 7]),
        ("GET", "/api/v1/log/public-key".into(), None, [200; 7]),
        ("GET", "/api/v1/log/events".into(), None, [200; 7]),
        ("GET", "/api/v1/criteria".into(), None, [200; 7]),
        (
            "GET",
            "/api/v1/registry?q=%E3%82%AF%E3%83%A9%E3%82%A6%E3%83%89".into(),
            None,
            [200; 7],
        ),
        ("GET", "/api/v1/registry/C99-0000".into(), None, [404; 7]),
        (
            "POST",
            "/api/v1/criteria?version=empty".into(),
            Some("{}".into()),
            [401, 422, 403, 403, 403, 403, 403],
        ),
        ("GET", "/api/v1/criteria/demo-2026".into(), None, [200; 7]),
        (
            "GET",
            "/api/v1/criteria/demo-2027".into(),
            None,
            [404, 200, 200, 404, 404, 404, 404],
        ),
        (
            "GET",
            "/api/v1/criteria/demo-2026/controls?q=%E6%9A%97%E5%8F%B7&level=2".into(),
            None,
            [200; 7],
        ),
        (
            "GET",
            "/api/v1/criteria/demo-2027/controls".into(),
            None,
            [404, 200, 200, 404, 404, 404, 404],
        ),
        (
            "GET",
            "/api/v1/criteria/demo-2026/controls/12.3.1.1".into(),
            None,
            [200; 7],
        ),
        (
            "GET",
            "/api/v1/criteria/demo-2026/diff/demo-2027".into(),
            None,
            [404, 200, 200, 404, 404, 404, 404],
        ),
        (
            "POST",
            "/api/v1/criteria/demo-2026/publish".into(),
            None,
            [401, 409, 403, 403, 403, 403, 403],
        ),
        // What registered services lack: the operator's staff see all, a provider its own.
        (
            "GET",
            "/api/v1/criteria/demo-2026/gaps".into(),
            None,
            [401, 200, 200, 200, 403, 403, 403],
        ),
        (
            "GET",
            "/api/v1/criteria/demo-2027/gaps".into(),
            None,
            [401, 200, 200, 404, 403, 403, 403],
        ),
        (
            "GET",
            "/api/v1/criteria/none/gaps".into(),
            None,
            [401, 404, 404, 404, 403, 403, 403],
        ),
        (
            "POST",
            format!("/api/v1/users/{victim}/enable"),
            None,
            [401, 200, 403, 403, 403, 403, 403],
        ),
    ]
    .into_iter()
    .chain(workflow_rows(world))
    .collect()
}

/// The workflow's routes on records that do not exist: the public must sign in, and nobody
/// learns more than "not found" — except that only providers order audits and apply, and only
/// the operator's administrators record audit bodies. The workflow tests check each route on
/// real records, party by party.
fn workflow_rows(world: &World) -> Vec<Row> {
    let hidden = [401, 404, 404, 404, 404, 404, 404];
    let providers_only = [401, 403, 403, 422, 403, 403, 403];
    let text = r#"{"ja": "理由", "en": "reason"}"#;
    let version = r#"{"criteria_version": "demo-2026", "target_level": 1}"#;
    let auditor = &world.users["auditor"];
    let mut rows: Vec<Row> = vec![
        (
            "GET",
            "/api/v1/services?provider=csp".into(),
            None,
            [401, 200, 200, 200, 200, 200, 200],
        ),
        (
            "POST",
            "/api/v1/audits".into(),
            Some(
                r#"{"service": "svc-none", "statement": "svc-none-v1", "audit_body": "ab",
                    "period_start": "2025-10-01", "period_end": "2026-03-31"}"#
                    .into(),
            ),
            providers_only,
        ),
        (
            "POST",
            "/api/v1/applications".into(),
            Some(r#"{"service": "svc-none", "audit": "au-none", "kind": "new"}"#.into()),
            providers_only,
        ),
        (
            "PUT",
            "/api/v1/audit-bodies/ab/selection".into(),
            Some(
                r#"{"status": "selected", "valid_from": "2025-04-01", "valid_until": "2028-03-31"}"#
                    .into(),
            ),
            [401, 200, 403, 403, 403, 403, 403],
        ),
        ("GET", "/api/v1/audit-bodies".into(), None, [200; 7]),
        (
            "POST",
            "/api/v1/audit-bodies/ab/measures".into(),
            Some(
                r#"{"kind": "caution", "on": "2026-01-01",
                    "facts": {"ja": "記録の欠落", "en": "records were missing"},
                    "reason": {"ja": "手続の省略", "en": "a procedure was skipped"}}"#
                    .into(),
            ),
            [401, 201, 403, 403, 403, 403, 403],
        ),
        (
            "POST",
            "/api/v1/audit-bodies/ab/suspension/lift".into(),
            Some(r#"{"on": "2026-02-01", "reason": {"ja": "是正済み", "en": "fixed"}}"#.into()),
            // Allowed, but there is no suspension to lift.
            [401, 409, 403, 403, 403, 403, 403],
        ),
        (
            "POST",
            "/api/v1/audit-bodies/ab/status-reports".into(),
            // Blank: the body's auditors are told what is missing, whatever the day.
            Some(r#"{"text": {"ja": " ", "en": ""}}"#.into()),
            [401, 403, 403, 403, 422, 422, 403],
        ),
        (
            "POST",
            "/api/v1/audit-bodies/ab/selection-applications".into(),
            Some(
                r#"{"domestic_registration": true,
                    "quality_control": {"ja": "二重確認", "en": "reviewed twice"},
                    "subcontracting_rules": {"ja": "再委託しない", "en": "none"},
                    "independence_declaration": true, "auditors": []}"#
                    .into(),
            ),
            // The body's auditors apply; the second finds the first application open.
            [401, 403, 403, 403, 201, 409, 403],
        ),
        (
            "GET",
            "/api/v1/audit-bodies/ab/selection-applications".into(),
            None,
            [401, 200, 200, 200, 200, 200, 200],
        ),
        (
            "GET",
            "/api/v1/selection-applications/sel-none".into(),
            None,
            [401, 404, 404, 404, 404, 404, 404],
        ),
        (
            "GET",
            "/api/v1/selection-applications/sel-none/review".into(),
            None,
            [401, 404, 404, 404, 404, 404, 404],
        ),
        (
            "POST",
            "/api/v1/selection-applications/sel-none/decide".into(),
            Some(r#"{"decision": "reject", "reason": {"ja": "理由", "en": "why"}}"#.into()),
            [401, 404, 404, 404, 404, 404, 404],
        ),
        (
            "PUT",
            format!("/api/v1/auditors/{auditor}"),
            Some(
                r#"{"org": "ab", "name": {"ja": "監査 一郎", "en": "Ichiro Kansa"},
                    "qualifications": ["CISA"], "experience_years": 5, "nationality": "JP",
                    "may_sign": false}"#
                    .into(),
            ),
            [401, 200, 403, 403, 403, 403, 403],
        ),
        (
            "POST",
            "/api/v1/quality-reviews".into(),
            // Nothing was signed in May 2025: the administrator is told so.
            Some(
                r#"{"period_start": "2025-05-01", "period_end": "2025-05-31", "asked": 2}"#.into(),
            ),
            [401, 422, 403, 403, 403, 403, 403],
        ),
        (
            "GET",
            "/api/v1/quality-reviews".into(),
            None,
            [401, 200, 200, 200, 200, 200, 200],
        ),
        // Each sees the change notices and incidents it may: all (the operator), its own, or
        // none.
        (
            "GET",
            "/api/v1/change-notices".into(),
            None,
            [401, 200, 200, 200, 200, 200, 200],
        ),
        (
            "GET",
            "/api/v1/incidents".into(),
            None,
            [401, 200, 200, 200, 200, 200, 200],
        ),
        // Only procurement staff record systems; everyone lists its own systems and usages (the
        // operator's staff every usage), finding none when it keeps none.
        (
            "POST",
            "/api/v1/systems".into(),
            Some(SYSTEM.into()),
            [401, 403, 403, 403, 403, 403, 201],
        ),
        (
            "GET",
            "/api/v1/systems".into(),
            None,
            [401, 200, 200, 200, 200, 200, 200],
        ),
        (
            "GET",
            "/api/v1/usages".into(),
            None,
            [401, 200, 200, 200, 200, 200, 200],
        ),
    ];
    let not_found: [(&str, &str, Option<String>); 67] = [
        // Another organisation's system and usage are as unknown as ones that do not exist.
        ("GET", "/api/v1/systems/sys-none", None),
        ("PUT", "/api/v1/systems/sys-none", Some(SYSTEM.into())),
        ("GET", "/api/v1/systems/sys-none/eligible", None),
        ("GET", "/api/v1/systems/sys-none/watch", None),
        (
            "GET",
            "/api/v1/systems/sys-none/coverage?service=C24-0006",
            None,
        ),
        ("PUT", "/api/v1/systems/sys-none/watch/C24-0006", None),
        (
            "GET",
            "/api/v1/systems/sys-none/comparison?services=C24-0006",
            None,
        ),
        (
            "GET",
            "/api/v1/systems/sys-none/comparison/xlsx?services=C24-0006",
            None,
        ),
        (
            "GET",
            "/api/v1/systems/sys-none/comparison/pdf?services=C24-0006",
            None,
        ),
        (
            "PUT",
            "/api/v1/systems/sys-none/answers/C24-0006",
            Some(r#"{"answers": []}"#.into()),
        ),
        ("DELETE", "/api/v1/systems/sys-none/watch/C24-0006", None),
        ("GET", "/api/v1/systems/sys-none/usages", None),
        (
            "POST",
            "/api/v1/systems/sys-none/usages",
            Some(r#"{"service": "C99-9999", "from": "2026-01-01"}"#.into()),
        ),
        (
            "POST",
            "/api/v1/usages/use-none/end",
            Some(r#"{"until": "2026-12-31"}"#.into()),
        ),
        ("GET", "/api/v1/services/svc-none", None),
        ("GET", "/api/v1/services/svc-none/annex-grants", None),
        ("GET", "/api/v1/services/svc-none/certificates", None),
        (
            "POST",
            "/api/v1/services/svc-none/certificates",
            Some(CERTIFICATE.into()),
        ),
        ("GET", "/api/v1/certificates/cert-none", None),
        (
            "PUT",
            "/api/v1/certificates/cert-none",
            Some(CERTIFICATE.into()),
        ),
        ("POST", "/api/v1/certificates/cert-none/withdraw", None),
        ("PUT", "/api/v1/services/svc-none/annex-grants/gov", None),
        ("DELETE", "/api/v1/services/svc-none/annex-grants/gov", None),
        (
            "POST",
            "/api/v1/services/svc-none/statements",
            Some(version.into()),
        ),
        ("GET", "/api/v1/statements/svc-none-v1", None),
        (
            "PUT",
            "/api/v1/statements/svc-none-v1",
            Some(version.into()),
        ),
        ("POST", "/api/v1/statements/svc-none-v1/submit", None),
        ("GET", "/api/v1/statements/svc-none-v1/precheck", None),
        ("GET", "/api/v1/statements/svc-none-v1/template", None),
        ("POST", "/api/v1/statements/svc-none-v1/import", None),
        ("GET", "/api/v1/statements/svc-none-v1/ssp", None),
        ("POST", "/api/v1/statements/svc-none-v1/ssp", None),
        ("GET", "/api/v1/audits/au-none", None),
        (
            "POST",
            "/api/v1/audits/au-none/accept",
            Some(r#"{"signing_auditor": "user-signing_auditor"}"#.into()),
        ),
        (
            "POST",
            "/api/v1/audits/au-none/decline",
            Some(format!(r#"{{"reason": {text}}}"#)),
        ),
        (
            "PUT",
            "/api/v1/audits/au-none/conclusions",
            Some("{}".into()),
        ),
        ("GET", "/api/v1/audits/au-none/conclusions/template", None),
        ("POST", "/api/v1/audits/au-none/conclusions/import", None),
        ("POST", "/api/v1/audits/au-none/sign", None),
        ("GET", "/api/v1/audits/au-none/report", None),
        ("GET", "/api/v1/audits/au-none/report/pdf", None),
        ("GET", "/api/v1/audits/au-none/report/assessment-plan", None),
        (
            "GET",
            "/api/v1/audits/au-none/report/assessment-results",
            None,
        ),
        ("GET", "/api/v1/quality-reviews/qr-none", None),
        ("POST", "/api/v1/quality-reviews/qr-none/draw", None),
        (
            "PUT",
            "/api/v1/quality-reviews/qr-none/audits/au-none",
            Some(format!(
                r#"{{"rating": "satisfactory", "findings": {text}}}"#
            )),
        ),
        ("POST", "/api/v1/quality-reviews/qr-none/close", None),
        ("GET", "/api/v1/quality-reviews/qr-none/check", None),
        ("GET", "/api/v1/applications/ap-none", None),
        ("GET", "/api/v1/applications/ap-none/review", None),
        (
            "POST",
            "/api/v1/applications/ap-none/explanations",
            Some(r#"{"controls": ["12.3.1.1"]}"#.into()),
        ),
        (
            "PUT",
            "/api/v1/applications/ap-none/explanations/12.3.1.1",
            Some(format!(r#"{{"text": {text}}}"#)),
        ),
        (
            "POST",
            "/api/v1/applications/ap-none/explanations/12.3.1.1/verdict",
            Some(r#"{"accepted": true}"#.into()),
        ),
        (
            "POST",
            "/api/v1/applications/ap-none/decision",
            Some(format!(r#"{{"decision": "reject", "reason": {text}}}"#)),
        ),
        ("POST", "/api/v1/applications/ap-none/approve", None),
        ("POST", "/api/v1/applications/ap-none/withdraw", None),
        (
            "POST",
            "/api/v1/registry/C99-9999/withdraw",
            Some(format!(r#"{{"reason": {text}}}"#)),
        ),
        (
            "POST",
            "/api/v1/registry/C99-9999/measures",
            Some(format!(
                r#"{{"measure": "suspend", "reason": {text}, "notice_title": {text}, "notice_body": {text}}}"#
            )),
        ),
        (
            "POST",
            "/api/v1/registry/C99-9999/change-notices",
            Some(format!(
                r#"{{"category": "tool", "summary": {text}, "effective_on": "2026-06-01"}}"#
            )),
        ),
        ("GET", "/api/v1/change-notices/cn-none", None),
        (
            "POST",
            "/api/v1/registry/C99-9999/incidents",
            Some(format!(
                r#"{{"discovered_on": "2026-06-01", "summary": {text}}}"#
            )),
        ),
        ("GET", "/api/v1/incidents/in-none", None),
        (
            "POST",
            "/api/v1/incidents/in-none/final-report",
            Some(format!(
                r#"{{"cause": {text}, "impact": {text}, "measures": {text}}}"#
            )),
        ),
        (
            "POST",
            "/api/v1/incidents/in-none/decisions",
            Some(format!(
                r#"{{"measure": "none", "reason": {text}, "notice_title": {text}, "notice_body": {text}}}"#
            )),
        ),
        (
            "POST",
            "/api/v1/change-notices/cn-none/acknowledge",
            Some("{}".into()),
        ),
        // Another organisation's message is as unknown as one that does not exist.
        ("GET", "/api/v1/inbox/csp~none", None),
        (
            "PUT",
            "/api/v1/inbox/csp~none/read",
            Some(r#"{"read": true}"#.into()),
        ),
    ];
    for (method, uri, body) in not_found {
        rows.push((method, uri.to_owned(), body, hidden));
    }
    let judged = format!(r#"{{"verdict": "accepted", "reason": {text}}}"#);
    let papers: [(&str, &str, Option<String>); 22] = [
        ("GET", "/api/v1/audits/au-none/work", None),
        (
            "PUT",
            "/api/v1/audits/au-none/work/C1/fair-presentation",
            Some(judged),
        ),
        (
            "PUT",
            "/api/v1/audits/au-none/governance",
            Some(format!(r#"{{"effective": true, "reason": {text}}}"#)),
        ),
        (
            "POST",
            "/api/v1/audits/au-none/statement",
            Some(r#"{"statement": "svc-none-v2"}"#.into()),
        ),
        (
            "PUT",
            "/api/v1/audits/au-none/work/C1/design",
            Some(format!(r#"{{"effective": true, "reason": {text}}}"#)),
        ),
        (
            "PUT",
            "/api/v1/audits/au-none/work/C1/reliance",
            Some(format!(
                r#"{{"kind": "soc2", "reference": "R", "issuer": "I", "period_start": "2025-01-01",
                    "period_end": "2025-12-31", "scope": {text}, "covers": [], "reason": {text}}}"#
            )),
        ),
        (
            "PUT",
            "/api/v1/audits/au-none/internal-audit",
            Some(format!(
                r#"{{"reference": "R", "performed_by": "P", "period_start": "2025-01-01",
                    "period_end": "2025-12-31", "scope": {text}, "covers": [], "reliable": true,
                    "reason": {text}}}"#
            )),
        ),
        ("POST", "/api/v1/audits/au-none/internal-audit/draw", None),
        (
            "PUT",
            "/api/v1/audits/au-none/internal-audit/controls/C1",
            Some(format!(r#"{{"passed": true, "reason": {text}}}"#)),
        ),
        (
            "PUT",
            "/api/v1/audits/au-none/work/C1/frequency",
            Some(r#"{"frequency": "daily"}"#.into()),
        ),
        ("POST", "/api/v1/audits/au-none/work/C1/population", None),
        ("GET", "/api/v1/audits/au-none/work/C1/population", None),
        (
            "POST",
            "/api/v1/audits/au-none/work/C1/samples",
            Some(r#"{"round": 1}"#.into()),
        ),
        (
            "PUT",
            "/api/v1/audits/au-none/work/C1/samples/1/items/1",
            Some(format!(r#"{{"passed": true, "note": {text}}}"#)),
        ),
        ("GET", "/api/v1/audits/au-none/evidence", None),
        (
            "POST",
            "/api/v1/audits/au-none/evidence?file_name=a.txt&method=inspection&speaks_for=2025-10-01",
            None,
        ),
        (
            "POST",
            "/api/v1/audits/au-none/evidence/notes",
            Some(format!(
                r#"{{"method": "inquiry", "title": {text}, "text": {text}, "speaks_for": "2025-10-01"}}"#
            )),
        ),
        ("GET", "/api/v1/audits/au-none/evidence/ev-0000001", None),
        ("GET", "/api/v1/audits/au-none/evidence/archive", None),
        (
            "GET",
            "/api/v1/audits/au-none/evidence/ev-0000001/file",
            None,
        ),
        (
            "POST",
            "/api/v1/audits/au-none/evidence/ev-0000001/withdraw",
            Some(format!(r#"{{"reason": {text}}}"#)),
        ),
        (
            "POST",
            "/api/v1/audits/au-none/requests/rq-00001/answer",
            Some(r#"{"evidence": ["ev-0000001"]}"#.into()),
        ),
    ];
    for (method, uri, body) in papers {
        rows.push((method, uri.to_owned(), body, hidden));
    }
    rows.push((
        "GET",
        "/api/v1/audits/au-none/requests".into(),
        None,
        hidden,
    ));
    rows.push((
        "POST",
        "/api/v1/audits/au-none/requests".into(),
        Some(format!(r#"{{"text": {text}, "due_on": "2030-01-01"}}"#)),
        hidden,
    ));
    rows
}
