//! Reading back a system security plan written by [`export_ssp`](super::export_ssp): every
//! answer from its implemented requirement, every error at a JSON pointer.

use std::collections::HashSet;
use std::path::Path;

use shinrai_domain::case::bounds::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use shinrai_domain::criteria::is_valid_version_id;
use shinrai_domain::level::Level;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::statement::{
    DocumentReference, ExcludedControl, ItemAnswer, ItemStatus, MAX_TECHNOLOGIES, Responsibility,
    SelectedControl,
};
use shinrai_oscal::model::common::Property;
use shinrai_oscal::model::ssp::{ByComponent, ImplementedRequirement, SystemSecurityPlan};
use shinrai_oscal::source::{Format, Source, parse_document};
use shinrai_oscal::{ErrorKind, Model, OscalError, Place};

use super::error::SspError;
use super::prop;
use crate::oscal_criteria::codec::{all_ours, decode_value, find_ours};
use crate::statement::StatementFile;

/// The largest plan read: 32 MiB, far above a statement of thousands of controls.
pub const MAX_SSP_BYTES: usize = 32 * 1024 * 1024;

const ROOT: &str = "/system-security-plan";

/// Reads a plan (JSON or YAML) named `name` in messages.
pub fn import_ssp(name: &str, bytes: &[u8]) -> Result<StatementFile, SspError> {
    if bytes.len() > MAX_SSP_BYTES {
        return Err(SspError::Oscal(OscalError::new(
            name,
            Place::WholeFile,
            ErrorKind::TooLarge,
            Bilingual::new(
                format!(
                    "{} バイトで、上限の {MAX_SSP_BYTES} バイトを超えています",
                    bytes.len()
                ),
                format!(
                    "{} bytes, over the limit of {MAX_SSP_BYTES} bytes",
                    bytes.len()
                ),
            ),
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        SspError::Oscal(OscalError::new(
            name,
            Place::ByteOffset(error.valid_up_to()),
            ErrorKind::NotUtf8,
            Bilingual::new("UTF-8 として正しくありません", "not valid UTF-8"),
        ))
    })?;
    let format = Format::detect(Path::new(name), text);
    let source = Source::from_text(name, format, text.to_owned());
    let document = parse_document(&source)?;
    let Model::SystemSecurityPlan(plan) = document.model else {
        return Err(SspError::at(
            name,
            "",
            Bilingual::new(
                format!(
                    "system-security-plan ではなく {} です",
                    document.model.kind().root_key()
                ),
                format!(
                    "not a system-security-plan but a {}",
                    document.model.kind().root_key()
                ),
            ),
        ));
    };
    Reader { file: name }.plan(&plan)
}

struct Reader<'a> {
    file: &'a str,
}

fn why(ja: impl Into<String>, en: impl Into<String>) -> Bilingual {
    Bilingual::new(ja, en)
}

impl Reader<'_> {
    fn fail(&self, pointer: String, why: Bilingual) -> SspError {
        SspError::at(self.file, pointer, why)
    }

    /// The text of the first shinrai property `name`, decoded; `None` when there is none.
    fn text(
        &self,
        props: Option<&[Property]>,
        base: &str,
        name: &str,
    ) -> Result<Option<String>, SspError> {
        match find_ours(props, name) {
            None => Ok(None),
            Some((index, property)) => decode_value(&property.value).map(Some).ok_or_else(|| {
                self.fail(
                    format!("{base}/props/{index}/value"),
                    why(
                        "JSON の文字列として読めない値です",
                        "a quoted value that is not a JSON string",
                    ),
                )
            }),
        }
    }

    fn required(
        &self,
        props: Option<&[Property]>,
        base: &str,
        name: &str,
    ) -> Result<String, SspError> {
        self.text(props, base, name)?.ok_or_else(|| {
            self.fail(
                format!("{base}/props"),
                why(
                    format!("shinrai のプロパティ {name} がありません"),
                    format!("no shinrai property {name}"),
                ),
            )
        })
    }

    /// A property whose value must be one of a list of codes.
    fn code<T>(
        &self,
        props: Option<&[Property]>,
        base: &str,
        name: &str,
        decode: impl Fn(&str) -> Option<T>,
        allowed: &str,
    ) -> Result<T, SspError> {
        let value = self.required(props, base, name)?;
        decode(&value).ok_or_else(|| {
            let index = find_ours(props, name).map_or(0, |(index, _)| index);
            self.fail(
                format!("{base}/props/{index}/value"),
                why(
                    format!("{name} の値「{value}」は {allowed} のいずれでもありません"),
                    format!("{name} \"{value}\" is not one of {allowed}"),
                ),
            )
        })
    }

    fn bounded(&self, text: String, pointer: String, max: usize) -> Result<String, SspError> {
        let chars = text.chars().count();
        if chars > max {
            return Err(self.fail(
                pointer,
                why(
                    format!("文が {chars} 文字あり、上限の {max} 文字を超えています"),
                    format!("the text is {chars} characters long, more than the {max} allowed"),
                ),
            ));
        }
        Ok(text)
    }

    fn plan(&self, plan: &SystemSecurityPlan) -> Result<StatementFile, SspError> {
        let metadata = format!("{ROOT}/metadata");
        let props = plan.metadata.props.as_deref();
        if find_ours(props, prop::FORMAT).is_none() {
            return Err(self.fail(
                format!("{metadata}/props"),
                why(
                    "shinrai が書いた言明書ではありません（プロパティ statement-format がありません）",
                    "not a statement written by shinrai (no property statement-format)",
                ),
            ));
        }
        let criteria_version = self.required(props, &metadata, prop::CRITERIA_VERSION)?;
        if !is_valid_version_id(&criteria_version) {
            let index = find_ours(props, prop::CRITERIA_VERSION).map_or(0, |(i, _)| i);
            return Err(self.fail(
                format!("{metadata}/props/{index}/value"),
                why(
                    format!("版の ID「{criteria_version}」は英数字と . _ - の 64 文字以内にしてください"),
                    format!("version id \"{criteria_version}\" must be 1 to 64 letters, digits, '.', '_' or '-'"),
                ),
            ));
        }
        let target_level = self.code(
            props,
            &metadata,
            prop::TARGET_LEVEL,
            |value| value.parse().ok().and_then(Level::new),
            "1, 2, 3",
        )?;
        let mut statement = StatementFile {
            criteria_version,
            target_level,
            governance: Vec::new(),
            management: Vec::new(),
            selected: Vec::new(),
            excluded: Vec::new(),
            documents: Vec::new(),
        };
        let mut items = HashSet::new();
        let mut controls = HashSet::new();
        let requirements = &plan.control_implementation.implemented_requirements;
        for (index, requirement) in requirements.iter().enumerate() {
            let base = format!("{ROOT}/control-implementation/implemented-requirements/{index}");
            self.requirement(
                requirement,
                &base,
                &mut statement,
                &mut items,
                &mut controls,
            )?;
        }
        let resources = plan
            .back_matter
            .as_ref()
            .and_then(|back| back.resources.as_deref())
            .unwrap_or_default();
        for (index, resource) in resources.iter().enumerate() {
            let base = format!("{ROOT}/back-matter/resources/{index}");
            let props = resource.props.as_deref();
            let Some(location) = self.text(props, &base, prop::LOCATION)? else {
                continue;
            };
            let ja = self.text(props, &base, prop::TITLE_JA)?.unwrap_or_default();
            let en = self.text(props, &base, prop::TITLE_EN)?.unwrap_or_default();
            let title = Bilingual::new(
                self.bounded(ja, format!("{base}/props"), MAX_NAME_CHARS)?,
                self.bounded(en, format!("{base}/props"), MAX_NAME_CHARS)?,
            );
            let location = self.bounded(location, format!("{base}/props"), MAX_TEXT_CHARS)?;
            statement
                .documents
                .push(DocumentReference { title, location });
        }
        Ok(statement)
    }

    fn requirement(
        &self,
        requirement: &ImplementedRequirement,
        base: &str,
        statement: &mut StatementFile,
        items: &mut HashSet<String>,
        controls: &mut HashSet<String>,
    ) -> Result<(), SspError> {
        let props = requirement.props.as_deref();
        let id = match self.text(props, base, prop::CONTROL)? {
            Some(id) => id,
            None => requirement.control_id.clone(),
        };
        let part = self
            .text(props, base, prop::PART)?
            .unwrap_or_else(|| "control".to_owned());
        let (by_component, by_base) = self.by_component(requirement, base)?;
        let text = |reader: &Self| -> Result<Bilingual, SspError> {
            let props = by_component.props.as_deref();
            let ja = reader
                .text(props, &by_base, prop::DESCRIPTION_JA)?
                .unwrap_or_default();
            Ok(Bilingual::new(
                reader.bounded(ja, format!("{by_base}/props"), MAX_TEXT_CHARS)?,
                reader.bounded(
                    by_component.description.clone(),
                    format!("{by_base}/description"),
                    MAX_TEXT_CHARS,
                )?,
            ))
        };
        let seen = if part == "control" {
            &mut *controls
        } else {
            &mut *items
        };
        if !seen.insert(id.clone()) {
            return Err(self.fail(
                format!("{base}/control-id"),
                why(
                    format!("{id} の実装要件が 2 つあります"),
                    format!("{id} has two implemented requirements"),
                ),
            ));
        }
        match part.as_str() {
            "governance" | "management" => {
                let status = self.code(
                    props,
                    base,
                    prop::STATUS,
                    ItemStatus::from_code,
                    "implemented, partial, not_implemented",
                )?;
                let answer = ItemAnswer {
                    item: id,
                    status,
                    description: text(self)?,
                };
                if part == "governance" {
                    statement.governance.push(answer);
                } else {
                    statement.management.push(answer);
                }
            }
            "control" => {
                let selected = self.code(
                    props,
                    base,
                    prop::SELECTION,
                    |value| match value {
                        "selected" => Some(true),
                        "excluded" => Some(false),
                        _ => None,
                    },
                    "selected, excluded",
                )?;
                if !selected {
                    statement.excluded.push(ExcludedControl {
                        control: id,
                        reason: text(self)?,
                    });
                    return Ok(());
                }
                let responsibility = self.code(
                    props,
                    base,
                    prop::RESPONSIBILITY,
                    Responsibility::from_code,
                    "csp, customer, shared",
                )?;
                let mut technologies = Vec::new();
                for (index, property) in all_ours(props, prop::TECHNOLOGY) {
                    let pointer = format!("{base}/props/{index}/value");
                    let Some(technology) = decode_value(&property.value) else {
                        return Err(self.fail(
                            pointer,
                            why(
                                "JSON の文字列として読めない値です",
                                "a quoted value that is not a JSON string",
                            ),
                        ));
                    };
                    technologies.push(self.bounded(technology, pointer, MAX_NAME_CHARS)?);
                }
                if technologies.len() > MAX_TECHNOLOGIES {
                    return Err(self.fail(
                        format!("{base}/props"),
                        why(
                            format!("技術が上限の {MAX_TECHNOLOGIES} 個を超えています"),
                            format!("more than the {MAX_TECHNOLOGIES} technologies allowed"),
                        ),
                    ));
                }
                let by_props = by_component.props.as_deref();
                let rationale = Bilingual::new(
                    self.text(by_props, &by_base, prop::RATIONALE_JA)?
                        .unwrap_or_default(),
                    self.text(by_props, &by_base, prop::RATIONALE_EN)?
                        .unwrap_or_default(),
                );
                statement.selected.push(SelectedControl {
                    control: id,
                    individual_control: text(self)?,
                    responsibility,
                    technologies,
                    rationale: Bilingual::new(
                        self.bounded(rationale.ja, format!("{by_base}/props"), MAX_TEXT_CHARS)?,
                        self.bounded(rationale.en, format!("{by_base}/props"), MAX_TEXT_CHARS)?,
                    ),
                });
            }
            other => {
                let index = find_ours(props, prop::PART).map_or(0, |(i, _)| i);
                return Err(self.fail(
                    format!("{base}/props/{index}/value"),
                    why(
                        format!("part の値「{other}」は governance、management、control のいずれでもありません"),
                        format!("part \"{other}\" is not governance, management or control"),
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The one by-component holding the texts, and its pointer.
    fn by_component<'r>(
        &self,
        requirement: &'r ImplementedRequirement,
        base: &str,
    ) -> Result<(&'r ByComponent, String), SspError> {
        let found = requirement.by_components.as_deref().unwrap_or_default();
        match found.first() {
            Some(first) => Ok((first, format!("{base}/by-components/0"))),
            None => Err(self.fail(
                base.to_owned(),
                why(
                    "by-components がありません（文は by-component の description にあります）",
                    "no by-components (the texts are in a by-component's description)",
                ),
            )),
        }
    }
}
