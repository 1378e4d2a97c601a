//! Timings of the OSCAL work the project's issue sets targets for, in process:
//! parsing the 10 MB SP 800-53 catalog, resolving the FedRAMP HIGH profile against it (reading
//! both files, resolving, writing the catalog as JSON text), and validating the catalog (parse,
//! schema, semantic checks), and reading the FedRAMP HIGH resolved catalog in XML beside reading
//! the same catalog in JSON (written from the XML by shinrai first, so both hold the same content).
//!
//! `cargo bench -p shinrai-oscal --bench oscal` (`-- --quick` for a smoke run). The shared data
//! folder comes from `SHINRAI_OSCAL_DATA`, else `../shared/data/oscal` beside the repository,
//! else `/work/shared/data/oscal`; the XML folder from `SHINRAI_OSCAL_XML_DATA`, else
//! `oscal-xml` beside it. Whole-process figures, peak memory and the comparison with
//! compliance-trestle come from `scripts/oscal-bench.py`.

// Reading the clock and printing a table is what a benchmark is for.
#![allow(clippy::disallowed_methods, clippy::print_stdout)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use shinrai_oscal::resolve::{Lookup, Options, resolve_file};
use shinrai_oscal::source::{Limits, parse_document, parse_value, read_source};
use shinrai_oscal::validate::{Context, validate_value};
use shinrai_oscal::{Format, Model};

// The same allocator as the `shinrai` binary, so the figures match what users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn data_dir() -> Result<PathBuf, String> {
    [
        std::env::var_os("SHINRAI_OSCAL_DATA").map(PathBuf::from),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/oscal")),
        Some(PathBuf::from("/work/shared/data/oscal")),
    ]
    .into_iter()
    .flatten()
    .find(|dir| dir.join("NIST_SP-800-53_rev5_catalog.json").is_file())
    .ok_or_else(|| "no OSCAL data: set SHINRAI_OSCAL_DATA".to_owned())
}

fn xml_data_dir(oscal: &std::path::Path) -> Result<PathBuf, String> {
    [
        std::env::var_os("SHINRAI_OSCAL_XML_DATA").map(PathBuf::from),
        oscal.parent().map(|shared| shared.join("oscal-xml")),
    ]
    .into_iter()
    .flatten()
    .find(|dir| dir.join("fedramp-rev5").is_dir())
    .ok_or_else(|| "no OSCAL XML data: set SHINRAI_OSCAL_XML_DATA".to_owned())
}

/// Reads a catalog file into the typed model, as every command does.
fn read_catalog(path: &std::path::Path) -> Result<(), String> {
    let source = read_source(path, Limits::default()).map_err(|e| e.to_string())?;
    match parse_document(&source).map_err(|e| e.to_string())?.model {
        Model::Catalog(catalog) if catalog.control_ids().len() == 410 => {
            black_box(catalog);
            Ok(())
        }
        _ => Err(format!(
            "{} is not the 410-control HIGH catalog",
            path.display()
        )),
    }
}

struct Timing {
    name: &'static str,
    times: Vec<Duration>,
}

fn measure(
    name: &'static str,
    runs: usize,
    mut work: impl FnMut() -> Result<(), String>,
) -> Result<Timing, String> {
    work()?; // warm the file cache and the schema compiler
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        work()?;
        times.push(started.elapsed());
    }
    times.sort_unstable();
    Ok(Timing { name, times })
}

/// Two pieces of work timed in turns (A, B, A, B, …), for a ratio of the two: the machine's
/// speed drifts over seconds, and timed one after the other the two would meet different
/// machines.
fn measure_in_turns(
    names: (&'static str, &'static str),
    runs: usize,
    mut first: impl FnMut() -> Result<(), String>,
    mut second: impl FnMut() -> Result<(), String>,
) -> Result<(Timing, Timing), String> {
    first()?;
    second()?;
    let mut times = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    for _ in 0..runs {
        let started = Instant::now();
        first()?;
        times.0.push(started.elapsed());
        let started = Instant::now();
        second()?;
        times.1.push(started.elapsed());
    }
    times.0.sort_unstable();
    times.1.sort_unstable();
    Ok((
        Timing {
            name: names.0,
            times: times.0,
        },
        Timing {
            name: names.1,
            times: times.1,
        },
    ))
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn main() -> Result<(), String> {
    let quick = std::env::args().any(|arg| arg == "--quick");
    let runs = if quick { 3 } else { 20 };
    let dir = data_dir()?;
    let catalog_path = dir.join("NIST_SP-800-53_rev5_catalog.json");
    let profile_path = dir.join("FedRAMP_rev5_HIGH-baseline_profile.json");
    let options = Options {
        lookup: Lookup {
            catalog_dir: Some(dir.clone()),
            ..Lookup::default()
        },
        timestamp: "2026-11-22T00:00:00Z".to_owned(),
        tool: "bench".to_owned(),
    };

    let parse = measure("parse the SP 800-53 catalog (read + typed)", runs, || {
        let source = read_source(&catalog_path, Limits::default()).map_err(|e| e.to_string())?;
        let document = parse_document(&source).map_err(|e| e.to_string())?;
        match document.model {
            Model::Catalog(catalog) if catalog.control_ids().len() > 1000 => {
                black_box(catalog);
                Ok(())
            }
            _ => Err("the catalog did not read as a catalog of over 1,000 controls".to_owned()),
        }
    })?;
    let resolve = measure(
        "resolve FedRAMP HIGH (read both, resolve, write JSON)",
        runs,
        || {
            let resolved = resolve_file(&profile_path, &options).map_err(|e| e.to_string())?;
            if resolved.catalog.control_ids().len() != 410 {
                return Err("FedRAMP HIGH must resolve to 410 controls".to_owned());
            }
            let document = shinrai_oscal::Document {
                schema: None,
                model: Model::Catalog(Box::new(resolved.catalog)),
                extra: Default::default(),
            };
            let text = shinrai_oscal::output::document_to_text(&document, Format::Json, "bench")
                .map_err(|e| e.to_string())?;
            black_box(text);
            Ok(())
        },
    )?;
    let validate = measure(
        "validate the SP 800-53 catalog (parse + schema + semantic)",
        runs,
        || {
            let source =
                read_source(&catalog_path, Limits::default()).map_err(|e| e.to_string())?;
            let value = parse_value(&source).map_err(|e| e.to_string())?;
            let report = validate_value(&value, &Context::default());
            if !report.is_valid() {
                return Err("the catalog must validate clean".to_owned());
            }
            black_box(report);
            Ok(())
        },
    )?;

    let xml_path = xml_data_dir(&dir)?
        .join("fedramp-rev5/FedRAMP_rev5_HIGH-baseline-resolved-profile_catalog.xml");
    let json_twin =
        std::env::temp_dir().join(format!("shinrai-bench-{}-high.json", std::process::id()));
    let xml_source = read_source(&xml_path, Limits::default()).map_err(|e| e.to_string())?;
    let twin_text =
        shinrai_oscal::convert::convert(&xml_source, Format::Json).map_err(|e| e.to_string())?;
    std::fs::write(&json_twin, twin_text).map_err(|e| e.to_string())?;
    let reads = measure_in_turns(
        (
            "read the FedRAMP HIGH resolved catalog, XML (read + typed)",
            "read the same catalog, JSON (read + typed; in turns with XML)",
        ),
        runs,
        || read_catalog(&xml_path),
        || read_catalog(&json_twin),
    );
    let _ = std::fs::remove_file(&json_twin);
    let (read_xml, read_json) = reads?;

    println!("| Benchmark | Runs | Min (ms) | Median (ms) | Max (ms) |");
    println!("|---|---:|---:|---:|---:|");
    for timing in [&parse, &resolve, &validate, &read_xml, &read_json] {
        let median = timing
            .times
            .get(timing.times.len() / 2)
            .copied()
            .unwrap_or_default();
        let min = timing.times.first().copied().unwrap_or_default();
        let max = timing.times.last().copied().unwrap_or_default();
        println!(
            "| {} | {} | {:.1} | {:.1} | {:.1} |",
            timing.name,
            timing.times.len(),
            millis(min),
            millis(median),
            millis(max)
        );
    }
    let median = |t: &Timing| t.times.get(t.times.len() / 2).copied().unwrap_or_default();
    println!();
    println!(
        "resolve / parse = {:.2} (target: within 3)",
        median(&resolve).as_secs_f64() / median(&parse).as_secs_f64()
    );
    println!(
        "read XML / read JSON = {:.2} (target: within 2)",
        median(&read_xml).as_secs_f64() / median(&read_json).as_secs_f64()
    );
    Ok(())
}
