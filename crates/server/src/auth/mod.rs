//! Building blocks of sign-in and sessions, each pure and tested on its own; the routes that
//! use them live with the store they need.

pub mod caller;
pub mod client_ip;
pub mod cookie;
pub mod csrf;
pub mod ip_range;
pub mod password;
pub mod rate_limit;
pub mod secret;
pub mod sign_in;
