//! The browsing screen, laid out by the screen's shape: in landscape the navigation rail on
//! the left and the language switch top right; in portrait the office's name and the language
//! switch on top and the navigation as a bar at the bottom, in reach; the page in the rest,
//! scrolling. Also the zoom that fits the design to the screen.

use eframe::egui::{self, Vec2};

use crate::command::Command;
use crate::navigation::Page;
use crate::pages::{self, PageCtx};
use crate::theme::{DESIGN_SHORT_SIDE, Theme, size, space, zoom_for_screen};
use crate::widgets::language_switch::{language_switch_ui, switch_width};
use crate::widgets::nav::{self, NavItem};
use crate::widgets::text;

/// The short side slides are designed for: smaller than [`DESIGN_SHORT_SIDE`], so
/// everything is drawn a third larger (body text 37 pixels on a 1080p projector), to be read
/// across a room; slides carry less text than pages so it still fits.
pub(crate) const SLIDE_SHORT_SIDE: f32 = 810.0;

/// Fits the design to the screen: `design_short_side` points on the short side.
pub(crate) fn fit_zoom(ctx: &egui::Context, design_short_side: f32) {
    let native = ctx.content_rect().size() * ctx.zoom_factor();
    let zoom = zoom_for_screen(native) * DESIGN_SHORT_SIDE / design_short_side;
    if (zoom - ctx.zoom_factor()).abs() > 0.001 {
        ctx.set_zoom_factor(zoom);
    }
}

/// The page margin at the sides: less in portrait, where width is scarce.
pub fn page_margin(portrait: bool) -> f32 {
    if portrait { space::L } else { space::XL }
}

/// The width a page's content has on a screen of `screen` points, when it scrolls.
pub fn page_width(screen: Vec2) -> f32 {
    let portrait = screen.y > screen.x;
    let beside = if portrait { 0.0 } else { space::RAIL_WIDTH };
    screen.x - beside - space::SCROLL_BAR - 2.0 * page_margin(portrait)
}

/// How the page on screen is shown this frame.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageView {
    /// The page.
    pub page: Page,
    /// Its first frame: start at the top.
    pub scroll_to_top: bool,
    /// How opaque it is while it fades in, 0 to 1.
    pub opacity: f32,
}

/// Navigation, language switch and page: the laptop and kiosk screen.
pub(crate) fn browse_ui(
    ui: &mut egui::Ui,
    cx: &PageCtx<'_>,
    view: PageView,
    commands: &mut Vec<Command>,
) {
    let theme = cx.theme;
    let labels = &cx.content.labels;
    let languages = &cx.content.languages;
    let items: Vec<NavItem<'_>> = Page::ALL
        .iter()
        .map(|&page| {
            let header = page.header(cx.content);
            NavItem {
                page,
                icon: header.icon,
                label: cx.t(header.nav_label),
            }
        })
        .collect();
    let bar_frame = egui::Frame::new()
        .fill(theme.surface)
        .stroke(theme.card_stroke())
        .inner_margin(egui::Margin::symmetric(space::M as i8, space::S as i8));
    let mut language = None;
    let mut page = None;
    if cx.portrait {
        egui::Panel::top("top-bar")
            .resizable(false)
            .show_separator_line(false)
            .frame(bar_frame)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let switch = switch_width(ui, languages);
                    let name_width = ui.available_width() - switch - space::M;
                    ui.allocate_ui(Vec2::new(name_width, 0.0), |ui| {
                        ui.set_width(name_width);
                        ui.vertical(|ui| wordmark_ui(ui, cx));
                    });
                    ui.add_space(space::M);
                    let name = cx.t(&labels.language);
                    language = language_switch_ui(ui, theme, name, languages, cx.lang);
                });
            });
        egui::Panel::bottom("nav-bar")
            .resizable(false)
            .show_separator_line(false)
            .frame(bar_frame.inner_margin(egui::Margin::same(nav::BAR_PADDING as i8)))
            .show(ui, |ui| {
                let name = cx.t(&labels.navigation);
                page = nav::bar_ui(ui, theme, name, &items, view.page);
            });
    } else {
        egui::Panel::left("nav-rail")
            .resizable(false)
            .exact_size(space::RAIL_WIDTH)
            .show_separator_line(false)
            .frame(bar_frame.inner_margin(egui::Margin::same(nav::RAIL_PADDING as i8)))
            .show(ui, |ui| {
                ui.add_space(space::S);
                ui.horizontal(|ui| {
                    ui.add_space(space::XS);
                    ui.vertical(|ui| wordmark_ui(ui, cx));
                });
                ui.add_space(space::L);
                let name = cx.t(&labels.navigation);
                page = nav::rail_ui(ui, theme, name, &items, view.page);
            });
        egui::Panel::top("top-bar")
            .resizable(false)
            .show_separator_line(false)
            .frame(
                egui::Frame::new()
                    .fill(theme.background)
                    .inner_margin(egui::Margin::symmetric(space::XL as i8, space::S as i8)),
            )
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let switch = switch_width(ui, languages);
                    ui.add_space((ui.available_width() - switch).max(0.0));
                    let name = cx.t(&labels.language);
                    language = language_switch_ui(ui, theme, name, languages, cx.lang);
                });
            });
    }
    commands.extend(language.map(Command::SetLanguage));
    commands.extend(page.map(Command::Go));
    egui::CentralPanel::no_frame()
        .frame(egui::Frame::new().fill(theme.background))
        .show(ui, |ui| commands.extend(page_area_ui(ui, cx, view)));
}

/// The page, scrolling, inside the page margins.
fn page_area_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, view: PageView) -> Option<Command> {
    let margin = page_margin(cx.portrait);
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt(("page", view.page.slug()))
        .scroll_source(egui::scroll_area::ScrollSource::ALL)
        .auto_shrink([false, false]);
    if view.scroll_to_top {
        scroll = scroll.vertical_scroll_offset(0.0);
    }
    // In landscape the language bar above already gives the page its top margin.
    let top = if cx.portrait { margin } else { space::XS };
    scroll
        .show(ui, |ui| {
            egui::Frame::new()
                .inner_margin(egui::Margin {
                    left: margin as i8,
                    right: margin as i8,
                    top: top as i8,
                    bottom: margin as i8,
                })
                .show(ui, |ui| {
                    ui.multiply_opacity(view.opacity);
                    ui.set_width(ui.available_width());
                    ui.spacing_mut().item_spacing.y = space::S;
                    pages::page_ui(ui, cx, view.page)
                })
                .inner
        })
        .inner
}

/// The office's name as a wordmark, with the organisation under it.
fn wordmark_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>) {
    let identity = &cx.content.identity;
    ui.spacing_mut().item_spacing.y = 0.0;
    text::wrapped(
        ui,
        cx.t(&identity.office_name),
        Theme::bold(size::WORDMARK),
        cx.theme.primary,
    );
    text::wrapped(
        ui,
        cx.t(&identity.organization),
        Theme::font(size::SMALL),
        cx.theme.text_muted,
    );
}
