//! Contact: address, phones, email and social media, large enough to copy down by hand;
//! a QR code for phones and a map locating the office.

use eframe::egui::{self, Vec2};

use super::PageCtx;
use crate::content::{ContactItem, ContactPage};
use crate::theme::{Theme, size, space};
use crate::widgets::{icon, qr, text};

/// Draws the contact page.
pub fn ui(ui: &mut egui::Ui, cx: &PageCtx<'_>) {
    let page = &cx.content.contact;
    ui.add_space(space::M);

    if cx.portrait {
        details(ui, cx, page);
        ui.add_space(space::M);
        ui.horizontal_top(|ui| {
            let half = (ui.available_width() - space::M) / 2.0;
            ui.allocate_ui(Vec2::new(half, 0.0), |ui| {
                ui.vertical(|ui| qr_block(ui, cx, page, half));
            });
            ui.allocate_ui(Vec2::new(half, 0.0), |ui| {
                ui.vertical(|ui| map_block(ui, cx, page, half));
            });
        });
    } else {
        ui.horizontal_top(|ui| {
            let left = ui.available_width() * 0.58;
            ui.allocate_ui(Vec2::new(left, 0.0), |ui| {
                ui.vertical(|ui| {
                    details(ui, cx, page);
                    qr_block(ui, cx, page, left);
                });
            });
            ui.add_space(space::L);
            ui.vertical(|ui| {
                let width = ui.available_width();
                map_block(ui, cx, page, width);
            });
        });
    }

    super::sections_ui(ui, cx, &page.sections);
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

/// The QR code with its caption under it.
pub fn qr_block(ui: &mut egui::Ui, cx: &PageCtx<'_>, page: &ContactPage, _width: f32) {
    let Some(qr) = &page.qr else { return };
    let Some(code) = qr::Code::new(&qr.url) else {
        return;
    };
    let caption = cx.t(&qr.caption);
    qr::code_ui(
        ui,
        cx.theme,
        &code,
        caption,
        &format!("{caption}: {}", qr.url),
    );
}

fn map_block(ui: &mut egui::Ui, cx: &PageCtx<'_>, page: &ContactPage, width: f32) {
    let Some(map) = &page.map else { return };
    super::figure_ui(ui, cx, map, Vec2::new(width, 760.0));
}
