//! The eframe app shell. [`KioskApp`] owns the content on screen, the page, the language,
//! the theme and the mode; each frame it gathers `Command`s from the mode's timers, the
//! keys and swipes, the page and the overlays, and applies them in one place,
//! `KioskApp::apply`.
//!
//! Its parts, one job each: [`options`] (how it starts), [`live`] (the content and its
//! reloading), [`mode`] with [`kiosk_session`] and [`presenter`] (what each mode holds),
//! [`input`] (keys and swipes to commands), [`layout`] (the screen by its shape) and
//! `usage` (the usage figures each command adds to).

pub mod admin;
mod frame_stats;
pub mod input;
pub mod kiosk_session;
mod laptop;
pub mod layout;
pub mod live;
pub mod mode;
pub mod options;
pub mod presenter;
mod queries;
pub mod settings;
mod terminate;
mod usage;

use std::collections::BTreeSet;
use std::time::Duration;

use eframe::egui::{self, ViewportCommand};

pub use laptop::{restore_laptop_session, saved_language};
pub use live::ReloadStatus;
pub use options::{AppOptions, KioskOptions, ModeOptions, PresentOptions, native_options};
pub use settings::{LARGE_TEXT_SCALE, Setting, Settings};

use crate::command::Command;
use crate::content::{Content, LangId};
use crate::kiosk::Mode;
use crate::kiosk::swipe::Swipe;
use crate::navigation::Navigation;
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
    frame_stats: frame_stats::FrameStats,
    exiting: bool,
    /// Set when SIGTERM or SIGINT asks the app to end (the real app only, not tests).
    terminate: terminate::Terminate,
    /// Tells systemd the kiosk is up, and pings its watchdog while frames are drawn.
    service: crate::service::Service,
    /// The local date and time.
    clock: crate::clock::WallClock,
    /// Counts the usage figures.
    usage: usage::UsageCounter,
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
        let usage = usage::UsageCounter::new(
            options.usage_file,
            &options.mode,
            options.clock.clone(),
            options.start_page,
            now,
        );
        let mode = ModeState::new(
            options.mode,
            &content,
            options.start_page,
            now,
            &options.clock,
        );
        Self {
            live: LiveContent::new(
                ctx,
                content,
                options.watch.as_deref(),
                options.clock.clone(),
            ),
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
            frame_stats: frame_stats::FrameStats::from_env(),
            exiting: false,
            terminate: terminate::Terminate::default(),
            service: crate::service::Service::from_env({
                let ctx = ctx.clone();
                move || ctx.request_repaint()
            }),
            clock: options.clock,
            usage,
        }
    }

    /// Ends the app politely on SIGTERM or SIGINT, as staff's Leave does.
    #[must_use]
    pub fn leave_on_signals(mut self, ctx: &egui::Context) -> Self {
        self.terminate = terminate::Terminate::listen(ctx);
        self
    }

    /// Applies one command: the only place the page, slide, language, admin pad or window
    /// state change.
    fn apply(&mut self, ctx: &egui::Context, command: Command, now: f64) {
        let before = self.shown();
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
                    session.admin = None;
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
                    Command::Pad(key) if session.pad_key(key, now) => session.open_admin(now),
                    _ => {}
                }
            }
            Command::Admin(admin) => self.apply_admin(ctx, admin, now),
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
        let after = self.shown();
        self.usage
            .record(command, before, after, self.live.content(), now);
    }

    /// What is on screen, for the usage figures.
    fn shown(&self) -> usage::Shown {
        let (page, lang, settings) = (self.nav.current(), self.lang, self.settings);
        usage::Shown {
            page,
            lang,
            settings,
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
}

/// The language with `code` in `content`, or its default.
fn language_for(content: &Content, code: Option<&str>) -> LangId {
    code.and_then(|code| content.language_by_code(code))
        .unwrap_or(content.default_language)
}

impl eframe::App for KioskApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.frame_stats.record(&ctx, frame);
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
        if self.terminate.asked() && !self.exiting {
            commands.push(Command::Exit);
        }
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
            ModeState::Kiosk(session) if session.is_dark() => {}
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
            let facts = admin::ContentFacts::of(&self.live, Some(session));
            session.overlay_ui(&ctx, &cx, now, &facts, &mut commands);
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
        self.usage.tick(&ctx, now);
        let nobody_watching = matches!(&self.mode, ModeState::Kiosk(session)
            if matches!(session.idle_state(now), crate::kiosk::idle::IdleState::Attract { .. }));
        if let Some(due) = self.service.frame(nobody_watching) {
            self.apply_due(&ctx, due, now);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.mode.mode() == Mode::Laptop {
            laptop::save(
                storage,
                &self.content().language(self.lang).code,
                self.settings,
            );
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.usage.finish();
    }

    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        self.theme.background.to_normalized_gamma_f32()
    }
}
