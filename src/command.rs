//! [`Command`]: every change of page, slide, language, content, blanking, admin pad, admin
//! screen or window state, collected while a frame is drawn and applied once, in one place,
//! at its end.

use std::sync::Arc;

use crate::content::{Content, LangId};
use crate::kiosk::admin_timer::Panel;
use crate::kiosk::hours::ScreenHours;
use crate::kiosk::staff_door::PadKey;
use crate::navigation::Page;
use crate::stats::HourKey;
use crate::theme::Setting;

/// A change to the whole app. Pages, widgets, keys, swipes, the content's reload and the
/// kiosk's timers only ask for changes; the app shell applies them (`app::KioskApp::apply`),
/// and applying one may ask for more.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show a page.
    Go(Page),
    /// Show the next page, or the next slide when presenting.
    Next,
    /// Show the previous page, or the previous slide when presenting.
    Previous,
    /// Presenting: the slideshow's interval is up; show the next slide (the first after the
    /// last) unless the presenter acted meanwhile.
    AutoAdvance,
    /// Presenting: show the first slide.
    FirstSlide,
    /// Presenting: black out the screen, or bring it back.
    ToggleBlank,
    /// Presenting: the presenter pressed a key, so auto-advance waits a while.
    HoldSlideshow,
    /// Switch language.
    SetLanguage(LangId),
    /// Turn a reading setting on or off.
    Toggle(Setting),
    /// Open or close the reading settings' panel.
    SettingsPanel(bool),
    /// Show the chart with this index as a table (true) or as a chart (false).
    ChartView(usize, bool),
    /// Back to the start: Home, the start language and settings, scrolled to the top, with
    /// any staff screen closed.
    Reset,
    /// Kiosk: the first touch after the kiosk started or after the attract loop: a
    /// visitor's session begins (for the usage figures).
    SessionStart,
    /// Kiosk: the idle reset (or the end of the program) ends the visitor's session, which
    /// lasted `secs` seconds from its first touch to its last (for the usage figures).
    SessionEnd {
        /// From the first touch to the last, in whole seconds.
        secs: u64,
        /// The hour it started in, which it is filed under; `None` when the clock is wrong.
        hour: Option<HourKey>,
    },
    /// Kiosk: a layer takes every touch until the finger lifts, so the touch that woke the
    /// kiosk or dismissed the warning does nothing else.
    BlockTouches,
    /// Kiosk: the finger lifted; touches reach the screen again.
    UnblockTouches,
    /// Kiosk: hide the mouse cursor (once the window exists).
    HideCursor,
    /// Show this content in place of the one on screen (a saved change reloaded, or content
    /// installed from a stick), on the same page and, if it has it, in the same language.
    ShowContent(Arc<Content>),
    /// Kiosk: the admin corner was held; open the PIN pad.
    OpenAdminPad,
    /// Kiosk: a key on the PIN pad.
    Pad(PadKey),
    /// Kiosk: close the PIN pad.
    CloseAdminPad,
    /// Kiosk: a change on the admin screen (open after the right PIN).
    Admin(AdminCommand),
    /// Leave the app (staff chose "Leave the kiosk").
    Exit,
    /// Laptop: full screen on or off.
    ToggleFullscreen,
    /// Kiosk and presenter: undo what the window manager asked of the window (close,
    /// leave full screen, minimise): the screen stays the kiosk's.
    HoldScreen(WindowRequest),
}

/// What a window manager may ask of a kiosk or presenter window, which it refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowRequest {
    /// Close the window.
    Close,
    /// Leave full screen.
    LeaveFullScreen,
    /// Minimise the window.
    Minimise,
}

/// A change on the admin screen, applied by `app::admin`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminCommand {
    /// Show a panel.
    Show(Panel),
    /// Close the admin screen (staff touched Close, or a minute passed without a touch).
    Close,
    /// Look for content folders on USB sticks again.
    FindSticks,
    /// Check the content folder with this index in the list found.
    Choose(usize),
    /// Install the chosen folder, if it is valid.
    Install,
    /// Bring back the previous content.
    Undo,
    /// Set the screen hours (`None`: always on), kept across restarts.
    SetHours(Option<ScreenHours>),
    /// Show the usage figures of the last this many days.
    UsageSpan(u16),
    /// Write the usage figures shown as CSV to a USB stick.
    ExportUsage,
    /// Stop the slow work under way (a check, a copy, an export).
    CancelWork,
    /// The slow work under way has its result: show it.
    WorkDone,
    /// Restart the kiosk program.
    Restart,
    /// Leave the kiosk: the program ends (under systemd, the unit starts it again).
    Leave,
}
