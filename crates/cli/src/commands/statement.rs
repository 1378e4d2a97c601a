//! `shinrai statement …`: a provider's statement (言明書) as files. The template and the
//! exports are written by `shinrai_formats::statement`, and imports read by it, so that the
//! server's downloads and uploads give the same files and the same errors.

use std::io::{self, Write};
use std::path::Path;

use shinrai_domain::criteria::CriteriaVersion;
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_formats::sheet_form::{FormErrors, FormProblem};
use shinrai_formats::statement::ssp::{self, MAX_SSP_BYTES, SspError, SspOptions};
use shinrai_formats::statement::{
    SheetFormat, StatementFile, read_csv, read_xlsx, template_csv, template_xlsx, write_csv,
    write_xlsx,
};
use shinrai_oscal::Format;

use super::criteria::{load, write_file};
use crate::args::{
    DataPlace, StatementCommand, StatementExportArgs, StatementFormatArg, StatementImportArgs,
    StatementTemplateArgs, TableFormatArg,
};
use crate::error::CliError;
use crate::input::{display_name, read_text};
use crate::output::write_stdout;
use crate::progress::Progress;

pub fn run(command: &StatementCommand, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    match command {
        StatementCommand::Template(args) => template(args, place, lang),
        StatementCommand::Import(args) => import(args, place, lang),
        StatementCommand::Export(args) => export(args, place, lang),
    }
}

fn template(args: &StatementTemplateArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let models = models(&args.models)?;
    let level = Level::new(args.level).unwrap_or(Level::LOW);
    let by_name = args
        .output
        .as_deref()
        .and_then(|path| SheetFormat::from_name(&path.to_string_lossy()));
    let format = match (args.format, by_name) {
        (Some(TableFormatArg::Csv), _) | (None, Some(SheetFormat::Csv)) => SheetFormat::Csv,
        _ => SheetFormat::Xlsx,
    };
    let criteria = load(&args.criteria, place, lang)?;
    let bytes = match format {
        SheetFormat::Csv => template_csv(&criteria, level, &models),
        SheetFormat::Xlsx => template_xlsx(&criteria, level, &models),
    }
    .map_err(|error| written(&error.message()))?;
    put(args.output.as_deref(), &bytes)
}

fn import(args: &StatementImportArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let criteria = match &args.criteria {
        Some(spec) => Some(load(spec, place, lang)?),
        None => None,
    };
    let name = display_name(&args.file);
    let bytes = read_bytes(&args.file, MAX_SSP_BYTES)?;
    let progress = Progress::for_file(u64::try_from(bytes.len()).unwrap_or(u64::MAX));
    progress.stage(match lang {
        Lang::Ja => "読込み中",
        Lang::En => "reading",
    });
    let statement = match SheetFormat::from_name(&name) {
        Some(SheetFormat::Xlsx) => {
            read_xlsx(&name, &bytes, criteria.as_ref()).map_err(refused_sheet)?
        }
        Some(SheetFormat::Csv) => {
            read_csv(&name, &bytes, criteria.as_ref()).map_err(refused_sheet)?
        }
        None => {
            let statement = ssp::import_ssp(&name, &bytes).map_err(ssp_error)?;
            if let Some(criteria) = &criteria {
                check(&name, &statement, criteria)?;
            }
            statement
        }
    };
    progress.finish();
    let json = serde_json::to_string_pretty(&statement).map_err(|e| CliError::Output(e.into()))?;
    write_stdout(&format!("{json}\n"))
}

/// A statement from any file `statement import` reads, or the JSON it prints, checked against
/// `criteria`: a filled template (.xlsx, .csv), an OSCAL SSP (.yaml, .yml, or JSON holding a
/// `system-security-plan`) or the statement as JSON.
pub(crate) fn load_statement(
    path: &Path,
    criteria: &CriteriaVersion,
) -> Result<StatementFile, CliError> {
    let name = display_name(path);
    let bytes = read_bytes(path, MAX_SSP_BYTES)?;
    let lower = name.to_ascii_lowercase();
    let statement = match SheetFormat::from_name(&name) {
        Some(SheetFormat::Xlsx) => {
            read_xlsx(&name, &bytes, Some(criteria)).map_err(refused_sheet)?
        }
        Some(SheetFormat::Csv) => read_csv(&name, &bytes, Some(criteria)).map_err(refused_sheet)?,
        None if lower.ends_with(".yaml") || lower.ends_with(".yml") || is_ssp(&bytes) => {
            ssp::import_ssp(&name, &bytes).map_err(ssp_error)?
        }
        None => StatementFile::from_json(&bytes).map_err(|error| not_a_statement(&name, &error))?,
    };
    check(&name, &statement, criteria)?;
    Ok(statement)
}

/// Whether JSON bytes hold an OSCAL system security plan rather than a statement.
fn is_ssp(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(bytes)
        .is_ok_and(|object| object.contains_key("system-security-plan"))
}

fn not_a_statement(name: &str, error: &serde_json::Error) -> CliError {
    CliError::Unusable {
        what: Bilingual::new(
            format!(
                "{name}: {} 行 {} 列 (言明書の JSON として読めません: {error})",
                error.line(),
                error.column()
            ),
            format!(
                "{name}: line {} column {} (not a statement as JSON: {error})",
                error.line(),
                error.column()
            ),
        ),
    }
}

fn export(args: &StatementExportArgs, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let name = display_name(&args.file);
    let text = read_text(&args.file, MAX_SSP_BYTES)?;
    let statement = StatementFile::from_json(text.as_bytes())
        .map_err(|error| not_a_statement(&name, &error))?;
    let criteria = match &args.criteria {
        Some(spec) => {
            let criteria = load(spec, place, lang)?;
            check(&name, &statement, &criteria)?;
            Some(criteria)
        }
        None => None,
    };
    let models = if args.models.is_empty() {
        None
    } else {
        Some(models(&args.models)?)
    };
    let bytes = match args.format {
        StatementFormatArg::Xlsx => write_xlsx(&statement, criteria.as_ref(), models.as_deref())
            .map_err(|error| written(&error.message()))?,
        StatementFormatArg::Csv => write_csv(&statement, criteria.as_ref(), models.as_deref())
            .map_err(|error| written(&error.message()))?,
        StatementFormatArg::OscalSsp => {
            let yaml = args.output.as_deref().and_then(Format::from_path) == Some(Format::Yaml);
            let format = if yaml { Format::Yaml } else { Format::Json };
            ssp::write_ssp(&statement, &SspOptions::default(), format).map_err(ssp_error)?
        }
    };
    put(args.output.as_deref(), &bytes)
}

/// A statement that the criteria refuse (an unknown id, another version) is bad input.
pub(crate) fn check(
    name: &str,
    statement: &StatementFile,
    criteria: &CriteriaVersion,
) -> Result<(), CliError> {
    if statement.criteria_version != criteria.version {
        return Err(CliError::Unusable {
            what: Bilingual::new(
                format!(
                    "{name}: /criteria_version (管理基準の版 {} は、照合に使う版 {} と異なります)",
                    statement.criteria_version, criteria.version
                ),
                format!(
                    "{name}: /criteria_version (criteria version {} is not the version {} checked against)",
                    statement.criteria_version, criteria.version
                ),
            ),
        });
    }
    statement.content().check(criteria).map_err(|refusal| {
        let lines = |lang: Lang| -> String {
            match &refusal {
                shinrai_domain::workflow::Refusal::Invalid(errors) => errors
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
    })
}

/// Service models from `saas,paas`, in any case.
fn models(names: &[String]) -> Result<Vec<ServiceModel>, CliError> {
    let mut models = Vec::new();
    for name in names {
        let model = ServiceModel::from_name_any_case(name.trim()).ok_or_else(|| CliError::Unusable {
            what: Bilingual::new(
                format!("--models: サービスモデル「{name}」は iaas、paas、saas のいずれでもありません"),
                format!("--models: service model \"{name}\" is not iaas, paas or saas"),
            ),
        })?;
        if !models.contains(&model) {
            models.push(model);
        }
    }
    models.sort();
    Ok(models)
}

/// Every problem of a spreadsheet (a statement's or conclusions'), one a line (`error: ` before
/// each); all are bad input (exit 2).
pub(crate) fn refused_sheet<P: FormProblem>(errors: FormErrors<P>) -> CliError {
    let omitted = errors.omitted_message();
    let problems = errors.into_vec();
    let joined = |lang: Lang| {
        problems
            .iter()
            .map(|p| p.message().get(lang).to_owned())
            .chain(omitted.iter().map(|more| more.get(lang).to_owned()))
            .collect::<Vec<_>>()
            .join("\nerror: ")
    };
    CliError::Unusable {
        what: Bilingual::new(joined(Lang::Ja), joined(Lang::En)),
    }
}

pub(crate) fn ssp_error(error: SspError) -> CliError {
    match error {
        SspError::Oscal(inner) => CliError::Oscal(inner),
        other => CliError::Unusable {
            what: other.message(),
        },
    }
}

pub(crate) fn written(what: &Bilingual) -> CliError {
    CliError::Unwritable {
        file: "-".to_owned(),
        why: what.clone(),
    }
}

/// Writes to the file, or to standard output (a closed pipe is not an error).
pub(crate) fn put(output: Option<&Path>, bytes: &[u8]) -> Result<(), CliError> {
    match output {
        Some(path) => write_file(path, bytes),
        None => {
            let mut out = io::stdout().lock();
            match out.write_all(bytes).and_then(|()| out.flush()) {
                Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
                    Err(CliError::Output(error))
                }
                _ => Ok(()),
            }
        }
    }
}

/// Reads a whole file of at most `max` bytes (one more is read to tell a larger one).
pub(crate) fn read_bytes(path: &Path, max: usize) -> Result<Vec<u8>, CliError> {
    use std::io::Read;
    let file = display_name(path);
    let unreadable = |error: io::Error| CliError::Unreadable {
        file: file.clone(),
        why: Bilingual::new(
            format!("読み込めません ({error})"),
            format!("cannot read ({error})"),
        ),
    };
    let mut bytes = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    if path == Path::new("-") {
        io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    }
    .map_err(unreadable)?;
    if bytes.len() > max {
        return Err(CliError::Unreadable {
            file: file.clone(),
            why: Bilingual::new(
                format!("{max} バイトを超えています（このコマンドが読む上限です）"),
                format!("larger than {max} bytes, the most this command reads"),
            ),
        });
    }
    Ok(bytes)
}
