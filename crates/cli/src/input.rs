//! Reading an input file (or standard input) as UTF-8 text, naming the file in every error.

use std::io::Read;
use std::path::Path;

use shinrai_domain::text::Bilingual;

use crate::error::CliError;

/// Inputs beyond this are refused rather than exhausting memory.
pub const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

/// The name to show for an input: its path, or `<stdin>`.
pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

pub fn read_text(path: &Path) -> Result<String, CliError> {
    let file = display_name(path);
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
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
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(CliError::Unreadable {
            file,
            why: Bilingual::new(
                format!("{} バイトを超えています", MAX_INPUT_BYTES),
                format!("larger than {MAX_INPUT_BYTES} bytes"),
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
