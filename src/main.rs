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
    let log_guard = office_kiosk::logging::init(dirs.as_ref().map(|d| d.logs.as_path()));
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
