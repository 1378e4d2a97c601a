//! A service's other certifications and audit reports (ISO/IEC 27001 and 27017, SOC 1/2/3, the CS
//! Silver and Gold marks, PCI DSS and others), as its provider declares them: who issued each, for
//! what scope, valid from when to when, and the document behind it. A procurer reads them beside
//! the registration to see what each actually assures.
//!
//! An ISO/IEC 27017 certificate carries the service's statement of applicability: per cloud
//! control, whether the organisation acts as provider, customer or both, whether it adopted the
//! control and why. Since 27017 only adds cloud guidance to the 27001 controls, a control left out
//! under 27001 cannot be adopted in the 27017 extension; the check says so.

mod actions;
mod applicability;
mod certificate;
mod check;
#[cfg(test)]
mod tests;

pub use actions::{declare_certificate, revise_certificate, withdraw_certificate};
pub use applicability::{
    ApplicabilityLine, CloudRole, SoaControl, SoaTemplateError, blank_applicability,
    is_cloud_only_control, is_control_id, soa_template, unassessed_controls,
};
pub use certificate::{
    Certificate, CertificateDetails, CertificateKind, CertificateWithdrawal, Standing,
};
pub use check::{MAX_APPLICABILITY_LINES, MAX_CERTIFICATES, MAX_NUMBER_CHARS, MAX_VALIDITY_YEARS};

/// The log's names of the steps on a certificate.
pub const CERTIFICATE_DECLARED: &str = "certificate.declare";
pub const CERTIFICATE_REVISED: &str = "certificate.revise";
pub const CERTIFICATE_WITHDRAWN: &str = "certificate.withdraw";
