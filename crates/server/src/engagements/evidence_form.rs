//! `POST /audits/{id}/evidence`, the evidence page's form: the record's facts first, then the
//! file streamed into the blob store as it arrives (a large file is never held in memory), the
//! form token checked before any of it is read. The same action as the API stores it.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Refusal;
use shinrai_domain::workflow::working_papers::EvidenceMethod;

use super::evidence::{self, EvidenceMeta};
use super::pages::render_evidence;
use crate::auth::csrf::CSRF_FIELD;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::field_values::{Reading, day, optional_number, optional_text};
use crate::web::form::{self, Fields, acting, answer_post, in_lang, path_segment, to_sign_in};
use crate::workflow::{Failure, Outcome};

/// Longest text field of the form (titles, ids, dates): the file is the only large part.
const MAX_FIELD_BYTES: usize = 16 * 1024;

/// The record's facts as the form gives them.
fn meta_of(fields: &Fields) -> Result<EvidenceMeta, Failure> {
    let mut reading = Reading::default();
    let method = reading.take(
        EvidenceMethod::from_code(fields.get("method")).ok_or_else(|| {
            Failure::from(Refusal::invalid(
                "/method",
                "unknown_method",
                Bilingual::new("手続を選んでください", "choose a method"),
            ))
        }),
    );
    let speaks_for = reading.take(day(fields, "speaks_for"));
    let occurrence = reading.take(optional_number(fields, "occurrence"));
    reading.problems()?;
    let (Some(method), Some(speaks_for), Some(occurrence)) = (method, speaks_for, occurrence)
    else {
        unreachable!("every value was read when no problem was kept")
    };
    Ok(EvidenceMeta {
        control: optional_text(fields, "control"),
        occurrence,
        method,
        title: form::bilingual(fields, "title"),
        speaks_for,
        request: optional_text(fields, "request"),
    })
}

/// Reads the form up to the file and stores the record with the file streamed in.
async fn upload(
    state: &AppState,
    ctx: &PageContext,
    by: &crate::workflow::Acting,
    id: &str,
    form: Result<Multipart, MultipartRejection>,
    fields: &mut Vec<(String, String)>,
) -> Result<Outcome<()>, Response> {
    let refused =
        |error: crate::error::ApiError| crate::web::error_page(ctx.lang, &ctx.uri, &error);
    let unreadable = || crate::error::ApiError::InvalidInput {
        message: Bilingual::new("フォームを読み取れません", "the form could not be read"),
        pointer: None,
        detail_code: Some("unreadable_form"),
    };
    let mut form = form.map_err(|_| refused(unreadable()))?;
    let mut token: Option<String> = None;
    while let Some(field) = form.next_field().await.map_err(|_| refused(unreadable()))? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            ctx.caller.check_csrf(token.as_deref()).map_err(refused)?;
            let meta = match meta_of(&Fields::from_pairs(fields.clone())) {
                Ok(meta) => meta,
                Err(failure) => return Ok(Err(failure)),
            };
            let file_name = field.file_name().unwrap_or("evidence").to_owned();
            let media_type = field
                .content_type()
                .unwrap_or("application/octet-stream")
                .to_owned();
            let outcome =
                evidence::add_file(state, by, id, meta, file_name, media_type, field).await;
            return Ok(outcome.map(|_| ()));
        }
        let text = field.text().await.map_err(|_| refused(unreadable()))?;
        if text.len() > MAX_FIELD_BYTES {
            return Err(refused(unreadable()));
        }
        if name == CSRF_FIELD {
            token = Some(text);
        } else {
            fields.push((name, text));
        }
    }
    ctx.caller.check_csrf(token.as_deref()).map_err(refused)?;
    Ok(Err(Refusal::invalid(
        "/file",
        "missing_file",
        Bilingual::new("ファイルを選んでください", "choose a file"),
    )
    .into()))
}

pub async fn add(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let mut fields = Vec::new();
    let outcome = match upload(&state, &ctx, &by, &id, form, &mut fields).await {
        Ok(outcome) => outcome,
        Err(response) => return response,
    };
    let done = |()| in_lang(&format!("/audits/{}/evidence", path_segment(&id)), ctx.lang);
    let posted = Fields::from_pairs(fields);
    answer_post(&ctx, outcome, done, "upload", posted, |sent_back| {
        render_evidence(&state, &ctx, &by, &id, 1, Some(sent_back))
    })
    .await
}
