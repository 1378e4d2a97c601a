//! The statement editor's work apart from HTTP: which items and controls a page shows, how far
//! each objective is answered, what a posted page changes in the content, and where the
//! domain's problems belong on the page. A page holds one part or one objective, so a statement
//! of 1,200 controls is edited a few dozen controls at a time without scripts.

use std::collections::{HashMap, HashSet};

use shinrai_domain::criteria::{Control, CriteriaVersion, Part};
use shinrai_domain::precheck::PrecheckOutcome;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::statement::{
    ExcludedControl, ItemAnswer, ItemStatus, Responsibility, SelectedControl, Statement,
    StatementContent,
};

use crate::web::form::{Fields, Problems, lines};

/// The field names of one control or item on a page: `{what}|{id}`. A `|` is in no id.
pub fn name(what: &str, id: &str) -> String {
    format!("{what}|{id}")
}

/// A text of one control or item in both languages: the fields `{what}_ja|{id}` and
/// `{what}_en|{id}`.
fn text(fields: &Fields, what: &str, id: &str) -> Bilingual {
    Bilingual::new(
        fields.get(&name(&format!("{what}_ja"), id)).trim(),
        fields.get(&name(&format!("{what}_en"), id)).trim(),
    )
}

/// Where a control's or item's problems are shown.
pub fn place(id: &str) -> String {
    format!("/controls/{id}")
}

/// The items and controls of `part` (of `objective`, for controls) that apply to the
/// statement's level and the service's models, in the criteria's order.
pub fn applicable<'a>(
    criteria: &'a CriteriaVersion,
    statement: &Statement,
    models: &[ServiceModel],
    part: Part,
    objective: Option<&str>,
) -> Vec<&'a Control> {
    criteria
        .controls
        .iter()
        .filter(|control| control.part == part)
        .filter(|control| objective.is_none_or(|objective| control.objective == objective))
        .filter(|control| control.applies(statement.target_level, models))
        .collect()
}

/// How far one objective (or part) is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub id: String,
    pub title: String,
    pub applicable: usize,
    pub answered: usize,
    pub findings: usize,
}

impl Progress {
    pub fn done(&self) -> bool {
        self.answered == self.applicable && self.findings == 0
    }
}

/// The findings of the pre-check, by the item or control they are about.
pub fn findings_by_subject(outcome: &PrecheckOutcome) -> HashMap<&str, usize> {
    let mut by_subject = HashMap::new();
    for finding in &outcome.findings {
        *by_subject.entry(finding.subject.as_str()).or_insert(0) += 1;
    }
    by_subject
}

/// Progress of every control objective, in the criteria's order.
pub fn objective_progress(
    criteria: &CriteriaVersion,
    statement: &Statement,
    models: &[ServiceModel],
    outcome: &PrecheckOutcome,
    lang: Lang,
) -> Vec<Progress> {
    let answered: HashSet<&str> = answered_controls(&statement.content);
    let findings = findings_by_subject(outcome);
    let mut by_objective: HashMap<&str, Progress> = HashMap::new();
    for control in applicable(criteria, statement, models, Part::Control, None) {
        let progress = by_objective
            .entry(control.objective.as_str())
            .or_insert_with(|| Progress {
                id: control.objective.clone(),
                title: criteria
                    .group(&control.objective)
                    .map_or_else(String::new, |group| group.title.get(lang).to_owned()),
                applicable: 0,
                answered: 0,
                findings: findings
                    .get(control.objective.as_str())
                    .copied()
                    .unwrap_or(0),
            });
        progress.applicable += 1;
        if answered.contains(control.id.as_str()) {
            progress.answered += 1;
        }
        progress.findings += findings.get(control.id.as_str()).copied().unwrap_or(0);
    }
    criteria
        .groups
        .iter()
        .filter(|group| group.part == Part::Control)
        .filter_map(|group| by_objective.remove(group.id.as_str()))
        .collect()
}

/// Progress of the governance or management part.
pub fn part_progress(
    criteria: &CriteriaVersion,
    statement: &Statement,
    models: &[ServiceModel],
    outcome: &PrecheckOutcome,
    part: Part,
    lang: Lang,
) -> Progress {
    let items = applicable(criteria, statement, models, part, None);
    let answers = item_answers(&statement.content, part);
    let findings = findings_by_subject(outcome);
    Progress {
        id: part.code().to_owned(),
        title: part.title().get(lang).to_owned(),
        applicable: items.len(),
        answered: items
            .iter()
            .filter(|item| answers.iter().any(|answer| answer.item == item.id))
            .count(),
        findings: items
            .iter()
            .map(|item| findings.get(item.id.as_str()).copied().unwrap_or(0))
            .sum(),
    }
}

fn answered_controls(content: &StatementContent) -> HashSet<&str> {
    content
        .selected
        .iter()
        .map(|entry| entry.control.as_str())
        .chain(content.excluded.iter().map(|entry| entry.control.as_str()))
        .collect()
}

fn item_answers(content: &StatementContent, part: Part) -> &[ItemAnswer] {
    match part {
        Part::Governance => &content.governance,
        Part::Management | Part::Control => &content.management,
    }
}

/// The content with the answers a posted objective page gives for `controls`, and the problems
/// only the page can see (an unknown choice, a missing responsibility). Answers about other
/// controls are kept as they are. Always answers a content, so that a page with problems shows
/// the input as sent.
pub fn apply_controls(
    content: &StatementContent,
    controls: &[&Control],
    fields: &Fields,
    lang: Lang,
) -> (StatementContent, Problems) {
    let on_page: HashSet<&str> = controls.iter().map(|control| control.id.as_str()).collect();
    let mut next = StatementContent {
        selected: content
            .selected
            .iter()
            .filter(|entry| !on_page.contains(entry.control.as_str()))
            .cloned()
            .collect(),
        excluded: content
            .excluded
            .iter()
            .filter(|entry| !on_page.contains(entry.control.as_str()))
            .cloned()
            .collect(),
        ..content.clone()
    };
    let mut problems = Problems::none();
    for control in controls {
        let id = control.id.as_str();
        match fields.get(&name("state", id)) {
            "selected" => {
                let responsibility =
                    Responsibility::from_code(fields.get(&name("responsibility", id)));
                if responsibility.is_none() {
                    problems.field(
                        format!("{}/responsibility", place(id)),
                        choose_responsibility(id).get(lang),
                    );
                }
                let mut technologies: Vec<String> = fields
                    .all(&name("example", id))
                    .into_iter()
                    .filter(|example| control.technology_example(example).is_some())
                    .map(str::to_owned)
                    .collect();
                for other in lines(fields.get(&name("other", id))) {
                    if !technologies.contains(&other) {
                        technologies.push(other);
                    }
                }
                next.selected.push(SelectedControl {
                    control: id.to_owned(),
                    individual_control: text(fields, "individual", id),
                    responsibility: responsibility.unwrap_or(Responsibility::Csp),
                    technologies,
                    rationale: text(fields, "rationale", id),
                });
            }
            "excluded" => next.excluded.push(ExcludedControl {
                control: id.to_owned(),
                reason: text(fields, "reason", id),
            }),
            "" | "open" => {}
            _ => problems.field(format!("{}/state", place(id)), unknown_choice(id).get(lang)),
        }
    }
    (next, problems)
}

/// The content with the answers a posted governance or management page gives for `items`.
pub fn apply_items(
    content: &StatementContent,
    items: &[&Control],
    part: Part,
    fields: &Fields,
    lang: Lang,
) -> (StatementContent, Problems) {
    let on_page: HashSet<&str> = items.iter().map(|item| item.id.as_str()).collect();
    let mut answers: Vec<ItemAnswer> = item_answers(content, part)
        .iter()
        .filter(|answer| !on_page.contains(answer.item.as_str()))
        .cloned()
        .collect();
    let mut problems = Problems::none();
    for item in items {
        let id = item.id.as_str();
        let status = fields.get(&name("status", id));
        if status.is_empty() || status == "open" {
            continue;
        }
        match ItemStatus::from_code(status) {
            Some(status) => answers.push(ItemAnswer {
                item: id.to_owned(),
                status,
                description: text(fields, "description", id),
            }),
            None => problems.field(
                format!("{}/status", place(id)),
                unknown_choice(id).get(lang),
            ),
        }
    }
    let mut next = content.clone();
    match part {
        Part::Governance => next.governance = answers,
        Part::Management | Part::Control => next.management = answers,
    }
    (next, problems)
}

/// The domain's pointer into the whole content as the page's place of the control or item it
/// is about, and the name to show for it in the message.
pub fn page_field(content: &StatementContent, pointer: &str) -> Option<(String, String)> {
    let mut parts = pointer.trim_start_matches('/').splitn(3, '/');
    let list = parts.next()?;
    let index: usize = parts.next()?.parse().ok()?;
    let rest = parts.next().unwrap_or("");
    let id = match list {
        "selected" => content.selected.get(index)?.control.clone(),
        "excluded" => content.excluded.get(index)?.control.clone(),
        "governance" => content.governance.get(index)?.item.clone(),
        "management" => content.management.get(index)?.item.clone(),
        _ => return None,
    };
    let field = if rest.is_empty() {
        place(&id)
    } else {
        format!("{}/{rest}", place(&id))
    };
    let shown = if rest.is_empty() {
        id
    } else {
        format!("{id} {rest}")
    };
    Some((field, shown))
}

fn choose_responsibility(id: &str) -> Bilingual {
    Bilingual::new(
        format!("{id}: 実施主体（事業者・利用者・共同）を選んでください"),
        format!("{id}: choose who carries it out (provider, customer or shared)"),
    )
}

fn unknown_choice(id: &str) -> Bilingual {
    Bilingual::new(
        format!("{id}: 選択肢にない値です"),
        format!("{id}: not one of the choices offered"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use shinrai_domain::criteria::demo::demo_criteria;

    #[test]
    fn a_posted_objective_replaces_only_its_own_controls() {
        let criteria = demo_criteria().unwrap();
        let controls: Vec<&Control> = criteria
            .controls
            .iter()
            .filter(|c| c.part == Part::Control)
            .take(2)
            .collect();
        let other = SelectedControl {
            control: "elsewhere".into(),
            individual_control: Bilingual::new("a", "a"),
            responsibility: Responsibility::Shared,
            technologies: vec![],
            rationale: Bilingual::new("", ""),
        };
        let content = StatementContent {
            selected: vec![other.clone()],
            ..StatementContent::default()
        };
        let (first, second) = (&controls[0].id, &controls[1].id);
        let fields = Fields::from_pairs(vec![
            (name("state", first), "selected".into()),
            (name("individual_ja", first), "暗号化する".into()),
            (name("individual_en", first), "We encrypt".into()),
            (name("other", first), "Own KMS\n\nOwn KMS".into()),
            (name("state", second), "excluded".into()),
            (name("reason_en", second), "Not offered".into()),
            (name("responsibility", second), "nobody".into()),
        ]);
        let (next, problems) = apply_controls(&content, &controls, &fields, Lang::En);
        assert_eq!(
            next.selected[0], other,
            "another objective's answer is kept"
        );
        assert_eq!(next.selected[1].individual_control.en, "We encrypt");
        assert_eq!(next.selected[1].technologies, ["Own KMS"]);
        assert_eq!(next.excluded[0].reason.en, "Not offered");
        assert_eq!(
            problems.at(&place(first)),
            [format!(
                "{first}: choose who carries it out (provider, customer or shared)"
            )]
        );
        assert_eq!(
            page_field(&next, "/selected/1/individual_control/ja"),
            Some((
                format!("/controls/{first}/individual_control/ja"),
                format!("{first} individual_control/ja")
            ))
        );
        assert_eq!(page_field(&next, "/selected/9/x"), None);
    }
}
