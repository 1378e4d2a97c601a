//! A system's need for availability against what a service commits to, with the arithmetic a
//! procurer should see: the monthly availability the system's level asks for (the SLA items of
//! its level say the same), the figure the service's registry entry states, the downtime each
//! allows in a 30-day month, and the pitfall of counting in user-minutes: an outage that hits a
//! tenth of the users may last ten times as long before the monthly figure notices.

use crate::level::Level;

/// Minutes in the 30-day month the figures are shown for.
pub const MONTH_MINUTES: f64 = 30.0 * 24.0 * 60.0;

/// The share of users the pitfall's example outage hits, in percent.
pub const PITFALL_SHARE_PERCENT: f64 = 10.0;

/// The monthly availability, in percent, a system of availability `level` asks of a service
/// (as its SLA items word it: 99.0 %, 99.5 %, 99.9 %).
pub fn needed_percent(level: Level) -> f64 {
    match level.get() {
        1 => 99.0,
        2 => 99.5,
        _ => 99.9,
    }
}

/// The first figure written as a percentage in `text` (`99.95%`, `99.9 %`, `９９．９％`), if any
/// lies between 0 and 100.
pub fn stated_percent(text: &str) -> Option<f64> {
    let normal: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            '．' => '.',
            '％' => '%',
            other => other,
        })
        .collect();
    // Each piece before a `%` ends with the figure it qualifies, if any.
    let pieces: Vec<&str> = normal.split('%').collect();
    let before_percent = pieces.len().saturating_sub(1);
    pieces.into_iter().take(before_percent).find_map(|piece| {
        let piece = piece.trim_end();
        let figure_starts = piece
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
            .last()
            .map(|(index, _)| index)?;
        let figure = piece.get(figure_starts..)?.trim_start_matches('.');
        figure
            .parse::<f64>()
            .ok()
            .filter(|value| (0.0..=100.0).contains(value))
    })
}

/// The minutes of downtime for every user a month at `percent` allows.
pub fn allowed_minutes(percent: f64) -> f64 {
    (100.0 - percent) / 100.0 * MONTH_MINUTES
}

/// What the procurer is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct AvailabilityFit {
    pub needed_percent: f64,
    pub needed_minutes: f64,
    /// The figure the service states, when its entry states one.
    pub committed_percent: Option<f64>,
    pub committed_minutes: Option<f64>,
    /// Whether the commitment reaches the need; unknown without a stated figure.
    pub meets: Option<bool>,
    /// How long one outage hitting [`PITFALL_SHARE_PERCENT`] of the users may last while the
    /// monthly figure still holds (at the commitment, else at the need).
    pub pitfall_minutes: f64,
}

/// The need of a system of availability `level` against a service whose entry states
/// `availability` (its text in either language).
pub fn availability_fit(level: Level, availability: &str) -> AvailabilityFit {
    let needed_percent = needed_percent(level);
    let committed_percent = stated_percent(availability);
    let basis = committed_percent.unwrap_or(needed_percent);
    AvailabilityFit {
        needed_percent,
        needed_minutes: allowed_minutes(needed_percent),
        committed_percent,
        committed_minutes: committed_percent.map(allowed_minutes),
        meets: committed_percent.map(|committed| committed >= needed_percent),
        pitfall_minutes: allowed_minutes(basis) * 100.0 / PITFALL_SHARE_PERCENT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sla_templates::SlaTemplates;

    #[test]
    fn the_need_follows_the_sla_items_of_each_level() {
        let templates = SlaTemplates::builtin();
        for level in Level::ALL {
            let need = format!("{:.1}", needed_percent(level));
            assert!(
                templates
                    .for_level(level)
                    .iter()
                    .any(|item| item.requirement.en.contains(&need)),
                "level {level}: {need}"
            );
        }
    }

    #[test]
    fn the_stated_figure_is_read_from_the_entry_in_either_language() {
        assert_eq!(
            stated_percent("Monthly availability of 99.95% or more in a multi-zone configuration"),
            Some(99.95)
        );
        assert_eq!(stated_percent("月間稼働率 99.9 % 以上"), Some(99.9));
        assert_eq!(stated_percent("月間稼働率９９．５％以上"), Some(99.5));
        assert_eq!(
            stated_percent("Version 2.0 of the SLA, 99.5% monthly"),
            Some(99.5)
        );
        assert_eq!(stated_percent("best effort"), None);
        assert_eq!(stated_percent("150% faster"), None);
    }

    #[test]
    fn the_arithmetic_and_its_pitfall() {
        let high = Level::new(3).unwrap();
        let fit = availability_fit(high, "Monthly availability of 99.95% or more");
        assert_eq!(fit.needed_percent, 99.9);
        assert!((fit.needed_minutes - 43.2).abs() < 1e-9);
        assert_eq!(fit.meets, Some(true));
        assert!((fit.committed_minutes.unwrap() - 21.6).abs() < 1e-9);
        // An outage of a tenth of the users may last ten times as long: 3.6 hours.
        assert!((fit.pitfall_minutes - 216.0).abs() < 1e-9);

        let short = availability_fit(high, "月間稼働率 99.5% 以上");
        assert_eq!(short.meets, Some(false));
        let unknown = availability_fit(Level::new(1).unwrap(), "best effort");
        assert_eq!(unknown.meets, None);
        assert!((unknown.pitfall_minutes - 4320.0).abs() < 1e-9);
    }
}
