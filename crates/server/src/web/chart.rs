//! Horizontal bar charts drawn as SVG on the server: no script, readable by screen readers
//! (each chart has a title and the same figures as a table).

/// One bar: its label, count, link and geometry.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub count: usize,
    pub href: String,
    pub y: usize,
    pub width: usize,
}

#[derive(Debug, Clone)]
pub struct Chart {
    pub id: &'static str,
    pub title: String,
    /// The chart in one sentence, for assistive technology.
    pub summary: String,
    pub height: usize,
    pub bars: Vec<Bar>,
}

/// The longest bar, in pixels, leaving room for labels and values in a 320-pixel chart.
const LONGEST: usize = 160;
const ROW: usize = 28;

impl Chart {
    pub fn new(id: &'static str, title: String, rows: Vec<(String, usize, String)>) -> Chart {
        let most = rows
            .iter()
            .map(|(_, count, _)| *count)
            .max()
            .unwrap_or(0)
            .max(1);
        let summary = rows
            .iter()
            .map(|(label, count, _)| format!("{label}: {count}"))
            .collect::<Vec<_>>()
            .join(", ");
        let bars: Vec<Bar> = rows
            .into_iter()
            .enumerate()
            .map(|(i, (label, count, href))| Bar {
                label,
                count,
                href,
                y: i * ROW + 4,
                width: (count * LONGEST).div_ceil(most).max(usize::from(count > 0)),
            })
            .collect();
        Chart {
            id,
            title,
            summary,
            height: bars.len() * ROW + 8,
            bars,
        }
    }
}

/// Percentages near 100 drawn against an axis that starts where the differences show: the
/// highest of a few round floors below the smallest value. The floor is printed, so the cut axis
/// is never hidden from the reader.
#[derive(Debug, Clone)]
pub struct PercentChart {
    pub id: &'static str,
    pub title: String,
    pub summary: String,
    pub floor: String,
    pub height: usize,
    pub bars: Vec<PercentBar>,
    /// Marks on the axis (e.g. the SLA tiers), with their x position.
    pub marks: Vec<(String, usize)>,
}

#[derive(Debug, Clone)]
pub struct PercentBar {
    pub label: String,
    pub value: String,
    pub y: usize,
    pub width: usize,
}

const FLOORS: [f64; 9] = [99.9, 99.5, 99.0, 98.0, 95.0, 90.0, 80.0, 50.0, 0.0];
/// How long a bar at 100 % is, in a 560-pixel chart (the rest holds the value after the bar).
const PERCENT_LONGEST: usize = 480;
/// A label above its bar: labels can be long in either language.
const PERCENT_ROW: usize = 44;

impl PercentChart {
    pub fn new(id: &'static str, title: String, rows: Vec<(String, f64)>) -> PercentChart {
        let smallest = rows.iter().map(|(_, v)| *v).fold(100.0_f64, f64::min);
        // Leave a little room below the smallest bar so that it never has zero length.
        let floor = FLOORS
            .into_iter()
            .find(|floor| *floor < smallest - (100.0 - smallest) * 0.1 || *floor == 0.0)
            .unwrap_or(0.0);
        let span = 100.0 - floor;
        let x = |value: f64| -> usize {
            let share = ((value - floor) / span).clamp(0.0, 1.0);
            // A share of at most 1 times 480 pixels: the cast cannot lose anything that shows.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let pixels = (share * PERCENT_LONGEST as f64).round() as usize;
            pixels
        };
        let summary = rows
            .iter()
            .map(|(label, value)| format!("{label}: {value:.3} %"))
            .collect::<Vec<_>>()
            .join(", ");
        let bars: Vec<PercentBar> = rows
            .into_iter()
            .enumerate()
            .map(|(i, (label, value))| PercentBar {
                label,
                value: format!("{value:.3} %"),
                y: i * PERCENT_ROW,
                width: x(value).max(1),
            })
            .collect();
        let height = bars.len() * PERCENT_ROW + 20;
        let marks = [99.9, 99.0, 95.0]
            .into_iter()
            .filter(|mark| *mark > floor)
            .map(|mark| (format!("{mark}"), x(mark)))
            .collect();
        PercentChart {
            id,
            title,
            summary,
            floor: format!("{floor}"),
            height,
            bars,
            marks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_stay_visible() {
        let chart = Chart::new(
            "c",
            "t".to_owned(),
            vec![
                ("a".to_owned(), 10, "/a".to_owned()),
                ("b".to_owned(), 1, "/b".to_owned()),
                ("c".to_owned(), 0, "/c".to_owned()),
            ],
        );
        let widths: Vec<usize> = chart.bars.iter().map(|b| b.width).collect();
        assert_eq!(widths, vec![160, 16, 0]);
        assert_eq!(chart.summary, "a: 10, b: 1, c: 0");
        assert_eq!(chart.height, 3 * 28 + 8);
    }

    #[test]
    fn the_percent_axis_starts_at_a_round_floor_below_the_smallest_value() {
        let chart = PercentChart::new(
            "p",
            "t".to_owned(),
            vec![("real".to_owned(), 99.95), ("naive".to_owned(), 97.2)],
        );
        assert_eq!(chart.floor, "95");
        // 99.95 is 4.95 of the 5 points above the floor.
        assert_eq!(chart.bars[0].width, 475);
        assert_eq!(chart.bars[1].width, 211);
        assert_eq!(chart.bars[1].value, "97.200 %");
        let marks: Vec<&str> = chart.marks.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(marks, vec!["99.9", "99"]);
        let full = PercentChart::new("f", "t".to_owned(), vec![("a".to_owned(), 100.0)]);
        assert_eq!(full.floor, "99.9");
        assert_eq!(full.bars[0].width, 480);
        let low = PercentChart::new("l", "t".to_owned(), vec![("a".to_owned(), 10.0)]);
        assert_eq!(low.floor, "0");
    }
}
