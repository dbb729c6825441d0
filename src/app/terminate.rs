//! A polite end on every signal that would end the process (systemd's SIGTERM, Ctrl+C's
//! SIGINT, a closed terminal's SIGHUP, SIGQUIT, SIGUSR1 and the others listed in
//! [`ENDING_SIGNALS`]): the app leaves as staff's Leave does, through `Command::Exit`, so
//! that the usage figures and the log are written out before the process ends.
//!
//! That leave needs a frame, and a window that is fully covered draws none. So the signal
//! thread waits at most [`UI_WITHIN`] for the app to take the leave up; when it has not (or
//! has not ended within [`ENDED_WITHIN`] after), the signal thread itself hands the figures
//! not yet written to the usage writer, waits for them to be written, and ends the process.
//! The writer stays the one owner of the file (`stats::store::LastWords`). A visit under way
//! is then not counted: it is the app's to end.
//! The service manager hears `STOPPING=1` at once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use eframe::egui;

use crate::stats::store::LastWords;

/// How long the app has to take up the leave (to draw a frame) after a signal.
pub(crate) const UI_WITHIN: Duration = Duration::from_secs(2);

/// How long the app has to end after it took up the leave.
const ENDED_WITHIN: Duration = Duration::from_secs(5);

/// How long the signal thread waits for the figures to be written.
const WRITE_WITHIN: Duration = Duration::from_secs(6);

/// The signals that end a process unless it catches them, and that can be caught; each
/// ends the kiosk through its polite leave. Left out: SIGKILL and SIGSTOP (cannot be
/// caught), and the signals of a fault in the program itself (SIGSEGV, SIGBUS, SIGILL,
/// SIGFPE, SIGABRT, SIGSYS, SIGTRAP), after which nothing should be trusted to run.
#[cfg(unix)]
pub(crate) const ENDING_SIGNALS: &[libc::c_int] = &[
    libc::SIGTERM,
    libc::SIGINT,
    libc::SIGHUP,
    libc::SIGQUIT,
    libc::SIGUSR1,
    libc::SIGUSR2,
    libc::SIGALRM,
    libc::SIGVTALRM,
    libc::SIGPROF,
    libc::SIGXCPU,
    libc::SIGXFSZ,
    libc::SIGIO,
    #[cfg(target_os = "linux")]
    libc::SIGPWR,
    #[cfg(target_os = "linux")]
    libc::SIGSTKFLT,
];

/// Whether a signal asked the app to end, and whether the app has taken that up.
#[derive(Debug, Clone, Default)]
pub(crate) struct Terminate(Arc<Shared>);

#[derive(Debug, Default)]
struct Shared {
    /// A signal asked the app to end.
    asked: AtomicBool,
    /// The app saw it (in a frame) and is leaving.
    seen: Mutex<bool>,
    seen_changed: Condvar,
}

/// How the leave after a signal goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leave {
    /// The app took it up in a frame: its own leave writes the figures.
    ByTheApp,
    /// No frame came in time: the signal thread writes the figures and ends the process.
    WithoutAFrame,
}

impl Terminate {
    /// Listens for the [`ENDING_SIGNALS`] on a thread of its own, which wakes the UI with
    /// `ctx` when one comes, and leaves without it when it does not answer, writing the
    /// figures through `last_words` (none when nothing is counted). Where signals cannot
    /// be caught, the default ending stays.
    pub fn listen(ctx: &egui::Context, last_words: Option<LastWords>) -> Self {
        let terminate = Self::default();
        #[cfg(unix)]
        match signal_hook::iterator::Signals::new(ENDING_SIGNALS) {
            Ok(mut signals) => {
                let shared = Arc::clone(&terminate.0);
                let ctx = ctx.clone();
                let spawned = std::thread::Builder::new()
                    .name("signals".into())
                    .spawn(move || {
                        if let Some(signal) = signals.forever().next() {
                            let name =
                                signal_hook::low_level::signal_name(signal).unwrap_or("a signal");
                            tracing::info!("signal {signal}: leaving ({name})");
                            crate::service::stopping();
                            shared.ask();
                            ctx.request_repaint();
                            if shared.wait_until_seen(UI_WITHIN) == Leave::ByTheApp {
                                // Should the app not end, leave without it all the same.
                                std::thread::sleep(ENDED_WITHIN);
                            }
                            leave_without_the_app(last_words.as_ref(), |code| {
                                std::process::exit(code)
                            });
                        }
                    });
                if let Err(e) = spawned {
                    tracing::warn!("cannot watch for stop signals: {e}");
                }
            }
            Err(e) => tracing::warn!("cannot watch for stop signals: {e}"),
        }
        #[cfg(not(unix))]
        let _ = (ctx, last_words);
        terminate
    }

    /// True once a signal asked the app to end; the app asks each frame, and that it saw
    /// the request tells the signal thread the app is leaving by itself.
    pub fn asked(&self) -> bool {
        let asked = self.0.asked.load(Ordering::SeqCst);
        if asked {
            *self.0.seen.lock().unwrap_or_else(PoisonError::into_inner) = true;
            self.0.seen_changed.notify_all();
        }
        asked
    }
}

impl Shared {
    fn ask(&self) {
        self.asked.store(true, Ordering::SeqCst);
    }

    /// Waits at most `within` for the app to see the request.
    fn wait_until_seen(&self, within: Duration) -> Leave {
        let seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        let (seen, _) = self
            .seen_changed
            .wait_timeout_while(seen, within, |seen| !*seen)
            .unwrap_or_else(PoisonError::into_inner);
        if *seen {
            Leave::ByTheApp
        } else {
            Leave::WithoutAFrame
        }
    }
}

/// The leave without the app: writes the figures not yet written (waiting a few seconds at
/// most), logs it, and ends the process with `end` (`std::process::exit`; a test's own).
fn leave_without_the_app(last_words: Option<&LastWords>, end: impl FnOnce(i32)) {
    let written = last_words.is_none_or(|words| words.write_now(WRITE_WITHIN));
    if written {
        tracing::warn!(
            "the window drew no frame in time (is it covered?): the usage figures are written; \
             leaving without it"
        );
    } else {
        tracing::error!(
            "the window drew no frame in time (is it covered?), and the usage figures could not \
             be written within {} s; leaving without them",
            WRITE_WITHIN.as_secs()
        );
    }
    end(0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::WallClock;
    use crate::stats::store::{self, Writer};
    use crate::stats::{HourKey, Usage};

    fn hour() -> HourKey {
        HourKey {
            date: jiff::civil::date(2026, 11, 29),
            hour: 10,
        }
    }

    #[test]
    fn without_a_frame_the_signal_thread_writes_the_figures_and_ends_the_process() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(store::FILE_NAME);
        let writer = Writer::spawn(path.clone(), WallClock::system()).expect("writer");
        // A minute of figures counted, not yet handed over.
        writer.pending().count(|u| u.page_view(hour(), "careers"));
        let terminate = Terminate::default();
        terminate.0.ask();
        // No frame comes: the app never asks.
        let leave = terminate.0.wait_until_seen(Duration::from_millis(1));
        assert_eq!(leave, Leave::WithoutAFrame);
        let mut ended = None;
        leave_without_the_app(Some(&writer.last_words()), |code| ended = Some(code));
        assert_eq!(ended, Some(0));
        // Written while the app (and its writer) still run.
        let usage = Usage::load(&path).expect("written");
        assert_eq!(usage.total(None).page_views["careers"], 1);
        drop(writer);
        assert_eq!(Usage::load(&path).expect("loads"), usage, "counted once");
    }

    #[test]
    fn a_frame_that_sees_the_signal_leaves_it_to_the_app() {
        let terminate = Terminate::default();
        assert!(!terminate.asked());
        assert_eq!(
            terminate.0.wait_until_seen(Duration::ZERO),
            Leave::WithoutAFrame
        );
        terminate.0.ask();
        // The app's next frame asks, and leaves by itself.
        assert!(terminate.clone().asked());
        assert_eq!(
            terminate.0.wait_until_seen(Duration::from_mins(1)),
            Leave::ByTheApp
        );
    }

    #[cfg(unix)]
    #[test]
    fn every_signal_that_would_end_the_process_is_caught() {
        for signal in [libc::SIGHUP, libc::SIGQUIT, libc::SIGUSR1, libc::SIGTERM] {
            assert!(ENDING_SIGNALS.contains(&signal), "{signal}");
        }
        for signal in ENDING_SIGNALS {
            assert!(
                !signal_hook::consts::FORBIDDEN.contains(signal),
                "{signal} cannot be caught"
            );
        }
    }
}
