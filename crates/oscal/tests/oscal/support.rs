//! Where the shared OSCAL test data lives, and small helpers.

use std::path::PathBuf;

/// The folder of public OSCAL files used as fixtures: `$SHINRAI_OSCAL_DATA`, else
/// `../shared/data/oscal` beside the repository, else `/work/shared/data/oscal`. A missing folder
/// fails the test: these tests must never pass by finding nothing to check.
pub fn data_dir() -> PathBuf {
    let candidates = [
        std::env::var_os("SHINRAI_OSCAL_DATA").map(PathBuf::from),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/oscal")),
        Some(PathBuf::from("/work/shared/data/oscal")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|dir| dir.join("NIST_SP-800-53_rev5_catalog.json").is_file())
        .expect("OSCAL test data: set SHINRAI_OSCAL_DATA to the folder of shared OSCAL files")
}

/// The folder of public OSCAL XML material (NIST's profile-resolution specification and tests,
/// FedRAMP's XML baselines): `$SHINRAI_OSCAL_XML_DATA`, else `../shared/data/oscal-xml` beside the
/// repository, else `/work/shared/data/oscal-xml`. A missing folder fails the test, as for
/// [`data_dir`].
pub fn xml_data_dir() -> PathBuf {
    let candidates = [
        std::env::var_os("SHINRAI_OSCAL_XML_DATA").map(PathBuf::from),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/oscal-xml")),
        Some(PathBuf::from("/work/shared/data/oscal-xml")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|dir| {
            dir.join("profile-resolution/profile-resolution-specml.xml")
                .is_file()
        })
        .expect("OSCAL XML test data: set SHINRAI_OSCAL_XML_DATA to the folder of shared OSCAL XML files")
}

pub fn data(name: &str) -> PathBuf {
    data_dir().join(name)
}

/// Every OSCAL document among the shared files (the schemas are not documents).
pub fn oscal_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data_dir())
        .expect("data dir")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            name.ends_with(".json") && !name.starts_with("oscal_")
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 15, "the shared data holds 15 OSCAL documents");
    files
}

pub fn read_json(path: &std::path::Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("JSON")
}

/// Every problem and note of a validation report, one per line, for assertion messages.
pub fn show(report: &shinrai_oscal::validate::Report) -> String {
    report
        .problems
        .iter()
        .chain(&report.notes)
        .map(|p| p.describe(shinrai_domain::text::Lang::En))
        .collect::<Vec<_>>()
        .join("\n")
}
