//! The command line: run the kiosk, or `check` a content file.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use crate::content::{self, Content, LoadError};
use crate::navigation::Page;
use crate::theme::ThemeKind;

/// An offline information kiosk for an IOM country office.
#[derive(Debug, Parser)]
#[command(name = "office-kiosk", version, about)]
#[expect(clippy::struct_excessive_bools, reason = "command-line switches are bools")]
pub struct Cli {
    /// A content file to show instead of the embedded Belize content.
    #[arg(long, value_name = "PATH", global = true)]
    pub content: Option<PathBuf>,
    /// The page to start on: home, about, office, facts, careers or contact.
    #[arg(long, value_name = "NAME", value_parser = parse_page, default_value = "home")]
    pub page: Page,
    /// The language to start in, by its code (en, es); the content's default otherwise.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// Colours: light, dark or high-contrast.
    #[arg(long, value_name = "NAME", value_parser = parse_theme, default_value = "light")]
    pub theme: ThemeKind,
    /// No fades or growing bars.
    #[arg(long)]
    pub reduced_motion: bool,
    /// The window's size in points, as `WIDTHxHEIGHT`.
    #[arg(long, value_name = "WxH", value_parser = parse_size, default_value = "1366x768")]
    pub window_size: [f32; 2],
    /// Reception kiosk: full screen, cursor hidden, idle reset and attract loop, no way out
    /// without the admin PIN.
    #[arg(long, conflicts_with = "present")]
    pub kiosk: bool,
    /// Presentation: full screen slides for a presenter clicker.
    #[arg(long)]
    pub present: bool,
    /// The monitor to go full screen on, by index (0 is the first).
    #[arg(long, value_name = "N")]
    pub monitor: Option<usize>,
    /// Keep the mouse cursor visible in kiosk mode.
    #[arg(long)]
    pub show_cursor: bool,
    /// Kiosk mode: seconds without a touch before returning to Home.
    #[arg(long, value_name = "SECS", default_value_t = 60.0, value_parser = parse_secs)]
    pub idle_timeout: f64,
    /// Kiosk mode: the last seconds before the reset during which a countdown shows.
    #[arg(long, value_name = "SECS", default_value_t = 20.0, value_parser = parse_secs)]
    pub idle_warning: f64,
    /// Kiosk mode: the file holding the admin PIN's salted hash (see `set-pin`); without
    /// it, kiosk mode cannot be left from the screen.
    #[arg(long, value_name = "PATH")]
    pub admin_pin_file: Option<PathBuf>,
    /// Presentation: advance to the next slide every SECS seconds.
    #[arg(long, value_name = "SECS", value_parser = parse_secs)]
    pub slide_interval: Option<f64>,
    /// What to do instead of running the kiosk.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Check a content file and list every problem found; exit 0 when valid, 1 when not,
    /// 2 when the file cannot be read.
    Check {
        /// The content file.
        path: PathBuf,
    },
    /// Write the admin PIN's salted hash to PATH for `--admin-pin-file`. The PIN (4 to 12
    /// digits) is read from standard input; the file never holds the PIN itself.
    SetPin {
        /// The PIN file to write.
        path: PathBuf,
    },
}

impl Cli {
    /// The mode the flags ask for.
    pub fn mode(&self) -> crate::kiosk::Mode {
        if self.kiosk {
            crate::kiosk::Mode::Kiosk
        } else if self.present {
            crate::kiosk::Mode::Present
        } else {
            crate::kiosk::Mode::Laptop
        }
    }
}

fn parse_secs(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(secs) if secs.is_finite() && secs >= 0.0 => Ok(secs),
        _ => Err(format!("`{s}` is not a number of seconds")),
    }
}

/// Runs `office-kiosk set-pin PATH` with the PIN read from `input`.
///
/// # Errors
/// When the PIN is not 4 to 12 digits or the file cannot be written.
pub fn set_pin(path: &std::path::Path, input: &mut dyn std::io::BufRead) -> anyhow::Result<()> {
    let mut line = String::new();
    input.read_line(&mut line).context("cannot read the PIN")?;
    let hash = crate::kiosk::pin::PinHash::with_random_salt(line.trim())?;
    hash.save(path)?;
    Ok(())
}

fn parse_page(s: &str) -> Result<Page, String> {
    Page::from_slug(s).ok_or_else(|| {
        let names: Vec<&str> = Page::ALL.iter().map(|p| p.slug()).collect();
        format!("unknown page `{s}`; expected one of {}", names.join(", "))
    })
}

fn parse_size(s: &str) -> Result<[f32; 2], String> {
    let parsed = s
        .split_once(['x', 'X'])
        .and_then(|(w, h)| Some([w.trim().parse::<f32>().ok()?, h.trim().parse::<f32>().ok()?]));
    match parsed {
        Some([w, h]) if w >= 320.0 && h >= 320.0 && w.is_finite() && h.is_finite() => Ok([w, h]),
        _ => Err(format!(
            "`{s}` is not a size like 1920x1080 (at least 320x320)"
        )),
    }
}

fn parse_theme(s: &str) -> Result<ThemeKind, String> {
    match s {
        "light" => Ok(ThemeKind::Light),
        "dark" => Ok(ThemeKind::Dark),
        "high-contrast" => Ok(ThemeKind::HighContrast),
        _ => Err(format!(
            "unknown theme `{s}`; expected light, dark or high-contrast"
        )),
    }
}

/// Runs `office-kiosk check PATH`: prints a report and returns the exit code.
pub fn check(path: &std::path::Path) -> (String, ExitCode) {
    match content::load(path) {
        Ok(content) => (
            format!(
                "{}: valid ({} languages: {})",
                path.display(),
                content.languages.len(),
                content
                    .languages
                    .iter()
                    .map(|l| l.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ExitCode::SUCCESS,
        ),
        Err(e @ LoadError::Unreadable { .. }) => (format!("error: {e}"), ExitCode::from(2)),
        Err(e) => (e.to_string(), ExitCode::from(1)),
    }
}

/// The content the kiosk shows: `--content PATH` or the embedded default.
///
/// # Errors
/// When the file cannot be read or does not validate; every problem is in the message.
pub fn content_for(cli: &Cli) -> anyhow::Result<Arc<Content>> {
    let content = match &cli.content {
        Some(path) => content::load(path)
            .with_context(|| format!("cannot show content from {}", path.display()))?,
        None => content::embedded().context("the embedded content is broken")?,
    };
    Ok(Arc::new(content))
}
