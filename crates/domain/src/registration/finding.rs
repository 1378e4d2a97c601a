//! Reject findings of the registration rule: stable codes and their messages in both languages.

use serde::Serialize;

use crate::audit_kind::AuditKind;
use crate::date::CalendarDate;
use crate::level::Level;
use crate::text::Bilingual;

/// Why an application cannot be registered. The `snake_case` names are the stable codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingCode {
    AuditBodyNotSelected,
    AuditorNotQualified,
    AuditKindNotAllowed,
    ScopeMismatch,
    UnknownControl,
    SelectedAndExcluded,
    ControlNotAddressed,
    ExclusionWithoutReason,
    MandatoryControlExcluded,
    ReportIncomplete,
    ObjectiveNotEffective,
    MandatoryControlNonconformant,
    UnderlyingNotRegistered,
    UnderlyingLevelTooLow,
    ExplanationRejected,
}

impl FindingCode {
    pub const ALL: [FindingCode; 15] = [
        FindingCode::AuditBodyNotSelected,
        FindingCode::AuditorNotQualified,
        FindingCode::AuditKindNotAllowed,
        FindingCode::ScopeMismatch,
        FindingCode::UnknownControl,
        FindingCode::SelectedAndExcluded,
        FindingCode::ControlNotAddressed,
        FindingCode::ExclusionWithoutReason,
        FindingCode::MandatoryControlExcluded,
        FindingCode::ReportIncomplete,
        FindingCode::ObjectiveNotEffective,
        FindingCode::MandatoryControlNonconformant,
        FindingCode::UnderlyingNotRegistered,
        FindingCode::UnderlyingLevelTooLow,
        FindingCode::ExplanationRejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::AuditBodyNotSelected => "audit_body_not_selected",
            FindingCode::AuditorNotQualified => "auditor_not_qualified",
            FindingCode::AuditKindNotAllowed => "audit_kind_not_allowed",
            FindingCode::ScopeMismatch => "scope_mismatch",
            FindingCode::UnknownControl => "unknown_control",
            FindingCode::SelectedAndExcluded => "selected_and_excluded",
            FindingCode::ControlNotAddressed => "control_not_addressed",
            FindingCode::ExclusionWithoutReason => "exclusion_without_reason",
            FindingCode::MandatoryControlExcluded => "mandatory_control_excluded",
            FindingCode::ReportIncomplete => "report_incomplete",
            FindingCode::ObjectiveNotEffective => "objective_not_effective",
            FindingCode::MandatoryControlNonconformant => "mandatory_control_nonconformant",
            FindingCode::UnderlyingNotRegistered => "underlying_not_registered",
            FindingCode::UnderlyingLevelTooLow => "underlying_level_too_low",
            FindingCode::ExplanationRejected => "explanation_rejected",
        }
    }
}

/// One reason for rejection, about one subject (a control, objective, service, the audit body
/// or the signing auditor).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: FindingCode,
    pub subject: String,
    pub message: Bilingual,
}

/// Why the audit body could not carry out this audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditBodyProblem {
    Status(&'static str),
    PeriodOutsideSelection {
        period: (CalendarDate, CalendarDate),
        selection: (CalendarDate, CalendarDate),
    },
}

pub fn audit_body_not_selected(id: &str, problems: &[AuditBodyProblem]) -> Finding {
    let (ja, en): (Vec<String>, Vec<String>) = problems
        .iter()
        .map(|problem| match problem {
            AuditBodyProblem::Status(status) => (
                format!("状態が「{status}」で、選定されていません"),
                format!("its status is \"{status}\", not selected"),
            ),
            AuditBodyProblem::PeriodOutsideSelection { period, selection } => (
                format!(
                    "監査期間 {}〜{} が選定の有効期間 {}〜{} に収まっていません",
                    period.0, period.1, selection.0, selection.1
                ),
                format!(
                    "the audit period {} to {} is not inside its selection {} to {}",
                    period.0, period.1, selection.0, selection.1
                ),
            ),
        })
        .unzip();
    finding(
        FindingCode::AuditBodyNotSelected,
        id,
        format!(
            "監査機関 {id} は監査を行える状態ではありません: {}。",
            ja.join("。")
        ),
        format!(
            "Audit body {id} could not carry out this audit: {}.",
            en.join("; ")
        ),
    )
}

/// What the signing auditor lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditorGap {
    Qualification { required_any: Vec<String> },
    Experience { has: u64, required: u64 },
    Nationality { has: String, required: String },
}

pub fn auditor_not_qualified(name: &str, gaps: &[AuditorGap]) -> Finding {
    let (ja, en): (Vec<String>, Vec<String>) = gaps
        .iter()
        .map(|gap| match gap {
            AuditorGap::Qualification { required_any } => (
                format!(
                    "資格 {} のいずれも保有していません",
                    required_any.join("・")
                ),
                format!("holds none of {}", required_any.join(", ")),
            ),
            AuditorGap::Experience { has, required } => (
                format!("実務経験が {has} 年で、{required} 年に足りません"),
                format!("has {has} years of experience, fewer than {required}"),
            ),
            AuditorGap::Nationality { has, required } => (
                format!("国籍が {has} で、{required} ではありません"),
                format!("is of nationality {has}, not {required}"),
            ),
        })
        .unzip();
    finding(
        FindingCode::AuditorNotQualified,
        name,
        format!(
            "署名する監査人 {name} は要件を満たしません: {}。",
            ja.join("。")
        ),
        format!(
            "Signing auditor {name} does not meet the requirements: {}.",
            en.join("; ")
        ),
    )
}

pub fn audit_kind_not_allowed(service: &str, kind: AuditKind, target: Level) -> Finding {
    let highest = kind.highest_level();
    finding(
        FindingCode::AuditKindNotAllowed,
        service,
        format!(
            "{service} の監査は「{}」で、レベル{highest}までの登録にしか使えません（申請はレベル{target}）。",
            kind.title().ja
        ),
        format!(
            "The audit of {service} was an \"{}\", which supports registration up to level {highest} only; the application is for level {target}.",
            kind.title().en
        ),
    )
}

pub fn scope_mismatch(service: &str, audited: &str, registered: &str) -> Finding {
    finding(
        FindingCode::ScopeMismatch,
        service,
        format!("監査した範囲「{audited}」が登録を求める範囲「{registered}」と一致しません。"),
        format!(
            "The audited scope \"{audited}\" differs from the scope to be registered \"{registered}\"."
        ),
    )
}

/// Where an unknown id was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Statement,
    Report,
    Explanations,
}

/// The criteria version is not repeated here: a case may name thousands of unknown ids, and
/// each finding would carry it again (the answer would grow with the version's length times
/// their number).
pub fn unknown_control(id: &str, sources: &[Source]) -> Finding {
    let (ja, en): (Vec<&str>, Vec<&str>) = sources
        .iter()
        .map(|source| match source {
            Source::Statement => ("言明書", "statement"),
            Source::Report => ("監査報告書", "report"),
            Source::Explanations => ("監査人の説明", "auditor's explanations"),
        })
        .unzip();
    finding(
        FindingCode::UnknownControl,
        id,
        format!(
            "{}に記載された {id} はこの管理基準にありません。",
            ja.join("と")
        ),
        format!(
            "{id} is named in the {} but is not in the criteria.",
            en.join(" and ")
        ),
    )
}

pub fn selected_and_excluded(control: &str) -> Finding {
    finding(
        FindingCode::SelectedAndExcluded,
        control,
        format!("管理策 {control} が選択と除外の両方に挙がっています。"),
        format!("Control {control} is both selected and excluded."),
    )
}

pub fn control_not_addressed(control: &str, level: Level) -> Finding {
    finding(
        FindingCode::ControlNotAddressed,
        control,
        format!("管理策 {control} はレベル {level} に必要ですが、選択も除外もされていません。"),
        format!(
            "Control {control} is required at level {level} but is neither selected nor excluded."
        ),
    )
}

pub fn exclusion_without_reason(control: &str) -> Finding {
    finding(
        FindingCode::ExclusionWithoutReason,
        control,
        format!("管理策 {control} を除外する理由が書かれていません。"),
        format!("The exclusion of control {control} gives no reason."),
    )
}

pub fn mandatory_control_excluded(control: &str) -> Finding {
    finding(
        FindingCode::MandatoryControlExcluded,
        control,
        format!("遵守事項である管理策 {control} は除外できません。"),
        format!("Control {control} is mandatory and cannot be excluded."),
    )
}

/// What is missing from the report for one control or objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportGap {
    NoResult,
    NoReason,
}

pub fn report_incomplete(subject: &str, is_objective: bool, gap: ReportGap) -> Finding {
    let (what_ja, what_en) = if is_objective {
        ("統制目標", "objective")
    } else {
        ("管理策", "control")
    };
    let (ja, en) = match gap {
        ReportGap::NoResult => (
            format!("監査報告書に{what_ja} {subject} の結論がありません。"),
            format!("The report gives no conclusion for {what_en} {subject}."),
        ),
        ReportGap::NoReason => (
            format!("監査報告書の{what_ja} {subject} の結論に理由がありません。"),
            format!("The report's conclusion for {what_en} {subject} gives no reason."),
        ),
    };
    finding(FindingCode::ReportIncomplete, subject, ja, en)
}

pub fn objective_not_effective(objective: &str) -> Finding {
    finding(
        FindingCode::ObjectiveNotEffective,
        objective,
        format!("統制目標 {objective} は有効と判断されていません。"),
        format!("Control objective {objective} was not found effective."),
    )
}

pub fn mandatory_control_nonconformant(control: &str) -> Finding {
    finding(
        FindingCode::MandatoryControlNonconformant,
        control,
        format!("遵守事項である管理策 {control} が適合していません。"),
        format!("Mandatory control {control} is not conformant."),
    )
}

pub fn underlying_not_registered(service: &str, status: Option<&str>) -> Finding {
    let (ja, en) = match status {
        Some(status) => (
            format!("基盤とするサービス {service} の登録状態が「{status}」です。"),
            format!("Underlying service {service} is {status}, not registered."),
        ),
        None => (
            format!("基盤とするサービス {service} は登録簿にありません。"),
            format!("Underlying service {service} is not in the registry."),
        ),
    };
    finding(FindingCode::UnderlyingNotRegistered, service, ja, en)
}

pub fn underlying_level_too_low(service: &str, level: Level, target: Level) -> Finding {
    finding(
        FindingCode::UnderlyingLevelTooLow,
        service,
        format!(
            "基盤とするサービス {service} はレベル {level} の登録で、申請レベル {target} に届きません。"
        ),
        format!(
            "Underlying service {service} is registered at level {level}, below the level applied for ({target})."
        ),
    )
}

pub fn explanation_rejected(control: &str) -> Finding {
    finding(
        FindingCode::ExplanationRejected,
        control,
        format!("推奨事項 {control} の不適合について、監査人の説明が受け入れられませんでした。"),
        format!(
            "The auditor's explanation for non-conformant recommended control {control} was not accepted."
        ),
    )
}

fn finding(code: FindingCode, subject: &str, ja: String, en: String) -> Finding {
    Finding {
        code,
        subject: subject.to_owned(),
        message: Bilingual::new(ja, en),
    }
}
