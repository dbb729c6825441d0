//! Restarting the kiosk from the admin screen: the screen sets a [`RestartFlag`] and closes
//! the window; once the window is gone, `main` calls [`restart`], which replaces the
//! process with a fresh start of the same program and arguments (same process, so cage,
//! which runs the kiosk, stays up). Should that fail, the program ends with
//! [`RESTART_EXIT_CODE`] and systemd's `Restart=always` starts it again.
//!
//! Leave the kiosk does the same under a service manager ([`leave`]): systemd would only
//! start the kiosk again, and count each exit towards the unit's start limit, so that a few
//! leaves in a row would leave the unit failed and the screen black.

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

/// What staff's Leave the kiosk does, given whether a service manager runs the kiosk
/// ([`crate::service::supervised`]): under one, it asks for a restart in place, as Restart
/// does (the unit sees no exit and counts no restart); otherwise the program simply ends.
/// Either way the window closes next.
pub fn leave(flag: &RestartFlag, supervised: bool) {
    if supervised {
        tracing::info!(
            "under a service manager, which would only start it again: restarting in place \
             instead of leaving"
        );
        flag.set();
    }
}

/// Starts the program again with the same arguments, in place of this process; returns
/// only if that failed, with the exit code that tells the service manager to restart it.
/// After an upgrade replaced the program file, the new file is started.
pub fn restart() -> ExitCode {
    let error = match std::env::current_exe() {
        Ok(exe) => {
            let exe = crate::service::upgrade::installed_path(&exe);
            tracing::info!("restarting in place: {}", exe.display());
            exec(&exe)
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leave_restarts_in_place_only_under_a_service_manager() {
        let flag = RestartFlag::default();
        leave(&flag, false);
        assert!(
            !flag.is_set(),
            "without a service manager Leave ends the program"
        );
        leave(&flag, true);
        assert!(flag.is_set(), "under systemd Leave restarts in place");
    }
}
