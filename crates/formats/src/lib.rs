//! Criteria, providers' statements and auditors' conclusions in and out of shinrai, and the
//! registry out as open data. Every reader is all or nothing: it returns a whole
//! [`CriteriaVersion`](shinrai_domain::criteria::CriteriaVersion),
//! [`StatementFile`](statement::StatementFile) or
//! [`Conclusions`](shinrai_domain::workflow::audit::Conclusions), or an error naming the file and the place (sheet,
//! row and column; or JSON pointer), never a part.

pub mod comparison;
pub mod conclusions;
pub mod evidence_archive;
pub mod holidays;
pub mod oscal_assessment;
pub mod oscal_criteria;
pub mod population;
pub mod registry;
pub mod report_pdf;
pub mod sheet_form;
pub mod statement;
pub mod table;
pub mod workbook;
