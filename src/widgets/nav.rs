//! The navigation: a rail on the left in landscape, a bar at the bottom in portrait, each a
//! named group for screen readers. Every button is a large target; the current page is
//! marked by colour, weight and a bar.

use eframe::egui::{self, Pos2, Rect, Sense, Vec2, accesskit::Role};

use super::{icon, touch};
use crate::content::Icon;
use crate::navigation::Page;
use crate::theme::{Theme, size, space};

/// The padding inside the rail's panel, around its buttons.
pub const RAIL_PADDING: f32 = space::S;

/// The padding inside the bottom bar's panel.
pub const BAR_PADDING: f32 = space::XS;

/// Where a rail button's label starts, from the button's left edge: after the icon.
const RAIL_TEXT_LEFT: f32 = space::M + size::NAV_ICON + space::S;

/// The gap between a bar button's edge and its pressed or selected fill.
const BAR_INSET: Vec2 = Vec2::new(4.0, 6.0);

/// Space above a bar button's icon, for the current page's marker.
const BAR_ICON_TOP: f32 = 14.0;

/// The gap between a bar button's icon and its label.
const BAR_LABEL_GAP: f32 = 6.0;

/// The current page marker's rounded ends.
const MARKER_RADIUS: u8 = (space::MARKER / 2.0) as u8;

/// One entry of the navigation.
#[derive(Debug, Clone)]
pub struct NavItem<'a> {
    /// Where it leads.
    pub page: Page,
    /// Its icon.
    pub icon: Icon,
    /// Its label in the current language.
    pub label: &'a str,
}

/// The width a rail label may take in a rail `rail_width` wide.
pub fn rail_label_width(rail_width: f32) -> f32 {
    rail_width - 2.0 * RAIL_PADDING - RAIL_TEXT_LEFT - space::S
}

/// The width a bar label may take in a bar `bar_width` wide with `count` buttons.
pub fn bar_label_width(bar_width: f32, count: usize) -> f32 {
    (bar_width - 2.0 * BAR_PADDING) / count.max(1) as f32 - 2.0 * BAR_INSET.x - space::XS
}

/// The font of a navigation label, bold for the current page.
fn label_font(font_size: f32, selected: bool) -> egui::FontId {
    if selected {
        Theme::bold(font_size)
    } else {
        Theme::font(font_size)
    }
}

/// A named navigation group around `add`.
fn group<R>(ui: &mut egui::Ui, name: &str, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    ui.scope_builder(
        egui::UiBuilder::new()
            .accessibility_role(Role::Navigation)
            .accessibility_label(name),
        add,
    )
    .inner
}

/// The vertical rail named `name`: one full-width button per item. Returns the page tapped,
/// if any. Buttons are generous while there is room; where larger text leaves too little
/// height they tighten to the touch minimum, and as a last resort the rail scrolls.
pub fn rail_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    name: &str,
    items: &[NavItem<'_>],
    current: Page,
) -> Option<Page> {
    group(ui, name, |ui| {
        let width = ui.available_width();
        let galleys: Vec<_> = items
            .iter()
            .map(|item| {
                let selected = item.page == current;
                let color = if selected { theme.primary } else { theme.text };
                ui.painter().layout(
                    item.label.to_owned(),
                    label_font(size::BUTTON, selected),
                    color,
                    width - RAIL_TEXT_LEFT - space::S,
                )
            })
            .collect();
        let heights: Vec<f32> = galleys.iter().map(|g| g.size().y).collect();
        // (padding around a label, least button height, gap under a button)
        let roomy = (space::M, space::NAV_BUTTON_HEIGHT, space::M);
        let tight = (space::XS, space::TOUCH_MIN, space::XS);
        let needed = |(pad, least, gap): (f32, f32, f32)| -> f32 {
            heights
                .iter()
                .map(|h| (h + 2.0 * pad).max(least) + gap)
                .sum()
        };
        let metrics = if needed(roomy) <= ui.available_height() {
            roomy
        } else {
            tight
        };
        let (pad, least, gap) = metrics;
        let buttons = |ui: &mut egui::Ui| {
            ui.spacing_mut().item_spacing.y = 0.0;
            let mut chosen = None;
            for (item, galley) in items.iter().zip(galleys) {
                let height = (galley.size().y + 2.0 * pad).max(least);
                let selected = item.page == current;
                if rail_button(ui, theme, item, galley, Vec2::new(width, height), selected) {
                    chosen = Some(item.page);
                }
                ui.add_space(gap);
            }
            chosen
        };
        if needed(metrics) <= ui.available_height() {
            buttons(ui)
        } else {
            egui::ScrollArea::vertical()
                .id_salt("nav-rail")
                .scroll_source(egui::scroll_area::ScrollSource::ALL)
                .auto_shrink([false, false])
                .show(ui, buttons)
                .inner
        }
    })
}

/// One button of the rail; true when tapped.
fn rail_button(
    ui: &mut egui::Ui,
    theme: &Theme,
    item: &NavItem<'_>,
    galley: std::sync::Arc<egui::Galley>,
    size: Vec2,
    selected: bool,
) -> bool {
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, item.label));
    if ui.is_rect_visible(rect) {
        touch::paint(ui, &response, rect, touch::Look::entry(theme, selected));
        let painter = ui.painter();
        if selected {
            let bar = Rect::from_min_size(
                rect.min + Vec2::new(0.0, 2.0 * space::MARKER),
                Vec2::new(space::MARKER, rect.height() - 4.0 * space::MARKER),
            );
            painter.rect_filled(bar, MARKER_RADIUS, theme.accent);
        }
        let icon_center = Pos2::new(
            rect.left() + space::M + size::NAV_ICON / 2.0,
            rect.center().y,
        );
        let icon_color = if selected {
            theme.primary
        } else {
            theme.text_muted
        };
        icon::paint(painter, icon_center, item.icon, size::NAV_ICON, icon_color);
        let pos = Pos2::new(
            rect.left() + RAIL_TEXT_LEFT,
            rect.center().y - galley.size().y / 2.0,
        );
        let color = if selected { theme.primary } else { theme.text };
        painter.galley(pos, galley, color);
    }
    response.clicked()
}

/// The horizontal bar named `name`: equal-width buttons with the icon above the label, as
/// tall as the longest label needs. Returns the page tapped, if any.
pub fn bar_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    name: &str,
    items: &[NavItem<'_>],
    current: Page,
) -> Option<Page> {
    group(ui, name, |ui| {
        let mut chosen = None;
        let full = ui.available_rect_before_wrap();
        let width = full.width() / items.len().max(1) as f32;
        let label_width = width - 2.0 * BAR_INSET.x - space::XS;
        let galleys: Vec<_> = items
            .iter()
            .map(|item| bar_label(ui, theme, item, item.page == current, label_width))
            .collect();
        let tallest = galleys.iter().map(|g| g.size().y).fold(0.0, f32::max);
        let height = (2.0 * BAR_INSET.y
            + BAR_ICON_TOP
            + size::NAV_ICON
            + BAR_LABEL_GAP
            + tallest
            + space::XS)
            .max(space::BOTTOM_BAR_HEIGHT);
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            for (item, galley) in items.iter().zip(galleys) {
                let selected = item.page == current;
                let (rect, response) =
                    ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, selected, item.label)
                });
                if ui.is_rect_visible(rect) {
                    paint_bar_button(ui, theme, &response, item, galley, selected);
                }
                if response.clicked() {
                    chosen = Some(item.page);
                }
            }
        });
        chosen
    })
}

/// A bar button's label, centred on `width`.
fn bar_label(
    ui: &egui::Ui,
    theme: &Theme,
    item: &NavItem<'_>,
    selected: bool,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let color = if selected { theme.primary } else { theme.text };
    let mut job = egui::text::LayoutJob::simple(
        item.label.to_owned(),
        label_font(size::SMALL, selected),
        color,
        width,
    );
    job.halign = egui::Align::Center;
    ui.painter().layout_job(job)
}

fn paint_bar_button(
    ui: &egui::Ui,
    theme: &Theme,
    response: &egui::Response,
    item: &NavItem<'_>,
    galley: std::sync::Arc<egui::Galley>,
    selected: bool,
) {
    let inner = response.rect.shrink2(BAR_INSET);
    touch::paint(ui, response, inner, touch::Look::entry(theme, selected));
    let painter = ui.painter();
    let color = if selected { theme.primary } else { theme.text };
    if selected {
        let bar = Rect::from_center_size(
            Pos2::new(inner.center().x, inner.top() + space::MARKER / 2.0),
            Vec2::new(inner.width() * 0.6, space::MARKER),
        );
        painter.rect_filled(bar, MARKER_RADIUS, theme.accent);
    }
    let icon_color = if selected {
        theme.primary
    } else {
        theme.text_muted
    };
    let icon_center = Pos2::new(
        inner.center().x,
        inner.top() + BAR_ICON_TOP + size::NAV_ICON / 2.0,
    );
    icon::paint(painter, icon_center, item.icon, size::NAV_ICON, icon_color);
    let pos = Pos2::new(
        inner.center().x,
        inner.top() + BAR_ICON_TOP + size::NAV_ICON + BAR_LABEL_GAP,
    );
    painter.galley(pos, galley, color);
}
