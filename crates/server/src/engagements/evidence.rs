//! Evidence and the requests for it: files streamed into the blob store (a gigabyte never
//! held in memory), notes, withdrawals, and requests from the auditors answered by the provider.

use axum::body::Bytes;
use futures::Stream;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Change;
use shinrai_domain::workflow::working_papers::{
    self, Evidence, EvidenceContent, EvidenceMethod, EvidenceRequest, MAX_EVIDENCE_BYTES,
    NewEvidence, NewRequest, evidence_id, request_id, work_id,
};
use shinrai_store::StoreError;
use shinrai_store::documents::{Batch, Stored};
use shinrai_store::model::ChangeBy;

use super::actions::{EVIDENCE, REQUEST, engagement, evidence_named, full_id, values};
use crate::audits::actions::visible;
use crate::state::AppState;
use crate::workflow::{Acting, Failure, Outcome};

/// What is said of a new record, besides its content.
#[derive(Debug, Clone)]
pub struct EvidenceMeta {
    pub control: Option<String>,
    pub occurrence: Option<u64>,
    pub method: EvidenceMethod,
    pub title: Bilingual,
    pub speaks_for: CalendarDate,
    /// The request it answers, by its id within the audit or in full.
    pub request: Option<String>,
}

/// Times an id is taken again when another record took the next number meanwhile.
const ID_ATTEMPTS: usize = 5;

/// A file, streamed into the blob store after the record's facts pass the domain's checks, so
/// a refused upload stores no bytes.
pub async fn add_file<S, E>(
    state: &AppState,
    by: &Acting,
    id: &str,
    meta: EvidenceMeta,
    file_name: String,
    media_type: String,
    body: S,
) -> Outcome<Evidence>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    let placeholder = EvidenceContent::File {
        sha256: String::new(),
        size: 0,
        media_type: media_type.clone(),
        file_name: file_name.clone(),
    };
    // Everything but the bytes is checked first.
    add(state, by, id, meta.clone(), placeholder, true).await?;
    let info = state
        .store
        .put_blob_stream(
            body,
            MAX_EVIDENCE_BYTES,
            &media_type,
            &ChangeBy {
                actor: by.member.user_id.clone(),
                org: by.member.org_id.clone(),
                at_ms: by.at.at_ms,
            },
        )
        .await?;
    let content = EvidenceContent::File {
        sha256: info.sha256,
        size: info.size,
        media_type,
        file_name,
    };
    add(state, by, id, meta, content, false).await
}

pub async fn add_note(
    state: &AppState,
    by: &Acting,
    id: &str,
    meta: EvidenceMeta,
    text: Bilingual,
) -> Outcome<Evidence> {
    add(state, by, id, meta, EvidenceContent::Note { text }, false).await
}

/// Adds a record under the next free number; with `dry_run` only checks it. A record that
/// names a request answers it in the same transaction (the provider's answer).
async fn add(
    state: &AppState,
    by: &Acting,
    id: &str,
    meta: EvidenceMeta,
    content: EvidenceContent,
    dry_run: bool,
) -> Outcome<Evidence> {
    let engagement = engagement(state, by, id).await?;
    let audit = &engagement.audit.value;
    let work = match &meta.control {
        Some(control) => state
            .store
            .control_work(&work_id(id, control))
            .await?
            .map(|s| s.value),
        None => None,
    };
    let request = match &meta.request {
        Some(name) => Some(
            state
                .store
                .evidence_request(&full_id(id, name))
                .await?
                .ok_or_else(|| Failure::unknown_reference("/request", REQUEST, name))?,
        ),
        None => None,
    };
    let mut attempts = 0;
    loop {
        attempts += 1;
        let number = state.store.evidence_count(id).await? + 1;
        let new = NewEvidence {
            id: evidence_id(id, number),
            control: meta.control.clone(),
            occurrence: meta.occurrence,
            method: meta.method,
            title: meta.title.clone(),
            content: content.clone(),
            speaks_for: meta.speaks_for,
            request: request.as_ref().map(|r| r.value.id.clone()),
        };
        let change = working_papers::add_evidence(
            audit,
            &engagement.statement,
            work.as_ref(),
            new,
            &by.member,
            by.at,
        )?;
        let answer = match &request {
            Some(stored) => Some((
                working_papers::answer_request(
                    audit,
                    &stored.value,
                    &[&change.state],
                    &by.member,
                    by.at,
                )?,
                stored.revision,
            )),
            None => None,
        };
        if dry_run {
            return Ok(change.state);
        }
        match commit_evidence(state, &change, answer.as_ref()).await {
            Err(StoreError::Conflict { .. }) if attempts < ID_ATTEMPTS => continue,
            Err(error) => return Err(error.into()),
            Ok(()) => return Ok(change.state),
        }
    }
}

async fn commit_evidence(
    state: &AppState,
    change: &Change<Evidence>,
    answer: Option<&(Change<EvidenceRequest>, i64)>,
) -> Result<(), StoreError> {
    let mut batch = Batch::new().create(change)?;
    if let Some((answered, revision)) = answer {
        batch = batch.update(answered, *revision)?;
    }
    state.store.commit(batch).await
}

pub async fn withdraw(
    state: &AppState,
    by: &Acting,
    id: &str,
    evidence: &str,
    reason: Bilingual,
) -> Outcome<Evidence> {
    let audit = visible(state, by, id).await?;
    let stored = one(state, id, evidence).await?;
    let change =
        working_papers::withdraw_evidence(&audit.value, &stored.value, reason, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

async fn one(state: &AppState, audit: &str, evidence: &str) -> Outcome<Stored<Evidence>> {
    state
        .store
        .evidence(&full_id(audit, evidence))
        .await?
        .ok_or_else(|| Failure::not_found(EVIDENCE, evidence))
}

pub async fn get(state: &AppState, by: &Acting, id: &str, evidence: &str) -> Outcome<Evidence> {
    visible(state, by, id).await?;
    Ok(one(state, id, evidence).await?.value)
}

/// A record's file, its bytes checked against their hash.
pub async fn file(
    state: &AppState,
    by: &Acting,
    id: &str,
    evidence: &str,
) -> Outcome<(Evidence, Bytes)> {
    let record = get(state, by, id, evidence).await?;
    let EvidenceContent::File { sha256, .. } = &record.content else {
        return Err(Failure::not_found(EVIDENCE, evidence));
    };
    let (_, bytes) = state
        .store
        .blob(sha256)
        .await?
        .ok_or_else(|| Failure::not_found(EVIDENCE, evidence))?;
    Ok((record, bytes))
}

/// One page of the audit's evidence in arrival order, and how many there are.
pub async fn page(
    state: &AppState,
    by: &Acting,
    id: &str,
    page: u32,
    per_page: u32,
) -> Outcome<(u64, Vec<Evidence>)> {
    visible(state, by, id).await?;
    let offset = u64::from(page.saturating_sub(1)) * u64::from(per_page);
    let (total, items) = state
        .store
        .audit_evidence_page(id, offset, per_page)
        .await?;
    Ok((total, values(items)))
}

/// What an auditor asks for.
#[derive(Debug, Clone)]
pub struct Asking {
    pub control: Option<String>,
    pub occurrence: Option<u64>,
    pub text: Bilingual,
    pub due_on: CalendarDate,
}

pub async fn ask(
    state: &AppState,
    by: &Acting,
    id: &str,
    asking: Asking,
) -> Outcome<EvidenceRequest> {
    let engagement = engagement(state, by, id).await?;
    let mut attempts = 0;
    loop {
        attempts += 1;
        let number = state.store.evidence_request_count(id).await? + 1;
        let change = working_papers::ask(
            &engagement.audit.value,
            &engagement.statement,
            NewRequest {
                id: request_id(id, number),
                control: asking.control.clone(),
                occurrence: asking.occurrence,
                text: asking.text.clone(),
                due_on: asking.due_on,
            },
            &by.member,
            by.at,
        )?;
        match state.store.commit(Batch::new().create(&change)?).await {
            Err(StoreError::Conflict { .. }) if attempts < ID_ATTEMPTS => continue,
            Err(error) => return Err(error.into()),
            Ok(()) => return Ok(change.state),
        }
    }
}

/// The provider answers a request with evidence already supplied.
pub async fn answer(
    state: &AppState,
    by: &Acting,
    id: &str,
    request: &str,
    evidence: &[String],
) -> Outcome<EvidenceRequest> {
    let audit = visible(state, by, id).await?;
    let stored = state
        .store
        .evidence_request(&full_id(id, request))
        .await?
        .ok_or_else(|| Failure::not_found(REQUEST, request))?;
    let records = evidence_named(state, id, evidence, "/evidence").await?;
    let cited: Vec<&Evidence> = records.iter().collect();
    let change =
        working_papers::answer_request(&audit.value, &stored.value, &cited, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

pub async fn requests(state: &AppState, by: &Acting, id: &str) -> Outcome<Vec<EvidenceRequest>> {
    visible(state, by, id).await?;
    Ok(values(state.store.evidence_requests(id).await?))
}
