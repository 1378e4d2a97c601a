//! Audit bodies' applications to be selected (選定申請) and the operator's decisions on them.

pub mod actions;
pub mod api;
pub(crate) mod apply_form;
pub(crate) mod page;
pub mod views;
