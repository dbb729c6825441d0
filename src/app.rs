//! The eframe app shell: owns the content, the navigation, the language and the theme;
//! lays out navigation and page for the screen's shape; applies [`Command`]s once a frame.

use std::sync::Arc;

use eframe::egui::{self, Key, Vec2};

use crate::content::{Content, LangId};
use crate::navigation::{Navigation, Page};
use crate::pages::{self, PageCtx};
use crate::theme::{Theme, ThemeKind, space, zoom_for_screen};
use crate::widgets::bar_chart::GROW_SECS;
use crate::widgets::language_switch::{language_switch_ui, switch_width};
use crate::widgets::nav::{self, NavItem};
use crate::widgets::picture::TextureCache;
use crate::widgets::text;

/// How long a page takes to fade in, in seconds.
const FADE_SECS: f32 = 0.25;

/// How the app starts.
#[derive(Debug, Clone)]
pub struct AppOptions {
    /// The content to show.
    pub content: Arc<Content>,
    /// The page shown first.
    pub start_page: Page,
    /// The language code shown first; the content's default when `None` or unknown.
    pub language: Option<String>,
    /// Colours.
    pub theme: ThemeKind,
    /// No fades or growing bars.
    pub reduced_motion: bool,
}

impl AppOptions {
    /// Options that show `content` from Home in its default language.
    pub fn new(content: Arc<Content>) -> Self {
        Self {
            content,
            start_page: Page::Home,
            language: None,
            theme: ThemeKind::Light,
            reduced_motion: false,
        }
    }
}

/// A change to the whole app, collected while drawing and applied at the end of the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Show a page.
    Go(Page),
    /// Show the next page in navigation order.
    Next,
    /// Show the previous page in navigation order.
    Previous,
    /// Switch language.
    SetLanguage(LangId),
}

/// The kiosk application.
pub struct KioskApp {
    content: Arc<Content>,
    lang: LangId,
    nav: Navigation,
    theme: Theme,
    textures: TextureCache,
    reduced_motion: bool,
    /// The navigation visit whose page is on screen, and when it opened (egui time).
    shown: Option<(u64, f64)>,
}

impl KioskApp {
    /// Builds the app: installs fonts and the theme into egui, picks page and language.
    pub fn new(ctx: &egui::Context, options: AppOptions) -> Self {
        crate::theme::install_fonts(ctx);
        let theme = Theme::new(options.theme);
        theme.apply(ctx);
        let content = options.content;
        let lang = options
            .language
            .as_deref()
            .and_then(|code| content.language_by_code(code))
            .unwrap_or(content.default_language);
        Self {
            lang,
            nav: Navigation::new(options.start_page),
            theme,
            textures: TextureCache::default(),
            reduced_motion: options.reduced_motion,
            shown: None,
            content,
        }
    }

    /// The page on screen.
    pub fn page(&self) -> Page {
        self.nav.current()
    }

    /// The language on screen.
    pub fn language(&self) -> LangId {
        self.lang
    }

    /// The content on screen.
    pub fn content(&self) -> &Content {
        &self.content
    }

    /// How many image textures are held.
    pub fn texture_count(&self) -> usize {
        self.textures.len()
    }

    /// Applies a command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Go(page) => self.nav.go(page),
            Command::Next => self.nav.go(self.nav.current().next()),
            Command::Previous => self.nav.go(self.nav.current().previous()),
            Command::SetLanguage(lang) => {
                if lang.0 < self.content.languages.len() {
                    self.lang = lang;
                }
            }
        }
    }

    /// Keys that work in every mode: a presenter clicker's Page Down / Page Up.
    fn key_commands(ctx: &egui::Context, commands: &mut Vec<Command>) {
        ctx.input(|i| {
            if i.key_pressed(Key::PageDown) {
                commands.push(Command::Next);
            }
            if i.key_pressed(Key::PageUp) {
                commands.push(Command::Previous);
            }
        });
    }

    /// Fits the 1080-point design to the screen.
    fn fit_zoom(ctx: &egui::Context) {
        let native = ctx.content_rect().size() * ctx.zoom_factor();
        let zoom = zoom_for_screen(native);
        if (zoom - ctx.zoom_factor()).abs() > 0.001 {
            ctx.set_zoom_factor(zoom);
        }
    }

    /// How far the current page's opening animation has run, 0 to 1, asking for the next
    /// frame only while it runs.
    fn page_progress(&mut self, ctx: &egui::Context) -> (f32, bool) {
        let now = ctx.input(|i| i.time);
        let visit = self.nav.visit();
        let fresh = !matches!(self.shown, Some((v, _)) if v == visit);
        if fresh {
            self.shown = Some((visit, now));
        }
        if self.reduced_motion {
            return (1.0, fresh);
        }
        let opened = self.shown.map_or(now, |(_, t)| t);
        let elapsed = (now - opened) as f32;
        let progress = (elapsed / GROW_SECS).clamp(0.0, 1.0);
        if progress < 1.0 {
            ctx.request_repaint();
        }
        (progress, fresh)
    }

    fn nav_items(&self) -> Vec<NavItem<'_>> {
        let c = &*self.content;
        let lang = self.lang;
        vec![
            NavItem {
                page: Page::Home,
                icon: crate::content::Icon::Home,
                label: c.home.nav_label.get(lang),
            },
            NavItem {
                page: Page::About,
                icon: c.about.header.icon,
                label: c.about.header.nav_label.get(lang),
            },
            NavItem {
                page: Page::Office,
                icon: c.office.header.icon,
                label: c.office.header.nav_label.get(lang),
            },
            NavItem {
                page: Page::Facts,
                icon: c.facts.header.icon,
                label: c.facts.header.nav_label.get(lang),
            },
            NavItem {
                page: Page::Careers,
                icon: c.careers.header.icon,
                label: c.careers.header.nav_label.get(lang),
            },
            NavItem {
                page: Page::Contact,
                icon: c.contact.header.icon,
                label: c.contact.header.nav_label.get(lang),
            },
        ]
    }

    /// The office's name, as a wordmark.
    fn wordmark(&self, ui: &mut egui::Ui) {
        let c = &*self.content;
        ui.spacing_mut().item_spacing.y = 0.0;
        text::wrapped(
            ui,
            c.identity.office_name.get(self.lang),
            Theme::bold(36.0),
            self.theme.primary,
        );
        text::wrapped(
            ui,
            c.identity.organization.get(self.lang),
            Theme::font(crate::theme::size::SMALL),
            self.theme.text_muted,
        );
    }

    fn page_ui(
        &mut self,
        ui: &mut egui::Ui,
        progress: f32,
        fresh: bool,
        portrait: bool,
    ) -> Option<Page> {
        let page = self.nav.current();
        let fade = if self.reduced_motion {
            1.0
        } else {
            (progress * GROW_SECS / FADE_SECS).clamp(0.0, 1.0)
        };
        let margin = if portrait { space::L } else { space::XL };
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt(("page", page.slug()))
            .scroll_source(egui::scroll_area::ScrollSource::ALL)
            .auto_shrink([false, false]);
        if fresh {
            scroll = scroll.vertical_scroll_offset(0.0);
        }
        let mut cx = PageCtx {
            content: &self.content,
            lang: self.lang,
            theme: &self.theme,
            portrait,
            progress,
            textures: &mut self.textures,
        };
        scroll
            .show(ui, |ui| {
                // In landscape the language bar above already gives the page its top margin.
                let top = if portrait { margin } else { space::XS };
                egui::Frame::new()
                    .inner_margin(egui::Margin {
                        left: margin as i8,
                        right: margin as i8,
                        top: top as i8,
                        bottom: margin as i8,
                    })
                    .show(ui, |ui| {
                        ui.multiply_opacity(fade);
                        ui.set_width(ui.available_width());
                        ui.spacing_mut().item_spacing.y = space::S;
                        match page {
                            Page::Home => pages::home::ui(ui, &mut cx),
                            Page::About => {
                                pages::about::ui(ui, &mut cx);
                                None
                            }
                            Page::Office => {
                                pages::office::ui(ui, &mut cx);
                                None
                            }
                            Page::Facts => {
                                pages::facts::ui(ui, &mut cx);
                                None
                            }
                            Page::Careers => {
                                pages::careers::ui(ui, &mut cx);
                                None
                            }
                            Page::Contact => {
                                pages::contact::ui(ui, &mut cx);
                                None
                            }
                        }
                    })
                    .inner
            })
            .inner
    }
}

impl eframe::App for KioskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        Self::fit_zoom(&ctx);
        let mut commands = Vec::new();
        Self::key_commands(&ctx, &mut commands);

        let size: Vec2 = ctx.content_rect().size();
        let portrait = size.y > size.x;
        let (progress, fresh) = self.page_progress(&ctx);
        let theme = self.theme.clone();
        let current = self.nav.current();

        let bar_frame = egui::Frame::new()
            .fill(theme.surface)
            .stroke(theme.card_stroke())
            .inner_margin(egui::Margin::symmetric(space::M as i8, space::S as i8));
        let languages = self.content.languages.clone();
        if portrait {
            egui::Panel::top("top-bar")
                .resizable(false)
                .show_separator_line(false)
                .frame(bar_frame)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let switch_width = 300.0;
                        ui.allocate_ui(Vec2::new(ui.available_width() - switch_width, 0.0), |ui| {
                            ui.vertical(|ui| self.wordmark(ui));
                        });
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if let Some(lang) =
                                language_switch_ui(ui, &theme, &languages, self.lang)
                            {
                                commands.push(Command::SetLanguage(lang));
                            }
                        });
                    });
                });
            egui::Panel::bottom("nav-bar")
                .resizable(false)
                .show_separator_line(false)
                .frame(
                    bar_frame
                        .inner_margin(egui::Margin::symmetric(space::XS as i8, space::XS as i8)),
                )
                .show(ui, |ui| {
                    let items = self.nav_items();
                    if let Some(page) = nav::bar_ui(ui, &theme, &items, current) {
                        commands.push(Command::Go(page));
                    }
                });
        } else {
            egui::Panel::left("nav-rail")
                .resizable(false)
                .exact_size(space::RAIL_WIDTH)
                .show_separator_line(false)
                .frame(bar_frame.inner_margin(egui::Margin::same(space::S as i8)))
                .show(ui, |ui| {
                    ui.add_space(space::S);
                    ui.horizontal(|ui| {
                        ui.add_space(space::XS);
                        ui.vertical(|ui| self.wordmark(ui));
                    });
                    ui.add_space(space::L);
                    let items = self.nav_items();
                    if let Some(page) = nav::rail_ui(ui, &theme, &items, current) {
                        commands.push(Command::Go(page));
                    }
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
                        let switch = switch_width(ui, &languages);
                        ui.add_space((ui.available_width() - switch).max(0.0));
                        if let Some(lang) = language_switch_ui(ui, &theme, &languages, self.lang) {
                            commands.push(Command::SetLanguage(lang));
                        }
                    });
                });
        }
        egui::CentralPanel::no_frame()
            .frame(egui::Frame::new().fill(theme.background))
            .show(ui, |ui| {
                if let Some(page) = self.page_ui(ui, progress, fresh, portrait) {
                    commands.push(Command::Go(page));
                }
            });

        for command in commands {
            self.apply(command);
        }
        if self.nav.visit() != self.shown.map_or(u64::MAX, |(v, _)| v) {
            ctx.request_repaint();
        }
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        self.theme.background.to_normalized_gamma_f32()
    }
}
