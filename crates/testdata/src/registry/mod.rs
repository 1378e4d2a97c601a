//! A registry of any size for benchmarks and tests: providers, audit bodies and entries with
//! Japanese and English names and descriptions drawn from varied vocabularies, every level,
//! service model, deployment model and status, and services built on earlier ones (never on a
//! lower level, as the scheme requires). The same seed gives the same registry.

mod vocabulary;

use std::collections::BTreeMap;

use shinrai_domain::SeededRandom;
use shinrai_domain::accounts::OrgKind;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::registration::valid_until;
use shinrai_domain::registry::demo::{DemoOrganisation, DemoRegistry};
use shinrai_domain::registry::{
    DeploymentModel, EntryStatus, ModelScope, Notice, NoticeKind, Period, PublicStatement,
    RegistryEntry, StatusChange,
};
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;

use self::vocabulary::{
    AUDIENCES, AUDIT_BODY_KINDS, AVAILABILITY, FEATURES, NAME_STEMS, NAME_SUFFIXES, OBJECTIVES,
    PRODUCTS, PROVIDER_KINDS, Product, REGIONS,
};

/// The day generated statuses are true on: services still valid then are registered or
/// suspended, the others expired or deregistered.
pub fn reference_day() -> Option<CalendarDate> {
    CalendarDate::new(2026, 11, 23)
}

/// Every organisation the demo registry's entries name (providers and audit bodies), with its
/// kind and name: what a store needs before it takes the entries. The story's organisations
/// come first; those the registry file lists follow (a store skips none: their ids differ).
pub fn demo_registry_organisations(registry: &DemoRegistry) -> Vec<(String, OrgKind, Bilingual)> {
    [
        ("sakura-cloud-works", OrgKind::Provider),
        ("kasumi-systems", OrgKind::Provider),
        ("minato-data", OrgKind::Provider),
        ("aoba-audit", OrgKind::AuditBody),
        ("hikari-assurance", OrgKind::AuditBody),
    ]
    .map(|(id, kind)| {
        (
            id.to_owned(),
            kind,
            Bilingual::new(format!("{id} 社"), format!("{id} Ltd")),
        )
    })
    .into_iter()
    .chain(
        registry
            .providers
            .iter()
            .map(|p| (p.id.clone(), OrgKind::Provider, p.name.clone())),
    )
    .chain(
        registry
            .audit_bodies
            .iter()
            .map(|a| (a.id.clone(), OrgKind::AuditBody, a.name.clone())),
    )
    .collect()
}

/// `count` entries (with the providers and audit bodies they name), the same for the same
/// `seed`. Registration numbers are unique; the organisations' ids start with `gen-`.
pub fn generate_registry(count: usize, seed: u64) -> DemoRegistry {
    let mut random = SeededRandom::new(seed);
    let providers = organisations(&PROVIDER_KINDS, usize::MAX);
    let audit_bodies = organisations(&AUDIT_BODY_KINDS, 12);
    let mut maker = EntryMaker {
        random: &mut random,
        providers: &providers,
        audit_bodies: &audit_bodies,
        numbers: BTreeMap::new(),
        bases: [Vec::new(), Vec::new(), Vec::new()],
    };
    let entries = (0..count).filter_map(|_| maker.entry()).collect();
    DemoRegistry {
        providers: providers.into_iter().map(|(org, _)| org).collect(),
        audit_bodies: audit_bodies.into_iter().map(|(org, _)| org).collect(),
        entries,
    }
}

/// An organisation and the stem of its name (Japanese, English), which its services' names
/// start with.
type Named = (DemoOrganisation, (&'static str, &'static str));

/// One organisation per name stem and kind, at most `limit`.
fn organisations(kinds: &[(&'static str, &'static str, &'static str)], limit: usize) -> Vec<Named> {
    kinds
        .iter()
        .flat_map(|kind| NAME_STEMS.iter().map(move |stem| (stem, kind)))
        .take(limit)
        .map(
            |((stem_ja, stem_en, stem_id), (kind_ja, kind_en, kind_id))| {
                let org = DemoOrganisation {
                    id: format!("gen-{stem_id}-{kind_id}"),
                    name: Bilingual::new(
                        format!("{stem_ja}{kind_ja}"),
                        format!("{stem_en} {kind_en}"),
                    ),
                };
                (org, (*stem_ja, *stem_en))
            },
        )
        .collect()
}

fn pick<T: Copy>(random: &mut SeededRandom, items: &[T]) -> Option<T> {
    pick_ref(random, items).copied()
}

/// True `percent` times in a hundred.
fn chance(random: &mut SeededRandom, percent: u64) -> bool {
    random.below(100) < percent
}

fn between(random: &mut SeededRandom, low: u64, high: u64) -> u64 {
    low + random.below(high - low + 1)
}

struct EntryMaker<'a> {
    random: &'a mut SeededRandom,
    providers: &'a [(DemoOrganisation, (&'static str, &'static str))],
    audit_bodies: &'a [(DemoOrganisation, (&'static str, &'static str))],
    /// The last registration number given in each year.
    numbers: BTreeMap<u16, u32>,
    /// Registration numbers of infrastructure (IaaS, PaaS) already made, by level − 1, for
    /// services to be built on.
    bases: [Vec<(String, Level)>; 3],
}

impl EntryMaker<'_> {
    fn entry(&mut self) -> Option<RegistryEntry> {
        let random = &mut *self.random;
        let (provider, stems) = pick_ref(random, self.providers)?;
        let (stem, stem_en) = *stems;
        let product: Product = pick(random, &PRODUCTS)?;
        let suffix = match pick(random, &NAME_SUFFIXES)? {
            // Not "Document Cloud Cloud".
            (_, en) if !en.is_empty() && product.name.1.ends_with(en) => ("", ""),
            suffix => suffix,
        };
        let region = if chance(random, 15) {
            pick(random, &REGIONS)
        } else {
            None
        };
        let gap = if chance(random, 50) { " " } else { "" };
        let name = Bilingual::new(
            [
                stem,
                gap,
                region.map_or("", |r| r.0),
                product.name.0,
                suffix.0,
            ]
            .concat(),
            [
                stem_en,
                region.map_or("", |r| r.1),
                product.name.1,
                suffix.1,
            ]
            .iter()
            .filter(|word| !word.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" "),
        );
        let level = match random.below(10) {
            0..=2 => Level::LOW,
            3..=7 => Level::MIDDLE,
            _ => Level::HIGH,
        };
        let status = match random.below(100) {
            0..=81 => EntryStatus::Registered,
            82..=85 => EntryStatus::Suspended,
            86..=95 => EntryStatus::Expired,
            _ => EntryStatus::Deregistered,
        };
        let period = audit_period(random, status)?;
        let valid = valid_until(period.end, 16)?;
        let registered_on = CalendarDate::new(
            period.end.add_months_clamped(2)?.year(),
            period.end.add_months_clamped(2)?.month(),
            u8::try_from(between(random, 1, 28)).ok()?,
        )?;
        let id = self.number(registered_on.year());
        let random = &mut *self.random;
        let models = service_models(random, product.model);
        let audience = pick(random, &AUDIENCES)?;
        let other_audience = pick(random, &AUDIENCES)?;
        let features = [pick(random, &FEATURES)?, pick(random, &FEATURES)?];
        let description = Bilingual::new(
            format!(
                "{}向けの{}。{}ほか、{}。{}や{}で利用されている。",
                audience.0,
                product.does.0,
                features[0].0,
                features[1].0,
                audience.0,
                other_audience.0
            ),
            format!(
                "{}{} for {}. {}, and {}. It is used by {} and {}.",
                product.does.1.get(..1).unwrap_or_default().to_uppercase(),
                product.does.1.get(1..).unwrap_or_default(),
                audience.1,
                features[0].1,
                features[1].1.to_lowercase(),
                audience.1,
                other_audience.1
            ),
        );
        let deployment_models = deployment_models(random)?;
        let built_on = self.built_on(&models, level);
        let random = &mut *self.random;
        let (audit_body, _) = pick_ref(random, self.audit_bodies)?;
        let availability = pick(random, &AVAILABILITY)?;
        let objectives = objectives(random);
        let history = history(status, registered_on, valid)?;
        let notices = if chance(random, 5) {
            vec![Notice {
                on: history.last()?.on,
                kind: NoticeKind::Measure,
                title: Bilingual::new("定期保守のお知らせ", "Scheduled maintenance"),
                body: Bilingual::new(
                    "定期保守のため一部機能を停止しました。",
                    "Some functions were stopped for scheduled maintenance.",
                ),
            }]
        } else {
            Vec::new()
        };
        if models.iter().any(|scope| scope.model != ServiceModel::SaaS) {
            for rung in Level::ALL.iter().filter(|rung| **rung <= level) {
                if let Some(bases) = self.bases.get_mut(usize::from(rung.get() - 1)) {
                    bases.push((id.clone(), level));
                }
            }
        }
        Some(RegistryEntry {
            statement: PublicStatement {
                scope: Bilingual::new(
                    format!("{}の提供に係る設備、システム及び運用体制", name.ja),
                    format!(
                        "The facilities, systems and operations providing {}",
                        name.en
                    ),
                ),
                objectives,
                subsequent_events: Bilingual::new("該当なし", "None"),
            },
            id,
            service_name: name,
            provider: provider.id.clone(),
            description,
            level,
            service_models: models,
            deployment_models,
            built_on,
            audit_body: audit_body.id.clone(),
            audit_period: period,
            registered_on,
            valid_until: valid,
            status,
            availability: Bilingual::new(availability.0, availability.1),
            remarks: Bilingual::new("", ""),
            history,
            notices,
            service: None,
            application: None,
            changes: Vec::new(),
            new_audit_required: None,
        })
    }

    /// The next registration number of `year`, e.g. `C25-00042`.
    fn number(&mut self, year: u16) -> String {
        let last = self.numbers.entry(year).or_insert(0);
        *last += 1;
        format!("C{:02}-{:05}", year % 100, last)
    }

    /// Up to two infrastructure services made before, at this level or above, for services
    /// that are not infrastructure themselves to be built on.
    fn built_on(&mut self, models: &[ModelScope], level: Level) -> Vec<String> {
        let wants = if models.iter().all(|scope| scope.model == ServiceModel::SaaS) {
            self.random.below(3)
        } else if models.iter().all(|scope| scope.model == ServiceModel::PaaS) {
            self.random.below(2)
        } else {
            0
        };
        let Some(bases) = self.bases.get(usize::from(level.get() - 1)) else {
            return Vec::new();
        };
        let mut chosen: Vec<String> = Vec::new();
        for _ in 0..wants {
            if let Some((id, _)) = pick_ref(self.random, bases)
                && !chosen.contains(id)
            {
                chosen.push(id.clone());
            }
        }
        chosen
    }
}

fn pick_ref<'t, T>(random: &mut SeededRandom, items: &'t [T]) -> Option<&'t T> {
    let index = usize::try_from(random.below(items.len() as u64)).ok()?;
    items.get(index)
}

/// A one-year audit period ending at a month's end: recent enough that the registration is
/// still valid on the reference day for services registered or suspended, too old for expired
/// ones.
fn audit_period(random: &mut SeededRandom, status: EntryStatus) -> Option<Period> {
    // Months since January 2021 of the period's last month.
    let month = match status {
        EntryStatus::Registered | EntryStatus::Suspended => between(random, 55, 65),
        EntryStatus::Expired => between(random, 14, 50),
        EntryStatus::Deregistered => between(random, 14, 65),
    };
    let year = 2021 + u16::try_from(month / 12).ok()?;
    let month_of_year = u8::try_from(month % 12 + 1).ok()?;
    let end = CalendarDate::new(year, month_of_year, 1)?;
    let end = CalendarDate::new(
        year,
        month_of_year,
        shinrai_domain::date::days_in_month(year, month_of_year),
    )
    .unwrap_or(end);
    let start = if month_of_year == 12 {
        CalendarDate::new(year, 1, 1)?
    } else {
        CalendarDate::new(year - 1, month_of_year + 1, 1)?
    };
    Some(Period { start, end })
}

fn service_models(random: &mut SeededRandom, main: ServiceModel) -> Vec<ModelScope> {
    let mut models = vec![main];
    // Some IaaS also offer managed servers (PaaS), as in the demo registry.
    if main == ServiceModel::IaaS && chance(random, 20) {
        models.push(ServiceModel::PaaS);
    }
    models
        .into_iter()
        .map(|model| ModelScope {
            model,
            scope: match model {
                ServiceModel::IaaS => Bilingual::new(
                    "事業者が施設、物理機器及び仮想化基盤を管理し、OS 以上は利用者が管理する。",
                    "The provider manages the facilities, hardware and virtualisation; the customer manages everything from the OS up.",
                ),
                ServiceModel::PaaS => Bilingual::new(
                    "事業者が実行環境の構成とパッチ適用まで管理し、利用者はアプリケーションとデータを管理する。",
                    "The provider manages the runtime, its configuration and patches; the customer manages its applications and data.",
                ),
                ServiceModel::SaaS => Bilingual::new(
                    "事業者がアプリケーションまで管理し、利用者は利用者アカウントと入力するデータを管理する。",
                    "The provider manages the whole application; the customer manages its user accounts and the data it enters.",
                ),
            },
        })
        .collect()
}

fn deployment_models(random: &mut SeededRandom) -> Option<Vec<DeploymentModel>> {
    let first = match random.below(10) {
        0..=5 => DeploymentModel::Public,
        6..=7 => DeploymentModel::Community,
        8 => DeploymentModel::Private,
        _ => DeploymentModel::Hybrid,
    };
    let mut models = vec![first];
    if chance(random, 10) {
        let second = pick(random, &DeploymentModel::ALL)?;
        if second != first {
            models.push(second);
        }
    }
    Some(models)
}

fn objectives(random: &mut SeededRandom) -> Vec<String> {
    OBJECTIVES
        .iter()
        .filter(|_| chance(random, 40))
        .map(|id| (*id).to_owned())
        .collect()
}

fn history(
    status: EntryStatus,
    registered_on: CalendarDate,
    valid: CalendarDate,
) -> Option<Vec<StatusChange>> {
    let mut history = vec![StatusChange {
        on: registered_on,
        to: EntryStatus::Registered,
        reason: Bilingual::new("新規登録", "First registration"),
    }];
    let change = |on: CalendarDate, ja: &str, en: &str| StatusChange {
        on,
        to: status,
        reason: Bilingual::new(ja, en),
    };
    match status {
        EntryStatus::Registered => {}
        EntryStatus::Suspended => history.push(change(
            registered_on.add_months_clamped(3)?,
            "重大なインシデントの調査のため一時停止",
            "Suspended while a serious incident is investigated",
        )),
        EntryStatus::Expired => history.push(change(
            valid,
            "有効期間の満了",
            "The registration's validity ended",
        )),
        EntryStatus::Deregistered => history.push(change(
            registered_on.add_months_clamped(6)?,
            "事業者の申出による登録抹消",
            "Deregistered at the provider's request",
        )),
    }
    Some(history)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_registry() {
        let first = generate_registry(300, 7);
        assert_eq!(first.entries.len(), 300);
        assert_eq!(first, generate_registry(300, 7));
        assert_ne!(first.entries, generate_registry(300, 8).entries);
    }

    #[test]
    fn the_registry_is_consistent() {
        let registry = generate_registry(1_000, 1);
        let entries = &registry.entries;
        let mut ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), entries.len(), "registration numbers are unique");
        assert_eq!(
            shinrai_domain::registry::broken_links(entries),
            Vec::<String>::new()
        );
        let by_id: std::collections::HashMap<&str, &RegistryEntry> =
            entries.iter().map(|e| (e.id.as_str(), e)).collect();
        let today = reference_day().unwrap();
        for entry in entries {
            assert!(registry.providers.iter().any(|p| p.id == entry.provider));
            assert!(
                registry
                    .audit_bodies
                    .iter()
                    .any(|a| a.id == entry.audit_body)
            );
            for base in &entry.built_on {
                assert!(entry.level <= by_id[base.as_str()].level, "{}", entry.id);
            }
            assert_eq!(entry.history.last().map(|h| h.to), Some(entry.status));
            assert!(entry.registered_on > entry.audit_period.end);
            match entry.status {
                EntryStatus::Registered | EntryStatus::Suspended => {
                    assert!(entry.valid_until >= today, "{}", entry.id);
                }
                EntryStatus::Expired => assert!(entry.valid_until < today, "{}", entry.id),
                EntryStatus::Deregistered => {}
            }
        }
        for status in EntryStatus::ALL {
            assert!(entries.iter().any(|e| e.status == status), "{status:?}");
        }
        for level in Level::ALL {
            assert!(entries.iter().any(|e| e.level == level));
        }
        assert!(entries.iter().any(|e| !e.built_on.is_empty()));
    }
}
