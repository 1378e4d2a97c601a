//! Writing a statement as an OSCAL system security plan (mapping in the module above).

use std::collections::HashSet;

use serde_json::{Value, json};
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::statement::ItemStatus;
use shinrai_oscal::output::to_text;
use shinrai_oscal::source::Format;

use super::error::SspError;
use super::{FORMAT_VERSION, prop};
use crate::oscal_criteria::codec::{NS, display_line, encode_value, token};
use crate::oscal_criteria::{OSCAL_VERSION, profile_file};
use crate::statement::StatementFile;

/// What the plan says beyond the statement: the service it is for and when it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SspOptions {
    /// The service's name, as the plan's system name.
    pub system_name: Bilingual,
    /// An identifier of the service (the statement's or service's id); it also seeds the uuids,
    /// so the same statement always gives the same plan.
    pub system_id: String,
    /// OSCAL `last-modified`, an RFC 3339 date-time with a time zone.
    pub last_modified: String,
}

impl Default for SspOptions {
    fn default() -> Self {
        SspOptions {
            system_name: Bilingual::new("言明書の対象サービス", "The service of the statement"),
            system_id: "statement".to_owned(),
            last_modified: "2026-01-01T00:00:00Z".to_owned(),
        }
    }
}

/// The plan as text: JSON or YAML.
pub fn write_ssp(
    statement: &StatementFile,
    options: &SspOptions,
    format: Format,
) -> Result<Vec<u8>, SspError> {
    let plan = export_ssp(statement, options)?;
    Ok(to_text(&plan, format, "system-security-plan")?.into_bytes())
}

/// The plan as a JSON value `{"system-security-plan": …}`.
pub fn export_ssp(statement: &StatementFile, options: &SspOptions) -> Result<Value, SspError> {
    let uuid = |what: &str| {
        let name = format!("{NS}/statement/{}/{what}", options.system_id);
        uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes()).to_string()
    };
    let system = uuid("this-system");
    let mut tokens = HashSet::new();
    let mut requirements = Vec::new();
    let mut requirement = |id: &str, props: Vec<Value>, by_component: Value| {
        let mut props = props;
        props.insert(0, ours(prop::CONTROL, id));
        requirements.push(json!({
            "uuid": uuid(&format!("requirement/{id}")),
            "control-id": token("c-", id, &mut tokens),
            "props": props,
            "by-components": [by_component],
        }));
    };
    let by_component = |id: &str, text: &Bilingual, state: &str, extra: Vec<Value>| {
        let mut props = vec![ours(prop::DESCRIPTION_JA, &text.ja)];
        props.extend(extra);
        json!({
            "component-uuid": system,
            "uuid": uuid(&format!("by-component/{id}")),
            "description": text.en,
            "props": props,
            "implementation-status": {"state": state},
        })
    };
    for (part, answers) in [
        ("governance", &statement.governance),
        ("management", &statement.management),
    ] {
        for answer in answers {
            let state = match answer.status {
                ItemStatus::Implemented => "implemented",
                ItemStatus::Partial => "partial",
                ItemStatus::NotImplemented => "planned",
            };
            requirement(
                &answer.item,
                vec![
                    ours(prop::PART, part),
                    ours(prop::STATUS, answer.status.code()),
                ],
                by_component(&answer.item, &answer.description, state, Vec::new()),
            );
        }
    }
    for selected in &statement.selected {
        let mut props = vec![
            ours(prop::PART, "control"),
            ours(prop::SELECTION, "selected"),
            ours(prop::RESPONSIBILITY, selected.responsibility.code()),
        ];
        props.extend(
            selected
                .technologies
                .iter()
                .map(|technology| ours(prop::TECHNOLOGY, technology)),
        );
        let mut extra = Vec::new();
        if !selected.rationale.ja.is_empty() {
            extra.push(ours(prop::RATIONALE_JA, &selected.rationale.ja));
        }
        if !selected.rationale.en.is_empty() {
            extra.push(ours(prop::RATIONALE_EN, &selected.rationale.en));
        }
        requirement(
            &selected.control,
            props,
            by_component(
                &selected.control,
                &selected.individual_control,
                "implemented",
                extra,
            ),
        );
    }
    for excluded in &statement.excluded {
        requirement(
            &excluded.control,
            vec![
                ours(prop::PART, "control"),
                ours(prop::SELECTION, "excluded"),
            ],
            by_component(
                &excluded.control,
                &excluded.reason,
                "not-applicable",
                Vec::new(),
            ),
        );
    }
    if requirements.is_empty() {
        return Err(SspError::NothingToWrite);
    }

    let version = &statement.criteria_version;
    let level = statement.target_level;
    let name = display_line(&options.system_name.en, &options.system_name.ja);
    let mut plan = json!({
        "uuid": uuid("plan"),
        "metadata": {
            "title": format!("Statement (言明書) of {name}: criteria {version}, level {level}"),
            "last-modified": options.last_modified,
            "version": encode_value(version),
            "oscal-version": OSCAL_VERSION,
            "props": [
                ours(prop::FORMAT, FORMAT_VERSION),
                ours(prop::CRITERIA_VERSION, version),
                ours(prop::TARGET_LEVEL, &level.to_string()),
            ],
        },
        "import-profile": {"href": profile_file(level)},
        "system-characteristics": {
            "system-ids": [{"identifier-type": NS, "id": encode_value(&options.system_id)}],
            "system-name": encode_value(&name),
            "description": format!(
                "言明書: 管理基準 {version}、目標レベル {level}。\n\nThe statement of the service against criteria {version}, aiming at level {level}."
            ),
            "system-information": {
                "information-types": [{
                    "title": "Information the service processes",
                    "description": "サービスが扱う情報（言明書の対象範囲による）。 The information the service processes, as the statement's scope describes.",
                }],
            },
            "status": {"state": "operational"},
            "authorization-boundary": {
                "description": "言明書の対象範囲。 The scope the statement covers.",
            },
        },
        "system-implementation": {
            "components": [{
                "uuid": system,
                "type": "this-system",
                "title": name,
                "description": format!("{} / {}", options.system_name.ja, options.system_name.en),
                "status": {"state": "operational"},
            }],
        },
        "control-implementation": {
            "description": "言明書の回答: 管理策ごとに選択（個別管理策、責任、技術）または除外（理由）、ガバナンス・マネジメント項目ごとに実施状況。 The statement's answers: each control selected (individual control, responsibility, technologies) or excluded (reason), and each governance and management item's status.",
            "implemented-requirements": requirements,
        },
    });
    if !statement.documents.is_empty() {
        let resources: Vec<Value> = statement
            .documents
            .iter()
            .enumerate()
            .map(|(index, document)| {
                json!({
                    "uuid": uuid(&format!("document/{index}")),
                    "title": display_line(&document.title.en, &document.title.ja),
                    "props": [
                        ours(prop::TITLE_JA, &document.title.ja),
                        ours(prop::TITLE_EN, &document.title.en),
                        ours(prop::LOCATION, &document.location),
                    ],
                })
            })
            .collect();
        if let Some(object) = plan.as_object_mut() {
            object.insert("back-matter".to_owned(), json!({"resources": resources}));
        }
    }
    Ok(json!({"system-security-plan": plan}))
}

/// A shinrai property whose value survives whatever it holds.
fn ours(name: &str, value: &str) -> Value {
    json!({"name": name, "ns": NS, "value": encode_value(value)})
}
