//! Full-screen layers drawn over the page, each covering the whole screen so that a touch
//! on it never reaches the page below: the layer itself, a modal card on a dimmed backdrop
//! (the idle warning), the admin PIN pad, and their big button and centred text.

use eframe::egui::{self, Align2, Id, Order, Pos2, Rect, Sense, Vec2};

use super::touch;
use crate::kiosk::staff_door::PadKey;
use crate::theme::{Theme, size, space};

/// A layer over the whole screen that takes every touch, so nothing below is pressed;
/// painted with `fill` if given. Returns the backdrop's response and `add_contents`' result.
pub fn full_screen_layer<R>(
    ctx: &egui::Context,
    id: &str,
    fill: Option<egui::Color32>,
    add_contents: impl FnOnce(&mut egui::Ui, Rect) -> R,
) -> (egui::Response, R) {
    let screen = ctx.content_rect();
    egui::Area::new(Id::unique(id))
        .order(Order::Foreground)
        .fixed_pos(screen.min)
        .show(ctx, |ui| {
            let backdrop = ui.allocate_rect(screen, Sense::click_and_drag());
            if let Some(fill) = fill {
                ui.painter().rect_filled(screen, 0, fill);
            }
            (backdrop, add_contents(ui, screen))
        })
        .inner
}

/// Shows a full-screen layer dimming everything below; `content` draws the centred card.
/// Returns the response of the backdrop (a touch anywhere on it) and `content`'s result.
pub fn modal<R>(
    ctx: &egui::Context,
    id: &str,
    theme: &Theme,
    card_width: f32,
    content: impl FnOnce(&mut egui::Ui) -> R,
) -> (egui::Response, R) {
    full_screen_layer(ctx, id, Some(theme.scrim), |ui, screen| {
        let card_rect = Rect::from_center_size(
            screen.center(),
            Vec2::new(card_width.min(screen.width() - 2.0 * space::M), 0.0),
        );
        ui.scope_builder(
            egui::UiBuilder::new()
                .max_rect(Rect::from_min_size(
                    Pos2::new(card_rect.left(), screen.top() + space::XL),
                    Vec2::new(card_rect.width(), screen.height() - 2.0 * space::XL),
                ))
                .layout(egui::Layout::top_down(egui::Align::Center)),
            |ui| {
                // Centre the card vertically once its height is known.
                let id = ui.scope_id().with("card-height");
                let last_height: f32 = ui.data(|d| d.get_temp(id)).unwrap_or(0.0);
                ui.add_space(((ui.available_height() - last_height) / 2.0).max(0.0));
                let shown = theme
                    .card_frame()
                    .inner_margin(egui::Margin::same(space::XL as i8))
                    .show(ui, |ui| {
                        ui.set_width(card_rect.width() - 2.0 * space::XL);
                        content(ui)
                    });
                let height = shown.response.rect.height();
                if (height - last_height).abs() > 0.5 {
                    ui.data_mut(|d| d.insert_temp(id, height));
                    ui.ctx().request_discard("modal card height");
                }
                shown.inner
            },
        )
        .inner
    })
}

/// A big, filled button for overlays; `label` is also its accessible name.
pub fn big_button(ui: &mut egui::Ui, theme: &Theme, label: &str, width: f32) -> egui::Response {
    let galley = ui.painter().layout(
        label.to_owned(),
        Theme::bold(size::LEAD),
        theme.on_primary,
        width - 2.0 * space::M,
    );
    let height = (galley.size().y + 2.0 * space::M).max(space::BIG_BUTTON_HEIGHT);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    touch::paint_fill(ui, &response, rect, touch::Look::action(theme));
    let text_pos = rect.center() - galley.size() / 2.0;
    ui.painter().galley(text_pos, galley, theme.on_primary);
    touch::paint_focus(ui, &response, rect);
    response
}

/// A big outlined button: a way out beside an overlay's action (Cancel on the PIN pad).
pub fn quiet_button(ui: &mut egui::Ui, theme: &Theme, label: &str, width: f32) -> egui::Response {
    let galley = ui.painter().layout(
        label.to_owned(),
        Theme::bold(size::LEAD),
        theme.primary,
        width - 2.0 * space::M,
    );
    let height = (galley.size().y + 2.0 * space::M).max(space::BIG_BUTTON_HEIGHT);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    touch::paint_fill(ui, &response, rect, touch::Look::choice(theme, false));
    let text_pos = rect.center() - galley.size() / 2.0;
    ui.painter().galley(text_pos, galley, theme.primary);
    touch::paint_focus(ui, &response, rect);
    response
}

/// Centred text in a modal.
pub fn centred(ui: &mut egui::Ui, text: &str, font: egui::FontId, color: egui::Color32) {
    let width = ui.available_width();
    let mut job = egui::text::LayoutJob::simple(text.to_owned(), font, color, width);
    job.halign = egui::Align::Center;
    let galley = ui.painter().layout_job(job);
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(width, galley.size().y), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    ui.painter()
        .galley(Pos2::new(rect.center().x, rect.top()), galley, color);
}

/// What the PIN pad asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PadAction {
    /// A key of the pad.
    Key(PadKey),
    /// Close the pad.
    Cancel,
}

/// What the PIN pad shows, its words in the language on screen.
#[derive(Debug, Clone, Copy)]
pub struct PinPadView<'a> {
    /// The pad's title.
    pub title: &'a str,
    /// How many digits are entered (shown as dots, never as digits).
    pub entered: usize,
    /// What a screen reader says of the dots ("3 digits entered").
    pub entered_label: &'a str,
    /// The name of the key that removes the last digit.
    pub delete: &'a str,
    /// The label of the button that closes the pad.
    pub cancel: &'a str,
    /// The line under the dots: what to do, or what went wrong.
    pub message: &'a str,
    /// The content's state, for staff.
    pub status: &'a str,
}

/// The keys of the pad, row by row: the label drawn and what it does.
const KEYS: [[(&str, PadKey); 3]; 4] = [
    [
        ("1", PadKey::Digit(1)),
        ("2", PadKey::Digit(2)),
        ("3", PadKey::Digit(3)),
    ],
    [
        ("4", PadKey::Digit(4)),
        ("5", PadKey::Digit(5)),
        ("6", PadKey::Digit(6)),
    ],
    [
        ("7", PadKey::Digit(7)),
        ("8", PadKey::Digit(8)),
        ("9", PadKey::Digit(9)),
    ],
    [
        (
            egui_material_icons::icons::ICON_BACKSPACE.codepoint,
            PadKey::Backspace,
        ),
        ("0", PadKey::Digit(0)),
        ("OK", PadKey::Submit),
    ],
];

/// The admin PIN pad: dots for the digits entered, a message, a number pad and Cancel.
pub fn pin_pad_ui(ctx: &egui::Context, theme: &Theme, view: &PinPadView<'_>) -> Option<PadAction> {
    let [key_width, key_height] = space::PIN_KEY;
    let gap = space::S;
    let pad_width = 3.0 * key_width + 2.0 * gap;
    let (_, action) = modal(
        ctx,
        "pin-pad",
        theme,
        pad_width + 2.0 * space::XL + 2.0 * space::M,
        |ui| {
            let mut action = None;
            centred(ui, view.title, Theme::bold(size::SECTION), theme.text);
            ui.add_space(space::S);
            entered_dots(ui, theme, view.entered, view.entered_label);
            centred(ui, view.message, Theme::font(size::SMALL), theme.text_muted);
            ui.add_space(space::M);
            for row in KEYS {
                ui.horizontal(|ui| {
                    ui.add_space(((ui.available_width() - pad_width) / 2.0).max(0.0));
                    ui.spacing_mut().item_spacing.x = gap;
                    for (label, key) in row {
                        let (rect, response) = ui
                            .allocate_exact_size(Vec2::new(key_width, key_height), Sense::click());
                        let name = match key {
                            PadKey::Backspace => view.delete,
                            _ => label,
                        };
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, name)
                        });
                        // OK is the pad's one action, filled; the digits are keys.
                        let (look, ink) = if key == PadKey::Submit {
                            (touch::Look::action(theme), theme.on_primary)
                        } else {
                            (touch::Look::key(theme), theme.primary)
                        };
                        touch::paint_fill(ui, &response, rect, look);
                        let font = if key == PadKey::Backspace {
                            Theme::icon_font(size::SECTION)
                        } else {
                            Theme::bold(size::SECTION)
                        };
                        ui.painter()
                            .text(rect.center(), Align2::CENTER_CENTER, label, font, ink);
                        touch::paint_focus(ui, &response, rect);
                        if response.clicked() {
                            action = Some(PadAction::Key(key));
                        }
                    }
                });
            }
            ui.add_space(space::M);
            // Cancel is a way out, not the pad's action: outlined, under the keys.
            if quiet_button(ui, theme, view.cancel, pad_width).clicked() {
                action = Some(PadAction::Cancel);
            }
            // Staff only ever see the content's state here, never visitors.
            ui.add_space(space::S);
            centred(ui, view.status, Theme::font(size::SMALL), theme.text_muted);
            action
        },
    );
    action
}

/// One dot per digit entered (an empty ring when none), never the digits.
fn entered_dots(ui: &mut egui::Ui, theme: &Theme, entered: usize, label: &str) {
    const RADIUS: f32 = 12.0;
    const STEP: f32 = 40.0;
    let (dots, response) = ui.allocate_exact_size(
        Vec2::new(ui.available_width(), 4.0 * RADIUS),
        Sense::hover(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label));
    let first = dots.center().x - STEP * (entered.max(1) as f32 - 1.0) / 2.0;
    for i in 0..entered.max(1) {
        let center = Pos2::new(first + STEP * i as f32, dots.center().y);
        if entered == 0 {
            ui.painter()
                .circle_stroke(center, RADIUS, egui::Stroke::new(2.0, theme.text_muted));
        } else {
            ui.painter().circle_filled(center, RADIUS, theme.primary);
        }
    }
}
