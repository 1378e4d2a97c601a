//! The working papers of the story's audit: every kind, each written once or twice.

use shinrai_domain::criteria::CriteriaVersion;
use shinrai_domain::sampling::Frequency;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Change;
use shinrai_domain::workflow::audit::Audit;
use shinrai_domain::workflow::statement::Statement;
use shinrai_domain::workflow::working_papers::{
    self, ControlWork, DesignInput, Evidence, EvidenceContent, EvidenceMethod, EvidenceRequest,
    FairInput, FairVerdict, LogPoint, NewEvidence, NewRequest, Occurrence, Population,
};

use super::{at, day, provider, signer};

/// Every kind of working paper, each written once or twice: one control judged in all three
/// phases on one sampled occurrence backed by evidence the auditor asked for.
#[derive(Debug, Clone)]
pub struct StoryPapers {
    /// Fair presentation, design, frequency (the control's papers at revisions 1, 2, 3).
    pub fair: Change<ControlWork>,
    pub design: Change<ControlWork>,
    pub frequency: Change<ControlWork>,
    /// The population and the papers it updates (revision 4), recorded by one event.
    pub population: Population,
    pub frozen: Change<ControlWork>,
    /// The sample, drawn from a fixed log point: the story is built without a log.
    pub sampled: Change<ControlWork>,
    pub asked: Change<EvidenceRequest>,
    pub evidence: Change<Evidence>,
    pub answered: Change<EvidenceRequest>,
    /// Every sampled occurrence passed (revision 6).
    pub passed: Change<ControlWork>,
}

impl StoryPapers {
    pub fn work(&self) -> &ControlWork {
        &self.passed.state
    }
}

/// The point of the log the story's sample is drawn from.
pub fn story_log_point() -> LogPoint {
    LogPoint {
        seq: 1,
        hash: "5a".repeat(32),
    }
}

pub(super) fn papers(
    audit: &Audit,
    statement: &Statement,
    criteria: &CriteriaVersion,
) -> StoryPapers {
    let control = statement.content.selected[0].control.clone();
    let by = signer();
    let fair = working_papers::judge_fair(
        audit,
        statement,
        None,
        FairInput {
            control: control.clone(),
            verdict: FairVerdict::Accepted,
            reason: Bilingual::new("範囲に必要十分", "necessary and sufficient for the scope"),
        },
        &by,
        at(8),
    )
    .expect("fair presentation");
    let design = working_papers::judge_design(
        audit,
        statement,
        criteria,
        Some(&fair.state),
        DesignInput {
            control: control.clone(),
            effective: true,
            reason: Bilingual::new("設計は管理策を満たす", "the design meets the control"),
            equivalences: Vec::new(),
        },
        &by,
        at(8),
    )
    .expect("design");
    let frequency = working_papers::set_frequency(
        audit,
        statement,
        Some(&design.state),
        &control,
        Frequency::Monthly,
        &by,
        at(8),
    )
    .expect("frequency");
    let occurrences = [
        "2025-10-15",
        "2025-11-15",
        "2025-12-15",
        "2026-01-15",
        "2026-02-15",
        "2026-03-15",
    ]
    .iter()
    .enumerate()
    .map(|(i, on)| Occurrence {
        on: day(on),
        reference: format!("REVIEW-{}", i + 1),
    })
    .collect();
    let (population, frozen) = working_papers::freeze_population(
        audit,
        statement,
        Some(&frequency.state),
        &control,
        occurrences,
        &provider(),
        at(8),
    )
    .expect("population");
    let sampled = working_papers::draw_sample(
        audit,
        Some(&frozen.state),
        &control,
        1,
        None,
        &story_log_point(),
        &by,
        at(8),
    )
    .expect("sample");
    let items: Vec<u64> = sampled.state.operation.as_ref().expect("drawn").samples[0]
        .items
        .iter()
        .map(|item| item.occurrence)
        .collect();
    let asked = working_papers::ask(
        audit,
        statement,
        NewRequest {
            id: working_papers::request_id(&audit.id, 1),
            control: Some(control.clone()),
            occurrence: items.first().copied(),
            text: Bilingual::new("レビュー記録を提出してください", "send the review record"),
            due_on: day("2026-06-30"),
        },
        &by,
        at(8),
    )
    .expect("ask");
    let evidence = working_papers::add_evidence(
        audit,
        statement,
        Some(&sampled.state),
        NewEvidence {
            id: working_papers::evidence_id(&audit.id, 1),
            control: Some(control.clone()),
            occurrence: items.first().copied(),
            method: EvidenceMethod::Inspection,
            title: Bilingual::new("アクセス権レビュー記録", "access review record"),
            content: EvidenceContent::Note {
                text: Bilingual::new("レビュー記録を閲覧した", "inspected the review record"),
            },
            speaks_for: day("2025-10-15"),
            request: Some(asked.state.id.clone()),
        },
        &provider(),
        at(8),
    )
    .expect("evidence");
    let answered =
        working_papers::answer_request(audit, &asked.state, &[&evidence.state], &provider(), at(8))
            .expect("answer");
    let mut passed = sampled.clone();
    for occurrence in items {
        passed = working_papers::record_item(
            audit,
            Some(&passed.state),
            &control,
            1,
            occurrence,
            true,
            Bilingual::new("承認済み", "approved"),
            &[&evidence.state],
            &by,
            at(8),
        )
        .expect("result");
    }
    StoryPapers {
        fair,
        design,
        frequency,
        population,
        frozen,
        sampled,
        asked,
        evidence,
        answered,
        passed,
    }
}
