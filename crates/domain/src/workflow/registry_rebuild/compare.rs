//! The rebuilt registry against the stored one: entries on one side only, the recomputed
//! fields (status, level, validity, history), the document the last event wrote, and where
//! the `lifecycle` rule puts each entry on the day.

use std::collections::BTreeMap;

use super::RebuildReport;
use super::findings::{Field, Finding, entry_status};
use super::replay::{Rebuild, Rebuilt};
use crate::date::CalendarDate;
use crate::registry::{RegistryEntry, StatusChange};

pub(super) fn check(
    rebuild: &mut Rebuild,
    stored: &[RegistryEntry],
    as_of: CalendarDate,
) -> RebuildReport {
    let mut findings = std::mem::take(&mut rebuild.findings);
    let stored_by_id: BTreeMap<&str, &RegistryEntry> = stored
        .iter()
        .map(|entry| (entry.id.as_str(), entry))
        .collect();
    for entry in stored_by_id.keys() {
        if !rebuild.entries.contains_key(*entry) {
            findings.push(Finding::Unlogged {
                entry: (*entry).to_owned(),
            });
        }
    }
    let ids: Vec<String> = rebuild.entries.keys().cloned().collect();
    for id in &ids {
        let Some(rebuilt) = rebuild.entries.get(id) else {
            continue;
        };
        match stored_by_id.get(id.as_str()) {
            Some(stored) => compare_entry(rebuilt, stored, &mut findings),
            None => findings.push(Finding::Missing { entry: id.clone() }),
        }
        let status = rebuilt.status;
        if let Some(standing) = rebuild
            .standing_on(as_of, id)
            .filter(|standing| entry_status(standing.status) != status)
        {
            findings.push(Finding::LifecycleDue {
                entry: id.clone(),
                status,
                lifecycle: standing.status,
                reason: standing.reason,
                since: standing.since,
            });
        }
    }
    RebuildReport {
        as_of,
        events_read: rebuild.events_read,
        entries_rebuilt: rebuild.entries.len(),
        entries_stored: stored.len(),
        findings,
    }
}

fn compare_entry(rebuilt: &Rebuilt, stored: &RegistryEntry, findings: &mut Vec<Finding>) {
    let entry = &stored.id;
    let mut differs = |field: Field, stored: String, rebuilt: String| {
        if stored != rebuilt {
            findings.push(Finding::Differs {
                entry: entry.clone(),
                field,
                stored,
                rebuilt,
            });
        }
    };
    differs(
        Field::Status,
        stored.status.code().to_owned(),
        rebuilt.status.code().to_owned(),
    );
    differs(
        Field::Level,
        stored.level.get().to_string(),
        rebuilt.level.get().to_string(),
    );
    differs(
        Field::ValidUntil,
        stored.valid_until.to_string(),
        rebuilt.valid_until.to_string(),
    );
    if let Some((stored_line, rebuilt_line)) = first_difference(&stored.history, &rebuilt.history) {
        differs(Field::History, stored_line, rebuilt_line);
    }
    if *stored != rebuilt.logged {
        findings.push(Finding::NotAsLogged {
            entry: entry.clone(),
            seq: rebuilt.last_seq,
        });
    }
}

/// The first line where two histories part, each side written out (`—`: no such line).
fn first_difference(stored: &[StatusChange], rebuilt: &[StatusChange]) -> Option<(String, String)> {
    let lines = stored.len().max(rebuilt.len());
    (0..lines).find_map(|index| {
        let left = stored.get(index);
        let right = rebuilt.get(index);
        (left != right).then(|| (line(index, left), line(index, right)))
    })
}

fn line(index: usize, change: Option<&StatusChange>) -> String {
    match change {
        Some(change) => format!(
            "#{} {} {} \"{}\"",
            index + 1,
            change.on,
            change.to.code(),
            change.reason.en
        ),
        None => format!("#{} —", index + 1),
    }
}
