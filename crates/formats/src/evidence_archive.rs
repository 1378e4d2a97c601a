//! An engagement's evidence as one ZIP file: every file under `evidence/`, every note as a text
//! file under `notes/`, and `manifest.json` last, listing each record with the SHA-256 recorded
//! for it, so whoever receives the archive can check every file against the signed report.
//! The archive is written as a stream (no seeking, files stored as they are), so a gigabyte of
//! evidence passes through a small buffer.

use std::io::{self, Read, Write};

use serde_json::{Value, json};
use shinrai_domain::workflow::working_papers::{Evidence, EvidenceContent};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The manifest's shape, so a later one can never be mistaken for it.
pub const MANIFEST_FORMAT: &str = "shinrai-evidence-manifest/1";

/// What can stop an archive half-way.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("writing the archive: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("reading the file of evidence {id}: {source}")]
    Read { id: String, source: io::Error },
    #[error("writing the archive: {0}")]
    Write(#[from] io::Error),
}

/// The name of a record's entry: its id within the audit, then its file name made safe (no
/// folders, no control characters).
pub fn entry_name(record: &Evidence) -> String {
    let local = record.id.rsplit('/').next().unwrap_or(&record.id);
    match &record.content {
        EvidenceContent::File { file_name, .. } => {
            let safe: String = file_name
                .chars()
                .map(|c| {
                    if c.is_control() || matches!(c, '/' | '\\' | ':') {
                        '_'
                    } else {
                        c
                    }
                })
                .collect();
            format!("evidence/{local}-{safe}")
        }
        EvidenceContent::Note { .. } => format!("notes/{local}.txt"),
    }
}

/// Writes the archive of `audit`'s records to `out`: `open` gives the bytes of a file record
/// (`None` when there are none to give, as for notes). Answers `out` once the archive is whole.
pub fn write_archive<W, R>(
    out: W,
    audit: &str,
    records: &[Evidence],
    mut open: impl FnMut(&Evidence) -> io::Result<Option<R>>,
) -> Result<W, ArchiveError>
where
    W: Write,
    R: Read,
{
    let mut zip = ZipWriter::new_stream(out);
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .large_file(true);
    let mut listed = Vec::with_capacity(records.len());
    for record in records {
        let name = entry_name(record);
        zip.start_file(name.clone(), options)?;
        match &record.content {
            EvidenceContent::File { .. } => {
                if let Some(mut reader) = open(record).map_err(|source| ArchiveError::Read {
                    id: record.id.clone(),
                    source,
                })? {
                    io::copy(&mut reader, &mut zip).map_err(|source| ArchiveError::Read {
                        id: record.id.clone(),
                        source,
                    })?;
                }
            }
            EvidenceContent::Note { text } => {
                zip.write_all(format!("{}\n\n{}\n", text.ja, text.en).as_bytes())?;
            }
        }
        listed.push(manifest_entry(record, &name));
    }
    let manifest = json!({
        "format": MANIFEST_FORMAT,
        "audit": audit,
        "records": listed,
    });
    zip.start_file(
        "manifest.json",
        options.compression_method(CompressionMethod::Deflated),
    )?;
    let text = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    zip.write_all(&text)?;
    Ok(zip.finish()?.into_inner())
}

fn manifest_entry(record: &Evidence, name: &str) -> Value {
    let (kind, size, media_type) = match &record.content {
        EvidenceContent::File {
            size, media_type, ..
        } => ("file", Some(*size), Some(media_type.clone())),
        EvidenceContent::Note { .. } => ("note", None, None),
    };
    json!({
        "id": record.id,
        "entry": name,
        "kind": kind,
        "sha256": record.content.sha256(),
        "size": size,
        "media_type": media_type,
        "method": record.method.code(),
        "control": record.control,
        "occurrence": record.occurrence,
        "speaks_for": record.speaks_for.to_string(),
        "uploaded_on": record.uploaded_on.to_string(),
        "supplied_by": record.supplied_by,
        "withdrawn": record.withdrawn.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use shinrai_domain::date::CalendarDate;
    use shinrai_domain::text::Bilingual;
    use shinrai_domain::workflow::working_papers::EvidenceMethod;

    use super::*;

    fn record(id: &str, content: EvidenceContent) -> Evidence {
        Evidence {
            id: format!("au-1/{id}"),
            audit: "au-1".into(),
            service: "svc".into(),
            provider: "csp".into(),
            audit_body: "ab".into(),
            control: Some("8.1.1.1".into()),
            occurrence: None,
            method: EvidenceMethod::Inspection,
            title: Bilingual::new("記録", "record"),
            content,
            speaks_for: CalendarDate::parse("2025-10-01").unwrap(),
            supplied_by: "provider".into(),
            supplied_by_org: "csp".into(),
            uploaded_at_ms: 0,
            uploaded_on: CalendarDate::parse("2026-01-01").unwrap(),
            request: None,
            withdrawn: None,
        }
    }

    #[test]
    fn every_record_is_an_entry_and_the_manifest_names_its_hash() {
        let bytes = b"2025-10-01 backup ok\n".to_vec();
        let sha = shinrai_domain::log_chain::sha256_hex(&bytes);
        let records = [
            record(
                "ev-0000001",
                EvidenceContent::File {
                    sha256: sha.clone(),
                    size: bytes.len() as u64,
                    media_type: "text/plain".into(),
                    file_name: "../job/log.txt".into(),
                },
            ),
            record(
                "ev-0000002",
                EvidenceContent::Note {
                    text: Bilingual::new("担当者に確認", "asked the operator"),
                },
            ),
        ];
        let out = write_archive(Vec::new(), "au-1", &records, |_| {
            Ok(Some(Cursor::new(bytes.clone())))
        })
        .unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(out)).unwrap();
        let names: Vec<String> = archive
            .file_names()
            .map(|name| name.unwrap().into_owned())
            .collect();
        assert!(
            names.contains(&"evidence/ev-0000001-.._job_log.txt".to_owned()),
            "{names:?}"
        );
        assert!(names.contains(&"notes/ev-0000002.txt".to_owned()));
        let mut file = Vec::new();
        archive
            .by_name("evidence/ev-0000001-.._job_log.txt")
            .unwrap()
            .read_to_end(&mut file)
            .unwrap();
        assert_eq!(file, bytes);
        let mut manifest = String::new();
        archive
            .by_name("manifest.json")
            .unwrap()
            .read_to_string(&mut manifest)
            .unwrap();
        let manifest: Value = serde_json::from_str(&manifest).unwrap();
        assert_eq!(manifest["format"], MANIFEST_FORMAT);
        assert_eq!(manifest["records"][0]["sha256"], sha);
        assert_eq!(manifest["records"][1]["kind"], "note");
        assert_eq!(
            manifest["records"][1]["sha256"],
            records[1].content.sha256()
        );
    }

    #[test]
    fn a_file_that_cannot_be_read_stops_the_archive_naming_its_record() {
        let records = [record(
            "ev-0000001",
            EvidenceContent::File {
                sha256: "00".repeat(32),
                size: 1,
                media_type: "text/plain".into(),
                file_name: "a".into(),
            },
        )];
        let error = write_archive(Vec::new(), "au-1", &records, |_| {
            Err::<Option<Cursor<Vec<u8>>>, _>(io::Error::other("gone"))
        })
        .unwrap_err();
        assert!(error.to_string().contains("au-1/ev-0000001"));
    }
}
