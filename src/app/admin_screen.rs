//! The admin screen in the shell: whether it is open and with what ([`AdminState`]), the
//! places its work touches (the state folder, the USB sticks' mount points, the restart
//! flag), and what each of its commands does, applied from `KioskApp::apply`. Each error is
//! handled once: logged here and shown through the screen's built-in words.

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui;

use super::KioskApp;
use super::live::LiveContent;
use super::mode::ModeState;
use crate::command::{AdminCommand, Command};
use crate::kiosk::admin_timer::Panel;
use crate::maintenance::install::{ContentPlace, installed_file};
use crate::maintenance::jobs::Job;
use crate::maintenance::restart::RestartFlag;
use crate::maintenance::saved;
use crate::maintenance::screen::{AdminError, AdminState, ContentFacts, Outcome, Work};
use crate::maintenance::usage::{self as usage_charts, UsageCharts};
use crate::maintenance::usb;
use crate::maintenance::words::Word;
use crate::stats::Usage;

/// The admin screen, open or not, and the places its commands work in.
pub(crate) struct AdminScreen {
    /// The screen's state while it is open.
    open: Option<Box<AdminState>>,
    /// Where staff settings are kept, and content installed when the embedded content is
    /// shown.
    state_dir: Option<PathBuf>,
    /// Where USB sticks are mounted.
    usb_roots: Vec<PathBuf>,
    /// The flag `main` reads to restart once the window has closed.
    restart: RestartFlag,
}

impl AdminScreen {
    /// A closed admin screen working in `state_dir`, finding sticks under `usb_roots`.
    pub fn new(state_dir: Option<PathBuf>, usb_roots: Vec<PathBuf>, restart: RestartFlag) -> Self {
        Self {
            open: None,
            state_dir,
            usb_roots,
            restart,
        }
    }

    /// The screen's state, while it is open.
    pub fn state(&self) -> Option<&AdminState> {
        self.open.as_deref()
    }

    /// The screen's state, while it is open, to change.
    pub fn state_mut(&mut self) -> Option<&mut AdminState> {
        self.open.as_deref_mut()
    }

    /// Opens the screen on its menu at `now`.
    pub fn open(&mut self, now: f64) {
        self.open = Some(Box::new(AdminState::open(now)));
    }

    /// Closes it.
    pub fn close(&mut self) {
        self.open = None;
    }

    /// Where content from a stick is installed: the folder of the content file shown, or,
    /// when the embedded content is shown, the folder `content` in the state folder.
    fn content_place(&self, live: &LiveContent) -> Option<ContentPlace> {
        match live.file().0 {
            Some(file) => Some(ContentPlace::new(file)),
            None => self
                .state_dir
                .as_deref()
                .map(|state| ContentPlace::new(installed_file(state))),
        }
    }

    /// Starts looking for content folders on the sticks, off the UI thread.
    fn start_finding(&mut self, wake: impl Fn() + Send + Sync + 'static) -> Result<(), Outcome> {
        let roots = self.usb_roots.clone();
        let Some(state) = self.open.as_deref_mut() else {
            return Ok(());
        };
        state.chosen = None;
        match Job::start("admin-find", wake, move |_| usb::find(&roots)) {
            Ok(job) => {
                state.work = Some(Work::Finding(job));
                Ok(())
            }
            Err(e) => Err(Outcome::Failed(AdminError::NoWorker(e))),
        }
    }

    /// The usage file in the state folder.
    fn usage_file(&self) -> Result<PathBuf, AdminError> {
        let state = self.state_dir.as_deref().ok_or(AdminError::NoStateFolder)?;
        Ok(crate::paths::usage_file_in(state))
    }
}

/// The content's state for staff, gathered only while they see it: `pad_open` for the PIN
/// pad's line; with the admin screen open, also where content installs and whether a backup
/// can be brought back.
pub(crate) fn content_facts(
    live: &LiveContent,
    admin: &AdminScreen,
    pad_open: bool,
) -> ContentFacts {
    let admin_open = admin.state().is_some();
    if !pad_open && !admin_open {
        return ContentFacts::default();
    }
    let (file, loaded_at) = live.file();
    let place = admin.state().and_then(|_| admin.content_place(live));
    ContentFacts {
        status: Some(live.status().clone()),
        file: file.map(|f| f.display().to_string()),
        loaded_at: loaded_at.strftime("%Y-%m-%d %H:%M").to_string(),
        can_undo: place.as_ref().is_some_and(ContentPlace::has_backup),
        place: place.map(|p| p.folder().display().to_string()),
    }
}

impl KioskApp {
    /// Applies a command of the admin screen (kiosk mode, screen open) and returns the
    /// commands that follow from it (the new content to show, the reset after closing, the
    /// exit after leaving). Looking for sticks, checking a folder, installing it and writing
    /// to a stick start as jobs off the UI thread; `WorkDone` takes in their result.
    pub(super) fn apply_admin(
        &mut self,
        ctx: &egui::Context,
        command: AdminCommand,
        now: f64,
    ) -> Vec<Command> {
        let ModeState::Kiosk(session) = &mut self.mode else {
            return Vec::new();
        };
        let code = self.live.content().language(self.view.lang).code.clone();
        let today = self
            .clock
            .trusted_today()
            .unwrap_or_else(|| self.clock.now().date());
        let (live, lang) = (&mut self.live, self.view.lang);
        let (admin, screen) = session.admin_and_screen();
        let figures =
            |admin: &AdminScreen, span: u16| -> Result<(Usage, UsageCharts), AdminError> {
                let usage = Usage::load(&admin.usage_file()?)?;
                let words = usage_words(&code);
                let charts = UsageCharts::new(&usage, today, span, live.content(), lang, &words);
                Ok((usage, charts))
            };
        let wake = {
            let ctx = ctx.clone();
            move || ctx.request_repaint()
        };
        let busy = admin.state().is_some_and(|s| s.work.is_some());
        let mut follow = Vec::new();
        let outcome = match command {
            // One piece of slow work at a time; the screen says what runs.
            AdminCommand::FindSticks
            | AdminCommand::Choose(_)
            | AdminCommand::Install
            | AdminCommand::Undo
            | AdminCommand::ExportUsage
                if busy =>
            {
                return follow;
            }
            AdminCommand::Show(panel) => {
                let usage = (panel == Panel::Usage)
                    .then(|| figures(admin, usage_charts::SPANS[0]).map(|(_, c)| c));
                let find = (panel == Panel::Update && !busy).then(|| admin.start_finding(wake));
                let Some(state) = admin.state_mut() else {
                    return follow;
                };
                state.timer.show(panel, now);
                if usage.is_some() {
                    state.usage = usage;
                }
                find.and_then(Result::err)
            }
            AdminCommand::FindSticks => admin.start_finding(wake).err(),
            AdminCommand::Choose(index) => {
                let Some(state) = admin.state_mut() else {
                    return follow;
                };
                let Some(folder) = state.sticks.get(index) else {
                    return follow;
                };
                tracing::info!("checking {}", folder.file.display());
                let file = folder.file.clone();
                state.chosen = None;
                match Job::start("admin-check", wake, move |_| crate::check::inspect(&file)) {
                    Ok(job) => {
                        state.work = Some(Work::Checking(index, job));
                        None
                    }
                    Err(e) => Some(Outcome::Failed(AdminError::NoWorker(e))),
                }
            }
            AdminCommand::Install => {
                let Some(place) = admin.content_place(live) else {
                    return single(admin, now, Outcome::Failed(AdminError::NoPlace));
                };
                let Some(state) = admin.state_mut() else {
                    return follow;
                };
                let Some(folder) = state.valid_choice().cloned() else {
                    return follow;
                };
                let job = Job::start("admin-install", wake, move |worker| {
                    place.install_with(&folder.folder, &folder.file, &mut |_| {
                        if worker.is_cancelled() {
                            return Err(std::io::Error::new(
                                std::io::ErrorKind::Interrupted,
                                "cancelled",
                            ));
                        }
                        worker.step();
                        Ok(())
                    })
                });
                match job {
                    Ok(job) => {
                        state.work = Some(Work::Installing(job));
                        None
                    }
                    Err(e) => Some(Outcome::Failed(AdminError::NoWorker(e))),
                }
            }
            AdminCommand::Undo => {
                // Two renames: quick, done here.
                let done = admin
                    .content_place(live)
                    .ok_or(AdminError::NoPlace)
                    .and_then(|place| {
                        place.undo()?;
                        let content = live.switch_to(ctx, place.file())?;
                        follow.push(Command::ShowContent(Arc::new(content)));
                        Ok(Outcome::Undone)
                    });
                Some(done.unwrap_or_else(Outcome::Failed))
            }
            AdminCommand::SetHours(hours) => {
                screen.set_hours(hours);
                let saved = admin
                    .state_dir
                    .as_deref()
                    .ok_or(AdminError::NoStateFolder)
                    .and_then(|state| {
                        saved::save_hours(state, hours).map_err(AdminError::HoursNotSaved)
                    });
                match saved {
                    Ok(path) => {
                        tracing::info!(
                            "screen hours: {} (saved in {})",
                            hours.map_or_else(|| "always on".to_owned(), |h| h.to_string()),
                            path.display()
                        );
                        None
                    }
                    Err(e) => Some(Outcome::Failed(e)),
                }
            }
            AdminCommand::UsageSpan(span) => {
                let usage = figures(admin, span).map(|(_, c)| c);
                if let Some(state) = admin.state_mut() {
                    state.usage = Some(usage);
                }
                None
            }
            AdminCommand::ExportUsage => {
                let span = match admin.state().and_then(|s| s.usage.as_ref()) {
                    Some(Ok(charts)) => charts.span_days,
                    _ => usage_charts::SPANS[0],
                };
                match figures(admin, span) {
                    Err(why) => Some(Outcome::Failed(why)),
                    Ok((usage, charts)) => {
                        let csv = crate::stats::csv(&usage, Some(charts.since));
                        let (roots, name) =
                            (admin.usb_roots.clone(), usage_charts::export_name(today));
                        let code = code.clone();
                        let job = Job::start("admin-export", wake, move |_| {
                            export(&roots, &name, &csv, &code)
                        });
                        match (job, admin.state_mut()) {
                            (Ok(job), Some(state)) => {
                                state.work = Some(Work::Exporting(job));
                                None
                            }
                            (Ok(_), None) => None,
                            (Err(e), _) => Some(Outcome::Failed(AdminError::NoWorker(e))),
                        }
                    }
                }
            }
            AdminCommand::CancelWork => {
                if let Some(work) = admin.state().and_then(|s| s.work.as_ref()) {
                    tracing::info!("admin screen: cancelled by staff");
                    work.cancel();
                }
                None
            }
            AdminCommand::WorkDone => {
                let Some(state) = admin.state_mut() else {
                    return follow;
                };
                match state.work.take() {
                    Some(work) if !work.is_finished() => {
                        state.work = Some(work);
                        None
                    }
                    None => None,
                    Some(Work::Finding(job)) => {
                        state.sticks = job.take().unwrap_or_default();
                        state.chosen = None;
                        None
                    }
                    // A check staff cancelled is let go.
                    Some(Work::Checking(_, job)) if job.is_cancelled() => None,
                    Some(Work::Checking(index, job)) => {
                        state.chosen = job.take().map(|report| (index, report));
                        None
                    }
                    Some(Work::Installing(job)) => {
                        state.chosen = None;
                        let installed = job.take();
                        Some(match installed {
                            _ if job.is_cancelled() => Outcome::Cancelled,
                            Some(Ok(())) => match admin
                                .content_place(live)
                                .ok_or(AdminError::NoPlace)
                                .and_then(|place| Ok(live.switch_to(ctx, place.file())?))
                            {
                                Ok(content) => {
                                    follow.push(Command::ShowContent(Arc::new(content)));
                                    Outcome::Installed
                                }
                                Err(e) => Outcome::Failed(e),
                            },
                            Some(Err(e)) => Outcome::Failed(AdminError::Install(e)),
                            None => Outcome::Failed(AdminError::NoPlace),
                        })
                    }
                    Some(Work::Exporting(job)) => job.take(),
                }
            }
            AdminCommand::Close => {
                tracing::info!("admin screen closed");
                if let Some(work) = admin.state().and_then(|s| s.work.as_ref()) {
                    work.cancel();
                }
                follow.push(Command::Reset);
                None
            }
            AdminCommand::Leave => {
                tracing::info!("leaving the kiosk, as staff asked on the admin screen");
                crate::maintenance::restart::leave(&admin.restart, crate::service::supervised());
                follow.push(Command::Exit);
                None
            }
            AdminCommand::Restart => {
                tracing::info!("restarting, as staff asked on the admin screen");
                admin.restart.set();
                follow.push(Command::Exit);
                None
            }
        };
        if let Some(outcome) = outcome {
            return single(admin, now, outcome)
                .into_iter()
                .chain(follow)
                .collect();
        }
        if let Some(state) = admin.state_mut() {
            state.timer.touch(now);
            if !matches!(command, AdminCommand::WorkDone | AdminCommand::CancelWork) {
                state.outcome = None;
            }
        }
        follow
    }
}

/// Shows `outcome` on the admin screen (and logs a failure, once); no command follows.
fn single(admin: &mut AdminScreen, now: f64, outcome: Outcome) -> Vec<Command> {
    if let Outcome::Failed(error) = &outcome {
        tracing::warn!("admin screen: {error}");
    }
    if let Some(state) = admin.state_mut() {
        state.timer.touch(now);
        state.outcome = Some(outcome);
    }
    Vec::new()
}

/// Writes `text` as the file `name` on a USB stick mounted under `roots`, trying each in
/// turn; says which failed and why in the language with `code`.
fn export(roots: &[PathBuf], name: &str, text: &str, code: &str) -> Outcome {
    let sticks = usb::sticks(roots);
    if sticks.is_empty() {
        return Outcome::NoStick;
    }
    match usb::export(&sticks, name, text) {
        Ok(done) => {
            tracing::info!("usage figures written to {}", done.path.display());
            Outcome::Exported(done.text(code))
        }
        Err(failed) => Outcome::Failed(AdminError::NotExported(std::io::Error::other(
            usb::failures_text(&failed, code),
        ))),
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
