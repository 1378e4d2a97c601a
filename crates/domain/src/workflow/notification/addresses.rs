//! The e-mail addresses an organisation keeps for its notifications. Any member may set them;
//! they are the organisation's own, read by its members and the operator's staff.

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::policy::Member;
use crate::text::Bilingual;
use crate::workflow::fields::Problems;
use crate::workflow::{Change, Moment, WorkflowEvent};

/// The log's name for a change of the addresses.
pub const ADDRESSES_SET: &str = "inbox.addresses";

/// At most this many addresses per organisation.
pub const MAX_ADDRESSES: usize = 10;

/// The longest address SMTP carries (RFC 5321's path limit less its brackets).
const MAX_ADDRESS_CHARS: usize = 254;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailAddresses {
    /// The organisation; also the row's id.
    pub org: String,
    pub addresses: Vec<String>,
    pub updated_at_ms: i64,
}

/// A member of the organisation sets its addresses (an empty list stops the e-mails).
pub fn set_addresses(
    addresses: Vec<String>,
    by: &Member,
    at: Moment,
) -> Result<Change<MailAddresses>, crate::workflow::Refusal> {
    let addresses: Vec<String> = addresses
        .into_iter()
        .map(|address| address.trim().to_owned())
        .filter(|address| !address.is_empty())
        .collect();
    let mut problems = Problems::new();
    if problems.list_size("/addresses", addresses.len(), MAX_ADDRESSES) {
        for (n, address) in addresses.iter().enumerate() {
            if !is_plausible_address(address) {
                problems.push(
                    format!("/addresses/{n}"),
                    "invalid_address",
                    Bilingual::new(
                        format!("「{address}」はメールアドレスとして読めません"),
                        format!("“{address}” is not an e-mail address"),
                    ),
                );
            }
        }
        let lowered: Vec<String> = addresses.iter().map(|a| a.to_ascii_lowercase()).collect();
        problems.duplicates(lowered.iter().map(String::as_str), |n| {
            format!("/addresses/{n}")
        });
    }
    problems.finish()?;
    let state = MailAddresses {
        org: by.org_id.clone(),
        addresses,
        updated_at_ms: at.at_ms,
    };
    let event = WorkflowEvent::new(
        by,
        at,
        ADDRESSES_SET,
        state.org.clone(),
        json!({ "addresses": state }),
    );
    Ok(Change { state, event })
}

/// A local part and a domain with a dot, nothing that could break a mail header or the SMTP
/// dialogue (spaces, control characters, angle brackets, commas).
pub fn is_plausible_address(address: &str) -> bool {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return false;
    };
    let clean = |part: &str| {
        !part.is_empty()
            && part.chars().all(|c| {
                c.is_ascii_graphic()
                    && !matches!(
                        c,
                        '<' | '>' | ',' | ';' | '"' | '(' | ')' | '[' | ']' | '\\' | '@'
                    )
            })
    };
    address.chars().count() <= MAX_ADDRESS_CHARS
        && clean(local)
        && clean(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}
