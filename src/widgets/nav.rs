//! The navigation: a rail on the left in landscape, a bar at the bottom in portrait.
//! Every button is a large target; the current page is marked by colour, weight and a bar.

use eframe::egui::{self, Pos2, Rect, Sense, Vec2};

use super::{icon, paint_button_state};
use crate::content::Icon;
use crate::navigation::Page;
use crate::theme::{Theme, size, space};

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

/// The vertical rail: one full-width button per item. Returns the page tapped, if any.
pub fn rail_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    items: &[NavItem<'_>],
    current: Page,
) -> Option<Page> {
    let mut chosen = None;
    let width = ui.available_width();
    for item in items {
        let selected = item.page == current;
        let font = if selected {
            Theme::bold(size::BUTTON)
        } else {
            Theme::font(size::BUTTON)
        };
        let color = if selected { theme.primary } else { theme.text };
        let text_left = space::M + size::NAV_ICON + space::S;
        let galley = ui.painter().layout(
            item.label.to_owned(),
            font,
            color,
            width - text_left - space::S,
        );
        let height = (galley.size().y + 2.0 * space::M).max(space::NAV_BUTTON_HEIGHT);
        let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, true, selected, item.label)
        });
        if ui.is_rect_visible(rect) {
            paint_button_state(ui, &response, theme, selected);
            if selected {
                let bar = Rect::from_min_size(
                    rect.min + Vec2::new(0.0, 12.0),
                    Vec2::new(6.0, rect.height() - 24.0),
                );
                ui.painter().rect_filled(bar, 3, theme.accent);
            }
            let painter = ui.painter();
            icon::paint(
                painter,
                Pos2::new(
                    rect.left() + space::M + size::NAV_ICON / 2.0,
                    rect.center().y,
                ),
                item.icon,
                size::NAV_ICON,
                if selected {
                    theme.primary
                } else {
                    theme.text_muted
                },
            );
            let pos = Pos2::new(
                rect.left() + text_left,
                rect.center().y - galley.size().y / 2.0,
            );
            painter.galley(pos, galley, color);
        }
        if response.clicked() {
            chosen = Some(item.page);
        }
        ui.add_space(space::XS);
    }
    chosen
}

/// The horizontal bar: equal-width buttons with the icon above the label.
pub fn bar_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    items: &[NavItem<'_>],
    current: Page,
) -> Option<Page> {
    let mut chosen = None;
    let count = items.len().max(1) as f32;
    let full = ui.available_rect_before_wrap();
    let width = full.width() / count;
    let height = space::BOTTOM_BAR_HEIGHT;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for item in items {
            let selected = item.page == current;
            let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), Sense::click());
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, item.label)
            });
            if ui.is_rect_visible(rect) {
                let inner = rect.shrink2(Vec2::new(4.0, 6.0));
                let inner_response = response.clone().with_new_rect(inner);
                paint_button_state(ui, &inner_response, theme, selected);
                let color = if selected { theme.primary } else { theme.text };
                if selected {
                    let bar = Rect::from_center_size(
                        Pos2::new(inner.center().x, inner.top() + 3.0),
                        Vec2::new(inner.width() * 0.6, 6.0),
                    );
                    ui.painter().rect_filled(bar, 3, theme.accent);
                }
                let painter = ui.painter();
                icon::paint(
                    painter,
                    Pos2::new(inner.center().x, inner.top() + 14.0 + size::NAV_ICON / 2.0),
                    item.icon,
                    size::NAV_ICON,
                    if selected {
                        theme.primary
                    } else {
                        theme.text_muted
                    },
                );
                let font = if selected {
                    Theme::bold(size::SMALL)
                } else {
                    Theme::font(size::SMALL)
                };
                let mut job = egui::text::LayoutJob::simple(
                    item.label.to_owned(),
                    font,
                    color,
                    inner.width() - 8.0,
                );
                job.halign = egui::Align::Center;
                let galley = painter.layout_job(job);
                let pos = Pos2::new(inner.center().x, inner.top() + 14.0 + size::NAV_ICON + 6.0);
                painter.galley(pos, galley, color);
            }
            if response.clicked() {
                chosen = Some(item.page);
            }
        }
    });
    chosen
}
