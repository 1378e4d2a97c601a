//! `/api/v1/services/{id}/certificates`, `/api/v1/certificates/{id}` and
//! `/api/v1/registry/{id}/certificates`: a provider declares its service's other certifications,
//! revises and withdraws them; whoever may read the service reads them, and anyone once the
//! service is in the registry, each with where it stands today.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::certification::{Certificate, soa_template};

use super::actions;
use super::views::{
    CertificateList, CertificateRequest, CertificateView, SoaControlView, SoaTemplate,
};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::openapi::{ChangeErrors, ReadErrors};
use crate::state::AppState;
use crate::workflow::Acting;

fn today(state: &AppState) -> CalendarDate {
    Moment::at(state.wall.now_ms()).date()
}

fn list(certificates: &[Certificate], today: CalendarDate) -> CertificateList {
    CertificateList {
        items: certificates
            .iter()
            .map(|certificate| CertificateView::new(certificate, today))
            .collect(),
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/services/{id}/certificates",
    operation_id = "declare_certificate",
    tag = "certificates",
    summary = "Declare a certificate of the service (its provider) / 認証の登録",
    description = "ISO/IEC 27001 or 27017 (with its statement of applicability), SOC 1/2/3, CS \
        Silver or Gold, PCI DSS, Privacy Mark, ISO 20000, ISO 22301, FedRAMP or another scheme \
        (named in `note`), with its issuer, scope, period (at most five years) and document. A \
        control not adopted under ISO/IEC 27001 cannot be adopted in the 27017 extension \
        (422 `not_adopted_in_27001` at its line). At most 30 per service (409 \
        `too_many_certificates`). Event `certificate.declare`. / サービスの認証を登録します。",
    params(("id" = String, Path, description = "The service id")),
    request_body(content = CertificateRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "The certificate.", body = CertificateView),
        ChangeErrors
    )
)]
pub async fn declare(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(service): ApiPath<String>,
    ApiJson(request): ApiJson<CertificateRequest>,
) -> Result<(StatusCode, Json<CertificateView>), ApiError> {
    let id = request.id.clone();
    let certificate = actions::declare(&state, &acting, &service, id, request.details()).await?;
    Ok((
        StatusCode::CREATED,
        Json(CertificateView::new(&certificate, acting.at.date())),
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/services/{id}/certificates",
    operation_id = "list_service_certificates",
    tag = "certificates",
    summary = "A service's certificates / サービスの認証",
    description = "The earliest declared first, withdrawn ones included, each with where it stands \
        today (`valid`, `not_yet_valid`, `lapsed`, `withdrawn`). Public once the service is in \
        the registry. / サービスの認証の一覧です。",
    params(("id" = String, Path, description = "The service id")),
    responses((status = 200, description = "The certificates.", body = CertificateList), ReadErrors)
)]
pub async fn of_service(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(service): ApiPath<String>,
) -> Result<Json<CertificateList>, ApiError> {
    let certificates = actions::of_service(&state, &acting, &service).await?;
    Ok(Json(list(&certificates, acting.at.date())))
}

#[utoipa::path(
    get,
    path = "/api/v1/registry/{id}/certificates",
    operation_id = "list_entry_certificates",
    tag = "certificates",
    summary = "The certificates of a registered service (public) / 登録サービスの認証",
    description = "Those its provider declared for the service the entry registers, each with \
        where it stands today; lapsed and withdrawn ones are listed and marked. / 登録サービスの\
        その他の認証です。",
    params(("id" = String, Path, description = "The registration number")),
    responses((status = 200, description = "The certificates.", body = CertificateList), ReadErrors)
)]
pub async fn of_entry(
    State(state): State<AppState>,
    ApiPath(entry): ApiPath<String>,
) -> Result<Json<CertificateList>, ApiError> {
    let certificates = actions::of_entry(&state, &entry).await?;
    Ok(Json(list(&certificates, today(&state))))
}

#[utoipa::path(
    get,
    path = "/api/v1/certificates/{id}",
    operation_id = "get_certificate",
    tag = "certificates",
    summary = "One certificate / 認証",
    params(("id" = String, Path, description = "The certificate id")),
    responses((status = 200, description = "The certificate.", body = CertificateView), ReadErrors)
)]
pub async fn get(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<CertificateView>, ApiError> {
    let stored = actions::visible(&state, &acting, &id).await?;
    Ok(Json(CertificateView::new(&stored.value, acting.at.date())))
}

#[utoipa::path(
    put,
    path = "/api/v1/certificates/{id}",
    operation_id = "revise_certificate",
    tag = "certificates",
    summary = "Revise a certificate (its provider) / 認証の修正",
    description = "The same body as declaring it (`id` ignored); a withdrawn certificate no \
        longer changes (409 `certificate_withdrawn`). Event `certificate.revise`. / 認証を修正します。",
    params(("id" = String, Path, description = "The certificate id")),
    request_body(content = CertificateRequest, content_type = "application/json"),
    responses((status = 200, description = "The certificate.", body = CertificateView), ChangeErrors)
)]
pub async fn revise(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<CertificateRequest>,
) -> Result<Json<CertificateView>, ApiError> {
    let certificate = actions::revise(&state, &acting, &id, request.details()).await?;
    Ok(Json(CertificateView::new(&certificate, acting.at.date())))
}

#[utoipa::path(
    post,
    path = "/api/v1/certificates/{id}/withdraw",
    operation_id = "withdraw_certificate",
    tag = "certificates",
    summary = "Withdraw a certificate (its provider) / 認証の取下げ",
    description = "It stays listed, marked withdrawn (409 `certificate_withdrawn` the second \
        time). Event `certificate.withdraw`. / 認証を取り下げます。",
    params(("id" = String, Path, description = "The certificate id")),
    responses((status = 200, description = "The certificate.", body = CertificateView), ChangeErrors)
)]
pub async fn withdraw(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<CertificateView>, ApiError> {
    let certificate = actions::withdraw(&state, &acting, &id).await?;
    Ok(Json(CertificateView::new(&certificate, acting.at.date())))
}

#[utoipa::path(
    get,
    path = "/api/v1/certificates/soa-template",
    operation_id = "soa_template",
    tag = "certificates",
    summary = "The controls an ISO/IEC 27017 statement of applicability answers (public) / 適用宣言書のひな形",
    description = "The controls the 27017 extension gives cloud guidance for, and the cloud-only \
        ones (`CLD.…`), with short titles. / 27017 の適用宣言書で回答する管理策です。",
    responses((status = 200, description = "The template.", body = SoaTemplate))
)]
pub async fn template() -> Result<Json<SoaTemplate>, ApiError> {
    let controls = soa_template().map_err(|error| ApiError::internal(error.to_string()))?;
    Ok(Json(SoaTemplate {
        items: controls.iter().map(SoaControlView::from).collect(),
    }))
}
