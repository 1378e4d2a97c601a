//! `/api/v1/audits/{id}/…`: the working papers of an audit. The audit body's auditors judge in
//! the three phases, draw samples and record results; the provider supplies populations and
//! evidence and answers requests; the operator reads. All may read the papers of the audits
//! they may see.

use axum::Json;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use shinrai_domain::workflow::working_papers::{
    ControlWork, DesignInput, Evidence, EvidenceRequest, FairInput, RelianceInput,
};
use shinrai_formats::population::{MAX_POPULATION_BYTES, read_population, write_population};

use super::actions::{self, ItemInput};
use super::evidence;
use super::views::{
    AnswerRequest, AskRequest, ContinueRequest, DesignRequest, EvidenceList, FairRequest,
    FileQuery, FrequencyRequest, GovernanceRequest, ItemRequest, NoteRequest, PageQuery,
    RelianceRequest, RequestList, SampleRequest, WithdrawRequest, WorkView,
};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::openapi::{ChangeErrors, ReadErrors, UploadErrors};
use crate::state::AppState;
use crate::workflow::Acting;
use crate::workflow::files::{Upload, attachment};

type Answer<T> = Result<Json<T>, ApiError>;

#[utoipa::path(
    get,
    path = "/api/v1/audits/{id}/work",
    operation_id = "get_working_papers",
    tag = "working papers",
    summary = "The engagement's progress per phase and every control's papers / 監査調書と進捗",
    params(("id" = String, Path, description = "The audit id")),
    responses((status = 200, description = "Progress and papers.", body = WorkView), ReadErrors)
)]
pub async fn work(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Answer<WorkView> {
    Ok(Json(actions::overview(&state, &acting, &id).await?.into()))
}

#[utoipa::path(
    put,
    path = "/api/v1/audits/{id}/work/{control}/fair-presentation",
    operation_id = "judge_fair_presentation",
    tag = "working papers",
    summary = "Judge a control's selection or exclusion (an auditor of the body) / 適正表示の評価",
    description = "`challenged` sends the problem back to the provider, who answers with a new \
        statement version (`POST /api/v1/audits/{id}/statement`). / 指摘は事業者への依頼になります。",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("control" = String, Path, description = "A selected or excluded control"),
    ),
    request_body(content = FairRequest, content_type = "application/json"),
    responses((status = 200, description = "The control's papers.", body = Object), ChangeErrors)
)]
pub async fn fair(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, control)): ApiPath<(String, String)>,
    ApiJson(request): ApiJson<FairRequest>,
) -> Answer<ControlWork> {
    let input = FairInput {
        control,
        verdict: request.verdict,
        reason: request.reason,
    };
    Ok(Json(
        actions::judge_fair(&state, &acting, &id, input).await?,
    ))
}

#[utoipa::path(
    put,
    path = "/api/v1/audits/{id}/governance",
    operation_id = "judge_governance",
    tag = "working papers",
    summary = "Judge governance and the provider's own evaluation (an auditor of the body) / ガバナンスの評価",
    params(("id" = String, Path, description = "The audit id")),
    request_body(content = GovernanceRequest, content_type = "application/json"),
    responses((status = 200, description = "The audit.", body = Object), ChangeErrors)
)]
pub async fn governance(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<GovernanceRequest>,
) -> Answer<shinrai_domain::workflow::audit::Audit> {
    let audit =
        actions::judge_governance(&state, &acting, &id, request.effective, request.reason).await?;
    Ok(Json(audit))
}

#[utoipa::path(
    post,
    path = "/api/v1/audits/{id}/statement",
    operation_id = "continue_on_statement",
    tag = "working papers",
    summary = "Continue the audit on a newer statement version (its provider) / 新しい版の言明書で監査を続ける",
    description = "The version must be submitted, newer, of the same service, criteria and \
        level. The audit keeps every version it looked at (`examined`); conclusions about \
        controls the new version no longer selects are dropped. / 監査は見たすべての版を記録します。",
    params(("id" = String, Path, description = "The audit id")),
    request_body(content = ContinueRequest, content_type = "application/json"),
    responses((status = 200, description = "The audit.", body = Object), ChangeErrors)
)]
pub async fn continue_on(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<ContinueRequest>,
) -> Answer<shinrai_domain::workflow::audit::Audit> {
    Ok(Json(
        actions::continue_on(&state, &acting, &id, &request.statement).await?,
    ))
}

#[utoipa::path(
    put,
    path = "/api/v1/audits/{id}/work/{control}/design",
    operation_id = "judge_design",
    tag = "working papers",
    summary = "Judge a selected control's design (an auditor of the body) / 整備状況の評価",
    description = "Every technology the statement names outside the control's examples needs \
        one equivalence judgement with its grounds; one judged not equivalent forbids \
        `effective`. / 例示外の技術には同等性の判断と根拠が必要です。",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("control" = String, Path, description = "A selected control"),
    ),
    request_body(content = DesignRequest, content_type = "application/json"),
    responses((status = 200, description = "The control's papers.", body = Object), ChangeErrors)
)]
pub async fn design(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, control)): ApiPath<(String, String)>,
    ApiJson(request): ApiJson<DesignRequest>,
) -> Answer<ControlWork> {
    let input = DesignInput {
        control,
        effective: request.effective,
        reason: request.reason.clone(),
        equivalences: request.equivalences(),
    };
    Ok(Json(
        actions::judge_design(&state, &acting, &id, input).await?,
    ))
}

#[utoipa::path(
    put,
    path = "/api/v1/audits/{id}/work/{control}/reliance",
    operation_id = "record_reliance",
    tag = "working papers",
    summary = "Rely on another certification or the internal audit (an auditor of the body) / 他の認証等への依拠",
    description = "Refused when the period does not overlap the audit period or `covers` does \
        not name the audited service. / 期間が重ならない、または範囲が対象サービスを含まない場合は拒否します。",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("control" = String, Path, description = "A selected control"),
    ),
    request_body(content = RelianceRequest, content_type = "application/json"),
    responses((status = 200, description = "The control's papers.", body = Object), ChangeErrors)
)]
pub async fn reliance(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, control)): ApiPath<(String, String)>,
    ApiJson(request): ApiJson<RelianceRequest>,
) -> Answer<ControlWork> {
    let input = RelianceInput {
        control,
        kind: request.kind,
        period: request.period(),
        reference: request.reference,
        issuer: request.issuer,
        scope: request.scope,
        covers: request.covers,
        reason: request.reason,
    };
    Ok(Json(actions::rely(&state, &acting, &id, input).await?))
}

#[utoipa::path(
    put,
    path = "/api/v1/audits/{id}/work/{control}/frequency",
    operation_id = "record_frequency",
    tag = "working papers",
    summary = "Record how often a control operates (an auditor of the body) / 統制の実施頻度",
    description = "Fixed once a sample is drawn. / 標本の抽出後は変更できません。",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("control" = String, Path, description = "A selected control"),
    ),
    request_body(content = FrequencyRequest, content_type = "application/json"),
    responses((status = 200, description = "The control's papers.", body = Object), ChangeErrors)
)]
pub async fn frequency(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, control)): ApiPath<(String, String)>,
    ApiJson(request): ApiJson<FrequencyRequest>,
) -> Answer<ControlWork> {
    Ok(Json(
        actions::set_frequency(&state, &acting, &id, &control, request.frequency).await?,
    ))
}

#[utoipa::path(
    post,
    path = "/api/v1/audits/{id}/work/{control}/population",
    operation_id = "freeze_population",
    tag = "working papers",
    summary = "Record a control's population as CSV; it is frozen (its provider, or an auditor) / 母集団を記録する",
    description = "The body is a CSV file (UTF-8) whose first row names the columns `date` and \
        `reference`, one occurrence per row, every date in the audit period; at most 32 MiB \
        and 300,000 rows. Once recorded it never changes; the sample's seed is derived from \
        the log event that froze it. / 記録後は変更できず、標本の種はその記録のログから導かれます。",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("control" = String, Path, description = "A selected control"),
    ),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 201, description = "The control's papers.", body = Object), UploadErrors)
)]
pub async fn freeze_population(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, control)): ApiPath<(String, String)>,
    request: Request,
) -> Result<(StatusCode, Json<ControlWork>), ApiError> {
    // Whether the audit is there for the one acting is said before anything of the file.
    crate::audits::actions::visible(&state, &acting, &id).await?;
    let upload = Upload::read(request, &state).await?;
    let occurrences = read_population("population.csv", &upload.bytes).map_err(|error| {
        ApiError::InvalidInput {
            message: error.message(),
            pointer: None,
            detail_code: Some("invalid_population"),
        }
    })?;
    let work = actions::freeze_population(&state, &acting, &id, &control, occurrences).await?;
    Ok((StatusCode::CREATED, Json(work)))
}

#[utoipa::path(
    get,
    path = "/api/v1/audits/{id}/work/{control}/population",
    operation_id = "get_population",
    tag = "working papers",
    summary = "A control's frozen population as CSV / 記録された母集団",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("control" = String, Path, description = "A selected control"),
    ),
    responses(
        (status = 200, description = "The population as recorded.", content_type = "text/csv", body = String),
        ReadErrors,
        (status = 409, description = "`population_not_frozen`: none is recorded yet."),
    )
)]
pub async fn population(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, control)): ApiPath<(String, String)>,
) -> Result<Response, ApiError> {
    let population = actions::population(&state, &acting, &id, &control).await?;
    Ok(attachment(
        "text/csv; charset=utf-8",
        &format!("population-{control}.csv"),
        write_population(&population.occurrences),
    ))
}

#[utoipa::path(
    post,
    path = "/api/v1/audits/{id}/work/{control}/samples",
    operation_id = "draw_sample",
    tag = "working papers",
    summary = "Draw a round's sample from the frozen population (an auditor of the body) / 標本を抽出する",
    description = "The `sample` rule with the control's frequency, seeded from the log event \
        that froze the population (recorded as `seed_from`; `shinrai audit sample-check` \
        recomputes it). Round 2 follows a complete first round with a failure, with a reason, \
        and draws as many again from the occurrences the first left. / 第 2 回は不合格がある場合のみ。",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("control" = String, Path, description = "A selected control"),
    ),
    request_body(content = SampleRequest, content_type = "application/json"),
    responses((status = 201, description = "The control's papers with the sample.", body = Object), ChangeErrors)
)]
pub async fn draw_sample(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, control)): ApiPath<(String, String)>,
    ApiJson(request): ApiJson<SampleRequest>,
) -> Result<(StatusCode, Json<ControlWork>), ApiError> {
    let work = actions::draw_sample(
        &state,
        &acting,
        &id,
        &control,
        request.round,
        request.reason,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(work)))
}

#[utoipa::path(
    put,
    path = "/api/v1/audits/{id}/work/{control}/samples/{round}/items/{occurrence}",
    operation_id = "record_sampled_item",
    tag = "working papers",
    summary = "Record a sampled occurrence's result and its evidence (an auditor of the body) / 標本の評価結果",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("control" = String, Path, description = "A selected control"),
        ("round" = u8, Path, description = "1 or 2"),
        ("occurrence" = u64, Path, description = "The occurrence's number in the population"),
    ),
    request_body(content = ItemRequest, content_type = "application/json"),
    responses((status = 200, description = "The control's papers.", body = Object), ChangeErrors)
)]
pub async fn record_item(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, control, round, occurrence)): ApiPath<(String, String, u8, u64)>,
    ApiJson(request): ApiJson<ItemRequest>,
) -> Answer<ControlWork> {
    let input = ItemInput {
        control,
        round,
        occurrence,
        passed: request.passed,
        note: request.note,
        evidence: request.evidence,
    };
    Ok(Json(
        actions::record_item(&state, &acting, &id, input).await?,
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/audits/{id}/evidence",
    operation_id = "list_evidence",
    tag = "working papers",
    summary = "The audit's evidence, a page at a time in arrival order / 証跡の一覧",
    params(("id" = String, Path, description = "The audit id"), PageQuery),
    responses((status = 200, description = "One page.", body = EvidenceList), ReadErrors)
)]
pub async fn list_evidence(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Answer<EvidenceList> {
    let page = query.page.unwrap_or(1).max(1);
    let per_page = query.per_page.unwrap_or(50).clamp(1, 500);
    let (total, items) = evidence::page(&state, &acting, &id, page, per_page).await?;
    Ok(Json(EvidenceList { total, items }))
}

#[utoipa::path(
    post,
    path = "/api/v1/audits/{id}/evidence",
    operation_id = "upload_evidence",
    tag = "working papers",
    summary = "Upload an evidence file as the body (its provider, or an auditor) / 証跡ファイルを提出する",
    description = "The body is the file itself, of any type (`Content-Type` is kept), at most \
        2 GiB; it is streamed to the evidence store and hashed on the way. The facts are \
        query parameters. Naming `request` answers that request for evidence. / \
        本文がファイルそのものです。`request` を指定すると証跡依頼への回答になります。",
    params(("id" = String, Path, description = "The audit id"), FileQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, description = "The evidence record.", body = Object), UploadErrors)
)]
pub async fn upload_evidence(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<FileQuery>,
    request: Request,
) -> Result<(StatusCode, Json<Evidence>), ApiError> {
    let media_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(|value| value.trim().to_owned())
        .filter(|value| !value.is_empty() && value.len() <= 200)
        .unwrap_or_else(|| "application/octet-stream".to_owned());
    let body = request.into_body().into_data_stream();
    let record = evidence::add_file(
        &state,
        &acting,
        &id,
        query.meta(),
        query.file_name.clone(),
        media_type,
        body,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(record)))
}

#[utoipa::path(
    post,
    path = "/api/v1/audits/{id}/evidence/notes",
    operation_id = "add_evidence_note",
    tag = "working papers",
    summary = "Record a note as evidence (its provider, or an auditor) / 証跡としての記録",
    params(("id" = String, Path, description = "The audit id")),
    request_body(content = NoteRequest, content_type = "application/json"),
    responses((status = 201, description = "The evidence record.", body = Object), ChangeErrors)
)]
pub async fn add_note(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<NoteRequest>,
) -> Result<(StatusCode, Json<Evidence>), ApiError> {
    let record =
        evidence::add_note(&state, &acting, &id, request.meta(), request.text.clone()).await?;
    Ok((StatusCode::CREATED, Json(record)))
}

#[utoipa::path(
    get,
    path = "/api/v1/audits/{id}/evidence/{evidence}",
    operation_id = "get_evidence",
    tag = "working papers",
    summary = "One evidence record / 証跡",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("evidence" = String, Path, description = "The record's id in the audit (`ev-0000001`)"),
    ),
    responses((status = 200, description = "The record.", body = Object), ReadErrors)
)]
pub async fn get_evidence(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, evidence)): ApiPath<(String, String)>,
) -> Answer<Evidence> {
    Ok(Json(evidence::get(&state, &acting, &id, &evidence).await?))
}

#[utoipa::path(
    get,
    path = "/api/v1/audits/{id}/evidence/{evidence}/file",
    operation_id = "get_evidence_file",
    tag = "working papers",
    summary = "An evidence record's file, checked against its hash / 証跡ファイル",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("evidence" = String, Path, description = "The record's id in the audit (`ev-0000001`)"),
    ),
    responses(
        (status = 200, description = "The file as uploaded.", content_type = "application/octet-stream", body = Vec<u8>),
        ReadErrors,
    )
)]
pub async fn evidence_file(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, evidence)): ApiPath<(String, String)>,
) -> Result<Response, ApiError> {
    let (record, bytes) = evidence::file(&state, &acting, &id, &evidence).await?;
    let (media, name) = match &record.content {
        shinrai_domain::workflow::working_papers::EvidenceContent::File {
            media_type,
            file_name,
            ..
        } => (media_type.clone(), file_name.clone()),
        shinrai_domain::workflow::working_papers::EvidenceContent::Note { .. } => {
            ("text/plain".to_owned(), "note.txt".to_owned())
        }
    };
    let mut response = attachment(&media, &name, Vec::new());
    *response.body_mut() = Body::from(bytes);
    Ok(response)
}

#[utoipa::path(
    get,
    path = "/api/v1/audits/{id}/evidence/archive",
    operation_id = "get_evidence_archive",
    tag = "working papers",
    summary = "The audit's evidence as one ZIP with a manifest of hashes / 証跡一式の ZIP",
    description = "Every file under `evidence/`, every note under `notes/`, and `manifest.json` \
        (`shinrai-evidence-manifest/1`) listing each record with its SHA-256, so each file can \
        be checked against the signed report. Streamed: a file that cannot be read ends the \
        download with an error rather than a short archive. / 各証跡の SHA-256 を記した一覧を含みます。",
    params(("id" = String, Path, description = "The audit id")),
    responses(
        (status = 200, description = "The archive.", content_type = "application/zip", body = Vec<u8>),
        ReadErrors,
    )
)]
pub async fn evidence_archive(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    Ok(super::archive::archive(&state, &acting, &id).await?)
}

#[utoipa::path(
    post,
    path = "/api/v1/audits/{id}/evidence/{evidence}/withdraw",
    operation_id = "withdraw_evidence",
    tag = "working papers",
    summary = "Withdraw an evidence record before signing, with the reason / 証跡を取り下げる",
    description = "The record stays, marked withdrawn; after signing nothing changes. / 記録は残ります。",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("evidence" = String, Path, description = "The record's id in the audit (`ev-0000001`)"),
    ),
    request_body(content = WithdrawRequest, content_type = "application/json"),
    responses((status = 200, description = "The record.", body = Object), ChangeErrors)
)]
pub async fn withdraw_evidence(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, evidence)): ApiPath<(String, String)>,
    ApiJson(request): ApiJson<WithdrawRequest>,
) -> Answer<Evidence> {
    Ok(Json(
        evidence::withdraw(&state, &acting, &id, &evidence, request.reason).await?,
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/audits/{id}/requests",
    operation_id = "list_evidence_requests",
    tag = "working papers",
    summary = "The requests for evidence of the audit / 証跡依頼の一覧",
    params(("id" = String, Path, description = "The audit id")),
    responses((status = 200, description = "The requests, in the order asked.", body = RequestList), ReadErrors)
)]
pub async fn list_requests(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Answer<RequestList> {
    let items = evidence::requests(&state, &acting, &id).await?;
    Ok(Json(RequestList { items }))
}

#[utoipa::path(
    post,
    path = "/api/v1/audits/{id}/requests",
    operation_id = "ask_for_evidence",
    tag = "working papers",
    summary = "Ask the provider for evidence by a due date (an auditor of the body) / 証跡を依頼する",
    params(("id" = String, Path, description = "The audit id")),
    request_body(content = AskRequest, content_type = "application/json"),
    responses((status = 201, description = "The request.", body = Object), ChangeErrors)
)]
pub async fn ask(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<AskRequest>,
) -> Result<(StatusCode, Json<EvidenceRequest>), ApiError> {
    let asked = evidence::ask(&state, &acting, &id, request.into()).await?;
    Ok((StatusCode::CREATED, Json(asked)))
}

#[utoipa::path(
    post,
    path = "/api/v1/audits/{id}/requests/{request}/answer",
    operation_id = "answer_evidence_request",
    tag = "working papers",
    summary = "Answer a request with evidence already supplied (its provider) / 証跡依頼に回答する",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("request" = String, Path, description = "The request's id in the audit (`rq-00001`)"),
    ),
    request_body(content = AnswerRequest, content_type = "application/json"),
    responses((status = 200, description = "The request, answered.", body = Object), ChangeErrors)
)]
pub async fn answer(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, request)): ApiPath<(String, String)>,
    ApiJson(body): ApiJson<AnswerRequest>,
) -> Answer<EvidenceRequest> {
    Ok(Json(
        evidence::answer(&state, &acting, &id, &request, &body.evidence).await?,
    ))
}

/// The population route reads its body whole, up to the population file's bound.
pub const MAX_POPULATION_BODY: usize = MAX_POPULATION_BYTES;
