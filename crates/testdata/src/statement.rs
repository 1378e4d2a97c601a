//! Statements (言明書) that answer everything a service must address, with texts that test a
//! file format's corners (line breaks, quotes, commas, both languages), and criteria as large
//! as a test asks for.

// A fixture that cannot be built is a broken test: failing loudly at once is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use shinrai_domain::criteria::{
    Actor, Control, CriteriaVersion, Group, Part, Status, TechnologyExample,
};
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::statement::{
    DocumentReference, ExcludedControl, ItemAnswer, ItemStatus, Responsibility, SelectedControl,
    StatementContent,
};

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

/// A criteria version of `count` detailed controls (ten per objective), every one for SaaS at
/// level 1 with one technology example, and three governance items: for tests of size.
pub fn large_criteria(count: usize) -> CriteriaVersion {
    let mut groups = vec![Group {
        id: "G.1".to_owned(),
        part: Part::Governance,
        title: Bilingual::new("方針", "Policy"),
        text: Bilingual::new("方針を定める", "Set the policy"),
    }];
    let mut controls: Vec<Control> = (1..=3)
        .map(|i| control(&format!("G.1.{i}"), "G.1", Part::Governance))
        .collect();
    for i in 0..count {
        let objective = format!("{}.{}", 8 + i / 100, (i / 10) % 10 + 1);
        if i % 10 == 0 {
            groups.push(Group {
                id: objective.clone(),
                part: Part::Control,
                title: Bilingual::new(
                    format!("目標 {objective}"),
                    format!("Objective {objective}"),
                ),
                text: Bilingual::new("目的", "Aim"),
            });
        }
        let mut c = control(
            &format!("{objective}.{}", i % 10 + 1),
            &objective,
            Part::Control,
        );
        c.technology_examples = vec![TechnologyExample::new("mfa", "多要素認証", "MFA")];
        controls.push(c);
    }
    CriteriaVersion {
        version: "large-1".to_owned(),
        title: Bilingual::new("大きな管理基準", "Large criteria"),
        status: Status::Published,
        published_on: None,
        groups,
        controls,
    }
}

fn control(id: &str, objective: &str, part: Part) -> Control {
    Control {
        id: id.to_owned(),
        part,
        objective: objective.to_owned(),
        text: Bilingual::new(format!("{id} を実施する。"), format!("Carry out {id}.")),
        mandatory: true,
        actor: Actor::Provider,
        min_level: Level::LOW,
        integrity: false,
        availability: false,
        service_models: vec![ServiceModel::SaaS],
        technology_examples: Vec::new(),
        references: Vec::new(),
    }
}
