//! The jobs the service runs on the calendar: today the lifecycle run (expiry and cascade). The
//! same function serves `shinrai lifecycle run` and the service's own schedule.

pub mod lifecycle;
pub mod schedule;
