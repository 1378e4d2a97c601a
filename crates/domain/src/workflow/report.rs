//! The audit report (監査報告書) as signed: everything the signing auditor vouches for, in a
//! canonical form whose SHA-256 the signing event records. A report downloaded or printed
//! later is checked by hashing it the same way and finding that hash in the signed log.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::audit::{Audit, Conclusions};
use super::audit_body::AuditorProfile;
use super::statement::Statement;
use super::working_papers::{
    ControlWork, ControlWorkLine, Evidence, ExaminedVersion, InternalAuditPaper, report_lines,
};
use crate::audit_kind::AuditKind;
use crate::date::CalendarDate;
use crate::level::Level;
use crate::log_chain::sha256_hex;
use crate::registry::Period;
use crate::text::Bilingual;

/// Names the shape of the report, so a later shape can never be mistaken for this one. The
/// second shape adds the statement versions examined, governance and the work behind each
/// control; reports signed in the first shape still read and hash as they were.
pub const REPORT_FORMAT: &str = "shinrai-audit-report/2";
pub const REPORT_FORMATS_READ: [&str; 2] = ["shinrai-audit-report/1", REPORT_FORMAT];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    pub user: String,
    pub name: Bilingual,
    pub qualifications: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditReport {
    pub format: String,
    pub audit: String,
    pub service: String,
    pub provider: String,
    pub statement: String,
    pub statement_version: u32,
    pub criteria_version: String,
    pub target_level: Level,
    pub audit_body: String,
    pub period: Period,
    pub audited_scope: Bilingual,
    pub signing_auditor: Signer,
    pub signed_on: CalendarDate,
    /// Sorted by objective, then by control.
    pub conclusions: Conclusions,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examined: Vec<ExaminedVersion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub governance: Option<GovernanceLine>,
    /// One line per selected control: the phases' results and the evidence hashes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub work: Vec<ControlWorkLine>,
    /// Which kind of audit this was; absent for the full audit, so reports signed before the
    /// kind was recorded hash as they did.
    #[serde(default, skip_serializing_if = "AuditKind::is_three_phase")]
    pub kind: AuditKind,
    /// For an evaluation of the internal audit: the report evaluated, the controls drawn and
    /// the result of re-performing each.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_audit: Option<InternalAuditPaper>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GovernanceLine {
    pub effective: bool,
    pub reason: Bilingual,
}

/// The working papers a report is signed on.
#[derive(Debug, Clone, Copy)]
pub struct Papers<'a> {
    pub statement: &'a Statement,
    pub work: &'a [ControlWork],
    pub evidence: &'a [Evidence],
}

impl<'a> Papers<'a> {
    /// A statement without working papers (audits concluded before papers were kept).
    pub fn bare(statement: &'a Statement) -> Papers<'a> {
        Papers {
            statement,
            work: &[],
            evidence: &[],
        }
    }
}

impl AuditReport {
    /// The report of `audit` as `signer` signs it on `signed_on`, with its papers.
    pub fn of(
        audit: &Audit,
        papers: Papers<'_>,
        signer: &AuditorProfile,
        signed_on: CalendarDate,
    ) -> AuditReport {
        AuditReport {
            format: REPORT_FORMAT.to_owned(),
            audit: audit.id.clone(),
            service: audit.service.clone(),
            provider: audit.provider.clone(),
            statement: audit.statement.clone(),
            statement_version: audit.statement_version,
            criteria_version: audit.criteria_version.clone(),
            target_level: audit.target_level,
            audit_body: audit.audit_body.clone(),
            period: audit.period,
            audited_scope: audit.audited_scope.clone(),
            signing_auditor: Signer {
                user: signer.user.clone(),
                name: signer.name.clone(),
                qualifications: signer.qualifications.clone(),
            },
            signed_on,
            conclusions: audit.conclusions.sorted(),
            examined: audit.examined_versions(),
            governance: audit.governance.as_ref().map(|g| GovernanceLine {
                effective: g.effective,
                reason: g.reason.clone(),
            }),
            work: report_lines(papers.statement, papers.work, papers.evidence),
            kind: audit.kind,
            internal_audit: audit.internal_audit.clone(),
        }
    }

    /// The canonical text that is hashed.
    pub fn canonical(&self) -> String {
        // Serialising a plain struct of strings, numbers and lists cannot fail.
        canonical_json(&serde_json::to_value(self).unwrap_or(Value::Null))
    }

    pub fn sha256(&self) -> String {
        sha256_hex(self.canonical().as_bytes())
    }
}

/// JSON with every object's keys sorted and no white space: the same document always gives the
/// same text, however it was laid out when saved or downloaded.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// What checking a report text found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportText {
    /// A report of this format, with the hash of its canonical form.
    Report {
        report: Box<AuditReport>,
        sha256: String,
    },
    /// Not a report: why, in both languages.
    NotAReport(Bilingual),
}

/// Reads a report as downloaded (any layout of the same JSON) and hashes its canonical form.
pub fn read_report(text: &str) -> ReportText {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            return ReportText::NotAReport(Bilingual::new(
                format!("JSON として読めません（{error}）"),
                format!("not JSON ({error})"),
            ));
        }
    };
    let report: AuditReport = match serde_json::from_value(value.clone()) {
        Ok(report) => report,
        Err(error) => {
            return ReportText::NotAReport(Bilingual::new(
                format!("監査報告書の形式ではありません（{error}）"),
                format!("not an audit report ({error})"),
            ));
        }
    };
    if !REPORT_FORMATS_READ.contains(&report.format.as_str()) {
        return ReportText::NotAReport(Bilingual::new(
            format!("未知の報告書形式 {} です", report.format),
            format!("unknown report format {}", report.format),
        ));
    }
    ReportText::Report {
        sha256: sha256_hex(canonical_json(&value).as_bytes()),
        report: Box::new(report),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn canonical_text_ignores_layout_and_key_order() {
        let a: Value =
            serde_json::from_str(r#"{"b": [1, {"d": "x", "c": null}], "a": "日本"}"#).unwrap();
        let b = json!({"a": "日本", "b": [1, {"c": null, "d": "x"}]});
        assert_eq!(canonical_json(&a), canonical_json(&b));
        assert_eq!(
            canonical_json(&a),
            r#"{"a":"日本","b":[1,{"c":null,"d":"x"}]}"#
        );
    }

    #[test]
    fn a_report_reads_back_to_the_same_hash_and_any_edit_changes_it() {
        let report = crate::workflow::audit::tests::signed_report();
        let pretty = serde_json::to_string_pretty(&report).unwrap();
        let ReportText::Report { sha256, .. } = read_report(&pretty) else {
            panic!("a report");
        };
        assert_eq!(sha256, report.sha256());
        let edited = pretty.replacen("\"conformant\": true", "\"conformant\": false", 1);
        assert_ne!(edited, pretty);
        let ReportText::Report { sha256: other, .. } = read_report(&edited) else {
            panic!("still a report");
        };
        assert_ne!(other, sha256);
        assert!(matches!(read_report("{"), ReportText::NotAReport(_)));
        assert!(matches!(read_report("{}"), ReportText::NotAReport(_)));
    }
}
