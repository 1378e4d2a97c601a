//! `/api/v1/audits/{id}/internal-audit…`: the evaluation of the provider's internal audit over
//! the API.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::Period;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::working_papers::{InternalAuditInput, InternalAuditReport};
use utoipa::ToSchema;

use super::{draw, evaluate, record};
use crate::audits::views::AuditView;
use crate::error::{ApiError, Messages};
use crate::extract::{ApiJson, ApiPath};
use crate::openapi::ChangeErrors;
use crate::state::AppState;
use crate::workflow::Acting;

/// `PUT /api/v1/audits/{id}/internal-audit`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InternalAuditRequest {
    /// The internal audit report's number or title.
    pub reference: String,
    /// Who carried out the internal audit.
    pub performed_by: String,
    #[schema(value_type = String, format = Date)]
    pub period_start: CalendarDate,
    #[schema(value_type = String, format = Date)]
    pub period_end: CalendarDate,
    #[schema(value_type = Messages)]
    pub scope: Bilingual,
    /// The services its scope covers, by id: the audited one must be among them.
    pub covers: Vec<String>,
    /// Whether the internal audit can be relied on.
    pub reliable: bool,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

impl From<InternalAuditRequest> for InternalAuditInput {
    fn from(request: InternalAuditRequest) -> InternalAuditInput {
        InternalAuditInput {
            report: InternalAuditReport {
                reference: request.reference,
                performed_by: request.performed_by,
                period: Period {
                    start: request.period_start,
                    end: request.period_end,
                },
                scope: request.scope,
                covers: request.covers,
            },
            reliable: request.reliable,
            reason: request.reason,
        }
    }
}

/// `PUT /api/v1/audits/{id}/internal-audit/controls/{control}`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReperformanceRequest {
    pub passed: bool,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

type Answer<T> = Result<Json<T>, ApiError>;

#[utoipa::path(
    put,
    path = "/api/v1/audits/{id}/internal-audit",
    operation_id = "evaluate_internal_audit",
    tag = "working papers",
    summary = "Evaluate the provider's internal audit (an auditor of the body) / 内部監査の評価",
    description = "Only for an audit of the kind `internal_audit_evaluation`. Refused when the \
        internal audit's period does not overlap the audit period or `covers` does not name the \
        audited service; fixed once the controls to re-perform are drawn. / 内部監査の評価型の監査\
        のみ。期間が重ならない、または範囲が対象サービスを含まない場合は拒否します。",
    params(("id" = String, Path, description = "The audit id")),
    request_body(content = InternalAuditRequest, content_type = "application/json"),
    responses((status = 200, description = "The audit.", body = AuditView), ChangeErrors)
)]
pub async fn put_evaluation(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<InternalAuditRequest>,
) -> Answer<AuditView> {
    let audit = evaluate(&state, &acting, &id, request.into()).await?;
    Ok(Json(audit.into()))
}

#[utoipa::path(
    post,
    path = "/api/v1/audits/{id}/internal-audit/draw",
    operation_id = "draw_reperformance",
    tag = "working papers",
    summary = "Draw the controls to re-perform (an auditor of the body) / 再実施する管理策の抽出",
    description = "A tenth of the selected controls rounded up, at least five, never more than \
        there are, drawn by the `sample` rule with a seed from the log point of the evaluation's \
        event; drawn once. / 選択された管理策の 1 割（切り上げ、5 以上、全数まで）を、評価の\
        イベントのログ上の位置から得た種で抽出します。",
    params(("id" = String, Path, description = "The audit id")),
    responses((status = 200, description = "The audit.", body = AuditView), ChangeErrors)
)]
pub async fn post_draw(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Answer<AuditView> {
    Ok(Json(draw(&state, &acting, &id).await?.into()))
}

#[utoipa::path(
    put,
    path = "/api/v1/audits/{id}/internal-audit/controls/{control}",
    operation_id = "record_reperformance",
    tag = "working papers",
    summary = "Record a control's re-performance (an auditor of the body) / 再実施の結果",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("control" = String, Path, description = "A control drawn for re-performance"),
    ),
    request_body(content = ReperformanceRequest, content_type = "application/json"),
    responses((status = 200, description = "The audit.", body = AuditView), ChangeErrors)
)]
pub async fn put_result(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, control)): ApiPath<(String, String)>,
    ApiJson(request): ApiJson<ReperformanceRequest>,
) -> Answer<AuditView> {
    Ok(Json(
        record(
            &state,
            &acting,
            &id,
            &control,
            request.passed,
            request.reason,
        )
        .await?
        .into(),
    ))
}
