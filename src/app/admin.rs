//! The admin screen's state and its commands: what staff see after the right PIN (the
//! content's state, content folders on USB sticks, screen hours) and what each choice does,
//! applied from `KioskApp::apply` through `KioskApp::apply_admin`.

use eframe::egui;

use super::KioskApp;
use super::kiosk_session::KioskSession;
use super::live::LiveContent;
use super::mode::ModeState;
use crate::admin::install::{ContentPlace, installed_file};
use crate::admin::saved;
use crate::admin::usage::{self as usage_charts, UsageCharts};
use crate::admin::usb::{self, StickFolder};
use crate::admin::words::Word;
use crate::cli::Report;
use crate::command::{AdminCommand, Command};
use crate::kiosk::admin_screen::{AdminTimer, Panel};
use crate::stats::Usage;

/// What the last install, undo or setting did, for the line staff read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Installed from a stick.
    Installed,
    /// The previous content is back.
    Undone,
    /// Nothing changed, because of this.
    Failed(String),
    /// The screen hours could not be saved, because of this.
    NotSaved(String),
    /// The usage figures were written to this file on a stick.
    Exported(String),
    /// No stick to export to.
    NoStick,
    /// The usage figures could not be written, because of this.
    NotExported(String),
}

impl Outcome {
    /// Whether it went well, and what to say in the language with `code`.
    pub fn message(&self, code: &str) -> (bool, String) {
        match self {
            Self::Installed => (true, Word::Installed.text(code).to_owned()),
            Self::Undone => (true, Word::Undone.text(code).to_owned()),
            Self::Failed(why) => (false, format!("{} {why}", Word::NotInstalled.text(code))),
            Self::NotSaved(why) => (false, format!("{} {why}", Word::NotSaved.text(code))),
            Self::Exported(path) => (true, format!("{} {path}", Word::Exported.text(code))),
            Self::NoStick => (false, Word::NoStick.text(code).to_owned()),
            Self::NotExported(why) => (false, why.clone()),
        }
    }
}

/// The open admin screen.
#[derive(Debug)]
pub(crate) struct AdminState {
    /// The panel shown and the minute without a touch.
    pub timer: AdminTimer,
    /// The content folders found on USB sticks.
    pub sticks: Vec<StickFolder>,
    /// The folder chosen (its index in `sticks`) and its check.
    pub chosen: Option<(usize, Report)>,
    /// What the last action did.
    pub outcome: Option<Outcome>,
    /// The usage figures shown, or why they cannot be.
    pub usage: Option<Result<UsageCharts, String>>,
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
        }
    }

    /// The chosen folder, when its check found it valid.
    fn valid_choice(&self) -> Option<&StickFolder> {
        let (index, report) = self.chosen.as_ref()?;
        report.is_valid().then(|| self.sticks.get(*index)).flatten()
    }
}

/// The content's state for staff: the PIN pad's line, and the admin screen's facts.
#[derive(Debug, Clone, Default)]
pub(crate) struct ContentFacts {
    /// The state in one line (the PIN pad shows it).
    pub status_line: String,
    /// The state, for the admin screen to say in its language.
    pub status: Option<super::ReloadStatus>,
    /// The content file shown; `None` for the built-in content.
    pub file: Option<String>,
    /// When it was loaded, local time, to the minute.
    pub loaded_at: String,
    /// The problems of the last change that was not loaded, with line and column.
    pub problems: Vec<String>,
    /// Whether previous content can be brought back.
    pub can_undo: bool,
    /// The folder content is installed into (looked at only while the screen is open).
    pub place: Option<String>,
}

impl ContentFacts {
    /// The facts of `live`, gathered only while staff see them (the PIN pad or the admin
    /// screen is open); the backup is looked for only on the admin screen.
    pub fn of(live: &LiveContent, session: Option<&KioskSession>) -> Self {
        let staff = session.is_some_and(|s| s.is_pad_open() || s.is_admin_open());
        if !staff {
            return Self::default();
        }
        let (file, loaded_at) = live.file();
        let admin_open = session.is_some_and(KioskSession::is_admin_open);
        let place = session
            .filter(|_| admin_open)
            .and_then(|s| content_place(live, s));
        Self {
            status_line: live.status().describe(),
            status: Some(live.status().clone()),
            file: file.map(|f| f.display().to_string()),
            loaded_at: loaded_at.strftime("%Y-%m-%d %H:%M").to_string(),
            problems: live.status().problems().to_vec(),
            can_undo: place.as_ref().is_some_and(ContentPlace::has_backup),
            place: place.map(|p| p.folder().display().to_string()),
        }
    }
}

/// Where content from a stick is installed: the folder of the content file shown, or, when
/// the embedded content is shown, the folder `content` in the state folder.
fn content_place(live: &LiveContent, session: &KioskSession) -> Option<ContentPlace> {
    match live.file().0 {
        Some(file) => Some(ContentPlace::new(file)),
        None => session
            .state_dir()
            .map(|state| ContentPlace::new(installed_file(state))),
    }
}

/// The content's state in the language with `code`.
pub(crate) fn describe_status(status: &super::ReloadStatus, code: &str) -> String {
    use super::ReloadStatus as S;
    let warnings = |n: usize| {
        if n == 0 {
            String::new()
        } else {
            format!(" {n} {}", Word::Warnings.text(code))
        }
    };
    match status {
        S::BuiltIn | S::Rejected { .. } => String::new(),
        S::Unchanged => Word::StateUnchanged.text(code).to_owned(),
        S::Reloaded { warnings: n } => {
            format!("{}{}", Word::StateReloaded.text(code), warnings(*n))
        }
        S::Installed { warnings: n } => {
            format!("{}{}", Word::StateInstalled.text(code), warnings(*n))
        }
        S::NotWatching(why) => format!("{} {why}", Word::StateNotWatching.text(code)),
    }
}

impl KioskApp {
    /// Applies a command of the admin screen (kiosk mode, screen open).
    pub(super) fn apply_admin(&mut self, ctx: &egui::Context, command: AdminCommand, now: f64) {
        let ModeState::Kiosk(session) = &mut self.mode else {
            return;
        };
        let place = content_place(&self.live, session);
        let roots = session.usb_roots().to_vec();
        let usage_file = session
            .state_dir()
            .map(|state| state.join(crate::stats::store::FILE_NAME));
        let code = self.live.content().language(self.lang).code.clone();
        let today = self
            .clock
            .trusted_today()
            .unwrap_or_else(|| self.clock.now().date());
        let figures = |span: u16| -> Result<(Usage, UsageCharts), String> {
            let file = usage_file.as_deref().ok_or("there is no state folder")?;
            let usage = Usage::load(file).map_err(|e| e.to_string())?;
            let words = usage_words(&code);
            let charts =
                UsageCharts::new(&usage, today, span, self.live.content(), self.lang, &words);
            Ok((usage, charts))
        };
        if let AdminCommand::SetHours(hours) = command {
            let saved = session.set_hours(hours);
            if let Some(admin) = session.admin.as_mut() {
                admin.timer.touch(now);
                admin.outcome = saved.err().map(Outcome::NotSaved);
            }
            return;
        }
        let Some(admin) = session.admin.as_mut() else {
            return;
        };
        admin.timer.touch(now);
        match command {
            AdminCommand::Show(panel) => {
                admin.timer.show(panel, now);
                admin.outcome = None;
                if panel == Panel::Update {
                    admin.sticks = usb::find(&roots);
                    admin.chosen = None;
                }
                if panel == Panel::Usage {
                    admin.usage = Some(figures(usage_charts::SPANS[0]).map(|(_, c)| c));
                }
            }
            AdminCommand::FindSticks => {
                admin.sticks = usb::find(&roots);
                admin.chosen = None;
                admin.outcome = None;
            }
            AdminCommand::Choose(index) => {
                if let Some(folder) = admin.sticks.get(index) {
                    tracing::info!("checking {}", folder.file.display());
                    admin.chosen = Some((index, usb::check(folder)));
                    admin.outcome = None;
                }
            }
            AdminCommand::Install | AdminCommand::Undo => {
                let Some(place) = place else {
                    admin.outcome = Some(Outcome::Failed("there is no place to install to".into()));
                    return;
                };
                let done = if command == AdminCommand::Install {
                    let Some(folder) = admin.valid_choice() else {
                        return;
                    };
                    place
                        .install(&folder.folder, &folder.file)
                        .map(|()| Outcome::Installed)
                } else {
                    place.undo().map(|()| Outcome::Undone)
                };
                let outcome = match done {
                    Ok(outcome) => match self.live.switch_to(ctx, place.file()) {
                        Ok(content) => {
                            self.replace_content(ctx, content);
                            outcome
                        }
                        Err(e) => Outcome::Failed(e.to_string()),
                    },
                    Err(e) => {
                        tracing::error!("content not installed: {e}");
                        Outcome::Failed(e.to_string())
                    }
                };
                if let ModeState::Kiosk(session) = &mut self.mode
                    && let Some(admin) = session.admin.as_mut()
                {
                    admin.chosen = None;
                    admin.outcome = Some(outcome);
                }
            }
            AdminCommand::SetHours(_) => {}
            AdminCommand::UsageSpan(span) => {
                admin.usage = Some(figures(span).map(|(_, c)| c));
            }
            AdminCommand::ExportUsage => {
                let span = match &admin.usage {
                    Some(Ok(charts)) => charts.span_days,
                    _ => usage_charts::SPANS[0],
                };
                admin.outcome = Some(match (figures(span), usb::sticks(&roots).first()) {
                    (Err(why), _) => Outcome::NotExported(why),
                    (Ok(_), None) => Outcome::NoStick,
                    (Ok((usage, charts)), Some(stick)) => {
                        let csv = crate::stats::csv(&usage, Some(charts.since));
                        match usb::write_file(stick, &usage_charts::export_name(today), &csv) {
                            Ok(path) => {
                                tracing::info!("usage figures written to {}", path.display());
                                Outcome::Exported(path.display().to_string())
                            }
                            Err(e) => {
                                tracing::warn!("cannot write the usage figures: {e}");
                                Outcome::NotExported(e.to_string())
                            }
                        }
                    }
                });
            }
            AdminCommand::Close => {
                tracing::info!("admin screen closed");
                self.apply(ctx, Command::Reset, now);
            }
            AdminCommand::Leave => {
                tracing::info!("leaving the kiosk, as staff asked on the admin screen");
                crate::admin::restart::leave(session.restart_flag(), crate::service::supervised());
                self.apply(ctx, Command::Exit, now);
            }
            AdminCommand::Restart => {
                tracing::info!("restarting, as staff asked on the admin screen");
                session.restart_flag().set();
                self.apply(ctx, Command::Exit, now);
            }
        }
    }

    /// Acts on what the link to the service manager found due (kiosk mode only): the debug
    /// switch's Leave goes through the admin screen's Leave, as staff's touch would; a
    /// replaced program file is started in place.
    pub(super) fn apply_due(&mut self, ctx: &egui::Context, due: crate::service::Due, now: f64) {
        let ModeState::Kiosk(session) = &mut self.mode else {
            return;
        };
        let command = match due {
            crate::service::Due::Leave => {
                session.open_admin(now);
                Command::Admin(AdminCommand::Leave)
            }
            crate::service::Due::Upgrade => {
                session.restart_flag().set();
                Command::Exit
            }
        };
        self.apply(ctx, command, now);
    }
}

/// Keeps `hours` in the state folder `state`, for the next start.
///
/// # Errors
/// What went wrong, in words.
pub(crate) fn save_hours(
    state: Option<&std::path::Path>,
    hours: Option<crate::kiosk::hours::ScreenHours>,
) -> Result<(), String> {
    let Some(state) = state else {
        return Err("there is no state folder".into());
    };
    match saved::save_hours(state, hours) {
        Ok(path) => {
            tracing::info!(
                "screen hours: {} (saved in {})",
                hours.map_or_else(|| "always on".to_owned(), |h| h.to_string()),
                path.display()
            );
            Ok(())
        }
        Err(e) => {
            tracing::warn!("cannot save the screen hours: {e}");
            Err(e.to_string())
        }
    }
}

/// The words of the usage charts in the language with `code`.
fn usage_words(code: &str) -> usage_charts::Words<'static> {
    usage_charts::Words {
        sessions: Word::SessionsPerDay.text(code),
        pages: Word::PagesViewed.text(code),
        languages: Word::LanguagesChosen.text(code),
        unit_sessions: Word::UnitSessions.text(code),
        unit_views: Word::UnitViews.text(code),
        unit_choices: Word::UnitChoices.text(code),
        source: Word::UsageSource.text(code),
    }
}
