//! Keys and swipes, turned into `Command`s: the clicker's Page Down / Page Up everywhere,
//! the presenter's keys when presenting, F11 on a laptop, a sideways swipe anywhere. Esc,
//! F5 and the window manager's shortcuts do nothing.

use eframe::egui::{self, Key};

use crate::command::Command;
use crate::kiosk::Mode;
use crate::kiosk::swipe::{Swipe, SwipeDirection};

/// The commands this frame's key presses ask for in `mode`.
pub(crate) fn key_commands(ctx: &egui::Context, mode: Mode, commands: &mut Vec<Command>) {
    let pressed = |key| ctx.input(|i| i.key_pressed(key));
    if pressed(Key::PageDown) {
        commands.push(Command::Next);
    }
    if pressed(Key::PageUp) {
        commands.push(Command::Previous);
    }
    match mode {
        Mode::Laptop => {
            if pressed(Key::F11) {
                commands.push(Command::ToggleFullscreen);
            }
        }
        Mode::Present => {
            let any_key = ctx.input(|i| {
                i.events
                    .iter()
                    .any(|e| matches!(e, egui::Event::Key { pressed: true, .. }))
            });
            if any_key {
                // Whatever the key, the presenter is driving: auto-advance waits.
                commands.push(Command::HoldSlideshow);
            }
            if [Key::ArrowRight, Key::Space, Key::Enter]
                .into_iter()
                .any(pressed)
            {
                commands.push(Command::Next);
            }
            if [Key::ArrowLeft, Key::Backspace].into_iter().any(pressed) {
                commands.push(Command::Previous);
            }
            if pressed(Key::Home) {
                commands.push(Command::FirstSlide);
            }
            if pressed(Key::Period) || pressed(Key::B) {
                commands.push(Command::ToggleBlank);
            }
        }
        Mode::Kiosk => {}
    }
}

/// A sideways swipe moves to the next or previous page (or slide).
pub(crate) fn swipe_commands(
    ctx: &egui::Context,
    swipe: &mut Swipe,
    now: f64,
    commands: &mut Vec<Command>,
) {
    ctx.input(|i| {
        for event in &i.events {
            let egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                ..
            } = event
            else {
                continue;
            };
            if *pressed {
                swipe.press(pos.x, pos.y, now);
                continue;
            }
            match swipe.release(pos.x, pos.y, now) {
                Some(SwipeDirection::Left) => commands.push(Command::Next),
                Some(SwipeDirection::Right) => commands.push(Command::Previous),
                None => {}
            }
        }
    });
}
