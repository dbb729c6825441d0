//! Restarting the kiosk from the admin screen: the screen sets a [`RestartFlag`] and closes
//! the window; once the window is gone, `main` calls [`restart`], which replaces the
//! process with a fresh start of the same program and arguments (same process, so cage,
//! which runs the kiosk, stays up). Should that fail, the program ends with
//! [`RESTART_EXIT_CODE`] and systemd's `Restart=always` starts it again.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The exit code when the program could not start itself again (`EX_TEMPFAIL`).
pub const RESTART_EXIT_CODE: u8 = 75;

/// Set when staff asked for a restart; shared between the app and `main`.
#[derive(Debug, Clone, Default)]
pub struct RestartFlag(Arc<AtomicBool>);

impl RestartFlag {
    /// Asks for a restart once the window has closed.
    pub fn set(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether a restart was asked for.
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// Starts the program again with the same arguments, in place of this process; returns
/// only if that failed, with the exit code that tells the service manager to restart it.
pub fn restart() -> ExitCode {
    let error = match std::env::current_exe() {
        Ok(exe) => exec(&exe),
        Err(e) => e,
    };
    tracing::error!(
        "cannot restart in place ({error}); exiting with {RESTART_EXIT_CODE} for the service \
         manager to restart the kiosk"
    );
    ExitCode::from(RESTART_EXIT_CODE)
}

#[cfg(unix)]
fn exec(exe: &std::path::Path) -> std::io::Error {
    use std::os::unix::process::CommandExt as _;
    std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .exec()
}

#[cfg(not(unix))]
fn exec(exe: &std::path::Path) -> std::io::Error {
    match std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .spawn()
    {
        Ok(_) => std::process::exit(0),
        Err(e) => e,
    }
}
