//! The criteria (管理基準): versions, their tree, controls with search and filters, differences
//! between versions; publishing for operator administrators. Published versions are public,
//! drafts are for operator staff only (to anyone else a draft does not exist).

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use shinrai_domain::criteria::transition::transition_day_allowed;
use shinrai_domain::criteria::{ControlQuery, Part, Status, diff};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::policy::Action;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;

use crate::auth::caller::Caller;
use crate::criteria::Loaded;
use crate::criteria::upload;
use crate::criteria::views::{
    ControlDetail, ControlItem, ControlsPage, ControlsQuery, CriteriaSummaryView,
    CriteriaVersionView, DiffView, GroupView, RiskView,
};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiPath, ApiQuery, OptionalApiJson};
use crate::state::AppState;

const DEFAULT_PER_PAGE: usize = 50;
const MAX_PER_PAGE: usize = 500;

/// The version if the caller may see it; a draft is "not found" to those who may not.
pub(crate) async fn visible(
    state: &AppState,
    caller: &Caller,
    version: &str,
) -> Result<Arc<Loaded>, ApiError> {
    let loaded = state
        .criteria
        .get(&state.store, version)
        .await?
        .ok_or_else(|| no_version(version))?;
    if loaded.summary.status == Status::Draft
        && caller.authorize(&Action::ReadDraftCriteria).is_err()
    {
        return Err(no_version(version));
    }
    Ok(loaded)
}

fn no_version(version: &str) -> ApiError {
    ApiError::NotFound(Bilingual::new(
        format!("管理基準の版 {version} はありません"),
        format!("there is no criteria version {version}"),
    ))
}

fn bad_parameter(name: &str, ja: &str, en: &str) -> ApiError {
    ApiError::BadRequest(Bilingual::new(
        format!("パラメータ {name}: {ja}"),
        format!("parameter {name}: {en}"),
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/criteria",
    tag = "criteria",
    summary = "Criteria versions / 管理基準の版",
    responses((status = 200, description = "Every version the caller may see, oldest first.", body = Vec<CriteriaSummaryView>))
)]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<CriteriaSummaryView>>, ApiError> {
    caller.authorize(&Action::ReadPublishedCriteria)?;
    let drafts = caller.authorize(&Action::ReadDraftCriteria).is_ok();
    let mut views = Vec::new();
    for summary in state.store.criteria_list().await? {
        if summary.status == Status::Draft && !drafts {
            continue;
        }
        if let Some(loaded) = state.criteria.get(&state.store, &summary.version).await? {
            views.push(CriteriaSummaryView::new(&loaded.summary, &loaded.counts));
        }
    }
    Ok(Json(views))
}

#[utoipa::path(
    get,
    path = "/api/v1/criteria/{version}",
    tag = "criteria",
    summary = "One criteria version with its tree / 管理基準の版と構成",
    params(("version" = String, Path, description = "e.g. `demo-2026`")),
    responses(
        (status = 200, description = "The version, its counts, its groups with their controls' ids and its risk map.", body = CriteriaVersionView),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(version): ApiPath<String>,
) -> Result<Json<CriteriaVersionView>, ApiError> {
    let loaded = visible(&state, &caller, &version).await?;
    Ok(Json(CriteriaVersionView {
        summary: CriteriaSummaryView::new(&loaded.summary, &loaded.counts),
        groups: loaded
            .version
            .groups
            .iter()
            .map(|group| GroupView::new(group, &loaded.version.controls))
            .collect(),
        risks: loaded.version.risks.iter().map(RiskView::from).collect(),
    }))
}

fn control_query(query: &ControlsQuery) -> Result<ControlQuery, ApiError> {
    Ok(ControlQuery {
        text: query.q.clone().filter(|q| !q.trim().is_empty()),
        level: query
            .level
            .map(|level| {
                Level::new(level).ok_or_else(|| bad_parameter("level", "1〜3 です", "is 1, 2 or 3"))
            })
            .transpose()?,
        model: query
            .model
            .as_deref()
            .map(|model| {
                ServiceModel::from_name_any_case(model).ok_or_else(|| {
                    bad_parameter(
                        "model",
                        "IaaS・PaaS・SaaS のいずれかです",
                        "is IaaS, PaaS or SaaS",
                    )
                })
            })
            .transpose()?,
        mandatory: query.mandatory,
        part: query
            .part
            .as_deref()
            .map(|part| {
                Part::from_code(part).ok_or_else(|| {
                    bad_parameter(
                        "part",
                        "governance・management・control のいずれかです",
                        "is governance, management or control",
                    )
                })
            })
            .transpose()?,
        reference: query.reference.clone().filter(|r| !r.trim().is_empty()),
    })
}

#[utoipa::path(
    get,
    path = "/api/v1/criteria/{version}/controls",
    tag = "criteria",
    summary = "Search and filter controls / 管理策の検索",
    params(("version" = String, Path, description = "e.g. `demo-2026`"), ControlsQuery),
    responses(
        (status = 200, description = "A page of the matching controls, in document order.", body = ControlsPage),
        (status = 400, description = "`bad_request`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn controls(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(version): ApiPath<String>,
    ApiQuery(query): ApiQuery<ControlsQuery>,
) -> Result<Json<ControlsPage>, ApiError> {
    let search = control_query(&query)?;
    let loaded = visible(&state, &caller, &version).await?;
    let page = query.page.unwrap_or(1).max(1);
    let per_page = query
        .per_page
        .unwrap_or(DEFAULT_PER_PAGE)
        .clamp(1, MAX_PER_PAGE);
    let found = loaded.index.search(&loaded.version, &search);
    let items = found
        .iter()
        .skip((page - 1).saturating_mul(per_page))
        .take(per_page)
        .filter_map(|position| loaded.version.controls.get(*position))
        .map(ControlItem::from)
        .collect();
    Ok(Json(ControlsPage {
        total: found.len(),
        page,
        per_page,
        items,
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/criteria/{version}/controls/{id}",
    tag = "criteria",
    summary = "One control / 管理策",
    params(
        ("version" = String, Path, description = "e.g. `demo-2026`"),
        ("id" = String, Path, description = "e.g. `12.3.1.1`"),
    ),
    responses(
        (status = 200, description = "The control (or governance or management item) with its technology examples, references and group.", body = ControlDetail),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn control(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((version, id)): ApiPath<(String, String)>,
) -> Result<Json<ControlDetail>, ApiError> {
    let loaded = visible(&state, &caller, &version).await?;
    let control = loaded.version.control(&id).ok_or_else(|| {
        ApiError::NotFound(Bilingual::new(
            format!("{version} に管理策 {id} はありません"),
            format!("{version} has no control {id}"),
        ))
    })?;
    Ok(Json(ControlDetail {
        item: ControlItem::from(control),
        references: control.references.iter().map(Into::into).collect(),
        group: loaded
            .version
            .group(&control.objective)
            .map(|group| GroupView::new(group, &loaded.version.controls)),
        version: version.clone(),
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/criteria/{version}/diff/{other}",
    tag = "criteria",
    summary = "Differences between two versions / 版の差分",
    params(
        ("version" = String, Path, description = "The older version"),
        ("other" = String, Path, description = "The newer version"),
    ),
    responses(
        (status = 200, description = "Added, removed and changed controls (with the attributes that changed), and what each level must newly meet.", body = DiffView),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn difference(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((version, other)): ApiPath<(String, String)>,
) -> Result<Json<DiffView>, ApiError> {
    let old = visible(&state, &caller, &version).await?;
    let new = visible(&state, &caller, &other).await?;
    Ok(Json(DiffView::from(&diff(&old.version, &new.version))))
}

#[utoipa::path(
    post,
    path = "/api/v1/criteria/{version}/publish",
    tag = "criteria",
    summary = "Publish a draft (operator administrators) / 版を公表する",
    params(("version" = String, Path, description = "A draft version")),
    request_body(
        content = PublishRequest,
        description = "Optional: the day from which renewals must be written against this version.",
    ),
    responses(
        (status = 200, description = "Published today; it never changes again.", body = CriteriaSummaryView),
        (status = 400, description = "`malformed_json`: the body is not JSON of this shape.", body = ErrorBody),
        (status = 401, description = "`sign_in_required`", body = ErrorBody),
        (status = 403, description = "`forbidden` or `csrf_failed`", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
        (status = 409, description = "Already published (`conflict`).", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: a body not sent as `application/json`.", body = ErrorBody),
        (status = 422, description = "The version fails its consistency check, or the transition day is before today (`invalid_input`).", body = ErrorBody),
    )
)]
pub async fn publish(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(version): ApiPath<String>,
    OptionalApiJson(request): OptionalApiJson<PublishRequest>,
) -> Result<Json<CriteriaSummaryView>, ApiError> {
    caller.authorize(&Action::PublishCriteria)?;
    let loaded = visible(&state, &caller, &version).await?;
    if let Some(first) = shinrai_domain::criteria::check(&loaded.version).first() {
        let problem = first.problem.message();
        return Err(ApiError::InvalidInput {
            message: Bilingual::new(
                format!("公表できません。{}: {}", first.subject, problem.ja),
                format!("cannot publish: {}: {}", first.subject, problem.en),
            ),
            pointer: None,
            detail_code: Some(first.problem.code()),
        });
    }
    let now = state.wall.now_ms();
    let today = CalendarDate::from_unix_ms(now);
    let transition_on = request.and_then(|request| request.transition_on);
    if let Some(day) = transition_on.filter(|day| !transition_day_allowed(today, *day)) {
        return Err(ApiError::InvalidInput {
            message: Bilingual::new(
                format!("移行日 {day} は公表日 {today} より前です"),
                format!("the transition day {day} is before the publication date {today}"),
            ),
            pointer: Some("/transition_on".to_owned()),
            detail_code: None,
        });
    }
    let summary = state
        .store
        .publish_criteria(&version, today, transition_on, &caller.change_by(now))
        .await?;
    let loaded = state
        .criteria
        .get(&state.store, &summary.version)
        .await?
        .ok_or_else(|| no_version(&version))?;
    super::transition::tell_providers(
        &state.store,
        &loaded.version,
        state.outbox.mails(),
        shinrai_domain::workflow::Moment::at(now),
    )
    .await?;
    state.outbox.committed();
    Ok(Json(CriteriaSummaryView::new(
        &loaded.summary,
        &loaded.counts,
    )))
}

/// What publishing may set besides the day.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishRequest {
    /// From this day (YYYY-MM-DD, not before today) renewals must be written against this
    /// version or a later one.
    #[schema(value_type = Option<String>, format = Date)]
    pub transition_on: Option<CalendarDate>,
}

#[derive(Debug, Clone, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// The version id to store it under (default: the id in the table; required in practice for
    /// an OSCAL catalog, whose own ids are not shinrai's).
    pub version: Option<String>,
}

/// The import's result: the stored draft and what the reader noted (controls left out, texts
/// taken from English, consistency problems to fix before publishing).
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ImportedView {
    #[serde(flatten)]
    pub summary: CriteriaSummaryView,
    pub notes: Vec<crate::error::Messages>,
    /// How many problems `shinrai criteria check` finds; publishing needs none.
    pub consistency_problems: usize,
}

#[utoipa::path(
    post,
    path = "/api/v1/criteria",
    tag = "criteria",
    summary = "Import criteria as a draft (operator administrators) / 管理基準を案として取り込む",
    description = "The body is the file: `text/csv` or an XLSX workbook in the table layout of \
        `shinrai criteria template`, or `application/json` with an OSCAL catalog (levels from \
        shinrai's own properties). An OSCAL catalog with one profile per level comes as \
        `multipart/form-data` with the files `catalog`, `level_1`, `level_2`, `level_3` (a \
        control's level is the lowest profile that includes it) and optionally `version`. All or \
        nothing: a file with any problem stores nothing and the error names the sheet, row and \
        column, or the file and JSON pointer. / 表（CSV・XLSX）、OSCAL カタログ、又はカタログと水準別プロファイル（マルチパート）。全部か無か。",
    params(ImportQuery),
    request_body(content = String, description = "The file's bytes.", content_type = "text/csv"),
    responses(
        (status = 201, description = "Stored as a draft.", body = ImportedView),
        (status = 401, description = "`sign_in_required`", body = ErrorBody),
        (status = 403, description = "`forbidden` or `csrf_failed`", body = ErrorBody),
        (status = 409, description = "The version exists (`conflict`).", body = ErrorBody),
        (status = 413, description = "`payload_too_large` (over 64 MiB)", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`", body = ErrorBody),
        (status = 422, description = "The file has a problem (`invalid_input`, with its place).", body = ErrorBody),
    )
)]
pub async fn import(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<ImportQuery>,
    request: axum::extract::Request,
) -> Result<(axum::http::StatusCode, Json<ImportedView>), ApiError> {
    use axum::extract::FromRequest;
    caller.authorize(&Action::ImportCriteria)?;
    let media_type = request
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|value| value.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let upload = if media_type == upload::MULTIPART {
        let form = axum::extract::Multipart::from_request(request, &state)
            .await
            .map_err(|e| {
                ApiError::BadRequest(Bilingual::new(
                    format!("マルチパートの本文を読めません: {e}"),
                    format!("the multipart body cannot be read: {e}"),
                ))
            })?;
        let (catalog, profiles, version) = read_form(form).await?;
        let version = query.version.or(version);
        state
            .cpu
            .run(move || upload::read_catalog_with_profiles(catalog, profiles, version.as_deref()))
            .await??
    } else {
        let body = axum::body::Bytes::from_request(request, &state)
            .await
            .map_err(|e| ApiError::from_status(e.status()))?;
        state
            .cpu
            .run(move || upload::read(&media_type, &body, query.version.as_deref()))
            .await??
    };
    let problems = shinrai_domain::criteria::check(&upload.version).len();
    let summary = state
        .store
        .create_criteria(&upload.version, &caller.change_by(state.wall.now_ms()))
        .await?;
    let loaded = state
        .criteria
        .get(&state.store, &summary.version)
        .await?
        .ok_or_else(|| no_version(&summary.version))?;
    Ok((
        axum::http::StatusCode::CREATED,
        Json(ImportedView {
            summary: CriteriaSummaryView::new(&loaded.summary, &loaded.counts),
            notes: upload
                .notes
                .iter()
                .map(|note| crate::error::Messages {
                    ja: note.ja.clone(),
                    en: note.en.clone(),
                })
                .collect(),
            consistency_problems: problems,
        }),
    ))
}

/// The fields of a multipart import: `catalog` (a file), `level_1`, `level_2`, `level_3` (the
/// level profiles, files, in order without gaps) and optionally `version` (text).
async fn read_form(
    mut form: axum::extract::Multipart,
) -> Result<(upload::NamedFile, Vec<upload::NamedFile>, Option<String>), ApiError> {
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        ApiError::BadRequest(Bilingual::new(
            format!("マルチパートの本文を読めません: {e}"),
            format!("the multipart body cannot be read: {e}"),
        ))
    };
    let mut catalog = None;
    let mut levels: [Option<upload::NamedFile>; 3] = [None, None, None];
    let mut version = None;
    while let Some(field) = form.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(unreadable)?.to_vec();
        let file = upload::NamedFile {
            name: file_name,
            bytes,
        };
        match name.as_str() {
            "catalog" => catalog = Some(file),
            "level_1" | "level_2" | "level_3" => {
                let index = usize::from(name.as_bytes().last().copied().unwrap_or(b'1') - b'1');
                if let Some(slot) = levels.get_mut(index) {
                    *slot = Some(file);
                }
            }
            "version" => version = Some(String::from_utf8_lossy(&file.bytes).trim().to_owned()),
            other => {
                return Err(ApiError::InvalidInput {
                    message: Bilingual::new(
                        format!("不明なフィールド {other}（catalog・level_1〜3・version）"),
                        format!("unknown field {other} (catalog, level_1 to level_3, version)"),
                    ),
                    pointer: None,
                    detail_code: Some("unknown_field"),
                });
            }
        }
    }
    let catalog = catalog.ok_or_else(|| ApiError::InvalidInput {
        message: Bilingual::new(
            "catalog フィールドがありません",
            "the catalog field is missing",
        ),
        pointer: None,
        detail_code: Some("missing_field"),
    })?;
    let mut profiles = Vec::new();
    let mut gap = false;
    for level in levels {
        match level {
            Some(file) if !gap => profiles.push(file),
            Some(_) => {
                return Err(ApiError::InvalidInput {
                    message: Bilingual::new(
                        "水準プロファイルは level_1 から順に欠けなく送ってください",
                        "send level profiles from level_1 upwards without a gap",
                    ),
                    pointer: None,
                    detail_code: Some("missing_field"),
                });
            }
            None => gap = true,
        }
    }
    Ok((catalog, profiles, version))
}
