//! Reliance (依拠): a control's operation may rest on another certification or on the
//! provider's internal audit instead of a sample. The record names the certificate or report,
//! its period and scope; it is refused unless the period overlaps the audit period and the scope
//! covers the audited service.

use serde::{Deserialize, Serialize};

use super::{ControlWork, Judged, check_phases, check_working, recorded};
use crate::case::bounds::MAX_NAME_CHARS;
use crate::policy::Member;
use crate::registry::Period;
use crate::text::Bilingual;
use crate::workflow::audit::Audit;
use crate::workflow::fields::{Problems, is_blank};
use crate::workflow::statement::Statement;
use crate::workflow::{Change, Moment, Refusal};

/// Most services a certificate's scope lists in a reliance record.
pub const MAX_COVERED_SERVICES: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelianceKind {
    Iso27017,
    Soc2,
    CsGold,
    Fedramp,
    InternalAudit,
}

impl RelianceKind {
    pub const ALL: [RelianceKind; 5] = [
        RelianceKind::Iso27017,
        RelianceKind::Soc2,
        RelianceKind::CsGold,
        RelianceKind::Fedramp,
        RelianceKind::InternalAudit,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RelianceKind::Iso27017 => "iso27017",
            RelianceKind::Soc2 => "soc2",
            RelianceKind::CsGold => "cs_gold",
            RelianceKind::Fedramp => "fedramp",
            RelianceKind::InternalAudit => "internal_audit",
        }
    }

    pub fn from_code(code: &str) -> Option<RelianceKind> {
        RelianceKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            RelianceKind::Iso27017 => Bilingual::new("ISO/IEC 27017 認証", "ISO/IEC 27017"),
            RelianceKind::Soc2 => Bilingual::new("SOC 2 報告書", "SOC 2 report"),
            RelianceKind::CsGold => Bilingual::new("CS ゴールドマーク", "CS Gold mark"),
            RelianceKind::Fedramp => Bilingual::new("FedRAMP 認可", "FedRAMP authorization"),
            RelianceKind::InternalAudit => {
                Bilingual::new("事業者の内部監査", "The provider's internal audit")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reliance {
    pub kind: RelianceKind,
    /// The certificate's or report's number or title.
    pub reference: String,
    pub issuer: String,
    pub period: Period,
    pub scope: Bilingual,
    /// The services the certificate's scope covers, by id: the audited one among them.
    pub covers: Vec<String>,
    pub reason: Bilingual,
    #[serde(flatten)]
    pub judged: Judged,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelianceInput {
    pub control: String,
    pub kind: RelianceKind,
    pub reference: String,
    pub issuer: String,
    pub period: Period,
    pub scope: Bilingual,
    pub covers: Vec<String>,
    pub reason: Bilingual,
}

/// An auditor records that a selected control's operation rests on a certification or the
/// provider's internal audit.
pub fn rely(
    audit: &Audit,
    statement: &Statement,
    existing: Option<&ControlWork>,
    input: RelianceInput,
    by: &Member,
    at: Moment,
) -> Result<Change<ControlWork>, Refusal> {
    check_working(audit, by)?;
    check_phases(audit)?;
    let mut problems = Problems::new();
    if statement.content.selected(&input.control).is_none() {
        problems.push(
            "/control",
            "not_selected",
            Bilingual::new(
                format!(
                    "{} は監査中の言明書で選択された管理策ではありません",
                    input.control
                ),
                format!(
                    "{} is not a selected control of the audited statement",
                    input.control
                ),
            ),
        );
    }
    check_relied_report(
        &mut problems,
        audit,
        [("/reference", &input.reference), ("/issuer", &input.issuer)],
        input.period,
        &input.scope,
        &input.covers,
    );
    problems.long_text("/reason", &input.reason);
    problems.finish()?;
    let mut work = ControlWork::of(audit, &input.control, existing);
    work.reliance = Some(Reliance {
        kind: input.kind,
        reference: input.reference,
        issuer: input.issuer,
        period: input.period,
        scope: input.scope,
        covers: input.covers,
        reason: input.reason,
        judged: Judged::now(by, at),
    });
    Ok(recorded(work, "audit.reliance", by, at))
}

/// The checks a relied-on report passes, a certificate's or the provider's internal audit's: its
/// two names given, its scope written, its period overlapping the audit period, and the services
/// it covers naming the audited one.
pub(super) fn check_relied_report(
    problems: &mut Problems,
    audit: &Audit,
    names: [(&str, &String); 2],
    period: Period,
    scope: &Bilingual,
    covers: &[String],
) {
    for (field, text) in names {
        if is_blank(text) || text.chars().count() > MAX_NAME_CHARS {
            problems.push(
                field,
                "required",
                Bilingual::new(
                    format!("{field} は 1〜{MAX_NAME_CHARS} 文字で入力してください"),
                    format!("{field} must have 1 to {MAX_NAME_CHARS} characters"),
                ),
            );
        }
    }
    problems.long_text("/scope", scope);
    problems.list_size("/covers", covers.len(), MAX_COVERED_SERVICES);
    let audited = audit.period;
    if period.end < period.start {
        problems.push(
            "/period_end",
            "period_reversed",
            Bilingual::new(
                "期間の終了日が開始日より前です",
                "the period ends before it starts",
            ),
        );
    } else if period.end < audited.start || period.start > audited.end {
        problems.push(
            "/period_start",
            "period_outside_audit",
            Bilingual::new(
                format!(
                    "期間 {}〜{} は監査期間 {}〜{} と重なりません",
                    period.start, period.end, audited.start, audited.end
                ),
                format!(
                    "the period {} to {} does not overlap the audit period {} to {}",
                    period.start, period.end, audited.start, audited.end
                ),
            ),
        );
    }
    if !covers.contains(&audit.service) {
        problems.push(
            "/covers",
            "scope_does_not_cover",
            Bilingual::new(
                format!("範囲が監査対象のサービス {} を含みません", audit.service),
                format!(
                    "the scope does not cover the audited service {}",
                    audit.service
                ),
            ),
        );
    }
}
