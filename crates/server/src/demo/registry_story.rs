//! The story of each service in the demo registry, as data (`demo/registry-story.json` beside
//! the crate): what the provider describes, at which level it applies, each registration with
//! its audit body, audit period and approval day, and what happened to the entry afterwards
//! (notices, remarks, suspensions, deregistrations, withdrawals, change notices, incidents), and a renewal
//! still under review. Expiries and cascades are not told: the lifecycle job finds them on its
//! monthly runs. The flow turns this into the registry; nothing of it is written to the
//! registry directly.

use serde::Deserialize;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::registry::{ChangeCategory, NoticeKind, Period};
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::incident::IncidentMeasure;
use shinrai_domain::workflow::service::ServiceDetails;

const FILE: &str = include_str!("../../demo/registry-story.json");

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryStory {
    pub services: Vec<ServiceStory>,
}

/// One service, from its description to where it stands today.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceStory {
    /// The service's id.
    pub service: String,
    /// The registration number its first approval must give it.
    pub entry: String,
    pub provider: String,
    pub level: Level,
    pub details: ServiceDetails,
    /// In the order they were approved: the first is a new registration, the others renewals.
    pub registrations: Vec<Registration>,
    /// After registration, by date.
    pub afterwards: Vec<Afterwards>,
    /// A renewal applied for and still under review.
    #[serde(default)]
    pub renewal_under_review: Option<PendingRenewal>,
}

/// A renewal whose audit is signed and whose application waits for the operator's review.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PendingRenewal {
    /// The day the provider applied.
    pub applied_on: CalendarDate,
    pub audit_body: String,
    pub period: Period,
}

/// One audit that ended in an approved registration.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// The day the operator approved it.
    pub on: CalendarDate,
    pub audit_body: String,
    pub period: Period,
}

/// Something the operator or the provider did to the entry later.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case", deny_unknown_fields)]
pub enum Afterwards {
    Notice {
        on: CalendarDate,
        kind: NoticeKind,
        title: Bilingual,
        body: Bilingual,
    },
    Status {
        on: CalendarDate,
        /// `suspend`, `reinstate`, `deregister` or `expire`.
        #[serde(rename = "move")]
        change: String,
        reason: Bilingual,
        title: Bilingual,
        body: Bilingual,
        remarks: Option<Bilingual>,
    },
    Remarks {
        on: CalendarDate,
        remarks: Bilingual,
    },
    /// The provider withdraws its registration, saying why.
    Withdraw { on: CalendarDate, reason: Bilingual },
    /// The provider reports a change (変更届出) as the notice `id`; the operator acknowledges
    /// it on `acknowledged_on`, when given.
    Change {
        on: CalendarDate,
        id: String,
        category: ChangeCategory,
        effective_on: CalendarDate,
        summary: Bilingual,
        #[serde(default)]
        controls: Vec<String>,
        acknowledged_on: Option<CalendarDate>,
    },
    /// The provider reports an incident (its quick report) as `id`.
    Incident {
        on: CalendarDate,
        id: String,
        discovered_on: CalendarDate,
        summary: Bilingual,
    },
    /// The provider files the final report of `incident`.
    FinalReport {
        on: CalendarDate,
        incident: String,
        cause: Bilingual,
        impact: Bilingual,
        measures: Bilingual,
        services_affected: Vec<String>,
    },
    /// The operator decides its measure on `incident`.
    Decide {
        on: CalendarDate,
        incident: String,
        measure: IncidentMeasure,
        reason: Bilingual,
        title: Bilingual,
        body: Bilingual,
    },
}

impl Afterwards {
    /// Whether the provider does it (else the operator).
    pub fn by_provider(&self) -> bool {
        matches!(
            self,
            Afterwards::Change { .. }
                | Afterwards::Withdraw { .. }
                | Afterwards::Incident { .. }
                | Afterwards::FinalReport { .. }
        )
    }
}

impl Afterwards {
    pub fn on(&self) -> CalendarDate {
        match self {
            Afterwards::Notice { on, .. }
            | Afterwards::Status { on, .. }
            | Afterwards::Remarks { on, .. }
            | Afterwards::Withdraw { on, .. }
            | Afterwards::Change { on, .. }
            | Afterwards::Incident { on, .. }
            | Afterwards::FinalReport { on, .. }
            | Afterwards::Decide { on, .. } => *on,
        }
    }
}

/// The file was edited into a wrong shape.
#[derive(Debug, thiserror::Error)]
#[error("demo/registry-story.json: {0}")]
pub struct StoryError(pub String);

pub fn registry_story() -> Result<RegistryStory, StoryError> {
    serde_json::from_str(FILE).map_err(|error| StoryError(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_reads_and_each_service_is_registered_first() {
        let story = registry_story().unwrap();
        assert_eq!(story.services.len(), 25);
        for service in &story.services {
            assert!(!service.registrations.is_empty(), "{}", service.service);
            let days: Vec<CalendarDate> = service.registrations.iter().map(|r| r.on).collect();
            assert!(days.is_sorted(), "{}", service.service);
            for registration in &service.registrations {
                assert!(registration.period.end < registration.on);
            }
            if let Some(first) = service.afterwards.first() {
                assert!(first.on() > days[0], "{}", service.service);
            }
        }
    }
}
