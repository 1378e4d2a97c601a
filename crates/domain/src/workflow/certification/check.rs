//! What makes a certificate's details acceptable, each problem at its field: required and bounded
//! texts, a period that runs forwards and not too long, and a statement of applicability that only
//! an ISO/IEC 27017 certificate has, with well-formed, unique controls that agree with 27001.

use super::{
    ApplicabilityLine, CertificateDetails, CertificateKind, is_cloud_only_control, is_control_id,
};
use crate::case::bounds::MAX_TEXT_CHARS;
use crate::text::Bilingual;
use crate::workflow::Refusal;
use crate::workflow::fields::{Problems, is_blank, is_blank_text};

/// Most lines of a statement of applicability: the extension speaks to a few dozen controls,
/// and a full 27001 annex has fewer than 120.
pub const MAX_APPLICABILITY_LINES: usize = 200;

/// Most certificates a service may have that are not withdrawn.
pub const MAX_CERTIFICATES: usize = 30;

/// The longest period a certificate may cover: certifications run three years, so five leaves
/// room without letting a typo in the year through.
pub const MAX_VALIDITY_YEARS: u32 = 5;

/// The longest certificate or report number.
pub const MAX_NUMBER_CHARS: usize = 100;

impl CertificateDetails {
    /// Every problem that keeps these details from being recorded.
    pub fn check(&self) -> Result<(), Refusal> {
        let mut problems = Problems::new();
        problems.name("/issuer", &self.issuer);
        problems.long_text("/scope", &self.scope);
        let number_chars = self.number.chars().count();
        if number_chars > MAX_NUMBER_CHARS {
            problems.push(
                "/number",
                "too_long",
                Bilingual::new(
                    format!(
                        "/number は {MAX_NUMBER_CHARS} 文字以内にしてください（{number_chars} 文字）"
                    ),
                    format!(
                        "/number has {number_chars} characters; at most {MAX_NUMBER_CHARS} are allowed"
                    ),
                ),
            );
        }
        self.period_problems(&mut problems);
        if let Some(document) = &self.document {
            problems.name("/document/title", &document.title);
            if is_blank(&document.location) {
                problems.push(
                    "/document/location",
                    "required",
                    Bilingual::new(
                        "/document/location に文書の所在（アドレスなど）を入力してください",
                        "/document/location must say where the document is (an address or the like)",
                    ),
                );
            }
            problems.text_length(
                "/document/location",
                &Bilingual::new(document.location.clone(), ""),
                MAX_TEXT_CHARS,
            );
        }
        if self.kind == CertificateKind::Other {
            // Without the scheme's name a reader cannot tell what an `other` certificate is.
            problems.required_text("/note", &self.note, MAX_TEXT_CHARS);
        } else {
            problems.text_length("/note", &self.note, MAX_TEXT_CHARS);
        }
        self.applicability_problems(&mut problems);
        problems.finish()
    }

    fn period_problems(&self, problems: &mut Problems) {
        let (from, until) = (self.valid_from, self.valid_until);
        if until < from {
            problems.push(
                "/valid_until",
                "out_of_range",
                Bilingual::new(
                    format!(
                        "/valid_until（{until}）は /valid_from（{from}）以降の日付にしてください"
                    ),
                    format!("/valid_until ({until}) must not fall before /valid_from ({from})"),
                ),
            );
        } else if let Some(latest) = from.last_day_of_years(MAX_VALIDITY_YEARS)
            && until > latest
        {
            problems.push(
                "/valid_until",
                "out_of_range",
                Bilingual::new(
                    format!(
                        "有効期間は {MAX_VALIDITY_YEARS} 年以内です: /valid_until は {latest} 以前にしてください"
                    ),
                    format!(
                        "a certificate covers at most {MAX_VALIDITY_YEARS} years: /valid_until must be {latest} or earlier"
                    ),
                ),
            );
        }
    }

    fn applicability_problems(&self, problems: &mut Problems) {
        let lines = &self.applicability;
        if !self.kind.has_applicability() {
            if !lines.is_empty() {
                let kind = self.kind.title();
                problems.push(
                    "/applicability",
                    "not_applicable",
                    Bilingual::new(
                        format!(
                            "適用宣言書は ISO/IEC 27017 の認証にだけ付けられます（これは{}です）",
                            kind.ja
                        ),
                        format!(
                            "only an ISO/IEC 27017 certificate carries a statement of applicability (this is {})",
                            kind.en
                        ),
                    ),
                );
            }
            return;
        }
        if lines.is_empty() {
            problems.push(
                "/applicability",
                "required",
                Bilingual::new(
                    "ISO/IEC 27017 の認証には、サービスの適用宣言書を一行以上付けてください",
                    "an ISO/IEC 27017 certificate needs the service's statement of applicability (at least one line)",
                ),
            );
            return;
        }
        if !problems.list_size("/applicability", lines.len(), MAX_APPLICABILITY_LINES) {
            return;
        }
        for (i, line) in lines.iter().enumerate() {
            line_problems(problems, &format!("/applicability/{i}"), line);
        }
        problems.duplicates(lines.iter().map(|line| line.control.as_str()), |i| {
            format!("/applicability/{i}/control")
        });
    }
}

fn line_problems(problems: &mut Problems, at: &str, line: &ApplicabilityLine) {
    let control = line.control.as_str();
    if !is_control_id(control) {
        problems.push(
            format!("{at}/control"),
            "invalid_control",
            Bilingual::new(
                format!(
                    "{at}/control は「9.2.1」「5.23」「CLD.6.3.1」のような管理策番号にしてください"
                ),
                format!("{at}/control must be a control number such as 9.2.1, 5.23 or CLD.6.3.1"),
            ),
        );
    } else if is_cloud_only_control(control) {
        if line.adopted_27001.is_some() {
            problems.push(
                format!("{at}/adopted_27001"),
                "not_in_27001",
                Bilingual::new(
                    format!(
                        "{control} はクラウド固有の管理策で ISO/IEC 27001 にはないため、27001 での採否は空にしてください"
                    ),
                    format!(
                        "{control} is a cloud-only control that ISO/IEC 27001 does not have: leave its 27001 answer empty"
                    ),
                ),
            );
        }
    } else if line.adopted_27001.is_none() {
        problems.push(
            format!("{at}/adopted_27001"),
            "required",
            Bilingual::new(
                format!(
                    "{control} が ISO/IEC 27001 の適用宣言書で採用されているかを指定してください"
                ),
                format!(
                    "say whether the ISO/IEC 27001 statement of applicability adopts {control}"
                ),
            ),
        );
    }
    // 27017 only adds cloud guidance to a 27001 control: it cannot adopt what 27001 left out.
    if line.adopted_27001 == Some(false) && line.adopted {
        problems.push(
            format!("{at}/adopted"),
            "not_adopted_in_27001",
            Bilingual::new(
                format!(
                    "{control} は ISO/IEC 27001 で不採用のため、27017 の拡張で採用とはできません。27001 での不採用が正しいか見直してください"
                ),
                format!(
                    "{control} is not adopted under ISO/IEC 27001, so the 27017 extension cannot adopt it; check whether leaving it out of 27001 was right"
                ),
            ),
        );
    }
    let reason_at = format!("{at}/reason");
    if !line.adopted && is_blank_text(&line.reason) {
        problems.push(
            reason_at.clone(),
            "required",
            Bilingual::new(
                format!("{control} を採用しない理由を {reason_at} に書いてください"),
                format!("{reason_at} must say why {control} is not adopted"),
            ),
        );
    }
    problems.text_length(&reason_at, &line.reason, MAX_TEXT_CHARS);
}
