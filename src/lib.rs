//! office-kiosk: a touch-first, offline information kiosk for an IOM country office.
//!
//! Everything it shows comes from one RON [`content`] file and its images; the Belize
//! office's content is embedded as the default. The app shell is [`app::KioskApp`]; tests
//! build it exactly as the binary does.
//!
//! The modules are layers: each may use only those below it. The order is written once, in
//! the README's architecture section, and `tests/layers.rs` fails when an import runs up.

pub mod app;
pub mod check;
pub mod cli;
pub mod clock;
mod command;
pub mod content;
pub mod fit;
pub mod kiosk;
pub mod logging;
pub mod maintenance;
pub mod navigation;
pub mod pages;
pub mod paths;
pub mod pin;
pub mod platform;
pub mod service;
pub mod stats;
pub mod theme;
pub mod widgets;

pub use app::{AppOptions, KioskApp};
