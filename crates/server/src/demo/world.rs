//! Who is in the demo world: the operator, the providers, the audit bodies and the procurers,
//! their users (each user's id is its login), which audit bodies are selected for which years,
//! and which auditors may sign. All fictional.

use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::policy::Member;
use shinrai_domain::registration::AuditBodyStatus;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit_body::{AuditBodyRecord, AuditorProfile};

/// (id, kind, name ja, name en)
pub const ORGANISATIONS: [(&str, OrgKind, &str, &str); 14] = [
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
        "aozora-tech",
        OrgKind::Provider,
        "あおぞらテクノロジー",
        "Aozora Technology",
    ),
    (
        "kogane-joho",
        OrgKind::Provider,
        "こがね情報工房",
        "Kogane Information Works",
    ),
    (
        "midorigaoka-soft",
        OrgKind::Provider,
        "緑ヶ丘ソフトウェア",
        "Midorigaoka Software",
    ),
    (
        "unabara-systems",
        OrgKind::Provider,
        "海原システム",
        "Unabara Systems",
    ),
    (
        "hibari-digital",
        OrgKind::Provider,
        "ひばりデジタル",
        "Hibari Digital",
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
        "shirakaba-audit",
        OrgKind::AuditBody,
        "白樺システム監査",
        "Shirakaba Systems Audit",
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

/// (login, organisation, display name, roles). A user's id is its login.
pub const USERS: [(&str, &str, &str, &[Role]); 16] = [
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
        "provider2",
        "kasumi-systems",
        "霞 事業者担当 / Kasumi provider staff",
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
    (
        "minato-staff",
        "minato-data",
        "みなと 事業者担当 / Minato provider staff",
        &[Role::Provider],
    ),
    (
        "aozora-staff",
        "aozora-tech",
        "あおぞら 事業者担当 / Aozora provider staff",
        &[Role::Provider],
    ),
    (
        "kogane-staff",
        "kogane-joho",
        "こがね 事業者担当 / Kogane provider staff",
        &[Role::Provider],
    ),
    (
        "midorigaoka-staff",
        "midorigaoka-soft",
        "緑ヶ丘 事業者担当 / Midorigaoka provider staff",
        &[Role::Provider],
    ),
    (
        "unabara-staff",
        "unabara-systems",
        "海原 事業者担当 / Unabara provider staff",
        &[Role::Provider],
    ),
    (
        "hibari-staff",
        "hibari-digital",
        "ひばり 事業者担当 / Hibari provider staff",
        &[Role::Provider],
    ),
    (
        "hikari-signer",
        "hikari-assurance",
        "ひかり 署名監査人 / Hikari signing auditor",
        &[Role::Auditor, Role::SigningAuditor],
    ),
    (
        "shirakaba-signer",
        "shirakaba-audit",
        "白樺 署名監査人 / Shirakaba signing auditor",
        &[Role::Auditor, Role::SigningAuditor],
    ),
    (
        "tokai-procurer",
        "tokai-health-office",
        "東海 調達担当 / Tokai procurement officer",
        &[Role::Procurer],
    ),
];

/// The day the operator opened the scheme: the world exists from then on.
pub const OPENED_ON: &str = "2022-04-01";
/// The lifecycle job's monthly runs in the demo's past: from the month after the first
/// registration to the story's present (`serve` then runs it every day).
pub const FIRST_LIFECYCLE_RUN: &str = "2023-11-01";
pub const LAST_LIFECYCLE_RUN: &str = "2026-12-01";

/// (audit body, selected from, selected until). Aoba was selected later than the other two;
/// each selection covers every period its audits in the story cover.
pub const SELECTIONS: [(&str, &str, &str); 3] = [
    ("aoba-audit", "2025-04-01", "2028-03-31"),
    ("hikari-assurance", "2022-04-01", "2027-09-30"),
    ("shirakaba-audit", "2022-04-01", "2027-09-30"),
];

/// (user, audit body, name ja, name en, qualifications, years, nationality, may sign)
type Profile = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    u64,
    &'static str,
    bool,
);

/// The auditors the operator recorded. `auditor` lacks what signing asks (too few years and
/// no signing role), so the demo shows both kinds.
pub const AUDITORS: [Profile; 4] = [
    (
        "signer",
        "aoba-audit",
        "青葉 署名",
        "Shomei Aoba",
        &["CISA"],
        5,
        "JP",
        true,
    ),
    (
        "auditor",
        "aoba-audit",
        "青葉 監査",
        "Kansa Aoba",
        &[],
        2,
        "JP",
        false,
    ),
    (
        "hikari-signer",
        "hikari-assurance",
        "光 保証",
        "Hosho Hikari",
        &["CISA", "CISSP"],
        12,
        "JP",
        true,
    ),
    (
        "shirakaba-signer",
        "shirakaba-audit",
        "白樺 監査",
        "Kansa Shirakaba",
        &["CISA"],
        9,
        "JP",
        true,
    ),
];

/// The kind of the organisation `org`, if the world has it.
pub fn kind_of(org: &str) -> Option<OrgKind> {
    ORGANISATIONS
        .iter()
        .find(|(id, ..)| *id == org)
        .map(|(_, kind, ..)| *kind)
}

/// The user `login` as the workflow takes the one acting.
pub fn member(login: &str) -> Option<Member> {
    let (_, org, _, roles) = USERS.iter().find(|(id, ..)| *id == login)?;
    Some(Member {
        user_id: (*login).to_owned(),
        org_id: (*org).to_owned(),
        org_kind: kind_of(org)?,
        roles: roles.to_vec(),
    })
}

/// The user who acts for provider `org` in the story.
pub fn provider_staff(org: &str) -> Option<&'static str> {
    USERS
        .iter()
        .find(|(_, of, _, roles)| *of == org && roles.contains(&Role::Provider))
        .map(|(login, ..)| *login)
}

/// The signing auditor of audit body `org`.
pub fn signer_of(org: &str) -> Option<&'static str> {
    AUDITORS
        .iter()
        .find(|(_, body, .., may_sign)| *body == org && *may_sign)
        .map(|(user, ..)| *user)
}

/// The selection records, as the operator enters them.
pub fn selections() -> Option<Vec<AuditBodyRecord>> {
    SELECTIONS
        .iter()
        .map(|(org, from, until)| {
            Some(AuditBodyRecord {
                org: (*org).to_owned(),
                status: AuditBodyStatus::Selected,
                valid_from: CalendarDate::parse(from)?,
                valid_until: CalendarDate::parse(until)?,
                measures: Vec::new(),
                status_reports: Vec::new(),
            })
        })
        .collect()
}

/// The auditor profiles, as the operator enters them.
pub fn auditor_profiles() -> Vec<AuditorProfile> {
    AUDITORS
        .iter()
        .map(
            |(user, org, ja, en, qualifications, years, nationality, may_sign)| AuditorProfile {
                user: (*user).to_owned(),
                org: (*org).to_owned(),
                name: Bilingual::new(*ja, *en),
                qualifications: qualifications.iter().map(|q| (*q).to_owned()).collect(),
                experience_years: *years,
                nationality: (*nationality).to_owned(),
                may_sign: *may_sign,
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audits::actions::requirements;

    #[test]
    fn every_user_may_exist_and_every_role_is_someones() {
        for (login, org, _, roles) in USERS {
            let kind = kind_of(org).unwrap();
            assert!(
                shinrai_domain::accounts::check_roles(kind, roles).is_ok(),
                "{login}"
            );
            assert!(
                shinrai_domain::accounts::check_login(login).is_ok(),
                "{login}"
            );
            assert!(
                shinrai_domain::accounts::check_password(login, super::super::DEMO_PASSWORD)
                    .is_ok(),
                "{login}"
            );
            assert_eq!(member(login).unwrap().org_id, org);
        }
        let mut every_role: Vec<Role> = USERS
            .iter()
            .flat_map(|(.., roles)| roles.iter().copied())
            .collect();
        every_role.sort();
        every_role.dedup();
        assert_eq!(every_role.len(), Role::ALL.len(), "a user per role");
    }

    #[test]
    fn the_contracts_demo_facts_hold() {
        let aoba = selections()
            .unwrap()
            .into_iter()
            .find(|record| record.org == "aoba-audit")
            .unwrap();
        assert_eq!(
            (aoba.valid_from.to_string(), aoba.valid_until.to_string()),
            ("2025-04-01".to_owned(), "2028-03-31".to_owned())
        );
        let profiles = auditor_profiles();
        let gaps = |user: &str| {
            let profile = profiles.iter().find(|p| p.user == user).unwrap();
            profile.signing_gaps("aoba-audit", &requirements())
        };
        assert!(gaps("signer").is_empty());
        assert!(!gaps("auditor").is_empty());
        assert_eq!(member("provider").unwrap().org_id, "sakura-cloud-works");
        assert_eq!(member("provider2").unwrap().org_id, "kasumi-systems");
        for body in ["aoba-audit", "hikari-assurance", "shirakaba-audit"] {
            let signer = signer_of(body).unwrap();
            assert!(
                member(signer).unwrap().has(Role::SigningAuditor),
                "{signer}"
            );
            assert!(gaps_for(&profiles, signer, body).is_empty(), "{signer}");
        }
        for (org, kind, ..) in ORGANISATIONS {
            if kind == OrgKind::Provider {
                assert!(provider_staff(org).is_some(), "{org}");
            }
        }
    }

    fn gaps_for(
        profiles: &[AuditorProfile],
        user: &str,
        body: &str,
    ) -> Vec<shinrai_domain::workflow::audit_body::SignerGap> {
        profiles
            .iter()
            .find(|p| p.user == user)
            .unwrap()
            .signing_gaps(body, &requirements())
    }
}
