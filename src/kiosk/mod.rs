//! Kiosk behaviour as pure state machines: idle reset and attract loop, the admin corner,
//! PIN pad and admin screen, screen hours, and the presenter's slideshow. Each takes the time as an argument (seconds on any monotonic
//! clock), so tests step time instead of sleeping; nothing here knows egui or the pages.

pub mod admin_timer;
pub mod hours;
pub mod idle;
pub mod slideshow;
pub mod staff_door;
pub mod swipe;

/// How the program is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// A normal window on a laptop.
    #[default]
    Laptop,
    /// An unattended reception kiosk: full screen, idle reset, no way out without a PIN.
    Kiosk,
    /// A presentation: full screen slides for a clicker.
    Present,
}
