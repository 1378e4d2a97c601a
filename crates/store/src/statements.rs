//! Statements (言明書) in the store: every version of every service's statement.

use shinrai_domain::workflow::statement::Statement;

use crate::Store;
use crate::documents::{Document, Filter, Keys, Stored};
use crate::error::{Noun, StoreResult};

impl Document for Statement {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::STATEMENTS;
    const WHAT: Noun = Noun::new("言明書", "statement");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: Some(&self.service),
            provider: Some(&self.provider),
            audit_body: None,
            status: self.status.code(),
            audit: None,
        }
    }
}

/// The id of a service's statement version: a new version's id is fixed by its number, so two
/// people starting the same version at once cannot both succeed.
pub fn statement_id(service: &str, version: u32) -> String {
    format!("{service}-v{version}")
}

impl Store {
    pub async fn statement(&self, id: &str) -> StoreResult<Option<Stored<Statement>>> {
        self.document(id).await
    }

    /// Every version of a service's statement, oldest first.
    pub async fn statements_of(&self, service: &str) -> StoreResult<Vec<Stored<Statement>>> {
        let mut statements: Vec<Stored<Statement>> =
            self.documents(&Filter::service(service)).await?;
        statements.sort_by_key(|stored| stored.value.version);
        Ok(statements)
    }
}
