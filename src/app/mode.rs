//! `ModeState`: the one place the mode is held, each variant owning what only that mode
//! needs.

use eframe::egui;

use super::kiosk_session::KioskSession;
use super::options::ModeOptions;
use super::presenter::Presenter;
use crate::command::{Command, WindowRequest};
use crate::content::Content;
use crate::kiosk::Mode;
use crate::navigation::Page;

/// The mode the app runs in, with its state.
pub(crate) enum ModeState {
    /// A normal window on a laptop: nothing more to hold.
    Laptop,
    /// An unattended reception kiosk.
    Kiosk(Box<KioskSession>),
    /// Slides for a projector.
    Present(Presenter),
}

impl ModeState {
    /// The mode `options` ask for, starting at `now`.
    pub fn new(
        options: ModeOptions,
        content: &Content,
        start: Page,
        now: f64,
        clock: &crate::clock::WallClock,
    ) -> Self {
        match options {
            ModeOptions::Laptop => Self::Laptop,
            ModeOptions::Kiosk(kiosk) => {
                Self::Kiosk(Box::new(KioskSession::new(kiosk, now, clock.clone())))
            }
            ModeOptions::Present(present) => {
                Self::Present(Presenter::new(present, content, start, now))
            }
        }
    }

    /// Which mode this is.
    pub fn mode(&self) -> Mode {
        match self {
            Self::Laptop => Mode::Laptop,
            Self::Kiosk(_) => Mode::Kiosk,
            Self::Present(_) => Mode::Present,
        }
    }

    /// Kiosk and presenter windows do not close, leave full screen or minimise on request:
    /// asks to undo each such request seen this frame.
    pub fn window_requests(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if matches!(self, Self::Laptop) {
            return;
        }
        let (close, fullscreen, minimized) = ctx.input(|i| {
            let v = i.viewport();
            (v.close_requested(), v.fullscreen, v.minimized)
        });
        let requests = [
            (close, WindowRequest::Close),
            (fullscreen == Some(false), WindowRequest::LeaveFullScreen),
            (minimized == Some(true), WindowRequest::Minimise),
        ];
        for (asked, request) in requests {
            if asked {
                commands.push(Command::HoldScreen(request));
            }
        }
    }

    /// Seconds from `now` until the screen changes by itself, if it will.
    pub fn secs_until_change(&self, now: f64) -> Option<f64> {
        match self {
            Self::Laptop => None,
            Self::Kiosk(session) => Some(session.secs_until_change(now)),
            Self::Present(presenter) => presenter.secs_until_change(now),
        }
    }
}
