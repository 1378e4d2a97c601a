//! Who uses the scheme: organisations of four kinds, their users, and the roles users hold.

use std::fmt;

use crate::text::Bilingual;

/// The four kinds of organisation taking part in the scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OrgKind {
    /// The scheme operator (制度所管).
    Operator,
    /// A cloud service provider (クラウドサービス事業者).
    Provider,
    /// An audit body (監査機関).
    AuditBody,
    /// A procuring organisation (調達機関).
    Procurer,
}

impl OrgKind {
    pub const ALL: [OrgKind; 4] = [
        OrgKind::Operator,
        OrgKind::Provider,
        OrgKind::AuditBody,
        OrgKind::Procurer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Operator => "operator",
            OrgKind::Provider => "provider",
            OrgKind::AuditBody => "audit_body",
            OrgKind::Procurer => "procurer",
        }
    }

    pub fn from_code(code: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            OrgKind::Operator => Bilingual::new("制度所管", "scheme operator"),
            OrgKind::Provider => Bilingual::new("クラウドサービス事業者", "cloud service provider"),
            OrgKind::AuditBody => Bilingual::new("監査機関", "audit body"),
            OrgKind::Procurer => Bilingual::new("調達機関", "procuring organisation"),
        }
    }
}

impl fmt::Display for OrgKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a signed-in user may do, beyond what the public may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    OperatorAdmin,
    OperatorReviewer,
    Provider,
    Auditor,
    /// An auditor with authority to sign audit reports.
    SigningAuditor,
    Procurer,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::OperatorAdmin,
        Role::OperatorReviewer,
        Role::Provider,
        Role::Auditor,
        Role::SigningAuditor,
        Role::Procurer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::OperatorAdmin => "operator_admin",
            Role::OperatorReviewer => "operator_reviewer",
            Role::Provider => "provider",
            Role::Auditor => "auditor",
            Role::SigningAuditor => "signing_auditor",
            Role::Procurer => "procurer",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.code() == code)
    }

    /// The kind of organisation whose members may hold this role.
    pub fn org_kind(self) -> OrgKind {
        match self {
            Role::OperatorAdmin | Role::OperatorReviewer => OrgKind::Operator,
            Role::Provider => OrgKind::Provider,
            Role::Auditor | Role::SigningAuditor => OrgKind::AuditBody,
            Role::Procurer => OrgKind::Procurer,
        }
    }

    pub fn title(self) -> Bilingual {
        match self {
            Role::OperatorAdmin => Bilingual::new("制度所管 管理者", "operator administrator"),
            Role::OperatorReviewer => Bilingual::new("制度所管 審査担当", "operator reviewer"),
            Role::Provider => Bilingual::new("事業者 担当者", "provider staff"),
            Role::Auditor => Bilingual::new("監査人", "auditor"),
            Role::SigningAuditor => Bilingual::new("署名監査人", "signing auditor"),
            Role::Procurer => Bilingual::new("調達担当者", "procurement officer"),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Why an account change is refused, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountProblem {
    LoginShape,
    PasswordTooShort { minimum: usize },
    PasswordIsLogin,
    EmptyName,
    NoRole,
    RoleNotForOrg { role: Role, kind: OrgKind },
}

impl AccountProblem {
    pub fn code(&self) -> &'static str {
        match self {
            AccountProblem::LoginShape => "invalid_login",
            AccountProblem::PasswordTooShort { .. } | AccountProblem::PasswordIsLogin => {
                "weak_password"
            }
            AccountProblem::EmptyName => "empty_name",
            AccountProblem::NoRole => "no_role",
            AccountProblem::RoleNotForOrg { .. } => "role_not_for_organisation",
        }
    }

    pub fn message(&self) -> Bilingual {
        match self {
            AccountProblem::LoginShape => Bilingual::new(
                "ログイン名は 3〜64 文字の英小文字・数字・「.」「_」「-」で、英字か数字で始めてください",
                "a login is 3 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit",
            ),
            AccountProblem::PasswordTooShort { minimum } => Bilingual::new(
                format!("パスワードは {minimum} 文字以上にしてください"),
                format!("a password needs at least {minimum} characters"),
            ),
            AccountProblem::PasswordIsLogin => Bilingual::new(
                "パスワードにログイン名を使うことはできません",
                "a password cannot be the login",
            ),
            AccountProblem::EmptyName => Bilingual::new("名前が空です", "the name is empty"),
            AccountProblem::NoRole => Bilingual::new(
                "ロールを 1 つ以上指定してください",
                "give at least one role",
            ),
            AccountProblem::RoleNotForOrg { role, kind } => Bilingual::new(
                format!(
                    "ロール「{}」は{}の利用者には付けられません",
                    role.title().ja,
                    kind.title().ja
                ),
                format!(
                    "role {} cannot be given to a user of a {}",
                    role.code(),
                    kind.title().en
                ),
            ),
        }
    }
}

/// Passwords shorter than this are refused: length is what makes a password hard to guess.
pub const MIN_PASSWORD_CHARS: usize = 12;

pub fn check_login(login: &str) -> Result<(), AccountProblem> {
    let length_ok = (3..=64).contains(&login.chars().count());
    let chars_ok = login
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    let starts_ok = login
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if length_ok && chars_ok && starts_ok {
        Ok(())
    } else {
        Err(AccountProblem::LoginShape)
    }
}

pub fn check_password(login: &str, password: &str) -> Result<(), AccountProblem> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AccountProblem::PasswordTooShort {
            minimum: MIN_PASSWORD_CHARS,
        });
    }
    if password.to_lowercase().contains(&login.to_lowercase()) {
        return Err(AccountProblem::PasswordIsLogin);
    }
    Ok(())
}

/// Every role must suit the organisation's kind, and there must be at least one.
pub fn check_roles(kind: OrgKind, roles: &[Role]) -> Result<(), AccountProblem> {
    if roles.is_empty() {
        return Err(AccountProblem::NoRole);
    }
    match roles.iter().find(|role| role.org_kind() != kind) {
        Some(role) => Err(AccountProblem::RoleNotForOrg { role: *role, kind }),
        None => Ok(()),
    }
}

pub fn check_name(name: &str) -> Result<(), AccountProblem> {
    if name.trim().is_empty() {
        Err(AccountProblem::EmptyName)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        for kind in OrgKind::ALL {
            assert_eq!(OrgKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(Role::from_code("admin"), None);
    }

    #[test]
    fn logins_and_passwords() {
        assert!(check_login("sato.hanako").is_ok());
        assert!(check_login("a1").is_err());
        assert!(check_login("Sato").is_err());
        assert!(check_login("-sato").is_err());
        assert!(check_password("sato", "correct horse battery").is_ok());
        assert_eq!(
            check_password("sato", "short"),
            Err(AccountProblem::PasswordTooShort { minimum: 12 })
        );
        assert_eq!(
            check_password("sato", "my-name-is-SATO-ok"),
            Err(AccountProblem::PasswordIsLogin)
        );
    }

    #[test]
    fn roles_must_suit_the_organisation() {
        assert!(check_roles(OrgKind::AuditBody, &[Role::Auditor, Role::SigningAuditor]).is_ok());
        assert_eq!(
            check_roles(OrgKind::Provider, &[Role::Provider, Role::OperatorAdmin]),
            Err(AccountProblem::RoleNotForOrg {
                role: Role::OperatorAdmin,
                kind: OrgKind::Provider
            })
        );
        assert_eq!(
            check_roles(OrgKind::Procurer, &[]),
            Err(AccountProblem::NoRole)
        );
    }
}
