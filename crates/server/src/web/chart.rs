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
}
