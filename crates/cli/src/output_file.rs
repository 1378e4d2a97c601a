//! Output files written whole or not at all: the content goes into a file beside the target,
//! which replaces the target only once it is complete. A command that fails part way (a disk
//! that fills, a document that cannot be written) leaves what the target held before.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use shinrai_domain::text::Bilingual;

use crate::error::CliError;

/// Writes `path` with what `write` produces; `write`'s own error is returned as it is.
pub fn write_whole(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let partial = partial_path(path);
    let mut file = File::create(&partial).map_err(|error| unwritable(path, &error))?;
    let outcome = write(&mut file).and_then(|()| {
        drop(file);
        replace(&partial, path).map_err(|error| unwritable(path, &error))
    });
    if outcome.is_err() {
        // The partial file is ours and worthless; if it cannot be removed there is nothing
        // better to tell than the error that stopped the writing.
        let _ = std::fs::remove_file(&partial);
    }
    outcome
}

/// Puts the complete `partial` in the place of `path`. The old file is removed first rather than
/// renamed over: ext4 writes out a file renamed over another before the rename returns (so that
/// the replacement survives a crash), which made replacing a 6 MB resolved catalog take several
/// milliseconds, a tenth of the whole command. An output that can be made again needs no such
/// care; if the command stops between the two steps, the complete result is still there under
/// the partial name.
fn replace(partial: &Path, path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
        _ => {}
    }
    std::fs::rename(partial, path)
}

/// `dir/.name.partial-PID`: beside the target, so the rename stays on one file system, and
/// hidden, so a listing of the directory does not show a half-written file as a result.
fn partial_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |name| name.to_string_lossy());
    path.with_file_name(format!(".{name}.partial-{}", std::process::id()))
}

/// The error for `path` when the file system refuses to write it.
pub fn unwritable(path: &Path, error: &io::Error) -> CliError {
    CliError::Unwritable {
        file: path.display().to_string(),
        why: Bilingual::new(
            format!("書き込めません ({error})"),
            format!("cannot write ({error})"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("shinrai-output-file-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).ok();
        dir
    }

    /// Writes `new` into `target` through [`write_whole`].
    fn write_new(target: &Path) -> Result<(), CliError> {
        write_whole(target, |out: &mut dyn Write| {
            out.write_all(b"new").map_err(CliError::Output)
        })
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn a_complete_write_replaces_the_target_and_leaves_nothing_beside_it() {
        let dir = scratch("complete");
        let target = dir.join("out.json");
        std::fs::write(&target, "old").ok();
        let written = write_new(&target);
        assert!(written.is_ok());
        assert_eq!(
            std::fs::read_to_string(&target).ok().as_deref(),
            Some("new")
        );
        assert_eq!(entries(&dir), vec!["out.json".to_owned()]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_write_keeps_what_the_target_held() {
        let dir = scratch("failed");
        let target = dir.join("out.json");
        std::fs::write(&target, "old").ok();
        let written = write_whole(&target, |out: &mut dyn Write| {
            out.write_all(b"half").map_err(CliError::Output)?;
            Err(CliError::Invalid)
        });
        assert!(matches!(written, Err(CliError::Invalid)));
        assert_eq!(
            std::fs::read_to_string(&target).ok().as_deref(),
            Some("old")
        );
        assert_eq!(entries(&dir), vec!["out.json".to_owned()]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_target_that_is_a_directory_is_refused_and_left_as_it_was() {
        let dir = scratch("directory");
        let target = dir.join("out.json");
        std::fs::create_dir_all(target.join("inside")).ok();
        let written = write_new(&target);
        assert!(
            matches!(written, Err(CliError::Unwritable { .. })),
            "{written:?}"
        );
        assert!(target.join("inside").is_dir());
        assert_eq!(entries(&dir), vec!["out.json".to_owned()]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_new_target_is_created() {
        let dir = scratch("new");
        let target = dir.join("out.json");
        let written = write_new(&target);
        assert!(written.is_ok());
        assert_eq!(
            std::fs::read_to_string(&target).ok().as_deref(),
            Some("new")
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_directory_that_cannot_be_written_names_the_target() {
        let target = Path::new("/nonexistent-shinrai-dir/out.json");
        let written = write_whole(target, |_: &mut dyn Write| Ok(()));
        assert!(
            matches!(&written, Err(CliError::Unwritable { file, .. }) if *file == target.display().to_string()),
            "{written:?}"
        );
    }
}
