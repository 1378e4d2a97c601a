use super::markup::elements;
use super::{map, scheme};
use crate::assurance::{chart_svg, default_map};
use crate::text::{Bilingual, Lang};

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn the_chart_is_well_formed_with_one_link_per_scheme() {
    let map = default_map().unwrap();
    for lang in [Lang::Ja, Lang::En] {
        let svg = chart_svg(&map, lang, Some("isms"));
        let found = elements(&svg).unwrap_or_else(|why| panic!("{why}\n{svg}"));
        let root = found.first().unwrap();
        assert_eq!(root.name, "svg");
        assert!(root.attributes.contains("role=\"group\""));
        assert!(root.attributes.contains("viewBox=\"0 0 "));
        let links: Vec<_> = found.iter().filter(|e| e.name == "a").collect();
        assert_eq!(links.len(), map.schemes.len());
        // The highlighted point is drawn last, so compare without order.
        for scheme in &map.schemes {
            let href = format!("href=\"/assurance/{}?lang={}\"", scheme.id, lang.code());
            let to_it = links
                .iter()
                .filter(|link| link.attributes.starts_with(&href));
            assert_eq!(to_it.count(), 1, "{}", scheme.id);
        }
        // A title and a description in the language asked for, naming every scheme.
        let desc = found.iter().find(|e| e.name == "desc").unwrap();
        for scheme in &map.schemes {
            assert!(
                desc.text
                    .contains(&scheme.name.get(lang).replace('&', "&amp;"))
            );
        }
        assert_eq!(
            found.iter().filter(|e| e.name == "title").count(),
            1 + map.schemes.len()
        );
    }
}

#[test]
fn the_chart_speaks_the_language_asked_for() {
    let map = default_map().unwrap();
    let ja = chart_svg(&map, Lang::Ja, None);
    let en = chart_svg(&map, Lang::En, None);
    assert!(ja.contains("② 期待が過大") && ja.contains("プライバシーマーク"));
    assert!(en.contains("② Over-expected") && en.contains("Privacy Mark (JIS Q 15001)"));
    assert!(!en.contains("プライバシーマーク"));
}

#[test]
fn the_chart_refers_to_nothing_outside_itself() {
    let svg = chart_svg(&default_map().unwrap(), Lang::En, None);
    let external = [
        "<script",
        "<image",
        "<use",
        "<foreignObject",
        "url(",
        "xlink:",
        "@import",
    ];
    for word in external {
        assert!(!svg.contains(word), "{word}");
    }
    // The namespace is the only absolute address; every link is relative to the site.
    assert_eq!(count(&svg, "http"), 1);
    assert_eq!(count(&svg, "href=\""), count(&svg, "href=\"/assurance/"));
}

#[test]
fn names_with_markup_are_escaped() {
    let mut risky = scheme("risky", 30, 70);
    risky.name = Bilingual::new("<&>「危険」", "R&D <b>\"bold\"</b>");
    let svg = chart_svg(&map(vec![risky]), Lang::En, Some("risky"));
    assert!(elements(&svg).is_ok(), "{svg}");
    assert!(svg.contains("R&amp;D &lt;b&gt;&quot;bold&quot;&lt;/b&gt;"));
    assert!(!svg.contains("<b>"));
    let ja = chart_svg(&map(vec![scheme("risky", 30, 70)]), Lang::Ja, None);
    assert!(elements(&ja).is_ok());
    let mut risky = scheme("risky", 30, 70);
    risky.name.ja = "<&>".to_owned();
    let ja = chart_svg(&map(vec![risky]), Lang::Ja, None);
    assert!(elements(&ja).is_ok(), "{ja}");
    assert!(ja.contains("&lt;&amp;&gt;") && !ja.contains("<&>"));
}

#[test]
fn an_unchecked_id_cannot_leave_the_assurance_pages() {
    let svg = chart_svg(&map(vec![scheme("../admin\"x", 10, 10)]), Lang::En, None);
    assert!(elements(&svg).is_ok(), "{svg}");
    assert!(svg.contains("href=\"/assurance/%2E%2E%2Fadmin%22x?lang=en\""));
}

#[test]
fn the_highlighted_scheme_alone_is_marked() {
    let map = default_map().unwrap();
    let svg = chart_svg(&map, Lang::Ja, Some("shinrai_2"));
    assert_eq!(count(&svg, "class=\"point highlight\""), 1);
    assert_eq!(count(&svg, "aria-current=\"true\""), 1);
    assert_eq!(count(&svg, "class=\"point"), map.schemes.len());
    let marked = svg
        .split("<a ")
        .find(|part| part.contains("highlight"))
        .unwrap();
    assert!(marked.starts_with("href=\"/assurance/shinrai_2?lang=ja\""));
    // A repeated id still marks one point; an unknown id marks none.
    let twice = super::map(vec![scheme("a", 1, 1), scheme("a", 60, 60)]);
    assert_eq!(
        count(&chart_svg(&twice, Lang::En, Some("a")), "highlight"),
        1
    );
    assert_eq!(
        count(&chart_svg(&map, Lang::En, Some("nothing")), "highlight"),
        0
    );
    assert_eq!(count(&chart_svg(&map, Lang::En, None), "highlight"), 0);
}

#[test]
fn the_same_map_gives_the_same_bytes() {
    let map = default_map().unwrap();
    let first = chart_svg(&map, Lang::En, Some("soc2"));
    assert_eq!(first, chart_svg(&map.clone(), Lang::En, Some("soc2")));
    assert_ne!(first, chart_svg(&map, Lang::En, Some("soc3")));
}

#[test]
fn names_at_the_same_place_do_not_overlap_exactly() {
    let crowded = map((0..5)
        .map(|i| scheme(&format!("same{i}"), 40, 40))
        .collect());
    let svg = chart_svg(&crowded, Lang::En, None);
    let found = elements(&svg).unwrap();
    let mut places: Vec<&str> = found
        .iter()
        .filter(|e| e.name == "text" && e.text.starts_with("Scheme same"))
        .map(|e| e.attributes.as_str())
        .collect();
    assert_eq!(places.len(), 5);
    places.sort_unstable();
    places.dedup();
    assert_eq!(places.len(), 5, "each name has its own place");
}

#[test]
fn the_baseline_moves_the_zones() {
    let mut moved = default_map().unwrap();
    moved.baseline = 20;
    let svg = chart_svg(&moved, Lang::En, None);
    assert!(elements(&svg).is_ok());
    // ISMS (85, 40) is practical against a baseline of 20.
    let isms = svg
        .split("<a ")
        .find(|part| part.starts_with("href=\"/assurance/isms?lang=en\""))
        .unwrap();
    assert!(isms.contains("④ Practical"), "{isms}");
    for zone in [
        "below_baseline",
        "over_expected",
        "under_recognised",
        "practical",
    ] {
        assert_eq!(count(&svg, &format!("class=\"zone {zone}\"")), 1);
    }
}
