//! Explanations (説明): for a selected recommended control that is not conformant while its
//! objective is effective, the reviewer may ask the audit body why it still holds; the body
//! answers, and the reviewer accepts or rejects the answer. The application waits while any
//! asked control has no verdict.

use serde::{Deserialize, Serialize};

use super::{
    Application, ApplicationStatus, expect_status, is_its_audit_body, is_reviewer, recorded,
};
use crate::case::bounds::MAX_TEXT_CHARS;
use crate::policy::Member;
use crate::registration::RegistrationDecision;
use crate::text::Bilingual;
use crate::workflow::fields::Problems;
use crate::workflow::{Change, Conflict, Moment, NotAllowed, Refusal};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExplanationRequest {
    pub control: String,
    pub asked_by: String,
    pub asked_at_ms: i64,
    /// The audit body's explanation, once given.
    pub text: Option<Bilingual>,
    pub answered_by: Option<String>,
    pub answered_at_ms: Option<i64>,
    /// The reviewer's verdict on the explanation.
    pub accepted: Option<bool>,
    pub judged_by: Option<String>,
    pub judged_at_ms: Option<i64>,
}

impl Application {
    pub fn explanation(&self, control: &str) -> Option<&ExplanationRequest> {
        self.explanations.iter().find(|e| e.control == control)
    }

    /// The explanations the reviewer has judged, as the registration rule reads them.
    pub fn judged_explanations(&self) -> Vec<crate::registration::Explanation> {
        self.explanations
            .iter()
            .filter_map(|e| {
                e.accepted.map(|accepted| crate::registration::Explanation {
                    control: e.control.clone(),
                    accepted,
                })
            })
            .collect()
    }
}

/// The reviewer asks the audit body to explain `controls`, each of which the registration rule
/// lists as needing an explanation (`review`) and that was not asked about before.
pub fn ask(
    application: &Application,
    controls: &[String],
    review: &RegistrationDecision,
    by: &Member,
    at: Moment,
) -> Result<Change<Application>, Refusal> {
    if !is_reviewer(by) {
        return Err(Refusal::NotAllowed(NotAllowed::NotAReviewer));
    }
    expect_status(
        application,
        &[
            ApplicationStatus::UnderReview,
            ApplicationStatus::ExplanationRequested,
        ],
    )?;
    let mut problems = Problems::new();
    if controls.is_empty() {
        problems.push(
            "/controls",
            "required",
            Bilingual::new(
                "説明を求める管理策を一つ以上指定してください",
                "name at least one control to explain",
            ),
        );
    }
    for (i, control) in controls.iter().enumerate() {
        let field = format!("/controls/{i}");
        if !review.explanations_requested.contains(control) {
            problems.push(
                field.clone(),
                "no_explanation_needed",
                Bilingual::new(
                    format!("{field}: 管理策 {control} は説明を要する推奨事項ではありません"),
                    format!("{field}: control {control} is not a recommended control that needs an explanation"),
                ),
            );
        } else if application.explanation(control).is_some() {
            problems.push(
                field.clone(),
                "already_asked",
                Bilingual::new(
                    format!("{field}: 管理策 {control} の説明は既に求めています"),
                    format!("{field}: an explanation of control {control} was already asked for"),
                ),
            );
        }
    }
    problems.duplicates(controls.iter().map(String::as_str), |i| {
        format!("/controls/{i}")
    });
    problems.finish()?;
    let mut application = application.clone();
    application
        .explanations
        .extend(controls.iter().map(|control| ExplanationRequest {
            control: control.clone(),
            asked_by: by.user_id.clone(),
            asked_at_ms: at.at_ms,
            text: None,
            answered_by: None,
            answered_at_ms: None,
            accepted: None,
            judged_by: None,
            judged_at_ms: None,
        }));
    application.status = ApplicationStatus::ExplanationRequested;
    application.updated_at_ms = at.at_ms;
    Ok(recorded(application, "application.ask", by, at))
}

/// An auditor of the audit body explains one asked control (again, until it is judged).
pub fn explain(
    application: &Application,
    control: &str,
    text: Bilingual,
    by: &Member,
    at: Moment,
) -> Result<Change<Application>, Refusal> {
    if !is_its_audit_body(application, by) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheAuditBody));
    }
    expect_status(application, &[ApplicationStatus::ExplanationRequested])?;
    let mut problems = Problems::new();
    problems.required_text("/text", &text, MAX_TEXT_CHARS);
    problems.finish()?;
    let mut application = application.clone();
    let request = open_request(&mut application, control)?;
    request.text = Some(text);
    request.answered_by = Some(by.user_id.clone());
    request.answered_at_ms = Some(at.at_ms);
    application.updated_at_ms = at.at_ms;
    Ok(recorded(application, "application.explain", by, at))
}

/// The reviewer accepts or rejects one explanation; when every asked control has a verdict the
/// application is under review again.
pub fn judge(
    application: &Application,
    control: &str,
    accepted: bool,
    by: &Member,
    at: Moment,
) -> Result<Change<Application>, Refusal> {
    if !is_reviewer(by) {
        return Err(Refusal::NotAllowed(NotAllowed::NotAReviewer));
    }
    expect_status(application, &[ApplicationStatus::ExplanationRequested])?;
    let mut application = application.clone();
    let request = open_request(&mut application, control)?;
    if request.text.is_none() {
        return Err(Refusal::Conflict(Conflict::ExplanationNotAnswered {
            control: control.to_owned(),
        }));
    }
    request.accepted = Some(accepted);
    request.judged_by = Some(by.user_id.clone());
    request.judged_at_ms = Some(at.at_ms);
    if application
        .explanations
        .iter()
        .all(|e| e.accepted.is_some())
    {
        application.status = ApplicationStatus::UnderReview;
    }
    application.updated_at_ms = at.at_ms;
    Ok(recorded(application, "application.judge", by, at))
}

/// The asked, not yet judged request about `control`.
fn open_request<'a>(
    application: &'a mut Application,
    control: &str,
) -> Result<&'a mut ExplanationRequest, Refusal> {
    application
        .explanations
        .iter_mut()
        .find(|e| e.control == control && e.accepted.is_none())
        .ok_or_else(|| {
            Refusal::Conflict(Conflict::ExplanationNotOpen {
                control: control.to_owned(),
            })
        })
}
