//! A statement as files over the API: the spreadsheet pre-filled with its current content (the
//! same layout as `shinrai statement template|export`), its upload back into a draft, and the
//! OSCAL system security plan both ways. An upload replaces the draft's content exactly as
//! `PUT /statements/{id}` does, with the same refusals and the same event.

use shinrai_domain::criteria::CriteriaVersion;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::workflow::service::acts_for_provider;
use shinrai_domain::workflow::statement::Statement;
use shinrai_domain::workflow::{Conflict, FieldError, NotAllowed, Refusal};
use shinrai_formats::statement::ssp::{self, SspError, SspOptions};
use shinrai_formats::statement::{
    SheetFormat, StatementFile, read_csv, read_xlsx, write_csv, write_xlsx,
};

use super::actions::{self, Draft, visible};
use crate::error::ApiError;
use crate::state::AppState;
use crate::workflow::facts::{self, SERVICE};
use crate::workflow::files::{refused_file, refused_sheet, upload_name};
use crate::workflow::{Acting, Failure, Outcome};

/// The statement as a file holds it.
fn as_file(statement: &Statement) -> StatementFile {
    StatementFile::new(
        statement.criteria_version.clone(),
        statement.target_level,
        statement.content.clone(),
    )
}

/// The statement's spreadsheet: its content beside the criteria's texts, with a row for every
/// item and control that applies to its service's models at its level, answered or not.
pub async fn template(
    state: &AppState,
    by: &Acting,
    id: &str,
    format: SheetFormat,
) -> Outcome<Vec<u8>> {
    let statement = visible(state, by, id).await?.value;
    let criteria = facts::criteria_of(state, &statement.criteria_version).await?;
    let service = state
        .store
        .service(&statement.service)
        .await?
        .ok_or_else(|| facts::missing(SERVICE, &statement.service))?
        .value;
    let mut models: Vec<ServiceModel> = service
        .details
        .service_models
        .iter()
        .map(|scope| scope.model)
        .collect();
    models.sort();
    models.dedup();
    let file = as_file(&statement);
    let written = state
        .cpu
        .run(move || {
            let criteria = Some(&criteria.version);
            match format {
                SheetFormat::Xlsx => write_xlsx(&file, criteria, Some(&models)),
                SheetFormat::Csv => write_csv(&file, criteria, Some(&models)),
            }
        })
        .await?;
    written.map_err(|error| ApiError::internal(format_args!("statement file: {error}")).into())
}

/// The statement as an OSCAL system security plan (`{"system-security-plan": …}`).
pub async fn ssp(state: &AppState, by: &Acting, id: &str) -> Outcome<serde_json::Value> {
    let statement = visible(state, by, id).await?.value;
    let service = state
        .store
        .service(&statement.service)
        .await?
        .ok_or_else(|| facts::missing(SERVICE, &statement.service))?
        .value;
    let options = SspOptions {
        system_name: service.details.name.clone(),
        system_id: statement.id.clone(),
        last_modified: date_time(statement.updated_at_ms),
    };
    let file = as_file(&statement);
    let written = state
        .cpu
        .run(move || ssp::export_ssp(&file, &options))
        .await?;
    written.map_err(|error| match error {
        // OSCAL needs at least one implemented requirement: a statement with no answer yet.
        SspError::NothingToWrite => Failure::Service(ApiError::Conflict(error.message())),
        other => ApiError::internal(format_args!("statement plan: {other}")).into(),
    })
}

/// A moment as an RFC 3339 date-time in UTC, to the second.
fn date_time(ms: i64) -> String {
    const DAY_MS: i64 = 86_400_000;
    let date = CalendarDate::from_unix_ms(ms);
    let seconds = ms.rem_euclid(DAY_MS) / 1_000;
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        seconds / 3_600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// The statement `id`, if the one acting is its provider and it is a draft: asked before the
/// upload is read, in the domain's order.
pub async fn draft_for_provider(state: &AppState, by: &Acting, id: &str) -> Outcome<Statement> {
    let statement = visible(state, by, id).await?.value;
    if !acts_for_provider(&by.member, &statement.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider).into());
    }
    if !statement.is_draft() {
        return Err(Refusal::Conflict(Conflict::StatementFrozen {
            statement: statement.id,
        })
        .into());
    }
    Ok(statement)
}

/// Reads an uploaded spreadsheet and saves it as the draft's content.
pub async fn import_sheet(
    state: &AppState,
    by: &Acting,
    id: &str,
    format: SheetFormat,
    bytes: axum::body::Bytes,
) -> Outcome<Statement> {
    import_sheet_from(state, by, id, format, bytes, None).await
}

/// Reads an uploaded spreadsheet and saves it as the draft's content as read at revision
/// `expected` (`None`: whatever is stored now), as the editor's forms do.
pub async fn import_sheet_from(
    state: &AppState,
    by: &Acting,
    id: &str,
    format: SheetFormat,
    bytes: axum::body::Bytes,
    expected: Option<i64>,
) -> Outcome<Statement> {
    draft_for_provider(state, by, id).await?;
    let name = upload_name(format);
    let read = |bytes: axum::body::Bytes, criteria: Option<CriteriaVersion>| {
        state.cpu.run(move || match format {
            SheetFormat::Xlsx => read_xlsx(name, &bytes, criteria.as_ref()),
            SheetFormat::Csv => read_csv(name, &bytes, criteria.as_ref()),
        })
    };
    let file = read(bytes.clone(), None).await?.map_err(refused_sheet)?;
    let criteria =
        facts::published_criteria(state, &file.criteria_version, "/criteria_version").await?;
    // The content's rules on the criteria it names: when they refuse it, the file is read
    // again with the criteria, so that each problem is placed at its cell.
    if file.content().check(&criteria.version).is_err() {
        read(bytes, Some(criteria.version.clone()))
            .await?
            .map_err(refused_sheet)?;
    }
    save(state, by, id, file, expected).await
}

/// Reads an uploaded OSCAL system security plan and saves it as the draft's content.
pub async fn import_ssp(
    state: &AppState,
    by: &Acting,
    id: &str,
    bytes: axum::body::Bytes,
) -> Outcome<Statement> {
    draft_for_provider(state, by, id).await?;
    let file = state
        .cpu
        .run(move || ssp::import_ssp("upload.json", &bytes))
        .await?
        .map_err(|error| {
            let (at, code) = match &error {
                SspError::Content { pointer, .. } => (pointer.clone(), "invalid_plan"),
                _ => (String::new(), "unreadable"),
            };
            refused_file(vec![FieldError::new(at, code, error.message())])
        })?;
    save(state, by, id, file, None).await
}

async fn save(
    state: &AppState,
    by: &Acting,
    id: &str,
    file: StatementFile,
    expected: Option<i64>,
) -> Outcome<Statement> {
    let draft = Draft {
        criteria_version: file.criteria_version.clone(),
        target_level: file.target_level,
        content: file.content(),
    };
    actions::replace_from(state, by, id, draft, expected).await
}
