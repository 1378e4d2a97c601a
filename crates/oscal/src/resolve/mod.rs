//! Profile resolution: a profile (and the catalogs and profiles it imports) becomes one catalog,
//! by the three steps of the OSCAL profile-resolution specification — import (select), merge
//! (arrange), modify (tailor).

mod back_matter;
mod embedded;
mod input;
mod keep;
mod loader;
mod loose_params;
mod merge;
mod modify;
mod references;
mod select;
mod sources;
mod structuring;
mod version;

use std::path::{Path, PathBuf};

use serde_json::Value;
use shinrai_domain::text::Bilingual;

use loader::{ImportSite, identity, load, locate};
pub use loader::{Lookup, import_target};
use merge::{Selected, merge};
use modify::SourceIds;
use references::References;
pub use references::parse_insert;
use select::{ControlTree, select};
pub use sources::{SourceCatalog, component_sources};
use version::resolved_oscal_version;

use crate::error::{ErrorKind, OscalError, Place};
use crate::model::Document;
use crate::model::common::{BackMatter, Link, Metadata, Property, Resource};
use crate::model::profile::Modify;
use crate::model::{Catalog, Model, Profile};
use crate::source::{Source, parse_document, parse_value, read_source};
use crate::validate::{Context, SchemaChecked, check_schema, validate_schema_checked};

/// How to resolve.
#[derive(Debug, Clone)]
pub struct Options {
    pub lookup: Lookup,
    /// The resolution time written as the catalog's `last-modified` (RFC 3339).
    pub timestamp: String,
    /// Written into the catalog's metadata as the resolution tool.
    pub tool: String,
}

/// Something worth telling that does not stop resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The profile the note is about, as the resolution named it: an imported profile's own
    /// file for what its own resolution found. Filled in by the resolver.
    pub file: String,
    /// Where in that profile, as a JSON pointer.
    pub pointer: String,
    pub message: Bilingual,
}

#[derive(Debug, Clone)]
pub struct Resolved {
    pub catalog: Catalog,
    pub notes: Vec<Note>,
}

/// Namespace for properties of shinrai's own. Resolution writes none: what it adds to a resolved
/// catalog is named by the OSCAL specification and so stays in OSCAL's namespace.
pub const SHINRAI_NS: &str = "urn:shinrai:oscal";

/// Resolves the profile in `path` into a catalog. The profile must first pass validation against
/// the catalogs its imports bring: its problems stop resolution (its notes do not).
pub fn resolve_file(path: &Path, options: &Options) -> Result<Resolved, OscalError> {
    let source = read_source(path, options.lookup.limits)?;
    std::thread::scope(|scope| {
        // Two things need no catalog: the profile's untyped value with its schema check
        // (compiling the schema is most of that), and the typed profile. The first runs on a
        // second thread while this one types the profile and reads its imports, the longest
        // step of all.
        let checked = scope.spawn(|| value_and_schema(&source));
        let typed = match parse_document(&source) {
            Ok(Document {
                model: Model::Profile(profile),
                ..
            }) => Some(load_imports(*profile, &source, path, options)),
            // Why it does not read as a profile is told from the value below.
            _ => None,
        };
        let (value, schema_checked) = checked
            .join()
            .unwrap_or_else(|_| value_and_schema(&source))?;
        let loaded = match typed {
            Some(loaded) => loaded,
            None => load_imports(
                input::typed_profile(&source, &value)?,
                &source,
                path,
                options,
            ),
        };
        let Loaded {
            profile,
            mut resolver,
            imports,
        } = loaded?;
        let file = source.name.as_str();
        let loaded = imports.iter().map(|import| import.as_ref().ok()).collect();
        let report =
            validate_schema_checked(&value, schema_checked, &Context::with_imports(loaded));
        // Freeing the untyped profile's many pieces is left to the second thread.
        scope.spawn(move || drop(value));
        input::refuse_invalid(file, &report)?;
        let catalogs = imports.into_iter().collect::<Result<Vec<_>, _>>()?;
        let catalog = resolver.profile(profile, catalogs, file, path)?;
        Ok(Resolved {
            catalog,
            notes: resolver.notes,
        })
    })
}

/// The profile's untyped value, for validation, and its schema check.
fn value_and_schema(source: &Source) -> Result<(Value, SchemaChecked), OscalError> {
    let value = parse_value(source)?;
    let checked = check_schema(&value);
    Ok((value, checked))
}

/// A profile with what its imports brought, ready to be checked and resolved.
struct Loaded<'a> {
    profile: Profile,
    /// The resolver that loaded the imports (it carries their notes).
    resolver: Resolver<'a>,
    /// What each import brought, in order.
    imports: Vec<Result<Catalog, OscalError>>,
}

/// The profile's structure checked, then its imports loaded.
fn load_imports<'a>(
    profile: Profile,
    source: &Source,
    path: &Path,
    options: &'a Options,
) -> Result<Loaded<'a>, OscalError> {
    let file = source.name.as_str();
    structuring::check_one_structure(profile.merge.as_ref(), &root_site(file, path))?;
    let mut resolver = Resolver {
        options,
        chain: vec![identity(path)],
        notes: Vec::new(),
    };
    let imports = resolver.imports(&profile, file, path);
    Ok(Loaded {
        profile,
        resolver,
        imports,
    })
}

/// The catalogs a profile's imports bring, one per import, each already resolved when it is a
/// profile; an import that cannot be loaded gives its error instead. Validation uses this to check
/// a profile's selections against the real catalogs.
pub fn imported_catalogs(
    profile: &Profile,
    file: &str,
    path: &Path,
    options: &Options,
) -> Vec<Result<Catalog, OscalError>> {
    let mut resolver = Resolver {
        options,
        chain: vec![identity(path)],
        notes: Vec::new(),
    };
    resolver.imports(profile, file, path)
}

/// The profile's root, for errors about the profile as a whole.
fn root_site<'a>(file: &'a str, path: &'a Path) -> ImportSite<'a> {
    ImportSite {
        file,
        path,
        pointer: "/profile".to_owned(),
    }
}

struct Resolver<'a> {
    options: &'a Options,
    /// The files being resolved, outermost first: an import of any of them is a cycle.
    chain: Vec<PathBuf>,
    notes: Vec<Note>,
}

impl Resolver<'_> {
    /// Every import of `profile` loaded, in order; imported profiles come resolved.
    fn imports(
        &mut self,
        profile: &Profile,
        file: &str,
        path: &Path,
    ) -> Vec<Result<Catalog, OscalError>> {
        profile
            .imports
            .iter()
            .enumerate()
            .map(|(index, import)| {
                let site = ImportSite {
                    file,
                    path,
                    pointer: format!("/profile/imports/{index}"),
                };
                self.import(&import.href, profile.back_matter.as_ref(), &site)
            })
            .collect()
    }

    /// A profile met as an import: its structure checked, its own imports loaded, then resolved.
    fn imported_profile(
        &mut self,
        profile: Profile,
        file: &str,
        path: &Path,
    ) -> Result<Catalog, OscalError> {
        structuring::check_one_structure(profile.merge.as_ref(), &root_site(file, path))?;
        let catalogs = self
            .imports(&profile, file, path)
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?;
        self.profile(profile, catalogs, file, path)
    }

    /// Resolves `profile`, given the catalog each of its imports brings, in order.
    fn profile(
        &mut self,
        profile: Profile,
        catalogs: Vec<Catalog>,
        file: &str,
        path: &Path,
    ) -> Result<Catalog, OscalError> {
        let catalog = self.own_profile(profile, catalogs, file, path);
        // The notes this profile's own resolution made are about its file; those of the profiles
        // it imports already name theirs.
        for note in &mut self.notes {
            if note.file.is_empty() {
                note.file = file.to_owned();
            }
        }
        catalog
    }

    fn own_profile(
        &mut self,
        profile: Profile,
        catalogs: Vec<Catalog>,
        file: &str,
        path: &Path,
    ) -> Result<Catalog, OscalError> {
        let mut selected = Vec::new();
        let mut source = SourceIds {
            controls: Default::default(),
            params: Default::default(),
        };
        let mut imported_resources: Vec<Resource> = Vec::new();
        let mut oscal_versions = vec![profile.metadata.oscal_version.clone()];
        let mut kept = keep::KeptMetadata::default();
        let mut imported_uuids = Vec::new();
        for ((index, import), mut catalog) in profile.imports.iter().enumerate().zip(catalogs) {
            let site = ImportSite {
                file,
                path,
                pointer: format!("/profile/imports/{index}"),
            };
            let tree = ControlTree::of(&catalog);
            source.controls.extend(tree.ids().iter().cloned());
            collect_param_ids(&catalog, &mut source.params);
            let ids = select(
                &tree,
                import.include_all.is_some(),
                import.include_controls.as_deref(),
                import.exclude_controls.as_deref(),
                &site,
            )?;
            if let Some(matter) = catalog.back_matter.take() {
                imported_resources.extend(matter.resources.unwrap_or_default());
            }
            oscal_versions.push(catalog.metadata.oscal_version.clone());
            kept.take_from(&mut catalog.metadata);
            imported_uuids.push(catalog.uuid.clone());
            selected.push(Selected { catalog, ids });
        }
        if let Some((index, version)) = version::other_major(&oscal_versions) {
            // The profile's own version comes first, then one per import in order.
            let pointer = match index.checked_sub(1) {
                None => "/profile/metadata/oscal-version".to_owned(),
                Some(import) => format!("/profile/imports/{import}"),
            };
            let major = version::TOOL_MAJOR;
            return Err(OscalError::new(
                file,
                Place::Pointer(pointer),
                ErrorKind::Unsupported,
                Bilingual::new(
                    format!(
                        "OSCAL {version} はメジャーバージョンが {major} ではないため、解決できません"
                    ),
                    format!("OSCAL {version} is not of major version {major}; resolution stops"),
                ),
            ));
        }
        let profile_site = ImportSite {
            file,
            path,
            pointer: "/profile".to_owned(),
        };
        let mut merged = merge(selected, profile.merge.as_ref(), &profile_site)?;
        for id in &merged.unplaced {
            self.notes.push(Note {
                file: String::new(),
                pointer: "/profile/merge/custom".to_owned(),
                message: Bilingual::new(
                    format!("選択された管理策 {id} はどのグループにも入っていません"),
                    format!("selected control {id} is placed in no group"),
                ),
            });
        }
        if !merged.kept_twice.is_empty() {
            self.notes.push(kept_twice_note(&merged.kept_twice));
        }
        if let Some(modify) = &profile.modify {
            modify::apply(
                &mut merged,
                modify,
                "/profile/modify",
                &source,
                &mut self.notes,
            )
            .map_err(|unknown| {
                OscalError::new(
                    file,
                    Place::Pointer(unknown.pointer),
                    ErrorKind::UnknownReference,
                    unknown.why,
                )
            })?;
        }

        let references = References::collect(&merged.controls, &merged.groups);
        let loose_outcome = loose_params::keep_referenced(
            std::mem::take(&mut merged.params),
            &references.inserted_params,
            &merged.controls,
            &merged.groups,
        );
        if let Some(modify) = &profile.modify {
            self.note_settings_left_out(modify, &loose_outcome.left_out);
        }
        let params = loose_outcome.kept;
        let mut metadata = self.metadata(&profile, file, &oscal_versions);
        kept.add_to(&mut metadata);
        // Pruning spares what the result refers to anywhere (`req-prune-ref`): the loose
        // parameters and the metadata (a party's logo, say) as well as the controls and groups.
        let mut outside = References::default();
        outside.params(Some(&params));
        outside.metadata(&metadata);
        let resources = back_matter::combine(
            imported_resources.into_iter().chain(
                profile
                    .back_matter
                    .as_ref()
                    .and_then(|matter| matter.resources.clone())
                    .unwrap_or_default(),
            ),
        );
        let back_matter = back_matter::prune(resources, |uuid| {
            references.fragments.contains(uuid) || outside.fragments.contains(uuid)
        });
        let uuid = uuid::Uuid::new_v5(
            &uuid::Uuid::NAMESPACE_URL,
            format!(
                "urn:shinrai:resolved:{}:{}",
                profile.uuid,
                imported_uuids.join(":")
            )
            .as_bytes(),
        );
        Ok(Catalog {
            uuid: uuid.to_string(),
            metadata,
            params: (!params.is_empty()).then_some(params),
            controls: (!merged.controls.is_empty()).then_some(merged.controls),
            groups: (!merged.groups.is_empty()).then_some(merged.groups),
            back_matter,
            extra: Default::default(),
        })
    }

    /// A setting of a parameter that was tailored while still a candidate but is then left out of
    /// the result (its control or group was not kept, and nothing kept inserts it) does nothing.
    fn note_settings_left_out(
        &mut self,
        modify: &Modify,
        left_out: &std::collections::HashSet<String>,
    ) {
        for (index, setting) in modify.set_parameters.iter().flatten().enumerate() {
            let id = &setting.param_id;
            if left_out.contains(id) {
                self.notes.push(Note {
                    file: String::new(),
                    pointer: format!("/profile/modify/set-parameters/{index}/param-id"),
                    message: Bilingual::new(
                        format!("パラメータ {id} は解決後のカタログにないため（管理策が選択されず、選択された内容からも参照されないため）、設定は使われません"),
                        format!("parameter {id} is not in the resolved catalog (its control was not selected, and nothing selected inserts it); the setting is unused"),
                    ),
                });
            }
        }
    }

    /// Loads one import as a catalog, resolving it first when it is a profile.
    fn import(
        &mut self,
        href: &str,
        back_matter: Option<&BackMatter>,
        site: &ImportSite<'_>,
    ) -> Result<Catalog, OscalError> {
        let href_site = ImportSite {
            pointer: format!("{}/href", site.pointer),
            ..site.clone()
        };
        let target = match locate(href, back_matter, &href_site, &self.options.lookup) {
            Ok(target) => target,
            Err(error) => {
                // No rlink leads to a file: the resource's own base64 content, if it has some.
                let limits = self.options.lookup.limits;
                let embedded = match href.strip_prefix('#') {
                    Some(uuid) => embedded::embedded_source(uuid, back_matter, &href_site, limits)?,
                    None => None,
                };
                let Some(source) = embedded else {
                    return Err(error);
                };
                let id = PathBuf::from(format!("{}{href}", identity(site.path).display()));
                return self.adopt(
                    parse_document(&source)?,
                    id,
                    &source.name,
                    site.path,
                    &href_site,
                );
            }
        };
        let id = identity(&target);
        let document = load(&target, &self.options.lookup)?;
        let name = target.display().to_string();
        self.adopt(document, id, &name, &target, &href_site)
    }

    /// An imported document as a catalog: a catalog as it is, a profile resolved. `path` is where
    /// the document's own relative imports are found.
    fn adopt(
        &mut self,
        document: Document,
        id: PathBuf,
        name: &str,
        path: &Path,
        href_site: &ImportSite<'_>,
    ) -> Result<Catalog, OscalError> {
        if self.chain.contains(&id) {
            let chain: Vec<String> = self
                .chain
                .iter()
                .chain(std::iter::once(&id))
                .map(|p| p.display().to_string())
                .collect();
            return Err(href_site.error(
                ErrorKind::ImportCycle,
                Bilingual::new(
                    format!("取り込みが循環しています: {}", chain.join(" → ")),
                    format!("import cycle: {}", chain.join(" → ")),
                ),
            ));
        }
        match document.model {
            Model::Catalog(catalog) => Ok(*catalog),
            Model::Profile(profile) => {
                self.chain.push(id);
                let resolved = self.imported_profile(*profile, name, path);
                self.chain.pop();
                resolved
            }
            other => Err(href_site.error(
                ErrorKind::Import,
                Bilingual::new(
                    format!(
                        "{name} はカタログでもプロファイルでもありません（{}）",
                        other.kind().root_key()
                    ),
                    format!(
                        "{name} is neither a catalog nor a profile (a {})",
                        other.kind().root_key()
                    ),
                ),
            )),
        }
    }

    /// The profile's metadata, stamped with the resolution time, the tool and the source.
    fn metadata(&self, profile: &Profile, file: &str, versions: &[String]) -> Metadata {
        let mut metadata = profile.metadata.clone();
        metadata.last_modified.clone_from(&self.options.timestamp);
        metadata.oscal_version = resolved_oscal_version(versions);
        let source_name = Path::new(file).file_name().map_or_else(
            || file.to_owned(),
            |name| name.to_string_lossy().into_owned(),
        );
        // Metadata Resolution names both properties itself (`req-meta-resolution-tool`,
        // `req-meta-source-profile`: "a child prop object with name:source-profile MUST be
        // created"), so they are OSCAL's: written without `ns`.
        let props = metadata.props.get_or_insert_with(Vec::new);
        props.push(oscal_prop("resolution-tool", &self.options.tool));
        props.push(oscal_prop("source-profile", &source_name));
        // The link NIST's own resolver writes for the same thing, which OSCAL tools look for.
        metadata.links.get_or_insert_with(Vec::new).push(Link {
            href: source_name,
            rel: Some("source-profile".to_owned()),
            media_type: None,
            resource_fragment: None,
            text: None,
            extra: Default::default(),
        });
        metadata
    }
}

/// A property in OSCAL's own namespace (no `ns`).
fn oscal_prop(name: &str, value: &str) -> Property {
    Property {
        name: name.to_owned(),
        uuid: None,
        ns: None,
        value: value.to_owned(),
        class: None,
        group: None,
        remarks: None,
        extra: Default::default(),
    }
}

/// The warning `req-merge-keep-warning` asks for: under `combine: keep` (the default), a control
/// two imports bring is kept twice, so the result holds clashing ids.
fn kept_twice_note(ids: &[String]) -> Note {
    let list = ids.join(", ");
    Note {
        file: String::new(),
        pointer: "/profile/imports".to_owned(),
        message: Bilingual::new(
            format!(
                "同じ管理策が複数の取り込みから入り、combine が keep（既定）のためそのまま重複しています。解決後のカタログでは id が衝突します: {list}"
            ),
            format!(
                "controls brought by more than one import are kept twice, as combine is keep (the default), so their ids clash in the resolved catalog: {list}"
            ),
        ),
    }
}

fn collect_param_ids(catalog: &Catalog, into: &mut std::collections::HashSet<String>) {
    into.extend(catalog.params.iter().flatten().map(|p| p.id.clone()));
    fn groups(list: &[crate::model::Group], into: &mut std::collections::HashSet<String>) {
        for group in list {
            into.extend(group.params.iter().flatten().map(|p| p.id.clone()));
            groups(group.groups.as_deref().unwrap_or_default(), into);
        }
    }
    groups(catalog.groups.as_deref().unwrap_or_default(), into);
    catalog.for_each_control(|control| {
        into.extend(control.params.iter().flatten().map(|p| p.id.clone()))
    });
}
