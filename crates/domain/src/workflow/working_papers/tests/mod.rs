//! The working papers' transitions, a module per phase; the helpers they share are here.

mod conclusions;
mod design;
mod evidence;
mod fair;
mod internal_audit;
mod operation;
mod reliance;

use super::*;
use crate::criteria::demo::demo_criteria;
use crate::date::CalendarDate;
use crate::registry::Period;
use crate::sampling::Frequency;
use crate::text::Bilingual;
use crate::workflow::audit::tests::{
    JUNE_2026, auditor, full_conclusions, in_progress, signed, submitted,
};
use crate::workflow::audit::{Conclusions, conclude};
use crate::workflow::service::tests::provider;
use crate::workflow::statement::{self, Statement};
use crate::workflow::{Conflict, Moment, NotAllowed, Refusal};

pub(super) fn at(offset: i64) -> Moment {
    Moment::at(JUNE_2026 + 10 + offset)
}

pub(super) fn text(ja: &str, en: &str) -> Bilingual {
    Bilingual::new(ja, en)
}

pub(super) fn first_selected(statement: &Statement) -> String {
    statement.content.selected[0].control.clone()
}

pub(super) fn codes(refusal: Refusal) -> Vec<String> {
    match refusal {
        Refusal::Invalid(errors) => errors.into_iter().map(|e| e.code.to_owned()).collect(),
        other => vec![format!("{other:?}")],
    }
}

pub(super) fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

/// `n` daily occurrences from the first day of the audit period (2025-10-01).
pub(super) fn occurrences(n: usize) -> Vec<Occurrence> {
    let mut on = day("2025-10-01");
    (0..n)
        .map(|i| {
            let occurrence = Occurrence {
                on,
                reference: format!("job-{i}"),
            };
            on = on.add_days(1).unwrap();
            occurrence
        })
        .collect()
}

pub(super) fn frozen_at() -> LogPoint {
    LogPoint {
        seq: 42,
        hash: "ab".repeat(32),
    }
}

/// Papers of the first selected control with a daily frequency, a frozen population of 180
/// and the first sample drawn.
pub(super) fn sampled() -> (ControlWork, Vec<u64>) {
    let audit = in_progress();
    let statement = submitted();
    let control = first_selected(&statement);
    let work = set_frequency(
        &audit,
        &statement,
        None,
        &control,
        Frequency::Daily,
        &auditor(),
        at(0),
    )
    .unwrap()
    .state;
    let (_, frozen) = freeze_population(
        &audit,
        &statement,
        Some(&work),
        &control,
        occurrences(180),
        &provider(),
        at(1),
    )
    .unwrap();
    let drawn = draw_sample(
        &audit,
        Some(&frozen.state),
        &control,
        1,
        None,
        &frozen_at(),
        &auditor(),
        at(2),
    )
    .unwrap()
    .state;
    let items = drawn.operation.as_ref().unwrap().samples[0]
        .items
        .iter()
        .map(|item| item.occurrence)
        .collect();
    (drawn, items)
}

pub(super) fn record_all(work: ControlWork, round: u8, failing: &[u64]) -> ControlWork {
    let audit = in_progress();
    let items: Vec<u64> = work
        .operation
        .as_ref()
        .unwrap()
        .sample(round)
        .unwrap()
        .items
        .iter()
        .map(|item| item.occurrence)
        .collect();
    let control = work.control.clone();
    items.into_iter().fold(work, |work, occurrence| {
        record_item(
            &audit,
            Some(&work),
            &control,
            round,
            occurrence,
            !failing.contains(&occurrence),
            text("確認", "checked"),
            &[],
            &auditor(),
            at(3),
        )
        .unwrap()
        .state
    })
}
