use std::collections::HashSet;

use crate::assurance::{AssuranceMap, AssuredObject, CriteriaArea, Zone, default_map, zone};

const IDS: [&str; 14] = [
    "isms",
    "privacy_mark",
    "itsms",
    "soc1",
    "soc2",
    "soc3",
    "pci_dss",
    "bcms",
    "iso27017",
    "cs_silver",
    "cs_gold",
    "shinrai_1",
    "shinrai_2",
    "shinrai_3",
];

#[test]
fn the_shipped_map_is_valid_and_names_every_scheme_in_both_languages() {
    let map = default_map().unwrap();
    assert_eq!(map.check(), Ok(()));
    let ids: HashSet<&str> = map.schemes.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, HashSet::from(IDS));
    assert_eq!(map.schemes.len(), IDS.len());
    for scheme in &map.schemes {
        for text in [
            &scheme.name,
            &scheme.assures,
            &scheme.does_not,
            &scheme.summary,
        ] {
            assert!(
                !text.ja.trim().is_empty() && !text.en.trim().is_empty(),
                "{}: {text:?}",
                scheme.id
            );
        }
        assert!(!scheme.areas.is_empty(), "{}", scheme.id);
    }
}

#[test]
fn the_shipped_map_places_schemes_where_the_model_puts_them() {
    let map = default_map().unwrap();
    let zone_of = |id: &str| map.scheme(id).map(|scheme| zone(scheme, map.baseline));
    // The widely trusted certificates promise more than they assure for a cloud service.
    assert_eq!(zone_of("isms"), Some(Zone::OverExpected));
    assert_eq!(zone_of("privacy_mark"), Some(Zone::OverExpected));
    assert_eq!(zone_of("bcms"), Some(Zone::OverExpected));
    // Narrow or strict schemes assure enough but are little known.
    for id in ["pci_dss", "itsms", "soc2", "cs_gold"] {
        assert_eq!(zone_of(id), Some(Zone::UnderRecognised), "{id}");
    }
    // A self-declared audit reaches neither.
    assert_eq!(zone_of("cs_silver"), Some(Zone::BelowBaseline));
    // The scheme's registrations aim at the practical zone, higher levels assuring more.
    for id in ["shinrai_1", "shinrai_2", "shinrai_3"] {
        assert_eq!(zone_of(id), Some(Zone::Practical), "{id}");
    }
    let actual = |id: &str| map.scheme(id).map(|scheme| scheme.actual);
    assert!(actual("shinrai_1") < actual("shinrai_2"));
    assert!(actual("shinrai_2") < actual("shinrai_3"));
    assert!(map.scheme("privacy_mark").is_some_and(|s| s.gap() > 0));
    assert!(map.scheme("pci_dss").is_some_and(|s| s.gap() < 0));
    // Only schemes written for the cloud say so.
    let cloud: HashSet<&str> = map
        .schemes
        .iter()
        .filter(|s| s.cloud_specific)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        cloud,
        HashSet::from([
            "iso27017",
            "cs_silver",
            "cs_gold",
            "shinrai_1",
            "shinrai_2",
            "shinrai_3"
        ])
    );
}

#[test]
fn the_map_reads_back_what_it_writes() {
    let map = default_map().unwrap();
    let json = serde_json::to_string(&map).unwrap();
    let again: AssuranceMap = serde_json::from_str(&json).unwrap();
    assert_eq!(again, map);
}

#[test]
fn unknown_fields_and_codes_are_refused_when_read() {
    let base = serde_json::to_value(default_map().unwrap()).unwrap();
    let mut extra = base.clone();
    let object = extra.as_object_mut().unwrap();
    object.insert("colour".to_owned(), serde_json::json!("red"));
    assert!(serde_json::from_value::<AssuranceMap>(extra).is_err());
    let mut wrong_area = base;
    let areas = wrong_area.pointer_mut("/schemes/0/areas").unwrap();
    *areas = serde_json::json!(["astrology"]);
    assert!(serde_json::from_value::<AssuranceMap>(wrong_area).is_err());
}

#[test]
fn vocabularies_write_their_codes_and_title_them_in_both_languages() {
    for area in CriteriaArea::ALL {
        assert_eq!(
            serde_json::to_value(area).unwrap(),
            serde_json::json!(area.code())
        );
        assert_eq!(CriteriaArea::from_code(area.code()), Some(*area));
        let title = area.title();
        assert!(!title.ja.is_empty() && !title.en.is_empty());
    }
    for object in AssuredObject::ALL {
        assert_eq!(
            serde_json::to_value(object).unwrap(),
            serde_json::json!(object.code())
        );
        assert_eq!(AssuredObject::from_code(object.code()), Some(*object));
        let title = object.title();
        assert!(!title.ja.is_empty() && !title.en.is_empty());
    }
    assert_eq!(
        CriteriaArea::from_code(" ACCESS_CONTROL"),
        Some(CriteriaArea::AccessControl)
    );
}
