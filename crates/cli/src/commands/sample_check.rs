//! `shinrai audit sample-check AUDIT`: every drawn sample of an audit recomputed from the data
//! directory, opened read-only — the log event that froze each population (found at the place
//! the papers name, its hash compared), the population as stored, and the `sample` rule; for an
//! evaluation of the internal audit, the controls drawn to re-perform, from the evaluation's
//! event and the statement they were drawn from (checked under the name `internal-audit`). Run
//! `shinrai log verify` to check the chain the events belong to.

use serde_json::json;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::working_papers::{
    REPERFORMANCE, SampleCheck, check_reperformance, check_samples,
};
use shinrai_store::ReadOnlyStore;

use crate::args::{DataPlace, SampleCheckArgs};
use crate::error::CliError;
use crate::output::write_stdout;
use crate::store_access::{runtime, store_config, store_error};

pub fn run(args: &SampleCheckArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let config = store_config(place)?;
    let checks = runtime()?.block_on(async {
        let store = ReadOnlyStore::open(&config)
            .await
            .map_err(|e| store_error(&config, &e))?;
        let failed = |e| store_error(&config, &e);
        let mut checks: Vec<SampleCheck> = Vec::new();
        for work in store.audit_work(&args.audit).await.map_err(failed)? {
            if args.control.as_ref().is_some_and(|c| *c != work.control) {
                continue;
            }
            let Some(first) = work.operation.as_ref().and_then(|o| o.samples.first()) else {
                continue;
            };
            let freeze = store.event_at(first.seed_from.seq).await.map_err(failed)?;
            let population = store.population(&work.id).await.map_err(failed)?;
            checks.extend(check_samples(&work, population.as_ref(), freeze.as_ref()));
        }
        // An evaluation of the internal audit draws the controls it re-performs.
        if let Some(audit) = store.audit(&args.audit).await.map_err(failed)? {
            let wanted = args.control.as_deref().is_none_or(|c| c == REPERFORMANCE);
            if let Some(sample) = audit
                .internal_audit
                .as_ref()
                .and_then(|paper| paper.sample.as_ref())
                .filter(|_| wanted)
            {
                let evaluated = store.event_at(sample.from.seq).await.map_err(failed)?;
                let statement = store.statement(&sample.statement).await.map_err(failed)?;
                checks.extend(check_reperformance(
                    &audit,
                    statement.as_ref(),
                    evaluated.as_ref(),
                ));
            }
        }
        store.close().await;
        Ok::<_, CliError>(checks)
    })?;
    let differing = checks.iter().filter(|c| !c.problems.is_empty()).count();
    let text = if args.json {
        format!(
            "{}\n",
            json!({"audit": args.audit, "samples": checks, "differing": differing})
        )
    } else {
        human(&args.audit, &checks, differing, lang)
    };
    write_stdout(&text)?;
    if differing > 0 {
        return Err(CliError::SamplesDiffer);
    }
    Ok(())
}

fn human(audit: &str, checks: &[SampleCheck], differing: usize, lang: Lang) -> String {
    let mut out = String::new();
    for check in checks {
        let mark = if check.problems.is_empty() {
            "ok"
        } else {
            "NG"
        };
        out.push_str(&match lang {
            Lang::Ja => format!(
                "{mark} {} 第 {} 回: {} 件\n",
                check.control, check.round, check.items
            ),
            Lang::En => format!(
                "{mark} {} round {}: {} items\n",
                check.control, check.round, check.items
            ),
        });
        for problem in &check.problems {
            out.push_str(&format!("   {}\n", problem.get(lang)));
        }
    }
    out.push_str(&match lang {
        Lang::Ja => format!(
            "監査 {audit}: 標本 {} 件のうち {differing} 件が一致しません\n",
            checks.len()
        ),
        Lang::En => format!(
            "audit {audit}: {differing} of {} samples differ\n",
            checks.len()
        ),
    });
    out
}
