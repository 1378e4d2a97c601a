//! The `keep` property: an object marked `keep: always` survives pruning (specification, Pruning
//! and Ordering, `req-prune-keep`), and the roles and parties of imported catalogs so marked are
//! copied into the resolved catalog's metadata (Metadata Resolution, `req-meta-keep`).

use crate::model::common::{Metadata, Party, Property, Role};

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

/// The roles and parties of the imported catalogs marked `keep: always`, in the order met.
#[derive(Debug, Default)]
pub struct KeptMetadata {
    roles: Vec<Role>,
    parties: Vec<Party>,
}

impl KeptMetadata {
    /// Takes the kept roles and parties of an imported catalog's metadata.
    pub fn take_from(&mut self, metadata: &mut Metadata) {
        let roles = metadata.roles.take().unwrap_or_default();
        self.roles.extend(
            roles
                .into_iter()
                .filter(|role| is_kept_always(role.props.as_deref())),
        );
        let parties = metadata.parties.take().unwrap_or_default();
        self.parties.extend(
            parties
                .into_iter()
                .filter(|party| is_kept_always(party.props.as_deref())),
        );
    }

    /// Copies them as they are into the result's metadata, after its own; a role whose id or a
    /// party whose uuid is there already is not copied again.
    pub fn add_to(self, metadata: &mut Metadata) {
        for role in self.roles {
            let roles = metadata.roles.get_or_insert_with(Vec::new);
            if !roles.iter().any(|present| present.id == role.id) {
                roles.push(role);
            }
        }
        for party in self.parties {
            let parties = metadata.parties.get_or_insert_with(Vec::new);
            if !parties.iter().any(|present| present.uuid == party.uuid) {
                parties.push(party);
            }
        }
    }
}
