//! The one acting and the moment they act: the signed-in member of an organisation, and the
//! server's clock (injectable, so tests choose the day).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use shinrai_domain::policy::{Actor, Member};
use shinrai_domain::workflow::Moment;

use crate::auth::caller::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// Who acts, and when. The public cannot act: extracting it for an anonymous request answers
/// `sign_in_required`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acting {
    pub member: Member,
    pub at: Moment,
}

impl Acting {
    pub fn new(member: Member, at: Moment) -> Acting {
        Acting { member, at }
    }

    /// The member as the access rules take a reader.
    pub fn actor(&self) -> Actor {
        Actor::Member(self.member.clone())
    }
}

impl FromRequestParts<AppState> for Acting {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Acting, ApiError> {
        let caller = Caller::from_request_parts(parts, state).await?;
        match caller.actor {
            Actor::Member(member) => Ok(Acting::new(member, Moment::at(state.wall.now_ms()))),
            Actor::Anonymous => Err(ApiError::SignInRequired),
        }
    }
}
