//! The demo world that `shinrai serve --demo` loads into an empty store: the operator, three
//! providers, two audit bodies, two procuring organisations and one user per role, all
//! fictional. For demonstrations only: every demo user has the same, published password.

use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::text::Bilingual;
use shinrai_store::model::{ChangeBy, NewOrganisation, NewUser};
use shinrai_store::{Store, StoreError};

use crate::auth::password::{PasswordError, Passwords};

/// The password of every demo user. Printed at start; never use the demo world for real data.
pub const DEMO_PASSWORD: &str = "shinrai-demo-2026";

/// (id, kind, name ja, name en)
const ORGANISATIONS: [(&str, OrgKind, &str, &str); 8] = [
    (
        "operator",
        OrgKind::Operator,
        "クラウド安全評価制度事務局",
        "Cloud Security Assessment Scheme Office",
    ),
    (
        "sakura-cloud-works",
        OrgKind::Provider,
        "さくら雲技研",
        "Sakura Cloud Works",
    ),
    (
        "kasumi-systems",
        OrgKind::Provider,
        "霞システムズ",
        "Kasumi Systems",
    ),
    (
        "minato-data",
        OrgKind::Provider,
        "みなとデータサービス",
        "Minato Data Services",
    ),
    (
        "aoba-audit",
        OrgKind::AuditBody,
        "青葉監査法人",
        "Aoba Audit Corporation",
    ),
    (
        "hikari-assurance",
        OrgKind::AuditBody,
        "ひかり情報保証",
        "Hikari Information Assurance",
    ),
    (
        "kitamachi-city",
        OrgKind::Procurer,
        "北町市",
        "Kitamachi City",
    ),
    (
        "tokai-health-office",
        OrgKind::Procurer,
        "東海保健局",
        "Tokai Health Office",
    ),
];

/// (login, organisation, display name, roles)
const USERS: [(&str, &str, &str, &[Role]); 6] = [
    (
        "admin",
        "operator",
        "制度 管理者 / Scheme administrator",
        &[Role::OperatorAdmin],
    ),
    (
        "reviewer",
        "operator",
        "審査 担当 / Application reviewer",
        &[Role::OperatorReviewer],
    ),
    (
        "provider",
        "sakura-cloud-works",
        "事業者 担当 / Provider staff",
        &[Role::Provider],
    ),
    (
        "auditor",
        "aoba-audit",
        "監査人 / Auditor",
        &[Role::Auditor],
    ),
    (
        "signer",
        "aoba-audit",
        "署名監査人 / Signing auditor",
        &[Role::Auditor, Role::SigningAuditor],
    ),
    (
        "procurer",
        "kitamachi-city",
        "調達 担当 / Procurement officer",
        &[Role::Procurer],
    ),
];

/// A demo login to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLogin {
    pub login: &'static str,
    pub organisation: &'static str,
    pub roles: Vec<&'static str>,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Password(#[from] PasswordError),
    #[error("{0}")]
    Criteria(#[from] shinrai_domain::criteria::demo::DemoError),
    #[error("{0}")]
    Registry(#[from] shinrai_domain::registry::demo::DemoRegistryError),
}

/// Loads the demo world when the store holds no organisation yet; `Ok(None)` when it does
/// (nothing is changed then).
pub async fn load_if_empty(
    store: &Store,
    passwords: &Passwords,
    at_ms: i64,
) -> Result<Option<Vec<DemoLogin>>, DemoError> {
    if store.organisation_count().await? > 0 {
        return Ok(None);
    }
    let by = ChangeBy::system(at_ms);
    for (id, kind, ja, en) in ORGANISATIONS {
        store
            .create_organisation(
                &NewOrganisation {
                    id: id.to_owned(),
                    kind,
                    name: Bilingual::new(ja, en),
                },
                &by,
            )
            .await?;
    }
    // One hash for all: the password is the same, and hashing six times would slow the start.
    let hash = passwords.hash(DEMO_PASSWORD)?;
    let mut logins = Vec::new();
    for (login, org, name, roles) in USERS {
        store
            .create_user(
                &NewUser {
                    id: uuid::Uuid::new_v4().to_string(),
                    org_id: org.to_owned(),
                    login: login.to_owned(),
                    display_name: name.to_owned(),
                    roles: roles.to_vec(),
                    password_hash: hash.clone(),
                },
                &by,
            )
            .await?;
        logins.push(DemoLogin {
            login,
            organisation: org,
            roles: roles.iter().map(|role| role.code()).collect(),
        });
    }
    // The demo registry: its extra providers and audit body, then its entries.
    add_registry(
        store,
        &shinrai_domain::registry::demo::demo_registry()?,
        &by,
    )
    .await?;
    // The published demo criteria and a draft revision of them.
    store
        .create_criteria(&shinrai_domain::criteria::demo::demo_criteria()?, &by)
        .await?;
    store
        .create_criteria(&shinrai_domain::criteria::demo::demo_next_draft()?, &by)
        .await?;
    store.checkpoint(at_ms).await?;
    Ok(Some(logins))
}

/// How many entries [`add_registry`] writes in one transaction: large registries are written
/// in steps, so that no transaction holds a hundred thousand documents at once.
const ENTRIES_PER_WRITE: usize = 5_000;

/// Writes a registry data set into the store: the providers and audit bodies it names, then
/// its entries. The demo world uses it for the demo registry; benchmarks, for generated ones.
pub async fn add_registry(
    store: &Store,
    registry: &shinrai_domain::registry::demo::DemoRegistry,
    by: &ChangeBy,
) -> Result<(), StoreError> {
    for (orgs, kind) in [
        (&registry.providers, OrgKind::Provider),
        (&registry.audit_bodies, OrgKind::AuditBody),
    ] {
        for org in orgs {
            store
                .create_organisation(
                    &NewOrganisation {
                        id: org.id.clone(),
                        kind,
                        name: org.name.clone(),
                    },
                    by,
                )
                .await?;
        }
    }
    for entries in registry.entries.chunks(ENTRIES_PER_WRITE) {
        store.create_registry_entries(entries, by).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_world_is_consistent() {
        for (login, org, _, roles) in USERS {
            let kind = ORGANISATIONS
                .iter()
                .find(|(id, ..)| *id == org)
                .map(|(_, kind, ..)| *kind)
                .unwrap();
            assert!(
                shinrai_domain::accounts::check_roles(kind, roles).is_ok(),
                "{login}"
            );
            assert!(
                shinrai_domain::accounts::check_login(login).is_ok(),
                "{login}"
            );
            assert!(
                shinrai_domain::accounts::check_password(login, DEMO_PASSWORD).is_ok(),
                "{login}"
            );
        }
        let kinds: Vec<OrgKind> = ORGANISATIONS.iter().map(|(_, kind, ..)| *kind).collect();
        let count = |kind| kinds.iter().filter(|k| **k == kind).count();
        assert_eq!(
            (
                count(OrgKind::Operator),
                count(OrgKind::Provider),
                count(OrgKind::AuditBody),
                count(OrgKind::Procurer)
            ),
            (1, 3, 2, 2)
        );
        let mut every_role: Vec<Role> = USERS
            .iter()
            .flat_map(|(.., roles)| roles.iter().copied())
            .collect();
        every_role.sort();
        every_role.dedup();
        assert_eq!(every_role.len(), Role::ALL.len(), "one user per role");
    }
}
