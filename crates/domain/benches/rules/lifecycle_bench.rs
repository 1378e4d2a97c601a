//! Where 100,000 registrations stand after 1,000,000 events of their lives: the largest case
//! the lifecycle rule reads.

use shinrai_domain::lifecycle::{self, LifecycleCase, LifecycleOutcome, Status};

use super::*;

pub(super) const REGISTRATIONS: usize = 100_000;
pub(super) const EVENTS: usize = 1_000_000;

const LIFECYCLE_TARGET: Target = Target {
    limit: Duration::from_secs(1),
    text: "< 1 s",
};

/// Event kinds with how often each is drawn (out of 80): renewals dominate a registry's life,
/// endings are rare.
const KINDS: [(&str, usize); 7] = [
    ("renewal_applied", 30),
    ("renewal_registered", 28),
    ("renewal_rejected", 4),
    ("suspended", 8),
    ("reinstated", 8),
    ("withdrawn", 1),
    ("deregistered", 1),
];

pub(super) fn bench_lifecycle(
    budget: &Budget,
    rows: &mut Vec<Row>,
    notes: &mut Vec<String>,
) -> Check {
    let text = lifecycle_json(&mut SeededRandom::new(15));
    let case = LifecycleCase::read_text(&text).map_err(|error| error.describe(Lang::En))?;
    ensure(
        case.registrations.len() == REGISTRATIONS && case.events.len() == EVENTS,
        || "the generated case does not hold 100,000 registrations and 1,000,000 events".to_owned(),
    )?;
    let expected = lifecycle::lifecycle(&case);
    let counts = status_counts(&expected);
    ensure(counts.iter().all(|count| *count > 0), || {
        format!("every status should occur: {counts:?}")
    })?;
    notes.push(format!(
        "lifecycle: 100,000 registrations, 1,000,000 events, {:.1} MB of JSON; on the day asked, {} registered, {} suspended, {} expired, {} deregistered ({} of them in cascade)",
        text.len() as f64 / 1_000_000.0,
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        expected
            .services
            .iter()
            .filter(|standing| standing.reason == lifecycle::Reason::Cascade)
            .count(),
    ));
    let data = RuleData::default();
    let same = |outcome: &LifecycleOutcome| {
        ensure(outcome == &expected, || {
            "the lifecycle answer differs from the first run's".to_owned()
        })
    };
    bench(
        budget,
        rows,
        "lifecycle, 100,000 registrations, 1,000,000 events: parse + decide + answer as JSON text",
        Some(LIFECYCLE_TARGET),
        || {
            decide(DecisionKind::Lifecycle, black_box(&text), &data).map(|answer| {
                let json = answer.to_json(Lang::En);
                (
                    answer,
                    serde_json::to_string_pretty(&json).unwrap_or_default(),
                )
            })
        },
        |answer| match answer {
            Ok((Answer::Lifecycle(outcome), written)) => {
                same(outcome)?;
                ensure(written.len() > 10_000_000, || {
                    "the answer was not written".to_owned()
                })
            }
            Ok(_) => Err("a lifecycle case gave another kind of answer".to_owned()),
            Err(error) => Err(error.describe(Lang::En)),
        },
    )?;
    bench(
        budget,
        rows,
        "lifecycle, 100,000 registrations, 1,000,000 events: read as a JSON tree only (reference)",
        None,
        || {
            shinrai_domain::case::read_case_within(
                black_box(&text),
                shinrai_domain::case::bounds::MAX_LIFECYCLE_CASE_BYTES,
                LifecycleCase::read,
            )
        },
        |read| match read {
            Ok(read) => ensure(read == &case, || {
                "the tree reader reads another case".to_owned()
            }),
            Err(error) => Err(error.describe(Lang::En)),
        },
    )?;
    bench(
        budget,
        rows,
        "lifecycle, 100,000 registrations, 1,000,000 events: decide only",
        Some(LIFECYCLE_TARGET),
        || lifecycle::lifecycle(black_box(&case)),
        same,
    )
}

/// Registered, suspended, expired, deregistered.
fn status_counts(outcome: &LifecycleOutcome) -> [usize; 4] {
    [
        Status::Registered,
        Status::Suspended,
        Status::Expired,
        Status::Deregistered,
    ]
    .map(|status| {
        outcome
            .services
            .iter()
            .filter(|standing| standing.status == status)
            .count()
    })
}

fn random_day(random: &mut SeededRandom, first_year: usize, years: usize) -> String {
    format!(
        "{}-{:02}-{:02}",
        first_year + below(random, years),
        1 + below(random, 12),
        1 + below(random, 28)
    )
}

/// The case as compact JSON, written as the store's export would be: registrations with 0–3
/// dependencies on earlier ones (about 5% with one evaluated in their own audit), and events on
/// random days of 2025–2027 for random registrations.
fn lifecycle_json(random: &mut SeededRandom) -> String {
    use std::fmt::Write as _;
    let mut text = String::with_capacity(90_000_000);
    text.push_str(r#"{"as_of":"2027-06-30","registrations":["#);
    for index in 0..REGISTRATIONS {
        let mut depends_on = Vec::new();
        if index > 0 {
            for _ in 0..below(random, 4) {
                push_new(&mut depends_on, below(random, index));
            }
        }
        let evaluated = match depends_on.first() {
            Some(first) if one_in(random, 20) => format!(r#""svc-{first:06}""#),
            _ => String::new(),
        };
        let names: Vec<String> = depends_on
            .iter()
            .map(|dependency| format!(r#""svc-{dependency:06}""#))
            .collect();
        let separator = if index == 0 { "" } else { "," };
        let _ = write!(
            text,
            r#"{separator}{{"service":"svc-{index:06}","level":{},"valid_until":"{}","depends_on":[{}],"underlying_evaluated_in_audit":[{evaluated}]}}"#,
            1 + below(random, 3),
            random_day(random, 2026, 3),
            names.join(","),
        );
    }
    text.push_str(r#"],"events":["#);
    let total: usize = KINDS.iter().map(|(_, weight)| weight).sum();
    for index in 0..EVENTS {
        let mut draw = below(random, total);
        let kind = KINDS
            .iter()
            .find(|(_, weight)| {
                let hit = draw < *weight;
                draw = draw.saturating_sub(*weight);
                hit
            })
            .map_or("renewal_applied", |(name, _)| name);
        let separator = if index == 0 { "" } else { "," };
        let _ = write!(
            text,
            r#"{separator}{{"on":"{}","service":"svc-{:06}","kind":"{kind}""#,
            random_day(random, 2025, 3),
            below(random, REGISTRATIONS),
        );
        if kind == "renewal_registered" {
            let _ = write!(
                text,
                r#","valid_until":"{}","level":{}"#,
                random_day(random, 2027, 3),
                1 + below(random, 3)
            );
        }
        text.push('}');
    }
    text.push_str("]}");
    text
}
