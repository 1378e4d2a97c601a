//! Which stored records a member's lists start from: the operator's staff see every record, a
//! provider its own, an audit body the engagements it was asked for, anyone else none. The
//! access rules still judge each record; this only keeps a list from reading the whole table.

use shinrai_domain::accounts::OrgKind;
use shinrai_domain::policy::Member;
use shinrai_store::documents::Filter;

/// The filter a member's list reads, narrowed by `status` and `service` when given; `None` when
/// the member can see no record of the kind.
pub fn own_records(member: &Member, status: Option<&str>, service: Option<&str>) -> Option<Filter> {
    let mut filter = match member.org_kind {
        _ if member.is_operator_staff() => Filter::all(),
        OrgKind::Provider => Filter::provider(&member.org_id),
        OrgKind::AuditBody => Filter::audit_body(&member.org_id),
        OrgKind::Operator | OrgKind::Procurer => return None,
    };
    filter.status = status.map(str::to_owned);
    filter.service = service.map(str::to_owned);
    Some(filter)
}

/// Whether `member` may read a record a provider keeps with the operator (a change notice, an
/// incident): the operator's staff and the provider `provider` only.
pub fn reads_provider_record(member: &Member, provider: &str) -> bool {
    member.is_operator_staff() || member.org_id == provider
}

/// The filter a list of such records reads, narrowed by `status`: every record for the
/// operator's staff, the member organisation's own for anyone else (none, unless a provider's).
pub fn provider_records(member: &Member, status: Option<&str>) -> Filter {
    let mut filter = if member.is_operator_staff() {
        Filter::all()
    } else {
        Filter::provider(&member.org_id)
    };
    filter.status = status.map(str::to_owned);
    filter
}
