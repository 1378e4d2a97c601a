//! The resolved catalog's back matter (specification, Final Operations: Backmatter Resolution,
//! then Pruning and Ordering).

use std::collections::HashMap;

use super::keep::is_kept_always;
use crate::model::common::{BackMatter, Resource};

/// Resources in the order given (the imported documents' in import order, then the profile's,
/// `req-backmatter`). One with a uuid already seen removes the earlier copy and is added after
/// what is there (`req-backmatter-dupe`), unless the earlier copy is kept always and the newcomer
/// is not: then the newcomer is dropped (`req-backmatter-keep`).
pub fn combine(resources: impl IntoIterator<Item = Resource>) -> Vec<Resource> {
    // A replaced resource leaves an empty slot, so positions stay valid while adding.
    let mut slots: Vec<Option<Resource>> = Vec::new();
    let mut slot_of: HashMap<String, usize> = HashMap::new();
    for resource in resources {
        if let Some(earlier) = slot_of
            .get(&resource.uuid)
            .and_then(|&at| slots.get_mut(at))
        {
            let earlier_kept = earlier
                .as_ref()
                .is_some_and(|old| is_kept_always(old.props.as_deref()));
            if earlier_kept && !is_kept_always(resource.props.as_deref()) {
                continue;
            }
            *earlier = None;
        }
        slot_of.insert(resource.uuid.clone(), slots.len());
        slots.push(Some(resource));
    }
    slots.into_iter().flatten().collect()
}

/// The back matter left once unused resources are pruned: a resource stays when it is kept always
/// (`req-prune-keep`) or the result refers to its uuid (`req-prune-ref`).
pub fn prune(resources: Vec<Resource>, referenced: impl Fn(&str) -> bool) -> Option<BackMatter> {
    let kept: Vec<Resource> = resources
        .into_iter()
        .filter(|resource| is_kept_always(resource.props.as_deref()) || referenced(&resource.uuid))
        .collect();
    (!kept.is_empty()).then(|| BackMatter {
        resources: Some(kept),
        extra: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::common::Property;

    fn resource(uuid: &str, title: &str, kept: bool) -> Resource {
        let keep = Property {
            name: "keep".to_owned(),
            uuid: None,
            ns: None,
            value: "always".to_owned(),
            class: None,
            group: None,
            remarks: None,
            extra: Default::default(),
        };
        Resource {
            uuid: uuid.to_owned(),
            title: Some(title.to_owned()),
            description: None,
            props: kept.then(|| vec![keep]),
            document_ids: None,
            citation: None,
            rlinks: None,
            base64: None,
            remarks: None,
            extra: Default::default(),
        }
    }

    fn titles(resources: &[Resource]) -> Vec<&str> {
        resources
            .iter()
            .filter_map(|r| r.title.as_deref())
            .collect()
    }

    #[test]
    fn the_latest_copy_wins_unless_an_earlier_one_is_kept_always() {
        let combined = combine([
            resource("a", "a first", false),
            resource("b", "b", false),
            resource("a", "a kept", true),
            resource("a", "a plain again", false),
            resource("c", "c", false),
        ]);
        assert_eq!(titles(&combined), ["b", "a kept", "c"]);
        let combined = combine([
            resource("a", "a kept", true),
            resource("a", "a kept later", true),
        ]);
        assert_eq!(titles(&combined), ["a kept later"]);
    }

    #[test]
    fn pruning_spares_what_is_kept_always_or_referred_to() {
        let resources = vec![
            resource("a", "cited", false),
            resource("b", "kept", true),
            resource("c", "neither", false),
        ];
        let matter = prune(resources, |uuid| uuid == "a").expect("back matter");
        assert_eq!(
            titles(matter.resources.as_deref().unwrap_or_default()),
            ["cited", "kept"]
        );
        assert!(prune(vec![resource("c", "neither", false)], |_| false).is_none());
    }
}
