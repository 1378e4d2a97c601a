//! The `keep` property: an object marked `keep: always` survives pruning (specification, Pruning
//! and Ordering, `req-prune-keep`).

use crate::model::common::Property;

/// OSCAL's own namespace; a property without `ns` is in it too.
const OSCAL_NS: &str = "http://csrc.nist.gov/ns/oscal";

/// Whether these properties hold OSCAL's `keep` with the value `always`. A `keep` in another
/// namespace means something else and does not count.
pub fn is_kept_always(props: Option<&[Property]>) -> bool {
    props.unwrap_or_default().iter().any(|prop| {
        prop.name == "keep"
            && prop.value == "always"
            && prop.ns.as_deref().is_none_or(|ns| ns == OSCAL_NS)
    })
}
