//! Criteria and statements of the scheme's full size, for benchmarks and load tests: a published
//! criteria version with 20 governance and 40 management items and as many detailed controls as
//! asked (ten per control objective), and a statement that answers every item and applicable
//! control of it — the work of a provider who has finished writing.
//!
//! The same seed gives the same data; texts are Japanese and English of believable length, so
//! that sizes on disk and on the wire are those of real statements. [`answered`] fills a
//! statement whose texts test a file format's corners instead (line breaks, quotes, commas, a
//! language left empty).

// Fixed tables are indexed by a counter modulo their length: it cannot fail.
#![allow(clippy::indexing_slicing)]

use shinrai_domain::criteria::{
    Actor, Control, CriteriaVersion, Group, Part, Status, TechnologyExample,
};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::statement::{
    DocumentReference, ExcludedControl, ItemAnswer, ItemStatus, Responsibility, SelectedControl,
    StatementContent,
};

use shinrai_domain::SeededRandom;

/// Detailed controls under one control objective.
pub const CONTROLS_PER_OBJECTIVE: usize = 10;
/// Governance themes and items per theme: 20 items in all.
const GOVERNANCE: (usize, usize) = (4, 5);
/// Management themes and items per theme: 40 items in all.
const MANAGEMENT: (usize, usize) = (8, 5);

/// A published criteria version named `version` with `controls` detailed controls (rounded up to
/// whole objectives of ten). Levels and service models vary by control, so that a statement at
/// a level for some models has controls that do not apply to it.
pub fn large_criteria(version: &str, controls: usize, seed: u64) -> CriteriaVersion {
    let mut random = SeededRandom::new(seed);
    let mut groups = Vec::new();
    let mut items = Vec::new();
    for (part, prefix, (themes, per_theme)) in [
        (Part::Governance, "G", GOVERNANCE),
        (Part::Management, "M", MANAGEMENT),
    ] {
        for theme in 1..=themes {
            let id = format!("{prefix}.{theme}");
            groups.push(group(&id, part, theme));
            for number in 1..=per_theme {
                items.push(item(&format!("{id}.{number}"), &id, part, &mut random));
            }
        }
    }
    let objectives = controls.div_ceil(CONTROLS_PER_OBJECTIVE);
    for index in 0..objectives {
        // 8.1.1 … 8.9.9, then 9.1.1 …: three figures, as the scheme numbers objectives.
        let id = format!("{}.{}.{}", 8 + index / 81, 1 + index / 9 % 9, 1 + index % 9);
        groups.push(group(&id, Part::Control, index));
        for number in 1..=CONTROLS_PER_OBJECTIVE {
            items.push(detailed_control(
                &format!("{id}.{number}"),
                &id,
                &mut random,
            ));
        }
    }
    CriteriaVersion {
        version: version.to_owned(),
        title: Bilingual::new(
            format!("負荷試験用管理基準 {version}"),
            format!("Load-test criteria {version}"),
        ),
        status: Status::Published,
        published_on: CalendarDate::new(2026, 4, 1),
        transition_on: None,
        groups,
        controls: items,
        risks: Vec::new(),
    }
}

/// A finished statement for a service at `level` offered as `models`: every governance and
/// management item that applies implemented; every applicable control selected with an
/// individual control and its first technology example, one in four naming a product of the
/// provider's own with a rationale, and one in fifty of the non-mandatory ones excluded with a
/// reason.
pub fn full_statement(
    criteria: &CriteriaVersion,
    level: Level,
    models: &[ServiceModel],
    seed: u64,
) -> StatementContent {
    let mut random = SeededRandom::new(seed);
    let mut content = StatementContent::default();
    for control in &criteria.controls {
        if !control.applies(level, models) {
            continue;
        }
        match control.part {
            Part::Governance => content.governance.push(item_answer(control)),
            Part::Management => content.management.push(item_answer(control)),
            Part::Control => {
                if !control.mandatory && random.below(50) == 0 {
                    content.excluded.push(ExcludedControl {
                        control: control.id.clone(),
                        reason: Bilingual::new(
                            "本サービスは当該機能を提供しておらず、対象となる資産を持たない。",
                            "The service does not offer this function and holds no asset it \
                             concerns.",
                        ),
                    });
                } else {
                    content
                        .selected
                        .push(selected_control(control, random.below(4) == 0));
                }
            }
        }
    }
    content
}

/// Every item and control of `criteria` that applies at `level` to a service of `models`,
/// answered in the criteria's order: items by turns implemented, partial and not implemented;
/// every fifth recommended control excluded, the others selected with responsibilities by turns,
/// an example's id or a free name with a rationale as technologies; two documents.
pub fn answered(
    criteria: &CriteriaVersion,
    level: Level,
    models: &[ServiceModel],
) -> StatementContent {
    let mut content = StatementContent::default();
    let mut n = 0usize;
    for control in criteria
        .controls
        .iter()
        .filter(|c| c.applies(level, models))
    {
        n += 1;
        let id = &control.id;
        match control.part {
            Part::Governance | Part::Management => {
                let answer = ItemAnswer {
                    item: id.clone(),
                    status: ItemStatus::ALL[n % 3],
                    description: Bilingual::new(
                        format!(
                            "{id} を年 1 回見直す。\n担当: 情報セキュリティ委員会、「規程」第{n}条"
                        ),
                        format!(
                            "{id} is reviewed yearly.\nOwner: the security committee, \"policy\" art. {n}"
                        ),
                    ),
                };
                if control.part == Part::Governance {
                    content.governance.push(answer);
                } else {
                    content.management.push(answer);
                }
            }
            Part::Control if !control.mandatory && n.is_multiple_of(5) => {
                content.excluded.push(ExcludedControl {
                    control: id.clone(),
                    reason: Bilingual::new(
                        format!("{id} の対象となる機能を提供しない。"),
                        if n.is_multiple_of(2) {
                            format!("The service offers no feature {id} concerns, so it is out of scope.")
                        } else {
                            String::new()
                        },
                    ),
                });
            }
            Part::Control => {
                let mut technologies: Vec<String> = control
                    .technology_examples
                    .iter()
                    .take(2)
                    .map(|example| example.id.clone())
                    .collect();
                let free = n.is_multiple_of(4) || technologies.is_empty();
                if free {
                    technologies.push(format!("社内ツール {n}, v2"));
                }
                content.selected.push(SelectedControl {
                    control: id.clone(),
                    individual_control: Bilingual::new(
                        format!("{id}: 手順書「運用{n}」に従い、\n四半期ごとに確認する。"),
                        format!(
                            "{id}: following runbook \"ops-{n}\",\nchecked every quarter; see §{n}."
                        ),
                    ),
                    responsibility: Responsibility::ALL[n % 3],
                    technologies,
                    rationale: if free {
                        Bilingual::new("例と同等の機能を持つ。", "It does what the examples do.")
                    } else {
                        Bilingual::new("", "")
                    },
                });
            }
        }
    }
    content.documents = vec![
        DocumentReference {
            title: Bilingual::new("情報セキュリティ基本方針", "Information security policy"),
            location: "https://intra.example.jp/policies/security".to_owned(),
        },
        DocumentReference {
            title: Bilingual::new("運用手順書", ""),
            location: "文書管理システム / ops, 第3版".to_owned(),
        },
    ];
    content
}

fn group(id: &str, part: Part, index: usize) -> Group {
    Group {
        id: id.to_owned(),
        part,
        title: Bilingual::new(format!("統制目標 {id}"), format!("Objective {id}")),
        text: Bilingual::new(
            format!("第 {index} 群の管理策により、情報資産の機密性、完全性及び可用性を保つ。"),
            format!(
                "The controls of group {index} keep the confidentiality, integrity and \
                 availability of information assets."
            ),
        ),
    }
}

fn item(id: &str, theme: &str, part: Part, random: &mut SeededRandom) -> Control {
    Control {
        id: id.to_owned(),
        part,
        objective: theme.to_owned(),
        text: Bilingual::new(
            format!("経営陣は {id} の方針を定め、年に一度見直す。"),
            format!("Top management sets the policy of {id} and reviews it once a year."),
        ),
        mandatory: true,
        actor: Actor::Provider,
        min_level: level_of(random),
        integrity: false,
        availability: false,
        service_models: ServiceModel::ALL.to_vec(),
        technology_examples: Vec::new(),
        references: Vec::new(),
    }
}

fn detailed_control(id: &str, objective: &str, random: &mut SeededRandom) -> Control {
    let examples = (1..=1 + random.below(3))
        .map(|n| {
            TechnologyExample::new(
                format!("tech-{n}"),
                format!("技術例 {n}({id})"),
                format!("Technology example {n} ({id})"),
            )
        })
        .collect();
    // One control in five concerns only some service models.
    let service_models = match random.below(10) {
        0 => vec![ServiceModel::IaaS],
        1 => vec![ServiceModel::PaaS, ServiceModel::SaaS],
        _ => ServiceModel::ALL.to_vec(),
    };
    Control {
        id: id.to_owned(),
        part: Part::Control,
        objective: objective.to_owned(),
        text: Bilingual::new(
            format!(
                "クラウドサービス事業者は、{id} に係る手順を文書化し、変更を承認の上で記録する。"
            ),
            format!(
                "The provider documents the procedure of {id}, approves every change to it and \
                 records the change."
            ),
        ),
        mandatory: random.below(3) != 0,
        actor: Actor::Provider,
        min_level: level_of(random),
        integrity: random.below(4) == 0,
        availability: random.below(4) == 0,
        service_models,
        technology_examples: examples,
        references: Vec::new(),
    }
}

/// Levels 1, 2 and 3 in the proportions of the scheme's criteria: most controls from level 1.
fn level_of(random: &mut SeededRandom) -> Level {
    match random.below(10) {
        0..=4 => Level::LOW,
        5..=7 => Level::MIDDLE,
        _ => Level::HIGH,
    }
}

fn item_answer(item: &Control) -> ItemAnswer {
    ItemAnswer {
        item: item.id.clone(),
        status: ItemStatus::Implemented,
        description: Bilingual::new(
            "取締役会が承認した情報セキュリティ方針に定め、内部監査で年に一度確認している。",
            "Set in the information security policy approved by the board, and checked once a \
             year by internal audit.",
        ),
    }
}

fn selected_control(control: &Control, own_product: bool) -> SelectedControl {
    let mut technologies: Vec<String> = control
        .technology_examples
        .first()
        .map(|example| example.id.clone())
        .into_iter()
        .collect();
    let rationale = if own_product {
        technologies.push(format!("自社開発の管理基盤 {}", control.id));
        Bilingual::new(
            "自社開発の管理基盤は例示の技術と同じ機能を持ち、毎年第三者の評価を受けている。",
            "Our own management platform does what the example does and is assessed by a third \
             party every year.",
        )
    } else {
        Bilingual::new("", "")
    };
    SelectedControl {
        control: control.id.clone(),
        individual_control: Bilingual::new(
            format!(
                "運用担当者は {} の手順書に従って作業し、変更は変更諮問委員会の承認後に適用して、\
                 作業記録を一年間保管する。",
                control.id
            ),
            format!(
                "Operators follow the written procedure for {}; changes are applied after the \
                 change advisory board approves them, and work records are kept for a year.",
                control.id
            ),
        ),
        responsibility: Responsibility::Csp,
        technologies,
        rationale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_criteria_are_consistent_and_of_the_asked_size() {
        let criteria = large_criteria("load-1200", 1_200, 7);
        assert!(shinrai_domain::criteria::check(&criteria).is_empty());
        let counts = criteria.counts();
        assert_eq!(
            (counts.governance, counts.management, counts.controls),
            (20, 40, 1_200)
        );
    }

    #[test]
    fn the_statement_answers_everything_that_applies_and_saves() {
        let criteria = large_criteria("load-1200", 1_200, 7);
        let models = ServiceModel::ALL;
        let content = full_statement(&criteria, Level::HIGH, &models, 7);
        let applicable = criteria
            .controls
            .iter()
            .filter(|control| control.part == Part::Control)
            .filter(|control| control.applies(Level::HIGH, &models))
            .count();
        assert_eq!(content.selected.len() + content.excluded.len(), applicable);
        assert!(applicable > 1_100, "{applicable}");
        assert!(!content.excluded.is_empty());
        assert!(content.check(&criteria).is_ok());
    }
}
