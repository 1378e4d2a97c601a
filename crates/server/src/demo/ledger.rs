//! The demo's steps in the order they happened. Each service's story becomes dated steps —
//! described, statement written and submitted, audit ordered, accepted, concluded and signed,
//! application made, reviewed, decided, approved, and what the operator did afterwards — and
//! all services' steps are told together by date, so that every step sees the registry as it
//! stood that day (a service is reviewed against the entries of the services it is built on).

use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::registry::Period;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::application::ApplicationKind;
use shinrai_domain::workflow::procurement::SystemDetails;
use shinrai_domain::workflow::service::ServiceDetails;
use shinrai_store::statements::statement_id;

use super::moments::{at, shifted};
use super::registry_story::{Afterwards, RegistryStory, ServiceStory};

/// How far a statement goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writing {
    /// Complete and submitted.
    Submitted,
    /// A draft with the last `n` applicable controls not yet addressed.
    Draft { left_out: usize },
}

/// One thing someone does in the demo world.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    DescribeService {
        service: String,
        details: ServiceDetails,
    },
    /// Starts the next statement version `statement`, fills it in and, if so, submits it.
    WriteStatement {
        service: String,
        statement: String,
        level: Level,
        writing: Writing,
    },
    OrderAudit {
        audit: String,
        service: String,
        statement: String,
        audit_body: String,
        period: Period,
    },
    AcceptAudit {
        audit: String,
        signer: String,
    },
    /// The auditors' working papers so far (see `papers.rs`).
    WorkPapers {
        audit: String,
    },
    /// Records the conclusions; `doubting` leaves one recommended control not conformant.
    ConcludeAudit {
        audit: String,
        doubting: bool,
    },
    SignReport {
        audit: String,
    },
    Apply {
        application: String,
        service: String,
        audit: String,
        kind: ApplicationKind,
    },
    Review {
        application: String,
    },
    /// Asks the audit body to explain the control its audit found not conformant.
    AskExplanation {
        application: String,
    },
    DecideToRegister {
        application: String,
    },
    /// Approves; the registration must take the number `entry`.
    Approve {
        application: String,
        entry: String,
    },
    Afterwards {
        entry: String,
        what: Afterwards,
    },
    /// The lifecycle job's run on `as_of`, as `serve` makes it each day.
    LifecycleRun {
        as_of: CalendarDate,
    },
    /// The operator acknowledges the change notice `notice`.
    AcknowledgeChange {
        notice: String,
    },
    /// A procurer records and classifies its organisation's system.
    RecordSystem {
        system: String,
        details: SystemDetails,
    },
    /// A procurer records that `system` uses the registered service `entry`.
    RecordUsage {
        usage: String,
        system: String,
        entry: String,
        from: CalendarDate,
        until: Option<CalendarDate>,
        note: Bilingual,
    },
    /// A procurer records the last day of a usage.
    EndUsage {
        usage: String,
        until: CalendarDate,
    },
    /// A procurer puts the registered service `entry` on the watch list of `system`.
    WatchService {
        system: String,
        entry: String,
    },
}

/// A step, who takes it (a login) and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Dated {
    pub at: Moment,
    pub who: String,
    pub step: Step,
}

/// The login that acts for the provider, the audit body and the operator in a story.
pub trait Cast {
    fn provider(&self, org: &str) -> Option<String>;
    fn signer(&self, audit_body: &str) -> Option<String>;
}

/// What a story lacks to be told: a party nobody acts for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("nobody in the demo world acts for {0}")]
pub struct Uncast(pub String);

pub const REVIEWER: &str = "reviewer";
pub const ADMIN: &str = "admin";

/// The audit of registration `n` (from 1) of `service`, and its application.
pub fn audit_id(service: &str, n: usize) -> String {
    format!("au-{service}-{n}")
}

pub fn application_id(service: &str, n: usize) -> String {
    format!("ap-{service}-{n}")
}

/// The steps of one registration, from the statement to the approval on `on`: the statement
/// right after the audit period, the audit concluded a month before approval, the application
/// three weeks before.
#[allow(clippy::too_many_arguments)]
pub fn registration_steps(
    service: &str,
    provider: &str,
    n: usize,
    level: Level,
    audit_body: (&str, &str),
    period: Period,
    on: CalendarDate,
    entry: &str,
) -> Vec<Dated> {
    let (body, signer) = audit_body;
    let statement = statement_id(service, u32::try_from(n).unwrap_or(u32::MAX));
    let audit = audit_id(service, n);
    let application = application_id(service, n);
    let after_period = |days: i64| shifted(period.end, days);
    let before_approval = |days: i64| shifted(on, -days);
    let dated = |when: CalendarDate, minute: i64, who: &str, step: Step| Dated {
        at: at(when, minute),
        who: who.to_owned(),
        step,
    };
    vec![
        dated(
            after_period(1),
            10,
            provider,
            Step::WriteStatement {
                service: service.to_owned(),
                statement: statement.clone(),
                level,
                writing: Writing::Submitted,
            },
        ),
        dated(
            after_period(2),
            0,
            provider,
            Step::OrderAudit {
                audit: audit.clone(),
                service: service.to_owned(),
                statement,
                audit_body: body.to_owned(),
                period,
            },
        ),
        dated(
            after_period(3),
            0,
            signer,
            Step::AcceptAudit {
                audit: audit.clone(),
                signer: signer.to_owned(),
            },
        ),
        dated(
            before_approval(30),
            0,
            signer,
            Step::ConcludeAudit {
                audit: audit.clone(),
                doubting: false,
            },
        ),
        dated(
            before_approval(28),
            0,
            signer,
            Step::SignReport {
                audit: audit.clone(),
            },
        ),
        dated(
            before_approval(21),
            0,
            provider,
            Step::Apply {
                application: application.clone(),
                service: service.to_owned(),
                audit,
                kind: if n == 1 {
                    ApplicationKind::New
                } else {
                    ApplicationKind::Renewal
                },
            },
        ),
        dated(
            before_approval(14),
            0,
            REVIEWER,
            Step::Review {
                application: application.clone(),
            },
        ),
        dated(
            before_approval(7),
            0,
            REVIEWER,
            Step::DecideToRegister {
                application: application.clone(),
            },
        ),
        dated(
            on,
            0,
            ADMIN,
            Step::Approve {
                application,
                entry: entry.to_owned(),
            },
        ),
    ]
}

/// The steps of a registration up to the operator's review of its application.
const STEPS_TO_REVIEW: usize = 7;

/// The lifecycle job on the first of every month from `from`'s month to `to`, at 03:00 in
/// Tokyo as `serve` runs it by default: what lapses expires, what is built on what ends falls.
pub fn lifecycle_runs(from: CalendarDate, to: CalendarDate) -> Vec<Dated> {
    let mut runs = Vec::new();
    let mut day = CalendarDate::new(from.year(), from.month(), 1);
    while let Some(first) = day.filter(|first| *first <= to) {
        runs.push(Dated {
            at: at(first, -6 * 60),
            who: JOB.to_owned(),
            step: Step::LifecycleRun { as_of: first },
        });
        day = first.add_months_clamped(1);
    }
    runs
}

/// Who runs the lifecycle job: the service itself.
pub const JOB: &str = "system";

/// Every step of one service's story.
pub fn service_steps(story: &ServiceStory, cast: &dyn Cast) -> Result<Vec<Dated>, Uncast> {
    let provider = cast
        .provider(&story.provider)
        .ok_or_else(|| Uncast(story.provider.clone()))?;
    let mut steps = Vec::new();
    if let Some(first) = story.registrations.first() {
        steps.push(Dated {
            at: at(shifted(first.period.end, 1), 0),
            who: provider.clone(),
            step: Step::DescribeService {
                service: story.service.clone(),
                details: story.details.clone(),
            },
        });
    }
    for (i, registration) in story.registrations.iter().enumerate() {
        let signer = cast
            .signer(&registration.audit_body)
            .ok_or_else(|| Uncast(registration.audit_body.clone()))?;
        steps.extend(registration_steps(
            &story.service,
            &provider,
            i + 1,
            story.level,
            (&registration.audit_body, &signer),
            registration.period,
            registration.on,
            &story.entry,
        ));
    }
    if let Some(pending) = &story.renewal_under_review {
        let signer = cast
            .signer(&pending.audit_body)
            .ok_or_else(|| Uncast(pending.audit_body.clone()))?;
        // Up to the application's review: it would be approved three weeks after it was made.
        steps.extend(
            registration_steps(
                &story.service,
                &provider,
                story.registrations.len() + 1,
                story.level,
                (&pending.audit_body, &signer),
                pending.period,
                shifted(pending.applied_on, 21),
                &story.entry,
            )
            .into_iter()
            .take(STEPS_TO_REVIEW),
        );
    }
    for what in &story.afterwards {
        // After the day's approvals, so that an entry exists before anything is said of it.
        // The provider reports its changes; the operator does everything else.
        let who = if what.by_provider() {
            provider.clone()
        } else {
            ADMIN.to_owned()
        };
        steps.push(Dated {
            at: at(what.on(), 60),
            who,
            step: Step::Afterwards {
                entry: story.entry.clone(),
                what: what.clone(),
            },
        });
        if let Afterwards::Change {
            id,
            acknowledged_on: Some(day),
            ..
        } = what
        {
            steps.push(Dated {
                at: at(*day, 60),
                who: ADMIN.to_owned(),
                step: Step::AcknowledgeChange { notice: id.clone() },
            });
        }
    }
    Ok(steps)
}

/// Every step of every story and of `more`, by date; steps of the same moment keep the
/// order of the story (an underlying service is suspended before those built on it).
pub fn in_order(
    story: &RegistryStory,
    more: Vec<Dated>,
    cast: &dyn Cast,
) -> Result<Vec<Dated>, Uncast> {
    let mut steps = Vec::new();
    for service in &story.services {
        steps.extend(service_steps(service, cast)?);
    }
    steps.extend(more);
    steps.sort_by_key(|dated| dated.at);
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{midway, registry_story::registry_story};

    struct Everyone;

    impl Cast for Everyone {
        fn provider(&self, org: &str) -> Option<String> {
            Some(format!("{org}-staff"))
        }

        fn signer(&self, body: &str) -> Option<String> {
            Some(format!("{body}-signer"))
        }
    }

    /// The subject a step is about, to follow one service's steps.
    fn service_of(step: &Step) -> Option<&str> {
        match step {
            Step::DescribeService { service, .. }
            | Step::WriteStatement { service, .. }
            | Step::OrderAudit { service, .. }
            | Step::Apply { service, .. } => Some(service),
            _ => None,
        }
    }

    #[test]
    fn every_service_is_described_before_anything_is_done_with_it() {
        let story = registry_story().unwrap();
        let steps = in_order(&story, midway::steps().unwrap(), &Everyone).unwrap();
        assert!(steps.windows(2).all(|pair| pair[0].at <= pair[1].at));
        let mut described = std::collections::HashSet::new();
        for dated in &steps {
            if let Step::DescribeService { service, .. } = &dated.step {
                assert!(described.insert(service.clone()), "{service} twice");
            } else if let Some(service) = service_of(&dated.step) {
                assert!(described.contains(service), "{service} before described");
            }
        }
        assert_eq!(described.len(), story.services.len() + 5);
    }

    #[test]
    fn a_registration_runs_from_statement_to_approval_in_order() {
        let period = Period {
            start: CalendarDate::parse("2025-04-01").unwrap(),
            end: CalendarDate::parse("2026-03-31").unwrap(),
        };
        let on = CalendarDate::parse("2026-07-01").unwrap();
        let steps = registration_steps(
            "svc-x",
            "csp",
            2,
            Level::MIDDLE,
            ("ab", "signer"),
            period,
            on,
            "C26-0001",
        );
        assert!(steps.windows(2).all(|pair| pair[0].at < pair[1].at));
        assert_eq!(steps.first().unwrap().at.date().to_string(), "2026-04-01");
        assert_eq!(steps.last().unwrap().at.date(), on);
        let who: Vec<&str> = steps.iter().map(|dated| dated.who.as_str()).collect();
        assert_eq!(
            who,
            [
                "csp", "csp", "signer", "signer", "signer", "csp", REVIEWER, REVIEWER, ADMIN
            ]
        );
        assert!(steps.iter().any(|dated| matches!(
            &dated.step,
            Step::Apply { kind: ApplicationKind::Renewal, audit, .. } if audit == "au-svc-x-2"
        )));
    }

    #[test]
    fn a_party_nobody_acts_for_is_named() {
        struct Nobody;
        impl Cast for Nobody {
            fn provider(&self, _: &str) -> Option<String> {
                None
            }
            fn signer(&self, _: &str) -> Option<String> {
                None
            }
        }
        let story = registry_story().unwrap();
        let first = story.services.first().unwrap();
        assert_eq!(
            service_steps(first, &Nobody),
            Err(Uncast(first.provider.clone()))
        );
    }
}
