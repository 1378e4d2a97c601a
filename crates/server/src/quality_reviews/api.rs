//! `/api/v1/quality-reviews…`: the operator's quality reviews of signed audits. An
//! administrator opens one (fixing the audits signed in a past period) and the engagements are
//! drawn from the opening's log point; the staff rate each drawn engagement's working papers;
//! an administrator closes it, and its ratings join the bodies' public records.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use shinrai_domain::registry::Period;

use super::actions::{self, Opening};
use super::views::{
    OpenRequest, QualityReviewList, QualityReviewView, RateRequest, ReviewCheckView,
};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::openapi::{ChangeErrors, ReadErrors};
use crate::state::AppState;
use crate::workflow::Acting;

type Answer<T> = Result<Json<T>, ApiError>;

#[utoipa::path(
    post,
    path = "/api/v1/quality-reviews",
    operation_id = "open_quality_review",
    tag = "quality reviews",
    summary = "Open a quality review and draw its engagements (operator administrators) / 品質レビューを開始し対象を抽出する",
    description = "Fixes the audits signed from `period_start` to `period_end` (a period already \
        over), then draws `asked` of them (all when fewer) by the `sample` rule with a seed from \
        the log point of the opening's event. Two events: `quality_review.open` and \
        `quality_review.draw`. / 期間内に署名された監査を確定し、開始イベントのログ上の位置から\
        得た種で抽出します。",
    request_body(content = OpenRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "The review, drawn.", body = QualityReviewView),
        ChangeErrors,
    )
)]
pub async fn open(
    State(state): State<AppState>,
    acting: Acting,
    ApiJson(request): ApiJson<OpenRequest>,
) -> Result<(StatusCode, Json<QualityReviewView>), ApiError> {
    let opening = Opening {
        id: request.id,
        period: Period {
            start: request.period_start,
            end: request.period_end,
        },
        asked: request.asked,
    };
    let review = actions::open(&state, &acting, opening).await?;
    Ok((StatusCode::CREATED, Json(review.into())))
}

#[utoipa::path(
    get,
    path = "/api/v1/quality-reviews",
    operation_id = "list_quality_reviews",
    tag = "quality reviews",
    summary = "Quality reviews (the operator; an audit body, those of its engagements) / 品質レビューの一覧",
    description = "The operator's staff read every review whole; an audit body's auditors read \
        the reviews that drew one of its engagements, with only their own engagements. / 監査機関\
        は自らの監査を対象とするレビューの自らの部分のみ読めます。",
    responses(
        (status = 200, description = "The newest first.", body = QualityReviewList),
        ReadErrors,
    )
)]
pub async fn list(State(state): State<AppState>, acting: Acting) -> Answer<QualityReviewList> {
    let items = actions::readable(&state, &acting)
        .await?
        .into_iter()
        .map(QualityReviewView::from)
        .collect();
    Ok(Json(QualityReviewList { items }))
}

#[utoipa::path(
    get,
    path = "/api/v1/quality-reviews/{id}",
    operation_id = "get_quality_review",
    tag = "quality reviews",
    summary = "One quality review (the operator; a reviewed audit body, its part) / 品質レビュー",
    params(("id" = String, Path, description = "The review id")),
    responses(
        (status = 200, description = "The review.", body = QualityReviewView),
        ReadErrors,
    )
)]
pub async fn get(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Answer<QualityReviewView> {
    let stored = actions::visible(&state, &acting, &id).await?;
    Ok(Json(actions::shown_to(&acting, stored.value).into()))
}

#[utoipa::path(
    post,
    path = "/api/v1/quality-reviews/{id}/draw",
    operation_id = "draw_quality_review",
    tag = "quality reviews",
    summary = "Draw an open review's engagements (operator administrators) / 品質レビューの対象を抽出する",
    description = "Only needed when opening stopped before its draw; drawn once (409 \
        `quality_review_drawn`). / 開始時の抽出が行われなかった場合のみ使います。",
    params(("id" = String, Path, description = "The review id")),
    responses((status = 200, description = "The review, drawn.", body = QualityReviewView), ChangeErrors)
)]
pub async fn draw(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Answer<QualityReviewView> {
    Ok(Json(actions::draw(&state, &acting, &id).await?.into()))
}

#[utoipa::path(
    put,
    path = "/api/v1/quality-reviews/{id}/audits/{audit}",
    operation_id = "rate_reviewed_engagement",
    tag = "quality reviews",
    summary = "Rate a drawn engagement's working papers (the operator's staff) / 対象監査の評価を記録する",
    description = "`satisfactory`, `improvement_needed` or `deficient`, with the findings; \
        recorded again to correct it until the review is closed. Only drawn engagements (409 \
        `audit_not_drawn_for_review`). / 抽出された監査のみ。完了までは記録し直せます。",
    params(
        ("id" = String, Path, description = "The review id"),
        ("audit" = String, Path, description = "A drawn audit's id"),
    ),
    request_body(content = RateRequest, content_type = "application/json"),
    responses((status = 200, description = "The review.", body = QualityReviewView), ChangeErrors)
)]
pub async fn rate(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, audit)): ApiPath<(String, String)>,
    ApiJson(request): ApiJson<RateRequest>,
) -> Answer<QualityReviewView> {
    let review = actions::rate(
        &state,
        &acting,
        &id,
        &audit,
        request.rating,
        request.findings,
    )
    .await?;
    Ok(Json(review.into()))
}

#[utoipa::path(
    post,
    path = "/api/v1/quality-reviews/{id}/close",
    operation_id = "close_quality_review",
    tag = "quality reviews",
    summary = "Close a quality review (operator administrators) / 品質レビューを完了する",
    description = "Waits for every drawn engagement's rating (409 `quality_review_incomplete`); \
        the ratings then appear, with their days, on the audit bodies' public records. / すべて\
        の対象の評価が必要です。完了後、評価と日付が監査機関の公開記録に載ります。",
    params(("id" = String, Path, description = "The review id")),
    responses((status = 200, description = "The review, closed.", body = QualityReviewView), ChangeErrors)
)]
pub async fn close(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Answer<QualityReviewView> {
    Ok(Json(actions::close(&state, &acting, &id).await?.into()))
}

#[utoipa::path(
    get,
    path = "/api/v1/quality-reviews/{id}/check",
    operation_id = "check_quality_review",
    tag = "quality reviews",
    summary = "Recompute a review's draw (the operator's staff) / 品質レビューの抽出の再計算",
    description = "Recomputes the audits eligible at the opening, the seed from the opening's \
        log point and the engagements it draws, and compares them with the record; \
        `shinrai quality-review check ID` does the same from the database. / 記録と再計算の結果を\
        比べます。",
    params(("id" = String, Path, description = "The review id")),
    responses((status = 200, description = "The recomputation.", body = ReviewCheckView), ReadErrors)
)]
pub async fn check(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Answer<ReviewCheckView> {
    Ok(Json(actions::check(&state, &acting, &id).await?.into()))
}
