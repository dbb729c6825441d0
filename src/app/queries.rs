//! What the app shows, for tests, screen readers' checks and the shell: the page, the
//! language, the content and its reload, the settings, and each mode's state.

use super::mode::ModeState;
use super::{KioskApp, ReloadStatus, Settings};
use crate::content::{Content, LangId};
use crate::kiosk::Mode;
use crate::kiosk::idle::IdleState;
use crate::navigation::Page;

impl KioskApp {
    /// The page on screen.
    pub fn page(&self) -> Page {
        self.view.nav.current()
    }

    /// The language on screen.
    pub fn language(&self) -> LangId {
        self.view.lang
    }

    /// The content on screen.
    pub fn content(&self) -> &Content {
        self.live.content()
    }

    /// How many images have been decoded so far.
    pub fn image_decode_count(&self) -> usize {
        self.live.images().decode_count()
    }

    /// How the content image at `path` (as the content names it) was last drawn.
    pub fn image_shown(&self, path: &str) -> Option<crate::widgets::picture::ImageShown> {
        self.live.images().shown(path)
    }

    /// How the last content reload went.
    pub fn reload_status(&self) -> &ReloadStatus {
        self.live.status()
    }

    /// The reading settings in force.
    pub fn settings(&self) -> Settings {
        self.view.settings
    }

    /// Whether the reading settings' panel is open.
    pub fn is_settings_panel_open(&self) -> bool {
        self.view.settings_open
    }

    /// The mode the app runs in.
    pub fn mode(&self) -> Mode {
        self.mode.mode()
    }

    /// The idle state at egui time `now` (kiosk mode only).
    pub fn idle_state(&self, now: f64) -> Option<IdleState> {
        match &self.mode {
            ModeState::Kiosk(session) => Some(session.idle_state(now)),
            _ => None,
        }
    }

    /// Whether the admin PIN pad is open.
    pub fn is_admin_pad_open(&self) -> bool {
        matches!(&self.mode, ModeState::Kiosk(session) if session.is_pad_open())
    }

    /// Whether the admin screen is open, and whether the screen is black (screen hours).
    pub fn admin_state(&self) -> (bool, bool) {
        match &self.mode {
            ModeState::Kiosk(s) => (s.is_admin_open(), s.is_dark()),
            _ => (false, false),
        }
    }

    /// Whether slow work of the admin screen (a search, check, copy or export) is under way.
    pub fn is_admin_busy(&self) -> bool {
        matches!(&self.mode, ModeState::Kiosk(s)
            if s.admin().state().is_some_and(|a| a.work.is_some()))
    }

    /// Whether the app has asked to close (staff left the kiosk).
    pub fn is_exiting(&self) -> bool {
        self.process.exiting
    }

    /// The slide on screen and how many there are (presenter mode only).
    pub fn slide(&self) -> Option<(usize, usize)> {
        match &self.mode {
            ModeState::Present(presenter) => Some(presenter.position()),
            _ => None,
        }
    }

    /// Whether the presenter blanked the screen.
    pub fn is_blank(&self) -> bool {
        matches!(&self.mode, ModeState::Present(presenter) if presenter.is_blank())
    }
}
