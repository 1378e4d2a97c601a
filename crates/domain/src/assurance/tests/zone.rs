use super::scheme;
use crate::assurance::{Zone, zone, zone_at};

#[test]
fn the_baseline_itself_counts_as_reached_on_both_axes() {
    let baseline = 50;
    assert_eq!(zone_at(49, 49, baseline), Zone::BelowBaseline);
    assert_eq!(zone_at(50, 49, baseline), Zone::OverExpected);
    assert_eq!(zone_at(49, 50, baseline), Zone::UnderRecognised);
    assert_eq!(zone_at(50, 50, baseline), Zone::Practical);
    assert_eq!(zone_at(0, 0, baseline), Zone::BelowBaseline);
    assert_eq!(zone_at(100, 0, baseline), Zone::OverExpected);
    assert_eq!(zone_at(0, 100, baseline), Zone::UnderRecognised);
    assert_eq!(zone_at(100, 100, baseline), Zone::Practical);
}

#[test]
fn a_scheme_is_zoned_by_its_own_place() {
    assert_eq!(zone(&scheme("isms", 85, 40), 50), Zone::OverExpected);
    assert_eq!(zone(&scheme("isms", 85, 40), 40), Zone::Practical);
    assert_eq!(zone(&scheme("pci", 20, 80), 21), Zone::UnderRecognised);
}

#[test]
fn zones_are_numbered_coded_and_explained_in_both_languages() {
    let numbers: Vec<u8> = Zone::ALL.iter().map(|zone| zone.number()).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    let marks: Vec<&str> = Zone::ALL.iter().map(|zone| zone.mark()).collect();
    assert_eq!(marks, ["①", "②", "③", "④"]);
    for zone in Zone::ALL {
        assert_eq!(Zone::from_code(zone.code()), Some(zone));
        assert_eq!(
            serde_json::to_value(zone).unwrap(),
            serde_json::json!(zone.code())
        );
        for text in [zone.title(), zone.meaning()] {
            assert!(!text.ja.trim().is_empty() && !text.en.trim().is_empty());
        }
    }
    assert_eq!(
        Zone::from_code(" Under_Recognised "),
        Some(Zone::UnderRecognised)
    );
    assert_eq!(Zone::from_code("nowhere"), None);
}
