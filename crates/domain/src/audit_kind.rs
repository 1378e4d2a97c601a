//! Which kind of audit a report comes from: the full audit in three phases (fair presentation,
//! design, operation), or the evaluation of the provider's own internal audit with a sample of
//! controls re-performed (the CS Gold model), which supports the lowest level only.

use serde::{Deserialize, Serialize};

use crate::level::Level;
use crate::text::Bilingual;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    /// Fair presentation, design and operation on sampled evidence.
    #[default]
    ThreePhase,
    /// The provider's internal audit evaluated and a sample of its controls re-performed.
    InternalAuditEvaluation,
}

impl AuditKind {
    pub const ALL: [AuditKind; 2] = [AuditKind::ThreePhase, AuditKind::InternalAuditEvaluation];
    pub const NAMES: [(&'static str, AuditKind); 2] = [
        ("three_phase", AuditKind::ThreePhase),
        (
            "internal_audit_evaluation",
            AuditKind::InternalAuditEvaluation,
        ),
    ];

    pub fn code(self) -> &'static str {
        match self {
            AuditKind::ThreePhase => "three_phase",
            AuditKind::InternalAuditEvaluation => "internal_audit_evaluation",
        }
    }

    pub fn from_code(code: &str) -> Option<AuditKind> {
        AuditKind::NAMES
            .iter()
            .find(|(name, _)| *name == code)
            .map(|(_, kind)| *kind)
    }

    /// Whether this is the full audit (the default, left out of stored forms).
    pub fn is_three_phase(&self) -> bool {
        *self == AuditKind::ThreePhase
    }

    /// The highest level a report of this kind can support.
    pub fn highest_level(self) -> Level {
        match self {
            AuditKind::ThreePhase => Level::HIGH,
            AuditKind::InternalAuditEvaluation => Level::LOW,
        }
    }

    pub fn title(self) -> Bilingual {
        match self {
            AuditKind::ThreePhase => Bilingual::new(
                "三段階の監査（記載の適正性・整備状況・運用状況）",
                "Audit in three phases (fair presentation, design, operation)",
            ),
            AuditKind::InternalAuditEvaluation => Bilingual::new(
                "内部監査の評価（管理策の標本の再実施を含む）",
                "Evaluation of the internal audit (with a sample of controls re-performed)",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_and_only_the_full_audit_reaches_the_higher_levels() {
        for kind in AuditKind::ALL {
            assert_eq!(AuditKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(AuditKind::from_code("self_declaration"), None);
        assert_eq!(AuditKind::default(), AuditKind::ThreePhase);
        assert_eq!(AuditKind::ThreePhase.highest_level(), Level::HIGH);
        assert_eq!(
            AuditKind::InternalAuditEvaluation.highest_level(),
            Level::LOW
        );
    }
}
