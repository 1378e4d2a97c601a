//! Takes the demo's steps through the same workflow actions the API and the pages call: each
//! step is checked by the domain as a request would be, and stored with its event in the
//! signed log. A step the workflow refuses stops the demo with the reason.

use shinrai_domain::audit_kind::AuditKind;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::application::Verdict;
use shinrai_domain::workflow::change_notice::{AcknowledgeDecision, ChangeDraft};
use shinrai_domain::workflow::incident::{FinalDraft, MeasureDecision, QuickDraft};
use shinrai_domain::workflow::registry_status::{NoticeText, StatusDecision, StatusMove};

use super::ledger::{Dated, Step, Writing};
use super::registry_story::Afterwards;
use super::statement;
use super::world;
use crate::error::ApiError;
use crate::jobs::lifecycle::{self, Attempt, RunOptions};
use crate::state::AppState;
use crate::workflow::{Acting, Failure, facts};
use crate::{
    applications, audits, change_notices, incidents, registry, services, statements, systems,
};

/// The criteria version every demo statement is written against.
pub const CRITERIA: &str = "demo-2026";

/// Why the demo could not be told.
#[derive(Debug, thiserror::Error)]
#[error("{on} {who}: {step}: {why}")]
pub struct StepFailed {
    pub on: String,
    pub who: String,
    pub step: String,
    pub why: String,
}

/// Takes one step.
pub async fn take(state: &AppState, dated: &Dated) -> Result<(), StepFailed> {
    let failed = |why: String| StepFailed {
        on: dated.at.date().to_string(),
        who: dated.who.clone(),
        step: {
            let (name, subject) = name_of(&dated.step);
            format!("{name} {subject}")
        },
        why,
    };
    if let Step::LifecycleRun { as_of } = &dated.step {
        return run_lifecycle(state, *as_of, dated.at)
            .await
            .map_err(|failure| failed(ApiError::from(failure).to_string()));
    }
    let member = world::member(&dated.who)
        .ok_or_else(|| failed(format!("{} is not a demo user", dated.who)))?;
    let by = Acting::new(member, dated.at);
    run(state, &by, &dated.step)
        .await
        .map_err(|failure| failed(ApiError::from(failure).to_string()))
}

/// The lifecycle job's run on `as_of`, recorded at `at`, with its notifications.
async fn run_lifecycle(state: &AppState, as_of: CalendarDate, at: Moment) -> Result<(), Failure> {
    let options = RunOptions {
        as_of,
        at_ms: at.at_ms,
        dry_run: false,
        mail: state.outbox.mails(),
    };
    match lifecycle::run(&state.store, options).await? {
        Attempt::Ran(_) => {
            state.outbox.committed();
            Ok(())
        }
        // Nothing else runs while the demo is told.
        Attempt::Busy => Err(Failure::Incomplete(Bilingual::new(
            "期限・連鎖の処理が別のプロセスで実行中です",
            "another process is running the lifecycle job",
        ))),
    }
}

/// The step's name and subject, for messages.
fn name_of(step: &Step) -> (&'static str, &str) {
    match step {
        Step::DescribeService { service, .. } => ("describe service", service),
        Step::WriteStatement { statement, .. } => ("write statement", statement),
        Step::OrderAudit { audit, .. } => ("order audit", audit),
        Step::AcceptAudit { audit, .. } => ("accept audit", audit),
        Step::WorkPapers { audit } => ("working papers", audit),
        Step::ConcludeAudit { audit, .. } => ("conclude audit", audit),
        Step::SignReport { audit } => ("sign report", audit),
        Step::Apply { application, .. } => ("apply", application),
        Step::Review { application } => ("review", application),
        Step::AskExplanation { application } => ("ask for an explanation", application),
        Step::DecideToRegister { application } => ("decide", application),
        Step::Approve { application, .. } => ("approve", application),
        Step::Afterwards { entry, .. } => ("registry change", entry),
        Step::AcknowledgeChange { notice } => ("acknowledge change", notice),
        Step::LifecycleRun { .. } => ("lifecycle run", ""),
        Step::RecordSystem { system, .. } => ("record system", system),
        Step::RecordUsage { usage, .. } => ("record usage", usage),
        Step::EndUsage { usage, .. } => ("end usage", usage),
        Step::WatchService { system, .. } => ("watch service", system),
    }
}

/// One minute later: the parts of a step keep their order in the log.
fn then(by: &Acting, minutes: i64) -> Acting {
    Acting::new(
        by.member.clone(),
        Moment::at(by.at.at_ms + minutes * 60_000),
    )
}

async fn run(state: &AppState, by: &Acting, step: &Step) -> Result<(), Failure> {
    match step {
        Step::DescribeService { service, details } => {
            services::actions::create(
                state,
                by,
                services::actions::NewService {
                    id: Some(service.clone()),
                    details: details.clone(),
                },
            )
            .await?;
        }
        Step::WriteStatement {
            service,
            statement: id,
            level,
            writing,
        } => {
            let started = statements::actions::start(
                state,
                by,
                service,
                statements::actions::NewVersion {
                    id: Some(id.clone()),
                    criteria_version: CRITERIA.to_owned(),
                    target_level: *level,
                },
            )
            .await?;
            let described = services::actions::get(state, by, service).await?;
            let criteria = facts::criteria_of(state, CRITERIA).await?;
            let models: Vec<_> = described
                .details
                .service_models
                .iter()
                .map(|scope| scope.model)
                .collect();
            let complete =
                statement::complete(&criteria.version, &described.details.name, &models, *level);
            let content = match writing {
                Writing::Submitted => complete,
                Writing::Draft { left_out } => statement::unfinished(complete, *left_out),
            };
            statements::actions::replace(
                state,
                &then(by, 1),
                &started.id,
                statements::actions::Draft {
                    criteria_version: CRITERIA.to_owned(),
                    target_level: *level,
                    content,
                },
            )
            .await?;
            if *writing == Writing::Submitted {
                statements::actions::submit(state, &then(by, 2), &started.id).await?;
            }
        }
        Step::OrderAudit {
            audit,
            service,
            statement,
            audit_body,
            period,
        } => {
            audits::actions::order(
                state,
                by,
                audits::actions::NewAudit {
                    id: Some(audit.clone()),
                    service: service.clone(),
                    statement: statement.clone(),
                    audit_body: audit_body.clone(),
                    period_start: period.start,
                    period_end: period.end,
                    kind: AuditKind::ThreePhase,
                },
            )
            .await?;
        }
        Step::AcceptAudit { audit, signer } => {
            audits::actions::accept(state, by, audit, signer).await?;
        }
        Step::WorkPapers { audit } => super::papers::record(state, by, audit).await?,
        Step::ConcludeAudit { audit, doubting } => {
            let ordered = audits::actions::get(state, by, audit).await?;
            let audited = statements::actions::get(state, by, &ordered.statement).await?;
            let criteria = facts::criteria_of(state, &ordered.criteria_version).await?;
            let doubted = if *doubting {
                statement::a_recommended_control(&audited, &criteria.version)
            } else {
                None
            };
            let conclusions =
                statement::conclusions(&audited, &criteria.version, doubted.as_deref());
            audits::actions::conclude(state, by, audit, conclusions).await?;
        }
        Step::SignReport { audit } => {
            audits::actions::sign(state, by, audit).await?;
        }
        Step::Apply {
            application,
            service,
            audit,
            kind,
        } => {
            applications::actions::apply(
                state,
                by,
                applications::actions::NewApplication {
                    id: Some(application.clone()),
                    service: service.clone(),
                    audit: audit.clone(),
                    kind: *kind,
                },
            )
            .await?;
        }
        Step::Review { application } => {
            applications::actions::review(state, by, application).await?;
        }
        Step::AskExplanation { application } => {
            let applied = applications::actions::get(state, by, application).await?;
            let audit = audits::actions::get(state, by, &applied.audit).await?;
            let doubted: Vec<String> = audit
                .conclusions
                .controls
                .iter()
                .filter(|conclusion| !conclusion.conformant)
                .map(|conclusion| conclusion.control.clone())
                .collect();
            applications::actions::ask(state, by, application, &doubted).await?;
        }
        Step::DecideToRegister { application } => {
            applications::actions::decide(
                state,
                by,
                application,
                Verdict::Register,
                Bilingual::new(
                    "登録の判断基準を満たすため登録する。",
                    "Registered: the application meets the registration rule.",
                ),
            )
            .await?;
        }
        Step::Approve { application, entry } => {
            let approved = applications::actions::approve(state, by, application).await?;
            if approved.registry_entry.as_deref() != Some(entry.as_str()) {
                return Err(Failure::Incomplete(Bilingual::new(
                    format!(
                        "登録番号が {} でなく {:?} になりました",
                        entry, approved.registry_entry
                    ),
                    format!(
                        "the registration took number {:?}, not {entry}",
                        approved.registry_entry
                    ),
                )));
            }
        }
        Step::Afterwards { entry, what } => afterwards(state, by, entry, what).await?,
        Step::AcknowledgeChange { notice } => {
            change_notices::actions::acknowledge(state, by, notice, AcknowledgeDecision::default())
                .await?;
        }
        Step::LifecycleRun { as_of } => run_lifecycle(state, *as_of, by.at).await?,
        Step::RecordSystem { system, details } => {
            systems::actions::create(state, by, Some(system.clone()), details.clone()).await?;
        }
        Step::RecordUsage {
            usage,
            system,
            entry,
            from,
            until,
            note,
        } => {
            let usage = systems::actions::NewUsage {
                id: Some(usage.clone()),
                entry: entry.clone(),
                from: *from,
                until: *until,
                note: note.clone(),
            };
            systems::actions::record(state, by, system, usage).await?;
        }
        Step::EndUsage { usage, until } => {
            systems::actions::end(state, by, usage, *until).await?;
        }
        Step::WatchService { system, entry } => {
            systems::actions::watch(state, by, system, entry).await?;
        }
    }
    Ok(())
}

async fn afterwards(
    state: &AppState,
    by: &Acting,
    entry: &str,
    what: &Afterwards,
) -> Result<(), Failure> {
    match what {
        Afterwards::Notice {
            kind, title, body, ..
        } => {
            registry::status::publish_notice(
                state,
                by,
                entry,
                *kind,
                NoticeText {
                    title: title.clone(),
                    body: body.clone(),
                },
            )
            .await?;
        }
        Afterwards::Status {
            change,
            reason,
            title,
            body,
            remarks,
            ..
        } => {
            let change = StatusMove::from_code(change).ok_or_else(|| {
                Failure::Incomplete(Bilingual::new(
                    format!("状態の変更 {change} はありません"),
                    format!("there is no status change {change}"),
                ))
            })?;
            registry::status::take_measure(
                state,
                by,
                entry,
                change,
                StatusDecision {
                    reason: reason.clone(),
                    notice: NoticeText {
                        title: title.clone(),
                        body: body.clone(),
                    },
                    remarks: remarks.clone(),
                },
            )
            .await?;
        }
        Afterwards::Remarks { remarks, .. } => {
            registry::status::set_remarks(state, by, entry, remarks.clone()).await?;
        }
        Afterwards::Withdraw { reason, .. } => {
            registry::status::withdraw(state, by, entry, reason.clone()).await?;
        }
        Afterwards::Change {
            id,
            category,
            effective_on,
            summary,
            controls,
            ..
        } => {
            let draft = ChangeDraft {
                category: *category,
                summary: summary.clone(),
                controls: controls.clone(),
                new_name: None,
                effective_on: *effective_on,
            };
            change_notices::actions::file(state, by, entry, Some(id.clone()), draft).await?;
        }
        Afterwards::Incident {
            id,
            discovered_on,
            summary,
            ..
        } => {
            let draft = QuickDraft {
                discovered_on: *discovered_on,
                summary: summary.clone(),
            };
            incidents::actions::report_quick(state, by, entry, Some(id.clone()), draft).await?;
        }
        Afterwards::FinalReport {
            incident,
            cause,
            impact,
            measures,
            services_affected,
            ..
        } => {
            let draft = FinalDraft {
                cause: cause.clone(),
                impact: impact.clone(),
                measures: measures.clone(),
                services_affected: services_affected.clone(),
            };
            incidents::actions::report_final(state, by, incident, draft).await?;
        }
        Afterwards::Decide {
            incident,
            measure,
            reason,
            title,
            body,
            ..
        } => {
            let decision = MeasureDecision {
                measure: *measure,
                reason: reason.clone(),
                notice: NoticeText {
                    title: title.clone(),
                    body: body.clone(),
                },
            };
            incidents::actions::decide(state, by, incident, decision).await?;
        }
    }
    Ok(())
}
