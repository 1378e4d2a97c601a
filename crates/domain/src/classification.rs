//! Classifying an information system by confidentiality, integrity and availability (クラス分け),
//! and the registry level a procurer must ask for.

use serde_json::{Value, json};

use crate::case::bounds::MAX_NAME_CHARS;
use crate::case::{Node, Read};
use crate::level::Level;
use crate::sla_templates::{SlaItem, SlaTemplates};
use crate::text::{Bilingual, Lang};

/// Most kinds of information one case may list. A system handles a few dozen at most; the
/// names of the most sensitive ones are repeated in the advice.
pub const MAX_INFORMATION: usize = 100;

/// One kind of information the system handles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Information {
    pub name: String,
    pub confidentiality: Level,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassificationCase {
    pub system: String,
    /// The business function classified (国民向けサービス, 管理・支援, ...); free text.
    pub function: String,
    pub information: Vec<Information>,
    /// The level the information reaches when held together, if higher than its parts.
    pub aggregate_confidentiality: Option<Level>,
    pub availability: Level,
}

impl ClassificationCase {
    pub fn read(node: &Node<'_>) -> Read<ClassificationCase> {
        Ok(ClassificationCase {
            system: node.field("system", |n| n.string(MAX_NAME_CHARS))?,
            function: node.field("function", |n| n.string(MAX_NAME_CHARS))?,
            information: node.field("information", |list| {
                list.non_empty_items(MAX_INFORMATION, |item| {
                    Ok(Information {
                        name: item.field("name", |n| n.string(MAX_NAME_CHARS))?,
                        confidentiality: item.field("confidentiality", Node::level)?,
                    })
                })
            })?,
            aggregate_confidentiality: node.optional("aggregate_confidentiality", Node::level)?,
            availability: node.field("availability", Node::level)?,
        })
    }
}

/// Advice to the procurer; it never changes the class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Advice {
    /// The information mixes levels: the items at the top level could live in a separate system.
    ConsiderSplit {
        lowest: Level,
        highest: Level,
        items_at_highest: Vec<String>,
    },
    /// Held together, the information is more sensitive than any single item.
    AggregationRaisesLevel {
        aggregate: Level,
        highest_item: Level,
    },
}

impl Advice {
    pub fn code(&self) -> &'static str {
        match self {
            Advice::ConsiderSplit { .. } => "consider_split",
            Advice::AggregationRaisesLevel { .. } => "aggregation_raises_level",
        }
    }

    pub fn message(&self) -> Bilingual {
        match self {
            Advice::ConsiderSplit {
                lowest,
                highest,
                items_at_highest,
            } => Bilingual::new(
                format!(
                    "扱う情報の機密性がレベル {lowest} から {highest} にまたがっています。\
                     レベル {highest} の情報（{}）だけを別のシステムに分ければ、残りはより低いレベルで運用できます。",
                    items_at_highest.join("、")
                ),
                format!(
                    "The information spans confidentiality levels {lowest} to {highest}. \
                     Keeping only the level-{highest} items ({}) in a separate system would let the rest run at a lower level.",
                    items_at_highest.join(", ")
                ),
            ),
            Advice::AggregationRaisesLevel {
                aggregate,
                highest_item,
            } => Bilingual::new(
                format!(
                    "個々の情報は最高でもレベル {highest_item} ですが、集まるとレベル {aggregate} になるため、\
                     システムはレベル {aggregate} に格付けされます。"
                ),
                format!(
                    "No single item is above level {highest_item}, but held together the information reaches \
                     level {aggregate}, so the system is classified at level {aggregate}."
                ),
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    pub system: String,
    pub function: String,
    pub confidentiality: Level,
    pub availability: Level,
    /// The registry level a procurer must require: equal to the confidentiality level.
    pub registry_level: Level,
    pub advice: Vec<Advice>,
    pub sla_requirements: Vec<SlaItem>,
}

/// Integrity is one (high) level for every government system.
pub const INTEGRITY: &str = "high";

impl Classification {
    /// `C{c}-I-A{a}`.
    pub fn class(&self) -> String {
        format!("C{}-I-A{}", self.confidentiality, self.availability)
    }

    pub fn to_json(&self, lang: Lang) -> Value {
        let advice: Vec<Value> = self
            .advice
            .iter()
            .map(|advice| {
                let message = advice.message();
                let mut out = json!({
                    "code": advice.code(),
                    "message": message.get(lang),
                    "messages": message,
                });
                if let Some(fields) = out.as_object_mut() {
                    match advice {
                        Advice::ConsiderSplit {
                            items_at_highest,
                            highest,
                            ..
                        } => {
                            fields.insert("items".into(), json!(items_at_highest));
                            fields.insert("level".into(), json!(highest));
                        }
                        Advice::AggregationRaisesLevel { aggregate, .. } => {
                            fields.insert("level".into(), json!(aggregate));
                        }
                    }
                }
                out
            })
            .collect();
        let sla: Vec<Value> = self
            .sla_requirements
            .iter()
            .map(|item| {
                json!({
                    "item": item.item,
                    "title": item.title.get(lang),
                    "requirement": item.requirement.get(lang),
                    "titles": item.title,
                    "requirements": item.requirement,
                })
            })
            .collect();
        json!({
            "confidentiality": self.confidentiality,
            "integrity": INTEGRITY,
            "availability": self.availability,
            "registry_level": self.registry_level,
            "class": self.class(),
            "advice": advice,
            "sla_requirements": sla,
        })
    }
}

/// The confidentiality of a system holding information at `item_levels`, held together at
/// `aggregate` if that is higher: the highest of them (low when nothing is listed).
pub fn system_confidentiality(
    item_levels: impl IntoIterator<Item = Level>,
    aggregate: Option<Level>,
) -> Level {
    let highest_item = item_levels.into_iter().max().unwrap_or(Level::LOW);
    aggregate.map_or(highest_item, |aggregate| aggregate.max(highest_item))
}

pub fn classify(case: &ClassificationCase, templates: &SlaTemplates) -> Classification {
    let item_levels = case.information.iter().map(|item| item.confidentiality);
    let highest_item = item_levels.clone().max().unwrap_or(Level::LOW);
    let lowest_item = item_levels.clone().min().unwrap_or(Level::LOW);
    let confidentiality = system_confidentiality(item_levels, case.aggregate_confidentiality);

    let mut advice = Vec::new();
    if let Some(aggregate) = case.aggregate_confidentiality
        && aggregate > highest_item
    {
        advice.push(Advice::AggregationRaisesLevel {
            aggregate,
            highest_item,
        });
    }
    if lowest_item < highest_item {
        let mut items_at_highest: Vec<String> = case
            .information
            .iter()
            .filter(|item| item.confidentiality == highest_item)
            .map(|item| item.name.clone())
            .collect();
        items_at_highest.sort();
        advice.push(Advice::ConsiderSplit {
            lowest: lowest_item,
            highest: highest_item,
            items_at_highest,
        });
    }
    advice.sort_by_key(Advice::code);

    let mut sla_requirements = templates.for_level(case.availability).to_vec();
    sla_requirements.sort_by(|a, b| a.item.cmp(&b.item));

    Classification {
        system: case.system.clone(),
        function: case.function.clone(),
        confidentiality,
        availability: case.availability,
        registry_level: confidentiality,
        advice,
        sla_requirements,
    }
}
