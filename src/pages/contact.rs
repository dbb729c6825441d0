//! Contact: address, phones, email and social media, large enough to copy down by hand;
//! QR codes to take the office away on a phone (its contact card, an email, its page), all
//! of one size in one row with their captions at the body size; and a map locating the
//! office, beside the details.

use eframe::egui::{self, Vec2};

use super::PageCtx;
use crate::content::{Code, CodeKind, ContactItem, ContactPage};
use crate::theme::{Theme, size, space};
use crate::widgets::{icon, qr, text};

/// The narrowest the details may be with a column beside them.
const DETAILS_MIN_WIDTH: f32 = 520.0;

/// The room between two codes side by side: a phone aimed at one must not take in the
/// corner patterns of the next.
const CODE_GAP: f32 = space::XL;

/// The tallest the map is drawn.
const MAP_HEIGHT: f32 = 760.0;

/// Draws the contact page.
pub fn ui(ui: &mut egui::Ui, cx: &PageCtx<'_>) {
    let page = &cx.content.contact;
    ui.add_space(space::M);
    let codes = Codes::of(cx, &page.codes);
    // Beside the details: the codes in one row and the map under them, where the width
    // allows; else one under the other (a laptop's screen, a portrait screen).
    let right = ui.available_width() - DETAILS_MIN_WIDTH - space::L;
    let beside = !cx.portrait && codes.fit(right);
    if beside {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            let left = ui.available_width() - right - space::L;
            ui.allocate_ui(Vec2::new(left, 0.0), |ui| {
                ui.vertical(|ui| details_ui(ui, cx, &page.items));
            });
            ui.add_space(space::L);
            ui.allocate_ui(Vec2::new(right, 0.0), |ui| {
                ui.vertical(|ui| {
                    codes.ui(ui, cx, right);
                    ui.add_space(space::M);
                    map_block(ui, cx, page, Vec2::new(right, MAP_HEIGHT));
                });
            });
        });
    } else {
        details_ui(ui, cx, &page.items);
        ui.add_space(space::M);
        let width = ui.available_width();
        codes.ui(ui, cx, width);
        ui.add_space(space::M);
        let max = Vec2::new(width.min(space::MAX_TEXT_WIDTH), MAP_HEIGHT);
        map_block(ui, cx, page, max);
    }
    super::sections_ui(ui, cx, &page.sections);
}

/// The codes to take away, each with its caption and what a screen reader says of it.
struct Codes<'a> {
    codes: Vec<(std::sync::Arc<qr::Code>, &'a str, String)>,
}

impl<'a> Codes<'a> {
    fn of(cx: &PageCtx<'a>, codes: &'a [Code]) -> Self {
        let codes = codes
            .iter()
            .filter_map(|code| {
                let payload = cx.content.code_payload(code, cx.lang);
                let drawn = qr::Code::shared(&payload)?;
                let caption = cx.t(&code.caption);
                let spoken = match &code.kind {
                    CodeKind::Contact => caption.to_owned(),
                    CodeKind::Email | CodeKind::Link(_) => format!("{caption}: {payload}"),
                };
                Some((drawn, caption, spoken))
            })
            .collect();
        Self { codes }
    }

    /// The most modules (with the quiet zone) of any of the codes: it sets their one size.
    fn modules(&self) -> usize {
        self.codes
            .iter()
            .map(|(code, ..)| code.modules() + 2 * qr::QUIET_ZONE)
            .max()
            .unwrap_or(0)
    }

    fn gaps(&self) -> f32 {
        CODE_GAP * (self.codes.len().max(1) - 1) as f32
    }

    /// Whether the codes fit in one row `width` wide at the smallest module.
    fn fit(&self, width: f32) -> bool {
        self.side(width) >= self.modules() as f32 * qr::MIN_MODULE
    }

    /// The side every code is drawn at in a row `width` wide: as large as the row allows, up
    /// to the full module size of the densest code.
    fn side(&self, width: f32) -> f32 {
        let count = self.codes.len().max(1) as f32;
        let most = self.modules() as f32 * qr::MODULE;
        // Whole points, so rounding never pushes the last code onto a row of its own.
        ((width - self.gaps()) / count).floor().min(most)
    }

    /// The codes in one row `width` wide (wrapping only where even the smallest module
    /// leaves no room), all of one size, captions at the body size.
    fn ui(&self, ui: &mut egui::Ui, cx: &PageCtx<'_>, width: f32) {
        let smallest = self.modules() as f32 * qr::MIN_MODULE;
        let side = self.side(width).max(smallest.min(width));
        let layout = egui::Layout::left_to_right(egui::Align::Min).with_main_wrap(true);
        ui.with_layout(layout, |ui| {
            ui.spacing_mut().item_spacing = Vec2::new(CODE_GAP, space::M);
            for (code, caption, spoken) in &self.codes {
                qr::code_sized_ui(ui, cx.theme, code, side, (caption, true), spoken);
            }
        });
    }
}

/// The codes to take away in one row `width` wide at one size, captions at the body size
/// (the presenter's closing slide).
pub fn codes_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, codes: &[Code]) {
    let width = ui.available_width();
    Codes::of(cx, codes).ui(ui, cx, width);
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
