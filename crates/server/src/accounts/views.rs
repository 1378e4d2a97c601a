//! What the account routes read and answer, as documented in the OpenAPI document.

use serde::{Deserialize, Serialize};
use shinrai_store::model::{ApiToken, Organisation, User};
use utoipa::ToSchema;

use crate::error::Messages;

/// A text in both languages.
fn messages(text: &shinrai_domain::text::Bilingual) -> Messages {
    Messages {
        ja: text.ja.clone(),
        en: text.en.clone(),
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrganisationView {
    pub id: String,
    /// `operator`, `provider`, `audit_body` or `procurer`.
    pub kind: String,
    pub name: Messages,
    pub created_at_ms: i64,
}

impl From<&Organisation> for OrganisationView {
    fn from(org: &Organisation) -> Self {
        OrganisationView {
            id: org.id.clone(),
            kind: org.kind.code().to_owned(),
            name: messages(&org.name),
            created_at_ms: org.created_at_ms,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UserView {
    pub id: String,
    pub org_id: String,
    pub login: String,
    pub display_name: String,
    /// Role codes, e.g. `operator_admin`.
    pub roles: Vec<String>,
    pub disabled: bool,
    pub created_at_ms: i64,
}

impl From<&User> for UserView {
    fn from(user: &User) -> Self {
        UserView {
            id: user.id.clone(),
            org_id: user.org_id.clone(),
            login: user.login.clone(),
            display_name: user.display_name.clone(),
            roles: user
                .roles
                .iter()
                .map(|role| role.code().to_owned())
                .collect(),
            disabled: user.disabled,
            created_at_ms: user.created_at_ms,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TokenView {
    pub id: String,
    pub name: String,
    pub created_at_ms: i64,
    /// From this moment (milliseconds since the epoch) the token is refused, as a revoked one.
    pub expires_at_ms: i64,
    pub revoked_at_ms: Option<i64>,
    pub last_used_at_ms: Option<i64>,
}

impl From<&ApiToken> for TokenView {
    fn from(token: &ApiToken) -> Self {
        TokenView {
            id: token.id.clone(),
            name: token.name.clone(),
            created_at_ms: token.created_at_ms,
            expires_at_ms: token.expires_at_ms,
            revoked_at_ms: token.revoked_at_ms,
            last_used_at_ms: token.last_used_at_ms,
        }
    }
}

/// A new token and its secret, which is shown this once and never again.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CreatedToken {
    pub token: TokenView,
    /// `shinrai_…`: send as `Authorization: Bearer <secret>`.
    pub secret: String,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTokenRequest {
    /// What the token is for, to recognise it later.
    #[schema(min_length = 1, pattern = "\\S")]
    pub name: String,
    /// How many days the token works, from 1 to the service's maximum (`token_max_days`,
    /// 365 unless configured); without it, the service's default (`token_days`, 90 unless
    /// configured).
    #[serde(default)]
    #[schema(minimum = 1)]
    pub expires_in_days: Option<u64>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewOrganisationRequest {
    /// Lowercase letters, digits and `-`, 2 to 64 characters, e.g. `aoba-audit`.
    #[schema(pattern = "^[a-z0-9][a-z0-9-]{1,63}$")]
    pub id: String,
    /// `operator`, `provider`, `audit_body` or `procurer`.
    #[schema(pattern = "^(operator|provider|audit_body|procurer)$")]
    pub kind: String,
    pub name: Messages,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUserRequest {
    /// 3 to 64 lowercase letters, digits, `.`, `_` or `-`, starting with a letter or digit.
    #[schema(pattern = "^[a-z0-9][a-z0-9._-]{2,63}$")]
    pub login: String,
    #[schema(min_length = 1, pattern = "\\S")]
    pub display_name: String,
    /// Role codes; each must suit the organisation's kind.
    #[schema(min_items = 1)]
    pub roles: Vec<String>,
    /// At least 12 characters, not containing the login.
    #[schema(min_length = 12)]
    pub password: String,
}
