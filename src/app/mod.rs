//! The eframe app shell. [`KioskApp`] owns the content on screen, what the visitor sees
//! (page, language, reading settings), the theme and the mode; each frame it gathers
//! `Command`s from the content's reload, the window, the mode's timers, the keys and swipes,
//! the page and the overlays, and applies them in one place, `KioskApp::apply`.
//!
//! Its parts, one job each: `apply` (the one door for every change), [`options`] (how it starts), [`live`] (the content and its
//! reloading), [`mode`] (the mode, held once) with [`kiosk_session`] (the reception kiosk's
//! visitor side, staff door and screen hours), [`admin_screen`] (the admin screen's state
//! and commands) and [`presenter`] (the slides), [`input`] (keys and swipes to commands),
//! [`layout`] (the screen by its shape, the zoom), `laptop` (what a laptop remembers),
//! `usage` (the usage figures each command adds to), `queries` (what tests and checks read),
//! `terminate` (signals that ask it to leave) and `frame_stats` (figures for benchmarks).

pub mod admin_screen;
mod apply;
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
mod terminate;
mod usage;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use eframe::egui;

pub use crate::content::watch::ReloadStatus;
pub use laptop::{restore_laptop_session, saved_language};
pub use options::{AppOptions, KioskOptions, ModeOptions, PresentOptions, native_options};

use crate::command::{AdminCommand, Command};
use crate::content::{Content, LangId};
use crate::kiosk::Mode;
use crate::kiosk::swipe::Swipe;
use crate::navigation::Navigation;
use crate::pages::PageCtx;
use crate::theme::{DESIGN_SHORT_SIDE, Settings, Theme, apply_motion, motion};
use layout::PageView;
use live::LiveContent;
use mode::ModeState;

/// The most commands applied in one frame, follow-ups included: far more than a frame
/// asks for, so only a loop of commands asking for each other reaches it.
const MAX_COMMANDS_A_FRAME: usize = 64;

/// When the page or slide on screen opened, for its opening animation.
#[derive(Debug, Clone, Copy)]
struct Opening {
    /// egui time it opened; minus infinity when it opened unseen (behind the attract loop).
    at: f64,
    /// Its first frame is still to come: it starts at the top.
    scroll_to_top: bool,
}

/// What the visitor sees: the page, the language, the reading settings and their panel,
/// the charts shown as tables, and when the page on screen opened; and what the idle reset
/// returns to.
struct View {
    nav: Navigation,
    lang: LangId,
    /// The reading settings in force.
    settings: Settings,
    /// Whether the reading settings' panel is open.
    settings_open: bool,
    /// The charts (by index) shown as tables.
    charts_as_tables: BTreeSet<usize>,
    opening: Opening,
    /// The language code the app started with, which the idle reset returns to.
    start_language: Option<String>,
    /// The reading settings the app started with, which the idle reset returns to.
    start_settings: Settings,
}

/// The program's own life: leaving, the signals that ask it to, the service manager it
/// reports to, and the frame figures for benchmarks.
struct Process {
    exiting: bool,
    /// Set when a signal asks the app to end (the real app only, not tests).
    terminate: terminate::Terminate,
    /// Tells systemd the kiosk is up, and pings its watchdog while frames are drawn.
    service: crate::service::Service,
    /// With `OFFICE_KIOSK_FRAME_STATS` set: the frames seen and the slowest so far.
    frame_stats: frame_stats::FrameStats,
}

/// The kiosk application.
pub struct KioskApp {
    live: LiveContent,
    view: View,
    theme: Theme,
    mode: ModeState,
    swipe: Swipe,
    process: Process,
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
        apply_motion(ctx, settings.less_motion);
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
            view: View {
                nav: Navigation::new(options.start_page),
                lang,
                settings,
                settings_open: false,
                charts_as_tables: BTreeSet::new(),
                opening: Opening {
                    at: now,
                    scroll_to_top: true,
                },
                start_language: options.language,
                start_settings: settings,
            },
            theme,
            mode,
            swipe: Swipe::default(),
            process: Process {
                exiting: false,
                terminate: terminate::Terminate::default(),
                service: crate::service::Service::from_env({
                    let ctx = ctx.clone();
                    move || ctx.request_repaint()
                }),
                frame_stats: frame_stats::FrameStats::from_env(),
            },
            clock: options.clock,
            usage,
        }
    }

    /// Ends the app politely on SIGTERM, SIGINT, SIGHUP and every other signal that would
    /// end it, as staff's Leave does (and without a frame when none comes in time).
    #[must_use]
    pub fn leave_on_signals(mut self, ctx: &egui::Context) -> Self {
        self.process.terminate = terminate::Terminate::listen(ctx, self.usage.last_words());
        self
    }

    /// What is on screen, for the usage figures.
    fn shown(&self) -> usage::Shown {
        let (page, lang, settings) = (self.view.nav.current(), self.view.lang, self.view.settings);
        usage::Shown {
            page,
            lang,
            settings,
        }
    }

    /// Draws with the theme and the motion the settings ask for.
    fn restyle(&mut self, ctx: &egui::Context) {
        if self.theme.kind != self.view.settings.theme() {
            self.theme = Theme::new(self.view.settings.theme());
            self.theme.apply(ctx);
        }
        apply_motion(ctx, self.view.settings.less_motion);
    }

    /// A new page or slide is on screen from `now`.
    fn open(&mut self, now: f64) {
        self.view.opening = Opening {
            at: now,
            scroll_to_top: true,
        };
    }

    /// Shows `content` in place of the current content, on the same page and, if it still
    /// has it, in the same language.
    fn replace_content(&mut self, ctx: &egui::Context, content: Arc<Content>) {
        let code = self.content().language(self.view.lang).code.clone();
        self.view.lang = content
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
        if self.view.settings.less_motion {
            return 1.0;
        }
        let progress =
            ((now - self.view.opening.at) as f32 / motion::BARS_GROW_SECS).clamp(0.0, 1.0);
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
        self.process.frame_stats.record(&ctx, frame);
        let now = ctx.input(|i| i.time);
        let mut commands = Vec::new();
        if let Some(content) = self.live.poll() {
            commands.push(Command::ShowContent(Arc::new(content)));
        }
        let mode = self.mode.mode();
        let design = if mode == Mode::Present {
            layout::SLIDE_SHORT_SIDE
        } else {
            DESIGN_SHORT_SIDE
        };
        let slide_scale = match &self.mode {
            ModeState::Present(presenter) => {
                let native = ctx.content_rect().size() * ctx.zoom_factor();
                presenter.slide_scale(native, self.view.lang.0)
            }
            _ => 1.0,
        };
        layout::fit_zoom(&ctx, design, self.view.settings.scale() * slide_scale);
        if !self.process.exiting {
            self.mode.window_requests(&ctx, &mut commands);
        }
        if self.process.terminate.asked() && !self.process.exiting {
            commands.push(Command::Exit);
        }
        let swallowed = match &mut self.mode {
            ModeState::Kiosk(session) => session.observe(&ctx, now, &mut commands),
            ModeState::Present(presenter) => {
                presenter.observe(now, &mut commands);
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
            .get(self.view.lang)
            .to_owned();
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(office));
        let progress = self.progress(&ctx, now);
        let screen = ctx.content_rect();
        let cx = PageCtx {
            content: self.live.content(),
            lang: self.view.lang,
            theme: &self.theme,
            portrait: screen.height() > screen.width(),
            progress,
            less_motion: self.view.settings.less_motion,
            larger_text: self.view.settings.larger_text,
            images: self.live.images(),
            charts_as_tables: &self.view.charts_as_tables,
            today: self.clock.trusted_today(),
        };
        match &mut self.mode {
            ModeState::Present(presenter) => presenter.ui(ui, &cx),
            // Black, or covered whole by the attract loop or the admin screen: the page is not
            // drawn under it.
            ModeState::Kiosk(session) if session.covers_the_page(now) => {}
            ModeState::Kiosk(_) | ModeState::Laptop => {
                let view = PageView {
                    page: self.view.nav.current(),
                    settings: self.view.settings,
                    settings_open: self.view.settings_open,
                    scroll_to_top: self.view.opening.scroll_to_top,
                    opacity: if self.view.settings.less_motion {
                        1.0
                    } else {
                        let faded = (progress * motion::BARS_GROW_SECS / motion::PAGE_FADE_SECS)
                            .clamp(0.0, 1.0);
                        motion::PAGE_FADE_FROM + (1.0 - motion::PAGE_FADE_FROM) * faded
                    },
                };
                layout::browse_ui(ui, &cx, view, &mut commands);
            }
        }
        self.view.opening.scroll_to_top = false;
        if let ModeState::Kiosk(session) = &self.mode {
            let facts =
                admin_screen::content_facts(&self.live, session.admin(), session.is_pad_open());
            session.overlay_ui(&ctx, &cx, now, &facts, &mut commands);
        }

        let changed = !commands.is_empty();
        self.apply_all(&ctx, commands, now);
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
        if let Some(due) = self.process.service.frame(nobody_watching) {
            let command = match due {
                // The debug switch takes staff's Leave; a replaced program starts again in
                // place, as Restart does, while nobody is using the kiosk.
                crate::service::Due::Leave => AdminCommand::Leave,
                crate::service::Due::Upgrade => AdminCommand::Restart,
            };
            self.apply_all(&ctx, vec![Command::Admin(command)], now);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.mode.mode() == Mode::Laptop {
            laptop::save(
                storage,
                &self.content().language(self.view.lang).code,
                self.view.settings,
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
