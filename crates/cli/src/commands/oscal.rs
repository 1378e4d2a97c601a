//! `shinrai oscal validate|resolve|convert`.

use std::path::Path;

use shinrai_domain::text::Lang;
use shinrai_oscal::model::{Catalog, root_model};
use shinrai_oscal::resolve::{Lookup, Options, component_sources, imported_catalogs};
use shinrai_oscal::source::{document_from_value, parse_value, read_source_reporting};
use shinrai_oscal::validate::{Context, Report, validate_value};
use shinrai_oscal::{Document, Format, Limits, Model, ModelKind, Source};

use crate::args::{ConvertArgs, OscalCommand, ResolveArgs, ValidateArgs};
use crate::error::CliError;
use crate::output::write_stdout;
use crate::progress::Progress;

pub fn run(command: &OscalCommand, lang: Lang) -> Result<(), CliError> {
    match command {
        OscalCommand::Validate(args) => validate(args, lang),
        OscalCommand::Resolve(args) => resolve(args, lang),
        OscalCommand::Convert(args) => convert(args),
    }
}

/// Reads a document with a progress bar for large files.
fn read(path: &Path, limits: Limits) -> Result<(Source, Progress), CliError> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let progress = Progress::for_file(size);
    progress.stage("reading");
    let source = read_source_reporting(path, limits, &mut |done, _| progress.bytes(done))
        .map_err(CliError::Oscal)?;
    Ok((source, progress))
}

/// The format to write: the flag, else the output file's extension, else JSON.
fn output_format(flag: Option<crate::args::FormatArg>, output: Option<&Path>) -> Format {
    flag.map(Format::from)
        .or_else(|| output.and_then(Format::from_path))
        .unwrap_or(Format::Json)
}

fn resolve(args: &ResolveArgs, lang: Lang) -> Result<(), CliError> {
    let size = std::fs::metadata(&args.profile)
        .map(|m| m.len())
        .unwrap_or(0);
    let progress = Progress::for_file(size.max(catalog_dir_size(args.catalog_dir.as_deref())));
    progress.stage("resolving");
    let options = Options {
        lookup: Lookup {
            catalog_dir: args.catalog_dir.clone(),
            limits: Limits {
                max_bytes: args.limits.max_bytes,
            },
        },
        timestamp: crate::clock::now_rfc3339(),
        tool: format!("shinrai {}", env!("CARGO_PKG_VERSION")),
    };
    let resolved =
        shinrai_oscal::resolve::resolve_file(&args.profile, &options).map_err(CliError::Oscal)?;
    for note in &resolved.notes {
        crate::output::report_note(&format!(
            "{}: {} ({})",
            note.file,
            note.pointer,
            note.message.get(lang)
        ));
    }
    progress.stage("writing");
    let format = output_format(args.format, args.output.as_deref());
    let document = Document {
        schema: None,
        model: Model::Catalog(Box::new(resolved.catalog)),
        extra: Default::default(),
    };
    let written = match args.output.as_deref() {
        Some(path) => crate::output_file::write_whole(path, |out| {
            shinrai_oscal::output::write_document(
                &document,
                format,
                &path.display().to_string(),
                out,
            )
            .map_err(CliError::Oscal)
        }),
        None => shinrai_oscal::output::document_to_text(&document, format, "<stdout>")
            .map_err(CliError::Oscal)
            .and_then(|text| write_stdout(&text)),
    };
    progress.finish();
    // The command ends here: handing the resolved catalog's many small pieces back to the
    // allocator one by one would only delay the exit, which gives all memory back at once.
    std::mem::forget(document);
    written
}

/// Resolution reads the catalogs too; their size decides whether a bar is worth showing.
fn catalog_dir_size(dir: Option<&Path>) -> u64 {
    dir.and_then(|dir| std::fs::read_dir(dir).ok())
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|entry| entry.metadata().ok())
                .map(|meta| meta.len())
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0)
}

fn convert(args: &ConvertArgs) -> Result<(), CliError> {
    let (source, progress) = read(
        &args.file,
        Limits {
            max_bytes: args.limits.max_bytes,
        },
    )?;
    progress.stage("converting");
    let format = output_format(args.format, Some(&args.output));
    let text = shinrai_oscal::convert::convert(&source, format).map_err(CliError::Oscal)?;
    progress.stage("writing");
    crate::output_file::write_whole(&args.output, |out| {
        out.write_all(text.as_bytes())
            .map_err(|error| crate::output_file::unwritable(&args.output, &error))
    })
}

fn validate(args: &ValidateArgs, lang: Lang) -> Result<(), CliError> {
    let limits = Limits {
        max_bytes: args.limits.max_bytes,
    };
    let (source, progress) = read(&args.file, limits)?;
    progress.stage("parsing");
    let value = parse_value(&source).map_err(CliError::Oscal)?;
    progress.stage("validating");
    // A profile is checked against the catalogs it imports and a component definition against
    // the catalogs its control implementations name, both loaded as resolution loads them.
    let options = Options {
        lookup: Lookup {
            catalog_dir: args.catalog_dir.clone(),
            limits,
        },
        timestamp: String::new(),
        tool: String::new(),
    };
    let mut import_notes = Vec::new();
    let catalogs: Vec<Option<Catalog>> = match root_model(&value) {
        Ok(ModelKind::Profile) => match document_from_value(&source, &value) {
            Ok(Document {
                model: Model::Profile(profile),
                ..
            }) => imported_catalogs(&profile, &source.name, &args.file, &options)
                .into_iter()
                .map(|loaded| loaded.map_err(|error| import_notes.push(error)).ok())
                .collect(),
            // The schema check below reports why the profile does not read.
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let sources: Vec<(String, Catalog)> =
        component_sources(&value, &source.name, &args.file, &options)
            .into_iter()
            .filter_map(|loaded| match loaded.catalog {
                Ok(catalog) => Some((loaded.source, catalog)),
                Err(error) => {
                    import_notes.push(error);
                    None
                }
            })
            .collect();
    let context = Context::with_imports(catalogs.iter().map(Option::as_ref).collect())
        .with_sources(
            sources
                .iter()
                .map(|(name, catalog)| (name.clone(), catalog)),
        );
    let report = validate_value(&value, &context);
    progress.finish();
    let text = if args.json {
        report_json(&args.file, &report, &import_notes, lang)
    } else {
        report_text(&args.file, &report, &import_notes, lang)
    };
    write_stdout(&text)?;
    if report.is_valid() {
        Ok(())
    } else {
        Err(CliError::Invalid)
    }
}

fn report_text(
    file: &Path,
    report: &Report,
    import_notes: &[shinrai_oscal::OscalError],
    lang: Lang,
) -> String {
    let model = report.model.map_or("-", ModelKind::root_key);
    let mut out = String::new();
    let count = report.problems.len();
    out.push_str(&match (lang, count) {
        (Lang::Ja, 0) => format!("{}: 妥当です（{model}）\n", file.display()),
        (Lang::Ja, n) => format!("{}: {n} 件の問題があります（{model}）\n", file.display()),
        (Lang::En, 0) => format!("{}: valid ({model})\n", file.display()),
        (Lang::En, 1) => format!("{}: 1 problem ({model})\n", file.display()),
        (Lang::En, n) => format!("{}: {n} problems ({model})\n", file.display()),
    });
    for problem in &report.problems {
        out.push_str(&format!("  {}\n", problem.describe(lang)));
    }
    if !report.notes.is_empty() || !import_notes.is_empty() {
        out.push_str(match lang {
            Lang::Ja => "注記:\n",
            Lang::En => "notes:\n",
        });
        for note in &report.notes {
            out.push_str(&format!("  {}\n", note.describe(lang)));
        }
        for error in import_notes {
            out.push_str(&format!("  {}\n", error.describe(lang)));
        }
    }
    out
}

fn report_json(
    file: &Path,
    report: &Report,
    import_notes: &[shinrai_oscal::OscalError],
    lang: Lang,
) -> String {
    let entries = |list: &[shinrai_oscal::validate::Problem]| -> Vec<serde_json::Value> {
        list.iter()
            .map(|problem| {
                serde_json::json!({
                    "pointer": problem.pointer,
                    "code": problem.code,
                    "message": problem.message.get(lang),
                    "messages": problem.message,
                })
            })
            .collect()
    };
    let mut notes = entries(&report.notes);
    notes.extend(import_notes.iter().map(|error| {
        serde_json::json!({
            "pointer": error.place.describe(Lang::En),
            "code": "import_not_loaded",
            "message": error.describe(lang),
            "messages": {"ja": error.describe(Lang::Ja), "en": error.describe(Lang::En)},
        })
    }));
    let json = serde_json::json!({
        "file": file.display().to_string(),
        "model": report.model.map(ModelKind::root_key),
        "valid": report.is_valid(),
        "problems": entries(&report.problems),
        "notes": notes,
    });
    let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
    text.push('\n');
    text
}
