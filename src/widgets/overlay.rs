//! Full-screen layers drawn over the page: the idle warning and the admin PIN pad.
//! Each covers the whole screen, so a touch on it never reaches the page below.

use eframe::egui::{self, Align2, Id, Order, Pos2, Rect, Sense, Vec2};

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
    let height = (galley.size().y + 2.0 * space::M).max(96.0);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    let fill = if response.is_pointer_button_down_on() {
        theme.text
    } else {
        theme.primary
    };
    ui.painter().rect_filled(rect, space::RADIUS, fill);
    let text_pos = rect.center() - galley.size() / 2.0;
    ui.painter().galley(text_pos, galley, theme.on_primary);
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
    /// A digit key.
    Digit(u8),
    /// Remove the last digit.
    Backspace,
    /// Check the PIN.
    Submit,
    /// Close the pad.
    Cancel,
}

/// The admin PIN pad: dots for the digits entered, a message, and a number pad.
pub fn pin_pad_ui(
    ctx: &egui::Context,
    theme: &Theme,
    entered: usize,
    message: &str,
    status: &str,
) -> Option<PadAction> {
    let (_, action) = modal(ctx, "pin-pad", theme, 560.0, |ui| {
        let mut action = None;
        centred(
            ui,
            "Administrator PIN",
            Theme::bold(size::SECTION),
            theme.text,
        );
        ui.add_space(space::S);
        // One dot per digit entered, never the digits.
        let (dots, response) =
            ui.allocate_exact_size(Vec2::new(ui.available_width(), 48.0), Sense::hover());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Label, true, format!("{entered} digits entered"))
        });
        let step = 40.0;
        let first = dots.center().x - step * (entered.max(1) as f32 - 1.0) / 2.0;
        for i in 0..entered.max(1) {
            let center = Pos2::new(first + step * i as f32, dots.center().y);
            if entered == 0 {
                ui.painter()
                    .circle_stroke(center, 12.0, egui::Stroke::new(2.0, theme.text_muted));
            } else {
                ui.painter().circle_filled(center, 12.0, theme.primary);
            }
        }
        centred(ui, message, Theme::font(size::SMALL), theme.text_muted);
        ui.add_space(space::M);
        let key = 128.0;
        let gap = space::S;
        let rows: [[(&str, PadAction); 3]; 4] = [
            [
                ("1", PadAction::Digit(1)),
                ("2", PadAction::Digit(2)),
                ("3", PadAction::Digit(3)),
            ],
            [
                ("4", PadAction::Digit(4)),
                ("5", PadAction::Digit(5)),
                ("6", PadAction::Digit(6)),
            ],
            [
                ("7", PadAction::Digit(7)),
                ("8", PadAction::Digit(8)),
                ("9", PadAction::Digit(9)),
            ],
            [
                (
                    egui_material_icons::icons::ICON_BACKSPACE.codepoint,
                    PadAction::Backspace,
                ),
                ("0", PadAction::Digit(0)),
                ("OK", PadAction::Submit),
            ],
        ];
        for row in rows {
            ui.horizontal(|ui| {
                ui.add_space(((ui.available_width() - 3.0 * key - 2.0 * gap) / 2.0).max(0.0));
                ui.spacing_mut().item_spacing.x = gap;
                for (label, pad_action) in row {
                    let (rect, response) =
                        ui.allocate_exact_size(Vec2::new(key, 96.0), Sense::click());
                    let name = match pad_action {
                        PadAction::Backspace => "Delete",
                        PadAction::Submit => "OK",
                        _ => label,
                    };
                    response
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
                    let fill = if response.is_pointer_button_down_on() {
                        theme.surface_pressed
                    } else {
                        theme.primary_soft
                    };
                    ui.painter().rect_filled(rect, space::RADIUS, fill);
                    let font = if pad_action == PadAction::Backspace {
                        Theme::icon_font(size::SECTION)
                    } else {
                        Theme::bold(size::SECTION)
                    };
                    ui.painter().text(
                        rect.center(),
                        Align2::CENTER_CENTER,
                        label,
                        font,
                        theme.primary,
                    );
                    if response.clicked() {
                        action = Some(pad_action);
                    }
                }
            });
        }
        ui.add_space(space::M);
        if big_button(ui, theme, "Cancel", 3.0 * key + 2.0 * gap).clicked() {
            action = Some(PadAction::Cancel);
        }
        // Staff only ever see the content's state here, never visitors.
        ui.add_space(space::S);
        centred(ui, status, Theme::font(size::SMALL), theme.text_muted);
        action
    });
    action
}
