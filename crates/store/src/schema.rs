//! Whether a database's schema is the one this version reads, checked before a read-only open
//! (which runs no migration, so it must not guess at an older or newer schema).

use shinrai_domain::text::Bilingual;
use sqlx::migrate::Migrator;
use sqlx::{ColumnIndex, Decode, Row, Type};

use crate::error::{StoreError, StoreResult};

/// The migrations table could not be read: this is no database the service ever opened.
pub fn not_a_shinrai_database(error: sqlx::Error) -> StoreError {
    StoreError::Schema {
        detail: Bilingual::new(
            format!("shinrai のスキーマがありません ({error})"),
            format!("no shinrai schema here ({error})"),
        ),
    }
}

/// Compares the migrations a database records as applied with the ones this version carries.
pub fn ensure_current<'r, R>(applied: &'r [R], migrator: &Migrator) -> StoreResult<()>
where
    R: Row,
    i64: Decode<'r, R::Database> + Type<R::Database>,
    bool: Decode<'r, R::Database> + Type<R::Database>,
    for<'c> &'c str: ColumnIndex<R>,
{
    let mut done = Vec::with_capacity(applied.len());
    for row in applied {
        let version: i64 = crate::rows::get(row, "version")?;
        if crate::rows::get::<R, bool>(row, "success")? {
            done.push(version);
        }
    }
    let known: Vec<i64> = migrator.iter().map(|migration| migration.version).collect();
    if let Some(newer) = done.iter().find(|version| !known.contains(version)) {
        return Err(StoreError::Schema {
            detail: Bilingual::new(
                format!(
                    "移行 {newer} は新しい版の shinrai が適用したものです。その版で検証してください"
                ),
                format!(
                    "migration {newer} was applied by a newer shinrai; verify with that version"
                ),
            ),
        });
    }
    if let Some(missing) = known.iter().find(|version| !done.contains(version)) {
        return Err(StoreError::Schema {
            detail: Bilingual::new(
                format!(
                    "移行 {missing} がまだ適用されていません。この版でサービス（または管理コマンド）を一度起動してから検証してください"
                ),
                format!(
                    "migration {missing} has not been applied yet; start the service (or run any administration command) once with this version, then verify"
                ),
            ),
        });
    }
    Ok(())
}
