//! The certificate aggregate: one certification or audit report of a provider's service, and
//! where it stands on a given day.

use serde::{Deserialize, Serialize};

use super::ApplicabilityLine;
use crate::date::CalendarDate;
use crate::text::Bilingual;
use crate::workflow::statement::DocumentReference;

/// The scheme a certificate or report belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateKind {
    Iso27001,
    Iso27017,
    Soc1Type1,
    Soc1Type2,
    Soc2Type1,
    Soc2Type2,
    Soc3,
    CsSilver,
    CsGold,
    PciDss,
    PrivacyMark,
    Iso20000,
    Iso22301,
    Fedramp,
    Other,
}

impl CertificateKind {
    pub const ALL: [CertificateKind; 15] = [
        CertificateKind::Iso27001,
        CertificateKind::Iso27017,
        CertificateKind::Soc1Type1,
        CertificateKind::Soc1Type2,
        CertificateKind::Soc2Type1,
        CertificateKind::Soc2Type2,
        CertificateKind::Soc3,
        CertificateKind::CsSilver,
        CertificateKind::CsGold,
        CertificateKind::PciDss,
        CertificateKind::PrivacyMark,
        CertificateKind::Iso20000,
        CertificateKind::Iso22301,
        CertificateKind::Fedramp,
        CertificateKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CertificateKind::Iso27001 => "iso27001",
            CertificateKind::Iso27017 => "iso27017",
            CertificateKind::Soc1Type1 => "soc1_type1",
            CertificateKind::Soc1Type2 => "soc1_type2",
            CertificateKind::Soc2Type1 => "soc2_type1",
            CertificateKind::Soc2Type2 => "soc2_type2",
            CertificateKind::Soc3 => "soc3",
            CertificateKind::CsSilver => "cs_silver",
            CertificateKind::CsGold => "cs_gold",
            CertificateKind::PciDss => "pci_dss",
            CertificateKind::PrivacyMark => "privacy_mark",
            CertificateKind::Iso20000 => "iso20000",
            CertificateKind::Iso22301 => "iso22301",
            CertificateKind::Fedramp => "fedramp",
            CertificateKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<CertificateKind> {
        CertificateKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            CertificateKind::Iso27001 => {
                Bilingual::new("ISO/IEC 27001（ISMS 認証）", "ISO/IEC 27001 (ISMS)")
            }
            CertificateKind::Iso27017 => Bilingual::new(
                "ISO/IEC 27017（ISMS クラウドセキュリティ認証）",
                "ISO/IEC 27017 (ISMS cloud security)",
            ),
            CertificateKind::Soc1Type1 => {
                Bilingual::new("SOC 1 Type 1 報告書", "SOC 1 Type 1 report")
            }
            CertificateKind::Soc1Type2 => {
                Bilingual::new("SOC 1 Type 2 報告書", "SOC 1 Type 2 report")
            }
            CertificateKind::Soc2Type1 => {
                Bilingual::new("SOC 2 Type 1 報告書", "SOC 2 Type 1 report")
            }
            CertificateKind::Soc2Type2 => {
                Bilingual::new("SOC 2 Type 2 報告書", "SOC 2 Type 2 report")
            }
            CertificateKind::Soc3 => Bilingual::new("SOC 3 報告書", "SOC 3 report"),
            CertificateKind::CsSilver => Bilingual::new(
                "CS シルバーマーク（事業者自身の内部監査）",
                "CS Silver mark (the provider's own internal audit)",
            ),
            CertificateKind::CsGold => Bilingual::new(
                "CS ゴールドマーク（外部監査人が評価した内部監査）",
                "CS Gold mark (internal audit evaluated by an outside auditor)",
            ),
            CertificateKind::PciDss => Bilingual::new("PCI DSS 準拠", "PCI DSS compliance"),
            CertificateKind::PrivacyMark => Bilingual::new("プライバシーマーク", "Privacy Mark"),
            CertificateKind::Iso20000 => Bilingual::new(
                "ISO/IEC 20000-1（IT サービスマネジメント）",
                "ISO/IEC 20000-1 (IT service management)",
            ),
            CertificateKind::Iso22301 => Bilingual::new(
                "ISO 22301（事業継続マネジメント）",
                "ISO 22301 (business continuity management)",
            ),
            CertificateKind::Fedramp => Bilingual::new("FedRAMP 認可", "FedRAMP authorisation"),
            CertificateKind::Other => {
                Bilingual::new("その他の認証・監査", "Other certification or audit")
            }
        }
    }

    /// Whether certificates of this kind carry a per-service statement of applicability.
    pub fn has_applicability(self) -> bool {
        self == CertificateKind::Iso27017
    }
}

/// What the provider says about one certificate or report; the same for declaring and revising.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateDetails {
    pub kind: CertificateKind,
    /// The certification body or auditor that issued it.
    pub issuer: Bilingual,
    /// What it covers, in the issuer's terms (organisation, sites, services).
    pub scope: Bilingual,
    /// The certificate or report number; may be empty (a SOC report often has none).
    pub number: String,
    pub valid_from: CalendarDate,
    /// The last day it is valid (for a report, the last day it may be relied on).
    pub valid_until: CalendarDate,
    /// Where the certificate or report can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentReference>,
    /// Anything a reader should know; may be empty, except for `other`, where it names the
    /// scheme.
    #[serde(default = "no_note")]
    pub note: Bilingual,
    /// The statement of applicability of an ISO/IEC 27017 certificate; empty for every other
    /// kind.
    #[serde(default)]
    pub applicability: Vec<ApplicabilityLine>,
}

fn no_note() -> Bilingual {
    Bilingual::new("", "")
}

/// When and by whom a certificate was withdrawn (it is kept, marked, never removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateWithdrawal {
    pub by: String,
    pub at_ms: i64,
    pub on: CalendarDate,
}

/// One certificate or report of a provider's service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    pub id: String,
    /// The provider's service it is declared for.
    pub service: String,
    /// The provider organisation that owns the service.
    pub provider: String,
    #[serde(flatten)]
    pub details: CertificateDetails,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<CertificateWithdrawal>,
}

/// Where a certificate stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Its first valid day is still ahead.
    NotYetValid,
    Valid,
    /// Its last valid day has passed.
    Lapsed,
    /// The provider withdrew it, whatever its dates say.
    Withdrawn,
}

impl Standing {
    pub const ALL: [Standing; 4] = [
        Standing::NotYetValid,
        Standing::Valid,
        Standing::Lapsed,
        Standing::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Standing::NotYetValid => "not_yet_valid",
            Standing::Valid => "valid",
            Standing::Lapsed => "lapsed",
            Standing::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<Standing> {
        Standing::ALL.into_iter().find(|one| one.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            Standing::NotYetValid => Bilingual::new("有効期間の開始前", "Not yet valid"),
            Standing::Valid => Bilingual::new("有効", "Valid"),
            Standing::Lapsed => Bilingual::new("有効期限切れ", "Lapsed"),
            Standing::Withdrawn => Bilingual::new("取下げ済み", "Withdrawn"),
        }
    }
}

impl Certificate {
    /// Where the certificate stands on `today`: both its first and last valid day count as
    /// valid.
    pub fn standing(&self, today: CalendarDate) -> Standing {
        if self.withdrawn.is_some() {
            Standing::Withdrawn
        } else if today < self.details.valid_from {
            Standing::NotYetValid
        } else if today > self.details.valid_until {
            Standing::Lapsed
        } else {
            Standing::Valid
        }
    }
}
