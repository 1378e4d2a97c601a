//! `shinrai audit conclusions …`: an audit's conclusions as a spreadsheet. The template is
//! written and the filled file read by `shinrai_formats::conclusions`, so that the server's
//! download and upload give the same files and the same errors.

use std::path::Path;

use shinrai_domain::criteria::CriteriaVersion;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::Refusal;
use shinrai_domain::workflow::audit::Conclusions;
use shinrai_formats::conclusions::{self, Audited, SheetFormat, template_csv, template_xlsx};
use shinrai_formats::workbook::limits::MAX_FILE_BYTES;

use super::criteria::load;
use super::statement::{load_statement, put, read_bytes, refused_sheet, written};
use crate::args::{
    AuditCommand, AuditedArgs, ConclusionsCommand, ConclusionsImportArgs, ConclusionsTemplateArgs,
    DataPlace, TableFormatArg,
};
use crate::error::CliError;
use crate::input::display_name;
use crate::output::write_stdout;
use crate::progress::Progress;

pub fn run(command: &AuditCommand, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    match command {
        AuditCommand::Conclusions(ConclusionsCommand::Template(args)) => {
            template(args, place, lang)
        }
        AuditCommand::Conclusions(ConclusionsCommand::Import(args)) => import(args, place, lang),
        AuditCommand::SampleCheck(args) => super::sample_check::run(args, place, lang),
    }
}

/// The criteria and the audited statement's content.
fn audited(
    args: &AuditedArgs,
    place: &DataPlace,
    lang: Lang,
) -> Result<
    (
        CriteriaVersion,
        shinrai_domain::workflow::statement::StatementContent,
    ),
    CliError,
> {
    let criteria = load(&args.criteria, place, lang)?;
    let statement = load_statement(&args.statement, &criteria)?;
    Ok((criteria, statement.content()))
}

fn template(args: &ConclusionsTemplateArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let by_name = args
        .output
        .as_deref()
        .and_then(|path| SheetFormat::from_name(&path.to_string_lossy()));
    let format = match (args.format, by_name) {
        (Some(TableFormatArg::Csv), _) | (None, Some(SheetFormat::Csv)) => SheetFormat::Csv,
        _ => SheetFormat::Xlsx,
    };
    let (criteria, content) = audited(&args.audited, place, lang)?;
    let recorded = match &args.conclusions {
        Some(path) => recorded(path, &criteria, &content)?,
        None => Conclusions::default(),
    };
    let bytes = match format {
        SheetFormat::Csv => template_csv(&criteria, &content, &recorded),
        SheetFormat::Xlsx => template_xlsx(&criteria, &content, &recorded),
    }
    .map_err(|error| written(&error.message()))?;
    put(args.output.as_deref(), &bytes)
}

/// Conclusions as JSON, checked against the audited statement as the API checks them.
fn recorded(
    path: &Path,
    criteria: &CriteriaVersion,
    content: &shinrai_domain::workflow::statement::StatementContent,
) -> Result<Conclusions, CliError> {
    let name = display_name(path);
    let bytes = read_bytes(path, most_bytes())?;
    let conclusions: Conclusions =
        serde_json::from_slice(&bytes).map_err(|error| CliError::Unusable {
            what: Bilingual::new(
                format!(
                    "{name}: {} 行 {} 列 (結論の JSON として読めません: {error})",
                    error.line(),
                    error.column()
                ),
                format!(
                    "{name}: line {} column {} (not conclusions as JSON: {error})",
                    error.line(),
                    error.column()
                ),
            ),
        })?;
    conclusions
        .check_against(content, criteria)
        .map_err(|refusal| refused_fields(&name, &refusal))?;
    Ok(conclusions)
}

/// The spreadsheet reader's bound on a file, as a length.
fn most_bytes() -> usize {
    usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX)
}

fn import(args: &ConclusionsImportArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let name = display_name(&args.file);
    let Some(format) = SheetFormat::from_name(&name) else {
        return Err(CliError::Unusable {
            what: Bilingual::new(
                format!("{name}: 拡張子が .xlsx でも .csv でもありません"),
                format!("{name}: the name ends neither in .xlsx nor in .csv"),
            ),
        });
    };
    let (criteria, content) = audited(&args.audited, place, lang)?;
    let bytes = read_bytes(&args.file, most_bytes())?;
    let progress = Progress::for_file(u64::try_from(bytes.len()).unwrap_or(u64::MAX));
    progress.stage(match lang {
        Lang::Ja => "読込み中",
        Lang::En => "reading",
    });
    let audited = Audited {
        criteria: &criteria,
        content: &content,
    };
    let read = conclusions::read(format, &name, &bytes, audited).map_err(refused_sheet)?;
    progress.finish();
    let json = serde_json::to_string_pretty(&read).map_err(|e| CliError::Output(e.into()))?;
    write_stdout(&format!("{json}\n"))
}

/// A refusal of the domain, each field on its own line.
fn refused_fields(name: &str, refusal: &Refusal) -> CliError {
    let lines = |lang: Lang| -> String {
        match refusal {
            Refusal::Invalid(errors) => errors
                .iter()
                .map(|e| format!("{name}: {} ({})", e.field, e.message.get(lang)))
                .collect::<Vec<_>>()
                .join("\nerror: "),
            other => format!("{name}: {}", other.message().get(lang)),
        }
    };
    CliError::Unusable {
        what: Bilingual::new(lines(Lang::Ja), lines(Lang::En)),
    }
}
