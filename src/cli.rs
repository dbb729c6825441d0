//! The command line: run the kiosk, or `check` a content file.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use crate::content::{self, Content, LoadError, Severity};
use crate::navigation::Page;
use crate::theme::ThemeKind;

/// An offline information kiosk for an IOM country office.
#[derive(Debug, Parser)]
#[command(name = "office-kiosk", version, about)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "command-line switches are bools"
)]
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
    /// The window's size in points, as `WIDTHxHEIGHT`; without it a laptop window opens at
    /// the size it had last time (1366x768 the first time).
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub window_size: Option<[f32; 2]>,
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
        /// `text` for people, `json` for tools.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Write a complete, valid starter content folder (the Belize content, its images and
    /// the authoring guide) into DIR, for another office to edit.
    Init {
        /// A new or empty folder.
        dir: PathBuf,
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

/// How `check` writes its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ReportFormat {
    /// Lines a person reads: `file:line:column: error: message`.
    #[default]
    Text,
    /// One JSON object, for tools.
    Json,
}

/// Runs `office-kiosk check PATH`: checks everything (syntax, schema, translations, images
/// fully decoded, texts that will not fit) and returns the report and the exit code:
/// 0 valid (perhaps with warnings), 1 invalid, 2 cannot read.
pub fn check(path: &std::path::Path, format: ReportFormat) -> (String, ExitCode) {
    let file = path.display().to_string();
    let (problems, code, languages) = match content::load_with(path, true) {
        Ok(loaded) => {
            let mut problems = loaded.warnings;
            if let Ok(text) = std::fs::read_to_string(path) {
                problems.extend(crate::fit::check(&loaded.content, &text, &file));
            }
            problems.sort_by_key(|p| p.position);
            let codes: Vec<String> = loaded
                .content
                .languages
                .iter()
                .map(|l| l.code.clone())
                .collect();
            (problems, 0, codes)
        }
        Err(LoadError::Unreadable { source, .. }) => {
            let message = format!("cannot read the content file: {source}");
            return match format {
                ReportFormat::Text => (format!("{file}: error: {message}"), ExitCode::from(2)),
                ReportFormat::Json => (
                    serde_json::json!({
                        "file": file, "valid": false, "readable": false,
                        "errors": 1, "warnings": 0,
                        "problems": [{"severity": "error", "file": file, "message": message}],
                    })
                    .to_string(),
                    ExitCode::from(2),
                ),
            };
        }
        Err(LoadError::Invalid(problems)) => (problems, 1, Vec::new()),
    };
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let report = match format {
        ReportFormat::Text => {
            let mut lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            lines.push(if code == 0 {
                format!(
                    "{file}: valid ({} languages: {}), {warnings} warning{}",
                    languages.len(),
                    languages.join(", "),
                    if warnings == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{file}: invalid: {errors} error{}, {warnings} warning{}",
                    if errors == 1 { "" } else { "s" },
                    if warnings == 1 { "" } else { "s" }
                )
            });
            lines.join("\n")
        }
        ReportFormat::Json => {
            let items: Vec<serde_json::Value> = problems
                .iter()
                .map(|p| {
                    serde_json::json!({
                        "severity": p.severity,
                        "file": p.file,
                        "line": p.position.map(|pos| pos.line),
                        "column": p.position.map(|pos| pos.column),
                        "message": p.kind.to_string(),
                    })
                })
                .collect();
            serde_json::json!({
                "file": file, "valid": code == 0, "readable": true,
                "languages": languages, "errors": errors, "warnings": warnings,
                "problems": items,
            })
            .to_string()
        }
    };
    (report, ExitCode::from(code))
}

/// Runs `office-kiosk init DIR`: writes the Belize content, its images and the authoring
/// guide into `dir` (new or empty), as a starting point for another office.
///
/// # Errors
/// When `dir` is not empty or cannot be written.
pub fn init(dir: &std::path::Path) -> anyhow::Result<Vec<std::path::PathBuf>> {
    if dir.exists() {
        let mut entries =
            std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
        anyhow::ensure!(
            entries.next().is_none(),
            "{} is not empty; choose a new or empty folder",
            dir.display()
        );
    }
    let mut files: Vec<(std::path::PathBuf, &[u8])> = vec![
        (dir.join("content.ron"), content::EMBEDDED_RON.as_bytes()),
        (dir.join("README.md"), AUTHORING_GUIDE.as_bytes()),
    ];
    files.extend(
        content::EMBEDDED_FILES
            .iter()
            .map(|(name, bytes)| (dir.join(name), *bytes)),
    );
    for (path, bytes) in &files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// The authoring guide, written next to the content by `init`.
pub const AUTHORING_GUIDE: &str = include_str!("../content/README.md");

/// The content the kiosk shows: `--content PATH` or the embedded default.
///
/// # Errors
/// When the file cannot be read or does not validate; every problem is in the message.
pub fn content_for(cli: &Cli) -> anyhow::Result<Arc<Content>> {
    let content = match &cli.content {
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
    Ok(Arc::new(content))
}
