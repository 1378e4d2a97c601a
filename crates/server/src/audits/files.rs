//! The conclusions of an audit as a spreadsheet: the template the auditors download (every
//! objective and control the audited statement selects, with what is recorded so far) and the
//! upload that replaces the conclusions exactly as `PUT /audits/{id}/conclusions` does.

use shinrai_domain::criteria::CriteriaVersion;
use shinrai_domain::workflow::audit::{Audit, AuditStatus, Conclusions};
use shinrai_domain::workflow::audit_body::is_auditor_of;
use shinrai_domain::workflow::statement::StatementContent;
use shinrai_domain::workflow::{Conflict, NotAllowed, Refusal};
use shinrai_formats::conclusions::{self, Audited, SheetFormat};

use super::actions::{self, audited_statement, visible};
use crate::state::AppState;
use crate::workflow::facts;
use crate::workflow::files::{refused_sheet, upload_name};
use crate::workflow::{Acting, Outcome};

/// The audit `id` if the one acting is an auditor of its body and it is in progress: asked in
/// the domain's order (who, then the state) before anything is read or written.
async fn in_progress_for_auditor(state: &AppState, by: &Acting, id: &str) -> Outcome<Audit> {
    let audit = visible(state, by, id).await?.value;
    if !is_auditor_of(&by.member, &audit.audit_body) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheAuditBody).into());
    }
    if audit.status != AuditStatus::InProgress {
        return Err(Refusal::Conflict(Conflict::AuditNotInProgress { audit: audit.id }).into());
    }
    Ok(audit)
}

/// Whether the one acting may download or upload the audit's conclusions now; the refusal when
/// not.
pub async fn template_rights(state: &AppState, by: &Acting, id: &str) -> Outcome<()> {
    in_progress_for_auditor(state, by, id).await.map(|_| ())
}

/// The criteria and the content of the audited statement.
async fn audited(state: &AppState, audit: &Audit) -> Outcome<(CriteriaVersion, StatementContent)> {
    let statement = audited_statement(state, audit).await?;
    let criteria = facts::criteria_of(state, &audit.criteria_version).await?;
    Ok((criteria.version.clone(), statement.content))
}

/// The conclusions workbook or CSV file of an audit in progress, for an auditor of its body.
pub async fn template(
    state: &AppState,
    by: &Acting,
    id: &str,
    format: SheetFormat,
) -> Outcome<Vec<u8>> {
    let audit = in_progress_for_auditor(state, by, id).await?;
    let (criteria, content) = audited(state, &audit).await?;
    let recorded = audit.conclusions;
    let written = state
        .cpu
        .run(move || match format {
            SheetFormat::Xlsx => conclusions::template_xlsx(&criteria, &content, &recorded),
            SheetFormat::Csv => conclusions::template_csv(&criteria, &content, &recorded),
        })
        .await?;
    written.map_err(|error| {
        crate::error::ApiError::internal(format_args!("conclusions template: {error}")).into()
    })
}

/// Reads an uploaded conclusions file and records what it holds, replacing the conclusions as
/// `PUT /audits/{id}/conclusions` does (the same refusals, the same event). Nothing is recorded
/// unless the whole file is valid.
pub async fn import(
    state: &AppState,
    by: &Acting,
    id: &str,
    format: SheetFormat,
    bytes: axum::body::Bytes,
) -> Outcome<Audit> {
    import_from(state, by, id, format, bytes, None).await
}

/// [`import`] of the conclusions as read at revision `expected` (`None`: whatever is stored
/// now), so that a page cannot undo conclusions recorded after it was opened.
pub async fn import_from(
    state: &AppState,
    by: &Acting,
    id: &str,
    format: SheetFormat,
    bytes: axum::body::Bytes,
    expected: Option<i64>,
) -> Outcome<Audit> {
    let audit = in_progress_for_auditor(state, by, id).await?;
    let (criteria, content) = audited(state, &audit).await?;
    let read = state
        .cpu
        .run(move || {
            let audited = Audited {
                criteria: &criteria,
                content: &content,
            };
            conclusions::read(format, upload_name(format), &bytes, audited)
        })
        .await?;
    let read: Conclusions = read.map_err(refused_sheet)?;
    actions::conclude_from(state, by, id, read, expected).await
}
