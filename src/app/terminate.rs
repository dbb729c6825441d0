//! A polite end on SIGTERM or SIGINT (systemd stopping the service, Ctrl+C in a terminal):
//! the app leaves as staff's Leave does, through `Command::Exit`, so that the usage figures
//! and the log are written out before the process ends. The service manager hears
//! `STOPPING=1` at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use eframe::egui;

/// Whether a signal asked the app to end.
#[derive(Debug, Clone, Default)]
pub(crate) struct Terminate(Arc<AtomicBool>);

impl Terminate {
    /// Listens for SIGTERM and SIGINT on a thread of its own, which wakes the UI with `ctx`
    /// when one comes. Where signals cannot be caught, the default ending stays.
    pub fn listen(ctx: &egui::Context) -> Self {
        let asked = Self::default();
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGINT, SIGTERM};
            match signal_hook::iterator::Signals::new([SIGTERM, SIGINT]) {
                Ok(mut signals) => {
                    let flag = Arc::clone(&asked.0);
                    let ctx = ctx.clone();
                    let spawned =
                        std::thread::Builder::new()
                            .name("signals".into())
                            .spawn(move || {
                                for signal in signals.forever() {
                                    tracing::info!("signal {signal}: leaving");
                                    crate::service::stopping();
                                    flag.store(true, Ordering::Relaxed);
                                    ctx.request_repaint();
                                }
                            });
                    if let Err(e) = spawned {
                        tracing::warn!("cannot watch for stop signals: {e}");
                    }
                }
                Err(e) => tracing::warn!("cannot watch for stop signals: {e}"),
            }
        }
        #[cfg(not(unix))]
        let _ = ctx;
        asked
    }

    /// True once a signal asked the app to end.
    pub fn asked(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}
