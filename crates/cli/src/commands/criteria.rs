//! `shinrai criteria …`: import, publish, export, compare and check criteria versions, on the
//! store directly. Imports are all or nothing: a file with any problem stores nothing.

use std::path::{Path, PathBuf};

use shinrai_domain::criteria::{Control, CriteriaVersion, Finding, Status, check, diff};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_formats::{oscal_criteria, table};
use shinrai_store::Store;
use shinrai_store::model::ChangeBy;

use crate::args::{
    CriteriaCheckArgs, CriteriaCommand, CriteriaDiffArgs, CriteriaExportArgs, CriteriaFormatArg,
    CriteriaImportArgs, CriteriaShowArgs, DataPlace, TableFormatArg,
};
use crate::error::CliError;
use crate::output::{report_note, write_stdout};
use crate::progress::Progress;
use crate::store_access::{open, runtime, store_config, store_error};

fn by_cli() -> ChangeBy {
    ChangeBy {
        actor: "cli".to_owned(),
        org: String::new(),
        at_ms: crate::clock::now_ms(),
    }
}

pub fn run(command: &CriteriaCommand, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    match command {
        // These two need no store.
        CriteriaCommand::Template(args) => {
            let bytes = match args.format {
                TableFormatArg::Csv => table::template_csv(),
                TableFormatArg::Xlsx => table::template_xlsx().map_err(|e| table_error(&e))?,
            };
            write_file(&args.output, &bytes)
        }
        CriteriaCommand::Check(args) if Path::new(&args.version).is_file() => {
            let version = read_file(Path::new(&args.version), None, &[], lang)?;
            report_check(&args.version, &version, args, lang)
        }
        _ => with_store(command, place, lang),
    }
}

fn with_store(command: &CriteriaCommand, place: &DataPlace, lang: Lang) -> Result<(), CliError> {
    let config = store_config(place)?;
    runtime()?.block_on(async {
        let store = open(&config).await?;
        let failed = |e: shinrai_store::StoreError| store_error(&config, &e);
        let result = match command {
            CriteriaCommand::Import(args) => import(&store, args, lang).await.map_err(|e| match e {
                Imported::Store(e) => failed(e),
                Imported::Cli(e) => e,
            }),
            CriteriaCommand::Publish(args) => {
                let date = match &args.date {
                    Some(text) => CalendarDate::parse(text).ok_or_else(|| CliError::Refused {
                        what: Bilingual::new(
                            format!("日付 {text} は YYYY-MM-DD ではありません"),
                            format!("the date {text} is not YYYY-MM-DD"),
                        ),
                    })?,
                    None => CalendarDate::from_unix_ms(crate::clock::now_ms()),
                };
                let transition_on = args
                    .transition_on
                    .as_deref()
                    .map(|text| transition_day(text, date))
                    .transpose()?;
                let version = stored(&store, &args.version).await.map_err(failed)?;
                let findings = check(&version);
                if let Some(first) = findings.first() {
                    return Err(CliError::Refused {
                        what: Bilingual::new(
                            format!("{} は公表できません（整合性の問題 {} 件。最初: {}: {}）", args.version, findings.len(), first.subject, first.problem.message().ja),
                            format!("{} cannot be published (consistency problems: {}; the first: {}: {})", args.version, findings.len(), first.subject, first.problem.message().en),
                        ),
                    });
                }
                let summary = store
                    .publish_criteria(&args.version, date, transition_on, &by_cli())
                    .await
                    .map_err(failed)?;
                // The providers whose registered services lack something of it are told, by
                // mail too when the service mails.
                let published = stored(&store, &args.version).await.map_err(failed)?;
                let mail = crate::store_access::config(place)?.mail.is_some();
                shinrai_server::criteria::transition::tell_providers(
                    &store,
                    &published,
                    mail,
                    shinrai_domain::workflow::Moment::at(crate::clock::now_ms()),
                )
                .await
                .map_err(failed)?;
                write_stdout(&format!(
                    "{} {} {}\n",
                    summary.version,
                    summary.status.code(),
                    summary.published_on.unwrap_or_default()
                ))
            }
            CriteriaCommand::Export(args) => {
                let version = stored(&store, &args.version).await.map_err(failed)?;
                export(&version, args)
            }
            CriteriaCommand::Diff(args) => {
                let old = stored(&store, &args.from).await.map_err(failed)?;
                let new = stored(&store, &args.to).await.map_err(failed)?;
                print_diff(&old, &new, args, lang)
            }
            CriteriaCommand::List(args) => {
                let mut versions = Vec::new();
                for summary in store.criteria_list().await.map_err(failed)? {
                    versions.push(stored(&store, &summary.version).await.map_err(failed)?);
                }
                if args.json {
                    let list: Vec<serde_json::Value> = versions.iter().map(summary_json).collect();
                    write_stdout(&format!("{}\n", serde_json::Value::Array(list)))
                } else {
                    let lines: String = versions
                        .iter()
                        .map(|v| {
                            let counts = v.counts();
                            format!(
                                "{:<20} {:<9} {:<10} {:>5} {:>5} {:>5}  {}\n",
                                v.version,
                                v.status.code(),
                                v.published_on.map(|d| d.to_string()).unwrap_or_else(|| "-".to_owned()),
                                counts.by_level[0],
                                counts.by_level[1],
                                counts.by_level[2],
                                v.title.get(lang)
                            )
                        })
                        .collect();
                    write_stdout(&lines)
                }
            }
            CriteriaCommand::Show(args) => {
                let version = stored(&store, &args.version).await.map_err(failed)?;
                show(&version, args, lang)
            }
            CriteriaCommand::Check(args) => {
                let version = stored(&store, &args.version).await.map_err(failed)?;
                report_check(&args.version, &version, args, lang)
            }
            CriteriaCommand::Template(_) => Ok(()),
        };
        let signed = store.checkpoint(crate::clock::now_ms()).await;
        store.close().await;
        signed.map_err(failed)?;
        result
    })
}

/// Criteria named on the command line: a file (a table or an OSCAL catalog) when `spec` is one,
/// else a version id in the store.
pub(crate) fn load(spec: &str, place: &DataPlace, lang: Lang) -> Result<CriteriaVersion, CliError> {
    let path = Path::new(spec);
    if path.is_file() {
        return read_file(path, None, &[], lang);
    }
    let config = store_config(place)?;
    runtime()?.block_on(async {
        let store = open(&config).await?;
        let found = stored(&store, spec).await;
        store.close().await;
        found.map_err(|e| store_error(&config, &e))
    })
}

async fn stored(
    store: &Store,
    version: &str,
) -> Result<CriteriaVersion, shinrai_store::StoreError> {
    store
        .criteria(version)
        .await?
        .ok_or_else(|| shinrai_store::StoreError::NotFound {
            what: shinrai_store::error::CRITERIA_VERSION.of(version),
        })
}

enum Imported {
    Store(shinrai_store::StoreError),
    Cli(CliError),
}

async fn import(store: &Store, args: &CriteriaImportArgs, lang: Lang) -> Result<(), Imported> {
    let version = read_file(
        &args.file,
        args.version.as_deref(),
        &args.level_profiles,
        lang,
    )
    .map_err(Imported::Cli)?;
    let findings = check(&version);
    let summary = store
        .create_criteria(&version, &by_cli())
        .await
        .map_err(Imported::Store)?;
    let counts = version.counts();
    if !findings.is_empty() {
        report_note(&match lang {
            Lang::Ja => format!(
                "整合性の問題が {} 件あります（shinrai criteria check {} で一覧）。公表の前に直してください",
                findings.len(),
                version.version
            ),
            Lang::En => format!(
                "consistency problems: {} (list them with shinrai criteria check {}); fix them before publishing",
                findings.len(),
                version.version
            ),
        });
    }
    let text = if args.json {
        format!("{}\n", summary_json(&version))
    } else {
        match lang {
            Lang::Ja => format!(
                "{}: 案として取り込みました。ガバナンス {}、マネジメント {}、統制目標 {}、詳細管理策 {}（レベル 1/2/3: {}/{}/{}）\nSHA-256 {}\n",
                summary.version,
                counts.governance,
                counts.management,
                counts.objectives,
                counts.controls,
                counts.by_level[0],
                counts.by_level[1],
                counts.by_level[2],
                summary.document_sha256
            ),
            Lang::En => format!(
                "{}: imported as a draft: {} governance, {} management, {} objectives, {} controls (levels 1/2/3: {}/{}/{})\nSHA-256 {}\n",
                summary.version,
                counts.governance,
                counts.management,
                counts.objectives,
                counts.controls,
                counts.by_level[0],
                counts.by_level[1],
                counts.by_level[2],
                summary.document_sha256
            ),
        }
    };
    write_stdout(&text).map_err(Imported::Cli)
}

/// Reads a table (`.csv`, `.xlsx`) or an OSCAL catalog (anything else) into a draft version.
fn read_file(
    path: &Path,
    version_id: Option<&str>,
    level_profiles: &[PathBuf],
    lang: Lang,
) -> Result<CriteriaVersion, CliError> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let progress = Progress::for_file(size);
    progress.stage(match lang {
        Lang::Ja => "読込み中",
        Lang::En => "reading",
    });
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let is_table = matches!(extension.as_deref(), Some("csv" | "xlsx"));
    if is_table && !level_profiles.is_empty() {
        return Err(CliError::Refused {
            what: Bilingual::new(
                "--level-profiles は OSCAL カタログを取り込むときだけ使えます",
                "--level-profiles goes with an OSCAL catalog only",
            ),
        });
    }
    let mut version = if is_table {
        table::diagnose_table(path).map_err(table_errors)?
    } else {
        let id = version_id
            .map(str::to_owned)
            .unwrap_or_else(|| file_stem(path));
        let imported =
            oscal_criteria::import_catalog(path, level_profiles, &id).map_err(oscal_error)?;
        for note in &imported.notes {
            report_note(note.get(lang));
        }
        imported.version
    };
    progress.finish();
    if let Some(id) = version_id {
        id.clone_into(&mut version.version);
    }
    check_version_id(&version.version)?;
    version.status = Status::Draft;
    version.published_on = None;
    Ok(version)
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("criteria")
        .to_owned()
}

/// Version ids appear in addresses and file names (see `is_valid_version_id`).
fn check_version_id(id: &str) -> Result<(), CliError> {
    let ok = shinrai_domain::criteria::is_valid_version_id(id);
    if ok {
        Ok(())
    } else {
        Err(CliError::Refused {
            what: Bilingual::new(
                format!("版 ID「{id}」は英数字と . _ - の 64 文字以内（diff 以外）にしてください"),
                format!(
                    "the version id {id:?} must be 1 to 64 letters, digits, '.', '_' or '-', other than \"diff\""
                ),
            ),
        })
    }
}

/// A file that cannot be read as a table at all is unreadable input (exit 2); a table with
/// problems in its rows is refused (exit 1).
fn table_error(error: &table::TableError) -> CliError {
    use table::TableError as E;
    let what = error.message();
    match error {
        E::Io { .. }
        | E::UnsupportedFormat { .. }
        | E::NotUtf8 { .. }
        | E::Csv { .. }
        | E::Workbook { .. }
        | E::OverLimit { .. }
        | E::MissingSheet { .. }
        | E::Empty { .. } => CliError::Unusable { what },
        _ => CliError::Refused { what },
    }
}

/// Every problem of a table, one per line, the first deciding the exit status.
fn table_errors(errors: table::TableErrors) -> CliError {
    let omitted = errors.omitted_message();
    let problems: Vec<table::TableError> = errors.into_vec();
    let joined = |lang: Lang| {
        problems
            .iter()
            .map(|p| p.message().get(lang).to_owned())
            .chain(omitted.iter().map(|more| more.get(lang).to_owned()))
            .collect::<Vec<_>>()
            .join("\nerror: ")
    };
    let what = Bilingual::new(joined(Lang::Ja), joined(Lang::En));
    match problems.first().map(table_error) {
        Some(CliError::Unusable { .. }) => CliError::Unusable { what },
        _ => CliError::Refused { what },
    }
}

fn oscal_error(error: oscal_criteria::CriteriaOscalError) -> CliError {
    match error {
        // Unreadable or not OSCAL: the oscal crate's own error, with its exit status.
        oscal_criteria::CriteriaOscalError::Oscal(inner) => CliError::Oscal(inner),
        other => CliError::Refused {
            what: other.message(),
        },
    }
}

pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    std::fs::write(path, bytes).map_err(|e| CliError::Unwritable {
        file: path.display().to_string(),
        why: Bilingual::new(
            format!("書き込めません ({e})"),
            format!("cannot write ({e})"),
        ),
    })
}

fn export(version: &CriteriaVersion, args: &CriteriaExportArgs) -> Result<(), CliError> {
    match args.format {
        CriteriaFormatArg::Csv => {
            let mut bytes = Vec::new();
            table::write_csv(version, &mut bytes).map_err(|e| table_error(&e))?;
            write_file(&args.output, &bytes)
        }
        CriteriaFormatArg::Xlsx => {
            let bytes = table::write_xlsx(version).map_err(|e| table_error(&e))?;
            write_file(&args.output, &bytes)
        }
        CriteriaFormatArg::Oscal => {
            std::fs::create_dir_all(&args.output).map_err(|e| CliError::Unwritable {
                file: args.output.display().to_string(),
                why: Bilingual::new(
                    format!("フォルダを作れません ({e})"),
                    format!("cannot create the folder ({e})"),
                ),
            })?;
            let written =
                oscal_criteria::export_to_dir(version, &args.output).map_err(oscal_error)?;
            let lines: String = written
                .iter()
                .map(|p| format!("{}\n", p.display()))
                .collect();
            write_stdout(&lines)
        }
    }
}

fn summary_json(version: &CriteriaVersion) -> serde_json::Value {
    let counts = version.counts();
    serde_json::json!({
        "version": version.version,
        "titles": {"ja": version.title.ja, "en": version.title.en},
        "status": version.status.code(),
        "published_on": version.published_on.map(|d| d.to_string()),
        "counts": {
            "governance": counts.governance,
            "management": counts.management,
            "objectives": counts.objectives,
            "controls": counts.controls,
            "by_level": {"1": counts.by_level[0], "2": counts.by_level[1], "3": counts.by_level[2]},
        },
    })
}

fn show(version: &CriteriaVersion, args: &CriteriaShowArgs, lang: Lang) -> Result<(), CliError> {
    let Some(id) = &args.control else {
        if args.json {
            return write_stdout(&format!("{}\n", summary_json(version)));
        }
        let counts = version.counts();
        let labels = match lang {
            Lang::Ja => [
                "版",
                "状態",
                "公表日",
                "ガバナンス",
                "マネジメント",
                "統制目標",
                "詳細管理策",
                "レベル別",
            ],
            Lang::En => [
                "version",
                "status",
                "published",
                "governance",
                "management",
                "objectives",
                "controls",
                "by level",
            ],
        };
        let [
            l_version,
            l_status,
            l_published,
            l_gov,
            l_mgmt,
            l_obj,
            l_ctl,
            l_level,
        ] = labels;
        return write_stdout(&format!(
            "{}\n{l_version}: {}\n{l_status}: {}\n{l_published}: {}\n{l_gov}: {}\n{l_mgmt}: {}\n{l_obj}: {}\n{l_ctl}: {}\n{l_level}: 1={} 2={} 3={}\n",
            version.title.get(lang),
            version.version,
            version.status.code(),
            version
                .published_on
                .map(|d| d.to_string())
                .unwrap_or_else(|| "-".to_owned()),
            counts.governance,
            counts.management,
            counts.objectives,
            counts.controls,
            counts.by_level[0],
            counts.by_level[1],
            counts.by_level[2],
        ));
    };
    let control = version.control(id).ok_or_else(|| CliError::Refused {
        what: Bilingual::new(
            format!("{} に管理策 {id} はありません", version.version),
            format!("{} has no control {id}", version.version),
        ),
    })?;
    if args.json {
        return write_stdout(&format!(
            "{}\n",
            serde_json::to_string(control).unwrap_or_default()
        ));
    }
    write_stdout(&describe_control(control, lang))
}

fn describe_control(control: &Control, lang: Lang) -> String {
    let yes_no = |flag: bool| match (lang, flag) {
        (Lang::Ja, true) => "はい",
        (Lang::Ja, false) => "いいえ",
        (Lang::En, true) => "yes",
        (Lang::En, false) => "no",
    };
    let kind = match (lang, control.mandatory) {
        (Lang::Ja, true) => "遵守事項",
        (Lang::Ja, false) => "推奨事項",
        (Lang::En, true) => "mandatory",
        (Lang::En, false) => "recommended",
    };
    let models: Vec<&str> = control.service_models.iter().map(|m| m.name()).collect();
    let references: Vec<String> = control
        .references
        .iter()
        .map(|r| format!("{} ({})", r.key(), r.relation.code()))
        .collect();
    let labels = match lang {
        Lang::Ja => [
            "統制目標",
            "区分",
            "実施主体",
            "最低レベル",
            "完全性",
            "可用性",
            "サービスモデル",
            "実装され得る技術の例",
            "参照",
        ],
        Lang::En => [
            "objective",
            "kind",
            "actor",
            "lowest level",
            "integrity",
            "availability",
            "service models",
            "technology examples",
            "references",
        ],
    };
    let [
        objective,
        kind_label,
        actor,
        level,
        integrity,
        availability,
        model_label,
        examples,
        refs,
    ] = labels;
    // One example a line, `id: name`, so that a statement can cite the id.
    let example_lines = if control.technology_examples.is_empty() {
        " -".to_owned()
    } else {
        control
            .technology_examples
            .iter()
            .map(|example| format!("\n  {}: {}", example.id, example.name.get(lang)))
            .collect()
    };
    format!(
        "{} [{}]\n{}\n{objective}: {}\n{kind_label}: {kind}\n{actor}: {}\n{level}: {}\n{integrity}: {}\n{availability}: {}\n{model_label}: {}\n{examples}:{}\n{refs}: {}\n",
        control.id,
        control.part.title().get(lang),
        control.text.get(lang),
        control.objective,
        control.actor.code(),
        control.min_level,
        yes_no(control.integrity),
        yes_no(control.availability),
        models.join(", "),
        example_lines,
        references.join(", "),
    )
}

fn report_check(
    name: &str,
    version: &CriteriaVersion,
    args: &CriteriaCheckArgs,
    lang: Lang,
) -> Result<(), CliError> {
    let findings: Vec<Finding> = check(version);
    if args.json {
        let problems: Vec<serde_json::Value> = findings
            .iter()
            .map(|f| {
                let message = f.problem.message();
                serde_json::json!({"subject": f.subject, "code": f.problem.code(),
                                   "message": {"ja": message.ja, "en": message.en}})
            })
            .collect();
        write_stdout(&format!(
            "{}\n",
            serde_json::json!({"version": version.version, "consistent": findings.is_empty(), "problems": problems})
        ))?;
    } else if findings.is_empty() {
        let counts = version.counts();
        write_stdout(&match lang {
            Lang::Ja => format!(
                "{name}: 問題ありません（統制目標 {}、詳細管理策 {}）\n",
                counts.objectives, counts.controls
            ),
            Lang::En => format!(
                "{name}: consistent (objectives: {}, controls: {})\n",
                counts.objectives, counts.controls
            ),
        })?;
    } else {
        let lines: String = findings
            .iter()
            .map(|f| {
                format!(
                    "{name}: {}: {} [{}]\n",
                    f.subject,
                    f.problem.message().get(lang),
                    f.problem.code()
                )
            })
            .collect();
        write_stdout(&lines)?;
    }
    if findings.is_empty() {
        Ok(())
    } else {
        Err(CliError::Invalid)
    }
}

fn print_diff(
    old: &CriteriaVersion,
    new: &CriteriaVersion,
    args: &CriteriaDiffArgs,
    lang: Lang,
) -> Result<(), CliError> {
    let difference = diff(old, new);
    if args.json {
        // The same document as GET /api/v1/criteria/{version}/diff/{other}.
        let view = shinrai_server::criteria::views::DiffView::from(&difference);
        let value = serde_json::to_value(&view).unwrap_or_default();
        return write_stdout(&format!("{value}\n"));
    }
    let mut text = String::new();
    let (added, removed, changed) = match lang {
        Lang::Ja => ("追加", "削除", "変更"),
        Lang::En => ("added", "removed", "changed"),
    };
    text.push_str(&format!("{} → {}\n", difference.from, difference.to));
    for id in &difference.added {
        let what = new
            .control(id)
            .map(|c| c.text.get(lang))
            .unwrap_or_default();
        text.push_str(&format!("+ {id}  [{added}] {what}\n"));
    }
    for id in &difference.removed {
        let what = old
            .control(id)
            .map(|c| c.text.get(lang))
            .unwrap_or_default();
        text.push_str(&format!("- {id}  [{removed}] {what}\n"));
    }
    for change in &difference.changed {
        let attributes: Vec<String> = change
            .attributes
            .iter()
            .map(|a| a.title().get(lang).to_owned())
            .collect();
        text.push_str(&format!(
            "~ {}  [{changed}] {}\n",
            change.id,
            attributes.join(", ")
        ));
    }
    let risks = [
        (&difference.risks_added, new, '+', added),
        (&difference.risks_removed, old, '-', removed),
        (&difference.risks_changed, new, '~', changed),
    ];
    for (ids, version, sign, word) in risks {
        for id in ids {
            let title = version
                .risks
                .iter()
                .find(|risk| &risk.id == id)
                .map(|risk| risk.title.get(lang))
                .unwrap_or_default();
            let what = match lang {
                Lang::Ja => "リスク",
                Lang::En => "risk",
            };
            text.push_str(&format!("{sign} {what} {id}  [{word}] {title}\n"));
        }
    }
    for (level, ids) in difference.newly_required.iter().enumerate() {
        if !ids.is_empty() {
            let heading = match lang {
                Lang::Ja => format!("新たに必要な遵守事項（レベル {}）", level + 1),
                Lang::En => format!("newly required at level {}", level + 1),
            };
            text.push_str(&format!("{heading}: {}\n", ids.join(" ")));
        }
    }
    write_stdout(&text)
}

/// The transition day given with `--transition-on`: a day, not before the publication `date`.
fn transition_day(text: &str, date: CalendarDate) -> Result<CalendarDate, CliError> {
    let day = CalendarDate::parse(text).ok_or_else(|| CliError::Refused {
        what: Bilingual::new(
            format!("移行日 {text} は YYYY-MM-DD ではありません"),
            format!("the transition day {text} is not YYYY-MM-DD"),
        ),
    })?;
    if !shinrai_domain::criteria::transition::transition_day_allowed(date, day) {
        return Err(CliError::Refused {
            what: Bilingual::new(
                format!("移行日 {day} は公表日 {date} より前です"),
                format!("the transition day {day} is before the publication date {date}"),
            ),
        });
    }
    Ok(day)
}
