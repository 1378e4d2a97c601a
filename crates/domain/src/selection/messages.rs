//! The words of the selection rule's findings, in Japanese and English.

use crate::registration::AuditorGap;
use crate::text::Bilingual;

use super::finding::Reason;

/// The message of a finding about `subject`: the applicant's id, or an auditor's name.
pub(super) fn message(subject: &str, reason: &Reason) -> Bilingual {
    match reason {
        Reason::NotDomestic => Bilingual::new(
            format!("監査機関 {subject} は国内で登記された法人ではありません。"),
            format!("Audit body {subject} is not registered in Japan."),
        ),
        Reason::NoQualityControl => Bilingual::new(
            format!("監査機関 {subject} は監査の品質管理の体制を示していません。"),
            format!("Audit body {subject} describes no quality control for its audits."),
        ),
        Reason::NoSubcontractingRules => Bilingual::new(
            format!("監査機関 {subject} は監査業務の外部委託に関する規程を示していません。"),
            format!("Audit body {subject} gives no rules for subcontracting audit work."),
        ),
        Reason::NoIndependenceDeclaration => Bilingual::new(
            format!("監査機関 {subject} は独立性を宣誓していません。"),
            format!("Audit body {subject} has not declared its independence."),
        ),
        Reason::TooFewSigningAuditors {
            qualified,
            required,
        } => {
            let auditors = if *qualified == 1 {
                "auditor"
            } else {
                "auditors"
            };
            Bilingual::new(
                format!(
                    "監査機関 {subject} で要件を満たす署名監査人は {qualified} 名で、必要な {required} 名に足りません。"
                ),
                format!(
                    "Audit body {subject} has {qualified} qualified signing {auditors}, fewer than the {required} required."
                ),
            )
        }
        Reason::AuditorNotQualified(gaps) => {
            let (ja, en): (Vec<String>, Vec<String>) = gaps.iter().map(gap_clause).unzip();
            Bilingual::new(
                format!(
                    "署名監査人 {subject} は要件を満たさないため、署名できません: {}。",
                    ja.join("。")
                ),
                format!(
                    "Signing auditor {subject} does not meet the requirements and may not sign: {}.",
                    en.join("; ")
                ),
            )
        }
    }
}

/// What one auditor lacks. The clauses name the auditor's own facts and no list or id of the
/// requirements: a body may name a thousand auditors, and repeating the required
/// qualifications in every finding would make the answer hundreds of times the case.
fn gap_clause(gap: &AuditorGap) -> (String, String) {
    match gap {
        AuditorGap::Qualification { .. } => (
            "要件の資格をいずれも保有していません".to_owned(),
            "holds none of the required qualifications".to_owned(),
        ),
        AuditorGap::Experience { has, required } => (
            format!("実務経験が {has} 年で、{required} 年に足りません"),
            format!("has {has} years of experience, fewer than {required}"),
        ),
        AuditorGap::Nationality { has, .. } => (
            format!("国籍 {has} は要件の国籍と異なります"),
            format!("is of nationality {has}, not the one required"),
        ),
    }
}
