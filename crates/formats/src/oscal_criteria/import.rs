//! Reading a catalog (and its level profiles) as a criteria version.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use shinrai_domain::criteria::{
    Actor, Control, CriteriaVersion, Group, Part, Reference, Relation, Status, TechnologyExample,
    example_problems, examples_from_free_text,
};
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_oscal::model::catalog;
use shinrai_oscal::model::common::{BackMatter, Property};
use shinrai_oscal::resolve::{Lookup, Options, resolve_file};
use shinrai_oscal::source::{Limits, parse_document, read_source};
use shinrai_oscal::{Model, ModelKind, Place};

use super::Imported;
use super::codec::{
    FORMAT_PROP, all_our_parts, all_ours, decode_reference, decode_value, find_label, find_ours,
    find_part, part, prop,
};
use super::error::CriteriaOscalError;
use super::render::{Params, control_text, guidance_text, unlink};

/// Reads `catalog` as criteria version `version_id`.
///
/// `level_profiles` are the profiles of levels 1, 2, 3 in that order (none, or one to three):
/// a control's `min_level` is the lowest level whose profile selects it, and controls no profile
/// selects are left out. Each profile must import `catalog` itself (directly; by path, by URL or
/// missing path with the same file name in the catalog's folder, or through a back-matter
/// resource). Without profiles every control is at level 1 unless it carries shinrai's
/// `min-level` property.
///
/// A catalog written by [`export_catalog`](super::export_catalog) (marked by shinrai's
/// `criteria-format` metadata property) is read back attribute by attribute; any other catalog
/// is mapped as described in the [module documentation](super).
///
/// All or nothing: on error nothing is returned, and the error names the file and the place.
pub fn import_catalog(
    catalog: &Path,
    level_profiles: &[PathBuf],
    version_id: &str,
) -> Result<Imported, CriteriaOscalError> {
    if level_profiles.len() > Level::ALL.len() {
        return Err(CriteriaOscalError::TooManyProfiles {
            given: level_profiles.len(),
        });
    }
    let catalog_dir = match catalog.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    for profile in level_profiles {
        check_imports(profile, catalog, &catalog_dir)?;
    }
    let options = Options {
        lookup: Lookup {
            catalog_dir: Some(catalog_dir),
            limits: Limits::default(),
        },
        timestamp: super::DRAFT_TIMESTAMP.to_owned(),
        tool: "shinrai".to_owned(),
    };
    // Resolution reads the catalog again for each profile: let that run beside our own reading.
    let (read, resolved) = std::thread::scope(|scope| {
        let handles: Vec<_> = level_profiles
            .iter()
            .map(|profile| scope.spawn(|| resolve_level(profile, &options)))
            .collect();
        let read = read_catalog(catalog);
        let resolved: Vec<_> = handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|payload| std::panic::resume_unwind(payload))
            })
            .collect();
        (read, resolved)
    });
    let (file, catalog) = read?;
    let mut levels = Vec::with_capacity(resolved.len());
    let mut notes = Vec::new();
    for result in resolved {
        let (ids, resolution_notes) = result?;
        levels.push(ids);
        notes.extend(resolution_notes);
    }

    let shinrai = find_ours(catalog.metadata.props.as_deref(), FORMAT_PROP).is_some();
    let mut reader = Reader {
        file: &file,
        levels: &levels,
        counts: Counts::default(),
    };
    let (title, mut groups, mut controls) = if shinrai {
        reader.shinrai(&catalog)?
    } else {
        reader.foreign(&catalog, version_id)?
    };
    if shinrai {
        // Positions are written only when nesting alone would not give back the order.
        if groups.iter().any(|(position, _)| position.is_some())
            || controls.iter().any(|(position, _)| position.is_some())
        {
            groups.sort_by_key(|(position, _)| position.unwrap_or(usize::MAX));
            controls.sort_by_key(|(position, _)| position.unwrap_or(usize::MAX));
        }
    }
    notes.extend(reader.counts.notes(shinrai, levels.len()));
    Ok(Imported {
        version: CriteriaVersion {
            version: version_id.to_owned(),
            title,
            status: Status::Draft,
            published_on: None,
            groups: groups.into_iter().map(|(_, group)| group).collect(),
            controls: controls.into_iter().map(|(_, control)| control).collect(),
        },
        notes,
    })
}

fn read_catalog(path: &Path) -> Result<(String, catalog::Catalog), CriteriaOscalError> {
    let source = read_source(path, Limits::default())?;
    let document = parse_document(&source)?;
    match document.model {
        Model::Catalog(catalog) => Ok((source.name, *catalog)),
        other => Err(CriteriaOscalError::WrongModel {
            file: source.name,
            expected: ModelKind::Catalog,
            found: other.kind(),
        }),
    }
}

/// The ids of the controls a level profile selects, and what resolution had to say.
fn resolve_level(
    profile: &Path,
    options: &Options,
) -> Result<(HashSet<String>, Vec<Bilingual>), CriteriaOscalError> {
    let resolved = resolve_file(profile, options)?;
    let name = profile.display().to_string();
    let notes = resolved
        .notes
        .iter()
        .map(|note| {
            Bilingual::new(
                format!("{name}: {} ({})", note.pointer, note.message.ja),
                format!("{name}: {} ({})", note.pointer, note.message.en),
            )
        })
        .collect();
    Ok((resolved.catalog.control_ids().into_iter().collect(), notes))
}

/// Every import of the profile must lead to the catalog being imported. Where an import leads
/// is worked out as the oscal crate's resolver does, with the catalog's folder as the folder of
/// local copies.
fn check_imports(
    profile_path: &Path,
    catalog: &Path,
    catalog_dir: &Path,
) -> Result<(), CriteriaOscalError> {
    let source = read_source(profile_path, Limits::default())?;
    let document = parse_document(&source)?;
    let Model::Profile(profile) = document.model else {
        return Err(CriteriaOscalError::WrongModel {
            file: source.name,
            expected: ModelKind::Profile,
            found: document.model.kind(),
        });
    };
    let wanted = identity(catalog);
    for (index, import) in profile.imports.iter().enumerate() {
        let target = locate(
            &import.href,
            profile.back_matter.as_ref(),
            profile_path,
            catalog_dir,
        );
        if target.as_deref().map(identity) != Some(wanted.clone()) {
            return Err(CriteriaOscalError::ForeignImport {
                profile: source.name,
                pointer: format!("/profile/imports/{index}/href"),
                href: import.href.clone(),
                target: target.map(|path| path.display().to_string()),
                catalog: catalog.display().to_string(),
            });
        }
    }
    Ok(())
}

fn identity(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// Where an import `href` leads (the file need not exist); `None` when a `#uuid` names no
/// back-matter resource with a JSON or YAML link.
fn locate(
    href: &str,
    back_matter: Option<&BackMatter>,
    profile: &Path,
    catalog_dir: &Path,
) -> Option<PathBuf> {
    let target = match href.strip_prefix('#') {
        Some(uuid) => resource_href(uuid, back_matter)?,
        None => href.to_owned(),
    };
    let by_name = || {
        let name = target
            .split(['?', '#'])
            .next()
            .unwrap_or(&target)
            .rsplit('/')
            .next()
            .unwrap_or(&target);
        catalog_dir.join(name)
    };
    let is_url = target.split_once("://").is_some_and(|(scheme, _)| {
        scheme != "file"
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+')
    });
    if is_url {
        return Some(by_name());
    }
    let relative = target.strip_prefix("file://").unwrap_or(&target);
    let candidate = profile.parent().unwrap_or(Path::new(".")).join(relative);
    if candidate.is_file() {
        return Some(candidate);
    }
    let fallback = by_name();
    Some(if fallback.is_file() {
        fallback
    } else {
        candidate
    })
}

/// The best link of a back-matter resource: JSON, then YAML, then anything but XML.
fn resource_href(uuid: &str, back_matter: Option<&BackMatter>) -> Option<String> {
    let resource = back_matter?
        .resources
        .as_deref()?
        .iter()
        .find(|resource| resource.uuid == uuid)?;
    let rank = |href: &str, media: &str| -> u8 {
        if media.contains("json") || href.ends_with(".json") {
            0
        } else if media.contains("yaml") || href.ends_with(".yaml") || href.ends_with(".yml") {
            1
        } else if media.contains("xml") || href.ends_with(".xml") {
            3
        } else {
            2
        }
    };
    resource
        .rlinks
        .as_deref()?
        .iter()
        .map(|link| {
            let media = link.media_type.as_deref().unwrap_or_default();
            (rank(&link.href, media), &link.href)
        })
        .filter(|(rank, _)| *rank < 3)
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, href)| href.clone())
}

/// What was left out or filled in, told in the notes.
#[derive(Debug, Default)]
struct Counts {
    withdrawn: usize,
    left_out: usize,
    /// Selected by a level's profile but not by a higher level's.
    not_nested: usize,
    /// Groups left out because none of their controls was kept.
    empty_groups: Vec<String>,
    /// Japanese texts missing from a shinrai catalog and taken from English.
    ja_copied: usize,
    /// Controls whose `min-level` property the profiles contradict.
    level_overridden: usize,
    /// Texts given (foreign catalogs).
    texts: bool,
    /// Controls of a foreign catalog that carried shinrai's `min-level` property.
    level_props: usize,
}

impl Counts {
    fn notes(&self, shinrai: bool, profiles: usize) -> Vec<Bilingual> {
        let mut notes = Vec::new();
        if self.withdrawn > 0 {
            notes.push(Bilingual::new(
                format!(
                    "廃止された管理策 {} 件は取り込みませんでした",
                    self.withdrawn
                ),
                format!("{} withdrawn controls were left out", self.withdrawn),
            ));
        }
        if self.left_out > 0 {
            notes.push(Bilingual::new(
                format!(
                    "カタログの管理策 {} 件はどのレベルのプロファイルにも含まれないため、取り込みませんでした",
                    self.left_out
                ),
                format!(
                    "{} catalog controls are in no level profile and were left out",
                    self.left_out
                ),
            ));
        }
        if self.not_nested > 0 {
            notes.push(Bilingual::new(
                format!(
                    "管理策 {} 件は低いレベルのプロファイルにあり、より高いレベルのプロファイルにはありません。最も低いレベルから要求されるものとしました",
                    self.not_nested
                ),
                format!(
                    "{} controls are in a lower level's profile but not in a higher one's; they are required from the lowest level up",
                    self.not_nested
                ),
            ));
        }
        if !self.empty_groups.is_empty() {
            let list = self.empty_groups.join(", ");
            notes.push(Bilingual::new(
                format!("取り込む管理策のないグループは取り込みませんでした: {list}"),
                format!("groups with no control kept were left out: {list}"),
            ));
        }
        if self.level_overridden > 0 {
            notes.push(Bilingual::new(
                format!(
                    "管理策 {} 件は min-level プロパティとプロファイルが食い違うため、プロファイルに従いました",
                    self.level_overridden
                ),
                format!(
                    "{} controls have a min-level property the profiles contradict; the profiles were followed",
                    self.level_overridden
                ),
            ));
        }
        if self.ja_copied > 0 {
            notes.push(Bilingual::new(
                format!(
                    "日本語のない {} 件のテキストは英語を写しました",
                    self.ja_copied
                ),
                format!(
                    "{} texts have no Japanese; the English was copied",
                    self.ja_copied
                ),
            ));
        }
        if !shinrai && self.texts {
            notes.push(Bilingual::new(
                "日本語のテキストは英語から取りました（元のカタログに日本語はありません）",
                "Japanese texts taken from English: the source has none",
            ));
            notes.push(Bilingual::new(
                "遵守事項・提供者・全サービスモデルとし、完全性は SI ファミリー、可用性は CP ファミリーと SC-5・SC-6（強化を含む）に付けました",
                "controls were made mandatory, for the provider and every service model; integrity was set for family SI, availability for family CP and SC-5, SC-6 with their enhancements",
            ));
        }
        if profiles == 0 && !shinrai && self.texts {
            notes.push(if self.level_props == 0 {
                Bilingual::new(
                    "レベルのプロファイルがないため、管理策はすべてレベル 1 としました",
                    "no level profiles: every control is at level 1",
                )
            } else {
                Bilingual::new(
                    "レベルのプロファイルがないため、shinrai の min-level プロパティのない管理策はレベル 1 としました",
                    "no level profiles: controls without shinrai's min-level property are at level 1",
                )
            });
        }
        notes
    }
}

struct Reader<'a> {
    file: &'a str,
    levels: &'a [HashSet<String>],
    counts: Counts,
}

type Positioned<T> = Vec<(Option<usize>, T)>;

impl Reader<'_> {
    fn bad(&self, pointer: String, why: Bilingual) -> CriteriaOscalError {
        CriteriaOscalError::Content {
            file: self.file.to_owned(),
            place: Place::Pointer(pointer),
            why,
        }
    }

    /// The level of a control by the profiles: `None` (counted) when none selects it.
    fn profile_level(&mut self, id: &str) -> Option<Level> {
        let lowest = self.levels.iter().position(|ids| ids.contains(id));
        let Some(lowest) = lowest else {
            self.counts.left_out += 1;
            return None;
        };
        if self
            .levels
            .iter()
            .skip(lowest + 1)
            .any(|ids| !ids.contains(id))
        {
            self.counts.not_nested += 1;
        }
        Level::ALL.get(lowest).copied()
    }

    /// shinrai's `min-level` property, when the control has one.
    fn level_prop(
        &self,
        props: Option<&[Property]>,
        pointer: &str,
    ) -> Result<Option<Level>, CriteriaOscalError> {
        let Some((index, found)) = find_ours(props, prop::MIN_LEVEL) else {
            return Ok(None);
        };
        found
            .value
            .parse::<u8>()
            .ok()
            .and_then(Level::new)
            .map(Some)
            .ok_or_else(|| {
                self.bad(
                    format!("{pointer}/props/{index}/value"),
                    Bilingual::new(
                        format!("min-level は 1、2、3 のいずれかです（{}）", found.value),
                        format!("min-level must be 1, 2 or 3, not {:?}", found.value),
                    ),
                )
            })
    }

    // ---- catalogs from elsewhere (SP 800-53 and the like) ----

    fn foreign(
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

    // ---- catalogs shinrai wrote ----

    fn shinrai(
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
    fn title(
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

    fn decoded(&self, found: &Property, pointer: &str) -> Result<String, CriteriaOscalError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_are_located_like_the_resolver_does() {
        let dir = Path::new("/nonexistent-shinrai");
        assert_eq!(
            locate(
                "https://e.org/x/cat.json?raw#frag",
                None,
                &dir.join("p.json"),
                dir
            ),
            Some(dir.join("cat.json"))
        );
        assert_eq!(
            locate("sub/cat.json", None, &dir.join("p.json"), dir),
            Some(dir.join("sub/cat.json"))
        );
        assert_eq!(locate("#missing", None, &dir.join("p.json"), dir), None);
    }
}
