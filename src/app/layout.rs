//! The browsing screen, laid out by the screen's shape: in landscape the navigation rail on
//! the left and the language switch top right; in portrait the office's name and the language
//! switch on top and the navigation as a bar at the bottom, in reach; the page in the rest,
//! scrolling. Also the zoom that fits the design to the screen.

use eframe::egui::{self, Vec2};

use crate::command::Command;
use crate::navigation::Page;
use crate::pages::{self, PageCtx};
use crate::theme::{
    DESIGN_SHORT_SIDE, Setting, Settings, Theme, page_margin, size, space, zoom_for_screen,
};
use crate::widgets::language_switch::{language_switch_ui, switch_width};
use crate::widgets::nav::{self, NavItem};
use crate::widgets::settings_panel::{self, PanelAction, Toggle};
use crate::widgets::text;

/// The short side slides are designed for: smaller than [`DESIGN_SHORT_SIDE`], so
/// everything is drawn a third larger (body text 37 pixels on a 1080p projector), to be read
/// across a room; slides carry less text than pages so it still fits.
pub(crate) const SLIDE_SHORT_SIDE: f32 = 810.0;

/// The most of a portrait top bar's width the controls take beside the office's name.
const PORTRAIT_CONTROLS_SHARE: f32 = 0.6;

/// Fits the design to the screen: `design_short_side` points on the short side, drawn
/// `scale` times larger (larger text).
pub(crate) fn fit_zoom(ctx: &egui::Context, design_short_side: f32, scale: f32) {
    let zoom = zoom_for(ctx, design_short_side, scale);
    if (zoom - ctx.zoom_factor()).abs() > 0.001 {
        ctx.set_zoom_factor(zoom);
    }
}

/// The zoom [`fit_zoom`] sets for `design_short_side` and `scale` (egui applies a new zoom
/// from the next frame on).
pub(crate) fn zoom_for(ctx: &egui::Context, design_short_side: f32, scale: f32) -> f32 {
    let native = ctx.content_rect().size() * ctx.zoom_factor();
    zoom_for_screen(native) * DESIGN_SHORT_SIDE / design_short_side * scale
}

/// How the page on screen is shown this frame.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageView {
    /// The page.
    pub page: Page,
    /// The reading settings in force.
    pub settings: Settings,
    /// Whether the settings' panel is open.
    pub settings_open: bool,
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
    let mut page = None;
    if cx.portrait {
        egui::Panel::top("top-bar")
            .resizable(false)
            .show_separator_line(false)
            .frame(bar_frame)
            .show(ui, |ui| {
                let controls = controls_width(ui, cx);
                let button = if controls <= ui.available_width() * PORTRAIT_CONTROLS_SHARE {
                    ui.horizontal(|ui| {
                        // Every gap is explicit, so the widths add up to the bar's.
                        ui.spacing_mut().item_spacing.x = 0.0;
                        let name_width = ui.available_width() - controls - space::M;
                        ui.allocate_ui(Vec2::new(name_width, 0.0), |ui| {
                            ui.set_width(name_width);
                            ui.vertical(|ui| wordmark_ui(ui, cx));
                        });
                        ui.add_space(space::M);
                        controls_ui(ui, cx, view, commands)
                    })
                    .inner
                } else {
                    // Larger text leaves no room beside the name: the controls go under it.
                    wordmark_ui(ui, cx);
                    ui.add_space(space::S);
                    ui.horizontal(|ui| {
                        ui.add_space((ui.available_width() - controls).max(0.0));
                        controls_ui(ui, cx, view, commands)
                    })
                    .inner
                };
                settings_row_ui(ui, cx, view, button, commands);
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
                let button = ui
                    .horizontal(|ui| {
                        let controls = controls_width(ui, cx);
                        ui.add_space((ui.available_width() - controls).max(0.0));
                        controls_ui(ui, cx, view, commands)
                    })
                    .inner;
                settings_row_ui(ui, cx, view, button, commands);
            });
    }
    commands.extend(page.map(Command::Go));
    egui::CentralPanel::no_frame()
        .frame(egui::Frame::new().fill(theme.background))
        .show(ui, |ui| commands.extend(page_area_ui(ui, cx, view)));
}

/// The width of [`controls_ui`].
fn controls_width(ui: &egui::Ui, cx: &PageCtx<'_>) -> f32 {
    let display = cx.t(&cx.content.labels.display);
    settings_panel::button_width(ui, display) + space::S + switch_width(ui, &cx.content.languages)
}

/// The reading settings' button and the language switch, side by side; returns the
/// button's rect, for the panel under it.
fn controls_ui(
    ui: &mut egui::Ui,
    cx: &PageCtx<'_>,
    view: PageView,
    commands: &mut Vec<Command>,
) -> egui::Rect {
    // The one gap is explicit, so the width is what `controls_width` says.
    ui.spacing_mut().item_spacing.x = 0.0;
    let labels = &cx.content.labels;
    let display = cx.t(&labels.display);
    let (button, action) = settings_panel::button_ui(ui, cx.theme, display, view.settings_open);
    commands.extend(action.map(Command::SettingsPanel));
    ui.add_space(space::S);
    let name = cx.t(&labels.language);
    let languages = &cx.content.languages;
    let chosen = language_switch_ui(ui, cx.theme, name, languages, cx.lang);
    commands.extend(chosen.map(Command::SetLanguage));
    button
}

/// The reading settings' panel, when open, right-aligned under the controls; `button` is
/// the button that opened it.
fn settings_row_ui(
    ui: &mut egui::Ui,
    cx: &PageCtx<'_>,
    view: PageView,
    button: egui::Rect,
    commands: &mut Vec<Command>,
) {
    if !view.settings_open {
        return;
    }
    let labels = &cx.content.labels;
    let glyph = |setting| match setting {
        Setting::LargerText => egui_material_icons::icons::ICON_TEXT_INCREASE.codepoint,
        Setting::HighContrast => egui_material_icons::icons::ICON_CONTRAST.codepoint,
        Setting::LessMotion => egui_material_icons::icons::ICON_MOTION_PHOTOS_OFF.codepoint,
    };
    let name = |setting| match setting {
        Setting::LargerText => &labels.larger_text,
        Setting::HighContrast => &labels.high_contrast,
        Setting::LessMotion => &labels.less_motion,
    };
    let toggles = Setting::ALL.map(|setting| Toggle {
        icon: glyph(setting),
        label: cx.t(name(setting)),
        on: view.settings.get(setting),
    });
    ui.add_space(space::S);
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
        match settings_panel::panel_ui(ui, cx.theme, &toggles, button) {
            Some(PanelAction::Open(open)) => commands.push(Command::SettingsPanel(open)),
            Some(PanelAction::Toggle(i)) => {
                commands.extend(Setting::ALL.get(i).map(|s| Command::Toggle(*s)));
            }
            None => {}
        }
    });
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
    let shown = scroll.show(ui, |ui| {
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
    });
    crate::widgets::viewport::record(ui.ctx(), shown.inner_rect);
    shown.inner
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
