//! The map drawn as a self-contained SVG: expected assurance across, actual assurance up, the
//! baseline on both axes, the diagonal where the two agree, the four zones, and one linked point
//! per scheme. No script, no external resource; the same map gives the same bytes.

mod layout;
mod xml;

use layout::{
    Anchor, BOTTOM, HEIGHT, LEFT, Label, NAME_SIZE, Placer, RIGHT, Rect, TOP, WIDTH, text_box,
    text_width, x_of, y_of,
};
use xml::{escape, path_segment};

use super::scheme::{AssuranceMap, AssuranceScheme};
use super::zone::{Zone, zone};
use crate::text::{Bilingual, Lang};

/// Font size of the zones' titles, the axes and the baseline.
const NOTE_SIZE: i32 = 13;
/// Font size of the scale's numbers.
const TICK_SIZE: i32 = 11;
/// Radius of a scheme's point, and of the highlighted one.
const POINT_R: i32 = 5;
const HIGHLIGHT_R: i32 = 8;

/// The chart of `map` in `lang`, with the scheme whose id is `highlight` (if any) drawn apart.
/// Each point links to `/assurance/{id}?lang=…`, the scheme's page in the chart's language.
/// Accessible as a labelled group (not an image, whose children would hide the links): the
/// description lists every scheme with its place and zone, and each point is a link of its own.
pub fn chart_svg(map: &AssuranceMap, lang: Lang, highlight: Option<&str>) -> String {
    let highlighted =
        highlight.and_then(|id| map.schemes.iter().position(|scheme| scheme.id == id));
    let mut svg = String::new();
    svg.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" \
         role=\"group\" aria-labelledby=\"assurance-chart-title assurance-chart-desc\" \
         font-family=\"sans-serif\">\n"
    ));
    svg.push_str(&format!(
        "<title id=\"assurance-chart-title\">{}</title>\n",
        escape(title().get(lang))
    ));
    svg.push_str(&format!(
        "<desc id=\"assurance-chart-desc\">{}</desc>\n",
        escape(&description(map, lang))
    ));

    let points: Vec<Rect> = map
        .schemes
        .iter()
        .enumerate()
        .map(|(index, scheme)| {
            let r = radius(Some(index) == highlighted);
            Rect::around(x_of(scheme.expected), y_of(scheme.actual), r + 1)
        })
        .collect();
    let mut placer = Placer::new(points);
    draw_zones(&mut svg, &mut placer, map.baseline, lang);
    draw_axes(&mut svg, lang);
    draw_baseline(&mut svg, &mut placer, map.baseline, lang);
    draw_diagonal(&mut svg, &mut placer, lang);

    // The highlighted name is placed first, so that it keeps its natural place, and drawn last,
    // so that it lies on top.
    let others = (0..map.schemes.len()).filter(|index| Some(*index) != highlighted);
    let mut labels: Vec<Option<Label>> = vec![None; map.schemes.len()];
    for index in highlighted.into_iter().chain(others.clone()) {
        if let (Some(scheme), Some(slot)) = (map.schemes.get(index), labels.get_mut(index)) {
            let name = scheme.name.get(lang);
            let (x, y) = (x_of(scheme.expected), y_of(scheme.actual));
            let r = radius(Some(index) == highlighted);
            *slot = Some(placer.place(name, x, y, r));
        }
    }
    for index in others.chain(highlighted) {
        if let (Some(scheme), Some(Some(label))) = (map.schemes.get(index), labels.get(index)) {
            let zone = zone(scheme, map.baseline);
            let is_highlighted = Some(index) == highlighted;
            draw_point(&mut svg, scheme, zone, *label, is_highlighted, lang);
        }
    }
    svg.push_str("</svg>\n");
    svg
}

fn title() -> Bilingual {
    Bilingual::new(
        "認証・保証制度の期待と実際の保証（期待ギャップ）",
        "What users expect of assurance schemes against what they assure (the expectation gap)",
    )
}

/// Everything the picture shows, in words: the axes, the baseline, and each scheme's place.
fn description(map: &AssuranceMap, lang: Lang) -> String {
    let baseline = map.baseline;
    let mut text = Bilingual::new(
        format!(
            "横軸は利用者の期待、縦軸は実際の保証（どちらも 0〜100）。ベースラインは {baseline}。\
             対角線上では期待と保証が一致し、離れるほど期待ギャップが大きい。"
        ),
        format!(
            "Across: what users expect a scheme to assure; up: what it actually assures (both 0 \
             to 100). The baseline is {baseline}. On the diagonal expectation equals assurance; \
             the further a point lies from it, the wider the gap."
        ),
    )
    .get(lang)
    .to_owned();
    for scheme in &map.schemes {
        let zone = zone(scheme, baseline);
        let line = Bilingual::new(
            format!(
                "{}：期待 {}、実際 {}、{} {}。",
                scheme.name.ja,
                scheme.expected,
                scheme.actual,
                zone.mark(),
                zone.title().ja
            ),
            format!(
                " {}: expected {}, actual {}, {} {}.",
                scheme.name.en,
                scheme.expected,
                scheme.actual,
                zone.mark(),
                zone.title().en
            ),
        );
        text.push_str(line.get(lang));
    }
    text
}

fn radius(highlighted: bool) -> i32 {
    if highlighted { HIGHLIGHT_R } else { POINT_R }
}

/// The four zones, lightly shaded, each titled in its outer corner.
fn draw_zones(svg: &mut String, placer: &mut Placer, baseline: u8, lang: Lang) {
    let (bx, by) = (x_of(baseline), y_of(baseline));
    let zones = [
        (Zone::BelowBaseline, (LEFT, by, bx, BOTTOM), "#fbe9e7"),
        (Zone::OverExpected, (bx, by, RIGHT, BOTTOM), "#fff3e0"),
        (Zone::UnderRecognised, (LEFT, TOP, bx, by), "#e3f2fd"),
        (Zone::Practical, (bx, TOP, RIGHT, by), "#e8f5e9"),
    ];
    for (zone, (left, top, right, bottom), fill) in zones {
        svg.push_str(&format!(
            "<rect class=\"zone {}\" x=\"{left}\" y=\"{top}\" width=\"{}\" height=\"{}\" \
             fill=\"{fill}\"/>\n",
            zone.code(),
            right - left,
            bottom - top
        ));
    }
    for (zone, (left, top, right, bottom), _) in zones {
        let text = format!("{} {}", zone.mark(), zone.title().get(lang));
        let at_top = matches!(zone, Zone::UnderRecognised | Zone::Practical);
        let at_left = matches!(zone, Zone::BelowBaseline | Zone::UnderRecognised);
        let (x, anchor) = if at_left {
            (left + 6, Anchor::Start)
        } else {
            (right - 6, Anchor::End)
        };
        let y = if at_top {
            top + NOTE_SIZE + 4
        } else {
            bottom - 6
        };
        placer.reserve(text_box(&text, x, y, anchor, NOTE_SIZE));
        svg.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" text-anchor=\"{}\" font-size=\"{NOTE_SIZE}\" \
             font-weight=\"bold\" fill=\"#555\">{}</text>\n",
            anchor.svg(),
            escape(&text)
        ));
    }
}

/// The frame's left and bottom edges with a scale every 25, and what each axis means.
fn draw_axes(svg: &mut String, lang: Lang) {
    svg.push_str(&format!(
        "<path d=\"M{LEFT} {TOP} V{BOTTOM} H{RIGHT}\" fill=\"none\" stroke=\"#333\" \
         stroke-width=\"1.5\"/>\n"
    ));
    for value in [0u8, 25, 50, 75, 100] {
        let (x, y) = (x_of(value), y_of(value));
        svg.push_str(&format!(
            "<path d=\"M{x} {BOTTOM} v5 M{LEFT} {y} h-5\" stroke=\"#333\"/>\n\
             <text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{TICK_SIZE}\">{value}</text>\n\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"{TICK_SIZE}\">{value}</text>\n",
            BOTTOM + 8 + TICK_SIZE,
            LEFT - 8,
            y + TICK_SIZE / 3
        ));
    }
    let across = Bilingual::new(
        "利用者の期待（どこまで保証すると思われているか）→",
        "What users expect it to assure →",
    );
    let up = Bilingual::new("実際の保証 →", "What it actually assures →");
    svg.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{NOTE_SIZE}\">{}</text>\n",
        (LEFT + RIGHT) / 2,
        BOTTOM + 44,
        escape(across.get(lang))
    ));
    let (x, y) = (LEFT - 44, (TOP + BOTTOM) / 2);
    svg.push_str(&format!(
        "<text x=\"{x}\" y=\"{y}\" transform=\"rotate(-90 {x} {y})\" text-anchor=\"middle\" \
         font-size=\"{NOTE_SIZE}\">{}</text>\n",
        escape(up.get(lang))
    ));
}

/// The baseline, dashed across and up, named at the right end of its level line.
fn draw_baseline(svg: &mut String, placer: &mut Placer, baseline: u8, lang: Lang) {
    let (bx, by) = (x_of(baseline), y_of(baseline));
    svg.push_str(&format!(
        "<path class=\"baseline\" d=\"M{LEFT} {by} H{RIGHT} M{bx} {TOP} V{BOTTOM}\" \
         stroke=\"#666\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" fill=\"none\"/>\n"
    ));
    let text = format!(
        "{} {baseline}",
        Bilingual::new("ベースライン", "Baseline").get(lang)
    );
    let (x, y) = (RIGHT + 4, by + NOTE_SIZE / 3);
    placer.reserve(text_box(&text, x, y, Anchor::Start, NOTE_SIZE));
    svg.push_str(&format!(
        "<text x=\"{x}\" y=\"{y}\" font-size=\"{NOTE_SIZE}\" fill=\"#555\">{}</text>\n",
        escape(&text)
    ));
}

/// The diagonal where expectation equals assurance, named near its lower end along the line.
fn draw_diagonal(svg: &mut String, placer: &mut Placer, lang: Lang) {
    svg.push_str(&format!(
        "<path class=\"diagonal\" d=\"M{LEFT} {BOTTOM} L{RIGHT} {TOP}\" stroke=\"#999\" \
         fill=\"none\"/>\n"
    ));
    let text = Bilingual::new("期待＝保証", "expected = assured")
        .get(lang)
        .to_owned();
    let (x, y) = (x_of(6), y_of(8));
    // The text runs up at 45°: its box is about 0.7 of its length each way.
    let reach = text_width(&text, TICK_SIZE) * 7 / 10 + TICK_SIZE;
    placer.reserve(Rect {
        left: x,
        top: y - reach,
        right: x + reach,
        bottom: y,
    });
    svg.push_str(&format!(
        "<text x=\"{x}\" y=\"{y}\" transform=\"rotate(-45 {x} {y})\" font-size=\"{TICK_SIZE}\" \
         fill=\"#777\">{}</text>\n",
        escape(&text)
    ));
}

/// One scheme: a link to its page holding a tooltip, the point and its name.
fn draw_point(
    svg: &mut String,
    scheme: &AssuranceScheme,
    zone: Zone,
    label: Label,
    highlighted: bool,
    lang: Lang,
) {
    let (x, y) = (x_of(scheme.expected), y_of(scheme.actual));
    let name = scheme.name.get(lang);
    let tooltip = Bilingual::new(
        format!(
            "{} — {} {}（期待 {}・実際 {}）",
            scheme.name.ja,
            zone.mark(),
            zone.title().ja,
            scheme.expected,
            scheme.actual
        ),
        format!(
            "{} — {} {} (expected {}, actual {})",
            scheme.name.en,
            zone.mark(),
            zone.title().en,
            scheme.expected,
            scheme.actual
        ),
    );
    let (class, current, fill, stroke, weight) = if highlighted {
        (
            "point highlight",
            " aria-current=\"true\"",
            "#c62828",
            " stroke=\"#000\" stroke-width=\"2\"",
            " font-weight=\"bold\"",
        )
    } else {
        ("point", "", "#1f4e79", "", "")
    };
    svg.push_str(&format!(
        "<a href=\"/assurance/{}?lang={}\" class=\"{class}\"{current}>\n<title>{}</title>\n",
        escape(&path_segment(&scheme.id)),
        lang.code(),
        escape(tooltip.get(lang))
    ));
    if label.moved {
        let (end_x, end_y) = label.leader_end();
        svg.push_str(&format!(
            "<path d=\"M{x} {y} L{end_x} {end_y}\" stroke=\"#999\" stroke-width=\"0.75\"/>\n"
        ));
    }
    svg.push_str(&format!(
        "<circle cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"{fill}\"{stroke}/>\n\
         <text x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-size=\"{NAME_SIZE}\"{weight} \
         fill=\"#222\" stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\" \
         paint-order=\"stroke\">{}</text>\n</a>\n",
        radius(highlighted),
        label.x,
        label.y,
        label.anchor.svg(),
        escape(name)
    ));
}
