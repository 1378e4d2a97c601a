//! Catalogs shinrai wrote: every field of the criteria read back from its own props and parts.

use shinrai_domain::criteria::{
    Actor, Control, Group, Part, Reference, Relation, TechnologyExample, example_problems,
    examples_from_free_text,
};
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_oscal::model::catalog;
use shinrai_oscal::model::common::Property;

use super::super::codec::{
    all_our_parts, all_ours, decode_reference, decode_value, find_label, find_ours, find_part,
    part, prop,
};
use super::super::error::CriteriaOscalError;
use super::{Positioned, Reader};

impl Reader<'_> {
    pub(super) fn shinrai(
        &mut self,
        catalog: &catalog::Catalog,
    ) -> Result<(Bilingual, Positioned<Group>, Positioned<Control>), CriteriaOscalError> {
        let metadata = &catalog.metadata;
        let title = self.title(
            metadata.props.as_deref(),
            &metadata.title,
            "/catalog/metadata",
        )?;
        let mut groups = Vec::new();
        let mut controls = Vec::new();
        for (index, top) in catalog
            .groups
            .as_deref()
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let pointer = format!("/catalog/groups/{index}");
            let part = self
                .part_prop(top.props.as_deref(), &pointer)?
                .ok_or_else(|| {
                    self.bad(
                        pointer.clone(),
                        Bilingual::new(
                            "最上位のグループに shinrai の part プロパティがありません",
                            "a top-level group has no shinrai part property",
                        ),
                    )
                })?;
            if top.controls.is_some() {
                return Err(self.misplaced(format!("{pointer}/controls")));
            }
            for (g, group) in top.groups.as_deref().unwrap_or_default().iter().enumerate() {
                let pointer = format!("{pointer}/groups/{g}");
                if group.groups.is_some() {
                    return Err(self.misplaced(format!("{pointer}/groups")));
                }
                let (position, read) = self.group(group, part, &pointer)?;
                for (c, control) in group
                    .controls
                    .as_deref()
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                {
                    let pointer = format!("{pointer}/controls/{c}");
                    if let Some(read) = self.control(control, Some((part, &read.id)), &pointer)? {
                        controls.push(read);
                    }
                }
                groups.push((position, read));
            }
        }
        for (index, control) in catalog
            .controls
            .as_deref()
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let pointer = format!("/catalog/controls/{index}");
            if let Some(read) = self.control(control, None, &pointer)? {
                controls.push(read);
            }
        }
        Ok((title, groups, controls))
    }

    fn misplaced(&self, pointer: String) -> CriteriaOscalError {
        self.bad(
            pointer,
            Bilingual::new(
                "shinrai のカタログでは、部の下にグループ、グループの下に管理策だけを置きます",
                "a shinrai catalog holds groups in parts and controls in groups, nothing else here",
            ),
        )
    }

    fn group(
        &mut self,
        group: &catalog::Group,
        part: Part,
        pointer: &str,
    ) -> Result<(Option<usize>, Group), CriteriaOscalError> {
        let props = group.props.as_deref();
        let id = match find_label(props) {
            Some((index, label)) => self.decoded(label, &format!("{pointer}/props/{index}"))?,
            None => {
                let id = group.id.as_deref().unwrap_or_default();
                id.strip_prefix("g-").unwrap_or(id).to_owned()
            }
        };
        let title = self.title(props, &group.title, pointer)?;
        let text = self.texts(group.parts.as_deref(), part::OVERVIEW, part::OVERVIEW_JA);
        let position = self.position(props, pointer)?;
        Ok((
            position,
            Group {
                id,
                part,
                title,
                text,
            },
        ))
    }

    fn control(
        &mut self,
        control: &catalog::Control,
        home: Option<(Part, &str)>,
        pointer: &str,
    ) -> Result<Option<(Option<usize>, Control)>, CriteriaOscalError> {
        if control.controls.is_some() {
            return Err(self.misplaced(format!("{pointer}/controls")));
        }
        let props = control.props.as_deref();
        let id = match find_label(props) {
            Some((index, label)) => self.decoded(label, &format!("{pointer}/props/{index}"))?,
            None => control
                .id
                .strip_prefix("c-")
                .unwrap_or(&control.id)
                .to_owned(),
        };
        let part = match (self.part_prop(props, pointer)?, home) {
            (Some(part), _) | (None, Some((part, _))) => part,
            (None, None) => return Err(self.missing(pointer, prop::PART)),
        };
        let objective = match (find_ours(props, prop::OBJECTIVE), home) {
            (Some((index, found)), _) => {
                self.decoded(found, &format!("{pointer}/props/{index}"))?
            }
            (None, Some((_, objective))) => objective.to_owned(),
            (None, None) => return Err(self.missing(pointer, prop::OBJECTIVE)),
        };
        let declared = self.level_prop(props, pointer)?;
        let min_level = if self.levels.is_empty() {
            declared.unwrap_or(Level::LOW)
        } else {
            let Some(level) = self.profile_level(&control.id) else {
                return Ok(None);
            };
            if declared.is_some_and(|declared| declared != level) {
                self.counts.level_overridden += 1;
            }
            level
        };
        let mut service_models = Vec::new();
        for (index, found) in all_ours(props, prop::SERVICE_MODEL) {
            let model = ServiceModel::from_name(&found.value).ok_or_else(|| {
                self.bad(
                    format!("{pointer}/props/{index}/value"),
                    Bilingual::new(
                        format!(
                            "サービスモデルは IaaS、PaaS、SaaS のいずれかです（{}）",
                            found.value
                        ),
                        format!(
                            "a service model is IaaS, PaaS or SaaS, not {:?}",
                            found.value
                        ),
                    ),
                )
            })?;
            service_models.push(model);
        }
        // Governance and management items without models concern every model.
        if service_models.is_empty() && part != Part::Control {
            service_models = ServiceModel::ALL.to_vec();
        }
        let mut references = Vec::new();
        for (index, found) in all_ours(props, prop::REFERENCE) {
            references.push(self.reference(found, &format!("{pointer}/props/{index}"))?);
        }
        let parts = control.parts.as_deref();
        let technology_examples = self.technology_examples(parts, &id, pointer)?;
        let read = Control {
            id,
            part,
            objective,
            text: self.texts(parts, part::STATEMENT, part::STATEMENT_JA),
            mandatory: self.flag(props, prop::MANDATORY, true, pointer)?,
            actor: self.actor(props, pointer)?,
            min_level,
            integrity: self.flag(props, prop::INTEGRITY, false, pointer)?,
            availability: self.flag(props, prop::AVAILABILITY, false, pointer)?,
            service_models,
            technology_examples,
            references,
        };
        Ok(Some((self.position(props, pointer)?, read)))
    }

    /// The control's `technology-example` parts; a catalog of format 1 without them gives its
    /// `guidance` prose as numbered examples instead. Ids must be tokens unique in the control.
    fn technology_examples(
        &mut self,
        parts: Option<&[shinrai_oscal::model::common::Part]>,
        control: &str,
        pointer: &str,
    ) -> Result<Vec<TechnologyExample>, CriteriaOscalError> {
        let mut examples = Vec::new();
        // Where each example's id was read, to point at it if it is refused.
        let mut id_pointers = Vec::new();
        for (index, found) in all_our_parts(parts, part::TECHNOLOGY_EXAMPLE) {
            let at = format!("{pointer}/parts/{index}");
            let props = found.props.as_deref();
            let Some((p, id)) = find_ours(props, prop::EXAMPLE_ID) else {
                return Err(self.bad(
                    at,
                    Bilingual::new(
                        format!("管理策 {control} の技術の例に example-id プロパティがありません"),
                        format!(
                            "a technology example of control {control} has no example-id property"
                        ),
                    ),
                ));
            };
            let id = self.decoded(id, &format!("{at}/props/{p}"))?;
            id_pointers.push(format!("{at}/props/{p}/value"));
            let en = found.prose.clone().unwrap_or_default();
            let ja = match find_ours(props, prop::NAME_JA) {
                Some((p, ja)) => self.decoded(ja, &format!("{at}/props/{p}"))?,
                None => {
                    self.counts.ja_copied += 1;
                    en.clone()
                }
            };
            examples.push(TechnologyExample::new(id, ja, en));
        }
        if let Some((position, problem)) = example_problems(&examples).first() {
            let at = id_pointers.get(*position).cloned().unwrap_or_default();
            return Err(self.bad(at, problem.message_for(control)));
        }
        if examples.is_empty() {
            let text = self.texts(parts, part::GUIDANCE, part::GUIDANCE_JA);
            examples = examples_from_free_text(&text);
        }
        Ok(examples)
    }

    fn missing(&self, pointer: &str, name: &str) -> CriteriaOscalError {
        self.bad(
            pointer.to_owned(),
            Bilingual::new(
                format!("グループの外の管理策に shinrai の {name} プロパティがありません"),
                format!("a control outside any group has no shinrai {name} property"),
            ),
        )
    }

    /// English in OSCAL's part `en_name`, Japanese in shinrai's `ja_name`; a missing Japanese
    /// text is the English one (and counted).
    fn texts(
        &mut self,
        parts: Option<&[shinrai_oscal::model::common::Part]>,
        en_name: &str,
        ja_name: &str,
    ) -> Bilingual {
        let prose = |name, shinrai| {
            find_part(parts, name, shinrai).map(|p| p.prose.clone().unwrap_or_default())
        };
        let en = prose(en_name, false);
        let ja = prose(ja_name, true);
        match (ja, en) {
            (Some(ja), en) => Bilingual::new(ja, en.unwrap_or_default()),
            (None, Some(en)) => {
                self.counts.ja_copied += 1;
                Bilingual::new(en.clone(), en)
            }
            (None, None) => Bilingual::new("", ""),
        }
    }

    /// A title: English from `title-en` or else OSCAL's `title`, Japanese from `title-ja` or
    /// else the English (counted).
    pub(super) fn title(
        &mut self,
        props: Option<&[Property]>,
        display: &str,
        pointer: &str,
    ) -> Result<Bilingual, CriteriaOscalError> {
        let en = match find_ours(props, prop::TITLE_EN) {
            Some((index, found)) => self.decoded(found, &format!("{pointer}/props/{index}"))?,
            None => display.to_owned(),
        };
        let ja = match find_ours(props, prop::TITLE_JA) {
            Some((index, found)) => self.decoded(found, &format!("{pointer}/props/{index}"))?,
            None => {
                self.counts.ja_copied += 1;
                en.clone()
            }
        };
        Ok(Bilingual::new(ja, en))
    }

    pub(super) fn decoded(
        &self,
        found: &Property,
        pointer: &str,
    ) -> Result<String, CriteriaOscalError> {
        decode_value(&found.value).ok_or_else(|| {
            self.bad(
                format!("{pointer}/value"),
                Bilingual::new(
                    "\" で始まる値は JSON の文字列でなければなりません",
                    "a value starting with \" must be a JSON string",
                ),
            )
        })
    }

    fn part_prop(
        &self,
        props: Option<&[Property]>,
        pointer: &str,
    ) -> Result<Option<Part>, CriteriaOscalError> {
        let Some((index, found)) = find_ours(props, prop::PART) else {
            return Ok(None);
        };
        Part::from_code(&found.value).map(Some).ok_or_else(|| {
            self.bad(
                format!("{pointer}/props/{index}/value"),
                Bilingual::new(
                    format!(
                        "part は governance、management、control のいずれかです（{}）",
                        found.value
                    ),
                    format!(
                        "part must be governance, management or control, not {:?}",
                        found.value
                    ),
                ),
            )
        })
    }

    fn flag(
        &self,
        props: Option<&[Property]>,
        name: &str,
        default: bool,
        pointer: &str,
    ) -> Result<bool, CriteriaOscalError> {
        match find_ours(props, name) {
            None => Ok(default),
            Some((_, found)) if found.value == "true" => Ok(true),
            Some((_, found)) if found.value == "false" => Ok(false),
            Some((index, found)) => Err(self.bad(
                format!("{pointer}/props/{index}/value"),
                Bilingual::new(
                    format!("{name} は true か false です（{}）", found.value),
                    format!("{name} must be true or false, not {:?}", found.value),
                ),
            )),
        }
    }

    fn actor(
        &self,
        props: Option<&[Property]>,
        pointer: &str,
    ) -> Result<Actor, CriteriaOscalError> {
        let Some((index, found)) = find_ours(props, prop::ACTOR) else {
            return Ok(Actor::Provider);
        };
        Actor::from_code(&found.value).ok_or_else(|| {
            self.bad(
                format!("{pointer}/props/{index}/value"),
                Bilingual::new(
                    format!(
                        "actor は provider、customer、both のいずれかです（{}）",
                        found.value
                    ),
                    format!(
                        "actor must be provider, customer or both, not {:?}",
                        found.value
                    ),
                ),
            )
        })
    }

    fn position(
        &self,
        props: Option<&[Property]>,
        pointer: &str,
    ) -> Result<Option<usize>, CriteriaOscalError> {
        let Some((index, found)) = find_ours(props, prop::POSITION) else {
            return Ok(None);
        };
        found.value.parse().map(Some).map_err(|_| {
            self.bad(
                format!("{pointer}/props/{index}/value"),
                Bilingual::new(
                    format!("position は 0 以上の整数です（{}）", found.value),
                    format!("position must be a whole number, not {:?}", found.value),
                ),
            )
        })
    }

    fn reference(&self, found: &Property, pointer: &str) -> Result<Reference, CriteriaOscalError> {
        let (standard, clause) = decode_reference(&found.value).ok_or_else(|| {
            self.bad(
                format!("{pointer}/value"),
                Bilingual::new(
                    format!("参照は 規格:条項 の形です（{}）", found.value),
                    format!("a reference is STANDARD:CLAUSE, not {:?}", found.value),
                ),
            )
        })?;
        let relation = match found.class.as_deref() {
            None => Relation::Equal,
            Some(class) => Relation::from_code(class).ok_or_else(|| {
                self.bad(
                    format!("{pointer}/class"),
                    Bilingual::new(
                        format!("参照の関係は equal、subset、superset、intersect のいずれかです（{class}）"),
                        format!("a reference's relation is equal, subset, superset or intersect, not {class:?}"),
                    ),
                )
            })?,
        };
        Ok(Reference {
            standard,
            clause,
            relation,
        })
    }
}
