//! The map from risks of cloud use to the control objectives that address them, carried by a
//! criteria version: for each risk its band, the kinds of harm it does, the stages of
//! procurement where it matters, the objectives a service implements against it, and what is
//! left to the contract, the SLA or the procurer's own measures. The procurer's coverage view
//! reads it against a service's statement.

use serde::{Deserialize, Serialize};

use crate::text::Bilingual;

/// The most risks a version may map (the basic cloud risks number 21).
pub const MAX_RISKS: usize = 200;
/// The most objectives one risk may name.
pub const MAX_RISK_OBJECTIVES: usize = 100;

/// How much a risk weighs when choosing a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskBand {
    High,
    Medium,
    Low,
}

/// A kind of harm a risk does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskCategory {
    /// Information reaches someone it should not.
    Leakage,
    Tampering,
    /// Information is lost.
    Loss,
    /// The service stops or cannot be left.
    Continuity,
    /// Laws, contracts or rules are not kept.
    Compliance,
    /// Unforeseen cost.
    Cost,
}

/// A stage of procurement where a risk must be weighed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskStage {
    /// Deciding whether to use a cloud service at all.
    BeforeAdoption,
    /// Choosing the provider and agreeing the contract.
    ProviderSelection,
    /// Using the service.
    Operation,
}

/// Codes in files and addresses, titles for readers.
macro_rules! coded {
    ($name:ident { $($variant:ident => $code:literal, $ja:literal, $en:literal;)+ }) => {
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// Reads a code without regard to case.
            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|value| value.code().eq_ignore_ascii_case(code.trim()))
            }

            pub fn title(self) -> Bilingual {
                match self {
                    $($name::$variant => Bilingual::new($ja, $en),)+
                }
            }
        }
    };
}

coded!(RiskBand {
    High => "high", "高", "High";
    Medium => "medium", "中", "Medium";
    Low => "low", "低", "Low";
});

coded!(RiskCategory {
    Leakage => "leakage", "漏えい", "Leakage";
    Tampering => "tampering", "改ざん", "Tampering";
    Loss => "loss", "消失", "Loss";
    Continuity => "continuity", "継続性", "Continuity";
    Compliance => "compliance", "法令・契約の遵守", "Compliance";
    Cost => "cost", "コスト", "Cost";
});

coded!(RiskStage {
    BeforeAdoption => "before_adoption", "利用の検討", "Before adoption";
    ProviderSelection => "provider_selection", "事業者の選定", "Choosing the provider";
    Operation => "operation", "運用", "Operation";
});

/// One risk of cloud use and the objectives that address it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// e.g. `H01`: the band's letter and a number.
    pub id: String,
    pub band: RiskBand,
    pub categories: Vec<RiskCategory>,
    pub stages: Vec<RiskStage>,
    pub title: Bilingual,
    /// Ids of the version's groups (control objectives) whose controls address it, in the
    /// order the map gives them.
    pub objectives: Vec<String>,
    /// What the objectives cannot settle: left to the contract, the SLA or the procurer.
    pub left_to: Bilingual,
}
