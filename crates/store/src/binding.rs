//! Every table that holds state is bound to the log: the event that writes a row records the
//! row's key and the SHA-256 of its canonical encoding ([`shinrai_domain::log_rows`]), and
//! `shinrai log verify` compares every stored row with those records. This module is the one
//! place that says which tables and columns are bound and how a row is read for hashing; the
//! writers (in the same transaction as the write) and the verifier both read rows through it,
//! so they cannot disagree.
//!
//! Adding a table: list it in [`BOUND_TABLES`] (or in [`EXEMPT_TABLES`] with the reason), and
//! record its rows when writing them (`append` in the backends takes them). Adding a column to
//! a bound table: one line in its `columns` (or in [`EXEMPT_COLUMNS`] with the reason). The
//! store's tests compare these lists with the schema of both engines, so forgetting fails.

use shinrai_domain::log_rows::{Cell, row_hash};
use sqlx::{ColumnIndex, Decode, Row, Type};

/// How a column's value is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Int,
    Bool,
}

/// A table whose every row the log accounts for.
#[derive(Debug)]
pub struct BoundTable {
    pub name: &'static str,
    /// The primary key's columns, in key order; TEXT, and listed in `columns` too.
    pub key: &'static [&'static str],
    /// Every column that holds state, in encoding order (nullable or not).
    pub columns: &'static [(&'static str, Kind)],
}

pub const ORGANISATIONS: BoundTable = BoundTable {
    name: "organisations",
    key: &["id"],
    columns: &[
        ("id", Kind::Text),
        ("kind", Kind::Text),
        ("name_ja", Kind::Text),
        ("name_en", Kind::Text),
        ("created_at_ms", Kind::Int),
    ],
};

pub const USERS: BoundTable = BoundTable {
    name: "users",
    key: &["id"],
    columns: &[
        ("id", Kind::Text),
        ("org_id", Kind::Text),
        ("login", Kind::Text),
        ("display_name", Kind::Text),
        ("password_hash", Kind::Text),
        ("disabled", Kind::Bool),
        ("created_at_ms", Kind::Int),
    ],
};

pub const USER_ROLES: BoundTable = BoundTable {
    name: "user_roles",
    key: &["user_id", "role"],
    columns: &[("user_id", Kind::Text), ("role", Kind::Text)],
};

pub const API_TOKENS: BoundTable = BoundTable {
    name: "api_tokens",
    key: &["id"],
    columns: &[
        ("id", Kind::Text),
        ("user_id", Kind::Text),
        ("name", Kind::Text),
        ("secret_hash", Kind::Text),
        ("created_at_ms", Kind::Int),
        ("expires_at_ms", Kind::Int),
        ("revoked_at_ms", Kind::Int),
    ],
};

pub const CRITERIA_VERSIONS: BoundTable = BoundTable {
    name: "criteria_versions",
    key: &["version"],
    columns: &[
        ("version", Kind::Text),
        ("title_ja", Kind::Text),
        ("title_en", Kind::Text),
        ("status", Kind::Text),
        ("published_on", Kind::Text),
        ("document", Kind::Text),
        ("document_sha256", Kind::Text),
        ("created_at_ms", Kind::Int),
        ("updated_at_ms", Kind::Int),
    ],
};

pub const REGISTRY_ENTRIES: BoundTable = BoundTable {
    name: "registry_entries",
    key: &["id"],
    columns: &[
        ("id", Kind::Text),
        ("provider", Kind::Text),
        ("audit_body", Kind::Text),
        ("level", Kind::Int),
        ("status", Kind::Text),
        ("registered_on", Kind::Text),
        ("valid_until", Kind::Text),
        ("document", Kind::Text),
        ("document_sha256", Kind::Text),
        ("updated_at_ms", Kind::Int),
    ],
};

pub const BLOBS: BoundTable = BoundTable {
    name: "blobs",
    key: &["sha256"],
    columns: &[
        ("sha256", Kind::Text),
        ("size", Kind::Int),
        ("media_type", Kind::Text),
        ("created_at_ms", Kind::Int),
    ],
};

/// The columns every document table shares (see [`crate::documents`]).
const DOCUMENT_COLUMNS: &[(&str, Kind)] = &[
    ("id", Kind::Text),
    ("service", Kind::Text),
    ("provider", Kind::Text),
    ("audit_body", Kind::Text),
    ("status", Kind::Text),
    ("revision", Kind::Int),
    ("document", Kind::Text),
    ("document_sha256", Kind::Text),
    ("updated_at_ms", Kind::Int),
];

const fn document_table(name: &'static str) -> BoundTable {
    BoundTable {
        name,
        key: &["id"],
        columns: DOCUMENT_COLUMNS,
    }
}

/// The columns of the tables of an audit's working papers: a document's, and the audit.
const AUDIT_DOCUMENT_COLUMNS: &[(&str, Kind)] = &[
    ("id", Kind::Text),
    ("service", Kind::Text),
    ("provider", Kind::Text),
    ("audit_body", Kind::Text),
    ("status", Kind::Text),
    ("revision", Kind::Int),
    ("document", Kind::Text),
    ("document_sha256", Kind::Text),
    ("updated_at_ms", Kind::Int),
    ("audit", Kind::Text),
];

const fn audit_document_table(name: &'static str) -> BoundTable {
    BoundTable {
        name,
        key: &["id"],
        columns: AUDIT_DOCUMENT_COLUMNS,
    }
}

pub const SERVICES: BoundTable = document_table("services");
pub const STATEMENTS: BoundTable = document_table("statements");
pub const AUDITS: BoundTable = document_table("audits");
pub const AUDIT_REPORTS: BoundTable = document_table("audit_reports");
pub const APPLICATIONS: BoundTable = document_table("applications");
pub const AUDIT_BODY_RECORDS: BoundTable = document_table("audit_body_records");
pub const AUDITOR_PROFILES: BoundTable = document_table("auditor_profiles");
pub const SELECTION_APPLICATIONS: BoundTable = document_table("selection_applications");
pub const CONTROL_WORK: BoundTable = audit_document_table("control_work");
pub const POPULATIONS: BoundTable = audit_document_table("populations");
pub const EVIDENCE: BoundTable = audit_document_table("evidence");
pub const EVIDENCE_REQUESTS: BoundTable = audit_document_table("evidence_requests");
pub const QUALITY_REVIEWS: BoundTable = document_table("quality_reviews");
pub const NOTIFICATIONS: BoundTable = document_table("notifications");
pub const MAIL_ADDRESSES: BoundTable = document_table("mail_addresses");
pub const CHANGE_NOTICES: BoundTable = document_table("change_notices");
pub const INCIDENTS: BoundTable = document_table("incidents");
pub const SYSTEMS: BoundTable = document_table("systems");
pub const SERVICE_USAGES: BoundTable = document_table("service_usages");
pub const CERTIFICATES: BoundTable = document_table("certificates");
pub const ASSURANCE_MAPS: BoundTable = document_table("assurance_maps");

/// The tables of the scheme's work in progress, which share one shape, in the order backups
/// write them.
pub const DOCUMENT_TABLES: [&BoundTable; 21] = [
    &SELECTION_APPLICATIONS,
    &AUDIT_BODY_RECORDS,
    &AUDITOR_PROFILES,
    &SERVICES,
    &STATEMENTS,
    &AUDITS,
    &CONTROL_WORK,
    &POPULATIONS,
    &EVIDENCE,
    &EVIDENCE_REQUESTS,
    &AUDIT_REPORTS,
    &APPLICATIONS,
    &QUALITY_REVIEWS,
    &NOTIFICATIONS,
    &MAIL_ADDRESSES,
    &CHANGE_NOTICES,
    &INCIDENTS,
    &SYSTEMS,
    &SERVICE_USAGES,
    &CERTIFICATES,
    &ASSURANCE_MAPS,
];

/// Every bound table, in the order verification reads them.
pub const BOUND_TABLES: [&BoundTable; 28] = [
    &ORGANISATIONS,
    &USERS,
    &USER_ROLES,
    &API_TOKENS,
    &CRITERIA_VERSIONS,
    &REGISTRY_ENTRIES,
    &BLOBS,
    &SELECTION_APPLICATIONS,
    &AUDIT_BODY_RECORDS,
    &AUDITOR_PROFILES,
    &SERVICES,
    &STATEMENTS,
    &AUDITS,
    &CONTROL_WORK,
    &POPULATIONS,
    &EVIDENCE,
    &EVIDENCE_REQUESTS,
    &AUDIT_REPORTS,
    &APPLICATIONS,
    &QUALITY_REVIEWS,
    &NOTIFICATIONS,
    &MAIL_ADDRESSES,
    &CHANGE_NOTICES,
    &INCIDENTS,
    &SYSTEMS,
    &SERVICE_USAGES,
    &CERTIFICATES,
    &ASSURANCE_MAPS,
];

/// Tables the log does not account for row by row, and why.
pub const EXEMPT_TABLES: [(&str, &str); 5] = [
    (
        "sessions",
        "short-lived sign-ins (created and ended with logged events, expired ones swept without \
         one), never in backups; a session grants only what its user's bound row and roles grant, \
         and every change made through one is itself a logged event",
    ),
    (
        "registry_revision",
        "a counter derived from registry writes that only tells a process its cached copy of \
         the registry is stale; the registry entries themselves are bound",
    ),
    (
        "log_events",
        "the log itself: the hash chain verifies every event",
    ),
    (
        "log_checkpoints",
        "the log's signed heads: each verifies by its signature and against the chain, and the \
         events record which checkpoints were signed",
    ),
    (
        "_sqlx_migrations",
        "which migrations ran; the schema it describes is checked before verifying",
    ),
];

/// Columns of bound tables left out of the encoding, and why.
pub const EXEMPT_COLUMNS: [(&str, &str, &str); 1] = [(
    "api_tokens",
    "last_used_at_ms",
    "noted on every use of a token, which is not a change of state and is not logged; it \
     grants nothing",
)];

impl BoundTable {
    /// Whether the table keeps the audit its rows belong to (the working papers' tables).
    pub fn has_audit(&self) -> bool {
        self.columns.iter().any(|(name, _)| *name == "audit")
    }

    pub(crate) fn column_list(&self) -> String {
        self.columns
            .iter()
            .map(|(name, _)| *name)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Every row, in no particular order. Built from the constant lists above only.
    pub fn select_all(&self) -> String {
        format!("SELECT {} FROM {}", self.column_list(), self.name)
    }

    /// The row with the key bound as `$1`, `$2`, … in key order.
    pub fn select_one(&self) -> String {
        let condition = self
            .key
            .iter()
            .enumerate()
            .map(|(index, column)| format!("{column} = ${}", index + 1))
            .collect::<Vec<_>>()
            .join(" AND ");
        format!(
            "SELECT {} FROM {} WHERE {condition}",
            self.column_list(),
            self.name
        )
    }
}

/// A row a change wrote, named for the event that records it.
#[derive(Debug, Clone)]
pub struct Wrote {
    pub table: &'static BoundTable,
    pub key: Vec<String>,
}

impl Wrote {
    /// A row of a table keyed by one column.
    pub fn row(table: &'static BoundTable, id: &str) -> Wrote {
        Wrote {
            table,
            key: vec![id.to_owned()],
        }
    }

    /// A row of a table keyed by several columns.
    pub fn row_of(table: &'static BoundTable, key: &[&str]) -> Wrote {
        Wrote {
            table,
            key: key.iter().map(|part| (*part).to_owned()).collect(),
        }
    }
}

/// The key and canonical hash of a row read with [`BoundTable::select_all`] or
/// [`BoundTable::select_one`]. A value its column's type cannot hold hashes as unreadable, so a
/// row damaged that way is reported, not an error that stops verification.
pub fn key_and_hash<'r, R>(row: &'r R, table: &BoundTable) -> (Vec<String>, String)
where
    R: Row,
    Option<&'r str>: Decode<'r, R::Database> + Type<R::Database>,
    Option<i64>: Decode<'r, R::Database> + Type<R::Database>,
    Option<bool>: Decode<'r, R::Database> + Type<R::Database>,
    usize: ColumnIndex<R>,
{
    let cells: Vec<(&str, Cell<'r>)> = table
        .columns
        .iter()
        .enumerate()
        .map(|(index, (name, kind))| (*name, cell(row, index, *kind)))
        .collect();
    let key = table
        .key
        .iter()
        .map(|column| {
            match cells
                .iter()
                .find(|(name, _)| name == column)
                .map(|(_, c)| c)
            {
                Some(Cell::Text(text)) => (*text).to_owned(),
                Some(Cell::Int(value)) => value.to_string(),
                _ => "(unreadable)".to_owned(),
            }
        })
        .collect();
    (key, row_hash(table.name, &cells))
}

fn cell<'r, R>(row: &'r R, index: usize, kind: Kind) -> Cell<'r>
where
    R: Row,
    Option<&'r str>: Decode<'r, R::Database> + Type<R::Database>,
    Option<i64>: Decode<'r, R::Database> + Type<R::Database>,
    Option<bool>: Decode<'r, R::Database> + Type<R::Database>,
    usize: ColumnIndex<R>,
{
    let read = match kind {
        Kind::Text => row
            .try_get::<Option<&'r str>, _>(index)
            .map(|v| v.map(Cell::Text)),
        Kind::Int => row
            .try_get::<Option<i64>, _>(index)
            .map(|v| v.map(Cell::Int)),
        Kind::Bool => row
            .try_get::<Option<bool>, _>(index)
            .map(|v| v.map(Cell::Bool)),
    };
    match read {
        Ok(Some(cell)) => cell,
        Ok(None) => Cell::Null,
        Err(_) => Cell::Unreadable,
    }
}

/// Expands to the binding operations of one backend type that has `pool` and `begin_read`.
macro_rules! binding_operations {
    ($backend:ident, $database:ty) => {
        impl $backend {
            /// The record of one row as it stands in the caller's transaction (`None` hash: the
            /// row is not there, i.e. it was deleted).
            async fn bound_row<'t, 'c>(
                tx: &'t mut sqlx::Transaction<'c, $database>,
                wrote: &crate::binding::Wrote,
            ) -> crate::error::StoreResult<shinrai_domain::log_rows::RowRecord> {
                let sql = wrote.table.select_one();
                let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
                for part in &wrote.key {
                    query = query.bind(part.clone());
                }
                let row = query.fetch_optional(&mut **tx).await?;
                Ok(shinrai_domain::log_rows::RowRecord {
                    table: wrote.table.name.to_owned(),
                    key: wrote.key.clone(),
                    sha256: row
                        .as_ref()
                        .map(|row| crate::binding::key_and_hash(row, wrote.table).1),
                })
            }

            /// Verifies the chain, the checkpoints and every bound table in one read-only
            /// snapshot, streaming events and rows through the audit.
            pub async fn audit_log(
                &self,
                key: Option<&ed25519_dalek::VerifyingKey>,
                extra: Vec<shinrai_domain::log_chain::Checkpoint>,
                sign_every: u64,
            ) -> crate::error::StoreResult<shinrai_domain::log_audit::AuditReport> {
                use futures::TryStreamExt;
                let mut tx = self.begin_read().await?;
                let stored = sqlx::query(crate::sql::SELECT_CHECKPOINTS)
                    .fetch_all(&mut *tx)
                    .await?
                    .iter()
                    .map(crate::rows::checkpoint)
                    .collect::<crate::error::StoreResult<Vec<_>>>()?;
                let mut audit =
                    shinrai_domain::log_audit::LogAudit::new(key, stored, extra, sign_every);
                {
                    let mut events = sqlx::query(crate::sql::SELECT_ALL_EVENTS).fetch(&mut *tx);
                    while let Some(row) = events.try_next().await? {
                        if !audit.event(&crate::rows::event(&row)?) {
                            break;
                        }
                    }
                }
                if audit.chain_holds() {
                    for table in crate::binding::BOUND_TABLES {
                        audit.table_read(table.name);
                        let sql = table.select_all();
                        let mut rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch(&mut *tx);
                        while let Some(row) = rows.try_next().await? {
                            let (key, hash) = crate::binding::key_and_hash(&row, table);
                            audit.row(table.name, key, &hash);
                        }
                    }
                }
                tx.rollback().await?;
                Ok(audit.finish())
            }
        }
    };
}

pub(crate) use binding_operations;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn statements_are_built_from_the_lists() {
        assert_eq!(
            USER_ROLES.select_one(),
            "SELECT user_id, role FROM user_roles WHERE user_id = $1 AND role = $2"
        );
        assert_eq!(
            BLOBS.select_all(),
            "SELECT sha256, size, media_type, created_at_ms FROM blobs"
        );
        for table in BOUND_TABLES {
            for key in table.key {
                assert!(
                    table
                        .columns
                        .iter()
                        .any(|(name, kind)| name == key && *kind == Kind::Text),
                    "{}: key column {key} must be a listed TEXT column",
                    table.name
                );
            }
        }
    }
}
