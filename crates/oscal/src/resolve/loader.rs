//! Finding and loading what a profile imports: `#uuid` links into back matter (JSON, YAML or
//! XML), relative paths against the importing file's folder, and, with a catalog folder, URLs and
//! missing paths by their file name. Keeps the chain of imports to refuse cycles.

use std::path::{Path, PathBuf};

use shinrai_domain::text::Bilingual;

use crate::error::{ErrorKind, OscalError, Place};
use crate::model::Document;
use crate::model::common::BackMatter;
use crate::source::{Limits, parse_document, read_source};

/// Where imports are looked for.
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    /// A folder of local copies: URLs and missing paths are looked up here by file name.
    pub catalog_dir: Option<PathBuf>,
    pub limits: Limits,
}

/// The import being followed, for messages.
#[derive(Debug, Clone)]
pub struct ImportSite<'a> {
    /// The importing document's name as shown to the user.
    pub file: &'a str,
    /// The importing document's path, for relative hrefs.
    pub path: &'a Path,
    /// JSON pointer of the import's `href`.
    pub pointer: String,
}

impl ImportSite<'_> {
    pub fn error(&self, kind: ErrorKind, why: Bilingual) -> OscalError {
        OscalError::new(self.file, Place::Pointer(self.pointer.clone()), kind, why)
    }
}

/// Turns an import `href` into a file to read. A `#uuid` names a back-matter resource; its links
/// are tried in the order of [`link_preference`] and the first that leads to a file is taken,
/// since the specification lets a tool use any of them.
pub fn locate(
    href: &str,
    back_matter: Option<&BackMatter>,
    site: &ImportSite<'_>,
    lookup: &Lookup,
) -> Result<PathBuf, OscalError> {
    let Some(uuid) = href.strip_prefix('#') else {
        return locate_target(href, site, lookup);
    };
    let mut first_error = None;
    for target in resource_links(uuid, back_matter, site)? {
        match locate_target(&target, site, lookup) {
            Ok(found) => return Ok(found),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| {
        site.error(
            ErrorKind::Import,
            Bilingual::new(
                format!("資源 {uuid} には rlink も base64 の内容もありません"),
                format!("resource {uuid} has neither an rlink nor base64 content"),
            ),
        )
    }))
}

/// Where an import leads, for a caller that only needs the path: the importing file at
/// `importing`, local copies in `catalog_dir`.
pub fn import_target(
    href: &str,
    back_matter: Option<&BackMatter>,
    importing: &Path,
    catalog_dir: Option<&Path>,
) -> Result<PathBuf, OscalError> {
    let name = importing.display().to_string();
    let site = ImportSite {
        file: &name,
        path: importing,
        pointer: String::new(),
    };
    let lookup = Lookup {
        catalog_dir: catalog_dir.map(Path::to_owned),
        limits: Limits::default(),
    };
    locate(href, back_matter, &site, &lookup)
}

fn locate_target(
    target: &str,
    site: &ImportSite<'_>,
    lookup: &Lookup,
) -> Result<PathBuf, OscalError> {
    if is_url(target) {
        return by_file_name(target, lookup, site);
    }
    let relative = strip_file_scheme(target);
    let base = site.path.parent().unwrap_or(Path::new("."));
    let candidate = base.join(relative);
    if candidate.is_file() {
        return Ok(candidate);
    }
    if lookup.catalog_dir.is_some() {
        return by_file_name(target, lookup, site);
    }
    Err(site.error(
        ErrorKind::Import,
        Bilingual::new(
            format!("取り込み先 {} が見つかりません（--catalog-dir で手元の写しのあるフォルダを指定できます）", candidate.display()),
            format!("import target {} not found (--catalog-dir names a folder of local copies)", candidate.display()),
        ),
    ))
}

/// The links of a back-matter resource, best first.
fn resource_links(
    uuid: &str,
    back_matter: Option<&BackMatter>,
    site: &ImportSite<'_>,
) -> Result<Vec<String>, OscalError> {
    let resource = back_matter
        .and_then(|matter| matter.resources.as_ref())
        .and_then(|resources| resources.iter().find(|r| r.uuid == uuid))
        .ok_or_else(|| {
            site.error(
                ErrorKind::Import,
                Bilingual::new(
                    format!("#{uuid} に当たる back-matter の資源がありません"),
                    format!("no back-matter resource has uuid {uuid}"),
                ),
            )
        })?;
    let mut links: Vec<(u8, &String)> = resource
        .rlinks
        .as_deref()
        .unwrap_or_default()
        .iter()
        .map(|link| {
            (
                link_preference(&link.href, link.media_type.as_deref()),
                &link.href,
            )
        })
        .collect();
    // A stable sort keeps the document's order among links of the same kind.
    links.sort_by_key(|(rank, _)| *rank);
    Ok(links.into_iter().map(|(_, href)| href.clone()).collect())
}

/// JSON, then YAML, then XML (all three read the same; JSON is the fastest), then links of
/// unknown kind, read by their content. By media type or file extension.
fn link_preference(href: &str, media: Option<&str>) -> u8 {
    let media = media.unwrap_or_default();
    let path = href.split(['?', '#']).next().unwrap_or(href);
    if media.contains("json") || path.ends_with(".json") {
        0
    } else if media.contains("yaml") || path.ends_with(".yaml") || path.ends_with(".yml") {
        1
    } else if media.contains("xml") || path.ends_with(".xml") {
        2
    } else {
        3
    }
}

fn is_url(href: &str) -> bool {
    href.split_once("://").is_some_and(|(scheme, _)| {
        scheme != "file"
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+')
    })
}

fn strip_file_scheme(href: &str) -> &str {
    href.strip_prefix("file://").unwrap_or(href)
}

fn by_file_name(
    target: &str,
    lookup: &Lookup,
    site: &ImportSite<'_>,
) -> Result<PathBuf, OscalError> {
    let name = target
        .split(['?', '#'])
        .next()
        .unwrap_or(target)
        .rsplit('/')
        .next()
        .unwrap_or(target);
    let Some(dir) = &lookup.catalog_dir else {
        return Err(site.error(
            ErrorKind::Import,
            Bilingual::new(
                format!("取り込み先 {target} はネットワーク上にあります。--catalog-dir で {name} の写しのあるフォルダを指定してください"),
                format!("import target {target} is remote; give --catalog-dir with a local copy of {name}"),
            ),
        ));
    };
    let candidate = dir.join(name);
    if candidate.is_file() {
        Ok(candidate)
    } else {
        Err(site.error(
            ErrorKind::Import,
            Bilingual::new(
                format!(
                    "取り込み先 {target} の写し {} がありません",
                    candidate.display()
                ),
                format!(
                    "import target {target}: no local copy at {}",
                    candidate.display()
                ),
            ),
        ))
    }
}

/// Reads an imported document.
pub fn load(path: &Path, lookup: &Lookup) -> Result<Document, OscalError> {
    let source = read_source(path, lookup.limits)?;
    parse_document(&source)
}

/// The canonical form of a path, to recognise the same file reached two ways.
pub fn identity(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::link_preference;

    #[test]
    fn json_is_preferred_then_yaml_then_xml_then_anything() {
        let ranked = [
            ("catalog.json", None),
            ("catalog.yaml", None),
            ("catalog.xml", None),
            ("https://example.org/catalog", Some("application/oscal+xml")),
            ("https://example.org/catalog", None),
        ];
        let ranks: Vec<u8> = ranked
            .iter()
            .map(|(href, media)| link_preference(href, *media))
            .collect();
        assert_eq!(ranks, [0, 1, 2, 2, 3]);
        assert_eq!(link_preference("catalog.xml?raw=true", None), 2);
    }
}
