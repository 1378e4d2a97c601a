//! Monthly availability and service credits, counted in user-minutes.
//!
//! The pitfall this rule exists to show: a long outage that hits a few users barely moves the
//! monthly figure, so an SLA can be met while those users lost a whole working day.

use serde::Serialize;

use crate::case::{CaseError, Node, Pointer, Problem, Read};
use crate::text::Bilingual;

pub const MINUTES_PER_DAY: u64 = 1440;
pub const MAX_USERS: u64 = 1_000_000_000;
pub const MAX_DAYS: u64 = 31;
/// The longest outage of any month: 31 days.
pub const MAX_OUTAGE_MINUTES: u64 = MAX_DAYS * MINUTES_PER_DAY;
/// Most outages one month may list; an outage every five minutes of a 31-day month would be
/// 8,928.
pub const MAX_OUTAGES: usize = 10_000;
/// Most credit tiers: SLAs have three or four.
pub const MAX_CREDIT_TIERS: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outage {
    pub minutes: u64,
    pub affected_users: u64,
}

/// Availability strictly below `below` percent earns `credit_percent` of the monthly fee back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CreditTier {
    pub below: f64,
    pub credit_percent: u64,
}

pub fn default_credit_tiers() -> Vec<CreditTier> {
    vec![
        CreditTier {
            below: 99.9,
            credit_percent: 25,
        },
        CreditTier {
            below: 99.0,
            credit_percent: 50,
        },
        CreditTier {
            below: 95.0,
            credit_percent: 100,
        },
    ]
}

#[derive(Debug, Clone, PartialEq)]
pub struct AvailabilityCase {
    pub users: u64,
    pub days: u64,
    pub outages: Vec<Outage>,
    pub credit_tiers: Vec<CreditTier>,
}

impl AvailabilityCase {
    pub fn read(node: &Node<'_>) -> Read<AvailabilityCase> {
        let users = node.field("users", |n| n.integer(1, MAX_USERS))?;
        let days = node.field("days", |n| n.integer(1, MAX_DAYS))?;
        let month_minutes = days * MINUTES_PER_DAY;
        let outages = node.field("outages", |list| {
            list.items(MAX_OUTAGES, |item| {
                Ok(Outage {
                    minutes: item.field("minutes", |n| {
                        let minutes = n.integer(0, MAX_OUTAGE_MINUTES)?;
                        if minutes > month_minutes {
                            return Err(n.error(Problem::Inconsistent(Bilingual::new(
                                format!("停止時間 {minutes} 分が期間全体の {month_minutes} 分を超えています"),
                                format!("an outage of {minutes} minutes is longer than the {month_minutes}-minute month"),
                            ))));
                        }
                        Ok(minutes)
                    })?,
                    affected_users: item.field("affected_users", |n| {
                        let affected = n.integer(0, MAX_USERS)?;
                        if affected > users {
                            return Err(n.error(Problem::Inconsistent(Bilingual::new(
                                format!("影響を受けた利用者 {affected} 人が利用者数 {users} 人を超えています"),
                                format!("{affected} affected users is more than the {users} users"),
                            ))));
                        }
                        Ok(affected)
                    })?,
                })
            })
        })?;
        let case = AvailabilityCase {
            users,
            days,
            outages,
            credit_tiers: node
                .optional("credit_tiers", |list| {
                    list.items(MAX_CREDIT_TIERS, |tier| {
                        Ok(CreditTier {
                            below: tier.field("below", |n| n.number(0.0, 100.0))?,
                            credit_percent: tier.field("credit_percent", |n| n.integer(0, 100))?,
                        })
                    })
                })?
                .unwrap_or_else(default_credit_tiers),
        };
        if case.downtime_user_minutes() > u128::from(case.user_minutes()) {
            return Err(CaseError::new(
                Pointer::root().key("outages"),
                Problem::Inconsistent(Bilingual::new(
                    "停止時間の合計（利用者×分）が期間全体の利用者×分を超えています。重なった停止を二重に数えていないか確認してください",
                    "the outages add up to more user-minutes than the month has; check for overlapping outages counted twice",
                )),
            ));
        }
        Ok(case)
    }

    pub fn month_minutes(&self) -> u64 {
        self.days * MINUTES_PER_DAY
    }

    pub fn user_minutes(&self) -> u64 {
        self.month_minutes() * self.users
    }

    fn downtime_user_minutes(&self) -> u128 {
        self.outages
            .iter()
            .map(|outage| u128::from(outage.minutes) * u128::from(outage.affected_users))
            .sum()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Availability {
    #[serde(skip)]
    pub users: u64,
    #[serde(skip)]
    pub days: u64,
    pub user_minutes: u64,
    pub downtime_user_minutes: u64,
    pub availability_percent: f64,
    /// What the figure would be had every outage hit every user.
    pub naive_availability_percent: f64,
    pub credit_percent: u64,
    /// The longest single outage, in minutes.
    pub longest_outage_minutes: u64,
    /// The month as seen by one user hit by the longest outage.
    pub affected_user_availability_percent: f64,
    /// The credit the tiers would give if that user's month were measured alone.
    pub affected_user_credit_percent: u64,
}

/// `(total − lost) / total × 100`, dividing last so the result is the correctly rounded quotient
/// of two exact integers (a figure of exactly 99.9 % must not earn the 99.9 % tier).
fn percent_up(total: u64, lost: u64) -> f64 {
    if total == 0 {
        return 100.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let (up, all) = ((total - lost.min(total)) as f64, total as f64);
    up * 100.0 / all
}

fn credit(percent: f64, tiers: &[CreditTier]) -> u64 {
    tiers
        .iter()
        .filter(|tier| percent < tier.below)
        .map(|tier| tier.credit_percent)
        .max()
        .unwrap_or(0)
}

pub fn availability(case: &AvailabilityCase) -> Availability {
    let user_minutes = case.user_minutes();
    // Reading guarantees the downtime fits within the user-minutes.
    let downtime = u64::try_from(case.downtime_user_minutes()).unwrap_or(user_minutes);
    let naive_downtime = case
        .outages
        .iter()
        .map(|outage| u128::from(outage.minutes) * u128::from(case.users))
        .sum::<u128>()
        .min(u128::from(user_minutes));
    let naive_downtime = u64::try_from(naive_downtime).unwrap_or(user_minutes);
    let availability_percent = percent_up(user_minutes, downtime);
    let longest = case
        .outages
        .iter()
        .filter(|outage| outage.affected_users > 0)
        .map(|outage| outage.minutes)
        .max()
        .unwrap_or(0);
    let affected_user_availability_percent = percent_up(case.month_minutes(), longest);
    Availability {
        users: case.users,
        days: case.days,
        user_minutes,
        downtime_user_minutes: downtime,
        availability_percent,
        naive_availability_percent: percent_up(user_minutes, naive_downtime),
        credit_percent: credit(availability_percent, &case.credit_tiers),
        longest_outage_minutes: longest,
        affected_user_availability_percent,
        affected_user_credit_percent: credit(
            affected_user_availability_percent,
            &case.credit_tiers,
        ),
    }
}
