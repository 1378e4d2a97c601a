//! Catalogs from elsewhere (SP 800-53 and the like): their groups and controls become criteria,
//! with levels from the profiles and texts rendered with their parameters.

use shinrai_domain::criteria::{
    Actor, Control, Group, Part, Reference, Relation, examples_from_free_text,
};
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_oscal::model::catalog;

use super::super::codec::{find_label, find_part, part};
use super::super::error::CriteriaOscalError;
use super::super::render::{Params, control_text, guidance_text, unlink};
use super::{Positioned, Reader};

impl Reader<'_> {
    pub(super) fn foreign(
        &mut self,
        catalog: &catalog::Catalog,
        version_id: &str,
    ) -> Result<(Bilingual, Positioned<Group>, Positioned<Control>), CriteriaOscalError> {
        let title = catalog.metadata.title.trim().to_owned();
        let upper = title.to_ascii_uppercase();
        let standard = if upper.contains("800-53") || upper.contains("NIST") {
            "NIST".to_owned()
        } else {
            version_id.to_owned()
        };
        let params = Params::of(catalog);
        let mut foreign = Foreign {
            params,
            standard,
            groups: Vec::new(),
            controls: Vec::new(),
        };
        let loose = catalog.controls.as_deref().unwrap_or_default();
        if !loose.is_empty() {
            let id = "ungrouped".to_owned();
            let before = foreign.controls.len();
            for (index, control) in loose.iter().enumerate() {
                self.foreign_control(
                    &mut foreign,
                    control,
                    &id,
                    format!("/catalog/controls/{index}"),
                )?;
            }
            let title = Bilingual::new("グループのない管理策", "Ungrouped controls");
            foreign.keep_group(self, before, id, title.clone(), title);
        }
        for (index, group) in catalog
            .groups
            .as_deref()
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let id = group
                .id
                .clone()
                .or_else(|| find_label(group.props.as_deref()).map(|(_, p)| p.value.clone()))
                .unwrap_or_else(|| format!("group-{}", index + 1));
            let before = foreign.controls.len();
            self.foreign_group(&mut foreign, group, &id, format!("/catalog/groups/{index}"))?;
            let en = unlink(group.title.trim());
            let overview = find_part(group.parts.as_deref(), part::OVERVIEW, false)
                .and_then(|p| p.prose.as_deref())
                .map(|prose| unlink(&foreign.params.fill(prose.trim())))
                .filter(|prose| !prose.is_empty())
                .unwrap_or_else(|| en.clone());
            foreign.keep_group(
                self,
                before,
                id,
                Bilingual::new(en.clone(), en),
                Bilingual::new(overview.clone(), overview),
            );
        }
        self.counts.texts = !foreign.controls.is_empty() || !foreign.groups.is_empty();
        Ok((
            Bilingual::new(title.clone(), title),
            foreign.groups,
            foreign.controls,
        ))
    }

    fn foreign_group(
        &mut self,
        foreign: &mut Foreign<'_>,
        group: &catalog::Group,
        family: &str,
        pointer: String,
    ) -> Result<(), CriteriaOscalError> {
        for (index, control) in group
            .controls
            .as_deref()
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            self.foreign_control(
                foreign,
                control,
                family,
                format!("{pointer}/controls/{index}"),
            )?;
        }
        for (index, sub) in group
            .groups
            .as_deref()
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            self.foreign_group(foreign, sub, family, format!("{pointer}/groups/{index}"))?;
        }
        Ok(())
    }

    fn foreign_control(
        &mut self,
        foreign: &mut Foreign<'_>,
        control: &catalog::Control,
        family: &str,
        pointer: String,
    ) -> Result<(), CriteriaOscalError> {
        if control.is_withdrawn() {
            self.counts.withdrawn += 1;
        } else {
            let level = if self.levels.is_empty() {
                let declared = self.level_prop(control.props.as_deref(), &pointer)?;
                if declared.is_some() {
                    self.counts.level_props += 1;
                }
                Some(declared.unwrap_or(Level::LOW))
            } else {
                self.profile_level(&control.id)
            };
            if let Some(min_level) = level {
                foreign
                    .controls
                    .push((None, foreign.control(control, family, min_level)));
            }
        }
        for (index, child) in control
            .controls
            .as_deref()
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            self.foreign_control(
                foreign,
                child,
                family,
                format!("{pointer}/controls/{index}"),
            )?;
        }
        Ok(())
    }
}

/// What a foreign catalog becomes, as it is read.
struct Foreign<'a> {
    params: Params<'a>,
    standard: String,
    groups: Positioned<Group>,
    controls: Positioned<Control>,
}

impl Foreign<'_> {
    /// Keeps a group when any control was kept since `before`; else counts it as left out.
    fn keep_group(
        &mut self,
        reader: &mut Reader<'_>,
        before: usize,
        id: String,
        title: Bilingual,
        text: Bilingual,
    ) {
        if self.controls.len() > before {
            self.groups.push((
                None,
                Group {
                    id,
                    part: Part::Control,
                    title,
                    text,
                },
            ));
        } else {
            reader.counts.empty_groups.push(id);
        }
    }

    fn control(&self, control: &catalog::Control, family: &str, min_level: Level) -> Control {
        let en = control_text(control, &self.params);
        let guidance = guidance_text(control, &self.params);
        let id = control.id.as_str();
        let family_is = |name: &str| family.eq_ignore_ascii_case(name);
        let within = |base: &str| {
            id.eq_ignore_ascii_case(base)
                || id
                    .to_ascii_lowercase()
                    .strip_prefix(base)
                    .is_some_and(|rest| rest.starts_with('.'))
        };
        let clause = control
            .label()
            .map(str::to_owned)
            .unwrap_or_else(|| id.to_ascii_uppercase());
        Control {
            id: id.to_owned(),
            part: Part::Control,
            objective: family.to_owned(),
            text: Bilingual::new(en.clone(), en),
            mandatory: true,
            actor: Actor::Provider,
            min_level,
            integrity: family_is("si"),
            availability: family_is("cp") || within("sc-5") || within("sc-6"),
            service_models: ServiceModel::ALL.to_vec(),
            technology_examples: examples_from_free_text(&Bilingual::new(
                guidance.clone(),
                guidance,
            )),
            references: vec![Reference {
                standard: self.standard.clone(),
                clause,
                relation: Relation::Equal,
            }],
        }
    }
}
