//! The eframe app shell: owns the content, the navigation, the language, the theme and the
//! kiosk state machines; lays out navigation and page for the screen's shape and the mode;
//! applies [`Command`]s once a frame.

use std::sync::Arc;
use std::time::Duration;

use eframe::egui::{self, Key, Vec2, ViewportCommand};

use crate::content::{Content, LangId};
use crate::kiosk::Mode;
use crate::kiosk::admin::{CornerHold, PinOutcome, PinPad};
use crate::kiosk::idle::{IdleConfig, IdleEvent, IdleMachine, IdleState};
use crate::kiosk::pin::PinHash;
use crate::kiosk::slideshow::Slideshow;
use crate::kiosk::swipe::{Swipe, SwipeDirection};
use crate::navigation::{Navigation, Page};
use crate::pages::slides::{self, Slide};
use crate::pages::{self, PageCtx};
use crate::theme::{DESIGN_SHORT_SIDE, Theme, ThemeKind, space, zoom_for_screen};
use crate::widgets::bar_chart::GROW_SECS;
use crate::widgets::language_switch::{language_switch_ui, switch_width};
use crate::widgets::nav::{self, NavItem};
use crate::widgets::overlay::{self, PadAction};
use crate::widgets::picture::ContentImages;
use crate::widgets::text;

/// How long a page takes to fade in, in seconds.
const FADE_SECS: f32 = 0.25;

/// The short side slides are designed for: smaller than [`DESIGN_SHORT_SIDE`], so
/// everything is drawn a third larger (body text 37 pixels on a 1080p projector), to be read
/// across a room; slides carry less text than pages so it still fits.
const SLIDE_SHORT_SIDE: f32 = 810.0;

/// The admin corner: a square at the top left of the screen, in points.
const ADMIN_CORNER: f32 = 120.0;

/// Storage key of the last language (laptop mode).
const LANGUAGE_KEY: &str = "language";

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
    /// Laptop, kiosk or presenter.
    pub mode: Mode,
    /// Idle timing (kiosk mode).
    pub idle: IdleConfig,
    /// The admin PIN that leaves kiosk mode; without one the kiosk cannot be left from
    /// the screen.
    pub admin_pin: Option<PinHash>,
    /// Auto-advance for slides, in seconds (presenter mode).
    pub slide_interval_secs: Option<f64>,
    /// Keep the mouse cursor visible in kiosk mode.
    pub show_cursor: bool,
    /// The content file to watch and reload when it changes; `None` for embedded content.
    pub watch: Option<std::path::PathBuf>,
}

impl AppOptions {
    /// Options that show `content` from Home in its default language, in a laptop window.
    pub fn new(content: Arc<Content>) -> Self {
        Self {
            content,
            start_page: Page::Home,
            language: None,
            theme: ThemeKind::Light,
            reduced_motion: false,
            mode: Mode::Laptop,
            idle: IdleConfig::default(),
            admin_pin: None,
            slide_interval_secs: None,
            show_cursor: false,
            watch: None,
        }
    }
}

/// A change to the whole app, collected while drawing and applied at the end of the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Show a page.
    Go(Page),
    /// Show the next page (or slide).
    Next,
    /// Show the previous page (or slide).
    Previous,
    /// Switch language.
    SetLanguage(LangId),
    /// Back to the start: Home, the default language, scrolled to the top.
    Reset,
}

/// How the last content reload went, for the admin overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReloadStatus {
    /// No change seen since start.
    Unchanged,
    /// The content was reloaded.
    Reloaded {
        /// Warnings found.
        warnings: usize,
    },
    /// The last change did not validate; the content before it is still shown.
    Rejected {
        /// How many of the problems are errors.
        errors: usize,
        /// Every problem, as `file:line:column: message`.
        problems: Vec<String>,
    },
    /// The content file cannot be watched.
    NotWatching(String),
}

/// The admin PIN pad while it is open.
struct AdminPad {
    pad: PinPad,
    message: String,
}

/// Settings that do not change while the app runs.
#[derive(Debug, Clone, Copy)]
struct Settings {
    mode: Mode,
    reduced_motion: bool,
    show_cursor: bool,
}

/// The kiosk application.
pub struct KioskApp {
    content: Arc<Content>,
    lang: LangId,
    nav: Navigation,
    theme: Theme,
    images: Arc<ContentImages>,
    settings: Settings,
    /// The navigation visit (or slide) on screen, and when it opened (egui time).
    shown: Option<(u64, f64)>,
    idle_config: IdleConfig,
    /// Started on the first frame, with egui's clock.
    idle: Option<IdleMachine>,
    corner: CornerHold,
    admin_pin: Option<PinHash>,
    /// Kept across openings, so closing the pad does not undo a lockout.
    pin_pad: PinPad,
    admin: Option<AdminPad>,
    slide_list: Vec<Slide>,
    slide_interval_secs: Option<f64>,
    slideshow: Option<Slideshow>,
    swipe: Swipe,
    watcher: Option<crate::content::watch::ContentWatcher>,
    reload_status: ReloadStatus,
    /// See [`Self::block_pointer_ui`].
    block_pointer: bool,
    /// With `OFFICE_KIOSK_FRAME_STATS` set: the frames seen and the slowest so far.
    frame_stats: Option<(u64, f32)>,
    started: bool,
    exiting: bool,
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
        let (watcher, reload_status) = match &options.watch {
            None => (None, ReloadStatus::Unchanged),
            Some(path) => {
                let waker = ctx.clone();
                match crate::content::watch::ContentWatcher::start(path, move || {
                    waker.request_repaint();
                }) {
                    Ok(watcher) => {
                        tracing::info!("watching {} for changes", path.display());
                        (Some(watcher), ReloadStatus::Unchanged)
                    }
                    Err(e) => {
                        tracing::warn!("cannot watch {} for changes: {e}", path.display());
                        (None, ReloadStatus::NotWatching(e.to_string()))
                    }
                }
            }
        };
        Self {
            lang,
            nav: Navigation::new(options.start_page),
            theme,
            images: ContentImages::install(ctx),
            settings: Settings {
                mode: options.mode,
                reduced_motion: options.reduced_motion,
                show_cursor: options.show_cursor,
            },
            shown: None,
            idle_config: options.idle,
            idle: None,
            corner: CornerHold::default(),
            admin_pin: options.admin_pin,
            pin_pad: PinPad::default(),
            admin: None,
            slide_list: slides::slides(&content),
            slide_interval_secs: options.slide_interval_secs,
            slideshow: None,
            swipe: Swipe::default(),
            watcher,
            reload_status,
            block_pointer: false,
            frame_stats: std::env::var_os("OFFICE_KIOSK_FRAME_STATS").map(|_| (0, 0.0)),
            started: false,
            exiting: false,
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

    /// How many images have been decoded so far.
    pub fn image_decode_count(&self) -> usize {
        self.images.decode_count()
    }

    /// How the last content reload went.
    pub fn reload_status(&self) -> &ReloadStatus {
        &self.reload_status
    }

    /// Shows `content` in place of the current content, on the same page and, if it still
    /// has it, in the same language.
    pub fn replace_content(&mut self, ctx: &egui::Context, content: Content) {
        let code = self.content.language(self.lang).code.clone();
        self.lang = content
            .language_by_code(&code)
            .unwrap_or(content.default_language);
        self.images.retain(ctx, content.images());
        self.slide_list = slides::slides(&content);
        if let Some(show) = &mut self.slideshow {
            show.set_count(self.slide_list.len());
        }
        self.content = Arc::new(content);
        ctx.request_repaint();
    }

    /// Applies finished reloads: new content replaces the old; a broken change is logged
    /// with every problem and changes nothing on screen.
    fn apply_reloads(&mut self, ctx: &egui::Context) {
        let Some(watcher) = &self.watcher else { return };
        let reloads: Vec<_> = watcher.finished().collect();
        for reload in reloads {
            match reload {
                crate::content::watch::Reload::Loaded(loaded) => {
                    for warning in &loaded.warnings {
                        tracing::warn!("{warning}");
                    }
                    tracing::info!("content reloaded");
                    self.reload_status = ReloadStatus::Reloaded {
                        warnings: loaded.warnings.len(),
                    };
                    self.replace_content(ctx, loaded.content);
                }
                crate::content::watch::Reload::Failed(error) => {
                    let (errors, problems): (usize, Vec<String>) = match &error {
                        crate::content::LoadError::Unreadable { .. } => {
                            (1, vec![error.to_string()])
                        }
                        crate::content::LoadError::Invalid(problems) => (
                            problems
                                .iter()
                                .filter(|p| p.severity == crate::content::Severity::Error)
                                .count(),
                            problems.iter().map(ToString::to_string).collect(),
                        ),
                    };
                    tracing::error!(
                        "the changed content was not loaded; still showing the last good content"
                    );
                    for problem in &problems {
                        tracing::error!("{problem}");
                    }
                    self.reload_status = ReloadStatus::Rejected { errors, problems };
                }
            }
        }
    }

    /// The mode the app runs in.
    pub fn mode(&self) -> Mode {
        self.settings.mode
    }

    /// The idle state at egui time `now` (kiosk mode only).
    pub fn idle_state(&self, now: f64) -> Option<IdleState> {
        self.idle.as_ref().map(|idle| idle.state(now))
    }

    /// Whether the admin PIN pad is open.
    pub fn is_admin_pad_open(&self) -> bool {
        self.admin.is_some()
    }

    /// Whether the app has asked to close (the right PIN was entered).
    pub fn is_exiting(&self) -> bool {
        self.exiting
    }

    /// The slide on screen and how many there are (presenter mode only).
    pub fn slide(&self) -> Option<(usize, usize)> {
        self.slideshow.as_ref().map(|s| (s.current(), s.count()))
    }

    /// Whether the presenter blanked the screen.
    pub fn is_blank(&self) -> bool {
        self.slideshow.as_ref().is_some_and(Slideshow::is_blank)
    }

    /// Applies a command.
    pub fn apply(&mut self, command: Command, now: f64) {
        if let Some(show) = &mut self.slideshow {
            match command {
                Command::Next => return show.next(now),
                Command::Previous => return show.previous(now),
                Command::Reset => show.first(now),
                Command::Go(_) | Command::SetLanguage(_) => {}
            }
        }
        match command {
            Command::Go(page) => self.nav.go(page),
            Command::Next => self.nav.go(self.nav.current().next()),
            Command::Previous => self.nav.go(self.nav.current().previous()),
            Command::SetLanguage(lang) => {
                if lang.0 < self.content.languages.len() {
                    self.lang = lang;
                }
            }
            Command::Reset => {
                self.nav.reset();
                self.lang = self.content.default_language;
                self.close_admin();
                // Nobody is watching (the attract loop covers Home): no opening animation.
                self.shown = Some((self.nav.visit(), f64::NEG_INFINITY));
            }
        }
    }

    /// Things done once the window exists: the cursor, the slideshow and idle clocks.
    fn start(&mut self, ctx: &egui::Context, now: f64) {
        if self.started {
            return;
        }
        self.started = true;
        if self.settings.mode == Mode::Kiosk {
            if !self.settings.show_cursor {
                ctx.send_viewport_cmd(ViewportCommand::CursorVisible(false));
            }
            self.idle = Some(IdleMachine::new(self.idle_config, now));
        }
        if self.settings.mode == Mode::Present {
            let mut show = Slideshow::new(self.slide_list.len(), self.slide_interval_secs, now);
            // `--page` starts the show at that page's first slide.
            let first = slides::first_slide_of(&self.slide_list, self.nav.current());
            if first > 0 {
                show.go(first, now);
                show.presenter_acted(now - crate::kiosk::slideshow::PAUSE_AFTER_KEY_SECS);
            }
            self.slideshow = Some(show);
        }
    }

    /// Kiosk and presenter windows do not close, leave full screen or minimise on request.
    fn hold_the_screen(&self, ctx: &egui::Context) {
        if self.settings.mode == Mode::Laptop || self.exiting {
            return;
        }
        let (close, fullscreen, minimized) = ctx.input(|i| {
            let v = i.viewport();
            (v.close_requested(), v.fullscreen, v.minimized)
        });
        if close {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        }
        if fullscreen == Some(false) {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        }
        if minimized == Some(true) {
            ctx.send_viewport_cmd(ViewportCommand::Minimized(false));
        }
    }

    /// Fits the design to the screen: 1080 points on the short side, fewer for slides.
    fn fit_zoom(&self, ctx: &egui::Context) {
        let native = ctx.content_rect().size() * ctx.zoom_factor();
        let design = if self.settings.mode == Mode::Present {
            SLIDE_SHORT_SIDE
        } else {
            DESIGN_SHORT_SIDE
        };
        let zoom = zoom_for_screen(native) * DESIGN_SHORT_SIDE / design;
        if (zoom - ctx.zoom_factor()).abs() > 0.001 {
            ctx.set_zoom_factor(zoom);
        }
    }

    /// Keys: the clicker's Page Down / Page Up everywhere; the presenter's keys in
    /// presenter mode; F11 for full screen on a laptop. Esc, F5 and the rest do nothing.
    fn key_commands(&mut self, ctx: &egui::Context, now: f64, commands: &mut Vec<Command>) {
        let pressed = |key| ctx.input(|i| i.key_pressed(key));
        if pressed(Key::PageDown) {
            commands.push(Command::Next);
        }
        if pressed(Key::PageUp) {
            commands.push(Command::Previous);
        }
        match self.settings.mode {
            Mode::Laptop => {
                if pressed(Key::F11) {
                    let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                    ctx.send_viewport_cmd(ViewportCommand::Fullscreen(!fullscreen));
                }
            }
            Mode::Present => {
                if [Key::ArrowRight, Key::Space, Key::Enter]
                    .into_iter()
                    .any(pressed)
                {
                    commands.push(Command::Next);
                }
                if [Key::ArrowLeft, Key::Backspace].into_iter().any(pressed) {
                    commands.push(Command::Previous);
                }
                if let Some(show) = &mut self.slideshow {
                    if pressed(Key::Home) {
                        show.first(now);
                    }
                    if pressed(Key::Period) || pressed(Key::B) {
                        show.toggle_blank(now);
                    }
                    let other_key = ctx.input(|i| {
                        i.events
                            .iter()
                            .any(|e| matches!(e, egui::Event::Key { pressed: true, .. }))
                    });
                    if other_key {
                        show.presenter_acted(now);
                    }
                }
            }
            Mode::Kiosk => {}
        }
    }

    /// A sideways swipe moves between pages.
    fn swipe_commands(&mut self, ctx: &egui::Context, now: f64, commands: &mut Vec<Command>) {
        let presses: Vec<(egui::Pos2, bool)> = ctx.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::PointerButton {
                        pos,
                        button: egui::PointerButton::Primary,
                        pressed,
                        ..
                    } => Some((*pos, *pressed)),
                    _ => None,
                })
                .collect()
        });
        for (pos, pressed) in presses {
            if pressed {
                self.swipe.press(pos.x, pos.y, now);
                continue;
            }
            match self.swipe.release(pos.x, pos.y, now) {
                Some(SwipeDirection::Left) => commands.push(Command::Next),
                Some(SwipeDirection::Right) => commands.push(Command::Previous),
                None => {}
            }
        }
    }

    /// While set, a transparent layer takes every touch, so the touch that dismissed the idle
    /// warning or woke the attract loop does not also press what is under the finger. It
    /// lifts once the finger does.
    fn block_pointer_ui(&mut self, ctx: &egui::Context) {
        if !self.block_pointer {
            return;
        }
        overlay::full_screen_layer(ctx, "wake-block", None, |_, _| ());
        if !ctx.input(|i| i.pointer.any_down()) {
            self.block_pointer = false;
        }
    }

    /// A 5-second press on the top-left corner opens the PIN pad, when a PIN is set.
    fn admin_corner(&mut self, ctx: &egui::Context, now: f64) {
        if self.settings.mode != Mode::Kiosk || self.admin.is_some() || self.admin_pin.is_none() {
            return;
        }
        let corner = egui::Rect::from_min_size(ctx.content_rect().min, Vec2::splat(ADMIN_CORNER));
        let held = ctx.input(|i| {
            i.pointer.primary_down() && i.pointer.interact_pos().is_some_and(|p| corner.contains(p))
        });
        if self.corner.update(held, now) {
            self.pin_pad.clear();
            self.admin = Some(AdminPad {
                pad: std::mem::take(&mut self.pin_pad),
                message: String::from("Enter the PIN to leave the kiosk"),
            });
        }
        if let Some(secs) = self.corner.secs_until_done(now) {
            ctx.request_repaint_after(Duration::from_secs_f64(secs));
        }
    }

    /// Closes the PIN pad, keeping its failure count and lockout for the next opening.
    fn close_admin(&mut self) {
        if let Some(mut admin) = self.admin.take() {
            admin.pad.clear();
            self.pin_pad = admin.pad;
        }
    }

    fn admin_ui(&mut self, ctx: &egui::Context, now: f64) {
        let Some(admin) = &mut self.admin else {
            return;
        };
        let locked = admin.pad.locked_for(now);
        if let Some(secs) = locked {
            admin.message = format!("Too many wrong PINs: try again in {} s", secs.ceil());
            ctx.request_repaint_after(Duration::from_secs_f64(secs.fract().max(0.05)));
        }
        let status = match &self.reload_status {
            ReloadStatus::Unchanged if self.watcher.is_none() => "Content: built in".to_owned(),
            ReloadStatus::Unchanged => {
                "Content: as loaded at start; watching for changes".to_owned()
            }
            ReloadStatus::Reloaded { warnings: 0 } => "Content: reloaded after a change".to_owned(),
            ReloadStatus::Reloaded { warnings } => {
                format!("Content: reloaded, with {warnings} warnings (see the log)")
            }
            ReloadStatus::Rejected { errors, problems } => format!(
                "Content: the last change was NOT loaded ({errors} error{}, see the log); \
                 showing the version before it. First: {}",
                if *errors == 1 { "" } else { "s" },
                problems.first().map_or("", String::as_str)
            ),
            ReloadStatus::NotWatching(why) => format!("Content: not watched for changes: {why}"),
        };
        let action = overlay::pin_pad_ui(
            ctx,
            &self.theme,
            admin.pad.entered_len(),
            &admin.message,
            &status,
        );
        match action {
            Some(PadAction::Digit(d)) => admin.pad.digit(d, now),
            Some(PadAction::Backspace) => admin.pad.backspace(),
            Some(PadAction::Cancel) => self.close_admin(),
            Some(PadAction::Submit) => {
                let Some(pin) = &self.admin_pin else { return };
                match admin.pad.submit(pin, now) {
                    PinOutcome::Correct => {
                        tracing::info!("admin PIN accepted: leaving kiosk mode");
                        self.exiting = true;
                        ctx.send_viewport_cmd(ViewportCommand::Close);
                    }
                    PinOutcome::Wrong { tries_left } => {
                        tracing::warn!("wrong admin PIN; {tries_left} tries left");
                        admin.message = format!("Wrong PIN: {tries_left} tries left");
                    }
                    PinOutcome::Locked { secs_left } => {
                        tracing::warn!("admin PIN pad locked for {secs_left:.0} s");
                        admin.message =
                            format!("Too many wrong PINs: try again in {} s", secs_left.ceil());
                    }
                }
            }
            None => {}
        }
    }

    /// How far the opening animation of the page or slide shown has run, 0 to 1, asking
    /// for the next frame only while it runs; and whether this is its first frame.
    fn page_progress(&mut self, ctx: &egui::Context, now: f64) -> (f32, bool) {
        let visit = match &self.slideshow {
            Some(show) => show.current() as u64 | (1 << 63),
            None => self.nav.visit(),
        };
        let fresh = !matches!(self.shown, Some((v, _)) if v == visit);
        if fresh {
            self.shown = Some((visit, now));
        }
        if self.settings.reduced_motion {
            return (1.0, fresh);
        }
        let opened = self.shown.map_or(now, |(_, t)| t);
        let progress = ((now - opened) as f32 / GROW_SECS).clamp(0.0, 1.0);
        if progress < 1.0 {
            ctx.request_repaint();
        }
        (progress, fresh)
    }

    fn nav_items(&self) -> Vec<NavItem<'_>> {
        let c = &*self.content;
        let lang = self.lang;
        let headers = crate::navigation::section_headers(c);
        let mut items = vec![NavItem {
            page: Page::Home,
            icon: crate::content::Icon::Home,
            label: c.home.nav_label.get(lang),
        }];
        items.extend(headers.into_iter().map(|(page, header)| NavItem {
            page,
            icon: header.icon,
            label: header.nav_label.get(lang),
        }));
        items
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
        let fade = if self.settings.reduced_motion {
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
            images: &self.images,
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

    /// Navigation, language switch and page: the laptop and kiosk screen.
    fn browse_ui(
        &mut self,
        ui: &mut egui::Ui,
        progress: f32,
        fresh: bool,
        commands: &mut Vec<Command>,
    ) {
        let size: Vec2 = ui.ctx().content_rect().size();
        let portrait = size.y > size.x;
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
                        let switch = switch_width(ui, &languages);
                        let name_width = ui.available_width() - switch - space::M;
                        ui.allocate_ui(Vec2::new(name_width, 0.0), |ui| {
                            ui.set_width(name_width);
                            ui.vertical(|ui| self.wordmark(ui));
                        });
                        ui.add_space(space::M);
                        if let Some(lang) = language_switch_ui(ui, &theme, &languages, self.lang) {
                            commands.push(Command::SetLanguage(lang));
                        }
                    });
                });
            egui::Panel::bottom("nav-bar")
                .resizable(false)
                .show_separator_line(false)
                .frame(bar_frame.inner_margin(egui::Margin::same(space::XS as i8)))
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
    }

    /// One slide filling the screen, with a discreet progress line; or black when blanked.
    fn present_ui(&mut self, ui: &mut egui::Ui, progress: f32) {
        let theme = self.theme.clone();
        let Some(show) = &self.slideshow else { return };
        let (index, count, blank) = (show.current(), show.count(), show.is_blank());
        let screen = ui.ctx().content_rect();
        if blank {
            ui.painter().rect_filled(screen, 0, egui::Color32::BLACK);
            return;
        }
        let slide = self
            .slide_list
            .get(index)
            .copied()
            .unwrap_or(Slide::Welcome);
        egui::Panel::bottom("slide-progress")
            .resizable(false)
            .show_separator_line(false)
            .frame(
                egui::Frame::new()
                    .fill(theme.background)
                    .inner_margin(egui::Margin::symmetric(space::L as i8, space::S as i8)),
            )
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let label = format!("{} / {count}", index + 1);
                    ui.label(
                        egui::RichText::new(label)
                            .font(Theme::font(18.0))
                            .color(theme.text_muted),
                    );
                    let (rect, _) = ui.allocate_exact_size(
                        Vec2::new(ui.available_width(), 6.0),
                        egui::Sense::hover(),
                    );
                    ui.painter().rect_filled(rect, 3, theme.gridline);
                    let done = rect.width() * (index + 1) as f32 / count.max(1) as f32;
                    ui.painter().rect_filled(
                        egui::Rect::from_min_size(rect.min, Vec2::new(done, rect.height())),
                        3,
                        theme.primary,
                    );
                });
            });
        let mut cx = PageCtx {
            content: &self.content,
            lang: self.lang,
            theme: &self.theme,
            portrait: screen.height() > screen.width(),
            progress,
            images: &self.images,
        };
        egui::CentralPanel::no_frame()
            .frame(
                egui::Frame::new()
                    .fill(theme.background)
                    .inner_margin(egui::Margin::same(space::XL as i8)),
            )
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("slide")
                    // Slides are made to fit; a scroll bar would only distract the room.
                    .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
                    .scroll_source(egui::scroll_area::ScrollSource::ALL)
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.spacing_mut().item_spacing.y = space::S;
                        slides::slide_ui(ui, &mut cx, slide);
                    });
            });
    }
}

/// Whether this frame has input from a person: a touch, a key, a pointer move or a scroll.
fn has_user_input(ctx: &egui::Context) -> bool {
    ctx.input(|i| {
        i.events.iter().any(|e| {
            matches!(
                e,
                egui::Event::Key { .. }
                    | egui::Event::Text(_)
                    | egui::Event::PointerMoved(_)
                    | egui::Event::PointerButton { .. }
                    | egui::Event::Touch { .. }
                    | egui::Event::MouseWheel { .. }
                    | egui::Event::Zoom(_)
            )
        })
    })
}

impl eframe::App for KioskApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if let Some((frames, slowest)) = &mut self.frame_stats {
            // For the benchmark: the CPU time of the last frame, past start-up.
            *frames += 1;
            let last = frame.info().cpu_usage.unwrap_or(0.0);
            if *frames > 3 && last > *slowest {
                *slowest = last;
                tracing::info!("KIOSK_SLOWEST_FRAME ms={:.1} frame={frames}", last * 1000.0);
            }
        }
        let now = ctx.input(|i| i.time);
        self.start(&ctx, now);
        self.apply_reloads(&ctx);
        self.fit_zoom(&ctx);
        self.hold_the_screen(&ctx);

        let mut commands = Vec::new();
        let mut swallow = self.admin.is_some();
        if let Some(idle) = &mut self.idle {
            let interrupted = !matches!(idle.state(now), IdleState::Active);
            if has_user_input(&ctx) {
                if idle.input(now) == Some(IdleEvent::Woke) {
                    commands.push(Command::Reset);
                }
                if interrupted {
                    // The touch that dismissed the warning or woke the kiosk does only that.
                    swallow = true;
                    self.block_pointer = true;
                }
            }
            if idle.update(now) == Some(IdleEvent::Reset) {
                tracing::info!("idle: back to the start");
                commands.push(Command::Reset);
            }
        }
        if !swallow {
            self.key_commands(&ctx, now, &mut commands);
            self.swipe_commands(&ctx, now, &mut commands);
        }
        self.admin_corner(&ctx, now);
        if let Some(show) = &mut self.slideshow {
            show.update(now);
        }

        let (progress, fresh) = self.page_progress(&ctx, now);
        if self.settings.mode == Mode::Present {
            self.present_ui(ui, progress);
        } else {
            self.browse_ui(ui, progress, fresh, &mut commands);
        }

        match self.idle.as_ref().map(|idle| idle.state(now)) {
            Some(IdleState::Warning { seconds_left }) => {
                let c = &*self.content;
                let lines = [
                    c.labels.idle_title.get(self.lang).to_owned(),
                    c.labels
                        .idle_countdown
                        .get(self.lang)
                        .replace("{seconds}", &seconds_left.to_string()),
                ];
                let touch: Vec<&str> = (0..c.languages.len())
                    .map(|i| c.labels.touch_to_continue.get(LangId(i)))
                    .collect();
                let theme = &self.theme;
                overlay::modal(&ctx, "idle-warning", theme, 900.0, |ui| {
                    ui.spacing_mut().item_spacing.y = space::M;
                    overlay::centred(
                        ui,
                        &lines[0],
                        Theme::bold(crate::theme::size::SECTION),
                        theme.text,
                    );
                    overlay::centred(
                        ui,
                        &lines[1],
                        Theme::font(crate::theme::size::LEAD),
                        theme.text,
                    );
                    let width = ui.available_width();
                    overlay::big_button(ui, theme, &touch.join("  ·  "), width);
                });
            }
            Some(IdleState::Attract { step }) => {
                pages::attract::attract_ui(&ctx, &self.content, &self.theme, step);
            }
            Some(IdleState::Active) | None => {}
        }
        self.admin_ui(&ctx, now);
        self.block_pointer_ui(&ctx);

        for command in commands {
            self.apply(command, now);
        }

        // Sleep until something changes by itself: no frame is drawn while waiting.
        let mut wake = self.idle.as_ref().map(|idle| idle.secs_until_change(now));
        if let Some(secs) = self
            .slideshow
            .as_ref()
            .and_then(|s| s.secs_until_change(now))
        {
            wake = Some(wake.map_or(secs, |w| w.min(secs)));
        }
        if let Some(secs) = wake {
            ctx.request_repaint_after(Duration::from_secs_f64(secs));
        }
        if self.nav.visit() != self.shown.map_or(u64::MAX, |(v, _)| v) && self.slideshow.is_none() {
            ctx.request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.settings.mode == Mode::Laptop {
            let code = &self.content.language(self.lang).code;
            eframe::set_value(storage, LANGUAGE_KEY, code);
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
