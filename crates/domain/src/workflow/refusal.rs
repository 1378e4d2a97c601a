//! Why a transition is refused, in three kinds that callers map to answers: the one acting may
//! not do it, the thing is in a state that forbids it, or what was given is invalid (each
//! problem at its field).

use std::fmt;

use crate::audit_kind::AuditKind;
use crate::text::Bilingual;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NotAllowed(NotAllowed),
    Conflict(Conflict),
    /// Every problem found, each at its field; never empty.
    Invalid(Vec<FieldError>),
}

impl Refusal {
    /// One invalid field.
    pub fn invalid(field: impl Into<String>, code: &'static str, message: Bilingual) -> Refusal {
        Refusal::Invalid(vec![FieldError::new(field, code, message)])
    }

    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NotAllowed(reason) => reason.code(),
            Refusal::Conflict(conflict) => conflict.code(),
            Refusal::Invalid(_) => "invalid",
        }
    }

    pub fn message(&self) -> Bilingual {
        match self {
            Refusal::NotAllowed(reason) => reason.message(),
            Refusal::Conflict(conflict) => conflict.message(),
            Refusal::Invalid(errors) => match errors.as_slice() {
                [only] => only.message.clone(),
                _ => Bilingual::new(
                    format!("入力に {} 件の問題があります", errors.len()),
                    format!("the input has {} problems", errors.len()),
                ),
            },
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.message().en)?;
        if let Refusal::Invalid(errors) = self {
            for error in errors {
                write!(f, "; {} ({})", error.field, error.message.en)?;
            }
        }
        Ok(())
    }
}

/// A problem with one field of the input, named by its JSON pointer (e.g. `/selected/3/control`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
    pub message: Bilingual,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &'static str, message: Bilingual) -> FieldError {
        FieldError {
            field: field.into(),
            code,
            message,
        }
    }
}

/// The one acting is not a party that may do this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAllowed {
    /// Only the provider that owns the service.
    NotTheProvider,
    /// Only an auditor of the audit body the audit was ordered from.
    NotTheAuditBody,
    /// Only the signing auditor the audit body named.
    NotTheSigningAuditor,
    /// Only the scheme operator's reviewers.
    NotAReviewer,
    /// Only the scheme operator's administrators.
    NotAnAdministrator,
    /// Four eyes: the one who decided may not approve the same decision.
    SameAsDecider,
    /// Only a member of the organisation a notification was sent to.
    NotTheRecipient,
    /// Only a procuring organisation's procurement staff.
    NotAProcurer,
    /// Only the procurement staff of the organisation that keeps the system.
    NotTheProcurer,
}

impl NotAllowed {
    pub fn code(self) -> &'static str {
        match self {
            NotAllowed::NotTheProvider => "not_the_provider",
            NotAllowed::NotTheAuditBody => "not_the_audit_body",
            NotAllowed::NotTheSigningAuditor => "not_the_signing_auditor",
            NotAllowed::NotAReviewer => "not_a_reviewer",
            NotAllowed::NotAnAdministrator => "not_an_administrator",
            NotAllowed::SameAsDecider => "four_eyes",
            NotAllowed::NotTheRecipient => "not_the_recipient",
            NotAllowed::NotAProcurer => "not_a_procurer",
            NotAllowed::NotTheProcurer => "not_the_procurer",
        }
    }

    pub fn message(self) -> Bilingual {
        match self {
            NotAllowed::NotTheProvider => Bilingual::new(
                "このサービスを提供する事業者だけが行えます",
                "only the provider of this service may do this",
            ),
            NotAllowed::NotTheAuditBody => Bilingual::new(
                "この監査を依頼された監査機関の監査人だけが行えます",
                "only an auditor of the audit body asked for this audit may do this",
            ),
            NotAllowed::NotTheSigningAuditor => Bilingual::new(
                "指名された署名監査人だけが署名できます",
                "only the named signing auditor may sign",
            ),
            NotAllowed::NotAReviewer => Bilingual::new(
                "制度所管の審査担当者だけが行えます",
                "only the scheme operator's reviewers may do this",
            ),
            NotAllowed::NotAnAdministrator => Bilingual::new(
                "制度所管の管理者だけが行えます",
                "only the scheme operator's administrators may do this",
            ),
            NotAllowed::SameAsDecider => Bilingual::new(
                "決定した本人は承認できません（二人の確認が必要です）",
                "the one who decided may not approve it: a second person must",
            ),
            NotAllowed::NotTheRecipient => Bilingual::new(
                "この通知を受けた組織の者だけが行えます",
                "only a member of the organisation this notification was sent to may do this",
            ),
            NotAllowed::NotAProcurer => Bilingual::new(
                "調達機関の調達担当者だけが行えます",
                "only a procuring organisation's procurement staff may do this",
            ),
            NotAllowed::NotTheProcurer => Bilingual::new(
                "このシステムを管理する調達機関の調達担当者だけが行えます",
                "only the procurement staff of the organisation that keeps this system may do this",
            ),
        }
    }
}

/// The thing is in a state that forbids the action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// A submitted statement never changes again.
    StatementFrozen { statement: String },
    /// Audits are of submitted statements only.
    StatementNotSubmitted { statement: String },
    /// The audit is not waiting for the audit body's answer.
    AuditNotRequested { audit: String },
    /// Conclusions are recorded while the audit is in progress, before signing.
    AuditNotInProgress { audit: String },
    /// Signing needs a conclusion with a reason for every selected objective and control.
    ConclusionsIncomplete { audit: String, missing: Vec<String> },
    /// Applications need an audit whose report is signed.
    ReportNotSigned { audit: String },
    /// The audit was of another service.
    AuditOfAnotherService { audit: String, service: String },
    /// The service already has an application that is not finished.
    ApplicationOpen { application: String },
    /// A new registration of a service that is already in the registry, or a renewal of one
    /// that is not.
    WrongKind { service: String, registered: bool },
    /// The application is not in a state where this can happen (e.g. deciding while
    /// explanations are pending).
    ApplicationState {
        application: String,
        status: &'static str,
    },
    /// The control was not asked about, or its explanation already has a verdict.
    ExplanationNotOpen { control: String },
    /// A verdict needs the audit body's explanation first.
    ExplanationNotAnswered { control: String },
    /// `register` is refused while the rule does not answer `register`.
    RuleDoesNotRegister { decision: &'static str },
    /// The signing auditor no longer meets the requirements on the day of signing.
    SignerNoLongerQualified { user: String },
    /// The registry entry's status does not allow this change (e.g. reinstating an entry that
    /// is not suspended).
    EntryStatus { entry: String, status: &'static str },
    /// A registration may be recorded as expired only after its last valid day.
    NotYetExpired { entry: String, valid_until: String },
    /// Since the transition day of criteria version `required`, renewals must be written
    /// against it (or a later version), not against `used`.
    CriteriaTransition {
        used: String,
        required: String,
        since: String,
    },
    /// No measure follows the revocation of an audit body's selection.
    AuditBodyRevoked { org: String, on: String },
    /// A suspension is in force: it must be lifted before another.
    AuditBodySuspended { org: String, since: String },
    /// Lifting needs a suspension in force.
    AuditBodyNotSuspended { org: String },
    /// The audit body already has an application to be selected waiting for a decision.
    SelectionApplicationOpen { application: String },
    /// The application to be selected was decided already.
    SelectionApplicationDecided { application: String },
    /// Selecting is refused while the `selection` rule does not answer `select`.
    RuleDoesNotSelect,
    /// No yearly status report is asked for yet.
    NoStatusReportOwed { org: String },
    /// Signing with a control concluded conformant whose design or operation failed.
    ConclusionsContradictWork {
        audit: String,
        controls: Vec<String>,
    },
    /// A population is frozen once recorded.
    PopulationFrozen { control: String },
    /// A sample is drawn from a frozen population only.
    PopulationNotFrozen { control: String },
    /// Each round's sample is drawn once (and the frequency is fixed once one is drawn).
    SampleDrawn { control: String, round: u8 },
    /// A second sample follows a complete first one with a failure, once.
    SecondSampleNotAllowed { control: String },
    /// Results are recorded for sampled occurrences only.
    ItemNotSampled {
        control: String,
        round: u8,
        occurrence: u64,
    },
    /// The evidence record was withdrawn already.
    EvidenceWithdrawn { evidence: String },
    /// The request for evidence was answered already.
    RequestNotOpen { request: String },
    /// The work belongs to the other kind of audit (three phases, or the evaluation of the
    /// internal audit).
    WrongAuditKind { audit: String, kind: &'static str },
    /// Re-performance rests on the internal audit's evaluation, which is not recorded yet.
    InternalAuditNotEvaluated { audit: String },
    /// The controls to re-perform are drawn once; the evaluation is fixed from then on.
    ReperformanceDrawn { audit: String },
    /// Results are recorded for drawn controls only.
    ControlNotReperformed { control: String },
    /// Signing an evaluation of the internal audit needs the controls drawn and each
    /// re-performed (`missing` is empty while none are drawn).
    ReperformanceIncomplete { audit: String, missing: Vec<String> },
    /// A quality review's engagements are drawn once.
    QualityReviewDrawn { review: String },
    /// Reviews wait for the draw.
    QualityReviewNotDrawn { review: String },
    /// A closed review no longer changes.
    QualityReviewClosed { review: String },
    /// Only drawn engagements are reviewed.
    AuditNotDrawnForReview { review: String, audit: String },
    /// Closing waits for every drawn engagement's rating.
    QualityReviewIncomplete {
        review: String,
        missing: Vec<String>,
    },
    /// The change notice was acknowledged already.
    ChangeNoticeState {
        notice: String,
        status: &'static str,
    },
    /// The incident's final report is in already.
    IncidentState {
        incident: String,
        status: &'static str,
    },
    /// The system already uses the service over part of the period.
    UsageOverlaps {
        system: String,
        entry: String,
        usage: String,
    },
    /// The usage's last day is recorded already.
    UsageEnded { usage: String },
    /// The system's watch list holds as many services as it may.
    WatchListFull { system: String, max: usize },
    /// The system keeps checklist answers for as many candidates as it may.
    AnsweredCandidatesFull { system: String, max: usize },
    /// The service has as many certificates (not withdrawn) as it may.
    TooManyCertificates { service: String, max: usize },
    /// The certificate was withdrawn: it no longer changes.
    CertificateWithdrawn { certificate: String },
    /// The service shares its annexes with as many organisations as it may.
    TooManyAnnexGrants { service: String, max: usize },
}

impl Conflict {
    pub fn code(&self) -> &'static str {
        match self {
            Conflict::StatementFrozen { .. } => "statement_frozen",
            Conflict::StatementNotSubmitted { .. } => "statement_not_submitted",
            Conflict::AuditNotRequested { .. } => "audit_not_requested",
            Conflict::AuditNotInProgress { .. } => "audit_not_in_progress",
            Conflict::ConclusionsIncomplete { .. } => "conclusions_incomplete",
            Conflict::ReportNotSigned { .. } => "report_not_signed",
            Conflict::AuditOfAnotherService { .. } => "audit_of_another_service",
            Conflict::ApplicationOpen { .. } => "application_open",
            Conflict::WrongKind { .. } => "wrong_kind",
            Conflict::ApplicationState { .. } => "application_state",
            Conflict::ExplanationNotOpen { .. } => "explanation_not_open",
            Conflict::ExplanationNotAnswered { .. } => "explanation_not_answered",
            Conflict::RuleDoesNotRegister { .. } => "rule_does_not_register",
            Conflict::SignerNoLongerQualified { .. } => "signer_not_qualified",
            Conflict::EntryStatus { .. } => "entry_status",
            Conflict::NotYetExpired { .. } => "not_yet_expired",
            Conflict::CriteriaTransition { .. } => "criteria_transition",
            Conflict::AuditBodyRevoked { .. } => "audit_body_revoked",
            Conflict::AuditBodySuspended { .. } => "audit_body_suspended",
            Conflict::AuditBodyNotSuspended { .. } => "audit_body_not_suspended",
            Conflict::SelectionApplicationOpen { .. } => "selection_application_open",
            Conflict::SelectionApplicationDecided { .. } => "selection_application_decided",
            Conflict::RuleDoesNotSelect => "rule_does_not_select",
            Conflict::NoStatusReportOwed { .. } => "no_status_report_owed",
            Conflict::ConclusionsContradictWork { .. } => "conclusions_contradict_work",
            Conflict::PopulationFrozen { .. } => "population_frozen",
            Conflict::PopulationNotFrozen { .. } => "population_not_frozen",
            Conflict::SampleDrawn { .. } => "sample_drawn",
            Conflict::SecondSampleNotAllowed { .. } => "second_sample_not_allowed",
            Conflict::ItemNotSampled { .. } => "item_not_sampled",
            Conflict::EvidenceWithdrawn { .. } => "evidence_withdrawn",
            Conflict::RequestNotOpen { .. } => "request_not_open",
            Conflict::WrongAuditKind { .. } => "wrong_audit_kind",
            Conflict::InternalAuditNotEvaluated { .. } => "internal_audit_not_evaluated",
            Conflict::ReperformanceDrawn { .. } => "reperformance_drawn",
            Conflict::ControlNotReperformed { .. } => "control_not_reperformed",
            Conflict::ReperformanceIncomplete { .. } => "reperformance_incomplete",
            Conflict::QualityReviewDrawn { .. } => "quality_review_drawn",
            Conflict::QualityReviewNotDrawn { .. } => "quality_review_not_drawn",
            Conflict::QualityReviewClosed { .. } => "quality_review_closed",
            Conflict::AuditNotDrawnForReview { .. } => "audit_not_drawn_for_review",
            Conflict::QualityReviewIncomplete { .. } => "quality_review_incomplete",
            Conflict::ChangeNoticeState { .. } => "change_notice_state",
            Conflict::IncidentState { .. } => "incident_state",
            Conflict::UsageOverlaps { .. } => "usage_overlaps",
            Conflict::UsageEnded { .. } => "usage_ended",
            Conflict::WatchListFull { .. } => "watch_list_full",
            Conflict::AnsweredCandidatesFull { .. } => "answered_candidates_full",
            Conflict::TooManyAnnexGrants { .. } => "too_many_annex_grants",
            Conflict::TooManyCertificates { .. } => "too_many_certificates",
            Conflict::CertificateWithdrawn { .. } => "certificate_withdrawn",
        }
    }

    pub fn message(&self) -> Bilingual {
        match self {
            Conflict::StatementFrozen { statement } => Bilingual::new(
                format!("言明書 {statement} は提出済みのため変更できません"),
                format!("statement {statement} is submitted and can no longer change"),
            ),
            Conflict::StatementNotSubmitted { statement } => Bilingual::new(
                format!("言明書 {statement} は未提出です。監査は提出済みの言明書に対して行います"),
                format!(
                    "statement {statement} is a draft: audits are of submitted statements only"
                ),
            ),
            Conflict::AuditNotRequested { audit } => Bilingual::new(
                format!("監査 {audit} は受諾を待つ状態ではありません"),
                format!("audit {audit} is not waiting to be accepted"),
            ),
            Conflict::AuditNotInProgress { audit } => Bilingual::new(
                format!("監査 {audit} は実施中ではありません（未受諾または署名済み）"),
                format!("audit {audit} is not in progress (not accepted yet, or signed)"),
            ),
            Conflict::ConclusionsIncomplete { audit, missing } => Bilingual::new(
                format!(
                    "監査 {audit} には結論または理由のない項目が {} 件あります（{}）",
                    missing.len(),
                    first_few(missing)
                ),
                format!(
                    "audit {audit} has {} items without a conclusion or reason ({})",
                    missing.len(),
                    first_few(missing)
                ),
            ),
            Conflict::ReportNotSigned { audit } => Bilingual::new(
                format!("監査 {audit} の報告書はまだ署名されていません"),
                format!("the report of audit {audit} is not signed yet"),
            ),
            Conflict::AuditOfAnotherService { audit, service } => Bilingual::new(
                format!("監査 {audit} はサービス {service} の監査ではありません"),
                format!("audit {audit} is not an audit of service {service}"),
            ),
            Conflict::ApplicationOpen { application } => Bilingual::new(
                format!("このサービスには処理中の申請 {application} があります"),
                format!("the service already has application {application} in progress"),
            ),
            Conflict::WrongKind {
                service,
                registered: true,
            } => Bilingual::new(
                format!("サービス {service} は登録済みです。更新として申請してください"),
                format!("service {service} is already registered: apply for a renewal"),
            ),
            Conflict::WrongKind {
                service,
                registered: false,
            } => Bilingual::new(
                format!("サービス {service} は登録されていないため更新できません"),
                format!("service {service} is not registered, so it cannot be renewed"),
            ),
            Conflict::ApplicationState {
                application,
                status,
            } => Bilingual::new(
                format!("申請 {application} は現在の状態（{status}）ではこの操作ができません"),
                format!("application {application} is {status}: this cannot be done now"),
            ),
            Conflict::ExplanationNotOpen { control } => Bilingual::new(
                format!("管理策 {control} について説明は求められていないか、判断済みです"),
                format!(
                    "no explanation of control {control} is asked for, or it was already judged"
                ),
            ),
            Conflict::ExplanationNotAnswered { control } => Bilingual::new(
                format!("管理策 {control} について監査機関の説明がまだありません"),
                format!("the audit body has not explained control {control} yet"),
            ),
            Conflict::RuleDoesNotRegister { decision } => Bilingual::new(
                format!("登録の判断基準の結果が「{decision}」のため登録できません"),
                format!("the registration rule answers `{decision}`, so it cannot be registered"),
            ),
            Conflict::SignerNoLongerQualified { user } => Bilingual::new(
                format!("署名監査人 {user} は署名日時点で要件を満たしていません"),
                format!(
                    "signing auditor {user} does not meet the requirements on the day of signing"
                ),
            ),
            Conflict::EntryStatus { entry, status } => Bilingual::new(
                format!("登録簿の {entry} は現在の状態（{status}）ではこの変更ができません"),
                format!("registry entry {entry} is {status}: this change cannot be made now"),
            ),
            Conflict::NotYetExpired { entry, valid_until } => Bilingual::new(
                format!(
                    "登録簿の {entry} は {valid_until} まで有効のため、まだ期限切れにできません"
                ),
                format!(
                    "registry entry {entry} is valid until {valid_until}: it has not expired yet"
                ),
            ),
            Conflict::CriteriaTransition {
                used,
                required,
                since,
            } => Bilingual::new(
                format!(
                    "{since} 以降の更新申請は管理基準 {required}（以降の版）で書いた言明書によります。この言明書は {used} で書かれています"
                ),
                format!(
                    "from {since} renewals rest on a statement written against criteria {required} (or a later version); this one is written against {used}"
                ),
            ),
            Conflict::AuditBodyRevoked { org, on } => Bilingual::new(
                format!("監査機関 {org} の選定は {on} に取り消されています"),
                format!("the selection of audit body {org} was revoked on {on}"),
            ),
            Conflict::AuditBodySuspended { org, since } => Bilingual::new(
                format!("監査機関 {org} は {since} から停止中です。先に停止を解除してください"),
                format!("audit body {org} is suspended since {since}: lift that suspension first"),
            ),
            Conflict::AuditBodyNotSuspended { org } => Bilingual::new(
                format!("監査機関 {org} は停止されていません"),
                format!("audit body {org} is not suspended"),
            ),
            Conflict::SelectionApplicationOpen { application } => Bilingual::new(
                format!("選定申請 {application} が決定を待っています"),
                format!("selection application {application} is still waiting for a decision"),
            ),
            Conflict::SelectionApplicationDecided { application } => Bilingual::new(
                format!("選定申請 {application} は決定済みです"),
                format!("selection application {application} was decided already"),
            ),
            Conflict::RuleDoesNotSelect => Bilingual::new(
                "選定の判断基準が選定と答えないため、選定できません",
                "the selection rule does not answer select, so the body cannot be selected",
            ),
            Conflict::NoStatusReportOwed { org } => Bilingual::new(
                format!("監査機関 {org} が今提出すべき年次の状況報告はありません"),
                format!("audit body {org} owes no yearly status report now"),
            ),
            Conflict::ConclusionsContradictWork { audit, controls } => Bilingual::new(
                format!(
                    "監査 {audit} では整備または運用が有効でない管理策が適合と結論されています（{}）",
                    first_few(controls)
                ),
                format!(
                    "audit {audit} concludes conformant controls whose design or operation failed ({})",
                    first_few(controls)
                ),
            ),
            Conflict::PopulationFrozen { control } => Bilingual::new(
                format!("{control} の母集団は記録済みで、変更できません"),
                format!("the population of {control} is recorded and frozen"),
            ),
            Conflict::PopulationNotFrozen { control } => Bilingual::new(
                format!("{control} の母集団がまだ記録されていません"),
                format!("the population of {control} is not recorded yet"),
            ),
            Conflict::SampleDrawn { control, round } => Bilingual::new(
                format!("{control} の第 {round} 回の標本は抽出済みです"),
                format!("the sample of round {round} of {control} is drawn already"),
            ),
            Conflict::SecondSampleNotAllowed { control } => Bilingual::new(
                format!(
                    "{control} の追加標本は、第 1 回の標本の全件に結果があり不合格が含まれるときに限り抽出できます"
                ),
                format!(
                    "a second sample of {control} is drawn only when every item of the first has a result and one failed"
                ),
            ),
            Conflict::ItemNotSampled {
                control,
                round,
                occurrence,
            } => Bilingual::new(
                format!("発生 {occurrence} は {control} の第 {round} 回の標本にありません"),
                format!(
                    "occurrence {occurrence} is not in round {round} of the sample of {control}"
                ),
            ),
            Conflict::EvidenceWithdrawn { evidence } => Bilingual::new(
                format!("証跡 {evidence} は取り下げ済みです"),
                format!("evidence {evidence} is withdrawn already"),
            ),
            Conflict::RequestNotOpen { request } => Bilingual::new(
                format!("証跡依頼 {request} は回答済みです"),
                format!("request {request} is answered already"),
            ),
            Conflict::WrongAuditKind { audit, kind } => {
                let kind = AuditKind::from_code(kind).unwrap_or_default().title();
                Bilingual::new(
                    format!("監査 {audit} は「{}」で、この作業はできません", kind.ja),
                    format!(
                        "audit {audit} is an \"{}\": this work is not part of it",
                        kind.en
                    ),
                )
            }
            Conflict::InternalAuditNotEvaluated { audit } => Bilingual::new(
                format!("監査 {audit} では内部監査の評価がまだ記録されていません"),
                format!("audit {audit} has no evaluation of the internal audit yet"),
            ),
            Conflict::ReperformanceDrawn { audit } => Bilingual::new(
                format!("監査 {audit} の再実施する管理策は抽出済みです"),
                format!("the controls to re-perform in audit {audit} are drawn already"),
            ),
            Conflict::ControlNotReperformed { control } => Bilingual::new(
                format!("{control} は再実施の標本に含まれていません"),
                format!("{control} is not among the controls drawn for re-performance"),
            ),
            Conflict::ReperformanceIncomplete { audit, missing } if missing.is_empty() => {
                Bilingual::new(
                    format!("監査 {audit} の再実施する管理策がまだ抽出されていません"),
                    format!("the controls to re-perform in audit {audit} are not drawn yet"),
                )
            }
            Conflict::ReperformanceIncomplete { audit, missing } => Bilingual::new(
                format!(
                    "監査 {audit} で再実施の結果がない管理策があります: {}",
                    first_few(missing)
                ),
                format!(
                    "audit {audit} has controls drawn for re-performance without a result: {}",
                    first_few(missing)
                ),
            ),
            Conflict::QualityReviewDrawn { review } => Bilingual::new(
                format!("品質レビュー {review} の対象は抽出済みです"),
                format!("the engagements of quality review {review} are drawn already"),
            ),
            Conflict::QualityReviewNotDrawn { review } => Bilingual::new(
                format!("品質レビュー {review} の対象がまだ抽出されていません"),
                format!("the engagements of quality review {review} are not drawn yet"),
            ),
            Conflict::QualityReviewClosed { review } => Bilingual::new(
                format!("品質レビュー {review} は完了しており変更できません"),
                format!("quality review {review} is closed and can no longer change"),
            ),
            Conflict::AuditNotDrawnForReview { review, audit } => Bilingual::new(
                format!("監査 {audit} は品質レビュー {review} の対象に抽出されていません"),
                format!(
                    "audit {audit} is not among the engagements drawn for quality review {review}"
                ),
            ),
            Conflict::QualityReviewIncomplete { review, missing } => Bilingual::new(
                format!(
                    "品質レビュー {review} で評価が記録されていない監査があります: {}",
                    first_few(missing)
                ),
                format!(
                    "quality review {review} has drawn engagements without a rating: {}",
                    first_few(missing)
                ),
            ),
            Conflict::ChangeNoticeState { notice, status } => Bilingual::new(
                format!("変更届出 {notice} は受付待ちではありません（{status}）"),
                format!("change notice {notice} is not waiting for acknowledgement ({status})"),
            ),
            Conflict::IncidentState { incident, status } => Bilingual::new(
                format!("インシデント {incident} の確報は提出済みです（{status}）"),
                format!("the final report of incident {incident} is in already ({status})"),
            ),
            Conflict::UsageOverlaps {
                system,
                entry,
                usage,
            } => Bilingual::new(
                format!(
                    "システム {system} による {entry} の利用は、この期間と重なる記録 {usage} が既にあります"
                ),
                format!(
                    "system {system} is already recorded as using {entry} over part of this period ({usage})"
                ),
            ),
            Conflict::UsageEnded { usage } => Bilingual::new(
                format!("利用 {usage} の終了日は記録済みです"),
                format!("the last day of usage {usage} is recorded already"),
            ),
            Conflict::WatchListFull { system, max } => Bilingual::new(
                format!("システム {system} の候補リストは上限の {max} 件に達しています"),
                format!("the watch list of system {system} holds its maximum of {max} services"),
            ),
            Conflict::TooManyAnnexGrants { service, max } => Bilingual::new(
                format!("サービス {service} の別紙は上限の {max} 組織に開示済みです"),
                format!(
                    "service {service} shares its annexes with its maximum of {max} organisations"
                ),
            ),
            Conflict::AnsweredCandidatesFull { system, max } => Bilingual::new(
                format!(
                    "システム {system} は上限の {max} 件の候補について確認項目の回答を保存しています。不要になった回答を消してください"
                ),
                format!(
                    "system {system} keeps checklist answers for its maximum of {max} candidates; forget some that are no longer needed"
                ),
            ),
            Conflict::TooManyCertificates { service, max } => Bilingual::new(
                format!(
                    "サービス {service} の認証は上限の {max} 件に達しています。不要なものを取り下げてください"
                ),
                format!(
                    "service {service} has its maximum of {max} certificates: withdraw one that no longer applies"
                ),
            ),
            Conflict::CertificateWithdrawn { certificate } => Bilingual::new(
                format!("認証 {certificate} は取下げ済みのため変更できません"),
                format!("certificate {certificate} is withdrawn and no longer changes"),
            ),
        }
    }
}

fn first_few(items: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut text = items
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > SHOWN {
        text.push_str(", …");
    }
    text
}
