//! The reception kiosk's session: the idle machine with its warning and attract loop, the
//! admin corner, PIN pad and admin screen, the screen hours, and the layer that keeps a
//! waking touch from pressing anything.

use eframe::egui::{self, Vec2, ViewportCommand};

use std::path::{Path, PathBuf};

use super::admin::{AdminState, ContentFacts};
use super::options::KioskOptions;
use crate::admin::restart::RestartFlag;
use crate::clock::WallClock;
use crate::command::{Command, PadKey};
use crate::content::LangId;
use crate::kiosk::admin::{CornerHold, PinOutcome, PinPad};
use crate::kiosk::hours::{HoursMachine, ScreenHours};
use crate::kiosk::idle::{IdleEvent, IdleMachine, IdleState};
use crate::kiosk::pin::PinHash;
use crate::pages::PageCtx;
use crate::theme::{Theme, size, space};
use crate::widgets::overlay;

/// The admin corner: a square at the top left of the screen, in points.
const ADMIN_CORNER: f32 = 120.0;

/// The line under the PIN pad's title.
#[derive(Debug, Clone, Copy, PartialEq)]
enum PadMessage {
    Prompt,
    Wrong {
        tries_left: u32,
    },
    /// Locked; the seconds left are read from the pad when drawn.
    Locked,
}

/// An unattended kiosk's session state.
pub(crate) struct KioskSession {
    idle: IdleMachine,
    corner: CornerHold,
    admin_pin: Option<PinHash>,
    /// Kept while the pad is closed, so closing it does not undo a lockout.
    pin_pad: PinPad,
    /// The PIN pad's message while the pad is open.
    pad: Option<PadMessage>,
    /// While set, a transparent layer takes every touch, so the touch that dismissed the
    /// idle warning or woke the attract loop does not also press what is under the finger.
    /// It lifts once the finger does.
    block_pointer: bool,
    /// A visitor's session under way, from the first touch after the start or the attract
    /// loop to the idle reset: the egui times of its first touch and its last.
    visit: Option<(f64, f64)>,
    /// Whether the cursor still has to be hidden (done on the first frame, once the window
    /// exists).
    hide_cursor: bool,
    /// The admin screen, while open.
    pub(super) admin: Option<Box<AdminState>>,
    /// The screen hours, and whether the screen is black this frame.
    hours: HoursMachine,
    dark: bool,
    clock: WallClock,
    state_dir: Option<PathBuf>,
    usb_roots: Vec<PathBuf>,
    restart: RestartFlag,
}

impl KioskSession {
    /// A session starting at `now`, with the hours saved by staff if any, else those of
    /// `options`.
    pub fn new(options: KioskOptions, now: f64, clock: WallClock) -> Self {
        let hours = match options
            .state_dir
            .as_deref()
            .and_then(crate::admin::saved::load_hours)
        {
            Some(saved) => saved,
            None => options.screen_hours,
        };
        if let Some(hours) = hours {
            tracing::info!("screen hours: {hours}");
        }
        Self {
            admin: None,
            hours: HoursMachine::new(hours, options.idle.timeout_secs),
            dark: false,
            clock,
            state_dir: options.state_dir,
            usb_roots: options.usb_roots,
            restart: options.restart,
            idle: IdleMachine::new(options.idle, now),
            corner: CornerHold::default(),
            admin_pin: options.admin_pin,
            pin_pad: PinPad::default(),
            pad: None,
            block_pointer: false,
            visit: None,
            hide_cursor: !options.show_cursor,
        }
    }

    /// The idle state at `now`.
    pub fn idle_state(&self, now: f64) -> IdleState {
        self.idle.state(now)
    }

    /// Whether the PIN pad is open.
    pub fn is_pad_open(&self) -> bool {
        self.pad.is_some()
    }

    /// Whether the admin screen is open.
    pub fn is_admin_open(&self) -> bool {
        self.admin.is_some()
    }

    /// Whether the screen is black (outside the screen hours, not woken).
    pub fn is_dark(&self) -> bool {
        self.dark
    }

    /// The state folder, if any.
    pub fn state_dir(&self) -> Option<&Path> {
        self.state_dir.as_deref()
    }

    /// Where USB sticks are mounted.
    pub fn usb_roots(&self) -> &[PathBuf] {
        &self.usb_roots
    }

    /// The flag `main` reads to restart.
    pub fn restart_flag(&self) -> &RestartFlag {
        &self.restart
    }

    /// Sets the screen hours and keeps them for the next start.
    ///
    /// # Errors
    /// Why they could not be kept (they are in force anyway).
    pub fn set_hours(&mut self, hours: Option<ScreenHours>) -> Result<(), String> {
        self.hours.set_hours(hours);
        super::admin::save_hours(self.state_dir.as_deref(), hours)
    }

    /// Opens the admin screen (the right PIN was entered) at `now`.
    pub fn open_admin(&mut self, now: f64) {
        self.close_pad();
        self.admin = Some(Box::new(AdminState::open(now)));
    }

    /// Feeds this frame's input to the idle machine and the admin corner; returns true
    /// when the input must not reach the page (it woke the kiosk, or the pad is open).
    pub fn before_ui(
        &mut self,
        ctx: &egui::Context,
        now: f64,
        commands: &mut Vec<Command>,
    ) -> bool {
        if self.hide_cursor {
            self.hide_cursor = false;
            ctx.send_viewport_cmd(ViewportCommand::CursorVisible(false));
        }
        let mut swallow = self.pad.is_some() || self.admin.is_some();
        let interrupted = self.idle.state(now) != IdleState::Active;
        let (at, trusted) = (self.clock.now(), self.clock.trusted_today().is_some());
        let input = has_user_input(ctx);
        if input && self.hours.input(at, trusted, now) {
            // The touch that woke a black screen does only that; the visitor side starts
            // afresh.
            commands.push(Command::Reset);
            swallow = true;
            self.block_pointer = true;
        }
        self.dark = self.admin.is_none() && !self.hours.screen(at, trusted, now).is_lit();
        if let Some(admin) = &mut self.admin {
            // Staff at work: the visitor side's timer waits; the screen's own minute counts.
            self.idle.input(now);
            if input {
                admin.timer.touch(now);
            }
            if admin.timer.is_over(now) {
                commands.push(Command::Admin(crate::command::AdminCommand::Close));
            }
        }
        if input {
            if self.idle.input(now) == Some(IdleEvent::Woke) {
                commands.push(Command::Reset);
            }
            // Staff at the PIN pad or the admin screen are not a visitor.
            let staff = self.pad.is_some() || self.admin.is_some();
            match &mut self.visit {
                _ if staff => {}
                Some((_, last_touch)) => *last_touch = now,
                None => {
                    self.visit = Some((now, now));
                    commands.push(Command::SessionStart);
                }
            }
            if interrupted {
                // The touch that dismissed the warning or woke the kiosk does only that.
                swallow = true;
                self.block_pointer = true;
            }
        }
        if self.idle.update(now) == Some(IdleEvent::Reset) {
            tracing::info!("idle: back to the start");
            if let Some((first, last)) = self.visit.take() {
                let secs = (last - first).max(0.0).round() as u64;
                commands.push(Command::SessionEnd { secs });
            }
            commands.push(Command::Reset);
        }
        if self.pad.is_none() && self.admin.is_none() && self.admin_pin.is_some() {
            let corner =
                egui::Rect::from_min_size(ctx.content_rect().min, Vec2::splat(ADMIN_CORNER));
            let held = ctx.input(|i| {
                i.pointer.primary_down()
                    && i.pointer.interact_pos().is_some_and(|p| corner.contains(p))
            });
            if self.corner.update(held, now) {
                commands.push(Command::OpenAdminPad);
            }
        }
        swallow
    }

    /// Draws what lies over the page: the idle warning or the attract loop, the PIN pad
    /// with `status` (the content's state, for staff), and the layer that blocks a waking
    /// touch.
    pub fn overlay_ui(
        &mut self,
        ctx: &egui::Context,
        cx: &PageCtx<'_>,
        now: f64,
        facts: &ContentFacts,
        commands: &mut Vec<Command>,
    ) {
        if self.dark {
            // Black, and every touch taken; nothing else is drawn.
            overlay::full_screen_layer(ctx, "dark", Some(egui::Color32::BLACK), |_, _| ());
            return;
        }
        let status = facts.status_line.as_str();
        match self.idle.state(now) {
            IdleState::Warning { seconds_left } => idle_warning_ui(ctx, cx, seconds_left),
            IdleState::Attract { step } => {
                let age = self.idle.secs_into_step(now);
                crate::pages::attract::attract_ui(ctx, cx, step, age);
            }
            IdleState::Active => {}
        }
        if let Some(message) = self.pad {
            let locked = self.pin_pad.locked_for(now);
            let message = match (message, locked) {
                (_, Some(secs)) => {
                    format!("Too many wrong PINs: try again in {} s", secs.ceil())
                }
                (PadMessage::Wrong { tries_left }, None) => {
                    format!("Wrong PIN: {tries_left} tries left")
                }
                (PadMessage::Prompt | PadMessage::Locked, None) => {
                    "Enter the PIN to open the admin screen".to_owned()
                }
            };
            let pad = overlay::PinPadView {
                entered: self.pin_pad.entered_len(),
                message: &message,
                status,
            };
            match overlay::pin_pad_ui(ctx, cx.theme, &pad) {
                Some(overlay::PadAction::Key(key)) => commands.push(Command::Pad(key)),
                Some(overlay::PadAction::Cancel) => commands.push(Command::CloseAdminPad),
                None => {}
            }
        }
        if let Some(admin) = &self.admin {
            let view = crate::pages::admin::AdminView {
                code: &cx.content.language(cx.lang).code,
                admin,
                facts,
                hours: self.hours.hours(),
                clock_trusted: self.clock.trusted_today().is_some(),
                language: cx.content.language(cx.lang),
            };
            if let Some(command) = crate::pages::admin::admin_ui(ctx, cx.theme, &view) {
                commands.push(Command::Admin(command));
            }
        }
        if self.block_pointer {
            overlay::full_screen_layer(ctx, "wake-block", None, |_, _| ());
            if !ctx.input(|i| i.pointer.any_down()) {
                self.block_pointer = false;
            }
        }
    }

    /// Opens the PIN pad, empty.
    pub fn open_pad(&mut self) {
        // The touch that held the corner was staff's, not a visitor's.
        self.visit = None;
        self.pin_pad.clear();
        self.pad = Some(PadMessage::Prompt);
    }

    /// Closes the PIN pad, keeping its failure count and lockout for the next opening.
    pub fn close_pad(&mut self) {
        self.pin_pad.clear();
        self.pad = None;
    }

    /// A key of the PIN pad; true when the right PIN was entered.
    #[must_use]
    pub fn pad_key(&mut self, key: PadKey, now: f64) -> bool {
        if self.pad.is_none() {
            return false;
        }
        match key {
            PadKey::Digit(d) => self.pin_pad.digit(d, now),
            PadKey::Backspace => self.pin_pad.backspace(),
            PadKey::Submit => {
                let Some(pin) = &self.admin_pin else {
                    return false;
                };
                match self.pin_pad.submit(pin, now) {
                    PinOutcome::Correct => {
                        tracing::info!("admin PIN accepted");
                        return true;
                    }
                    PinOutcome::Wrong { tries_left } => {
                        tracing::warn!("wrong admin PIN; {tries_left} tries left");
                        self.pad = Some(PadMessage::Wrong { tries_left });
                    }
                    PinOutcome::Locked { secs_left } => {
                        tracing::warn!("admin PIN pad locked for {secs_left:.0} s");
                        self.pad = Some(PadMessage::Locked);
                    }
                }
            }
        }
        false
    }

    /// Seconds from `now` until the screen changes by itself: the idle machine's next
    /// change, a corner hold completing, or the lockout's countdown ticking.
    pub fn secs_until_change(&self, now: f64) -> f64 {
        let (at, trusted) = (self.clock.now(), self.clock.trusted_today().is_some());
        let hours = self.hours.secs_until_change(at, trusted, now);
        if self.dark {
            // Nothing is drawn until the hours start or the wake ends.
            return hours.unwrap_or(3600.0);
        }
        let mut secs = self.idle.secs_until_change(now);
        if let Some(hours) = hours {
            secs = secs.min(hours);
        }
        if let Some(admin) = &self.admin {
            secs = secs.min(admin.timer.secs_until_close(now));
        }
        if let Some(hold) = self.corner.secs_until_done(now) {
            secs = secs.min(hold);
        }
        if self.pad.is_some()
            && let Some(locked) = self.pin_pad.locked_for(now)
        {
            secs = secs.min(locked.fract().max(0.05));
        }
        secs
    }
}

/// "Are you still there?" with the countdown, and one big button that reads "Touch to
/// continue" in every language (any touch continues).
fn idle_warning_ui(ctx: &egui::Context, cx: &PageCtx<'_>, seconds_left: u32) {
    let (c, theme) = (cx.content, cx.theme);
    let countdown = c
        .labels
        .idle_countdown
        .get(cx.lang)
        .replace("{seconds}", &seconds_left.to_string());
    let touch: Vec<&str> = (0..c.languages.len())
        .map(|i| c.labels.touch_to_continue.get(LangId(i)))
        .collect();
    overlay::modal(ctx, "idle-warning", theme, 900.0, |ui| {
        ui.spacing_mut().item_spacing.y = space::M;
        let title = c.labels.idle_title.get(cx.lang);
        overlay::centred(ui, title, Theme::bold(size::SECTION), theme.text);
        overlay::centred(ui, &countdown, Theme::font(size::LEAD), theme.text);
        let width = ui.available_width();
        overlay::big_button(ui, theme, &touch.join("  ·  "), width);
    });
}

/// Whether this frame has input from a person: a touch, a key, a pointer move or a scroll.
fn has_user_input(ctx: &egui::Context) -> bool {
    ctx.input(|i| {
        i.events.iter().any(|e| {
            matches!(
                e,
                egui::Event::Key { .. }
                    | egui::Event::Text(_)
                    | egui::Event::PointerMoved(_)
                    | egui::Event::PointerButton { .. }
                    | egui::Event::Touch { .. }
                    | egui::Event::MouseWheel { .. }
                    | egui::Event::Zoom(_)
            )
        })
    })
}
