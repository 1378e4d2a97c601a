//! Criteria and providers' statements in and out of shinrai, and the registry out as open data.
//! Every reader is all or nothing: it returns a whole
//! [`CriteriaVersion`](shinrai_domain::criteria::CriteriaVersion) or
//! [`StatementFile`](statement::StatementFile), or an error naming the file and the place (sheet,
//! row and column; or JSON pointer), never a part.

pub mod oscal_criteria;
pub mod registry;
pub mod statement;
pub mod table;
pub mod workbook;
