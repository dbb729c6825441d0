//! Counting the usage figures during a run ([`crate::stats`]): `KioskApp::apply` shows
//! [`UsageCounter`] every command with what was on screen before and after it, and the
//! counter files what a visitor did under the hour of the wall clock.
//!
//! What counts, by mode:
//! - **kiosk**: a session from the first touch after the kiosk started or after the attract
//!   loop (`Command::SessionStart`) to the idle reset or the end (`Command::SessionEnd`, with
//!   its length from that first touch to the last one and the hour it started in, both
//!   tracked by the kiosk's session alone); the page a session starts on (Home) and
//!   every page opened; every language chosen; every reading setting turned on.
//! - **laptop**: the same without sessions (there is no idle reset to end one), and the
//!   page the window opens on.
//! - **presenter**: nothing; slides are moved by staff, not chosen by visitors.
//!
//! A clock earlier than the program's build is wrong: nothing is counted under it. The new
//! figures go to the file's writer at most once a minute, and when the app ends.

use std::path::PathBuf;

use eframe::egui;

use super::options::ModeOptions;
use crate::clock::WallClock;
use crate::command::Command;
use crate::content::{Content, LangId};
use crate::navigation::Page;
use crate::stats::HourKey;
use crate::stats::store::{LastWords, Pending, Writer};
use crate::theme::Settings;

/// The shortest time between two hand-overs to the writer, in seconds.
const WRITE_EVERY_SECS: f64 = 60.0;

/// What was on screen around a command.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shown {
    pub page: Page,
    pub lang: LangId,
    pub settings: Settings,
}

/// Counts what visitors do while the app runs; does nothing when not counting.
pub(crate) struct UsageCounter {
    counting: Option<Counting>,
}

/// The counter at work.
struct Counting {
    clock: WallClock,
    /// Whether sessions are counted (kiosk mode).
    sessions: bool,
    /// Figures not yet handed to the writer (shared with the leave that runs without a
    /// frame, `terminate`).
    pending: Pending,
    /// When figures were last handed over (egui time), and the last time seen.
    sent_at: f64,
    last_seen: f64,
    writer: Writer,
}

impl UsageCounter {
    /// A counter writing to `file` (none when `None`) for the app in `mode`, starting at
    /// egui time `now` on `start_page`.
    pub fn new(
        file: Option<PathBuf>,
        mode: &ModeOptions,
        clock: WallClock,
        start_page: Page,
        now: f64,
    ) -> Self {
        let sessions = match mode {
            ModeOptions::Present(_) => return Self { counting: None },
            ModeOptions::Laptop => false,
            ModeOptions::Kiosk(_) => true,
        };
        let Some(file) = file else {
            return Self { counting: None };
        };
        let writer = match Writer::spawn(file, clock.clone()) {
            Ok(writer) => writer,
            Err(e) => {
                tracing::warn!("cannot start the usage writer ({e}); usage is not counted");
                return Self { counting: None };
            }
        };
        let counting = Counting {
            clock,
            sessions,
            pending: writer.pending().clone(),
            sent_at: now,
            last_seen: now,
            writer,
        };
        if !sessions {
            // A laptop window: its first page is seen at once.
            if let Some(hour) = counting.hour() {
                counting
                    .pending
                    .count(|u| u.page_view(hour, start_page.slug()));
            }
        }
        Self {
            counting: Some(counting),
        }
    }

    /// Counts what `command`, applied at egui time `now`, did: `before` and `after` are
    /// what was shown around it.
    pub fn record(
        &mut self,
        command: &Command,
        before: Shown,
        after: Shown,
        content: &Content,
        now: f64,
    ) {
        let Some(counting) = &mut self.counting else {
            return;
        };
        counting.last_seen = now;
        match command {
            Command::SessionStart if counting.sessions => {
                if let Some(hour) = counting.hour() {
                    counting
                        .pending
                        .count(|u| u.page_view(hour, after.page.slug()));
                }
            }
            Command::SessionEnd {
                secs,
                hour: Some(hour),
            } if counting.sessions => counting.pending.count(|u| u.session(*hour, *secs)),
            Command::Go(_) | Command::Next | Command::Previous if after.page != before.page => {
                if let Some(hour) = counting.hour() {
                    counting
                        .pending
                        .count(|u| u.page_view(hour, after.page.slug()));
                }
            }
            Command::SetLanguage(_) if after.lang != before.lang => {
                if let Some(hour) = counting.hour() {
                    let code = &content.language(after.lang).code;
                    counting.pending.count(|u| u.language(hour, code));
                }
            }
            Command::Toggle(setting) if after.settings.get(*setting) => {
                if let Some(hour) = counting.hour() {
                    counting
                        .pending
                        .count(|u| u.setting(hour, setting.storage_key()));
                }
            }
            _ => {}
        }
    }

    /// Once a frame: hands the new figures to the writer when the last hand-over is a
    /// minute old, or asks for a frame when it will be.
    pub fn tick(&mut self, ctx: &egui::Context, now: f64) {
        let Some(counting) = &mut self.counting else {
            return;
        };
        counting.last_seen = now;
        if counting.pending.is_empty() {
            return;
        }
        let due_in = counting.sent_at + WRITE_EVERY_SECS - now;
        if due_in <= 0.0 {
            counting.send(now);
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(due_in));
        }
    }
}

impl Counting {
    /// The hour to file a count under, unless the clock is wrong.
    fn hour(&self) -> Option<HourKey> {
        self.clock.trusted_today()?;
        Some(HourKey::of(self.clock.now()))
    }

    /// Hands the figures counted so far to the writer.
    fn send(&mut self, now: f64) {
        self.sent_at = now;
        self.writer.add(self.pending.take());
    }
}

impl UsageCounter {
    /// The app ends: the figures not yet written are written before this returns (the
    /// visit under way was ended by the kiosk's session, as `Command::Exit` asked). Nothing is
    /// counted after.
    pub fn finish(&mut self) {
        // Dropping the writer, with the counter, waits for its last save.
        if let Some(mut counting) = self.counting.take()
            && !counting.pending.is_empty()
        {
            counting.send(counting.last_seen);
        }
    }
}

impl UsageCounter {
    /// What the leave that runs when no frame comes needs to write the figures not yet
    /// handed over (`terminate`); `None` when nothing is counted.
    pub fn last_words(&self) -> Option<LastWords> {
        self.counting.as_ref().map(|c| c.writer.last_words())
    }
}

impl Drop for UsageCounter {
    fn drop(&mut self) {
        self.finish();
    }
}
