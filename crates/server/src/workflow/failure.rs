//! Why a workflow action did not happen, in terms the API and the pages both understand, and
//! the one mapping to the API's error shape: a refusal keeps its kind (403, 409, 422 with every
//! field), what the one acting may not know of is a 404, a change made meanwhile is a 409.

use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::access::Hidden;
use shinrai_domain::workflow::{FieldError, Refusal};
use shinrai_store::StoreError;

use crate::error::ApiError;

/// What an action answers.
pub type Outcome<T> = Result<T, Failure>;

#[derive(Debug)]
pub enum Failure {
    /// The domain refused the transition: not this party, not in this state, or invalid input.
    Refused(Refusal),
    /// No such thing, or one the one acting may not know exists; the same answer for both.
    NotFound(Bilingual),
    /// A fact the action needs is missing from the store (a record that should exist does not).
    Incomplete(Bilingual),
    /// The change was made from a revision older than the stored one: someone saved meanwhile.
    Stale(Bilingual),
    /// The store failed, or refused a change made from a stale revision.
    Store(StoreError),
    /// A shared part of the service failed (reading the registry or criteria into memory); its
    /// detail is already logged.
    Service(ApiError),
}

impl Failure {
    /// `kind` names what was looked for in both languages, e.g. `("サービス", "service")`.
    pub fn not_found(kind: (&str, &str), id: &str) -> Failure {
        let (ja, en) = kind;
        let id = shown(id);
        Failure::NotFound(Bilingual::new(
            format!("{ja} {id} は見つかりません"),
            format!("there is no {en} {id}"),
        ))
    }

    /// The thing of `kind` named `id` was saved by someone else after the form was read.
    pub fn stale(kind: (&str, &str), id: &str) -> Failure {
        let (ja, en) = kind;
        let id = shown(id);
        Failure::Stale(Bilingual::new(
            format!(
                "{ja} {id} は、この画面を開いた後に別の保存で変更されました。最新の内容を読み込み直してから入力し直してください"
            ),
            format!(
                "the {en} {id} was saved by someone else after this form was opened; reload it and make your change again"
            ),
        ))
    }

    /// Whether the change was refused because it was made from an old revision, by the check
    /// of the revision a form carried or by the store's own.
    pub fn is_stale(&self) -> bool {
        matches!(
            self,
            Failure::Stale(_) | Failure::Store(StoreError::Conflict { .. })
        )
    }

    /// A reference in the body to something that does not exist or that the one acting may
    /// not know of: an invalid field, answered the same way in both cases.
    pub fn unknown_reference(field: &str, kind: (&str, &str), id: &str) -> Failure {
        let (ja, en) = kind;
        let id = shown(id);
        Failure::Refused(Refusal::Invalid(vec![FieldError::new(
            field,
            "unknown_reference",
            Bilingual::new(
                format!("{field}: {ja} {id} は見つかりません"),
                format!("{field}: there is no {en} {id}"),
            ),
        )]))
    }

    /// Turns a reader's refusal into the answer for a thing of `kind` named `id`. Actions are
    /// taken by members only (the public is turned away before), so whoever is refused is
    /// simply not told the thing exists.
    pub fn hidden(_: Hidden, kind: (&str, &str), id: &str) -> Failure {
        Failure::not_found(kind, id)
    }
}

/// An id as messages quote it: whatever a request sent, at most a hundred characters of it.
fn shown(id: &str) -> String {
    const MOST: usize = 100;
    if id.chars().count() > MOST {
        let head: String = id.chars().take(MOST).collect();
        format!("{head}…")
    } else {
        id.to_owned()
    }
}

impl From<Refusal> for Failure {
    fn from(refusal: Refusal) -> Failure {
        Failure::Refused(refusal)
    }
}

impl From<StoreError> for Failure {
    fn from(error: StoreError) -> Failure {
        Failure::Store(error)
    }
}

impl From<ApiError> for Failure {
    fn from(error: ApiError) -> Failure {
        Failure::Service(error)
    }
}

impl From<Failure> for ApiError {
    fn from(failure: Failure) -> ApiError {
        match failure {
            Failure::Refused(Refusal::NotAllowed(reason)) => ApiError::NotAllowed {
                message: reason.message(),
                detail_code: reason.code(),
            },
            Failure::Refused(Refusal::Conflict(conflict)) => ApiError::StateConflict {
                message: conflict.message(),
                detail_code: conflict.code(),
            },
            Failure::Refused(Refusal::Invalid(errors)) => ApiError::InvalidFields(errors),
            Failure::NotFound(message) => ApiError::NotFound(message),
            Failure::Incomplete(message) | Failure::Stale(message) => ApiError::Conflict(message),
            Failure::Store(error) => ApiError::from(error),
            Failure::Service(error) => error,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shinrai_domain::workflow::{Conflict, NotAllowed};

    #[test]
    fn each_kind_of_refusal_keeps_its_status_and_code() {
        let cases = [
            (
                Failure::from(Refusal::NotAllowed(NotAllowed::SameAsDecider)),
                403,
                Some("four_eyes"),
            ),
            (
                Failure::from(Refusal::Conflict(Conflict::StatementFrozen {
                    statement: "s".into(),
                })),
                409,
                Some("statement_frozen"),
            ),
            (
                Failure::unknown_reference("/audit", ("監査", "audit"), "au-x"),
                422,
                Some("unknown_reference"),
            ),
            (Failure::not_found(("監査", "audit"), "au-x"), 404, None),
            (
                Failure::hidden(Hidden::SignInRequired, ("監査", "audit"), "au-x"),
                404,
                None,
            ),
            (
                Failure::from(StoreError::Conflict {
                    what: shinrai_store::error::Noun::new("サービス", "service")
                        .changed_meanwhile("svc-1"),
                }),
                409,
                None,
            ),
        ];
        for (failure, status, detail) in cases {
            let error = ApiError::from(failure);
            assert_eq!(error.status().as_u16(), status, "{error}");
            let body = error.body(shinrai_domain::text::Lang::En);
            assert_eq!(body.error.detail_code, detail, "{error}");
        }
    }

    #[test]
    fn a_long_id_is_quoted_short() {
        let long = "x".repeat(10_000);
        let ApiError::InvalidFields(errors) = ApiError::from(Failure::unknown_reference(
            "/audit",
            ("監査", "audit"),
            &long,
        )) else {
            panic!("an invalid field");
        };
        assert!(errors.iter().all(|e| e.message.en.chars().count() < 200));
    }
}
