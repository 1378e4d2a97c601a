//! The picture of an entry's dependencies, laid out on the server as SVG: the services it is
//! built on in columns to its left (one column per step down), the services built on it to its
//! right, and an arrow for every "built on" link among the services shown. The page lists the
//! same services as text, so the picture adds nothing a screen reader would miss.

use std::collections::HashMap;

/// One box of the picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub href: String,
    /// The name cut to fit the box; `title` carries it whole.
    pub label: String,
    pub title: String,
    pub level: u8,
    pub status_code: &'static str,
    pub x: usize,
    pub y: usize,
    /// The entry the page is about.
    pub current: bool,
}

/// A line from the user (left end) to the service it is built on (right end of the arrow).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub x1: usize,
    pub y1: usize,
    pub x2: usize,
    pub y2: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub width: usize,
    pub height: usize,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// What the layout needs of a service.
#[derive(Debug, Clone)]
pub struct Service {
    pub id: String,
    pub href: String,
    pub name: String,
    pub level: u8,
    pub status_code: &'static str,
    pub built_on: Vec<String>,
}

pub const BOX_WIDTH: usize = 190;
pub const BOX_HEIGHT: usize = 44;
const COLUMN: usize = 230;
const ROW: usize = 60;
const MARGIN: usize = 8;
/// Characters that fit a box at the picture's font size; Japanese characters count double.
const LABEL_UNITS: usize = 26;

/// Lays out `current` with the services below it (depth = steps down) and above it (depth =
/// steps up). Services below are drawn on the right, as the ground a service stands on is read
/// after the service itself.
pub fn lay_out(
    current: Service,
    below: Vec<(usize, Service)>,
    above: Vec<(usize, Service)>,
) -> Picture {
    let deepest_above = above.iter().map(|(d, _)| *d).max().unwrap_or(0);
    let deepest_below = below.iter().map(|(d, _)| *d).max().unwrap_or(0);
    // Column 0 is the top user; the current service sits after the columns above it.
    let mut columns: Vec<Vec<Service>> = vec![Vec::new(); deepest_above + deepest_below + 1];
    let mut place = |column: usize, service: Service| {
        if let Some(services) = columns.get_mut(column) {
            services.push(service);
        }
    };
    for (depth, service) in above {
        place(deepest_above.saturating_sub(depth), service);
    }
    let current_id = current.id.clone();
    place(deepest_above, current);
    for (depth, service) in below {
        place(deepest_above + depth, service);
    }
    let links: Vec<(String, String)> = columns
        .iter()
        .flatten()
        .flat_map(|s| s.built_on.iter().map(|base| (s.id.clone(), base.clone())))
        .collect();
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(1);
    let height = tallest * ROW + 2 * MARGIN - (ROW - BOX_HEIGHT);
    let mut nodes = Vec::new();
    for (column, services) in columns.into_iter().enumerate() {
        // Centre each column vertically so that short chains line up with the current service.
        let offset = (tallest - services.len()) * ROW / 2;
        for (row, service) in services.into_iter().enumerate() {
            nodes.push(Node {
                current: service.id == current_id,
                label: fit(&service.name),
                title: format!("{} ({})", service.name, service.id),
                x: MARGIN + column * COLUMN,
                y: MARGIN + offset + row * ROW,
                id: service.id,
                href: service.href,
                level: service.level,
                status_code: service.status_code,
            });
        }
    }
    let at: HashMap<&str, &Node> = nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    // A link is drawn only where both ends are shown and the base stands to the right of its
    // user; any other link (to a service not reached from this one) belongs to another picture.
    let edges = links
        .iter()
        .filter_map(|(user, base)| Some((*at.get(user.as_str())?, *at.get(base.as_str())?)))
        .filter(|(user, base)| base.x > user.x)
        .map(|(user, base)| Edge {
            x1: user.x + BOX_WIDTH,
            y1: user.y + BOX_HEIGHT / 2,
            x2: base.x,
            y2: base.y + BOX_HEIGHT / 2,
        })
        .collect();
    let width = nodes.iter().map(|n| n.x + BOX_WIDTH).max().unwrap_or(0) + MARGIN;
    Picture {
        width,
        height,
        nodes,
        edges,
    }
}

/// The name cut to about the width of a box, with an ellipsis when cut.
fn fit(name: &str) -> String {
    let mut units = 0;
    let mut out = String::new();
    for c in name.chars() {
        units += if c.is_ascii() { 1 } else { 2 };
        if units > LABEL_UNITS {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(id: &str, built_on: &[&str]) -> Service {
        Service {
            id: id.to_owned(),
            href: format!("/registry/{id}"),
            name: format!("Service {id}"),
            level: 2,
            status_code: "registered",
            built_on: built_on.iter().map(|b| (*b).to_owned()).collect(),
        }
    }

    #[test]
    fn users_stand_left_of_the_service_and_bases_right_with_an_arrow_per_link() {
        // saas -> paas -> iaas; other-saas -> paas.
        let picture = lay_out(
            service("paas", &["iaas"]),
            vec![(1, service("iaas", &[]))],
            vec![
                (1, service("saas", &["paas"])),
                (1, service("other", &["paas"])),
            ],
        );
        let x = |id: &str| picture.nodes.iter().find(|n| n.id == id).unwrap().x;
        assert!(x("saas") < x("paas") && x("paas") < x("iaas"));
        assert_eq!(x("saas"), x("other"));
        assert_eq!(picture.edges.len(), 3);
        assert!(
            picture
                .nodes
                .iter()
                .filter(|n| n.current)
                .all(|n| n.id == "paas")
        );
        assert_eq!(picture.width, x("iaas") + BOX_WIDTH + MARGIN);
        assert_eq!(picture.height, 2 * ROW + 2 * MARGIN - (ROW - BOX_HEIGHT));
    }

    #[test]
    fn a_lone_service_is_one_box() {
        let picture = lay_out(service("only", &[]), vec![], vec![]);
        assert_eq!(picture.nodes.len(), 1);
        assert!(picture.edges.is_empty());
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis() {
        assert_eq!(fit("short"), "short");
        let cut = fit("とても長いサービスの名前がここに続いていきます");
        assert!(cut.ends_with('…'));
        assert_eq!(cut.chars().count(), 14);
    }
}
