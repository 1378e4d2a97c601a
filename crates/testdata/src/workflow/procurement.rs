//! A procurer's records: a system classified, recorded as using the story's registered service,
//! reclassified, and its usage ended.

use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::level::Level;
use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::procurement::{
    self, InformationItem, InformationSystem, ServiceUsage, SystemDetails, UsageDraft,
};
use shinrai_domain::workflow::{Change, Moment};

use super::{at, day, member};

/// The procurer's records, in the order written.
#[derive(Debug, Clone)]
pub struct ProcurementStory {
    pub system: Change<InformationSystem>,
    pub usage: Change<ServiceUsage>,
    pub revised: Change<InformationSystem>,
    pub ended: Change<ServiceUsage>,
}

/// The procurer's moments: from 2026-06-07, after the afterwards.
pub fn procurement_at(n: i64) -> Moment {
    at(6 * 86_400_000 + n)
}

pub fn procurer() -> shinrai_domain::policy::Member {
    member("procurer-1", "city", OrgKind::Procurer, &[Role::Procurer])
}

/// What the story's system says, at confidentiality `level`.
pub fn system_details(level: Level) -> SystemDetails {
    SystemDetails {
        name: Bilingual::new("施設予約", "Facility bookings"),
        function: Bilingual::new("国民向けサービス", "Service to residents"),
        information: vec![InformationItem {
            name: Bilingual::new("予約者の連絡先", "Contact details of those booking"),
            confidentiality: level,
        }],
        aggregate_confidentiality: None,
        availability: Level::LOW,
        models: vec![ServiceModel::SaaS],
    }
}

/// The city's system uses the service of `entry` from its registration on.
pub fn procurement_of(entry: &RegistryEntry) -> ProcurementStory {
    let system = procurement::create_system(
        "sys-1".into(),
        system_details(Level::LOW),
        &procurer(),
        procurement_at(1),
    )
    .expect("system");
    let usage = procurement::record_usage(
        "use-1".into(),
        &system.state,
        entry,
        UsageDraft {
            from: entry.registered_on,
            until: None,
            note: Bilingual::new("予約の受付", "Taking bookings"),
        },
        &[],
        &procurer(),
        procurement_at(2),
    )
    .expect("usage");
    let revised = procurement::revise_system(
        &system.state,
        system_details(Level::MIDDLE),
        &procurer(),
        procurement_at(3),
    )
    .expect("revise");
    let ended = procurement::end_usage(
        &usage.state,
        day("2026-12-31"),
        &procurer(),
        procurement_at(4),
    )
    .expect("end");
    ProcurementStory {
        system,
        usage,
        revised,
        ended,
    }
}
