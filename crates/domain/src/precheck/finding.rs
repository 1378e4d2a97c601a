//! Findings of the pre-check: stable codes, and what each finding is about and from which level
//! on it counts.

use serde::Serialize;

use crate::level::Level;
use crate::registration::RegistrationStatus;
use crate::text::Bilingual;

use super::case::ItemStatus;

/// What stands between the statement and a level. The `snake_case` names are the stable codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingCode {
    UnknownControl,
    UnknownItem,
    SelectedAndExcluded,
    ControlNotAddressed,
    ExclusionWithoutReason,
    MandatoryControlExcluded,
    IndividualControlMissing,
    RationaleMissing,
    GovernanceItemNotImplemented,
    ManagementItemNotImplemented,
    UnderlyingNotRegistered,
    UnderlyingLevelTooLow,
}

impl FindingCode {
    pub const ALL: [FindingCode; 12] = [
        FindingCode::UnknownControl,
        FindingCode::UnknownItem,
        FindingCode::SelectedAndExcluded,
        FindingCode::ControlNotAddressed,
        FindingCode::ExclusionWithoutReason,
        FindingCode::MandatoryControlExcluded,
        FindingCode::IndividualControlMissing,
        FindingCode::RationaleMissing,
        FindingCode::GovernanceItemNotImplemented,
        FindingCode::ManagementItemNotImplemented,
        FindingCode::UnderlyingNotRegistered,
        FindingCode::UnderlyingLevelTooLow,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::UnknownControl => "unknown_control",
            FindingCode::UnknownItem => "unknown_item",
            FindingCode::SelectedAndExcluded => "selected_and_excluded",
            FindingCode::ControlNotAddressed => "control_not_addressed",
            FindingCode::ExclusionWithoutReason => "exclusion_without_reason",
            FindingCode::MandatoryControlExcluded => "mandatory_control_excluded",
            FindingCode::IndividualControlMissing => "individual_control_missing",
            FindingCode::RationaleMissing => "rationale_missing",
            FindingCode::GovernanceItemNotImplemented => "governance_item_not_implemented",
            FindingCode::ManagementItemNotImplemented => "management_item_not_implemented",
            FindingCode::UnderlyingNotRegistered => "underlying_not_registered",
            FindingCode::UnderlyingLevelTooLow => "underlying_level_too_low",
        }
    }

    /// Whether the finding counts at every level alike (its condition does not mention the
    /// level); the others count from some level on.
    pub fn counts_at_every_level(self) -> bool {
        !matches!(
            self,
            FindingCode::ControlNotAddressed
                | FindingCode::MandatoryControlExcluded
                | FindingCode::GovernanceItemNotImplemented
                | FindingCode::ManagementItemNotImplemented
                | FindingCode::UnderlyingLevelTooLow
        )
    }
}

/// One thing to fix before the statement can pass at the level checked, about one subject (a
/// control, a governance or management item, or an underlying service).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: FindingCode,
    pub subject: String,
    pub message: Bilingual,
}

/// The governance and management parts of the criteria, which the statement answers item by
/// item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemPart {
    Governance,
    Management,
}

/// Where in the statement an unknown control is named.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NamedIn {
    pub selected: bool,
    pub excluded: bool,
}

/// Where in the statement an unknown item is named.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ItemNamedIn {
    pub governance: bool,
    pub management: bool,
}

/// What a finding says, with the facts its message names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind<'a> {
    UnknownControl(NamedIn),
    UnknownItem(ItemNamedIn),
    SelectedAndExcluded,
    ControlNotAddressed,
    ExclusionWithoutReason,
    MandatoryControlExcluded,
    IndividualControlMissing,
    /// The technologies named that are not among the control's examples, sorted.
    RationaleMissing(Vec<&'a str>),
    /// Missing from the statement (`None`), or stated with another status.
    ItemNotImplemented(ItemPart, Option<ItemStatus>),
    /// In the registry with another status, or not at all (`None`).
    UnderlyingNotRegistered(Option<RegistrationStatus>),
    /// Registered at this level.
    UnderlyingLevelTooLow(Level),
}

impl Kind<'_> {
    pub(super) fn code(&self) -> FindingCode {
        match self {
            Kind::UnknownControl(_) => FindingCode::UnknownControl,
            Kind::UnknownItem(_) => FindingCode::UnknownItem,
            Kind::SelectedAndExcluded => FindingCode::SelectedAndExcluded,
            Kind::ControlNotAddressed => FindingCode::ControlNotAddressed,
            Kind::ExclusionWithoutReason => FindingCode::ExclusionWithoutReason,
            Kind::MandatoryControlExcluded => FindingCode::MandatoryControlExcluded,
            Kind::IndividualControlMissing => FindingCode::IndividualControlMissing,
            Kind::RationaleMissing(_) => FindingCode::RationaleMissing,
            Kind::ItemNotImplemented(ItemPart::Governance, _) => {
                FindingCode::GovernanceItemNotImplemented
            }
            Kind::ItemNotImplemented(ItemPart::Management, _) => {
                FindingCode::ManagementItemNotImplemented
            }
            Kind::UnderlyingNotRegistered(_) => FindingCode::UnderlyingNotRegistered,
            Kind::UnderlyingLevelTooLow(_) => FindingCode::UnderlyingLevelTooLow,
        }
    }
}

/// A finding before it is worded: it counts at `from` and every level above.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Gap<'a> {
    pub subject: &'a str,
    pub from: Level,
    pub kind: Kind<'a>,
}

impl<'a> Gap<'a> {
    /// A finding whose condition does not mention the level.
    pub(super) fn everywhere(subject: &'a str, kind: Kind<'a>) -> Gap<'a> {
        Gap {
            subject,
            from: Level::LOW,
            kind,
        }
    }

    pub(super) fn counts_at(&self, level: Level) -> bool {
        self.from <= level
    }
}
