//! Evidence (証跡): a file or a note that supports a control, or one sampled occurrence of it —
//! how it was obtained, who supplied it, the day it speaks for and the day it arrived. Files are
//! kept in the blob store by their SHA-256; the record names the hash. A record is never
//! removed: before signing it can be withdrawn (kept, marked, with the reason), after signing
//! nothing changes.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{ControlWork, Judged, check_open};
use crate::case::bounds::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::date::CalendarDate;
use crate::policy::Member;
use crate::text::Bilingual;
use crate::workflow::audit::Audit;
use crate::workflow::audit_body::is_auditor_of;
use crate::workflow::fields::Problems;
use crate::workflow::service::acts_for_provider;
use crate::workflow::statement::Statement;
use crate::workflow::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};

/// The largest evidence file: a full-day packet capture or a database export fits.
pub const MAX_EVIDENCE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// How the evidence was obtained (監査手続).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceMethod {
    Inquiry,
    Inspection,
    Observation,
    Reperformance,
}

impl EvidenceMethod {
    pub const ALL: [EvidenceMethod; 4] = [
        EvidenceMethod::Inquiry,
        EvidenceMethod::Inspection,
        EvidenceMethod::Observation,
        EvidenceMethod::Reperformance,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EvidenceMethod::Inquiry => "inquiry",
            EvidenceMethod::Inspection => "inspection",
            EvidenceMethod::Observation => "observation",
            EvidenceMethod::Reperformance => "reperformance",
        }
    }

    pub fn from_code(code: &str) -> Option<EvidenceMethod> {
        EvidenceMethod::ALL.into_iter().find(|m| m.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            EvidenceMethod::Inquiry => Bilingual::new("質問", "Inquiry"),
            EvidenceMethod::Inspection => Bilingual::new("閲覧", "Inspection"),
            EvidenceMethod::Observation => Bilingual::new("観察", "Observation"),
            EvidenceMethod::Reperformance => Bilingual::new("再実施", "Re-performance"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum EvidenceContent {
    File {
        sha256: String,
        size: u64,
        media_type: String,
        file_name: String,
    },
    Note {
        text: Bilingual,
    },
}

impl EvidenceContent {
    /// The hash a report cites: a file's own, or that of a note's text in canonical JSON.
    pub fn sha256(&self) -> String {
        match self {
            EvidenceContent::File { sha256, .. } => sha256.clone(),
            EvidenceContent::Note { text } => {
                let value = serde_json::to_value(text).unwrap_or_default();
                crate::log_chain::sha256_hex(
                    crate::workflow::report::canonical_json(&value).as_bytes(),
                )
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    pub reason: Bilingual,
    #[serde(flatten)]
    pub judged: Judged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// `{audit}/ev-{number}`, numbered in the order records arrive.
    pub id: String,
    pub audit: String,
    pub service: String,
    pub provider: String,
    pub audit_body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control: Option<String>,
    /// The sampled occurrence it supports, by number in the population.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<u64>,
    pub method: EvidenceMethod,
    pub title: Bilingual,
    pub content: EvidenceContent,
    /// The day the evidence speaks for (a log of 3 May speaks for 3 May, whenever uploaded).
    pub speaks_for: CalendarDate,
    /// The user who supplied it and their organisation.
    pub supplied_by: String,
    pub supplied_by_org: String,
    pub uploaded_at_ms: i64,
    pub uploaded_on: CalendarDate,
    /// The request for evidence it answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Withdrawal>,
}

/// The id of an audit's `number`-th evidence record: zero-padded so ids sort in arrival order.
pub fn evidence_id(audit: &str, number: u64) -> String {
    format!("{audit}/ev-{number:07}")
}

/// What is said about a new record; the file's bytes are stored before (named by hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvidence {
    pub id: String,
    pub control: Option<String>,
    pub occurrence: Option<u64>,
    pub method: EvidenceMethod,
    pub title: Bilingual,
    pub content: EvidenceContent,
    pub speaks_for: CalendarDate,
    pub request: Option<String>,
}

/// The provider or an auditor of the body adds a record while the audit is in progress. Its
/// control is a selected one of the audited statement; its occurrence is one sampled for that
/// control; it cannot speak for a day after it arrived.
pub fn add_evidence(
    audit: &Audit,
    statement: &Statement,
    work: Option<&ControlWork>,
    new: NewEvidence,
    by: &Member,
    at: Moment,
) -> Result<Change<Evidence>, Refusal> {
    if !acts_for_provider(by, &audit.provider) && !is_auditor_of(by, &audit.audit_body) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheAuditBody));
    }
    check_open(audit)?;
    let mut problems = Problems::new();
    problems.required_text("/title", &new.title, MAX_NAME_CHARS);
    match &new.content {
        EvidenceContent::Note { text } => {
            problems.required_text("/content/text", text, MAX_TEXT_CHARS);
        }
        EvidenceContent::File {
            file_name, size, ..
        } => {
            if file_name.trim().is_empty() || file_name.chars().count() > MAX_NAME_CHARS {
                problems.push(
                    "/file_name",
                    "invalid_file_name",
                    Bilingual::new(
                        format!("ファイル名は 1〜{MAX_NAME_CHARS} 文字にしてください"),
                        format!("the file name must have 1 to {MAX_NAME_CHARS} characters"),
                    ),
                );
            }
            if *size > MAX_EVIDENCE_BYTES {
                problems.push(
                    "/file",
                    "too_large",
                    Bilingual::new(
                        format!("証跡ファイルは {MAX_EVIDENCE_BYTES} バイト以内にしてください"),
                        format!("an evidence file holds at most {MAX_EVIDENCE_BYTES} bytes"),
                    ),
                );
            }
        }
    }
    if new.speaks_for > at.date() {
        problems.push(
            "/speaks_for",
            "in_the_future",
            Bilingual::new(
                format!("証跡の対象日 {} が提出日より後です", new.speaks_for),
                format!(
                    "the evidence speaks for {}, after the day it arrives",
                    new.speaks_for
                ),
            ),
        );
    }
    check_target(&mut problems, statement, work, &new);
    problems.finish()?;
    let evidence = Evidence {
        id: new.id,
        audit: audit.id.clone(),
        service: audit.service.clone(),
        provider: audit.provider.clone(),
        audit_body: audit.audit_body.clone(),
        control: new.control,
        occurrence: new.occurrence,
        method: new.method,
        title: new.title,
        content: new.content,
        speaks_for: new.speaks_for,
        supplied_by: by.user_id.clone(),
        supplied_by_org: by.org_id.clone(),
        uploaded_at_ms: at.at_ms,
        uploaded_on: at.date(),
        request: new.request,
        withdrawn: None,
    };
    Ok(evidence_change(evidence, "audit.evidence.add", by, at))
}

fn check_target(
    problems: &mut Problems,
    statement: &Statement,
    work: Option<&ControlWork>,
    new: &NewEvidence,
) {
    let Some(control) = &new.control else {
        if new.occurrence.is_some() {
            problems.push(
                "/occurrence",
                "control_required",
                Bilingual::new(
                    "発生を指定するときは管理策も指定してください",
                    "an occurrence is named together with its control",
                ),
            );
        }
        return;
    };
    if statement.content.selected(control).is_none() {
        problems.push(
            "/control",
            "not_selected",
            Bilingual::new(
                format!("{control} は監査中の言明書で選択された管理策ではありません"),
                format!("{control} is not a selected control of the audited statement"),
            ),
        );
    }
    if let Some(occurrence) = new.occurrence {
        let sampled = work
            .and_then(|work| work.operation.as_ref())
            .is_some_and(|operation| {
                operation
                    .samples
                    .iter()
                    .flat_map(|sample| &sample.items)
                    .any(|item| item.occurrence == occurrence)
            });
        if !sampled {
            problems.push(
                "/occurrence",
                "not_sampled",
                Bilingual::new(
                    format!("発生 {occurrence} は {control} の標本に含まれていません"),
                    format!("occurrence {occurrence} is not in a sample of {control}"),
                ),
            );
        }
    }
}

/// Whoever supplied a record (or an auditor of the body) withdraws it before signing, with the
/// reason; it stays listed as withdrawn.
pub fn withdraw_evidence(
    audit: &Audit,
    evidence: &Evidence,
    reason: Bilingual,
    by: &Member,
    at: Moment,
) -> Result<Change<Evidence>, Refusal> {
    if evidence.supplied_by != by.user_id && !is_auditor_of(by, &audit.audit_body) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheAuditBody));
    }
    check_open(audit)?;
    if evidence.withdrawn.is_some() {
        return Err(Refusal::Conflict(Conflict::EvidenceWithdrawn {
            evidence: evidence.id.clone(),
        }));
    }
    let mut problems = Problems::new();
    problems.long_text("/reason", &reason);
    problems.finish()?;
    let evidence = Evidence {
        withdrawn: Some(Withdrawal {
            reason,
            judged: Judged::now(by, at),
        }),
        ..evidence.clone()
    };
    Ok(evidence_change(evidence, "audit.evidence.withdraw", by, at))
}

fn evidence_change(
    evidence: Evidence,
    action: &'static str,
    by: &Member,
    at: Moment,
) -> Change<Evidence> {
    let event = WorkflowEvent::new(
        by,
        at,
        action,
        &evidence.id,
        json!({ "evidence": evidence }),
    );
    Change {
        state: evidence,
        event,
    }
}
