//! A profile checked against the catalogs it imports: the controls its imports select and its
//! merge inserts exist (and are not withdrawn), its alterations name controls, parts and
//! parameters that exist, and its settings name parameters that exist. What the specification
//! lets resolution pass over (an addition or removal that matches nothing, a setting of an unknown
//! parameter) is a note, not a problem.

use std::collections::HashSet;

use serde_json::Value;
use shinrai_domain::text::Bilingual;

use super::imported::{CatalogIndex, Imported, inner_ids};
use super::{Findings, Problem, code, push_segment};

fn strings(value: Option<&Value>) -> impl Iterator<Item = (usize, &str)> {
    value
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(index, item)| item.as_str().map(|text| (index, text)))
}

fn objects(value: Option<&Value>) -> impl Iterator<Item = (usize, &Value)> {
    value
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .filter(|(_, item)| item.is_object())
}

fn missing_control(pointer: String, id: &str) -> Problem {
    Problem::new(
        pointer,
        code::MISSING_CONTROL,
        Bilingual::new(
            format!("管理策 \"{id}\" が取り込み先のカタログにありません"),
            format!("control \"{id}\" is not in the imported catalog"),
        ),
    )
}

/// A profile's selections and tailoring against its imported catalogs.
///
/// `added` are the ids the profile's own additions define and `own_params` the parameters it
/// defines: an alteration or a setting may name them as well as the catalogs' own.
pub(super) fn check_profile(
    profile: &Value,
    imported: &Imported<'_>,
    added: &HashSet<&str>,
    own_params: &HashSet<&str>,
    findings: &mut Findings,
) {
    for (i, import) in objects(profile.get("imports")) {
        let base = format!("/profile/imports/{i}");
        let Some(Some(index)) = imported.per_import.get(i) else {
            let href = import
                .get("href")
                .and_then(Value::as_str)
                .unwrap_or_default();
            findings.notes.push(Problem::new(
                base,
                code::IMPORT_NOT_CHECKED,
                Bilingual::new(
                    format!("取り込み先 \"{href}\" のカタログがないため、この取り込みの選択は確認していません"),
                    format!("the catalog of import \"{href}\" was not available, so its selections were not checked"),
                ),
            ));
            continue;
        };
        for (including, key) in [(true, "include-controls"), (false, "exclude-controls")] {
            for (j, selection) in objects(import.get(key)) {
                for (k, id) in strings(selection.get("with-ids")) {
                    let pointer = format!("{base}/{key}/{j}/with-ids/{k}");
                    match index.controls.get(id) {
                        None => findings.problems.push(missing_control(pointer, id)),
                        Some(control) if including && control.is_withdrawn() => {
                            findings.problems.push(Problem::new(
                                pointer,
                                code::WITHDRAWN_CONTROL,
                                Bilingual::new(
                                    format!(
                                        "管理策 \"{id}\" は撤回されています（status = withdrawn）"
                                    ),
                                    format!("control \"{id}\" is withdrawn (status = withdrawn)"),
                                ),
                            ));
                        }
                        Some(_) => {}
                    }
                }
            }
        }
    }
    // Tailoring may name a control of any import: only checkable with all of them.
    if !imported.all_loaded {
        return;
    }
    let union = imported.union();
    let modify = profile.get("modify");
    for (i, alter) in objects(modify.and_then(|m| m.get("alters"))) {
        let base = format!("/profile/modify/alters/{i}");
        let Some(id) = alter.get("control-id").and_then(Value::as_str) else {
            continue;
        };
        let Some(control) = union.controls.get(id) else {
            findings
                .problems
                .push(missing_control(format!("{base}/control-id"), id));
            continue;
        };
        let inner = inner_ids(control);
        // Notes, not problems: the specification makes such an add inoperative ("Explicit
        // binding") and such a remove matches nothing ("Removing contents from controls").
        for (key, outcome_ja, outcome_en) in [
            ("adds", "この追加は無視されます", "the addition is ignored"),
            (
                "removes",
                "この削除は何も取り除きません",
                "the removal removes nothing",
            ),
        ] {
            for (j, change) in objects(alter.get(key)) {
                let Some(by_id) = change.get("by-id").and_then(Value::as_str) else {
                    continue;
                };
                // `by-id` names an object inside the control, "and not the control itself"
                // (`req-modify-alter-add-explicit-id`).
                let message = if by_id == id {
                    Bilingual::new(
                        format!(
                            "by-id \"{by_id}\" は管理策そのものを指し、その中の部分（part）やパラメータを指していないため、{outcome_ja}"
                        ),
                        format!(
                            "by-id \"{by_id}\" names the control itself, not a part or parameter inside it; {outcome_en}"
                        ),
                    )
                } else if !inner.contains(by_id) && !added.contains(by_id) {
                    Bilingual::new(
                        format!(
                            "by-id \"{by_id}\" は管理策 \"{id}\" の部分（part）にもパラメータにもないため、{outcome_ja}"
                        ),
                        format!(
                            "by-id \"{by_id}\" names no part or parameter of control \"{id}\"; {outcome_en}"
                        ),
                    )
                } else {
                    continue;
                };
                findings.notes.push(Problem::new(
                    format!("{base}/{key}/{j}/by-id"),
                    code::UNKNOWN_PART,
                    message,
                ));
            }
        }
    }
    for (i, setting) in objects(modify.and_then(|m| m.get("set-parameters"))) {
        let Some(id) = setting.get("param-id").and_then(Value::as_str) else {
            continue;
        };
        // A note: "Setting Parameters" asks for a warning and for resolution to go on.
        if !union.params.contains(id) && !own_params.contains(id) {
            findings.notes.push(Problem::new(
                format!("/profile/modify/set-parameters/{i}/param-id"),
                code::UNKNOWN_PARAM,
                Bilingual::new(
                    format!("パラメータ \"{id}\" が取り込み先のカタログにもこのプロファイルにもないため、この設定は飛ばされます"),
                    format!("parameter \"{id}\" is neither in the imported catalogs nor in the profile; the setting is skipped"),
                ),
            ));
        }
    }
    if let Some(merge) = profile.get("merge") {
        let mut pointer = "/profile/merge".to_owned();
        merge_selections(merge, &mut pointer, union, findings);
    }
}

/// `with-ids` anywhere under `merge` (custom groups' `insert-controls`) must name imported
/// controls.
fn merge_selections(
    value: &Value,
    pointer: &mut String,
    union: &CatalogIndex<'_>,
    findings: &mut Findings,
) {
    let length = pointer.len();
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                push_segment(pointer, key);
                if key == "with-ids" {
                    for (k, id) in strings(Some(child)) {
                        if !union.controls.contains_key(id) {
                            findings
                                .problems
                                .push(missing_control(format!("{pointer}/{k}"), id));
                        }
                    }
                } else {
                    merge_selections(child, pointer, union, findings);
                }
                pointer.truncate(length);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                pointer.push('/');
                pointer.push_str(&index.to_string());
                merge_selections(child, pointer, union, findings);
                pointer.truncate(length);
            }
        }
        _ => {}
    }
}
