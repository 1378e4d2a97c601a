//! The checks of the pre-check. Each finding is found once, with the lowest level at which it
//! counts: a control or item that applies at a level applies at every level above it, and a
//! registration below a level is below every level above it, so a finding at one level is a
//! finding at every higher level too.

use std::collections::{BTreeMap, BTreeSet};

use crate::applicability::Applicable;
use crate::fast_hash::{FastMap, FastSet};
use crate::level::Level;
use crate::registration::underlying::{Standing, unevaluated_dependencies};
use crate::text::is_blank;

use super::case::{Control, Item, ItemStatement, ItemStatus, PrecheckCase, Selection};
use super::finding::{Gap, ItemNamedIn, ItemPart, Kind, NamedIn};

/// Every finding of the case, at whichever level it first counts; at most one per subject and
/// code.
pub(super) fn gaps(case: &PrecheckCase) -> Vec<Gap<'_>> {
    let facts = Facts::new(case);
    let mut gaps = Vec::new();
    check_unknown_controls(&facts, &mut gaps);
    check_selections(&facts, &mut gaps);
    check_exclusions(&facts, &mut gaps);
    check_controls(&facts, &mut gaps);
    check_items(case, &mut gaps);
    check_underlying(case, &mut gaps);
    gaps
}

/// Look-up tables built once per check.
struct Facts<'a> {
    case: &'a PrecheckCase,
    controls: FastMap<&'a str, &'a Control>,
    selected: FastSet<&'a str>,
    excluded: FastSet<&'a str>,
}

impl<'a> Facts<'a> {
    fn new(case: &'a PrecheckCase) -> Facts<'a> {
        let statement = &case.statement;
        Facts {
            case,
            controls: case
                .criteria
                .controls
                .iter()
                .map(|control| (control.id.as_str(), control))
                .collect(),
            selected: statement
                .selected
                .iter()
                .map(|selection| selection.control.as_str())
                .collect(),
            excluded: statement
                .excluded
                .iter()
                .map(|exclusion| exclusion.control.as_str())
                .collect(),
        }
    }
}

fn check_unknown_controls<'a>(facts: &Facts<'a>, gaps: &mut Vec<Gap<'a>>) {
    let statement = &facts.case.statement;
    let mut unknown: BTreeMap<&str, NamedIn> = BTreeMap::new();
    for selection in &statement.selected {
        let id = selection.control.as_str();
        if !facts.controls.contains_key(id) {
            unknown.entry(id).or_default().selected = true;
        }
    }
    for exclusion in &statement.excluded {
        let id = exclusion.control.as_str();
        if !facts.controls.contains_key(id) {
            unknown.entry(id).or_default().excluded = true;
        }
    }
    gaps.extend(
        unknown
            .into_iter()
            .map(|(id, named_in)| Gap::everywhere(id, Kind::UnknownControl(named_in))),
    );
}

/// What the statement says of each selected control, whether or not the criteria know it: a
/// control the criteria lack has no technology examples.
fn check_selections<'a>(facts: &Facts<'a>, gaps: &mut Vec<Gap<'a>>) {
    for selection in &facts.case.statement.selected {
        let id = selection.control.as_str();
        if facts.excluded.contains(id) {
            gaps.push(Gap::everywhere(id, Kind::SelectedAndExcluded));
        }
        if is_blank(&selection.individual_control) {
            gaps.push(Gap::everywhere(id, Kind::IndividualControlMissing));
        }
        let examples = facts
            .controls
            .get(id)
            .map_or(&[][..], |control| control.technology_examples.as_slice());
        let free = free_technologies(selection, examples);
        if !free.is_empty() && is_blank(&selection.rationale) {
            gaps.push(Gap::everywhere(id, Kind::RationaleMissing(free)));
        }
    }
}

/// The technologies of a selection that are not among `examples` (exact match), each once,
/// sorted, so that the answer does not depend on the order the statement lists them in.
fn free_technologies<'a>(selection: &'a Selection, examples: &[String]) -> Vec<&'a str> {
    let free: BTreeSet<&str> = selection
        .technologies
        .iter()
        .filter(|technology| !examples.contains(technology))
        .map(String::as_str)
        .collect();
    free.into_iter().collect()
}

fn check_exclusions<'a>(facts: &Facts<'a>, gaps: &mut Vec<Gap<'a>>) {
    for exclusion in &facts.case.statement.excluded {
        if is_blank(&exclusion.reason) {
            gaps.push(Gap::everywhere(
                &exclusion.control,
                Kind::ExclusionWithoutReason,
            ));
        }
    }
}

/// Controls that apply from some level: each must be selected or excluded from there on, and a
/// mandatory one may not be excluded.
fn check_controls<'a>(facts: &Facts<'a>, gaps: &mut Vec<Gap<'a>>) {
    let offered = &facts.case.application.service_models;
    for control in &facts.case.criteria.controls {
        let Some(from) = control.applies_from(offered) else {
            continue;
        };
        let id = control.id.as_str();
        let excluded = facts.excluded.contains(id);
        if !excluded && !facts.selected.contains(id) {
            gaps.push(Gap {
                subject: id,
                from,
                kind: Kind::ControlNotAddressed,
            });
        }
        if excluded && control.mandatory {
            gaps.push(Gap {
                subject: id,
                from,
                kind: Kind::MandatoryControlExcluded,
            });
        }
    }
}

fn check_items<'a>(case: &'a PrecheckCase, gaps: &mut Vec<Gap<'a>>) {
    let criteria = &case.criteria;
    let statement = &case.statement;
    let offered = &case.application.service_models;
    let parts = [
        (
            ItemPart::Governance,
            &criteria.governance,
            &statement.governance,
        ),
        (
            ItemPart::Management,
            &criteria.management,
            &statement.management,
        ),
    ];
    let mut unknown: BTreeMap<&str, ItemNamedIn> = BTreeMap::new();
    for (part, items, stated) in parts {
        check_item_statuses(part, items, stated, offered, gaps);
        let known: FastSet<&str> = items.iter().map(|item| item.id.as_str()).collect();
        for entry in stated
            .iter()
            .filter(|entry| !known.contains(entry.item.as_str()))
        {
            let named_in = unknown.entry(&entry.item).or_default();
            match part {
                ItemPart::Governance => named_in.governance = true,
                ItemPart::Management => named_in.management = true,
            }
        }
    }
    gaps.extend(
        unknown
            .into_iter()
            .map(|(id, named_in)| Gap::everywhere(id, Kind::UnknownItem(named_in))),
    );
}

/// Every item of one part that applies from some level must be stated as implemented.
fn check_item_statuses<'a>(
    part: ItemPart,
    items: &'a [Item],
    stated: &[ItemStatement],
    offered: &[crate::service_model::ServiceModel],
    gaps: &mut Vec<Gap<'a>>,
) {
    let statuses: FastMap<&str, ItemStatus> = stated
        .iter()
        .map(|entry| (entry.item.as_str(), entry.status))
        .collect();
    for item in items {
        let Some(from) = item.applies_from(offered) else {
            continue;
        };
        let status = statuses.get(item.id.as_str()).copied();
        if status != Some(ItemStatus::Implemented) {
            gaps.push(Gap {
                subject: &item.id,
                from,
                kind: Kind::ItemNotImplemented(part, status),
            });
        }
    }
}

/// An unregistered underlying service stands in the way at every level; one registered at a
/// level, at every level above it.
fn check_underlying<'a>(case: &'a PrecheckCase, gaps: &mut Vec<Gap<'a>>) {
    let application = &case.application;
    let dependencies = unevaluated_dependencies(
        &application.depends_on,
        &application.underlying_evaluated_in_audit,
        &case.registry,
    );
    for (service, standing) in dependencies {
        match standing {
            Standing::NotRegistered(status) => {
                gaps.push(Gap::everywhere(
                    service,
                    Kind::UnderlyingNotRegistered(status),
                ));
            }
            Standing::Registered(level) => {
                if let Some(from) = Level::new(level.get() + 1) {
                    gaps.push(Gap {
                        subject: service,
                        from,
                        kind: Kind::UnderlyingLevelTooLow(level),
                    });
                }
            }
        }
    }
}
