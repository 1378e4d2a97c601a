//! Reading an input file (or standard input) as UTF-8 text, naming the file in every error.

use std::io::Read;
use std::path::Path;

use shinrai_domain::text::Bilingual;

use crate::error::CliError;

/// The name to show for an input: its path, or `<stdin>`.
pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Reads at most `max_bytes` of text: a larger input is refused after reading one byte more, so
/// that neither a huge file nor an endless pipe can exhaust memory.
pub fn read_text(path: &Path, max_bytes: usize) -> Result<String, CliError> {
    let file = display_name(path);
    let mut bytes = Vec::new();
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let read = if path == Path::new("-") {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    if let Err(error) = read {
        return Err(CliError::Unreadable {
            file,
            why: Bilingual::new(
                format!("読み込めません ({})", io_reason_ja(&error)),
                format!("cannot read ({error})"),
            ),
        });
    }
    if bytes.len() > max_bytes {
        return Err(CliError::Unreadable {
            file,
            why: Bilingual::new(
                format!("{max_bytes} バイトを超えています（このコマンドが読む上限です）"),
                format!("larger than {max_bytes} bytes, the most this command reads"),
            ),
        });
    }
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        CliError::Unreadable {
            file,
            why: Bilingual::new(
                format!("バイト位置 {offset} (UTF-8 として正しくありません)"),
                format!("byte offset {offset} (not valid UTF-8)"),
            ),
        }
    })
}

fn io_reason_ja(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "ファイルがありません".to_owned(),
        std::io::ErrorKind::PermissionDenied => "権限がありません".to_owned(),
        std::io::ErrorKind::IsADirectory => "ディレクトリです".to_owned(),
        _ => error.to_string(),
    }
}
