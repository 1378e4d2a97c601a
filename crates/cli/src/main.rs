//! `shinrai`: the command line of the shinrai scheme.

mod args;
mod commands;
mod error;
mod input;
mod lang;
mod output;
mod summary;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = lang::choose(cli.lang.map(Into::into));
    let result = match cli.command {
        Command::Decide(decide) => commands::decide::run(&decide, lang),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            output::report_error(&error, lang);
            error.exit_code()
        }
    }
}
