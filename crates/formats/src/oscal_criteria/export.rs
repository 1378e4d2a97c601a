//! Writing a criteria version as an OSCAL catalog and one profile per level.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;
use shinrai_domain::criteria::{Control, CriteriaVersion, Group, Part};
use shinrai_domain::level::Level;
use shinrai_oscal::model::catalog;
use shinrai_oscal::model::common::{BackMatter, Metadata, Property};
use shinrai_oscal::model::profile::{Import, Merge, Profile, SelectControls};
use shinrai_oscal::output::to_text;
use shinrai_oscal::source::Format;

use super::codec::{
    FORMAT_PROP, FORMAT_VERSION, display_line, encode_reference, encode_value, example_part, label,
    ours, part, prop, prose_part, token,
};
use super::error::CriteriaOscalError;
use super::risk_map::risk_resources;

/// The OSCAL version written (the schema the oscal crate validates against).
pub const OSCAL_VERSION: &str = "1.2.1";

/// The catalog's file name; the profiles import it by this relative `href`.
pub const CATALOG_FILE: &str = "catalog.json";

/// The file name of the profile of `level`: `profile-level-1.json`…
pub fn profile_file(level: Level) -> String {
    format!("profile-level-{level}.json")
}

/// A version as OSCAL: the catalog and the profiles of levels 1, 2 and 3.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    pub catalog: catalog::Catalog,
    pub profiles: [Profile; 3],
}

#[derive(Serialize)]
struct CatalogRoot<'a> {
    catalog: &'a catalog::Catalog,
}

#[derive(Serialize)]
struct ProfileRoot<'a> {
    profile: &'a Profile,
}

impl Exported {
    /// Each file's name and JSON text: the catalog, then the profiles of levels 1 to 3.
    pub fn files(&self) -> Result<Vec<(String, String)>, CriteriaOscalError> {
        let mut files = vec![(
            CATALOG_FILE.to_owned(),
            to_text(
                &CatalogRoot {
                    catalog: &self.catalog,
                },
                Format::Json,
                CATALOG_FILE,
            )?,
        )];
        for (profile, level) in self.profiles.iter().zip(Level::ALL) {
            let name = profile_file(level);
            let text = to_text(&ProfileRoot { profile }, Format::Json, &name)?;
            files.push((name, text));
        }
        Ok(files)
    }

    /// Writes the four files into `dir` (made when missing) and gives their paths.
    pub fn write_to(&self, dir: &Path) -> Result<Vec<PathBuf>, CriteriaOscalError> {
        let failed = |path: &Path, error: std::io::Error| CriteriaOscalError::Write {
            file: path.display().to_string(),
            why: error.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(|e| failed(dir, e))?;
        let mut written = Vec::new();
        for (name, text) in self.files()? {
            let path = dir.join(name);
            std::fs::write(&path, text).map_err(|e| failed(&path, e))?;
            written.push(path);
        }
        Ok(written)
    }
}

/// Writes `version` into `dir` as `catalog.json` and `profile-level-{1,2,3}.json`.
pub fn export_to_dir(
    version: &CriteriaVersion,
    dir: &Path,
) -> Result<Vec<PathBuf>, CriteriaOscalError> {
    export_catalog(version).write_to(dir)
}

/// `last-modified`: the day of publication at midnight UTC, or a fixed time for drafts (and for
/// days OSCAL's date-time pattern does not take), so that the same version always gives the same
/// files.
fn timestamp(version: &CriteriaVersion) -> String {
    version
        .published_on
        .filter(|day| {
            (1900..=2999).contains(&day.year())
                // The schema's leap-day pattern takes 29 February only from 2000 on.
                && !(day.year() < 2000 && day.month() == 2 && day.day() == 29)
        })
        .map(|day| {
            format!(
                "{:04}-{:02}-{:02}T00:00:00Z",
                day.year(),
                day.month(),
                day.day()
            )
        })
        .unwrap_or_else(|| super::DRAFT_TIMESTAMP.to_owned())
}

fn uuid_for(version: &CriteriaVersion, what: &str) -> String {
    let name = format!("{}/criteria/{}/{what}", super::codec::NS, version.version);
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes()).to_string()
}

fn metadata(title: String, version: &CriteriaVersion, props: Vec<Property>) -> Metadata {
    Metadata {
        title,
        published: None,
        last_modified: timestamp(version),
        version: encode_value(&version.version),
        oscal_version: OSCAL_VERSION.to_owned(),
        revisions: None,
        document_ids: None,
        props: Some(props),
        links: None,
        roles: None,
        locations: None,
        parties: None,
        responsible_parties: None,
        actions: None,
        remarks: None,
        extra: Default::default(),
    }
}

fn flag(name: &str, value: bool) -> Property {
    ours(name, if value { "true" } else { "false" })
}

/// Title properties: `title-ja` always, `title-en` when OSCAL's `title` is not the English text.
pub(super) fn title_props(en: &str, ja: &str, display: &str) -> Vec<Property> {
    let mut props = Vec::new();
    if display != en {
        props.push(ours(prop::TITLE_EN, encode_value(en)));
    }
    props.push(ours(prop::TITLE_JA, encode_value(ja)));
    props
}

/// The catalog and the three level profiles of `version`. Deterministic: the same version gives
/// the same documents (uuids are v5 of the version id; times come from `published_on`).
pub fn export_catalog(version: &CriteriaVersion) -> Exported {
    let mut used = HashSet::new();
    let group_ids: Vec<String> = version
        .groups
        .iter()
        .map(|group| token("g-", &group.id, &mut used))
        .collect();
    let control_ids: Vec<String> = version
        .controls
        .iter()
        .map(|control| token("c-", &control.id, &mut used))
        .collect();

    // A control sits in the first group of its part with its objective's id; others are loose.
    let mut first_group: HashMap<(Part, &str), usize> = HashMap::new();
    for (index, group) in version.groups.iter().enumerate() {
        first_group
            .entry((group.part, group.id.as_str()))
            .or_insert(index);
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); version.groups.len()];
    let mut loose = Vec::new();
    for (index, control) in version.controls.iter().enumerate() {
        let home = first_group
            .get(&(control.part, control.objective.as_str()))
            .and_then(|&group| members.get_mut(group));
        match home {
            Some(list) => list.push(index),
            None => loose.push(index),
        }
    }
    // Nesting gives groups part by part and controls group by group; when that is not the
    // version's order, every group and control also carries its position.
    let group_order: Vec<usize> = Part::ALL
        .iter()
        .flat_map(|&part| {
            version
                .groups
                .iter()
                .enumerate()
                .filter(move |(_, group)| group.part == part)
                .map(|(index, _)| index)
        })
        .collect();
    let control_order: Vec<usize> = group_order
        .iter()
        .flat_map(|&group| members.get(group).into_iter().flatten().copied())
        .chain(loose.iter().copied())
        .collect();
    let positioned = !group_order.iter().copied().eq(0..version.groups.len())
        || !control_order.iter().copied().eq(0..version.controls.len());

    let writer = Writer {
        control_ids: &control_ids,
        positioned,
    };
    let mut part_groups = Vec::new();
    for part in Part::ALL {
        let nested: Vec<catalog::Group> = group_order
            .iter()
            .filter_map(|&index| {
                let group = version.groups.get(index)?;
                let id = group_ids.get(index)?;
                (group.part == part).then(|| {
                    let controls = members
                        .get(index)
                        .into_iter()
                        .flatten()
                        .filter_map(|&c| Some((c, version.controls.get(c)?)))
                        .filter_map(|(c, control)| writer.control(c, control, false))
                        .collect();
                    writer.group(index, id, group, controls)
                })
            })
            .collect();
        if nested.is_empty() {
            continue;
        }
        part_groups.push(catalog::Group {
            id: Some(format!("part-{}", part.code())),
            class: Some("part".to_owned()),
            title: part.title().en,
            params: None,
            props: Some(vec![ours(prop::PART, part.code())]),
            links: None,
            parts: None,
            groups: Some(nested),
            controls: None,
            extra: Default::default(),
        });
    }
    let loose_controls: Vec<catalog::Control> = loose
        .iter()
        .filter_map(|&c| writer.control(c, version.controls.get(c)?, true))
        .collect();

    let title = display_line(&version.title.en, &version.version);
    let mut catalog_props = vec![ours(FORMAT_PROP, FORMAT_VERSION)];
    catalog_props.extend(title_props(&version.title.en, &version.title.ja, &title));
    let catalog = catalog::Catalog {
        uuid: uuid_for(version, "catalog"),
        metadata: metadata(title.clone(), version, catalog_props),
        params: None,
        controls: (!loose_controls.is_empty()).then_some(loose_controls),
        groups: (!part_groups.is_empty()).then_some(part_groups),
        back_matter: (!version.risks.is_empty()).then(|| BackMatter {
            resources: Some(risk_resources(version, |what| uuid_for(version, what))),
            extra: Default::default(),
        }),
        extra: Default::default(),
    };
    let profiles = Level::ALL.map(|level| {
        let ids: Vec<String> = version
            .controls
            .iter()
            .zip(&control_ids)
            .filter(|(control, _)| control.required_at(level))
            .map(|(_, id)| id.clone())
            .collect();
        profile(version, &title, level, ids, &control_ids)
    });
    Exported { catalog, profiles }
}

fn select(ids: Vec<String>) -> Vec<SelectControls> {
    vec![SelectControls {
        with_child_controls: None,
        with_ids: Some(ids),
        matching: None,
        extra: Default::default(),
    }]
}

fn profile(
    version: &CriteriaVersion,
    title: &str,
    level: Level,
    ids: Vec<String>,
    all: &[String],
) -> Profile {
    // `with-ids` may not be empty: a level with no control takes all and leaves all out.
    let (include_all, include, exclude) = if !ids.is_empty() {
        (None, Some(select(ids)), None)
    } else if all.is_empty() {
        (
            Some(serde_json::Value::Object(Default::default())),
            None,
            None,
        )
    } else {
        (
            Some(serde_json::Value::Object(Default::default())),
            None,
            Some(select(all.to_vec())),
        )
    };
    Profile {
        uuid: uuid_for(version, &format!("profile-level-{level}")),
        metadata: metadata(
            format!("{title} (level {level})"),
            version,
            vec![
                ours(FORMAT_PROP, FORMAT_VERSION),
                ours(prop::LEVEL, level.to_string()),
            ],
        ),
        imports: vec![Import {
            href: CATALOG_FILE.to_owned(),
            include_all,
            include_controls: include,
            exclude_controls: exclude,
            extra: Default::default(),
        }],
        merge: Some(Merge {
            combine: None,
            flat: None,
            as_is: Some(true),
            custom: None,
            extra: Default::default(),
        }),
        modify: None,
        back_matter: None,
        extra: Default::default(),
    }
}

struct Writer<'a> {
    control_ids: &'a [String],
    positioned: bool,
}

impl Writer<'_> {
    fn group(
        &self,
        index: usize,
        id: &str,
        group: &Group,
        controls: Vec<catalog::Control>,
    ) -> catalog::Group {
        let title = display_line(&group.title.en, &group.id);
        let mut props = vec![label(&group.id)];
        props.extend(title_props(&group.title.en, &group.title.ja, &title));
        if self.positioned {
            props.push(ours(prop::POSITION, index.to_string()));
        }
        catalog::Group {
            id: Some(id.to_owned()),
            class: None,
            title,
            params: None,
            props: Some(props),
            links: None,
            parts: Some(vec![
                prose_part(part::OVERVIEW, false, &group.text.en),
                prose_part(part::OVERVIEW_JA, true, &group.text.ja),
            ]),
            groups: None,
            controls: (!controls.is_empty()).then_some(controls),
            extra: Default::default(),
        }
    }

    fn control(&self, index: usize, control: &Control, loose: bool) -> Option<catalog::Control> {
        let id = self.control_ids.get(index)?;
        let mut props = vec![label(&control.id)];
        if loose {
            props.push(ours(prop::PART, control.part.code()));
            props.push(ours(prop::OBJECTIVE, encode_value(&control.objective)));
        }
        props.extend([
            flag(prop::MANDATORY, control.mandatory),
            ours(prop::ACTOR, control.actor.code()),
            ours(prop::MIN_LEVEL, control.min_level.to_string()),
            flag(prop::INTEGRITY, control.integrity),
            flag(prop::AVAILABILITY, control.availability),
        ]);
        props.extend(
            control
                .service_models
                .iter()
                .map(|model| ours(prop::SERVICE_MODEL, model.name())),
        );
        props.extend(control.references.iter().map(|reference| Property {
            class: Some(reference.relation.code().to_owned()),
            ..ours(
                prop::REFERENCE,
                encode_reference(&reference.standard, &reference.clause),
            )
        }));
        if self.positioned {
            props.push(ours(prop::POSITION, index.to_string()));
        }
        let mut parts = vec![
            prose_part(part::STATEMENT, false, &control.text.en),
            prose_part(part::STATEMENT_JA, true, &control.text.ja),
        ];
        parts.extend(
            control
                .technology_examples
                .iter()
                .map(|example| example_part(&example.id, &example.name.ja, &example.name.en)),
        );
        Some(catalog::Control {
            id: id.clone(),
            class: None,
            title: display_line(&control.id, "control"),
            params: None,
            props: Some(props),
            links: None,
            parts: Some(parts),
            controls: None,
            extra: Default::default(),
        })
    }
}
