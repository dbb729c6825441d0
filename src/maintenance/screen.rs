//! What the admin screen shows, without drawing it: the panel and its minute, the content
//! folders found on sticks, the check of the one chosen, what the last action did, the usage
//! figures, and the content's state for staff. The shell fills it in (`app::admin_screen`);
//! the page draws it (`pages::admin_screen`).

use super::install::InstallError;
use super::jobs::Job;
use super::usage::UsageCharts;
use super::usb::StickFolder;
use super::words::{Counted, Word, content_state};
use crate::check::Report;
use crate::content::LoadError;
use crate::content::watch::ReloadStatus;
use crate::kiosk::admin_timer::AdminTimer;
use crate::stats::StatsError;

/// Why an action of the admin screen did nothing, for staff to read in the screen's
/// language ([`AdminError::message`]) and for the log.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    /// The kiosk has no state folder (no `STATE_DIRECTORY` and no home).
    #[error("there is no state folder")]
    NoStateFolder,
    /// The kiosk shows its embedded content and has no state folder to install into.
    #[error("there is no place to install to")]
    NoPlace,
    /// Installing or bringing back failed.
    #[error(transparent)]
    Install(#[from] InstallError),
    /// What was installed does not load.
    #[error(transparent)]
    NotLoaded(#[from] LoadError),
    /// The screen hours could not be kept.
    #[error("cannot save the screen hours: {0}")]
    HoursNotSaved(std::io::Error),
    /// The usage file could not be read.
    #[error(transparent)]
    Usage(#[from] StatsError),
    /// The usage figures could not be written to the stick.
    #[error("cannot write the usage figures: {0}")]
    NotExported(std::io::Error),
    /// No thread could be started for the work.
    #[error("cannot start the work: {0}")]
    NoWorker(std::io::Error),
}

impl AdminError {
    /// What staff read, in the language with `code`: a sentence of the built-in words,
    /// then the detail.
    pub fn message(&self, code: &str) -> String {
        let lead = match self {
            Self::NoStateFolder => return Word::NoStateFolder.text(code).to_owned(),
            Self::NoPlace => return Word::NoPlace.text(code).to_owned(),
            Self::Install(_) | Self::NotLoaded(_) => Word::NotInstalled,
            Self::HoursNotSaved(_) => Word::NotSaved,
            Self::Usage(_) => Word::UsageUnreadable,
            Self::NotExported(_) => Word::NotExported,
            Self::NoWorker(_) => Word::NotStarted,
        };
        let detail = match self {
            Self::HoursNotSaved(e) | Self::NotExported(e) | Self::NoWorker(e) => e.to_string(),
            other => other.to_string(),
        };
        format!("{} {detail}", lead.text(code))
    }
}

/// What the last install, undo, setting or export did, for the line staff read.
#[derive(Debug)]
pub enum Outcome {
    /// Installed from a stick.
    Installed,
    /// Staff cancelled the install before it was done: nothing changed.
    Cancelled,
    /// The previous content is back.
    Undone,
    /// The usage figures were written to this file on a stick.
    Exported(String),
    /// No stick to export to.
    NoStick,
    /// Nothing changed, because of this.
    Failed(AdminError),
}

impl Outcome {
    /// Whether it went well, and what to say in the language with `code`.
    pub fn message(&self, code: &str) -> (bool, String) {
        match self {
            Self::Installed => (true, Word::Installed.text(code).to_owned()),
            Self::Cancelled => (true, Word::Cancelled.text(code).to_owned()),
            Self::Undone => (true, Word::Undone.text(code).to_owned()),
            Self::Exported(path) => (true, format!("{} {path}", Word::Exported.text(code))),
            Self::NoStick => (false, Word::NoStick.text(code).to_owned()),
            Self::Failed(error) => (false, error.message(code)),
        }
    }
}

/// Slow work under way on the admin screen, off the UI thread.
#[derive(Debug)]
pub enum Work {
    /// Looking for content folders on the sticks.
    Finding(Job<Vec<StickFolder>>),
    /// Checking the folder with this index in the list found.
    Checking(usize, Job<Report>),
    /// Copying the chosen folder in and swapping it for the content shown.
    Installing(Job<Result<(), InstallError>>),
    /// Writing the usage figures to a stick.
    Exporting(Job<Outcome>),
}

impl Work {
    /// How far it got: steps done (files copied) and seconds since it started.
    pub fn progress(&self) -> (u64, u64) {
        match self {
            Self::Finding(job) => (job.done(), job.secs()),
            Self::Checking(_, job) => (job.done(), job.secs()),
            Self::Installing(job) => (job.done(), job.secs()),
            Self::Exporting(job) => (job.done(), job.secs()),
        }
    }

    /// Whether its result is in.
    pub fn is_finished(&self) -> bool {
        match self {
            Self::Finding(job) => job.is_finished(),
            Self::Checking(_, job) => job.is_finished(),
            Self::Installing(job) => job.is_finished(),
            Self::Exporting(job) => job.is_finished(),
        }
    }

    /// Asks it to stop; the install stops before its next file, the rest are let go.
    pub fn cancel(&self) {
        match self {
            Self::Finding(job) => job.cancel(),
            Self::Checking(_, job) => job.cancel(),
            Self::Installing(job) => job.cancel(),
            Self::Exporting(job) => job.cancel(),
        }
    }

    /// Whether staff cancelled it.
    pub fn is_cancelled(&self) -> bool {
        match self {
            Self::Finding(job) => job.is_cancelled(),
            Self::Checking(_, job) => job.is_cancelled(),
            Self::Installing(job) => job.is_cancelled(),
            Self::Exporting(job) => job.is_cancelled(),
        }
    }

    /// What staff read while it runs, in the language with `code`.
    pub fn describe(&self, code: &str) -> String {
        let (done, secs) = self.progress();
        let seconds = Counted::Seconds(secs).text(code);
        match self {
            _ if self.is_cancelled() => Word::Cancelling.text(code).to_owned(),
            Self::Finding(_) => format!("{} {seconds}", Word::Finding.text(code)),
            Self::Checking(..) => format!("{} {seconds}", Word::Checking.text(code)),
            Self::Installing(_) => format!(
                "{} {}, {seconds}",
                Word::Copying.text(code),
                Counted::FilesCopied(done).text(code)
            ),
            Self::Exporting(_) => format!("{} {seconds}", Word::Exporting.text(code)),
        }
    }
}

/// The open admin screen's state.
#[derive(Debug)]
pub struct AdminState {
    /// The panel shown and the minute without a touch.
    pub timer: AdminTimer,
    /// The content folders found on USB sticks.
    pub sticks: Vec<StickFolder>,
    /// The folder chosen (its index in `sticks`) and its check.
    pub chosen: Option<(usize, Report)>,
    /// What the last action did.
    pub outcome: Option<Outcome>,
    /// The usage figures shown, or why they cannot be.
    pub usage: Option<Result<UsageCharts, AdminError>>,
    /// Slow work under way, if any: one at a time.
    pub work: Option<Work>,
}

impl AdminState {
    /// Opens on the menu at `now`.
    pub fn open(now: f64) -> Self {
        Self {
            timer: AdminTimer::open(now),
            sticks: Vec::new(),
            chosen: None,
            outcome: None,
            usage: None,
            work: None,
        }
    }

    /// The chosen folder, when its check found it valid.
    pub fn valid_choice(&self) -> Option<&StickFolder> {
        let (index, report) = self.chosen.as_ref()?;
        report.is_valid().then(|| self.sticks.get(*index)).flatten()
    }
}

/// The content's state for staff: the PIN pad's last line, and the admin screen's facts.
#[derive(Debug, Clone, Default)]
pub struct ContentFacts {
    /// How the content was last loaded or reloaded.
    pub status: Option<ReloadStatus>,
    /// The content file shown; `None` for the built-in content.
    pub file: Option<String>,
    /// When it was loaded, local time, to the minute.
    pub loaded_at: String,
    /// Whether previous content can be brought back.
    pub can_undo: bool,
    /// The folder content is installed into (looked at only while the admin screen is open).
    pub place: Option<String>,
}

impl ContentFacts {
    /// The state in one line in the language with `code` (the PIN pad shows it).
    pub fn status_line(&self, code: &str) -> String {
        self.status
            .as_ref()
            .map(|status| content_state(status, code))
            .unwrap_or_default()
    }

    /// The problems of the last change that was not loaded, with line and column.
    pub fn problems(&self) -> &[String] {
        self.status.as_ref().map_or(&[], ReloadStatus::problems)
    }
}
