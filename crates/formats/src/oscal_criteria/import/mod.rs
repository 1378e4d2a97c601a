//! Reading a catalog (and its level profiles) as a criteria version: the catalog is located and
//! its profiles resolved here; its contents are read by `foreign` (catalogs from elsewhere, such
//! as SP 800-53) or by `own` (catalogs shinrai wrote).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use shinrai_domain::criteria::{CriteriaVersion, Status};
use shinrai_domain::level::Level;
use shinrai_domain::text::Bilingual;
use shinrai_oscal::model::catalog;
use shinrai_oscal::model::common::{BackMatter, Property};
use shinrai_oscal::resolve::{Lookup, Options, import_target, resolve_file};
use shinrai_oscal::source::{Limits, parse_document, read_source};
use shinrai_oscal::{Model, ModelKind, Place};

use super::Imported;
use super::codec::{FORMAT_PROP, find_ours, prop};
use super::error::CriteriaOscalError;

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
    let risks = if shinrai {
        reader.risks(&catalog)?
    } else {
        Vec::new()
    };
    notes.extend(reader.counts.notes(shinrai, levels.len()));
    Ok(Imported {
        version: CriteriaVersion {
            version: version_id.to_owned(),
            title,
            status: Status::Draft,
            published_on: None,
            transition_on: None,
            groups: groups.into_iter().map(|(_, group)| group).collect(),
            controls: controls.into_iter().map(|(_, control)| control).collect(),
            risks,
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
    let notes = resolved
        .notes
        .iter()
        .map(|note| {
            let file = &note.file;
            Bilingual::new(
                format!("{file}: {} ({})", note.pointer, note.message.ja),
                format!("{file}: {} ({})", note.pointer, note.message.en),
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

/// Where an import `href` leads, worked out as the resolver does; `None` when it leads nowhere.
fn locate(
    href: &str,
    back_matter: Option<&BackMatter>,
    profile: &Path,
    catalog_dir: &Path,
) -> Option<PathBuf> {
    import_target(href, back_matter, profile, Some(catalog_dir)).ok()
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
}

mod foreign;
mod own;
mod risk_map;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_are_located_like_the_resolver_does() {
        let folder = tempfile::tempdir().unwrap();
        let dir = folder.path();
        std::fs::create_dir(dir.join("sub")).unwrap();
        for name in ["cat.json", "sub/cat.json", "cat.xml"] {
            std::fs::write(dir.join(name), "{}").unwrap();
        }
        let profile = dir.join("p.json");
        // A URL is looked up by its file name in the catalog folder.
        assert_eq!(
            locate("https://e.org/x/cat.json?raw#frag", None, &profile, dir),
            Some(dir.join("cat.json"))
        );
        assert_eq!(
            locate("sub/cat.json", None, &profile, dir),
            Some(dir.join("sub/cat.json"))
        );
        // A resource's links are tried in order of preference; one that leads nowhere is passed.
        let back_matter: BackMatter = serde_json::from_value(serde_json::json!({"resources": [
            {"uuid": "r", "rlinks": [{"href": "gone.json"}, {"href": "cat.xml"}]}]}))
        .unwrap();
        assert_eq!(
            locate("#r", Some(&back_matter), &profile, dir),
            Some(dir.join("cat.xml"))
        );
        assert_eq!(locate("#missing", None, &profile, dir), None);
        assert_eq!(locate("nowhere.json", None, &profile, dir), None);
    }
}
