//! `shinrai`: the command line of the shinrai scheme.

mod args;
mod clock;
mod commands;
mod demo_loading;
mod error;
mod input;
mod lang;
mod output;
mod output_file;
mod progress;
mod store_access;
mod summary;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

// Reading and writing large OSCAL documents allocates millions of small strings and maps;
// mimalloc does that markedly faster than the system allocator (see docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A running service answers a bug in a handler with a 500 and carries on; a command stops.
    report_bugs_in_one_line(!matches!(cli.command, Command::Serve(_)));
    let lang = lang::choose(cli.lang.map(Into::into));
    let result = match cli.command {
        Command::Decide(decide) => commands::decide::run(&decide, lang),
        Command::Oscal(oscal) => commands::oscal::run(&oscal, lang),
        Command::Serve(args) => commands::serve::run(&args, &cli.place, lang),
        Command::Init(args) => commands::accounts::init(&args, &cli.place, lang),
        Command::Org(command) => commands::accounts::org(&command, &cli.place, lang),
        Command::User(command) => commands::accounts::user(&command, &cli.place, lang),
        Command::Token(command) => commands::accounts::token(&command, &cli.place, lang),
        Command::Log(log) => commands::log::run(&log, &cli.place, lang),
        Command::Backup(args) => commands::backup::backup(&args, &cli.place, lang),
        Command::Restore(args) => commands::backup::restore(&args, &cli.place, lang),
        Command::Criteria(command) => commands::criteria::run(&command, &cli.place, lang),
        Command::Registry(command) => commands::registry::run(&command, &cli.place, lang),
        Command::Report(command) => commands::report::run(&command, &cli.place, lang),
        Command::Statement(command) => commands::statement::run(&command, &cli.place, lang),
        Command::Audit(command) => commands::audit::run(&command, &cli.place, lang),
        Command::QualityReview(command) => {
            commands::quality_review::run(&command, &cli.place, lang)
        }
        Command::Lifecycle(command) => commands::lifecycle::run(&command, &cli.place, lang),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // An invalid document's problems are the command's output already.
            if !matches!(error, error::CliError::Invalid) {
                output::report_error(&error, lang);
            }
            error.exit_code()
        }
    }
}

/// A panic is a bug in shinrai, never the user's fault: say so in one line, without a stack trace,
/// and (unless the service should carry on) exit with status 70 (internal software error).
fn report_bugs_in_one_line(exit: bool) {
    std::panic::set_hook(Box::new(move |info| {
        let place = info
            .location()
            .map(|location| format!(" at {}:{}", location.file(), location.line()))
            .unwrap_or_default();
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!("error: internal error in shinrai{place}; please report it / 内部エラーです。報告してください\n").as_bytes(),
        );
        if exit {
            std::process::exit(70);
        }
    }));
}
