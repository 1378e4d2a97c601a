//! Where things go on the chart: the plot's frame, the scale and the place of each label.
//!
//! Integer pixels throughout, so that the same map always gives the same bytes.

/// The whole drawing.
pub(super) const WIDTH: i32 = 760;
pub(super) const HEIGHT: i32 = 610;
/// The plot's frame: 0 to 100 on both axes, five pixels a step.
pub(super) const LEFT: i32 = 80;
pub(super) const TOP: i32 = 40;
const SCALE: i32 = 5;
pub(super) const RIGHT: i32 = LEFT + 100 * SCALE;
pub(super) const BOTTOM: i32 = TOP + 100 * SCALE;

/// Font size of the schemes' names.
pub(super) const NAME_SIZE: i32 = 12;
/// Room between a point's edge and its name.
const GAP: i32 = 4;
/// How far a name moves each time its place is taken.
const LINE: i32 = 14;
/// How many lines up or down a name may move before it is set at its first place regardless.
const MAX_STEPS: i32 = 6;

/// Pixels across for a value on the expected axis (values past 100 drawn at 100).
pub(super) fn x_of(value: u8) -> i32 {
    LEFT + i32::from(value.min(100)) * SCALE
}

/// Pixels down for a value on the actual axis.
pub(super) fn y_of(value: u8) -> i32 {
    BOTTOM - i32::from(value.min(100)) * SCALE
}

/// A rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Rect {
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
}

impl Rect {
    /// The square around a point of radius `r`.
    pub fn around(x: i32, y: i32, r: i32) -> Rect {
        Rect {
            left: x - r,
            top: y - r,
            right: x + r,
            bottom: y + r,
        }
    }

    fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    fn within(&self, frame: &Rect) -> bool {
        self.left >= frame.left
            && self.right <= frame.right
            && self.top >= frame.top
            && self.bottom <= frame.bottom
    }
}

/// Which end of a text its x names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    Start,
    End,
}

impl Anchor {
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::End => "end",
        }
    }
}

/// A generous estimate of a text's width: fonts differ, so it errs on the wide side (Latin at
/// about 0.6 of the size, Japanese at a full em).
pub(super) fn text_width(text: &str, size: i32) -> i32 {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                (size * 6 + 9) / 10
            } else {
                size
            }
        })
        .sum()
}

/// The box a one-line text takes, with `y` its baseline.
pub(super) fn text_box(text: &str, x: i32, y: i32, anchor: Anchor, size: i32) -> Rect {
    let width = text_width(text, size);
    let left = match anchor {
        Anchor::Start => x,
        Anchor::End => x - width,
    };
    Rect {
        left,
        top: y - size,
        right: left + width,
        bottom: y + size / 4,
    }
}

/// Where one name is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Label {
    pub x: i32,
    /// The baseline.
    pub y: i32,
    pub anchor: Anchor,
    /// Moved off the point's line, so a thin leader joins them.
    pub moved: bool,
}

impl Label {
    /// Where a leader from the point meets the name: the middle of its near end.
    pub fn leader_end(&self) -> (i32, i32) {
        (self.x, self.y - NAME_SIZE / 3)
    }
}

/// Sets names beside their points one after another, each where it covers no point and no name
/// set before it: first to the right, then to the left, then a line up or down at a time.
#[derive(Debug)]
pub(super) struct Placer {
    frame: Rect,
    points: Vec<Rect>,
    taken: Vec<Rect>,
}

impl Placer {
    /// Names stay inside the plot's height and the drawing's width; `points` are never covered.
    pub fn new(points: Vec<Rect>) -> Placer {
        Placer {
            frame: Rect {
                left: LEFT + 2,
                top: TOP,
                right: WIDTH - 4,
                bottom: BOTTOM,
            },
            points,
            taken: Vec::new(),
        }
    }

    /// Keeps a fixed text (a zone's title, the baseline's label) clear of names.
    pub fn reserve(&mut self, rect: Rect) {
        self.taken.push(rect);
    }

    /// The place of `text` beside the point of radius `r` at (`x`, `y`), now taken.
    pub fn place(&mut self, text: &str, x: i32, y: i32, r: i32) -> Label {
        // A place whose leader crosses a name beats no place; where nothing is free the name
        // goes to its first place, over whatever is there.
        let chosen = candidates(x, y, r)
            .find(|label| {
                self.is_free(&self.rect(text, label))
                    && (!label.moved || self.leader_is_free(x, y, label))
            })
            .or_else(|| candidates(x, y, r).find(|label| self.is_free(&self.rect(text, label))))
            .unwrap_or_else(|| beside(x, y, r, Anchor::Start, 0));
        self.taken.push(self.rect(text, &chosen));
        chosen
    }

    /// The thin line from a point to its moved name crosses no other name.
    fn leader_is_free(&self, x: i32, y: i32, label: &Label) -> bool {
        let (end_x, end_y) = label.leader_end();
        let span = Rect {
            left: x.min(end_x),
            top: y.min(end_y),
            right: x.max(end_x) + 1,
            bottom: y.max(end_y) + 1,
        };
        !self.taken.iter().any(|taken| taken.overlaps(&span))
    }

    fn rect(&self, text: &str, label: &Label) -> Rect {
        text_box(text, label.x, label.y, label.anchor, NAME_SIZE)
    }

    fn is_free(&self, rect: &Rect) -> bool {
        rect.within(&self.frame)
            && !self.taken.iter().any(|taken| taken.overlaps(rect))
            && !self.points.iter().any(|point| point.overlaps(rect))
    }
}

/// The places a name may take, best first: right of the point, left of it, then a line up or
/// down at a time on either side.
fn candidates(x: i32, y: i32, r: i32) -> impl Iterator<Item = Label> {
    (0..=MAX_STEPS).flat_map(move |step| {
        [Anchor::Start, Anchor::End]
            .into_iter()
            .flat_map(move |anchor| {
                [-step * LINE, step * LINE]
                    .into_iter()
                    .take(if step == 0 { 1 } else { 2 })
                    .map(move |dy| beside(x, y, r, anchor, dy))
            })
    })
}

/// A name set on the right (`Start`) or left (`End`) of a point of radius `r`, `dy` pixels off
/// its line.
fn beside(x: i32, y: i32, r: i32, anchor: Anchor, dy: i32) -> Label {
    Label {
        x: match anchor {
            Anchor::End => x - r - GAP,
            Anchor::Start => x + r + GAP,
        },
        // A third of the size down centres the letters on the point.
        y: y + NAME_SIZE / 3 + dy,
        anchor,
        moved: dy != 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_name_at_the_same_point_moves_off_the_first() {
        let point = (x_of(30), y_of(30));
        let mut placer = Placer::new(vec![Rect::around(point.0, point.1, 6)]);
        let first = placer.place("ISMS", point.0, point.1, 5);
        let second = placer.place("ISMS", point.0, point.1, 5);
        assert_eq!(first.anchor, Anchor::Start);
        assert!(!first.moved);
        assert_ne!((first.x, first.y), (second.x, second.y));
    }

    #[test]
    fn scale_runs_from_the_frame_corner() {
        assert_eq!((x_of(0), y_of(0)), (LEFT, BOTTOM));
        assert_eq!((x_of(100), y_of(100)), (RIGHT, TOP));
        assert_eq!(x_of(255), RIGHT, "past 100 is drawn at the edge");
    }
}
