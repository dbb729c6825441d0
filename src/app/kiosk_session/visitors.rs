//! The visitor side of the kiosk: the idle warning, the reset and the attract loop; the
//! visit from its first touch to the reset, which the usage figures count; and the layer
//! that keeps the touch that woke the kiosk from pressing anything.

use eframe::egui;

use crate::command::Command;
use crate::content::LangId;
use crate::kiosk::idle::{IdleConfig, IdleEvent, IdleMachine, IdleState};
use crate::pages::PageCtx;
use crate::stats::HourKey;
use crate::theme::{Theme, size, space};
use crate::widgets::overlay;

/// A visitor's visit under way.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Visit {
    /// egui time of the first touch and of the last.
    first: f64,
    last: f64,
    /// The wall clock's hour it started in, unless the clock is wrong.
    hour: Option<HourKey>,
}

/// The visitor side.
pub(super) struct Visitors {
    idle: IdleMachine,
    visit: Option<Visit>,
    /// While set, a transparent layer takes every touch, so the touch that dismissed the
    /// idle warning or woke the kiosk does not also press what is under the finger. It
    /// lifts once the finger does.
    blocking: bool,
    /// How long the idle warning counts down, in seconds.
    warning_secs: f64,
}

impl Visitors {
    /// Nobody there yet at `now`.
    pub fn new(idle: IdleConfig, now: f64) -> Self {
        Self {
            idle: IdleMachine::new(idle, now),
            visit: None,
            blocking: false,
            warning_secs: idle.warning_secs,
        }
    }

    /// The idle state at `now`.
    pub fn idle_state(&self, now: f64) -> IdleState {
        self.idle.state(now)
    }

    /// Feeds this frame to the idle machine: `input` when a person touched or typed, `staff`
    /// when staff are at the PIN pad or the admin screen (their touches are no visit), `hour`
    /// the wall clock's hour. Asks for the session's start and end and for the reset; returns
    /// true when the input must do nothing else (it dismissed the warning or woke the kiosk).
    pub fn observe(
        &mut self,
        input: bool,
        staff: bool,
        now: f64,
        hour: Option<HourKey>,
        commands: &mut Vec<Command>,
    ) -> bool {
        let interrupted = self.idle.state(now) != IdleState::Active;
        let mut swallow = false;
        if input {
            if self.idle.input(now) == Some(IdleEvent::Woke) {
                commands.push(Command::Reset);
            }
            match &mut self.visit {
                _ if staff => {}
                Some(visit) => visit.last = now,
                None => {
                    self.visit = Some(Visit {
                        first: now,
                        last: now,
                        hour,
                    });
                    commands.push(Command::SessionStart);
                }
            }
            if interrupted {
                swallow = true;
                commands.push(Command::BlockTouches);
            }
        }
        if self.idle.update(now) == Some(IdleEvent::Reset) {
            tracing::info!("idle: back to the start");
            commands.extend(self.end_visit());
            commands.push(Command::Reset);
        }
        swallow
    }

    /// Staff at work: the visitor side's timer waits.
    pub fn hold(&mut self, now: f64) {
        self.idle.input(now);
    }

    /// The end of the visit under way, if any, for the usage figures.
    pub fn end_visit(&mut self) -> Option<Command> {
        let visit = self.visit.take()?;
        Some(Command::SessionEnd {
            secs: (visit.last - visit.first).max(0.0).round() as u64,
            hour: visit.hour,
        })
    }

    /// The touches so far were staff's (they held the admin corner): no visit.
    pub fn forget_visit(&mut self) {
        self.visit = None;
    }

    /// Starts or stops holding touches off the page.
    pub fn set_blocking(&mut self, on: bool) {
        self.blocking = on;
    }

    /// Draws the idle warning or the attract loop over the page, and the layer that holds
    /// off a waking touch; asks to lift that layer once no finger is down.
    pub fn overlay_ui(
        &self,
        ctx: &egui::Context,
        cx: &PageCtx<'_>,
        now: f64,
        commands: &mut Vec<Command>,
    ) {
        match self.idle.state(now) {
            IdleState::Warning { seconds_left } => {
                let left = self.idle.secs_until_change(now);
                let share = (left / self.warning_secs.max(1.0)).clamp(0.0, 1.0) as f32;
                idle_warning_ui(ctx, cx, seconds_left, share);
            }
            IdleState::Attract { step } => {
                let age = self.idle.secs_into_step(now);
                crate::pages::attract::attract_ui(ctx, cx, step, age);
            }
            IdleState::Active => {}
        }
        if self.blocking {
            overlay::full_screen_layer(ctx, "wake-block", None, |_, _| ());
            if !ctx.input(|i| i.pointer.any_down()) {
                commands.push(Command::UnblockTouches);
            }
        }
    }

    /// Seconds from `now` until the idle machine changes by itself.
    pub fn secs_until_change(&self, now: f64) -> f64 {
        self.idle.secs_until_change(now)
    }
}

/// "Are you still there?" with the countdown as a large number in a ring that empties as the
/// time runs out (`share` of it left), read from a step away; the sentence under it; and one
/// big button that reads "Touch to continue" in every language (any touch continues).
fn idle_warning_ui(ctx: &egui::Context, cx: &PageCtx<'_>, seconds_left: u32, share: f32) {
    let (c, theme) = (cx.content, cx.theme);
    let labels = &c.labels;
    let sentence = if seconds_left == 1 {
        labels.idle_countdown_one.get(cx.lang)
    } else {
        labels.idle_countdown.get(cx.lang)
    }
    .replace("{seconds}", &seconds_left.to_string());
    let touch: Vec<&str> = (0..c.languages.len())
        .map(|i| labels.touch_to_continue.get(LangId(i)))
        .collect();
    overlay::modal(ctx, "idle-warning", theme, space::MODAL_WIDTH, |ui| {
        ui.spacing_mut().item_spacing.y = space::M;
        let title = labels.idle_title.get(cx.lang);
        overlay::centred(ui, title, Theme::bold(size::SECTION), theme.text);
        countdown_ring(ui, cx, seconds_left, share);
        overlay::centred(ui, &sentence, Theme::font(size::LEAD), theme.text);
        let width = ui.available_width();
        overlay::big_button(ui, theme, &touch.join("  ·  "), width);
    });
}

/// The seconds left, large, in a ring whose arc is the time left.
fn countdown_ring(ui: &mut egui::Ui, cx: &PageCtx<'_>, seconds_left: u32, share: f32) {
    let theme = cx.theme;
    let side = size::SHOWCASE * 1.8;
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), side), egui::Sense::hover());
    let number = seconds_left.to_string();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &number));
    let painter = ui.painter();
    let center = rect.center();
    let radius = side / 2.0 - space::S;
    let stroke = space::S;
    painter.circle_stroke(center, radius, egui::Stroke::new(stroke, theme.gridline));
    // The arc of the time left, clockwise from the top.
    let steps = 96;
    let points: Vec<egui::Pos2> = (0..=((steps as f32 * share) as usize))
        .map(|i| {
            let angle = std::f32::consts::TAU * i as f32 / steps as f32;
            center + radius * egui::vec2(angle.sin(), -angle.cos())
        })
        .collect();
    if points.len() > 1 {
        painter.add(egui::Shape::line(
            points,
            egui::Stroke::new(stroke, theme.primary),
        ));
    }
    painter.text(
        center,
        egui::Align2::CENTER_CENTER,
        number,
        Theme::bold(size::SHOWCASE),
        theme.primary,
    );
}
