//! The `oscal-version` a resolved catalog declares, chosen among its inputs' versions.

use std::cmp::Ordering;

/// The version to declare, from the profile's and every imported document's `oscal-version`
/// (Metadata Resolution, `req-meta-oscal-version`: the most recent among them). A release outranks
/// every pre-release, even of a later version: a catalog resolved from release content does not
/// claim to be a draft. With no release among the inputs, the most recent pre-release is taken;
/// with nothing readable, the first version given (the profile's) is kept as written.
pub fn resolved_oscal_version(versions: &[String]) -> String {
    let parsed: Vec<(OscalVersion<'_>, &String)> = versions
        .iter()
        .filter_map(|text| OscalVersion::parse(text).map(|version| (version, text)))
        .collect();
    let newest_release = parsed
        .iter()
        .filter(|(version, _)| version.pre_release.is_none())
        .max_by(|(a, _), (b, _)| a.cmp(b));
    let newest = newest_release.or_else(|| parsed.iter().max_by(|(a, _), (b, _)| a.cmp(b)));
    newest
        .map(|(_, text)| (*text).clone())
        .or_else(|| versions.first().cloned())
        .unwrap_or_default()
}

/// The major version of OSCAL that shinrai reads and writes.
pub const TOOL_MAJOR: u64 = 1;

/// The first of `versions` whose major version is not the tool's, with its place in the list
/// (`req-meta-oscalversion-error`: resolution stops there). Versions that do not read as
/// `MAJOR.MINOR.PATCH` tell nothing and are passed over.
pub fn other_major(versions: &[String]) -> Option<(usize, &String)> {
    versions.iter().enumerate().find(|(_, text)| {
        OscalVersion::parse(text).is_some_and(|version| {
            let [major, ..] = version.numbers;
            major != TOOL_MAJOR
        })
    })
}

/// `MAJOR.MINOR.PATCH` with an optional `-PRE-RELEASE`, as OSCAL writes its versions.
#[derive(Debug, PartialEq, Eq)]
struct OscalVersion<'a> {
    numbers: [u64; 3],
    pre_release: Option<&'a str>,
}

impl<'a> OscalVersion<'a> {
    fn parse(text: &'a str) -> Option<OscalVersion<'a>> {
        let (core, pre_release) = match text.trim().split_once('-') {
            Some((core, pre)) => (core, Some(pre)),
            None => (text.trim(), None),
        };
        let mut pieces = core.split('.').map(|piece| piece.parse::<u64>().ok());
        let numbers = [pieces.next()??, pieces.next()??, pieces.next()??];
        if pieces.next().is_some() || pre_release.is_some_and(str::is_empty) {
            return None;
        }
        Some(OscalVersion {
            numbers,
            pre_release,
        })
    }
}

impl Ord for OscalVersion<'_> {
    /// Semantic-versioning precedence: numbers first, then a release above its pre-releases.
    fn cmp(&self, other: &Self) -> Ordering {
        self.numbers
            .cmp(&other.numbers)
            .then_with(|| match (self.pre_release, other.pre_release) {
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Greater,
                (Some(_), None) => Ordering::Less,
                (Some(a), Some(b)) => compare_pre_releases(a, b),
            })
    }
}

impl PartialOrd for OscalVersion<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Dot-separated identifiers one by one: numbers by value and below words, words by their text,
/// and a shorter list first when all before are equal.
fn compare_pre_releases(a: &str, b: &str) -> Ordering {
    let mut left = a.split('.');
    let mut right = b.split('.');
    loop {
        let order = match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(l), Some(r)) => match (l.parse::<u64>(), r.parse::<u64>()) {
                (Ok(l), Ok(r)) => l.cmp(&r),
                (Ok(_), Err(_)) => Ordering::Less,
                (Err(_), Ok(_)) => Ordering::Greater,
                (Err(_), Err(_)) => l.cmp(r),
            },
        };
        if order != Ordering::Equal {
            return order;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(versions: &[&str]) -> String {
        let owned: Vec<String> = versions.iter().map(|v| (*v).to_owned()).collect();
        resolved_oscal_version(&owned)
    }

    #[test]
    fn a_release_wins_over_any_pre_release() {
        assert_eq!(pick(&["1.0.0-rc2", "1.0.0"]), "1.0.0");
        assert_eq!(pick(&["1.0.0", "1.0.0-rc2"]), "1.0.0");
        assert_eq!(pick(&["1.1.0-rc1", "1.0.4"]), "1.0.4");
    }

    #[test]
    fn the_most_recent_version_is_taken() {
        assert_eq!(pick(&["1.0.4", "1.1.2", "1.0.10"]), "1.1.2");
        assert_eq!(pick(&["1.0.9", "1.0.10"]), "1.0.10");
        assert_eq!(pick(&["1.0.0-rc1", "1.0.0-rc2"]), "1.0.0-rc2");
        assert_eq!(pick(&["1.0.0-rc.2", "1.0.0-rc.10"]), "1.0.0-rc.10");
        assert_eq!(pick(&["1.0.0-milestone3", "1.0.0-rc1"]), "1.0.0-rc1");
    }

    #[test]
    fn unreadable_versions_count_only_when_nothing_else_is_there() {
        assert_eq!(pick(&["latest", "1.0.4"]), "1.0.4");
        assert_eq!(pick(&["1.0", "1.0.0.0"]), "1.0");
        assert_eq!(pick(&[]), "");
    }
}
