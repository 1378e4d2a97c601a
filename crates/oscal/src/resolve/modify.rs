//! Tailoring the merged controls: setting parameters and altering controls (removals, then
//! additions), as the profile's `modify` says.

use std::collections::{HashMap, HashSet};

use shinrai_domain::text::Bilingual;

use super::Note;
use super::merge::{Merged, for_each_control_mut};
use crate::model::catalog::{Control, Group};
use crate::model::common::{Link, Parameter, Part, Property};
use crate::model::profile::{Add, Alter, Modify, Remove, SetParameter};

/// A tailoring instruction that cannot be carried out: an alteration of a control no import
/// has, or parts added into a parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    pub pointer: String,
    pub why: Bilingual,
}

/// What the imported catalogs held before selection, to tell "not selected" from "unknown".
pub struct SourceIds {
    pub controls: HashSet<String>,
    pub params: HashSet<String>,
}

/// Alterations first, then parameter settings, so that a profile can set a parameter it adds.
pub fn apply(
    merged: &mut Merged,
    modify: &Modify,
    base: &str,
    source: &SourceIds,
    notes: &mut Vec<Note>,
) -> Result<(), Unknown> {
    alter_controls(
        merged,
        modify.alters.as_deref().unwrap_or_default(),
        base,
        source,
        notes,
    )?;
    let added = added_param_ids(modify);
    set_parameters(
        merged,
        modify.set_parameters.as_deref().unwrap_or_default(),
        base,
        source,
        &added,
        notes,
    );
    Ok(())
}

/// Parameters the profile's own alterations add.
fn added_param_ids(modify: &Modify) -> HashSet<String> {
    modify
        .alters
        .iter()
        .flatten()
        .flat_map(|alter| alter.adds.iter().flatten())
        .flat_map(|add| add.params.iter().flatten())
        .map(|param| param.id.clone())
        .collect()
}

fn set_parameters(
    merged: &mut Merged,
    settings: &[SetParameter],
    base: &str,
    source: &SourceIds,
    added: &HashSet<String>,
    notes: &mut Vec<Note>,
) {
    let mut by_id: HashMap<&str, Vec<&SetParameter>> = HashMap::new();
    for setting in settings {
        by_id
            .entry(setting.param_id.as_str())
            .or_default()
            .push(setting);
    }
    let mut applied = HashSet::new();
    for_each_param_mut(merged, &mut |param| {
        if let Some(list) = by_id.get(param.id.as_str()) {
            for setting in list {
                set_parameter(param, setting);
            }
            applied.insert(param.id.clone());
        }
    });
    for (index, setting) in settings.iter().enumerate() {
        if applied.contains(&setting.param_id) {
            continue;
        }
        let id = &setting.param_id;
        // Either way resolution goes on: "Setting Parameters" wants a warning, not a stop.
        let message = if source.params.contains(id) || added.contains(id) {
            Bilingual::new(
                format!(
                    "パラメータ {id} は解決後のカタログにないため（管理策が選択されなかったか、取り除かれたため）、設定は使われません"
                ),
                format!(
                    "parameter {id} is not in the resolved catalog (its control was not selected, or it was removed); the setting is unused"
                ),
            )
        } else {
            Bilingual::new(
                format!(
                    "取り込んだカタログにもこのプロファイルにもパラメータ {id} がないため、設定を飛ばしました"
                ),
                format!(
                    "neither the imported catalogs nor the profile have parameter {id}; the setting is skipped"
                ),
            )
        };
        notes.push(Note {
            file: String::new(),
            pointer: format!("{base}/set-parameters/{index}/param-id"),
            message,
        });
    }
}

/// Labels, usage, class and values (or the choice) are replaced; constraints, guidelines,
/// properties and links are added after those already there.
fn set_parameter(param: &mut Parameter, setting: &SetParameter) {
    if setting.class.is_some() {
        param.class.clone_from(&setting.class);
    }
    if setting.depends_on.is_some() {
        param.depends_on.clone_from(&setting.depends_on);
    }
    if setting.label.is_some() {
        param.label.clone_from(&setting.label);
    }
    if setting.usage.is_some() {
        param.usage.clone_from(&setting.usage);
    }
    append(&mut param.props, setting.props.as_ref());
    append(&mut param.links, setting.links.as_ref());
    append(&mut param.constraints, setting.constraints.as_ref());
    append(&mut param.guidelines, setting.guidelines.as_ref());
    if let Some(values) = &setting.values {
        param.values = Some(values.clone());
        param.select = None;
    }
    if let Some(select) = &setting.select {
        param.select = Some(select.clone());
        param.values = None;
    }
}

fn append<T: Clone>(into: &mut Option<Vec<T>>, more: Option<&Vec<T>>) {
    if let Some(more) = more {
        into.get_or_insert_with(Vec::new)
            .extend(more.iter().cloned());
    }
}

fn prepend<T: Clone>(into: &mut Option<Vec<T>>, more: Option<&Vec<T>>) {
    if let Some(more) = more {
        let list = into.get_or_insert_with(Vec::new);
        list.splice(0..0, more.iter().cloned());
    }
}

/// Every parameter of the merged catalog: loose ones, groups' and controls'.
fn for_each_param_mut(merged: &mut Merged, visit: &mut dyn FnMut(&mut Parameter)) {
    merged.params.iter_mut().for_each(&mut *visit);
    fn groups(list: &mut [Group], visit: &mut dyn FnMut(&mut Parameter)) {
        for group in list {
            group.params.iter_mut().flatten().for_each(&mut *visit);
            groups(group.groups.as_deref_mut().unwrap_or_default(), visit);
        }
    }
    groups(&mut merged.groups, visit);
    for_each_control_mut(&mut merged.controls, &mut merged.groups, &mut |control| {
        control.params.iter_mut().flatten().for_each(&mut *visit);
    });
}

fn alter_controls(
    merged: &mut Merged,
    alters: &[Alter],
    base: &str,
    source: &SourceIds,
    notes: &mut Vec<Note>,
) -> Result<(), Unknown> {
    let mut by_control: HashMap<&str, Vec<(usize, &Alter)>> = HashMap::new();
    for (index, alter) in alters.iter().enumerate() {
        by_control
            .entry(alter.control_id.as_str())
            .or_default()
            .push((index, alter));
    }
    let mut failure: Option<Unknown> = None;
    let mut altered = HashSet::new();
    for_each_control_mut(&mut merged.controls, &mut merged.groups, &mut |control| {
        let Some(list) = by_control.get(control.id.as_str()) else {
            return;
        };
        altered.insert(control.id.clone());
        for (index, alter) in list {
            let pointer = format!("{base}/alters/{index}");
            for remove in alter.removes.iter().flatten() {
                remove_from_control(control, remove);
            }
            for (add_index, add) in alter.adds.iter().flatten().enumerate() {
                let add_pointer = format!("{pointer}/adds/{add_index}");
                match add_to_control(control, add, &add_pointer) {
                    Ok(Addition::Made) => {}
                    Ok(Addition::NoTarget(target)) => {
                        notes.push(inoperative_addition(&control.id, &target, add_pointer));
                    }
                    Ok(Addition::NamesControl) => {
                        notes.push(addition_bound_to_control(&control.id, add_pointer));
                    }
                    Err(unknown) => {
                        failure.get_or_insert(unknown);
                    }
                }
            }
        }
    });
    if let Some(unknown) = failure {
        return Err(unknown);
    }
    for (index, alter) in alters.iter().enumerate() {
        let id = &alter.control_id;
        if altered.contains(id) {
            continue;
        }
        let pointer = format!("{base}/alters/{index}/control-id");
        if source.controls.contains(id) {
            notes.push(Note {
                file: String::new(),
                pointer,
                message: Bilingual::new(
                    format!("管理策 {id} は選択されていないため、変更は使われません"),
                    format!("control {id} was not selected; the alteration is unused"),
                ),
            });
        } else {
            return Err(Unknown {
                pointer,
                why: Bilingual::new(
                    format!("取り込んだカタログに管理策 {id} がありません"),
                    format!("the imported catalogs have no control {id}"),
                ),
            });
        }
    }
    Ok(())
}

/// What an item is, for `by-item-name`, with the attributes removal can match on.
struct Item<'a> {
    kind: &'static str,
    name: Option<&'a str>,
    class: Option<&'a str>,
    id: Option<&'a str>,
    ns: Option<&'a str>,
}

fn matches_remove(remove: &Remove, item: &Item<'_>) -> bool {
    let criteria = [
        (remove.by_name.as_deref(), item.name),
        (remove.by_class.as_deref(), item.class),
        (remove.by_id.as_deref(), item.id),
        (remove.by_item_name.as_deref(), Some(item.kind)),
        (remove.by_ns.as_deref(), item.ns),
    ];
    let given = criteria
        .iter()
        .filter(|(wanted, _)| wanted.is_some())
        .count();
    given > 0
        && criteria
            .iter()
            .all(|(wanted, actual)| wanted.is_none() || wanted == actual)
}

/// The namespace of a property or part that names none ("Removing contents from controls":
/// `by-ns` with OSCAL's namespace addresses the objects in it by default).
const OSCAL_NS: &str = "http://csrc.nist.gov/ns/oscal";

fn prop_item(prop: &Property) -> Item<'_> {
    Item {
        kind: "prop",
        name: Some(&prop.name),
        class: prop.class.as_deref(),
        id: None,
        ns: Some(prop.ns.as_deref().unwrap_or(OSCAL_NS)),
    }
}

fn part_item(part: &Part) -> Item<'_> {
    Item {
        kind: "part",
        name: Some(&part.name),
        class: part.class.as_deref(),
        id: part.id.as_deref(),
        ns: Some(part.ns.as_deref().unwrap_or(OSCAL_NS)),
    }
}

fn param_item(param: &Parameter) -> Item<'_> {
    Item {
        kind: "param",
        name: None,
        class: param.class.as_deref(),
        id: Some(&param.id),
        ns: None,
    }
}

fn link_item(_link: &Link) -> Item<'_> {
    Item {
        kind: "link",
        name: None,
        class: None,
        id: None,
        ns: None,
    }
}

fn retain<T>(list: &mut Option<Vec<T>>, keep: impl Fn(&T) -> bool) {
    if let Some(items) = list {
        items.retain(|item| keep(item));
        if items.is_empty() {
            *list = None;
        }
    }
}

/// Removes every matching item anywhere in the control (its parts included, not its child
/// controls, which are controls of their own).
fn remove_from_control(control: &mut Control, remove: &Remove) {
    retain(&mut control.params, |param| {
        !matches_remove(remove, &param_item(param))
    });
    retain(&mut control.props, |prop| {
        !matches_remove(remove, &prop_item(prop))
    });
    retain(&mut control.links, |link| {
        !matches_remove(remove, &link_item(link))
    });
    remove_from_parts(&mut control.parts, remove);
    for param in control.params.iter_mut().flatten() {
        retain(&mut param.props, |prop| {
            !matches_remove(remove, &prop_item(prop))
        });
        retain(&mut param.links, |link| {
            !matches_remove(remove, &link_item(link))
        });
    }
}

fn remove_from_parts(parts: &mut Option<Vec<Part>>, remove: &Remove) {
    retain(parts, |part| !matches_remove(remove, &part_item(part)));
    for part in parts.iter_mut().flatten() {
        retain(&mut part.props, |prop| {
            !matches_remove(remove, &prop_item(prop))
        });
        retain(&mut part.links, |link| {
            !matches_remove(remove, &link_item(link))
        });
        remove_from_parts(&mut part.parts, remove);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    Before,
    After,
    Starting,
    Ending,
}

fn position(add: &Add) -> Position {
    match add.position.as_deref() {
        Some("before") => Position::Before,
        Some("after") => Position::After,
        Some("starting") => Position::Starting,
        _ => Position::Ending,
    }
}

/// What became of one `add`.
enum Addition {
    Made,
    /// Its `by-id` names nothing inside the control (the id it names).
    NoTarget(String),
    /// Its `by-id` names the control itself.
    NamesControl,
}

/// "Explicit binding": an `add` whose `by-id` names nothing in its control is inoperative and
/// ignored, and may be warned about.
fn inoperative_addition(control: &str, target: &str, add_pointer: String) -> Note {
    Note {
        file: String::new(),
        pointer: format!("{add_pointer}/by-id"),
        message: Bilingual::new(
            format!(
                "管理策 {control} に id が {target} の部分もパラメータもないため、この追加は無視しました"
            ),
            format!(
                "control {control} has no part or parameter with id {target}; the addition is ignored"
            ),
        ),
    }
}

/// `by-id` naming the control itself: the explicit binding targets nothing inside the control.
fn addition_bound_to_control(control: &str, add_pointer: String) -> Note {
    Note {
        file: String::new(),
        pointer: format!("{add_pointer}/by-id"),
        message: Bilingual::new(
            format!(
                "by-id が管理策 {control} そのものを指しているため、この追加は無視しました（by-id は管理策の中の部分やパラメータを指します。管理策そのものに加えるには by-id を省きます）"
            ),
            format!(
                "by-id names control {control} itself, so the addition is ignored (by-id names a part or parameter inside the control; leave it out to add to the control itself)"
            ),
        ),
    }
}

fn add_to_control(control: &mut Control, add: &Add, pointer: &str) -> Result<Addition, Unknown> {
    let position = position(add);
    let Some(target) = add.by_id.as_deref() else {
        // Implicit binding, relative to the control itself: before/after make no sense there and
        // count as starting/ending (`req-modify-alter-add-implicit-position`).
        let at_start = matches!(position, Position::Starting | Position::Before);
        if let Some(title) = &add.title {
            control.title.clone_from(title);
        }
        insert_into(&mut control.params, add.params.as_ref(), at_start);
        insert_into(&mut control.props, add.props.as_ref(), at_start);
        insert_into(&mut control.links, add.links.as_ref(), at_start);
        insert_into(&mut control.parts, add.parts.as_ref(), at_start);
        return Ok(Addition::Made);
    };
    // An explicit binding names an object inside the control, "and not the control itself"
    // (`req-modify-alter-add-explicit-id`); one that does not is inoperative and ignored
    // (`req-modify-alter-add-explicit-id-ignore`).
    if target == control.id {
        return Ok(Addition::NamesControl);
    }
    let into_param = matches!(position, Position::Starting | Position::Ending)
        && control
            .params
            .iter()
            .flatten()
            .any(|param| param.id == target);
    if into_param && add.parts.is_some() {
        return Err(Unknown {
            pointer: format!("{pointer}/parts"),
            why: Bilingual::new(
                format!("パラメータ {target} には部分（part）を加えられません"),
                format!("parts cannot be added into parameter {target}"),
            ),
        });
    }
    let found = match position {
        Position::Starting | Position::Ending => {
            add_inside(control, target, add, position == Position::Starting)
        }
        Position::Before | Position::After => {
            add_beside(control, target, add, position == Position::Before)
        }
    };
    Ok(if found {
        Addition::Made
    } else {
        Addition::NoTarget(target.to_owned())
    })
}

fn insert_into<T: Clone>(list: &mut Option<Vec<T>>, items: Option<&Vec<T>>, at_start: bool) {
    if at_start {
        prepend(list, items);
    } else {
        append(list, items);
    }
}

/// Adds into the part or parameter named `target`. Parameters go to the control, since parts
/// cannot hold them.
fn add_inside(control: &mut Control, target: &str, add: &Add, at_start: bool) -> bool {
    if let Some(param) = control.params.iter_mut().flatten().find(|p| p.id == target) {
        insert_into(&mut param.props, add.props.as_ref(), at_start);
        insert_into(&mut param.links, add.links.as_ref(), at_start);
        insert_into(&mut control.params, add.params.as_ref(), at_start);
        return true;
    }
    let mut done = false;
    with_part_mut(
        control.parts.as_deref_mut().unwrap_or_default(),
        target,
        &mut |part| {
            if let Some(title) = &add.title {
                part.title = Some(title.clone());
            }
            insert_into(&mut part.props, add.props.as_ref(), at_start);
            insert_into(&mut part.links, add.links.as_ref(), at_start);
            insert_into(&mut part.parts, add.parts.as_ref(), at_start);
            done = true;
        },
    );
    if done {
        insert_into(&mut control.params, add.params.as_ref(), at_start);
    }
    done
}

/// Adds next to the part or parameter named `target`: parts and parameters as its siblings,
/// properties and links to the control.
fn add_beside(control: &mut Control, target: &str, add: &Add, before: bool) -> bool {
    let new_params = add.params.as_deref().unwrap_or_default();
    if let Some(params) = control.params.as_mut()
        && let Some(index) = params.iter().position(|p| p.id == target)
    {
        let at = if before { index } else { index + 1 };
        params.splice(at..at, new_params.iter().cloned());
        append(&mut control.props, add.props.as_ref());
        append(&mut control.links, add.links.as_ref());
        append(&mut control.parts, add.parts.as_ref());
        return true;
    }
    let new_parts = add.parts.as_deref().unwrap_or_default();
    let found = insert_beside_part(control.parts.as_mut(), target, before, new_parts);
    if found {
        append(&mut control.params, add.params.as_ref());
        append(&mut control.props, add.props.as_ref());
        append(&mut control.links, add.links.as_ref());
    }
    found
}

fn with_part_mut(parts: &mut [Part], id: &str, visit: &mut dyn FnMut(&mut Part)) -> bool {
    for part in parts {
        if part.id.as_deref() == Some(id) {
            visit(part);
            return true;
        }
        if with_part_mut(part.parts.as_deref_mut().unwrap_or_default(), id, visit) {
            return true;
        }
    }
    false
}

fn insert_beside_part(parts: Option<&mut Vec<Part>>, id: &str, before: bool, new: &[Part]) -> bool {
    let Some(parts) = parts else {
        return false;
    };
    if let Some(index) = parts.iter().position(|p| p.id.as_deref() == Some(id)) {
        let at = if before { index } else { index + 1 };
        parts.splice(at..at, new.iter().cloned());
        return true;
    }
    parts
        .iter_mut()
        .any(|part| insert_beside_part(part.parts.as_mut(), id, before, new))
}
