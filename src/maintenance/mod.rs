//! The admin screen's work that needs no screen: content folders on USB sticks and their
//! check ([`usb`]), installing one into the kiosk's content place with a backup and undo
//! ([`install`]), the settings staff make there, kept across restarts ([`saved`]), the
//! usage figures as charts and CSV ([`usage`]), restarting in place ([`restart`]), what the
//! screen shows ([`screen`]) and its built-in words ([`words`]).
//! The slow parts run off the UI thread as [`jobs`]. Nothing here knows egui.

pub mod install;
pub mod jobs;
pub mod restart;
pub mod saved;
pub mod screen;
pub mod usage;
pub mod usb;
pub mod words;
