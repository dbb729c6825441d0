//! The attract loop: while nobody is at the kiosk it shows the highlights, one screen at a
//! time, and invites a touch. Each step moves the content a little so nothing burns in.

use eframe::egui::{self, Pos2, Rect, Sense, Vec2};

use crate::content::{Content, LangId};
use crate::theme::{Theme, size, space};
use crate::widgets::bar_chart::{BarChart, chart_card};
use crate::widgets::{icon, overlay, text};

/// The kinds of screen the loop goes through.
const SCREENS: u64 = 3;

/// Draws attract step `step` over the whole screen; returns true when it was touched.
pub fn attract_ui(ctx: &egui::Context, content: &Content, theme: &Theme, step: u64) -> bool {
    let lang = content.default_language;
    let (backdrop, ()) =
        overlay::full_screen_layer(ctx, "attract", Some(theme.background), |ui, screen| {
            // Drift a little every step, so no pixel shows the same thing all day.
            let drift = Vec2::new(
                ((step * 53) % 81) as f32 - 40.0,
                ((step * 29) % 61) as f32 - 30.0,
            );
            let margin = space::XL * 2.0;
            let invite_height = 140.0;
            let area = Rect::from_min_max(
                screen.min + Vec2::splat(margin) + drift,
                screen.max - Vec2::new(margin, margin + invite_height) + drift,
            );
            ui.scope_builder(egui::UiBuilder::new().max_rect(area), |ui| {
                ui.spacing_mut().item_spacing.y = space::M;
                match step % SCREENS {
                    0 => welcome(ui, content, theme, lang),
                    1 => facts(ui, content, theme, lang),
                    _ => chart(ui, content, theme, lang, step / SCREENS),
                }
            });
            invite(
                ui,
                content,
                theme,
                Rect::from_min_max(
                    Pos2::new(screen.left(), screen.bottom() - invite_height - space::L),
                    screen.max,
                ),
            );
        });
    backdrop.clicked() || backdrop.drag_started() || backdrop.is_pointer_button_down_on()
}

fn welcome(ui: &mut egui::Ui, content: &Content, theme: &Theme, lang: LangId) {
    ui.add_space(ui.available_height() * 0.15);
    text::wrapped(
        ui,
        content.identity.office_name.get(lang),
        Theme::bold(96.0),
        theme.primary,
    );
    text::wrapped(
        ui,
        content.home.title.get(lang),
        Theme::bold(size::PAGE_TITLE),
        theme.text,
    );
    text::lead(ui, theme, content.home.welcome.get(lang));
}

fn facts(ui: &mut egui::Ui, content: &Content, theme: &Theme, lang: LangId) {
    let page = &content.facts;
    text::page_title(ui, theme, page.header.title.get(lang));
    let columns = if ui.available_width() > ui.available_height() {
        4
    } else {
        2
    };
    super::facts_ui(ui, content, lang, theme, &page.facts, columns);
}

fn chart(ui: &mut egui::Ui, content: &Content, theme: &Theme, lang: LangId, round: u64) {
    let charts = &content.facts.charts;
    if charts.is_empty() {
        welcome(ui, content, theme, lang);
        return;
    }
    let index = (round % charts.len() as u64) as usize;
    let view = BarChart {
        chart: &charts[index],
        lang,
        language: content.language(lang),
        theme,
        progress: 1.0,
        height: None,
    };
    chart_card(ui, view, content.labels.source.get(lang), 0.0);
}

/// "Touch the screen to explore", in every language, with a pointing hand.
fn invite(ui: &mut egui::Ui, content: &Content, theme: &Theme, rect: Rect) {
    let lines: Vec<&str> = (0..content.languages.len())
        .map(|i| content.labels.attract_invite.get(LangId(i)))
        .collect();
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        ui.vertical_centered(|ui| {
            let (icon_rect, _) = ui.allocate_exact_size(Vec2::splat(64.0), Sense::hover());
            icon::paint_touch(ui.painter(), icon_rect.center(), 64.0, theme.accent);
            overlay::centred(
                ui,
                &lines.join("  ·  "),
                Theme::bold(size::LEAD),
                theme.accent,
            );
        });
    });
}
