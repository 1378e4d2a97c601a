//! Ids the server chooses when a request gives none: a prefix that says what the thing is
//! (`svc-`, `au-`, `ap-`) and random hex, short enough for addresses and unguessable enough that
//! a party cannot tell from one id whether others exist.

/// Services.
pub const SERVICE: &str = "svc";
/// Audits.
pub const AUDIT: &str = "au";
/// Applications.
pub const APPLICATION: &str = "ap";
/// Audit bodies' applications to be selected.
pub const SELECTION_APPLICATION: &str = "sel";
/// The operator's quality reviews of signed audits.
pub const QUALITY_REVIEW: &str = "qr";
/// Change notices about registered services.
pub const CHANGE_NOTICE: &str = "cn";
/// Incidents of registered services.
pub const INCIDENT: &str = "in";
/// Procuring organisations' information systems.
pub const SYSTEM: &str = "sys";
/// Systems' usages of registered services.
pub const USAGE: &str = "use";
/// Services' other certifications.
pub const CERTIFICATE: &str = "cert";

/// The id given in the request, or a new one with `prefix`.
pub fn chosen(given: Option<String>, prefix: &str) -> String {
    given.unwrap_or_else(|| {
        let random = uuid::Uuid::new_v4().simple().to_string();
        format!("{prefix}-{}", random.get(..16).unwrap_or(&random))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use shinrai_domain::workflow::fields::is_valid_id;

    #[test]
    fn chosen_ids_are_valid_distinct_and_keep_what_was_given() {
        let a = chosen(None, SERVICE);
        let b = chosen(None, SERVICE);
        assert!(a.starts_with("svc-") && a.len() == 20, "{a}");
        assert!(is_valid_id(&a));
        assert_ne!(a, b);
        assert_eq!(chosen(Some("mine".into()), AUDIT), "mine");
    }
}
