//! Bounds every case reader shares. Each rule names its own bounds on numbers and lists next to
//! its reader; `docs/decide.md` lists them all. Together with the size of the case they bound the
//! work a case can ask for and the size of its answer.

/// The largest case text `decide` reads (16 MiB): room for a cascade over 100,000 services with
/// a few dependencies each, while a case can never make a reader hold an unbounded text.
pub const MAX_CASE_BYTES: usize = 16 * 1024 * 1024;

/// The largest lifecycle case text (128 MiB): a lifecycle case carries a registry's whole history,
/// and 100,000 registrations with 1,000,000 events of short ids take about 70 MB.
pub const MAX_LIFECYCLE_CASE_BYTES: usize = 128 * 1024 * 1024;

/// Arrays and objects nested deeper than this are refused by the JSON reader itself (its fixed
/// recursion limit), before any reader sees the case; the deepest a rule reads is 5.
pub const MAX_NESTING: usize = 127;

/// Ids: controls, objectives, services, versions, qualifications, nationalities, names of
/// audit bodies and auditors. Real ones are far shorter; ids are repeated in answers.
pub const MAX_ID_CHARS: usize = 100;

/// Short free text: names of systems, business functions and kinds of information.
pub const MAX_NAME_CHARS: usize = 200;

/// Long free text: scopes and reasons.
pub const MAX_TEXT_CHARS: usize = 10_000;
