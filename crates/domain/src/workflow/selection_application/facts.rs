//! What an audit body declares when it applies to be selected.

use serde::{Deserialize, Serialize};

use crate::case::bounds::MAX_TEXT_CHARS;
use crate::registration::SigningAuditor;
use crate::selection::{Applicant, Auditor};
use crate::text::{Bilingual, is_blank};
use crate::workflow::audit_body::{AuditorProfile, check_auditor};
use crate::workflow::fields::Problems;

/// The most auditors one application declares.
pub const MAX_DECLARED_AUDITORS: usize = crate::selection::MAX_AUDITORS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyFacts {
    /// Registered as a company in Japan.
    pub domestic_registration: bool,
    /// How the body controls the quality of its audits.
    pub quality_control: Bilingual,
    /// Its rules for subcontracting audit work.
    pub subcontracting_rules: Bilingual,
    /// It declares itself independent of the providers it audits.
    pub independence_declaration: bool,
    pub auditors: Vec<DeclaredAuditor>,
}

/// One auditor the body declares, by its user account in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclaredAuditor {
    pub user: String,
    /// The name printed on reports.
    pub name: Bilingual,
    pub qualifications: Vec<String>,
    pub experience_years: u64,
    pub nationality: String,
    /// Whether the body would have the auditor sign reports.
    pub signing: bool,
}

impl DeclaredAuditor {
    /// The profile the scheme keeps once the body is selected.
    pub fn profile(&self, org: &str, may_sign: bool) -> AuditorProfile {
        AuditorProfile {
            user: self.user.clone(),
            org: org.to_owned(),
            name: self.name.clone(),
            qualifications: self.qualifications.clone(),
            experience_years: self.experience_years,
            nationality: self.nationality.clone(),
            may_sign,
        }
    }
}

impl BodyFacts {
    /// Texts within bounds, and each auditor's facts as a profile would take them; whether the
    /// facts satisfy the scheme is the `selection` rule's to say, not a refusal.
    pub fn check(&self, problems: &mut Problems) {
        problems.text_length("/quality_control", &self.quality_control, MAX_TEXT_CHARS);
        problems.text_length(
            "/subcontracting_rules",
            &self.subcontracting_rules,
            MAX_TEXT_CHARS,
        );
        if problems.list_size("/auditors", self.auditors.len(), MAX_DECLARED_AUDITORS) {
            for (i, auditor) in self.auditors.iter().enumerate() {
                let prefix = format!("/auditors/{i}");
                problems.reference(&format!("{prefix}/user"), &auditor.user);
                check_auditor(problems, &prefix, &auditor.profile("", false));
            }
            problems.duplicates(self.auditors.iter().map(|a| a.user.as_str()), |i| {
                format!("/auditors/{i}/user")
            });
        }
    }

    /// The applicant as the `selection` rule reads it; each auditor goes by its user id.
    pub fn applicant(&self, org: &str) -> Applicant {
        Applicant {
            id: org.to_owned(),
            domestic_registration: self.domestic_registration,
            quality_control: one_text(&self.quality_control),
            subcontracting_rules: one_text(&self.subcontracting_rules),
            independence_declaration: self.independence_declaration,
            auditors: self
                .auditors
                .iter()
                .map(|auditor| Auditor {
                    person: SigningAuditor {
                        name: auditor.user.clone(),
                        qualifications: auditor.qualifications.clone(),
                        experience_years: auditor.experience_years,
                        nationality: auditor.nationality.clone(),
                    },
                    signing: auditor.signing,
                })
                .collect(),
        }
    }
}

/// The text the rule reads: blank only when blank in both languages.
fn one_text(text: &Bilingual) -> String {
    if is_blank(&text.ja) {
        text.en.clone()
    } else {
        text.ja.clone()
    }
}
