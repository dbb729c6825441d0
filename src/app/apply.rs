//! The one door: every command of a frame applied in order, each in [`KioskApp::apply`],
//! the only place the page, slide, language, settings, content, admin pad, admin screen or
//! window state change.

use std::collections::VecDeque;
use std::sync::Arc;

use eframe::egui::{self, ViewportCommand};

use super::mode::ModeState;
use super::{KioskApp, MAX_COMMANDS_A_FRAME, Opening, language_for};
use crate::command::{Command, WindowRequest};

impl KioskApp {
    /// Applies the frame's commands in order, each followed by the commands it asks for.
    pub(super) fn apply_all(&mut self, ctx: &egui::Context, commands: Vec<Command>, now: f64) {
        let mut queue: VecDeque<Command> = commands.into();
        let mut applied = 0;
        while let Some(command) = queue.pop_front() {
            applied += 1;
            if applied > MAX_COMMANDS_A_FRAME {
                tracing::error!(
                    "more than {MAX_COMMANDS_A_FRAME} commands in one frame; the rest wait"
                );
                break;
            }
            queue.extend(self.apply(ctx, &command, now));
        }
    }

    /// Applies one command: the only place the page, slide, language, settings, content,
    /// admin pad, admin screen or window state change. Returns the commands that follow
    /// from it.
    ///
    /// Named exceptions, each of which is not a change of state: the kiosk's state machines
    /// watch the input and the clock in `observe` (their timers); the zoom is derived from
    /// the screen's size each frame ([`layout::fit_zoom`]); a page's first frame starts at the
    /// top (`Opening::scroll_to_top`, a latch its first frame takes); the usage figures are
    /// handed to their writer once a minute.
    fn apply(&mut self, ctx: &egui::Context, command: &Command, now: f64) -> Vec<Command> {
        let before = self.shown();
        let mut follow = Vec::new();
        let opened = match (&mut self.mode, command) {
            (ModeState::Present(presenter), _) => presenter.apply(command, now),
            (_, Command::Next) => self.view.nav.go(self.view.nav.current().next()),
            (_, Command::Previous) => self.view.nav.go(self.view.nav.current().previous()),
            _ => false,
        };
        if matches!(
            command,
            Command::Go(_) | Command::Next | Command::Previous | Command::SetLanguage(_)
        ) {
            // The reading settings' panel was for the page it was opened on.
            self.view.settings_open = false;
        }
        match command {
            Command::Go(page) if self.view.nav.go(*page) => self.open(now),
            Command::SetLanguage(lang) if lang.0 < self.content().languages.len() => {
                self.view.lang = *lang;
            }
            Command::Toggle(setting) => {
                self.view
                    .settings
                    .set(*setting, !self.view.settings.get(*setting));
                self.restyle(ctx);
            }
            Command::SettingsPanel(open) => self.view.settings_open = *open,
            Command::ChartView(chart, table) => {
                if *table {
                    self.view.charts_as_tables.insert(*chart);
                } else {
                    self.view.charts_as_tables.remove(chart);
                }
            }
            Command::Reset => {
                self.view.nav.reset();
                self.view.lang =
                    language_for(self.live.content(), self.view.start_language.as_deref());
                self.view.settings = self.view.start_settings;
                self.view.settings_open = false;
                self.view.charts_as_tables.clear();
                self.restyle(ctx);
                // Nobody is watching (the attract loop covers Home): no opening animation.
                self.view.opening = Opening {
                    at: f64::NEG_INFINITY,
                    scroll_to_top: true,
                };
            }
            Command::ShowContent(content) => self.replace_content(ctx, Arc::clone(content)),
            Command::Admin(admin) => follow.extend(self.apply_admin(ctx, *admin, now)),
            Command::Exit => {
                tracing::info!("leaving");
                self.process.exiting = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Command::ToggleFullscreen => {
                let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(!fullscreen));
            }
            Command::HideCursor => ctx.send_viewport_cmd(ViewportCommand::CursorVisible(false)),
            Command::HoldScreen(request) => ctx.send_viewport_cmd(match request {
                WindowRequest::Close => ViewportCommand::CancelClose,
                WindowRequest::LeaveFullScreen => ViewportCommand::Fullscreen(true),
                WindowRequest::Minimise => ViewportCommand::Minimized(false),
            }),
            _ => {}
        }
        if let ModeState::Kiosk(session) = &mut self.mode {
            follow.extend(session.apply(command, now));
        }
        if opened {
            self.open(now);
        }
        let after = self.shown();
        self.usage
            .record(command, before, after, self.live.content(), now);
        follow
    }
}
