//! `shinrai decide KIND CASE.json`.

use shinrai_domain::text::Lang;
use shinrai_domain::{DecisionKind, RuleData};

use crate::args::DecideArgs;
use crate::error::CliError;
use crate::{input, output, summary};

pub fn run(args: &DecideArgs, lang: Lang) -> Result<(), CliError> {
    let kind = DecisionKind::from(args.kind);
    if args.schema {
        return output::write_stdout(kind.schema());
    }
    let Some(path) = &args.case else {
        // clap requires the case unless --schema is given.
        return Ok(());
    };
    // The same bound the rules apply to the kind's case text, checked while reading.
    let text = input::read_text(path, kind.max_case_bytes())?;
    let answer = shinrai_domain::decide(kind, &text, &RuleData::default()).map_err(|error| {
        CliError::Malformed {
            file: input::display_name(path),
            error,
        }
    })?;
    let rendered = if args.json {
        answer.to_json_text(lang)
    } else {
        summary::render(&answer, lang)
    };
    output::write_stdout(&rendered)
}
