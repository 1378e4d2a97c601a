//! Everything that can stop a command, with its exit status and message.

use std::process::ExitCode;

use shinrai_domain::case::CaseError;
use shinrai_domain::text::{Bilingual, Lang};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The input file could not be read at all.
    #[error("{file}: {}", .why.en)]
    Unreadable { file: String, why: Bilingual },
    /// The input was read but is not a well-formed case.
    #[error("{file}: {error}")]
    Malformed { file: String, error: CaseError },
    /// Writing the answer failed (other than a closed pipe).
    #[error("standard output: {0}")]
    Output(std::io::Error),
}

impl CliError {
    pub fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Unreadable { .. } | CliError::Malformed { .. } => ExitCode::from(2),
            CliError::Output(_) => ExitCode::from(1),
        }
    }

    /// The text after `error: `: `FILE: place (why)`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            CliError::Unreadable { file, why } => format!("{file}: {}", why.get(lang)),
            CliError::Malformed { file, error } => format!("{file}: {}", error.describe(lang)),
            CliError::Output(error) => match lang {
                Lang::Ja => format!("標準出力: 書き込めません ({error})"),
                Lang::En => format!("standard output: cannot write ({error})"),
            },
        }
    }
}
