//! Everything that can stop a command, with its exit status and message.

use std::process::ExitCode;

use shinrai_domain::case::CaseError;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_oscal::{ErrorKind, OscalError};

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
    /// An OSCAL document could not be read, resolved or written.
    #[error("{0}")]
    Oscal(OscalError),
    /// The input was read and checked, and fails; the problems were already printed.
    #[error("the document is not valid")]
    Invalid,
    /// The store could not be opened, read or written.
    #[error("{}", .what.en)]
    Store { what: Bilingual },
    /// The configuration file or a `SHINRAI_*` variable is wrong.
    #[error("{}", .what.en)]
    Config { what: Bilingual },
    /// The store refused a change the caller asked for (a taken id, a missing record, bad input).
    #[error("{}", .what.en)]
    Refused { what: Bilingual },
    /// The service stopped with an error.
    #[error("{}", .what.en)]
    Serve { what: Bilingual },
    /// The log was altered; the break was already reported.
    #[error("the log was altered")]
    LogAltered,
    /// Nothing was found altered, but part of the log could not be checked (its signing key is
    /// missing); what was found was already reported.
    #[error("the log could not be verified in full")]
    LogUnverified,
    /// A recomputed sample differs from the one recorded; each was already reported.
    #[error("a sample differs from its recomputation")]
    SamplesDiffer,
    /// The registry rebuilt from the log differs from the stored one; each difference was
    /// already reported.
    #[error("the registry differs from its log")]
    RegistryDiffers,
    /// An input file that cannot be used at all (missing, not a table, an empty sheet).
    #[error("{}", .what.en)]
    Unusable { what: Bilingual },
    /// An output file could not be written.
    #[error("{file}: {}", .why.en)]
    Unwritable { file: String, why: Bilingual },
}

impl CliError {
    pub fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Unreadable { .. }
            | CliError::Malformed { .. }
            | CliError::Unusable { .. } => ExitCode::from(2),
            CliError::Store { .. } | CliError::Config { .. } => ExitCode::from(2),
            CliError::Refused { .. } | CliError::Serve { .. } => ExitCode::from(1),
            CliError::Output(_)
            | CliError::Invalid
            | CliError::LogAltered
            | CliError::SamplesDiffer
            | CliError::RegistryDiffers
            | CliError::LogUnverified
            | CliError::Unwritable { .. } => ExitCode::from(1),
            CliError::Oscal(error) => match error.kind {
                // The input could not be read as an OSCAL document at all.
                ErrorKind::Unreadable
                | ErrorKind::TooLarge
                | ErrorKind::NotUtf8
                | ErrorKind::Syntax
                | ErrorKind::TooDeep
                | ErrorKind::NotOscal
                | ErrorKind::Model => ExitCode::from(2),
                // Read fine, but what it asks for cannot be done.
                ErrorKind::Import
                | ErrorKind::ImportCycle
                | ErrorKind::UnknownReference
                | ErrorKind::Invalid
                | ErrorKind::ConflictingStructure
                | ErrorKind::Unsupported
                | ErrorKind::Write => ExitCode::from(1),
            },
        }
    }

    /// The text after `error: `: `FILE: place (why)`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            CliError::Unreadable { file, why } => format!("{file}: {}", why.get(lang)),
            CliError::Malformed { file, error } => format!("{file}: {}", error.describe(lang)),
            CliError::Oscal(error) => error.describe(lang),
            CliError::Store { what }
            | CliError::Config { what }
            | CliError::Refused { what }
            | CliError::Serve { what }
            | CliError::Unusable { what } => what.get(lang).to_owned(),
            CliError::LogAltered => match lang {
                Lang::Ja => "ログが改ざんされています".to_owned(),
                Lang::En => "the log was altered".to_owned(),
            },
            CliError::SamplesDiffer => match lang {
                Lang::Ja => "計算し直した標本が記録と一致しません".to_owned(),
                Lang::En => "a sample differs from its recomputation".to_owned(),
            },
            CliError::RegistryDiffers => match lang {
                Lang::Ja => "登録簿がログから再計算した内容と一致しません".to_owned(),
                Lang::En => "the registry differs from its log".to_owned(),
            },
            CliError::LogUnverified => match lang {
                Lang::Ja => "ログを完全には検証できませんでした".to_owned(),
                Lang::En => "the log could not be verified in full".to_owned(),
            },
            CliError::Invalid => match lang {
                Lang::Ja => "文書は妥当ではありません".to_owned(),
                Lang::En => "the document is not valid".to_owned(),
            },
            CliError::Unwritable { file, why } => format!("{file}: {}", why.get(lang)),
            CliError::Output(error) => match lang {
                Lang::Ja => format!("標準出力: 書き込めません ({error})"),
                Lang::En => format!("standard output: cannot write ({error})"),
            },
        }
    }
}
