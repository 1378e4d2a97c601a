//! Writing answers and errors. A closed pipe (`shinrai … | head`) is not an error.

use std::io::{self, Write};

use shinrai_domain::text::Lang;

use crate::error::CliError;

pub fn write_stdout(text: &str) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => Err(CliError::Output(error)),
        _ => Ok(()),
    }
}

pub fn report_error(error: &CliError, lang: Lang) {
    let _ = writeln!(io::stderr().lock(), "error: {}", error.describe(lang));
}

/// Something worth attention that does not change the outcome, on standard error.
pub fn report_warning(text: &str) {
    let _ = writeln!(io::stderr().lock(), "warning: {text}");
}

/// A remark that does not stop the command, on standard error.
pub fn report_note(text: &str) {
    let _ = writeln!(io::stderr().lock(), "note: {text}");
}
