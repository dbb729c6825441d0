//! How the app starts: [`AppOptions`], built from the command line and checked against the
//! content before any window opens (or built by tests), and the window options that go with
//! them.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context as _;
use eframe::egui;

use crate::cli::Cli;
use crate::clock::WallClock;
use crate::content::{self, Content};
use crate::kiosk::Mode;
use crate::kiosk::hours::ScreenHours;
use crate::kiosk::idle::IdleConfig;
use crate::maintenance::install::{ContentPlace, installed_file};
use crate::maintenance::restart::RestartFlag;
use crate::maintenance::usb;
use crate::navigation::Page;
use crate::paths::Dirs;
use crate::pin::PinHash;
use crate::theme::ThemeKind;

/// The laptop window's size the first time, in points.
const FIRST_WINDOW_SIZE: [f32; 2] = [1366.0, 768.0];

/// Seconds between the attract loop's steps.
const ATTRACT_STEP_SECS: f64 = 10.0;

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
    /// Text and controls drawn larger.
    pub large_text: bool,
    /// Laptop, kiosk or presenter, with what each needs.
    pub mode: ModeOptions,
    /// The content file to watch and reload when it changes; `None` for embedded content.
    pub watch: Option<PathBuf>,
    /// The local date and time (vacancies close on their day; usage is counted by hour).
    pub clock: WallClock,
    /// The usage file to count into ([`crate::stats`]); `None` counts nothing.
    pub usage_file: Option<PathBuf>,
}

/// The mode the app runs in, with the options only that mode has.
#[derive(Debug, Clone, Default)]
pub enum ModeOptions {
    /// A normal window on a laptop.
    #[default]
    Laptop,
    /// An unattended reception kiosk.
    Kiosk(KioskOptions),
    /// Full-screen slides for a presenter.
    Present(PresentOptions),
}

impl ModeOptions {
    /// Which mode this is.
    pub fn mode(&self) -> Mode {
        match self {
            Self::Laptop => Mode::Laptop,
            Self::Kiosk(_) => Mode::Kiosk,
            Self::Present(_) => Mode::Present,
        }
    }
}

/// What the reception kiosk needs.
#[derive(Debug, Clone, Default)]
pub struct KioskOptions {
    /// Idle timing.
    pub idle: IdleConfig,
    /// The admin PIN that leaves kiosk mode; without one the kiosk cannot be left from
    /// the screen.
    pub admin_pin: Option<PinHash>,
    /// Keep the mouse cursor visible.
    pub show_cursor: bool,
    /// The hours the screen is on (always, when `None`), unless staff saved others.
    pub screen_hours: Option<ScreenHours>,
    /// Where staff settings are kept, and content installed when the app shows its
    /// embedded content; nothing is kept without it.
    pub state_dir: Option<PathBuf>,
    /// Where USB sticks are mounted ([`usb::DEFAULT_ROOTS`]; a temporary folder in tests).
    pub usb_roots: Vec<PathBuf>,
    /// Set when staff ask for a restart; `main` restarts once the window has closed.
    pub restart: RestartFlag,
}

/// What the presenter needs.
#[derive(Debug, Clone, Copy, Default)]
pub struct PresentOptions {
    /// Auto-advance for slides, in seconds.
    pub slide_interval_secs: Option<f64>,
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
            large_text: false,
            mode: ModeOptions::Laptop,
            watch: None,
            clock: WallClock::system(),
            usage_file: None,
        }
    }

    /// The flag the admin screen sets to restart (kiosk mode only).
    pub fn restart_flag(&self) -> Option<RestartFlag> {
        match &self.mode {
            ModeOptions::Kiosk(kiosk) => Some(kiosk.restart.clone()),
            _ => None,
        }
    }

    /// The options the command line asks for, with the content and PIN file they name
    /// read and checked, so that nothing wrong is found after the window opened.
    ///
    /// # Errors
    /// When the content cannot be shown, `--lang` names a language the content lacks, or
    /// the PIN file cannot be used.
    pub fn from_cli(cli: &Cli, dirs: Option<&Dirs>) -> anyhow::Result<Self> {
        // Resolved once: the folder a relative path names must not change with the
        // current folder (the install's place is the file's folder).
        let shown = match &cli.content {
            Some(path) => Some(
                std::path::absolute(path)
                    .with_context(|| format!("--content {}", path.display()))?,
            ),
            None => None,
        };
        if cli.mode() == Mode::Kiosk {
            // What an install or undo cut short is put right before anything is read; the
            // folder `content` in the state folder is the kiosk's own.
            if let Some(dirs) = dirs {
                let own = ContentPlace::new(installed_file(&dirs.state));
                if let Err(e) = own.adopt() {
                    tracing::warn!(
                        "cannot mark {} as the kiosk's own: {e}",
                        own.folder().display()
                    );
                }
                own.recover();
            }
            if let Some(file) = &shown {
                ContentPlace::new(file).recover();
            }
        }
        // Content installed from a USB stick while the embedded content was shown.
        let installed = dirs
            .map(|d| installed_file(&d.state))
            .filter(|file| shown.is_none() && cli.mode() == Mode::Kiosk && file.is_file())
            // Checked when installed; should it have broken since, the embedded content shows.
            .filter(|file| match content::load_with(file, false) {
                Ok(_) => true,
                Err(e) => {
                    tracing::error!("the installed content is not shown: {e}");
                    false
                }
            });
        let watch = shown.or(installed);
        let content = match &watch {
            Some(path) => {
                let loaded = content::load_with(path, false)
                    .with_context(|| format!("cannot show content from {}", path.display()))?;
                for warning in &loaded.warnings {
                    tracing::warn!("{warning}");
                }
                loaded.content
            }
            None => content::embedded().context("the embedded content is broken")?,
        };
        if let Some(code) = &cli.lang {
            anyhow::ensure!(
                content.language_by_code(code).is_some(),
                "--lang {code}: the content has no such language; it has {}",
                content
                    .languages
                    .iter()
                    .map(|l| l.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        let mode = match cli.mode() {
            Mode::Laptop => ModeOptions::Laptop,
            Mode::Kiosk => {
                let admin_pin = match &cli.admin_pin_file {
                    Some(path) => Some(PinHash::load(path).map_err(|e| {
                        anyhow::anyhow!(
                            "--admin-pin-file: {e}; without a usable PIN file staff could not \
                             leave the kiosk"
                        )
                    })?),
                    None => None,
                };
                let defaults = IdleConfig::default();
                let idle = IdleConfig::checked(
                    cli.idle_timeout.unwrap_or(defaults.timeout_secs),
                    cli.idle_warning.unwrap_or(defaults.warning_secs),
                    ATTRACT_STEP_SECS,
                )
                .map_err(|e| anyhow::anyhow!("--idle-timeout and --idle-warning: {e}"))?;
                ModeOptions::Kiosk(KioskOptions {
                    idle,
                    admin_pin,
                    show_cursor: cli.show_cursor,
                    screen_hours: cli.screen_hours,
                    state_dir: dirs.map(|d| d.state.clone()),
                    usb_roots: usb::DEFAULT_ROOTS.iter().map(PathBuf::from).collect(),
                    restart: RestartFlag::default(),
                })
            }
            Mode::Present => ModeOptions::Present(PresentOptions {
                slide_interval_secs: cli.slide_interval,
            }),
        };
        Ok(Self {
            content: Arc::new(content),
            start_page: cli.page,
            language: cli.lang.clone(),
            theme: cli.theme,
            reduced_motion: cli.reduced_motion,
            large_text: cli.large_text,
            mode,
            watch,
            clock: WallClock::system(),
            usage_file: if cli.no_stats {
                None
            } else {
                dirs.map(Dirs::usage_file)
            },
        })
    }
}

/// The window for `cli` showing `options`' content, titled with the office's name: a normal window on a laptop (remembering its size unless one was
/// asked for), full screen and borderless otherwise.
pub fn native_options(
    cli: &Cli,
    options: &AppOptions,
    dirs: Option<&Dirs>,
) -> eframe::NativeOptions {
    let mode = cli.mode();
    let content = &options.content;
    let lang = options
        .language
        .as_deref()
        .and_then(|code| content.language_by_code(code))
        .unwrap_or(content.default_language);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(content.identity.office_name.get(lang))
        .with_app_id("office-kiosk")
        .with_inner_size(cli.window_size.unwrap_or(FIRST_WINDOW_SIZE))
        .with_min_inner_size(crate::cli::MIN_WINDOW);
    if mode != Mode::Laptop {
        viewport = viewport.with_fullscreen(true).with_decorations(false);
        if let Some(monitor) = cli.monitor {
            tracing::info!(
                "--monitor {monitor}: full screen on monitor {monitor} (0 is the first); where \
                 there is no such monitor, on the one the window opens on"
            );
            viewport = viewport.with_monitor(monitor);
        }
    }
    // eframe reads and writes `window.ron` itself: looked at first with the app's rules.
    // Without a state folder (or a usable file) eframe is given an empty path, at which it
    // can neither read nor create anything, rather than its own folder under HOME.
    let settings = dirs
        .map(Dirs::settings_file)
        .filter(|file| crate::paths::check_settings_file(file));
    eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        persist_window: mode == Mode::Laptop && cli.window_size.is_none() && settings.is_some(),
        persistence_path: Some(settings.unwrap_or_default()),
        ..Default::default()
    }
}
