//! The selection case: the day of the decision, the requirements, and the audit body applying to
//! be selected with its auditors, read from JSON with every malformation reported at its JSON
//! pointer.

use crate::case::bounds::MAX_TEXT_CHARS;
use crate::case::{Node, Problem, Read, Referent};
use crate::date::CalendarDate;
use crate::fast_hash::FastSet;
use crate::registration::{
    AuditorRequirements, SigningAuditor, read_auditor_requirements, read_signing_auditor,
};
use crate::text::Bilingual;

/// Most auditors an application may name.
pub const MAX_AUDITORS: usize = 1_000;
/// Most years a selection may run.
pub const MAX_VALIDITY_YEARS: u64 = 100;
/// By default a body needs two qualified signing auditors.
pub const DEFAULT_MIN_SIGNING_AUDITORS: u64 = 2;
/// By default a selection runs three years.
pub const DEFAULT_VALIDITY_YEARS: u32 = 3;

/// What the scheme asks of an audit body: the auditor requirements as for registration, how many
/// auditors meeting them must be able to sign, and how long a selection runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionRequirements {
    pub auditor: AuditorRequirements,
    pub min_signing_auditors: u64,
    pub validity_years: u32,
}

impl Default for SelectionRequirements {
    fn default() -> Self {
        SelectionRequirements {
            auditor: AuditorRequirements::default(),
            min_signing_auditors: DEFAULT_MIN_SIGNING_AUDITORS,
            validity_years: DEFAULT_VALIDITY_YEARS,
        }
    }
}

/// One auditor the body names, and whether it would sign reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Auditor {
    /// Name, qualifications, experience and nationality, as registration reads a signing auditor.
    pub person: SigningAuditor,
    pub signing: bool,
}

/// The audit body applying to be selected (選定の申請).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applicant {
    pub id: String,
    /// Whether the body is registered in Japan.
    pub domestic_registration: bool,
    /// How the body keeps the quality of its audits.
    pub quality_control: String,
    /// The body's rules for handing parts of an audit to others.
    pub subcontracting_rules: String,
    pub independence_declaration: bool,
    /// Each name at most once: the answer lists auditors by name.
    pub auditors: Vec<Auditor>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionCase {
    /// The day of the decision, and the first day of a selection.
    pub decided_on: CalendarDate,
    pub requirements: SelectionRequirements,
    pub applicant: Applicant,
}

impl SelectionCase {
    pub fn read(node: &Node<'_>) -> Read<SelectionCase> {
        let decided_on = node.field("decided_on", Node::date)?;
        let requirements = node
            .optional("requirements", read_requirements)?
            .unwrap_or_default();
        let applicant = node.field("applicant", read_applicant)?;
        if decided_on
            .last_day_of_years(requirements.validity_years)
            .is_none()
        {
            // A selection has to end on a day the calendar holds, whatever the findings.
            return node.field("decided_on", |n| {
                Err(n.error(Problem::Inconsistent(Bilingual::new(
                    "選定の有効期限が 9999-12-31 を超えます",
                    "the selection would be valid beyond 9999-12-31",
                ))))
            });
        }
        Ok(SelectionCase {
            decided_on,
            requirements,
            applicant,
        })
    }
}

/// The three auditor requirements read as registration reads them, beside the two of selection;
/// each key defaults on its own.
fn read_requirements(node: &Node<'_>) -> Read<SelectionRequirements> {
    let defaults = SelectionRequirements::default();
    Ok(SelectionRequirements {
        auditor: read_auditor_requirements(node)?,
        min_signing_auditors: node
            .optional("min_signing_auditors", |n| {
                n.integer(1, MAX_AUDITORS as u64)
            })?
            .unwrap_or(defaults.min_signing_auditors),
        validity_years: match node
            .optional("validity_years", |n| n.integer(1, MAX_VALIDITY_YEARS))?
        {
            // At most MAX_VALIDITY_YEARS, so it fits.
            Some(years) => u32::try_from(years).unwrap_or(u32::MAX),
            None => defaults.validity_years,
        },
    })
}

fn read_applicant(node: &Node<'_>) -> Read<Applicant> {
    Ok(Applicant {
        id: node.field("id", Node::id)?,
        domestic_registration: node.field("domestic_registration", Node::boolean)?,
        quality_control: node.field("quality_control", |n| n.string(MAX_TEXT_CHARS))?,
        subcontracting_rules: node.field("subcontracting_rules", |n| n.string(MAX_TEXT_CHARS))?,
        independence_declaration: node.field("independence_declaration", Node::boolean)?,
        auditors: node.field("auditors", read_auditors)?,
    })
}

fn read_auditors(list: &Node<'_>) -> Read<Vec<Auditor>> {
    let mut names = FastSet::default();
    list.items(MAX_AUDITORS, |entry| {
        entry.field("name", |n| n.unique_id(&mut names, Referent::Auditor))?;
        Ok(Auditor {
            person: read_signing_auditor(entry)?,
            signing: entry.field("signing", Node::boolean)?,
        })
    })
}
