//! Every table bound to the log, on both engines: the schema holds no table and no column the
//! binding does not know, and a direct edit of any bound table (a row changed, inserted or
//! deleted) is reported by table and key, while changes to exempt tables and columns are not.

use std::collections::BTreeSet;

use bytes::Bytes;
use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::level::Level;
use shinrai_domain::log_audit::{Finding, RowProblem};
use shinrai_domain::text::Bilingual;
use shinrai_store::binding::{BOUND_TABLES, EXEMPT_COLUMNS, EXEMPT_TABLES};
use shinrai_store::model::{NewApiToken, NewOrganisation, NewUser};
use shinrai_store::registry::RegistryRow;
use sqlx::{Connection, Row};

use crate::accounts::{by, seed};
use crate::engines::TestStore;

/// Runs a query returning text columns on the store's database directly.
async fn texts(test: &TestStore, sql: &str) -> Vec<Vec<String>> {
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    if test.engine == "sqlite" {
        let mut connection = sqlx::SqliteConnection::connect(&test.url).await.unwrap();
        let rows = sqlx::query(sql).fetch_all(&mut connection).await.unwrap();
        rows.iter()
            .map(|row| (0..row.len()).map(|i| row.get::<String, _>(i)).collect())
            .collect()
    } else {
        let mut connection = sqlx::PgConnection::connect(&test.url).await.unwrap();
        let rows = sqlx::query(sql).fetch_all(&mut connection).await.unwrap();
        rows.iter()
            .map(|row| (0..row.len()).map(|i| row.get::<String, _>(i)).collect())
            .collect()
    }
}

async fn tables_of(test: &TestStore) -> BTreeSet<String> {
    let sql = if test.engine == "sqlite" {
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    } else {
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()"
    };
    texts(test, sql).await.into_iter().flatten().collect()
}

/// A table's columns, and its primary key's columns in key order.
async fn columns_of(test: &TestStore, table: &str) -> (BTreeSet<String>, Vec<String>) {
    if test.engine == "sqlite" {
        let rows = texts(
            test,
            &format!("SELECT name, CAST(pk AS TEXT) FROM pragma_table_info('{table}') ORDER BY pk"),
        )
        .await;
        let columns = rows.iter().map(|r| r[0].clone()).collect();
        let key = rows
            .iter()
            .filter(|r| r[1] != "0")
            .map(|r| r[0].clone())
            .collect();
        (columns, key)
    } else {
        let columns = texts(
            test,
            &format!(
                "SELECT column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = '{table}'"
            ),
        )
        .await
        .into_iter()
        .flatten()
        .collect();
        let key = texts(
            test,
            &format!(
                "SELECT kcu.column_name::text FROM information_schema.table_constraints tc \
                 JOIN information_schema.key_column_usage kcu \
                 ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema \
                 WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema() \
                 AND tc.table_name = '{table}' ORDER BY kcu.ordinal_position"
            ),
        )
        .await
        .into_iter()
        .flatten()
        .collect();
        (columns, key)
    }
}

#[tokio::test]
async fn every_table_and_column_is_bound_or_exempt_with_a_reason() {
    for test in TestStore::both().await {
        let engine = test.engine;
        let tables = tables_of(&test).await;
        let bound: BTreeSet<&str> = BOUND_TABLES.iter().map(|t| t.name).collect();
        let exempt: BTreeSet<&str> = EXEMPT_TABLES.iter().map(|(name, _)| *name).collect();
        for table in &tables {
            assert!(
                bound.contains(table.as_str()) || exempt.contains(table.as_str()),
                "{engine}: table {table} is neither bound to the log nor exempt; \
                 list it in crates/store/src/binding.rs"
            );
        }
        for listed in bound.union(&exempt) {
            assert!(
                tables.contains(*listed),
                "{engine}: {listed} is listed in the binding but not in the schema"
            );
        }
        assert!(EXEMPT_TABLES.iter().all(|(_, why)| why.len() > 20));
        for table in BOUND_TABLES {
            let (columns, key) = columns_of(&test, table.name).await;
            let listed: BTreeSet<String> = table
                .columns
                .iter()
                .map(|(name, _)| (*name).to_owned())
                .chain(
                    EXEMPT_COLUMNS
                        .iter()
                        .filter(|(t, _, _)| *t == table.name)
                        .map(|(_, column, _)| (*column).to_owned()),
                )
                .collect();
            assert_eq!(
                columns, listed,
                "{engine}: the columns of {} differ from its binding (bind a new column or \
                 exempt it with a reason in crates/store/src/binding.rs)",
                table.name
            );
            assert_eq!(
                key, table.key,
                "{engine}: the primary key of {}",
                table.name
            );
        }
        test.finish().await;
    }
}

/// Rows in every bound table: organisations (one with nothing depending on it), users and
/// roles, a revoked and a live token, a blob, a criteria draft, the demo registry.
async fn populate(test: &TestStore) {
    seed(test).await;
    let store = &test.store;
    store
        .create_organisation(
            &NewOrganisation {
                id: "spare".into(),
                kind: OrgKind::Provider,
                name: Bilingual::new("予備", "Spare"),
            },
            &by(40_000),
        )
        .await
        .unwrap();
    store
        .create_user(
            &NewUser {
                id: "rev-1".into(),
                org_id: "op".into(),
                login: "reviewer".into(),
                display_name: "審査担当".into(),
                roles: vec![Role::OperatorReviewer],
                password_hash: "$argon2id$reviewer".into(),
            },
            &by(40_001),
        )
        .await
        .unwrap();
    for (id, at) in [("t1", 40_002), ("t2", 40_003)] {
        store
            .create_token(
                &NewApiToken {
                    id: id.into(),
                    user_id: "admin-1".into(),
                    name: format!("token {id}"),
                    secret_hash: format!("secret-{id}"),
                    expires_at_ms: at + 86_400_000,
                },
                &by(at),
            )
            .await
            .unwrap();
    }
    store.revoke_token("t1", &by(40_004)).await.unwrap();
    store
        .put_blob(Bytes::from_static(b"evidence"), "text/plain", &by(40_005))
        .await
        .unwrap();
    store
        .create_criteria(&crate::criteria::sample_criteria("t-2026"), &by(40_006))
        .await
        .unwrap();
    store
        .set_user_disabled("rev-1", true, &by(40_007))
        .await
        .unwrap();
    store
        .set_user_disabled("rev-1", false, &by(40_008))
        .await
        .unwrap();
    crate::registry::populate(test).await;
    crate::workflow::populate(&test.store).await;
}

fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn row(table: &str, key: &[&str], problem: RowProblem) -> (String, Vec<String>, RowProblem) {
    (
        table.to_owned(),
        key.iter().map(|k| (*k).to_owned()).collect(),
        problem,
    )
}

#[tokio::test]
async fn a_direct_edit_of_any_bound_table_is_reported_by_table_and_key() {
    for test in TestStore::both().await {
        populate(&test).await;
        let report = test
            .store
            .verify_log(&test.store.verifying_key(), Vec::new())
            .await
            .unwrap();
        assert!(report.intact(), "{}: {report:?}", test.engine);
        for table in BOUND_TABLES {
            assert!(
                report.rows_checked[table.name] > 0,
                "{}: every bound table has rows here ({})",
                test.engine,
                table.name
            );
        }

        // A registry entry's level raised, with the stored document and its hash made to agree,
        // so the service itself would serve the forgery.
        let mut entries = test.store.registry_entries().await.unwrap();
        let target = entries.remove(0);
        let mut forged = target.clone();
        forged.level = Level::new(if target.level.get() == 3 { 2 } else { 3 }).unwrap();
        let forged_row = RegistryRow::of(&forged, 0).unwrap();
        let statements = [
            // A reviewer made operator admin.
            "UPDATE user_roles SET role = 'operator_admin' WHERE user_id = 'rev-1'".to_owned(),
            // An administrator inserted.
            "INSERT INTO users (id, org_id, login, display_name, password_hash, disabled, created_at_ms) \
             VALUES ('intruder', 'op', 'intruder', 'Intruder', 'x', FALSE, 1)"
                .to_owned(),
            "INSERT INTO user_roles (user_id, role) VALUES ('intruder', 'operator_admin')".to_owned(),
            // A revoked token brought back.
            "UPDATE api_tokens SET revoked_at_ms = NULL WHERE id = 't1'".to_owned(),
            "UPDATE organisations SET name_en = 'Forged' WHERE id = 'op'".to_owned(),
            "DELETE FROM organisations WHERE id = 'spare'".to_owned(),
            "UPDATE criteria_versions SET status = 'published', published_on = '2026-01-01' \
             WHERE version = 't-2026'"
                .to_owned(),
            format!(
                "UPDATE registry_entries SET level = {}, document = {}, document_sha256 = {} WHERE id = {}",
                forged.level.get(),
                quoted(&forged_row.document),
                quoted(&forged_row.document_sha256),
                quoted(&target.id)
            ),
            "DELETE FROM blobs".to_owned(),
            // Exempt: noted on every use, a session, the registry's change counter.
            "UPDATE api_tokens SET last_used_at_ms = 123 WHERE id = 't2'".to_owned(),
            "INSERT INTO sessions (secret_hash, user_id, csrf_token, created_at_ms, expires_at_ms) \
             VALUES ('s', 'admin-1', 'c', 1, 99999999999999)"
                .to_owned(),
            "UPDATE registry_revision SET revision = revision + 7".to_owned(),
        ];
        for statement in &statements {
            test.tamper(statement).await;
        }
        let served = test.store.registry_entries().await.unwrap();
        assert!(
            served
                .iter()
                .any(|e| e.id == target.id && e.level == forged.level),
            "the forged entry reads as genuine"
        );
        let blob = shinrai_domain::log_chain::sha256_hex(b"evidence");
        let report = test
            .store
            .verify_log(&test.store.verifying_key(), Vec::new())
            .await
            .unwrap();
        assert!(report.chain.is_ok(), "the events themselves are untouched");
        let found: Vec<(String, Vec<String>, RowProblem)> = report
            .findings
            .iter()
            .map(|finding| match finding {
                Finding::Row {
                    table,
                    key,
                    problem,
                    ..
                } => (table.clone(), key.clone(), *problem),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            found,
            vec![
                row("api_tokens", &["t1"], RowProblem::Differs),
                row("blobs", &[&blob], RowProblem::Missing),
                row("criteria_versions", &["t-2026"], RowProblem::Differs),
                row("organisations", &["op"], RowProblem::Differs),
                row("organisations", &["spare"], RowProblem::Missing),
                row("registry_entries", &[&target.id], RowProblem::Differs),
                row(
                    "user_roles",
                    &["intruder", "operator_admin"],
                    RowProblem::Unaccounted
                ),
                row(
                    "user_roles",
                    &["rev-1", "operator_admin"],
                    RowProblem::Unaccounted
                ),
                row(
                    "user_roles",
                    &["rev-1", "operator_reviewer"],
                    RowProblem::Missing
                ),
                row("users", &["intruder"], RowProblem::Unaccounted),
            ],
            "{}",
            test.engine
        );
        let message = report.findings[5].message().en;
        assert!(
            message.starts_with(&format!(
                "registry_entries {}: the row differs from what event",
                target.id
            )),
            "{message}"
        );
        test.finish().await;
    }
}

#[tokio::test]
async fn rows_written_by_a_change_that_failed_are_not_expected() {
    for test in TestStore::both().await {
        seed(&test).await;
        // Refused changes roll back their rows and their event together.
        let taken = test
            .store
            .create_user(
                &NewUser {
                    id: "other".into(),
                    org_id: "op".into(),
                    login: "admin".into(),
                    display_name: "x".into(),
                    roles: vec![Role::OperatorAdmin],
                    password_hash: "x".into(),
                },
                &by(2_000),
            )
            .await;
        assert!(taken.is_err());
        assert!(test.store.revoke_token("none", &by(2_001)).await.is_err());
        test.finish().await;
    }
}
