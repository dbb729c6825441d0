//! The attract loop: while nobody is at the kiosk it shows, one screen at a time and each
//! composed for the whole screen, the office with its map, one headline figure, and one
//! chart, always with the invitation to touch in every language. Each screen moves gently
//! when it appears (the map settles, the figure counts up, the bars grow), then stays still
//! until the next, so the kiosk draws nothing between; with less motion nothing moves.
//! Each step shifts everything a little so nothing burns in.

mod figure;
mod scenes;

use eframe::egui::{self, Pos2, Rect, Sense, Vec2};

use super::{PageCtx, title};
use crate::content::{Content, LangId};
use crate::theme::motion::{
    ATTRACT_COUNT_SECS as COUNT_SECS, ATTRACT_GROW_SECS as GROW_SECS, ATTRACT_PAN_SECS as PAN_SECS,
};
use crate::theme::{Theme, size, space};
use crate::widgets::{icon, overlay};

/// The most of the screen's height the invitation to touch takes.
const MAX_INVITE_SHARE: f32 = 0.25;

/// What one attract step shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scene {
    /// The office, the welcome and the map.
    Welcome,
    /// One headline fact, by index, with the others smaller.
    Fact(usize),
    /// One chart, by index.
    Chart(usize),
}

impl Scene {
    /// How long this scene moves after it appears, in seconds.
    fn motion_secs(self) -> f32 {
        match self {
            Self::Welcome => PAN_SECS,
            Self::Fact(_) => COUNT_SECS,
            Self::Chart(_) => GROW_SECS,
        }
    }
}

/// The scene attract step `step` shows: the welcome, a headline fact, a chart, in turn;
/// each round the next fact and the next chart. Content without facts or charts shows the
/// welcome in their place.
pub fn scene(content: &Content, step: u64) -> Scene {
    const SCREENS: u64 = 3;
    let round = step / SCREENS;
    let facts = content.facts.facts.len() as u64;
    let charts = content.facts.charts.len() as u64;
    match step % SCREENS {
        1 if facts > 0 => Scene::Fact((round % facts) as usize),
        2 if charts > 0 => Scene::Chart((round % charts) as usize),
        _ => Scene::Welcome,
    }
}

/// How far a motion of `secs` has run `age_secs` after its scene appeared, 0 to 1; always
/// 1 with less motion.
fn fraction(age_secs: f64, secs: f32, less_motion: bool) -> f32 {
    if less_motion {
        1.0
    } else {
        (age_secs as f32 / secs).clamp(0.0, 1.0)
    }
}

/// Draws attract step `step`, `age_secs` after it appeared, over the whole screen; the
/// layer takes every touch, which the idle machine sees as the visitor's arrival. Asks for
/// the next frame only while the scene moves.
pub fn attract_ui(ctx: &egui::Context, cx: &PageCtx<'_>, step: u64, age_secs: f64) {
    let theme = cx.theme;
    let shown = scene(cx.content, step);
    let motion = |secs| fraction(age_secs, secs, cx.less_motion);
    overlay::full_screen_layer(ctx, "attract", Some(theme.background), |ui, screen| {
        // Margins that leave room for the drift; less at the sides of a narrow screen.
        let margin = Vec2::new(
            (screen.width() * 0.05).min(space::XL * 2.0),
            space::XL * 1.5,
        );
        // Drift a little every step, within the margins, so no pixel shows the same
        // thing all day.
        let drift = Vec2::new(
            (((step * 53) % 81) as f32 - 40.0) / 40.0 * (margin.x - space::XS) * 0.5,
            ((step * 29) % 61) as f32 - 30.0,
        );
        let inner = screen.shrink2(margin).translate(drift);
        let invite = invite_ui(ui, cx, inner);
        let area = Rect::from_min_max(
            inner.min,
            Pos2::new(inner.right(), invite.top() - space::XL),
        );
        match shown {
            Scene::Welcome => title::title_ui(ui, cx, area, motion(PAN_SECS)),
            Scene::Fact(index) => scenes::fact_ui(ui, cx, area, index, motion(COUNT_SECS)),
            Scene::Chart(index) => scenes::chart_ui(ui, cx, area, index, motion(GROW_SECS)),
        }
    });
    if motion(shown.motion_secs()) < 1.0 {
        ctx.request_repaint();
    }
}

/// "Touch the screen to explore" in every language, with a pointing hand, on a band of the
/// primary colour at the bottom of `inner`: the languages side by side when they fit, one
/// under the other otherwise. Returns the band.
fn invite_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, inner: Rect) -> Rect {
    let (content, theme) = (cx.content, cx.theme);
    let lines: Vec<&str> = (0..content.languages.len())
        .map(|i| content.labels.attract_invite.get(LangId(i)))
        .collect();
    let hand = size::INVITE * 1.3;
    let pad = Vec2::new(space::XL, space::M);
    let text_width = inner.width() - hand - space::M - 2.0 * pad.x;
    let joined = lines.join("  ·  ");
    let one_row =
        ui.painter()
            .layout_no_wrap(joined.clone(), Theme::bold(size::INVITE), theme.on_primary);
    let stacked = |font: egui::FontId| {
        let mut job =
            egui::text::LayoutJob::simple(lines.join("\n"), font, theme.on_primary, text_width);
        job.halign = egui::Align::Center;
        ui.painter().layout_job(job)
    };
    let galley = if one_row.size().x <= text_width {
        one_row
    } else {
        // One line a language: on a narrow screen a little smaller.
        let size = lines
            .iter()
            .map(|line| {
                title::fit_size(
                    ui,
                    line,
                    Theme::bold,
                    (size::INVITE, size::BODY),
                    (text_width, 1),
                )
            })
            .fold(size::INVITE, f32::min);
        let galley = stacked(Theme::bold(size));
        // A short screen (larger text on a laptop) keeps most of its height for the
        // screen's subject: the languages side by side, smaller.
        if galley.size().y + 2.0 * pad.y > inner.height() * MAX_INVITE_SHARE {
            let size = title::fit_size(
                ui,
                &joined,
                Theme::bold,
                (size::INVITE, size::BODY),
                (text_width, 1),
            );
            let mut job = egui::text::LayoutJob::simple(
                joined.clone(),
                Theme::bold(size),
                theme.on_primary,
                text_width,
            );
            job.halign = egui::Align::Center;
            ui.painter().layout_job(job)
        } else {
            galley
        }
    };
    let text = galley.size();
    // The hand is as tall as a line and a bit, at most its full size.
    let line = galley.rows.first().map_or(size::INVITE, |r| r.height());
    let hand = hand.min(line * 1.2);
    let band_size = Vec2::new(
        text.x + hand + space::M + 2.0 * pad.x,
        text.y.max(hand) + 2.0 * pad.y,
    );
    let band = Rect::from_min_size(
        Pos2::new(
            inner.center().x - band_size.x / 2.0,
            inner.bottom() - band_size.y,
        ),
        band_size,
    );
    let response = ui.allocate_rect(band, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &joined));
    let painter = ui.painter();
    painter.rect_filled(
        band,
        band.height().min(2.0 * size::INVITE) / 2.0,
        theme.primary,
    );
    let hand_center = Pos2::new(band.left() + pad.x + hand / 2.0, band.center().y);
    icon::paint_touch(painter, hand_center, hand, theme.on_primary);
    let text_left = band.left() + pad.x + hand + space::M;
    // A centred galley lies around its x = 0: place it by its left edge.
    let text_pos = Pos2::new(
        text_left - galley.rect.left(),
        band.center().y - text.y / 2.0,
    );
    painter.galley(text_pos, galley, theme.on_primary);
    band
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fact_and_chart_comes_round_and_sparse_content_shows_the_welcome() {
        let mut content = crate::content::embedded().expect("valid embedded content");
        let facts = content.facts.facts.len();
        let charts = content.facts.charts.len();
        let scenes: Vec<Scene> = (0..3 * facts.max(charts) as u64)
            .map(|step| scene(&content, step))
            .collect();
        for i in 0..facts {
            assert!(scenes.contains(&Scene::Fact(i)), "fact {i}");
        }
        for i in 0..charts {
            assert!(scenes.contains(&Scene::Chart(i)), "chart {i}");
        }
        content.facts.facts.clear();
        content.facts.charts.clear();
        assert!((0..6).all(|step| scene(&content, step) == Scene::Welcome));
    }

    #[test]
    fn motion_runs_once_and_not_at_all_with_less_motion() {
        assert!(fraction(0.0, COUNT_SECS, false) < 0.01);
        assert!((fraction(f64::from(COUNT_SECS), COUNT_SECS, false) - 1.0).abs() < 1e-6);
        assert!((fraction(0.0, PAN_SECS, true) - 1.0).abs() < 1e-6);
    }
}
