//! Turning database rows into records, the same way for both engines.

use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::log_chain::{Checkpoint, Event, Visibility};
use shinrai_domain::text::Bilingual;
use sqlx::{ColumnIndex, Decode, Row, Type};

use crate::error::{StoreError, StoreResult};
use crate::model::{ApiToken, BlobInfo, Organisation, Session, User};

/// Reads one column, for any engine whose rows can decode these Rust types.
pub fn get<'r, R, T>(row: &'r R, column: &str) -> StoreResult<T>
where
    R: Row,
    T: Decode<'r, R::Database> + Type<R::Database>,
    for<'c> &'c str: ColumnIndex<R>,
{
    Ok(row.try_get(column)?)
}

pub fn u64_of(value: i64, what: &str) -> StoreResult<u64> {
    u64::try_from(value).map_err(|_| StoreError::Corrupt(format!("negative {what}: {value}")))
}

pub fn i64_of(value: u64) -> StoreResult<i64> {
    i64::try_from(value).map_err(|_| StoreError::Corrupt(format!("number too large: {value}")))
}

pub fn organisation<'r, R>(row: &'r R) -> StoreResult<Organisation>
where
    R: Row,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
    for<'c> &'c str: ColumnIndex<R>,
{
    let kind: String = get(row, "kind")?;
    Ok(Organisation {
        id: get(row, "id")?,
        kind: OrgKind::from_code(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("organisation kind {kind}")))?,
        name: Bilingual::new(
            get::<R, String>(row, "name_ja")?,
            get::<R, String>(row, "name_en")?,
        ),
        created_at_ms: get(row, "created_at_ms")?,
    })
}

/// A user without roles (they come from their own table) and the password hash.
pub fn user<'r, R>(row: &'r R) -> StoreResult<(User, String)>
where
    R: Row,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
    bool: Decode<'r, R::Database> + Type<R::Database>,
    for<'c> &'c str: ColumnIndex<R>,
{
    Ok((
        User {
            id: get(row, "id")?,
            org_id: get(row, "org_id")?,
            login: get(row, "login")?,
            display_name: get(row, "display_name")?,
            roles: Vec::new(),
            disabled: get(row, "disabled")?,
            created_at_ms: get(row, "created_at_ms")?,
        },
        get(row, "password_hash")?,
    ))
}

pub fn role(code: &str) -> StoreResult<Role> {
    Role::from_code(code).ok_or_else(|| StoreError::Corrupt(format!("role {code}")))
}

pub fn session<'r, R>(row: &'r R) -> StoreResult<Session>
where
    R: Row,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
    for<'c> &'c str: ColumnIndex<R>,
{
    Ok(Session {
        secret_hash: get(row, "secret_hash")?,
        user_id: get(row, "user_id")?,
        csrf_token: get(row, "csrf_token")?,
        created_at_ms: get(row, "created_at_ms")?,
        expires_at_ms: get(row, "expires_at_ms")?,
    })
}

pub fn token<'r, R>(row: &'r R) -> StoreResult<ApiToken>
where
    R: Row,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
    Option<i64>: Decode<'r, R::Database> + Type<R::Database>,
    for<'c> &'c str: ColumnIndex<R>,
{
    Ok(ApiToken {
        id: get(row, "id")?,
        user_id: get(row, "user_id")?,
        name: get(row, "name")?,
        created_at_ms: get(row, "created_at_ms")?,
        expires_at_ms: get(row, "expires_at_ms")?,
        revoked_at_ms: get(row, "revoked_at_ms")?,
        last_used_at_ms: get(row, "last_used_at_ms")?,
    })
}

pub fn event<'r, R>(row: &'r R) -> StoreResult<Event>
where
    R: Row,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
    for<'c> &'c str: ColumnIndex<R>,
{
    let visibility: String = get(row, "visibility")?;
    Ok(Event {
        seq: u64_of(get(row, "seq")?, "sequence number")?,
        at_ms: get(row, "at_ms")?,
        actor: get(row, "actor")?,
        org: get(row, "org")?,
        action: get(row, "action")?,
        subject: get(row, "subject")?,
        // An unknown visibility is kept visible as text by the verifier: it changes the hash.
        visibility: Visibility::from_code(&visibility)
            .ok_or_else(|| StoreError::Corrupt(format!("event visibility {visibility}")))?,
        payload: get(row, "payload")?,
        payload_hash: get(row, "payload_hash")?,
        prev_hash: get(row, "prev_hash")?,
        hash: get(row, "hash")?,
    })
}

pub fn checkpoint<'r, R>(row: &'r R) -> StoreResult<Checkpoint>
where
    R: Row,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
    for<'c> &'c str: ColumnIndex<R>,
{
    Ok(Checkpoint {
        size: u64_of(get(row, "size")?, "checkpoint size")?,
        head_hash: get(row, "head_hash")?,
        at_ms: get(row, "at_ms")?,
        signature: get(row, "signature")?,
    })
}

pub fn blob<'r, R>(row: &'r R) -> StoreResult<BlobInfo>
where
    R: Row,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
    for<'c> &'c str: ColumnIndex<R>,
{
    Ok(BlobInfo {
        sha256: get(row, "sha256")?,
        size: u64_of(get(row, "size")?, "blob size")?,
        media_type: get(row, "media_type")?,
        created_at_ms: get(row, "created_at_ms")?,
    })
}
