//! The `office-kiosk` binary: parse the command line, then run a subcommand or open the
//! kiosk's window; every error is printed once, here.

use std::process::ExitCode;

use clap::Parser as _;
use office_kiosk::app::{self, AppOptions, KioskApp};
use office_kiosk::cli::{self, Cli};
use office_kiosk::kiosk::Mode;
use office_kiosk::paths::Dirs;
use office_kiosk::platform::{self, Outcome};

fn main() -> ExitCode {
    if let Some(code) = start_again_without_a_bad_zone_file() {
        return code;
    }
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Some(command) => cli::run(command),
        None => run_app(&cli),
    };
    match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Opens the kiosk's window and runs it until it closes.
fn run_app(cli: &Cli) -> anyhow::Result<ExitCode> {
    let dirs = Dirs::from_env();
    let log_guard = office_kiosk::logging::init(dirs.as_ref().ok().map(|d| d.logs.as_path()));
    if let Err(none) = &dirs {
        tracing::warn!("{none}");
    }
    let dirs = dirs.ok();
    let options = AppOptions::from_cli(cli, dirs.as_ref())?;
    let native = app::native_options(cli, &options, dirs.as_ref());
    let laptop = cli.mode() == Mode::Laptop;
    let restart = options.restart_flag();
    platform::install_log_bridge();
    let started = eframe::run_native(
        "office-kiosk",
        native,
        Box::new(move |cc| {
            platform::log_started(cc.gl.as_deref());
            let mut options = options;
            if laptop {
                app::restore_laptop_session(&mut options, cc.storage);
            }
            Ok(Box::new(
                KioskApp::new(&cc.egui_ctx, options).leave_on_signals(&cc.egui_ctx),
            ))
        }),
    );
    match started {
        // Staff chose Restart on the admin screen: start again, now that the window is gone.
        Ok(()) if restart.is_some_and(|flag| flag.is_set()) => {
            // The log file is written out before the process is replaced.
            drop(log_guard);
            Ok(office_kiosk::maintenance::restart::restart())
        }
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => match platform::after_failed_start(&e) {
            Outcome::Retried(code) => Ok(code),
            Outcome::Message(message) => Err(anyhow::anyhow!("{message}")),
        },
    }
}

/// When the time zone file the clock would read is not a small regular file
/// (`TZ=/dev/zero` would be read for ever), starts the program again in place without it:
/// without `TZ`, or in UTC when `/etc/localtime` is the bad one. Says so on standard error
/// (the journal, under systemd). `None` when the zone file is fine.
fn start_again_without_a_bad_zone_file() -> Option<ExitCode> {
    let (tz, problem) = office_kiosk::paths::zone_file_problem()?;
    let exe = std::env::current_exe().ok()?;
    let mut command = std::process::Command::new(exe);
    command.args(std::env::args_os().skip(1));
    if let Some(tz) = tz {
        eprintln!("warning: TZ={tz} is not used ({problem}); using the system's time zone");
        command.env_remove("TZ");
    } else {
        eprintln!("warning: the system's time zone is not used ({problem}); using UTC");
        command.env("TZ", office_kiosk::paths::UTC_ZONE);
    }
    #[cfg(unix)]
    let error = std::os::unix::process::CommandExt::exec(&mut command);
    #[cfg(not(unix))]
    let error = match command.status() {
        Ok(status) => return Some(ExitCode::from(status.code().unwrap_or(1) as u8)),
        Err(e) => e,
    };
    eprintln!("error: cannot start again without that time zone file: {error}");
    Some(ExitCode::from(2))
}
