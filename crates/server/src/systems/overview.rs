//! Who uses which services, as the operator reads it: the usages narrowed by registration number,
//! whether in force today, the level the service is registered at and a model it offers; and
//! the count of organisations and services in use today per level and model.

use std::collections::BTreeSet;

use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::workflow::procurement::ServiceUsage;

use crate::registry::LoadedRegistry;

/// What a list of usages is narrowed to.
#[derive(Debug, Clone, Copy, Default)]
pub struct UsageFilter<'a> {
    pub entry: Option<&'a str>,
    pub in_use: Option<bool>,
    pub level: Option<Level>,
    pub model: Option<ServiceModel>,
}

impl UsageFilter<'_> {
    /// Whether `usage` passes, its entry read from `registry` (an entry no longer in it passes
    /// no level or model asked for).
    pub fn keeps(
        &self,
        usage: &ServiceUsage,
        registry: &LoadedRegistry,
        today: CalendarDate,
    ) -> bool {
        let entry = registry.entry(&usage.entry);
        self.entry.is_none_or(|wanted| usage.entry == wanted)
            && self
                .in_use
                .is_none_or(|wanted| usage.in_use_on(today) == wanted)
            && self
                .level
                .is_none_or(|wanted| entry.is_some_and(|entry| entry.level == wanted))
            && self
                .model
                .is_none_or(|wanted| entry.is_some_and(|entry| entry.offers(wanted)))
    }
}

/// One cell of the summary: a level and a model, with the organisations and services in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InUse {
    pub level: Level,
    pub model: ServiceModel,
    pub organisations: usize,
    pub services: usize,
}

/// Per level and model (a service offering several counts under each), the organisations and
/// the services in use on `today` among `usages`.
pub fn in_use_by_level_and_model<'a>(
    usages: impl IntoIterator<Item = &'a ServiceUsage> + Clone,
    registry: &LoadedRegistry,
    today: CalendarDate,
) -> Vec<InUse> {
    let mut cells = Vec::new();
    for level in Level::ALL {
        for model in ServiceModel::ALL {
            let mut organisations = BTreeSet::new();
            let mut services = BTreeSet::new();
            for usage in usages.clone() {
                let Some(entry) = registry.entry(&usage.entry) else {
                    continue;
                };
                if usage.in_use_on(today) && entry.level == level && entry.offers(model) {
                    organisations.insert(usage.org.as_str());
                    services.insert(usage.entry.as_str());
                }
            }
            cells.push(InUse {
                level,
                model,
                organisations: organisations.len(),
                services: services.len(),
            });
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use shinrai_domain::registry::demo::demo_registry;
    use shinrai_domain::text::Bilingual;
    use shinrai_domain::workflow::procurement::UsageStatus;

    use super::*;

    fn day(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    fn usage(org: &str, entry: &str, until: Option<&str>) -> ServiceUsage {
        ServiceUsage {
            id: format!("use-{org}-{entry}"),
            system: format!("sys-{org}"),
            org: org.to_owned(),
            entry: entry.to_owned(),
            service: None,
            from: day("2026-01-01"),
            until: until.map(day),
            note: Bilingual::new("", ""),
            recorded_by: "procurer".to_owned(),
            recorded_at_ms: 0,
            status: if until.is_some() {
                UsageStatus::Ended
            } else {
                UsageStatus::Open
            },
        }
    }

    #[test]
    fn the_summary_counts_organisations_and_services_in_use_today_per_level_and_model() {
        let entries = demo_registry().unwrap().entries;
        let registry = LoadedRegistry::new(1, entries, HashMap::new()).unwrap();
        let base = registry.entry("C23-0001").unwrap();
        let (level, model) = (base.level, base.service_models[0].model);
        let usages = [
            usage("city", "C23-0001", None),
            usage("town", "C23-0001", None),
            usage("village", "C23-0001", Some("2026-06-30")),
            usage("gone", "C99-9999", None),
        ];
        let today = day("2026-12-04");
        let cells = in_use_by_level_and_model(&usages, &registry, today);
        assert_eq!(cells.len(), 9);
        let cell = cells
            .iter()
            .find(|cell| cell.level == level && cell.model == model)
            .unwrap();
        assert_eq!((cell.organisations, cell.services), (2, 1));
        assert_eq!(
            cells.iter().map(|cell| cell.services).sum::<usize>(),
            base.service_models.len()
        );

        let at_level = UsageFilter {
            level: Some(level),
            model: Some(model),
            ..UsageFilter::default()
        };
        assert!(
            usages[..3]
                .iter()
                .all(|u| at_level.keeps(u, &registry, today))
        );
        assert!(
            !at_level.keeps(&usages[3], &registry, today),
            "not in the registry"
        );
        let in_use = UsageFilter {
            in_use: Some(true),
            ..UsageFilter::default()
        };
        assert!(!in_use.keeps(&usages[2], &registry, today));
    }
}
