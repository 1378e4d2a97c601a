//! What the plan and the results share: their metadata (who signed what, when), the service as
//! the subject of the audit, and the back-matter resource an import points at.

use serde_json::{Value, json};
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::report::AuditReport;

use super::ids::Ids;
use super::props::{date_time, name, ours};
use crate::oscal_criteria::OSCAL_VERSION;
use crate::oscal_criteria::codec::display_line;

/// The role the signing auditor holds in both documents.
const ASSESSOR: &str = "assessor";

/// A text for a one-line OSCAL field (title, name): never empty, no line break, no white space
/// at either end.
pub(super) fn line(text: &str, fallback: &str) -> String {
    display_line(text.trim(), fallback)
}

pub(super) fn metadata(ids: &Ids, report: &AuditReport, lang: Lang, title: &Bilingual) -> Value {
    let signer = &report.signing_auditor;
    let mut signer_props: Vec<Value> = signer
        .qualifications
        .iter()
        .map(|q| ours(name::QUALIFICATION, q))
        .collect();
    signer_props.push(ours(name::USER, &signer.user));
    json!({
        "title": line(title.get(lang), &title.en),
        "last-modified": date_time(report.signed_on, "00:00:00"),
        "version": ids.sha256,
        "oscal-version": OSCAL_VERSION,
        "props": [
            ours(name::REPORT_SHA256, &ids.sha256),
            ours(name::REPORT_FORMAT, &report.format),
            ours(name::AUDIT, &report.audit),
            ours(name::SERVICE, &report.service),
            ours(name::PROVIDER, &report.provider),
            ours(name::CRITERIA_VERSION, &report.criteria_version),
            ours(name::TARGET_LEVEL, &report.target_level.to_string()),
            ours(name::AUDIT_KIND, report.kind.code()),
            ours(name::SIGNED_ON, &report.signed_on.to_string()),
            ours(name::LANG, lang.code()),
        ],
        "roles": [{
            "id": ASSESSOR,
            "title": match lang {
                Lang::Ja => "監査人",
                Lang::En => "Assessor",
            },
        }],
        "parties": [
            {
                "uuid": ids.uuid("party/audit-body"),
                "type": "organization",
                "name": line(&report.audit_body, "audit body"),
            },
            {
                "uuid": ids.uuid("party/signer"),
                "type": "person",
                "name": line(signer.name.get(lang), &signer.user),
                "props": signer_props,
                "member-of-organizations": [ids.uuid("party/audit-body")],
            },
        ],
        "responsible-parties": [{
            "role-id": ASSESSOR,
            "party-uuids": [ids.uuid("party/signer")],
        }],
    })
}

/// The uuid of the service as a component (defined in the plan's local definitions).
pub(super) fn service_uuid(ids: &Ids) -> String {
    ids.uuid("component/service")
}

/// The service, as the subject of every task and observation.
pub(super) fn service_subject(ids: &Ids) -> Value {
    json!({"subject-uuid": service_uuid(ids), "type": "component"})
}

/// A back-matter resource an import's `#uuid` names, with a link to the document imported.
pub(super) fn import_resource(uuid: &str, title: String, props: Vec<Value>, href: &str) -> Value {
    json!({
        "uuid": uuid,
        "title": title,
        "props": props,
        "rlinks": [{"href": href, "media-type": "application/json"}],
    })
}

/// An id as one segment of a URL path: anything but unreserved characters percent-encoded.
pub(super) fn path_segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
