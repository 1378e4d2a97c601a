//! The service's own schedule: the lifecycle run once when the service starts, then every day
//! at a configured time of day in Japan (`lifecycle_at`). Every instance keeps the schedule;
//! the job's lock lets one of them run at a time, and a run that finds the lock taken leaves
//! the work to the holder.

use std::time::Duration;

use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::moment::SCHEME_UTC_OFFSET_MS;
use tokio::task::JoinHandle;

use super::lifecycle::{self, Attempt};
use crate::state::AppState;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// A time of day on the scheme's calendar (Japan), to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyTime {
    hour: u8,
    minute: u8,
}

impl DailyTime {
    pub const fn at(hour: u8, minute: u8) -> DailyTime {
        DailyTime { hour, minute }
    }

    /// `HH:MM`, from `00:00` to `23:59`.
    pub fn parse(text: &str) -> Result<DailyTime, Bilingual> {
        let wrong = || {
            Bilingual::new(
                format!(
                    "「{text}」は 03:00 のような時刻ではありません（00:00〜23:59、または off）"
                ),
                format!("\"{text}\" is not a time of day such as 03:00 (00:00 to 23:59, or off)"),
            )
        };
        let (hour, minute) = text.split_once(':').ok_or_else(wrong)?;
        if hour.len() != 2 || minute.len() != 2 {
            return Err(wrong());
        }
        let hour: u8 = hour.parse().map_err(|_| wrong())?;
        let minute: u8 = minute.parse().map_err(|_| wrong())?;
        if hour > 23 || minute > 59 {
            return Err(wrong());
        }
        Ok(DailyTime { hour, minute })
    }

    fn offset_ms(self) -> i64 {
        (i64::from(self.hour) * 60 + i64::from(self.minute)) * 60_000
    }

    /// How long from `now_ms` until this time next comes in Japan (a full day when it is now).
    pub fn wait_from(self, now_ms: i64) -> Duration {
        let local = now_ms + SCHEME_UTC_OFFSET_MS;
        let into_day = local.rem_euclid(DAY_MS);
        let mut wait = self.offset_ms() - into_day;
        if wait <= 0 {
            wait += DAY_MS;
        }
        Duration::from_millis(u64::try_from(wait).unwrap_or(0))
    }
}

impl std::fmt::Display for DailyTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// Runs the lifecycle now, for today in Japan, and says what came of it in the service's log.
pub async fn run_now(state: &AppState) {
    let now_ms = state.wall.now_ms();
    let as_of = Moment::at(now_ms).date();
    let options = lifecycle::RunOptions {
        as_of,
        at_ms: now_ms,
        dry_run: false,
        mail: state.outbox.mails(),
    };
    match lifecycle::run(&state.store, options).await {
        Ok(Attempt::Ran(run)) => {
            state.outbox.committed();
            tracing::info!(
                %as_of,
                changes = run.changes.len(),
                notifications = run.notifications.len(),
                "lifecycle run"
            );
        }
        Ok(Attempt::Busy) => {
            tracing::info!(%as_of, "lifecycle run left to the instance running it now");
        }
        Err(error) => tracing::error!(%as_of, %error, "lifecycle run failed"),
    }
}

/// Starts the schedule: a run now, then one every day at `at`. `None` keeps no schedule (the
/// job is then run with `shinrai lifecycle run`).
pub fn spawn(state: AppState, at: Option<DailyTime>) -> Option<JoinHandle<()>> {
    let at = at?;
    Some(tokio::spawn(async move {
        loop {
            run_now(&state).await;
            tokio::time::sleep(at.wait_from(state.wall.now_ms())).await;
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_of_day_are_read_and_waited_for_in_japan() {
        assert_eq!(DailyTime::parse("03:00").unwrap(), DailyTime::at(3, 0));
        assert_eq!(DailyTime::parse("23:59").unwrap().to_string(), "23:59");
        for wrong in ["3:00", "24:00", "12:60", "noon", "03-00", "03:00:00"] {
            assert!(DailyTime::parse(wrong).is_err(), "{wrong}");
        }
        // 2026-12-03T17:30:00Z is 02:30 on 12-04 in Japan: 03:00 comes in half an hour.
        let now = 1_796_319_000_000;
        assert_eq!(
            DailyTime::at(3, 0).wait_from(now),
            Duration::from_secs(30 * 60)
        );
        // 02:00 has passed: tomorrow, 23 and a half hours on.
        assert_eq!(
            DailyTime::at(2, 0).wait_from(now),
            Duration::from_secs(23 * 3600 + 30 * 60)
        );
        // Exactly now: a day on, never at once again.
        assert_eq!(
            DailyTime::at(2, 30).wait_from(now),
            Duration::from_secs(24 * 3600)
        );
    }
}
