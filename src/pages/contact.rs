//! Contact: address, phones, email and social media, large enough to copy down by hand;
//! QR codes to take the office away on a phone (its contact card, an email, its page), and
//! a map locating the office.

use eframe::egui::{self, Vec2};

use super::PageCtx;
use crate::content::{Code, ContactItem, ContactPage};
use crate::theme::{Theme, size, space};
use crate::widgets::{icon, qr, text};

/// Draws the contact page.
pub fn ui(ui: &mut egui::Ui, cx: &PageCtx<'_>) {
    let page = &cx.content.contact;
    ui.add_space(space::M);
    let codes_width = codes_width(cx, &page.codes);
    // The codes in one row beside the details when both fit; under them otherwise (a
    // laptop's screen, a portrait screen).
    let beside = !cx.portrait && ui.available_width() - codes_width - space::L >= DETAILS_MIN_WIDTH;
    if beside {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            let left = ui.available_width() - codes_width - space::L;
            ui.allocate_ui(Vec2::new(left, 0.0), |ui| {
                ui.vertical(|ui| details(ui, cx, page));
            });
            ui.add_space(space::L);
            ui.vertical(|ui| codes_ui(ui, cx, &page.codes));
        });
    } else {
        details(ui, cx, page);
        ui.add_space(space::M);
        codes_ui(ui, cx, &page.codes);
    }
    ui.add_space(space::M);
    let max = Vec2::new(ui.available_width().min(space::MAX_TEXT_WIDTH), MAP_HEIGHT);
    map_block(ui, cx, page, max);
    super::sections_ui(ui, cx, &page.sections);
}

/// The narrowest the details may be with the codes beside them.
const DETAILS_MIN_WIDTH: f32 = 520.0;

/// The tallest the map is drawn.
const MAP_HEIGHT: f32 = 760.0;

/// The width `codes` take in one row.
fn codes_width(cx: &PageCtx<'_>, codes: &[Code]) -> f32 {
    let sides = codes
        .iter()
        .filter_map(|code| qr::Code::shared(&cx.content.code_payload(code, cx.lang)))
        .map(|code| code.side());
    sides.clone().sum::<f32>() + space::M * (sides.count().max(1) - 1) as f32
}

/// The codes to take away, top-aligned, as many in a row as fit.
pub fn codes_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, codes: &[Code]) {
    let layout = egui::Layout::left_to_right(egui::Align::Min).with_main_wrap(true);
    ui.with_layout(layout, |ui| {
        ui.spacing_mut().item_spacing = Vec2::splat(space::M);
        for code in codes {
            super::code_ui(ui, cx, code);
        }
    });
}

/// Each detail on its own line with an icon.
fn details(ui: &mut egui::Ui, cx: &PageCtx<'_>, page: &ContactPage) {
    details_ui(ui, cx, &page.items);
}

/// Contact details, each with its icon, label and lines large enough to copy down.
pub fn details_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, items: &[ContactItem]) {
    let theme = cx.theme;
    for item in items {
        ui.horizontal_top(|ui| {
            let (rect, _) = ui.allocate_exact_size(
                Vec2::splat(size::CONTACT_ICON + space::XS),
                egui::Sense::hover(),
            );
            icon::paint(
                ui.painter(),
                rect.center(),
                icon::contact_icon(item.kind),
                size::CONTACT_ICON,
                theme.primary,
            );
            ui.add_space(space::XS);
            ui.vertical(|ui| {
                ui.spacing_mut().item_spacing.y = 2.0;
                text::small(ui, theme, cx.t(&item.label));
                for line in &item.lines {
                    text::wrapped(ui, cx.t(line), Theme::bold(size::CONTACT), theme.text);
                }
            });
        });
        ui.add_space(space::S);
    }
}

fn map_block(ui: &mut egui::Ui, cx: &PageCtx<'_>, page: &ContactPage, max: Vec2) {
    let Some(map) = &page.map else { return };
    super::figure_ui(ui, cx, map, max);
}
