//! office-kiosk: a touch-first, offline information kiosk for an IOM country office.
//!
//! Everything it shows comes from one RON [`content`] file and its images; the Belize
//! office's content is embedded as the default. The app shell is [`app::KioskApp`]; tests
//! build it exactly as the binary does.

pub mod admin;
pub mod app;
pub mod cli;
pub mod clock;
mod command;
pub mod content;
pub mod fit;
pub mod kiosk;
pub mod logging;
pub mod navigation;
pub mod pages;
pub mod paths;
pub mod platform;
pub mod service;
pub mod stats;
pub mod theme;
pub mod widgets;

pub use app::{AppOptions, KioskApp};
