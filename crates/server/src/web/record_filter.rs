//! The filter of the lists of records a provider keeps with the operator (change notices,
//! incidents), by state and registration number, as the page's query and as the API's.

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use serde::Deserialize;
use shinrai_domain::text::Bilingual;

use crate::error::ApiError;

/// `?status=&entry=`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StateAndEntry {
    /// Only the records in this state.
    pub status: Option<String>,
    /// Only the records of this registration number.
    pub entry: Option<String>,
}

impl StateAndEntry {
    /// The page's query; one that does not read is taken as none, the list unfiltered.
    pub fn of_page(query: Result<Query<StateAndEntry>, QueryRejection>) -> StateAndEntry {
        query.map_or_else(|_| StateAndEntry::default(), |Query(query)| query)
    }

    /// The registration number asked for, if any.
    pub fn entry(&self) -> Option<&str> {
        self.entry
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
    }

    /// The state asked for, read by `parse`; on a page an unknown one is taken as none.
    pub fn state_on_page<T>(&self, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        self.status.as_deref().and_then(parse)
    }

    /// The state asked for of the API: an unknown one is a 400 listing the `codes` known.
    pub fn state<T>(
        &self,
        parse: impl Fn(&str) -> Option<T>,
        codes: &[&str],
    ) -> Result<Option<T>, ApiError> {
        match self.status.as_deref().filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(code) => parse(code).map(Some).ok_or_else(|| {
                ApiError::BadRequest(Bilingual::new(
                    format!("パラメータ status: {} のいずれかです", codes.join("・")),
                    format!("parameter status: is one of {}", codes.join(", ")),
                ))
            }),
        }
    }
}
