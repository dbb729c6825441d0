//! The command line: the options of the kiosk window, and the `check`, `init`, `set-pin`
//! and `stats` subcommands, which print their output and return an exit code (errors go back to `main`,
//! which prints each once).

mod check;
mod init;
mod set_pin;
mod stats;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

pub use check::{ReportFormat, check};
pub use init::init;
pub use set_pin::set_pin;
pub use stats::{StatsFormat, stats};

use crate::navigation::Page;
use crate::theme::ThemeKind;

/// The smallest window the layout is made for, in points.
pub const MIN_WINDOW: [f32; 2] = [640.0, 480.0];

/// The largest window size accepted, in points: far beyond any screen.
pub const MAX_WINDOW_SIDE: f32 = 16_384.0;

/// An offline information kiosk for an IOM country office.
// One field per option of the command line, as clap reads them: the list is long by nature.
#[derive(Debug, Parser)]
#[command(name = "office-kiosk", version, about)]
#[command(args_conflicts_with_subcommands = true)]
#[command(group(clap::ArgGroup::new("full_screen").args(["kiosk", "present"])))]
#[expect(
    clippy::struct_excessive_bools,
    reason = "command-line switches are bools"
)]
pub struct Cli {
    /// A content file to show instead of the embedded Belize content.
    #[arg(long, value_name = "PATH")]
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
    /// No fades or growing bars (visitors can also turn this on from the screen).
    #[arg(long)]
    pub reduced_motion: bool,
    /// Text and controls 1.4 times larger (visitors can also turn this on from the screen).
    #[arg(long)]
    pub large_text: bool,
    /// The window's size in points, as `WIDTHxHEIGHT` (at least 640x480); without it a
    /// laptop window opens at the size it had last time (1366x768 the first time). Kiosk and
    /// presenter windows fill the screen; this is their size where nothing makes them full
    /// screen (an X server without a window manager).
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub window_size: Option<[f32; 2]>,
    /// Reception kiosk: full screen, cursor hidden, idle reset and attract loop, no way out
    /// without the admin PIN.
    #[arg(long, conflicts_with = "present")]
    pub kiosk: bool,
    /// Presentation: full screen slides for a presenter clicker.
    #[arg(long)]
    pub present: bool,
    /// Kiosk and presentation: the monitor to go full screen on, by index (0 is the first,
    /// up to 15); where there is no such monitor, the one the window opens on (the log says
    /// how many there are).
    #[arg(long, value_name = "N", value_parser = parse_monitor, requires = "full_screen")]
    pub monitor: Option<usize>,
    /// Kiosk mode: keep the mouse cursor visible.
    #[arg(long, requires = "kiosk", conflicts_with = "present")]
    pub show_cursor: bool,
    /// Kiosk mode: seconds without a touch before returning to Home, 5 to 86400 (60).
    #[arg(long, value_name = "SECS", value_parser = parse_idle_timeout, requires = "kiosk", conflicts_with = "present")]
    pub idle_timeout: Option<f64>,
    /// Kiosk mode: the last seconds before the reset during which a countdown shows, from 0
    /// to less than the idle timeout (20).
    #[arg(long, value_name = "SECS", value_parser = parse_secs, requires = "kiosk", conflicts_with = "present")]
    pub idle_warning: Option<f64>,
    /// Kiosk mode: the file holding the admin PIN's salted hash (see `set-pin`); without
    /// it, kiosk mode cannot be left from the screen.
    #[arg(
        long,
        value_name = "PATH",
        requires = "kiosk",
        conflicts_with = "present"
    )]
    pub admin_pin_file: Option<PathBuf>,
    /// Kiosk mode: the hours the screen is on, local time, as HH:MM-HH:MM (`08:00-17:00`,
    /// or across midnight `22:00-06:00`); outside them the screen is black until a touch.
    /// Hours set on the admin screen take their place.
    #[arg(long, value_name = "HOURS", value_parser = parse_hours, requires = "kiosk", conflicts_with = "present")]
    pub screen_hours: Option<crate::kiosk::hours::ScreenHours>,
    /// Presentation: advance to the next slide every SECS seconds, 2 to 3600.
    #[arg(long, value_name = "SECS", value_parser = parse_slide_interval, requires = "present", conflicts_with = "kiosk")]
    pub slide_interval: Option<f64>,
    /// Count no usage figures (see `stats`).
    #[arg(long)]
    pub no_stats: bool,
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
        /// `text` for people, `json` for tools.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Also check the kiosk's admin PIN file (as the service does before it starts).
        #[arg(long, value_name = "PATH")]
        admin_pin_file: Option<PathBuf>,
    },
    /// Write a complete, valid starter content folder (the Belize content, its images and
    /// the authoring guide) into DIR, for another office to edit.
    Init {
        /// A new or empty folder.
        dir: PathBuf,
    },
    /// Write the admin PIN's salted hash to PATH for `--admin-pin-file`. On a terminal the
    /// PIN (4 to 12 digits) is asked for twice without being shown; otherwise it is read
    /// from the first line of standard input. The file never holds the PIN itself.
    SetPin {
        /// The PIN file to write.
        path: PathBuf,
    },
    /// Print the usage figures the kiosk counted: per day, page views, language choices,
    /// reading settings turned on, visitor sessions and their lengths. Nothing personal
    /// and nothing finer than the hour is counted, and nothing leaves the machine.
    Stats {
        /// Only the figures from this day on, as YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = stats::parse_date)]
        since: Option<jiff::civil::Date>,
        /// `table` for people, `csv` (an hour a row) for spreadsheets.
        #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
        format: StatsFormat,
        /// The usage file to read; by default `usage.ron` in the state folder
        /// (`$STATE_DIRECTORY` under systemd, else `$XDG_STATE_HOME/office-kiosk`).
        #[arg(long, value_name = "PATH")]
        file: Option<PathBuf>,
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

/// Runs a subcommand and prints its output.
///
/// # Errors
/// When the subcommand fails, or its output cannot be written (a closed pipe is not an
/// error: the reader has all it wanted).
pub fn run(command: &CliCommand) -> anyhow::Result<ExitCode> {
    let (output, code) = match command {
        CliCommand::Check {
            path,
            format,
            admin_pin_file,
        } => check(path, *format, admin_pin_file.as_deref()),
        CliCommand::Init { dir } => (init(dir)?, ExitCode::SUCCESS),
        CliCommand::SetPin { path } => (set_pin(path)?, ExitCode::SUCCESS),
        CliCommand::Stats {
            since,
            format,
            file,
        } => (stats(file.as_deref(), *since, *format)?, ExitCode::SUCCESS),
    };
    print(&output)?;
    Ok(code)
}

/// Writes `text` and a newline to standard output.
fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let written = out
        .write_all(text.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write the output")
        }
        _ => Ok(()),
    }
}

/// The slide intervals a presenter may ask for, in seconds: under 2 s a slide cannot be
/// read; over an hour it hardly advances.
pub const SLIDE_INTERVAL_RANGE_SECS: std::ops::RangeInclusive<f64> = 2.0..=3600.0;

/// The highest monitor index taken: far more monitors than any kiosk has.
pub const MAX_MONITOR: usize = 15;

/// Seconds in `range`, or a message naming the range.
fn secs_in(s: &str, range: &std::ops::RangeInclusive<f64>) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(secs) if secs.is_finite() && range.contains(&secs) => Ok(secs),
        _ => Err(format!(
            "`{s}` is not a number of seconds from {} to {}",
            range.start(),
            range.end()
        )),
    }
}

fn parse_secs(s: &str) -> Result<f64, String> {
    secs_in(s, &(0.0..=86_400.0))
}

fn parse_idle_timeout(s: &str) -> Result<f64, String> {
    secs_in(s, &crate::kiosk::idle::TIMEOUT_RANGE_SECS)
}

fn parse_slide_interval(s: &str) -> Result<f64, String> {
    secs_in(s, &SLIDE_INTERVAL_RANGE_SECS)
}

fn parse_monitor(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n <= MAX_MONITOR => Ok(n),
        _ => Err(format!(
            "`{s}` is not a monitor's index from 0 (the first) to {MAX_MONITOR}"
        )),
    }
}

fn parse_hours(s: &str) -> Result<crate::kiosk::hours::ScreenHours, String> {
    crate::kiosk::hours::ScreenHours::parse(s).map_err(|e| e.to_string())
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
    let [min_w, min_h] = MIN_WINDOW;
    match parsed {
        Some([w, h])
            if (min_w..=MAX_WINDOW_SIDE).contains(&w) && (min_h..=MAX_WINDOW_SIDE).contains(&h) =>
        {
            Ok([w, h])
        }
        _ => Err(format!(
            "`{s}` is not a size like 1920x1080, from {min_w}x{min_h} to \
             {MAX_WINDOW_SIDE}x{MAX_WINDOW_SIDE}"
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
