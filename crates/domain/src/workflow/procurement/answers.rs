//! The procurer's answers to the contract, SLA and cyber-attack checklists, kept per system and
//! candidate service: for each question, whether the provider's offer meets it (yes, partly, no,
//! not known yet) with a note of what was found. The answers are the organisation's own working
//! notes, kept on the system's record so that they travel with it and its log.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{Checklist, InformationSystem, SYSTEM_ANSWERED, acts_for_procurer};
use crate::date::CalendarDate;
use crate::policy::Member;
use crate::registry::{EntryStatus, RegistryEntry};
use crate::text::Bilingual;
use crate::workflow::fields::Problems;
use crate::workflow::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};

/// The candidates one system may keep answers for at once.
pub const MAX_ANSWERED_CANDIDATES: usize = 20;
/// The longest note on one answer, in characters.
pub const MAX_ANSWER_NOTE_CHARS: usize = 500;

/// What the procurer found for one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerValue {
    /// The offer meets it.
    Yes,
    /// In part, or only on conditions.
    Partly,
    /// It does not.
    No,
    /// Asked, not settled yet.
    Unknown,
}

impl AnswerValue {
    pub const ALL: [AnswerValue; 4] = [
        AnswerValue::Yes,
        AnswerValue::Partly,
        AnswerValue::No,
        AnswerValue::Unknown,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AnswerValue::Yes => "yes",
            AnswerValue::Partly => "partly",
            AnswerValue::No => "no",
            AnswerValue::Unknown => "unknown",
        }
    }

    pub fn from_code(code: &str) -> Option<AnswerValue> {
        AnswerValue::ALL
            .into_iter()
            .find(|value| value.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            AnswerValue::Yes => Bilingual::new("満たす", "Met"),
            AnswerValue::Partly => Bilingual::new("一部満たす", "Partly met"),
            AnswerValue::No => Bilingual::new("満たさない", "Not met"),
            AnswerValue::Unknown => Bilingual::new("確認中", "Not settled"),
        }
    }
}

/// The answer to one question of a checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemAnswer {
    /// The question's id, e.g. `C05` or `K4.2`.
    pub item: String,
    pub answer: AnswerValue,
    /// What the procurer found, in its own words; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The answers a system's procurer keeps for one candidate service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateAnswers {
    /// The registration number.
    pub entry: String,
    /// In the order of the checklists' questions.
    pub answers: Vec<ItemAnswer>,
    /// Who saved them last, and when.
    pub by: String,
    pub at_ms: i64,
    pub on: CalendarDate,
}

impl InformationSystem {
    /// The answers kept for the registration `entry`, if any.
    pub fn answers_for(&self, entry: &str) -> Option<&CandidateAnswers> {
        self.answers.iter().find(|kept| kept.entry == entry)
    }
}

/// Every problem of `answers` against the questions of `lists`: unknown or repeated questions,
/// notes too long. Returns the answers in the checklists' order.
fn checked(answers: Vec<ItemAnswer>, lists: &[Checklist]) -> Result<Vec<ItemAnswer>, Refusal> {
    let order: Vec<&str> = lists
        .iter()
        .flat_map(Checklist::items)
        .map(|item| item.id.as_str())
        .collect();
    let mut problems = Problems::new();
    if problems.list_size("/answers", answers.len(), order.len()) {
        let mut seen = HashSet::new();
        for (n, answer) in answers.iter().enumerate() {
            if !order.contains(&answer.item.as_str()) {
                problems.push(
                    format!("/answers/{n}/item"),
                    "unknown_item",
                    Bilingual::new(
                        format!("/answers/{n}/item: 確認項目 {} はありません", answer.item),
                        format!("/answers/{n}/item: there is no question {}", answer.item),
                    ),
                );
            } else if !seen.insert(answer.item.as_str()) {
                problems.push(
                    format!("/answers/{n}/item"),
                    "duplicate",
                    Bilingual::new(
                        format!(
                            "/answers/{n}/item: 確認項目 {} への回答が重複しています",
                            answer.item
                        ),
                        format!(
                            "/answers/{n}/item: question {} is answered twice",
                            answer.item
                        ),
                    ),
                );
            }
            let chars = answer.note.chars().count();
            if chars > MAX_ANSWER_NOTE_CHARS {
                problems.push(
                    format!("/answers/{n}/note"),
                    "too_long",
                    Bilingual::new(
                        format!(
                            "/answers/{n}/note は {MAX_ANSWER_NOTE_CHARS} 文字以内にしてください（{chars} 文字）"
                        ),
                        format!(
                            "/answers/{n}/note has {chars} characters; at most {MAX_ANSWER_NOTE_CHARS} are allowed"
                        ),
                    ),
                );
            }
        }
    }
    problems.finish()?;
    let mut answers = answers;
    answers.sort_by_key(|answer| {
        order
            .iter()
            .position(|id| *id == answer.item)
            .unwrap_or(usize::MAX)
    });
    for answer in &mut answers {
        answer.note = answer.note.trim().to_owned();
    }
    Ok(answers)
}

/// A procurer of the system's organisation saves its answers for the candidate `entry`,
/// replacing those kept before; an empty list forgets them. `None` when nothing changes. New
/// answers are taken only for a service in the registry (registered or suspended); answers kept
/// for one that has left it can still be changed or forgotten.
pub fn answer_checklists(
    system: &InformationSystem,
    entry: &RegistryEntry,
    answers: Vec<ItemAnswer>,
    lists: &[Checklist],
    by: &Member,
    at: Moment,
) -> Result<Option<Change<InformationSystem>>, Refusal> {
    if !acts_for_procurer(by, &system.org) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProcurer));
    }
    let answers = checked(answers, lists)?;
    let kept = system.answers_for(&entry.id);
    if kept.map_or(answers.is_empty(), |kept| kept.answers == answers) {
        return Ok(None);
    }
    let mut next = system.clone();
    if answers.is_empty() {
        next.answers.retain(|kept| kept.entry != entry.id);
    } else {
        let saved = CandidateAnswers {
            entry: entry.id.clone(),
            answers,
            by: by.user_id.clone(),
            at_ms: at.at_ms,
            on: at.date(),
        };
        match next.answers.iter_mut().find(|kept| kept.entry == entry.id) {
            Some(slot) => *slot = saved,
            None => {
                if !matches!(
                    entry.status,
                    EntryStatus::Registered | EntryStatus::Suspended
                ) {
                    return Err(Refusal::Conflict(Conflict::EntryStatus {
                        entry: entry.id.clone(),
                        status: entry.status.code(),
                    }));
                }
                if next.answers.len() >= MAX_ANSWERED_CANDIDATES {
                    return Err(Refusal::Conflict(Conflict::AnsweredCandidatesFull {
                        system: system.id.clone(),
                        max: MAX_ANSWERED_CANDIDATES,
                    }));
                }
                next.answers.push(saved);
            }
        }
    }
    next.updated_at_ms = at.at_ms;
    let event = WorkflowEvent::new(
        by,
        at,
        SYSTEM_ANSWERED,
        &next.id,
        json!({ "system": next, "entry": entry.id }),
    );
    Ok(Some(Change { state: next, event }))
}
