//! The working papers of the demo's audit in progress, so that its engagement pages show work
//! under way: the first selected controls judged in fair presentation and design, the first one's
//! monthly population frozen and its sample drawn from the log, a note of evidence behind the
//! first sampled occurrence, which passed, and a request for evidence the provider has yet to
//! answer. Every part goes through the same actions as the API.

use shinrai_domain::date::CalendarDate;
use shinrai_domain::sampling::Frequency;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::working_papers::{
    DesignInput, EvidenceMethod, FairInput, FairVerdict, Occurrence,
};

use super::moments::shifted;
use crate::engagements::actions::{self, ItemInput};
use crate::engagements::evidence::{self, Asking, EvidenceMeta};
use crate::workflow::{Acting, Failure, Outcome, facts};

/// How many of the selected controls the auditors have judged so far.
const JUDGED: usize = 3;

/// `minutes` later than `by`: the papers keep their order in the log.
fn later(by: &Acting, minutes: i64) -> Acting {
    Acting::new(
        by.member.clone(),
        Moment::at(by.at.at_ms + minutes * 60_000),
    )
}

fn text(ja: &str, en: &str) -> Bilingual {
    Bilingual::new(ja, en)
}

/// The 15th of each month of the audit period: the control's occurrences.
fn monthly(start: CalendarDate, end: CalendarDate) -> Vec<Occurrence> {
    let mut occurrences = Vec::new();
    let mut on = shifted(start, 14);
    while on <= end {
        occurrences.push(Occurrence {
            on,
            reference: format!("CHG-{on}"),
        });
        on = shifted(on, 30);
    }
    occurrences
}

pub async fn record(state: &crate::state::AppState, by: &Acting, audit: &str) -> Outcome<()> {
    let engagement = actions::engagement(state, by, audit).await?;
    let period = engagement.audit.value.period;
    let controls: Vec<String> = engagement
        .statement
        .content
        .selected
        .iter()
        .take(JUDGED)
        .map(|selected| selected.control.clone())
        .collect();
    let Some(first) = controls.first().cloned() else {
        return Err(facts::missing(("管理策", "selected control"), audit));
    };
    let mut minute = 0;
    let mut next = || {
        minute += 1;
        later(by, minute)
    };
    for control in &controls {
        let fair = FairInput {
            control: control.clone(),
            verdict: FairVerdict::Accepted,
            reason: text(
                "選択と除外の理由は必要十分である",
                "The selection and its exclusions are necessary and sufficient",
            ),
        };
        actions::judge_fair(state, &next(), audit, fair).await?;
        let design = DesignInput {
            control: control.clone(),
            effective: true,
            reason: text(
                "手順書と承認記録により整備を確認した",
                "Runbooks and approval records show the control is designed",
            ),
            equivalences: Vec::new(),
        };
        actions::judge_design(state, &next(), audit, design).await?;
    }
    actions::set_frequency(state, &next(), audit, &first, Frequency::Monthly).await?;
    let occurrences = monthly(period.start, period.end);
    actions::freeze_population(state, &next(), audit, &first, occurrences.clone()).await?;
    let sampled = actions::draw_sample(state, &next(), audit, &first, 1, None).await?;
    let item = sampled
        .operation
        .as_ref()
        .and_then(|operation| operation.samples.first())
        .and_then(|sample| sample.items.first())
        .map(|item| item.occurrence)
        .ok_or_else(|| Failure::Incomplete(text("標本が空です", "the sample is empty")))?;
    let speaks_for = usize::try_from(item)
        .ok()
        .and_then(|n| occurrences.get(n.saturating_sub(1)))
        .map_or(period.end, |occurrence| occurrence.on);
    let meta = EvidenceMeta {
        control: Some(first.clone()),
        occurrence: Some(item),
        method: EvidenceMethod::Inspection,
        title: text("変更承認記録の閲覧", "Change approval record inspected"),
        speaks_for,
        request: None,
    };
    let note = text(
        "変更票に責任者の承認があり、実施日と一致していた",
        "The change ticket carries its owner's approval, dated as carried out",
    );
    let recorded = evidence::add_note(state, &next(), audit, meta, note).await?;
    let result = ItemInput {
        control: first.clone(),
        round: 1,
        occurrence: item,
        passed: true,
        note: text(
            "手順どおりに承認されていた",
            "Approved as the procedure requires",
        ),
        evidence: vec![recorded.id],
    };
    actions::record_item(state, &next(), audit, result).await?;
    let asked_by = next();
    let asking = Asking {
        control: controls.get(1).cloned(),
        occurrence: None,
        text: text(
            "監査期間中のアクセス権見直しの記録を提出してください",
            "Please send the records of the access reviews held in the audit period",
        ),
        due_on: shifted(asked_by.at.date(), 14),
    };
    evidence::ask(state, &asked_by, audit, asking).await?;
    Ok(())
}
