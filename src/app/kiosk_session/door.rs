//! The staff door: the corner held for five seconds, the PIN pad it opens, and the pad's
//! lockout after five wrong PINs. The pad's words are built in (`maintenance::words`), in
//! the language on screen.

use eframe::egui::{self, Vec2};

use crate::command::Command;
use crate::kiosk::staff_door::{CornerHold, PadKey, PinOutcome, PinPad};
use crate::maintenance::words::{Counted, Word};
use crate::pages::PageCtx;
use crate::pin::PinHash;
use crate::theme::space;
use crate::widgets::overlay;

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

/// The way staff get in.
pub(super) struct StaffDoor {
    corner: CornerHold,
    /// The PIN; without one the door is shut for good.
    pin: Option<PinHash>,
    /// Kept while the pad is closed, so closing it does not undo a lockout.
    pad: PinPad,
    /// The pad's message while the pad is open.
    message: Option<PadMessage>,
}

impl StaffDoor {
    /// A door that opens with `pin`, or never without one.
    pub fn new(pin: Option<PinHash>) -> Self {
        Self {
            corner: CornerHold::default(),
            pin,
            pad: PinPad::default(),
            message: None,
        }
    }

    /// Whether the PIN pad is open.
    pub fn is_open(&self) -> bool {
        self.message.is_some()
    }

    /// Watches the admin corner while nothing of staff's is open; asks for the pad once it
    /// has been held long enough.
    pub fn observe(&mut self, ctx: &egui::Context, now: f64, commands: &mut Vec<Command>) {
        if self.pin.is_none() {
            return;
        }
        let corner =
            egui::Rect::from_min_size(ctx.content_rect().min, Vec2::splat(space::ADMIN_CORNER));
        let held = ctx.input(|i| {
            i.pointer.primary_down() && i.pointer.interact_pos().is_some_and(|p| corner.contains(p))
        });
        if self.corner.update(held, now) {
            commands.push(Command::OpenAdminPad);
        }
    }

    /// Opens the PIN pad, empty.
    pub fn open(&mut self) {
        self.pad.clear();
        self.message = Some(PadMessage::Prompt);
    }

    /// Closes the PIN pad, keeping its failure count and lockout for the next opening.
    pub fn close(&mut self) {
        self.pad.clear();
        self.message = None;
    }

    /// A key of the PIN pad; true when the right PIN was entered.
    #[must_use]
    pub fn key(&mut self, key: PadKey, now: f64) -> bool {
        if self.message.is_none() {
            return false;
        }
        match key {
            PadKey::Digit(d) => self.pad.digit(d, now),
            PadKey::Backspace => self.pad.backspace(),
            PadKey::Submit => {
                let Some(pin) = &self.pin else {
                    return false;
                };
                match self.pad.submit(pin, now) {
                    PinOutcome::Correct => {
                        tracing::info!("admin PIN accepted");
                        return true;
                    }
                    PinOutcome::Wrong { tries_left } => {
                        tracing::warn!("wrong admin PIN; {tries_left} tries left");
                        self.message = Some(PadMessage::Wrong { tries_left });
                    }
                    PinOutcome::Locked { secs_left } => {
                        tracing::warn!("admin PIN pad locked for {secs_left:.0} s");
                        self.message = Some(PadMessage::Locked);
                    }
                }
            }
        }
        false
    }

    /// Draws the PIN pad when it is open, with `status` (the content's state, for staff) on
    /// its last line.
    pub fn ui(
        &self,
        ctx: &egui::Context,
        cx: &PageCtx<'_>,
        now: f64,
        status: &str,
        commands: &mut Vec<Command>,
    ) {
        let Some(message) = self.message else {
            return;
        };
        let code = &cx.content.language(cx.lang).code;
        let message = match (message, self.pad.locked_for(now)) {
            (_, Some(secs)) => Counted::LockedFor(secs.ceil() as u32).text(code),
            (PadMessage::Wrong { tries_left }, None) => Counted::TriesLeft(tries_left).text(code),
            (PadMessage::Prompt | PadMessage::Locked, None) => {
                Word::PadPrompt.text(code).to_owned()
            }
        };
        let entered = self.pad.entered_len();
        let entered_label = Counted::DigitsEntered(entered).text(code);
        let pad = overlay::PinPadView {
            title: Word::PadTitle.text(code),
            entered,
            entered_label: &entered_label,
            delete: Word::PadDelete.text(code),
            cancel: Word::Cancel.text(code),
            message: &message,
            status,
        };
        match overlay::pin_pad_ui(ctx, cx.theme, &pad) {
            Some(overlay::PadAction::Key(key)) => commands.push(Command::Pad(key)),
            Some(overlay::PadAction::Cancel) => commands.push(Command::CloseAdminPad),
            None => {}
        }
    }

    /// Seconds from `now` until the door changes by itself: a corner hold completing, or
    /// the lockout's countdown ticking while the pad is open.
    pub fn secs_until_change(&self, now: f64) -> Option<f64> {
        let hold = self.corner.secs_until_done(now);
        let tick = self
            .pad
            .locked_for(now)
            .filter(|_| self.is_open())
            .map(|locked| locked.fract().max(0.05));
        match (hold, tick) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}
