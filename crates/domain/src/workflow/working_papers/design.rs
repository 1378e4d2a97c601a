//! Design (整備), the second phase: does the provider's individual control meet the selected
//! control? Where the statement names a technology that is not among the control's examples, the
//! auditor records whether it is equivalent and on what grounds, so the operator can check the
//! judgement later.

use serde::{Deserialize, Serialize};

use super::{ControlWork, Judged, check_phases, check_working, recorded};
use crate::criteria::{Control, CriteriaVersion};
use crate::policy::Member;
use crate::text::Bilingual;
use crate::workflow::audit::Audit;
use crate::workflow::fields::Problems;
use crate::workflow::statement::{SelectedControl, Statement};
use crate::workflow::{Change, Moment, Refusal};

/// The judgement on one technology that is not among the control's examples.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Equivalence {
    pub technology: String,
    pub equivalent: bool,
    pub grounds: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DesignJudgement {
    pub effective: bool,
    pub reason: Bilingual,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equivalences: Vec<Equivalence>,
    pub statement_version: u32,
    #[serde(flatten)]
    pub judged: Judged,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesignInput {
    pub control: String,
    pub effective: bool,
    pub reason: Bilingual,
    pub equivalences: Vec<Equivalence>,
}

/// The technologies a selected control names that are not ids of the control's examples.
pub fn free_technologies<'a>(selected: &'a SelectedControl, control: &Control) -> Vec<&'a str> {
    selected
        .technologies
        .iter()
        .map(String::as_str)
        .filter(|technology| {
            !control
                .technology_examples
                .iter()
                .any(|example| example.id == *technology)
        })
        .collect()
}

/// An auditor judges the design of one selected control of the statement the audit is on. Every
/// free technology needs exactly one equivalence judgement with its grounds, and a design with
/// a technology judged not equivalent cannot be effective.
pub fn judge_design(
    audit: &Audit,
    statement: &Statement,
    criteria: &CriteriaVersion,
    existing: Option<&ControlWork>,
    input: DesignInput,
    by: &Member,
    at: Moment,
) -> Result<Change<ControlWork>, Refusal> {
    check_working(audit, by)?;
    check_phases(audit)?;
    let mut problems = Problems::new();
    problems.long_text("/reason", &input.reason);
    let found = statement
        .content
        .selected(&input.control)
        .zip(criteria.control(&input.control));
    let Some((selected, control)) = found else {
        problems.push(
            "/control",
            "not_selected",
            Bilingual::new(
                format!(
                    "{} は言明書 {} 第 {} 版で選択された管理策ではありません",
                    input.control, statement.id, statement.version
                ),
                format!(
                    "{} is not a selected control of statement {} version {}",
                    input.control, statement.id, statement.version
                ),
            ),
        );
        return Err(problems.refusal());
    };
    let free = free_technologies(selected, control);
    check_equivalences(&mut problems, &free, &input);
    problems.finish()?;
    let mut work = ControlWork::of(audit, &input.control, existing);
    work.design = Some(DesignJudgement {
        effective: input.effective,
        reason: input.reason,
        equivalences: input.equivalences,
        statement_version: statement.version,
        judged: Judged::now(by, at),
    });
    Ok(recorded(work, "audit.design", by, at))
}

fn check_equivalences(problems: &mut Problems, free: &[&str], input: &DesignInput) {
    for (i, equivalence) in input.equivalences.iter().enumerate() {
        let field = format!("/equivalences/{i}");
        if !free.contains(&equivalence.technology.as_str()) {
            problems.push(
                format!("{field}/technology"),
                "not_a_free_technology",
                Bilingual::new(
                    format!(
                        "{field}/technology: {} は言明書が挙げた例示外の技術ではありません",
                        equivalence.technology
                    ),
                    format!(
                        "{field}/technology: {} is not a technology the statement names outside the examples",
                        equivalence.technology
                    ),
                ),
            );
        }
        problems.long_text(&format!("{field}/grounds"), &equivalence.grounds);
        if input.effective && !equivalence.equivalent {
            problems.push(
                "/effective",
                "not_equivalent",
                Bilingual::new(
                    format!(
                        "技術 {} を同等でないと判断したため、整備状況を有効とすることはできません",
                        equivalence.technology
                    ),
                    format!(
                        "technology {} is judged not equivalent, so the design cannot be effective",
                        equivalence.technology
                    ),
                ),
            );
        }
    }
    problems.duplicates(
        input.equivalences.iter().map(|e| e.technology.as_str()),
        |i| format!("/equivalences/{i}/technology"),
    );
    for technology in free {
        if !input
            .equivalences
            .iter()
            .any(|e| e.technology == *technology)
        {
            problems.push(
                "/equivalences",
                "equivalence_missing",
                Bilingual::new(
                    format!("例示外の技術 {technology} について同等性の判断と根拠を記録してください"),
                    format!(
                        "technology {technology} is not among the examples: record whether it is equivalent, and the grounds"
                    ),
                ),
            );
        }
    }
}
