//! The attract loop: while nobody is at the kiosk it shows the presenter's welcome, headline
//! facts and charts, one screen at a time, and invites a touch in every language. Each step
//! moves the content a little so nothing burns in.

use eframe::egui::{self, Pos2, Rect, Sense, Vec2};

use super::PageCtx;
use super::slides::{self, Slide};
use crate::content::LangId;
use crate::theme::{Theme, size, space};
use crate::widgets::{icon, overlay};

/// The height kept at the bottom for the invitation to touch.
const INVITE_HEIGHT: f32 = 140.0;

/// The slide attract step `step` shows: the welcome, the first headline facts, then each
/// chart in turn.
pub fn step_slide(cx: &PageCtx<'_>, step: u64) -> Slide {
    const SCREENS: u64 = 3;
    let charts = cx.content.facts.charts.len() as u64;
    match step % SCREENS {
        1 if !cx.content.facts.facts.is_empty() => Slide::Facts(0),
        2 if charts > 0 => Slide::Chart(((step / SCREENS) % charts) as usize),
        _ => Slide::Welcome,
    }
}

/// Draws attract step `step` over the whole screen; the layer takes every touch, which the
/// idle machine sees as the visitor's arrival.
pub fn attract_ui(ctx: &egui::Context, cx: &PageCtx<'_>, step: u64) {
    let theme = cx.theme;
    overlay::full_screen_layer(ctx, "attract", Some(theme.background), |ui, screen| {
        // Drift a little every step, so no pixel shows the same thing all day.
        let drift = Vec2::new(
            ((step * 53) % 81) as f32 - 40.0,
            ((step * 29) % 61) as f32 - 30.0,
        );
        let margin = space::XL * 2.0;
        let area = Rect::from_min_max(
            screen.min + Vec2::splat(margin) + drift,
            screen.max - Vec2::new(margin, margin + INVITE_HEIGHT) + drift,
        );
        ui.scope_builder(egui::UiBuilder::new().max_rect(area), |ui| {
            ui.spacing_mut().item_spacing.y = space::M;
            slides::slide_ui(ui, cx, step_slide(cx, step));
        });
        let invite = Rect::from_min_max(
            Pos2::new(screen.left(), screen.bottom() - INVITE_HEIGHT - space::L),
            screen.max,
        );
        invite_ui(ui, cx, invite);
    });
}

/// "Touch the screen to explore", in every language, with a pointing hand.
fn invite_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, rect: Rect) {
    let content = cx.content;
    let lines: Vec<&str> = (0..content.languages.len())
        .map(|i| content.labels.attract_invite.get(LangId(i)))
        .collect();
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        ui.vertical_centered(|ui| {
            let (icon_rect, _) =
                ui.allocate_exact_size(Vec2::splat(size::TILE_ICON), Sense::hover());
            icon::paint_touch(
                ui.painter(),
                icon_rect.center(),
                size::TILE_ICON,
                cx.theme.accent,
            );
            overlay::centred(
                ui,
                &lines.join("  ·  "),
                Theme::bold(size::LEAD),
                cx.theme.accent,
            );
        });
    });
}
