//! The eframe app shell. [`KioskApp`] owns the content on screen, the page, the language,
//! the theme and the mode; each frame it gathers `Command`s from the mode's timers, the
//! keys and swipes, the page and the overlays, and applies them in one place,
//! `KioskApp::apply`.
//!
//! Its parts, one job each: [`options`] (how it starts), [`live`] (the content and its
//! reloading), [`mode`] with [`kiosk_session`] and [`presenter`] (what each mode holds),
//! [`input`] (keys and swipes to commands) and [`layout`] (the screen by its shape).

pub mod input;
pub mod kiosk_session;
pub mod layout;
pub mod live;
pub mod mode;
pub mod options;
pub mod presenter;
pub mod settings;

use std::collections::BTreeSet;
use std::time::Duration;

use eframe::egui::{self, ViewportCommand};

pub use live::ReloadStatus;
pub use options::{AppOptions, KioskOptions, ModeOptions, PresentOptions, native_options};
pub use settings::{LARGE_TEXT_SCALE, Setting, Settings};

use crate::command::Command;
use crate::content::{Content, LangId};
use crate::kiosk::Mode;
use crate::kiosk::idle::IdleState;
use crate::kiosk::swipe::Swipe;
use crate::navigation::{Navigation, Page};
use crate::pages::PageCtx;
use crate::theme::{DESIGN_SHORT_SIDE, Theme};
use crate::widgets::bar_chart::GROW_SECS;
use layout::PageView;
use live::LiveContent;
use mode::ModeState;

/// How long a page takes to fade in, in seconds.
const FADE_SECS: f32 = 0.25;

/// How opaque a page is in its first frame: already readable in the frame of the tap that
/// opened it, settling to full over [`FADE_SECS`].
const FADE_FROM: f32 = 0.35;

/// Storage key of the last language (laptop mode).
const LANGUAGE_KEY: &str = "language";

/// When the page or slide on screen opened, for its opening animation.
#[derive(Debug, Clone, Copy)]
struct Opening {
    /// egui time it opened; minus infinity when it opened unseen (behind the attract loop).
    at: f64,
    /// Its first frame is still to come: it starts at the top.
    scroll_to_top: bool,
}

/// The kiosk application.
pub struct KioskApp {
    live: LiveContent,
    lang: LangId,
    /// The language code the app started with, which the idle reset returns to.
    start_language: Option<String>,
    nav: Navigation,
    /// The reading settings in force, and those the app started with (the idle reset
    /// returns to them).
    settings: Settings,
    start_settings: Settings,
    /// Whether the reading settings' panel is open.
    settings_open: bool,
    /// The charts (by index) shown as tables.
    charts_as_tables: BTreeSet<usize>,
    theme: Theme,
    mode: ModeState,
    swipe: Swipe,
    opening: Opening,
    /// With `OFFICE_KIOSK_FRAME_STATS` set: the frames seen and the slowest so far.
    frame_stats: Option<(u64, f32)>,
    exiting: bool,
    /// Tells systemd the kiosk is up, and pings its watchdog while frames are drawn.
    service: crate::service::Service,
    /// The local date and time.
    clock: crate::clock::WallClock,
}

impl KioskApp {
    /// Builds the app: installs fonts and the theme into egui, picks page and language.
    pub fn new(ctx: &egui::Context, options: AppOptions) -> Self {
        crate::theme::install_fonts(ctx);
        let settings = Settings::new(options.theme, options.large_text, options.reduced_motion);
        let theme = Theme::new(settings.theme());
        theme.apply(ctx);
        settings::apply_motion(ctx, settings.less_motion);
        let now = ctx.input(|i| i.time);
        let content = options.content;
        let lang = language_for(&content, options.language.as_deref());
        let mode = ModeState::new(options.mode, &content, options.start_page, now);
        Self {
            live: LiveContent::new(ctx, content, options.watch.as_deref()),
            lang,
            start_language: options.language,
            nav: Navigation::new(options.start_page),
            settings,
            start_settings: settings,
            settings_open: false,
            charts_as_tables: BTreeSet::new(),
            theme,
            mode,
            swipe: Swipe::default(),
            opening: Opening {
                at: now,
                scroll_to_top: true,
            },
            frame_stats: std::env::var_os("OFFICE_KIOSK_FRAME_STATS").map(|_| (0, 0.0)),
            exiting: false,
            service: crate::service::Service::from_env({
                let ctx = ctx.clone();
                move || ctx.request_repaint()
            }),
            clock: options.clock,
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
        self.live.content()
    }

    /// How many images have been decoded so far.
    pub fn image_decode_count(&self) -> usize {
        self.live.images().decode_count()
    }

    /// How the content image at `path` (as the content names it) was last drawn.
    pub fn image_shown(&self, path: &str) -> Option<crate::widgets::picture::ImageShown> {
        self.live.images().shown(path)
    }

    /// How the last content reload went.
    pub fn reload_status(&self) -> &ReloadStatus {
        self.live.status()
    }

    /// The reading settings in force.
    pub fn settings(&self) -> Settings {
        self.settings
    }

    /// Whether the reading settings' panel is open.
    pub fn is_settings_panel_open(&self) -> bool {
        self.settings_open
    }

    /// The mode the app runs in.
    pub fn mode(&self) -> Mode {
        self.mode.mode()
    }

    /// The idle state at egui time `now` (kiosk mode only).
    pub fn idle_state(&self, now: f64) -> Option<IdleState> {
        match &self.mode {
            ModeState::Kiosk(session) => Some(session.idle_state(now)),
            _ => None,
        }
    }

    /// Whether the admin PIN pad is open.
    pub fn is_admin_pad_open(&self) -> bool {
        matches!(&self.mode, ModeState::Kiosk(session) if session.is_pad_open())
    }

    /// Whether the app has asked to close (the right PIN was entered).
    pub fn is_exiting(&self) -> bool {
        self.exiting
    }

    /// The slide on screen and how many there are (presenter mode only).
    pub fn slide(&self) -> Option<(usize, usize)> {
        match &self.mode {
            ModeState::Present(presenter) => Some(presenter.position()),
            _ => None,
        }
    }

    /// Whether the presenter blanked the screen.
    pub fn is_blank(&self) -> bool {
        matches!(&self.mode, ModeState::Present(presenter) if presenter.is_blank())
    }

    /// Applies one command: the only place the page, slide, language, admin pad or window
    /// state change.
    fn apply(&mut self, ctx: &egui::Context, command: Command, now: f64) {
        let opened = match (&mut self.mode, command) {
            (ModeState::Present(presenter), _) => presenter.apply(command, now),
            (_, Command::Next) => self.nav.go(self.nav.current().next()),
            (_, Command::Previous) => self.nav.go(self.nav.current().previous()),
            _ => false,
        };
        match command {
            Command::Go(page) if self.nav.go(page) => self.open(now),
            Command::SetLanguage(lang) if lang.0 < self.content().languages.len() => {
                self.lang = lang;
            }
            Command::Toggle(setting) => {
                self.settings.set(setting, !self.settings.get(setting));
                self.restyle(ctx);
            }
            Command::SettingsPanel(open) => self.settings_open = open,
            Command::ChartView(chart, table) => {
                if table {
                    self.charts_as_tables.insert(chart);
                } else {
                    self.charts_as_tables.remove(&chart);
                }
            }
            Command::Reset => {
                self.nav.reset();
                self.lang = language_for(self.live.content(), self.start_language.as_deref());
                self.settings = self.start_settings;
                self.settings_open = false;
                self.charts_as_tables.clear();
                self.restyle(ctx);
                if let ModeState::Kiosk(session) = &mut self.mode {
                    session.close_pad();
                }
                // Nobody is watching (the attract loop covers Home): no opening animation.
                self.opening = Opening {
                    at: f64::NEG_INFINITY,
                    scroll_to_top: true,
                };
            }
            Command::OpenAdminPad | Command::CloseAdminPad | Command::Pad(_) => {
                let ModeState::Kiosk(session) = &mut self.mode else {
                    return;
                };
                match command {
                    Command::OpenAdminPad => session.open_pad(),
                    Command::CloseAdminPad => session.close_pad(),
                    Command::Pad(key) if session.pad_key(key, now) => {
                        self.apply(ctx, Command::Exit, now);
                    }
                    _ => {}
                }
            }
            Command::Exit => {
                tracing::info!("leaving");
                self.exiting = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Command::ToggleFullscreen => {
                let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(!fullscreen));
            }
            _ => {}
        }
        if opened {
            self.open(now);
        }
    }

    /// Draws with the theme and the motion the settings ask for.
    fn restyle(&mut self, ctx: &egui::Context) {
        if self.theme.kind != self.settings.theme() {
            self.theme = Theme::new(self.settings.theme());
            self.theme.apply(ctx);
        }
        settings::apply_motion(ctx, self.settings.less_motion);
    }

    /// A new page or slide is on screen from `now`.
    fn open(&mut self, now: f64) {
        self.opening = Opening {
            at: now,
            scroll_to_top: true,
        };
    }

    /// Shows `content` in place of the current content, on the same page and, if it still
    /// has it, in the same language.
    fn replace_content(&mut self, ctx: &egui::Context, content: Content) {
        let code = self.content().language(self.lang).code.clone();
        self.lang = content
            .language_by_code(&code)
            .unwrap_or(content.default_language);
        if let ModeState::Present(presenter) = &mut self.mode {
            presenter.content_changed(&content);
        }
        self.live.replace(ctx, content);
        ctx.request_repaint();
    }

    /// How far the opening animation of the page or slide shown has run, 0 to 1, asking
    /// for the next frame only while it runs.
    fn progress(&self, ctx: &egui::Context, now: f64) -> f32 {
        if self.settings.less_motion {
            return 1.0;
        }
        let progress = ((now - self.opening.at) as f32 / GROW_SECS).clamp(0.0, 1.0);
        if progress < 1.0 {
            ctx.request_repaint();
        }
        progress
    }

    /// For the benchmark: logs the CPU time of the slowest frame so far, past start-up.
    fn record_frame_stats(&mut self, frame: &eframe::Frame) {
        let Some((frames, slowest)) = &mut self.frame_stats else {
            return;
        };
        *frames += 1;
        let last = frame.info().cpu_usage.unwrap_or(0.0);
        if *frames > 3 && last > *slowest {
            *slowest = last;
            tracing::info!("KIOSK_SLOWEST_FRAME ms={:.1} frame={frames}", last * 1000.0);
        }
    }
}

/// The language with `code` in `content`, or its default.
fn language_for(content: &Content, code: Option<&str>) -> LangId {
    code.and_then(|code| content.language_by_code(code))
        .unwrap_or(content.default_language)
}

impl eframe::App for KioskApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.record_frame_stats(frame);
        let now = ctx.input(|i| i.time);
        if let Some(content) = self.live.poll() {
            self.replace_content(&ctx, content);
        }
        let mode = self.mode.mode();
        let design = if mode == Mode::Present {
            layout::SLIDE_SHORT_SIDE
        } else {
            DESIGN_SHORT_SIDE
        };
        layout::fit_zoom(&ctx, design, self.settings.scale());
        if !self.exiting {
            self.mode.hold_the_screen(&ctx);
        }

        let mut commands = Vec::new();
        let swallowed = match &mut self.mode {
            ModeState::Kiosk(session) => session.before_ui(&ctx, now, &mut commands),
            ModeState::Present(presenter) => {
                presenter.before_ui(now, &mut commands);
                false
            }
            ModeState::Laptop => false,
        };
        if !swallowed {
            input::key_commands(&ctx, mode, &mut commands);
            input::swipe_commands(&ctx, &mut self.swipe, now, &mut commands);
        }

        // Screen readers name the window after the office, in the language shown.
        let office = self
            .content()
            .identity
            .office_name
            .get(self.lang)
            .to_owned();
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(office));
        let progress = self.progress(&ctx, now);
        let screen = ctx.content_rect();
        let cx = PageCtx {
            content: self.live.content(),
            lang: self.lang,
            theme: &self.theme,
            portrait: screen.height() > screen.width(),
            progress,
            less_motion: self.settings.less_motion,
            larger_text: self.settings.larger_text,
            images: self.live.images(),
            charts_as_tables: &self.charts_as_tables,
            today: self.clock.trusted_today(),
        };
        match &mut self.mode {
            ModeState::Present(presenter) => presenter.ui(ui, &cx),
            ModeState::Kiosk(_) | ModeState::Laptop => {
                let view = PageView {
                    page: self.nav.current(),
                    settings: self.settings,
                    settings_open: self.settings_open,
                    scroll_to_top: self.opening.scroll_to_top,
                    opacity: if self.settings.less_motion {
                        1.0
                    } else {
                        let faded = (progress * GROW_SECS / FADE_SECS).clamp(0.0, 1.0);
                        FADE_FROM + (1.0 - FADE_FROM) * faded
                    },
                };
                layout::browse_ui(ui, &cx, view, &mut commands);
            }
        }
        self.opening.scroll_to_top = false;
        if let ModeState::Kiosk(session) = &mut self.mode {
            let status = self.live.status().describe();
            session.overlay_ui(&ctx, &cx, now, &status, &mut commands);
        }

        let changed = !commands.is_empty();
        for command in commands {
            self.apply(&ctx, command, now);
        }
        if changed {
            // Show what the commands changed in this very frame: egui runs the UI once more
            // before painting (the input is not replayed), so a tap's new page is on screen
            // one frame sooner. Where that cannot be, the next frame shows it.
            ctx.request_discard("a command changed what is shown");
            if !ctx.will_discard() {
                ctx.request_repaint();
            }
        }

        // Sleep until something changes by itself: no frame is drawn while waiting.
        if let Some(secs) = self.mode.secs_until_change(now) {
            ctx.request_repaint_after(Duration::from_secs_f64(secs));
        }
        self.service.frame();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.mode.mode() == Mode::Laptop {
            let code = &self.content().language(self.lang).code;
            eframe::set_value(storage, LANGUAGE_KEY, code);
            for setting in Setting::ALL {
                eframe::set_value(storage, setting.storage_key(), &self.settings.get(setting));
            }
        }
    }

    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        self.theme.background.to_normalized_gamma_f32()
    }
}

/// The language saved by the last laptop session, if any.
pub fn saved_language(storage: Option<&dyn eframe::Storage>) -> Option<String> {
    storage.and_then(|s| eframe::get_value(s, LANGUAGE_KEY))
}

/// Starts `options` as the last laptop session left them: its language unless one was asked
/// for, and its reading settings on top of those asked for.
pub fn restore_laptop_session(options: &mut AppOptions, storage: Option<&dyn eframe::Storage>) {
    if options.language.is_none() {
        options.language = saved_language(storage);
    }
    let saved = |setting: Setting| {
        storage
            .and_then(|s| eframe::get_value::<bool>(s, setting.storage_key()))
            .unwrap_or(false)
    };
    options.large_text |= saved(Setting::LargerText);
    options.reduced_motion |= saved(Setting::LessMotion);
    if saved(Setting::HighContrast) {
        options.theme = crate::theme::ThemeKind::HighContrast;
    }
}
