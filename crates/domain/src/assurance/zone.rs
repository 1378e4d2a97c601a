//! The four zones of the map, cut by the baseline on both axes.

use serde::{Deserialize, Serialize};

use super::scheme::AssuranceScheme;
use crate::text::Bilingual;

/// Where a scheme stands against the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    /// ① Neither expected nor assuring enough.
    BelowBaseline,
    /// ② Expected to assure enough, but does not.
    OverExpected,
    /// ③ Assures enough, but is little known or trusted.
    UnderRecognised,
    /// ④ Expected and assuring enough: of use in practice.
    Practical,
}

impl Zone {
    /// In the order of their numbers.
    pub const ALL: [Zone; 4] = [
        Zone::BelowBaseline,
        Zone::OverExpected,
        Zone::UnderRecognised,
        Zone::Practical,
    ];

    /// The code used in files and addresses.
    pub fn code(self) -> &'static str {
        match self {
            Zone::BelowBaseline => "below_baseline",
            Zone::OverExpected => "over_expected",
            Zone::UnderRecognised => "under_recognised",
            Zone::Practical => "practical",
        }
    }

    /// Reads a code without regard to case or surrounding white space.
    pub fn from_code(code: &str) -> Option<Zone> {
        Zone::ALL
            .into_iter()
            .find(|zone| zone.code().eq_ignore_ascii_case(code.trim()))
    }

    /// 1 to 4, as the model numbers them.
    pub fn number(self) -> u8 {
        match self {
            Zone::BelowBaseline => 1,
            Zone::OverExpected => 2,
            Zone::UnderRecognised => 3,
            Zone::Practical => 4,
        }
    }

    /// The circled number readers know the zone by: ① to ④.
    pub fn mark(self) -> &'static str {
        match self {
            Zone::BelowBaseline => "①",
            Zone::OverExpected => "②",
            Zone::UnderRecognised => "③",
            Zone::Practical => "④",
        }
    }

    pub fn title(self) -> Bilingual {
        match self {
            Zone::BelowBaseline => Bilingual::new("ベースライン未満", "Below the baseline"),
            Zone::OverExpected => Bilingual::new("期待が過大", "Over-expected"),
            Zone::UnderRecognised => Bilingual::new("認知が不足", "Under-recognised"),
            Zone::Practical => Bilingual::new("実用的", "Practical"),
        }
    }

    /// What standing in the zone means, in one sentence.
    pub fn meaning(self) -> Bilingual {
        match self {
            Zone::BelowBaseline => Bilingual::new(
                "利用者の期待も実際の保証も、この分野のベースラインに届いていません。",
                "Users expect little of it, and it assures less than the field's baseline.",
            ),
            Zone::OverExpected => Bilingual::new(
                "利用者は多くを期待していますが、実際の保証はベースラインに届いていません。",
                "Users expect much of it, yet what it assures stays below the baseline.",
            ),
            Zone::UnderRecognised => Bilingual::new(
                "ベースライン以上を保証しうるのに、知られていないか信頼されておらず、期待が低いままです。",
                "It can assure the baseline or more, but few know or trust it, so little is expected of it.",
            ),
            Zone::Practical => Bilingual::new(
                "期待も保証もベースラインに達しており、事業者選びに実際に役立ちます。",
                "Both what users expect and what it assures reach the baseline: it serves in practice.",
            ),
        }
    }
}

/// The zone of a point on the map.
///
/// The baseline cuts both axes. A value at the baseline has reached it (the model counts a
/// scheme that assures the baseline "or more" as reaching it), so:
/// - actual < baseline, expected < baseline → ① below the baseline;
/// - actual < baseline, expected ≥ baseline → ② over-expected;
/// - actual ≥ baseline, expected < baseline → ③ under-recognised;
/// - actual ≥ baseline, expected ≥ baseline → ④ practical.
pub fn zone_at(expected: u8, actual: u8, baseline: u8) -> Zone {
    match (expected >= baseline, actual >= baseline) {
        (false, false) => Zone::BelowBaseline,
        (true, false) => Zone::OverExpected,
        (false, true) => Zone::UnderRecognised,
        (true, true) => Zone::Practical,
    }
}

/// The zone a scheme stands in against `baseline` (see [`zone_at`]).
pub fn zone(scheme: &AssuranceScheme, baseline: u8) -> Zone {
    zone_at(scheme.expected, scheme.actual, baseline)
}
