//! `shinrai quality-review check REVIEW`: a quality review's draw recomputed from the data
//! directory, opened read-only — the event found at the draw's recorded place in the log (is it
//! the review's opening, with that hash?), the audits signed in the period by the opening, and
//! the `sample` rule seeded from that event. Run `shinrai log verify` to check the chain.

use serde_json::json;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::quality_review::{ReviewCheck, check_review};
use shinrai_store::ReadOnlyStore;

use crate::args::{DataPlace, QualityReviewCommand, ReviewCheckArgs};
use crate::error::CliError;
use crate::output::write_stdout;
use crate::store_access::{runtime, store_config, store_error};

pub fn run(command: &QualityReviewCommand, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    match command {
        QualityReviewCommand::Check(args) => check(args, place, lang),
    }
}

fn check(args: &ReviewCheckArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let config = store_config(place)?;
    let id = &args.review;
    let check = runtime()?.block_on(async {
        let store = ReadOnlyStore::open(&config)
            .await
            .map_err(|e| store_error(&config, &e))?;
        let failed = |e| store_error(&config, &e);
        let review = store.quality_review(id).await.map_err(failed)?;
        let Some(review) = review else {
            store.close().await;
            return Err(CliError::Unusable {
                what: Bilingual::new(
                    format!("品質レビュー {id} はありません"),
                    format!("there is no quality review {id}"),
                ),
            });
        };
        let Some(draw) = review.draw.as_ref() else {
            store.close().await;
            return Err(CliError::Unusable {
                what: Bilingual::new(
                    format!("品質レビュー {id} の対象はまだ抽出されていません"),
                    format!("the engagements of quality review {id} are not drawn yet"),
                ),
            });
        };
        let opening = store.event_at(draw.seed_from.seq).await.map_err(failed)?;
        let audits = store.audits().await.map_err(failed)?;
        store.close().await;
        Ok(check_review(&review, &audits, opening.as_ref()))
    })?;
    let Some(check) = check else {
        return Ok(());
    };
    let text = if args.json {
        format!("{}\n", json!({ "check": check, "holds": check.holds() }))
    } else {
        human(&check, lang)
    };
    write_stdout(&text)?;
    if check.holds() {
        Ok(())
    } else {
        Err(CliError::SamplesDiffer)
    }
}

fn human(check: &ReviewCheck, lang: Lang) -> String {
    let mut out = String::new();
    let mark = if check.holds() { "ok" } else { "NG" };
    out.push_str(&match lang {
        Lang::Ja => format!(
            "{mark} 品質レビュー {}: 種 {}、抽出 {} 件: {}\n",
            check.review,
            check.expected_seed,
            check.expected.len(),
            check.expected.join(", ")
        ),
        Lang::En => format!(
            "{mark} quality review {}: seed {}, {} drawn: {}\n",
            check.review,
            check.expected_seed,
            check.expected.len(),
            check.expected.join(", ")
        ),
    });
    for problem in &check.problems {
        out.push_str(&format!("   {}\n", problem.get(lang)));
    }
    out
}
