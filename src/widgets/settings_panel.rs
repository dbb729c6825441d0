//! The reading settings: a button beside the language switch, and the panel it opens under
//! it, in the flow of the screen, with one large switch per setting (an icon, its name, and a
//! knob that shows on or off by its position, not by colour alone).

use eframe::egui::{self, Align2, Pos2, Rect, Sense, Vec2, accesskit::Role};

use super::touch;
use crate::theme::{Theme, size, space};

/// The narrowest the panel is, in points.
const PANEL_MIN_WIDTH: f32 = 420.0;

/// The switch drawn at the end of a row.
const SWITCH: Vec2 = Vec2::new(64.0, 36.0);

/// A row's width without its label: icon, gaps and switch.
const ROW_FIXED: f32 = space::S + size::NAV_ICON + space::S + space::M + SWITCH.x + space::S;

/// One switch of the panel.
#[derive(Debug, Clone, Copy)]
pub struct Toggle<'a> {
    /// Its icon's glyph.
    pub icon: &'a str,
    /// Its name in the current language.
    pub label: &'a str,
    /// Whether it is on.
    pub on: bool,
}

/// What the visitor did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelAction {
    /// Open (true) or close (false) the panel.
    Open(bool),
    /// Flip the switch with this index.
    Toggle(usize),
}

/// The width of the button labelled `label`.
pub fn button_width(ui: &egui::Ui, label: &str) -> f32 {
    let text = ui
        .painter()
        .layout_no_wrap(
            label.to_owned(),
            Theme::bold(size::BUTTON),
            egui::Color32::BLACK,
        )
        .size()
        .x;
    space::M + size::NAV_ICON + space::XS + text + space::M
}

/// The button labelled `label`, filled while the panel is `open`; returns its rect and,
/// when it was pressed, whether the panel is to be open.
pub fn button_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    label: &str,
    open: bool,
) -> (Rect, Option<bool>) {
    let size = Vec2::new(button_width(ui, label), space::TOUCH_MIN);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response.widget_info(|| egui::WidgetInfo::selected(Role::Button, true, open, label));
    if ui.is_rect_visible(rect) {
        touch::paint_fill(ui, &response, rect, touch::Look::choice(theme, open));
        let color = if open && !touch::is_pressed(&response) {
            theme.on_primary
        } else {
            theme.primary
        };
        let painter = ui.painter();
        let icon_center = Pos2::new(
            rect.left() + space::M + size::NAV_ICON / 2.0,
            rect.center().y,
        );
        painter.text(
            icon_center,
            Align2::CENTER_CENTER,
            egui_material_icons::icons::ICON_SETTINGS_ACCESSIBILITY.codepoint,
            Theme::icon_font(size::NAV_ICON),
            color,
        );
        painter.text(
            Pos2::new(
                icon_center.x + size::NAV_ICON / 2.0 + space::XS,
                rect.center().y,
            ),
            Align2::LEFT_CENTER,
            label,
            Theme::bold(size::BUTTON),
            color,
        );
        touch::paint_focus(ui, &response, rect);
    }
    (rect, response.clicked().then_some(!open))
}

/// The open panel of `toggles`, in the page's flow under the button (it pushes the page
/// down, so it never covers the text it was opened to enlarge): the switches side by side
/// where the width allows, else one under the other. `button` is the button's rect: a press
/// anywhere but on the panel and the button closes the panel, and the press still does what
/// it does.
pub fn panel_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    toggles: &[Toggle<'_>],
    button: Rect,
) -> Option<PanelAction> {
    let row = toggles
        .iter()
        .map(|t| row_width(ui, t.label))
        .fold(PANEL_MIN_WIDTH / 2.0, f32::max);
    let gap = space::S;
    let across = toggles.len() as f32 * row + (toggles.len().max(1) - 1) as f32 * gap;
    let side_by_side = across + 2.0 * space::M <= ui.available_width();
    let shown = theme.card_frame().show(ui, |ui| {
        ui.spacing_mut().item_spacing = Vec2::splat(gap);
        let mut flipped = None;
        let mut each = |ui: &mut egui::Ui, width: f32| {
            for (i, toggle) in toggles.iter().enumerate() {
                if toggle_row(ui, theme, toggle, width).clicked() {
                    flipped = Some(i);
                }
            }
        };
        if side_by_side {
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                each(ui, row);
            });
        } else {
            let width = ui.available_width().min(row.max(PANEL_MIN_WIDTH));
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                each(ui, width);
            });
        }
        flipped
    });
    if let Some(i) = shown.inner {
        return Some(PanelAction::Toggle(i));
    }
    let panel = shown.response.rect;
    let outside = ui.input(|i| {
        i.pointer.any_pressed()
            && i.pointer
                .press_origin()
                .is_some_and(|p| !panel.contains(p) && !button.contains(p))
    });
    outside.then_some(PanelAction::Open(false))
}

/// The width a row needs for `label` on one line.
fn row_width(ui: &egui::Ui, label: &str) -> f32 {
    let text = ui
        .painter()
        .layout_no_wrap(
            label.to_owned(),
            Theme::font(size::BUTTON),
            egui::Color32::BLACK,
        )
        .size()
        .x;
    ROW_FIXED + text
}

/// One setting: the whole row is the target.
fn toggle_row(ui: &mut egui::Ui, theme: &Theme, toggle: &Toggle<'_>, width: f32) -> egui::Response {
    let text_width = width - ROW_FIXED;
    let galley = ui.painter().layout(
        toggle.label.to_owned(),
        Theme::font(size::BUTTON),
        theme.text,
        text_width.max(1.0),
    );
    let height = (galley.size().y + 2.0 * space::S).max(space::TOUCH_MIN);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
    response
        .widget_info(|| egui::WidgetInfo::selected(Role::Switch, true, toggle.on, toggle.label));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    touch::paint_fill(ui, &response, rect, touch::Look::entry(theme, false));
    let painter = ui.painter();
    let icon_center = Pos2::new(
        rect.left() + space::S + size::NAV_ICON / 2.0,
        rect.center().y,
    );
    painter.text(
        icon_center,
        Align2::CENTER_CENTER,
        toggle.icon,
        Theme::icon_font(size::NAV_ICON),
        theme.primary,
    );
    let text_pos = Pos2::new(
        icon_center.x + size::NAV_ICON / 2.0 + space::S,
        rect.center().y - galley.size().y / 2.0,
    );
    painter.galley(text_pos, galley, theme.text);
    let switch = Rect::from_center_size(
        Pos2::new(rect.right() - space::S - SWITCH.x / 2.0, rect.center().y),
        SWITCH,
    );
    paint_switch(painter, theme, switch, toggle.on);
    touch::paint_focus(ui, &response, rect);
    response
}

/// A pill with a knob: on the right and filled when on, on the left and outlined when off.
fn paint_switch(painter: &egui::Painter, theme: &Theme, rect: Rect, on: bool) {
    let radius = rect.height() / 2.0;
    let knob_radius = radius - 5.0;
    if on {
        painter.rect_filled(rect, radius, theme.primary);
        let knob = Pos2::new(rect.right() - radius, rect.center().y);
        painter.circle_filled(knob, knob_radius, theme.on_primary);
    } else {
        painter.rect_filled(rect, radius, theme.surface);
        painter.rect_stroke(
            rect,
            radius,
            egui::Stroke::new(2.0, theme.text_muted),
            egui::StrokeKind::Inside,
        );
        let knob = Pos2::new(rect.left() + radius, rect.center().y);
        painter.circle_filled(knob, knob_radius, theme.text_muted);
    }
}
