//! Imports whose content the importing profile holds itself: the `base64` of a back-matter
//! resource (specification, Internal References: a `base64` object is a byte stream, decoded as
//! RFC 4648 section 4 says). Taken when none of the resource's rlinks leads to a file.

use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use shinrai_domain::text::Bilingual;

use super::loader::ImportSite;
use crate::error::{ErrorKind, OscalError};
use crate::model::common::BackMatter;
use crate::source::{Format, Limits, Source};

/// The document a resource's `base64` holds, named `FILE#uuid` after the importing file; `None`
/// when the resource has no `base64`.
pub fn embedded_source(
    uuid: &str,
    back_matter: Option<&BackMatter>,
    site: &ImportSite<'_>,
    limits: Limits,
) -> Result<Option<Source>, OscalError> {
    let Some(base64) = back_matter
        .and_then(|matter| matter.resources.as_ref())
        .and_then(|resources| resources.iter().find(|resource| resource.uuid == uuid))
        .and_then(|resource| resource.base64.as_ref())
    else {
        return Ok(None);
    };
    let refuse = |ja: String, en: String| site.error(ErrorKind::Import, Bilingual::new(ja, en));
    let encoded: String = base64
        .get("value")
        .and_then(|value| value.as_str())
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    // Four characters of base64 hold three bytes: the bound is checked before decoding.
    let decoded_size = u64::try_from(encoded.len() / 4 * 3).unwrap_or(u64::MAX);
    if decoded_size > limits.max_bytes {
        return Err(refuse(
            format!(
                "資源 {uuid} の base64 の内容が上限の {} バイトを超えています",
                limits.max_bytes
            ),
            format!(
                "the base64 content of resource {uuid} is over the limit of {} bytes",
                limits.max_bytes
            ),
        ));
    }
    let bytes = STANDARD.decode(&encoded).map_err(|error| {
        refuse(
            format!("資源 {uuid} の base64 が読めません: {error}"),
            format!("the base64 of resource {uuid} does not decode: {error}"),
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|error| {
        refuse(
            format!(
                "資源 {uuid} の base64 の内容が UTF-8 ではありません（{} バイト目）",
                error.utf8_error().valid_up_to()
            ),
            format!(
                "the base64 content of resource {uuid} is not UTF-8 (at byte {})",
                error.utf8_error().valid_up_to()
            ),
        )
    })?;
    let filename = base64
        .get("filename")
        .and_then(|name| name.as_str())
        .unwrap_or_default();
    let media_type = base64
        .get("media-type")
        .and_then(|media| media.as_str())
        .unwrap_or_default();
    let format = format_of(media_type, filename, &text);
    let name = format!("{}#{uuid}", site.file);
    Ok(Some(Source::from_text(&name, format, text)))
}

/// By the media type, else the file name, else the content.
fn format_of(media_type: &str, filename: &str, text: &str) -> Format {
    if media_type.contains("json") {
        Format::Json
    } else if media_type.contains("yaml") {
        Format::Yaml
    } else if media_type.contains("xml") {
        Format::Xml
    } else {
        Format::detect(Path::new(filename), text)
    }
}
