//! Changes a provider reports after registration (変更届出), as the registry keeps them once the
//! operator has acknowledged them: routine ones join the entry's record of changes; a
//! significant one also marks the entry as needing a new audit until that audit is applied for.

use serde::{Deserialize, Serialize};

use crate::date::CalendarDate;
use crate::text::Bilingual;

/// How much a change weighs on the registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeWeight {
    /// Notified and recorded; the registration stands as it is.
    Routine,
    /// The audited service is no longer the one registered: a new audit is needed.
    Significant,
}

impl ChangeWeight {
    pub fn code(self) -> &'static str {
        match self {
            ChangeWeight::Routine => "routine",
            ChangeWeight::Significant => "significant",
        }
    }

    pub fn title(self) -> Bilingual {
        match self {
            ChangeWeight::Routine => Bilingual::new("軽微な変更", "Routine change"),
            ChangeWeight::Significant => Bilingual::new("重要な変更", "Significant change"),
        }
    }
}

/// What changed. The category decides the weight, so a wider scope cannot be reported as a
/// routine change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeCategory {
    /// A procedure of a control changed.
    Procedure,
    /// A tool used to run a control changed.
    Tool,
    /// How a control is implemented or operated changed.
    Implementation,
    /// A control not adopted before is now adopted.
    ControlAdopted,
    /// A fact of the registry entry is corrected, such as the service's name.
    RegistryFacts,
    /// The service's scope grew (new functions, sites, regions or models).
    WiderScope,
    /// The service runs on a new architecture or new underlying services.
    NewArchitecture,
    /// Who governs the service changed (owner, management, outsourcing of its operation).
    Governance,
}

impl ChangeCategory {
    pub const ALL: [ChangeCategory; 8] = [
        ChangeCategory::Procedure,
        ChangeCategory::Tool,
        ChangeCategory::Implementation,
        ChangeCategory::ControlAdopted,
        ChangeCategory::RegistryFacts,
        ChangeCategory::WiderScope,
        ChangeCategory::NewArchitecture,
        ChangeCategory::Governance,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ChangeCategory::Procedure => "procedure",
            ChangeCategory::Tool => "tool",
            ChangeCategory::Implementation => "implementation",
            ChangeCategory::ControlAdopted => "control_adopted",
            ChangeCategory::RegistryFacts => "registry_facts",
            ChangeCategory::WiderScope => "wider_scope",
            ChangeCategory::NewArchitecture => "new_architecture",
            ChangeCategory::Governance => "governance",
        }
    }

    pub fn from_code(code: &str) -> Option<ChangeCategory> {
        ChangeCategory::ALL
            .into_iter()
            .find(|one| one.code() == code)
    }

    pub fn weight(self) -> ChangeWeight {
        match self {
            ChangeCategory::WiderScope
            | ChangeCategory::NewArchitecture
            | ChangeCategory::Governance => ChangeWeight::Significant,
            _ => ChangeWeight::Routine,
        }
    }

    pub fn title(self) -> Bilingual {
        match self {
            ChangeCategory::Procedure => Bilingual::new("手順の変更", "A procedure changed"),
            ChangeCategory::Tool => Bilingual::new("ツールの変更", "A tool changed"),
            ChangeCategory::Implementation => Bilingual::new(
                "管理策の実装・運用方法の変更",
                "How a control is implemented or run changed",
            ),
            ChangeCategory::ControlAdopted => {
                Bilingual::new("管理策の新たな採用", "A control newly adopted")
            }
            ChangeCategory::RegistryFacts => Bilingual::new(
                "登録事項（名称など）の訂正",
                "A registry fact (such as the name) corrected",
            ),
            ChangeCategory::WiderScope => Bilingual::new("対象範囲の拡大", "Wider scope"),
            ChangeCategory::NewArchitecture => {
                Bilingual::new("アーキテクチャの変更", "New architecture")
            }
            ChangeCategory::Governance => Bilingual::new("ガバナンスの変更", "Changed governance"),
        }
    }
}

/// An acknowledged change, in the entry's record of changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportedChange {
    /// The day the operator acknowledged it.
    pub on: CalendarDate,
    /// The day the change took effect.
    pub effective_on: CalendarDate,
    /// The change notice's id.
    pub notice: String,
    pub category: ChangeCategory,
    pub summary: Bilingual,
}

impl ReportedChange {
    pub fn weight(&self) -> ChangeWeight {
        self.category.weight()
    }
}

/// A significant change is waiting for the new audit it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAuditRequired {
    /// The change notice that asks for it.
    pub notice: String,
    /// Since when (the day of the operator's acknowledgement).
    pub since: CalendarDate,
    /// The day by which the provider must apply with the new audit.
    pub due_on: CalendarDate,
}
