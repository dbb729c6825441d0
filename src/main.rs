//! The `office-kiosk` binary: parse the command line, set up logging, open the window.

use std::process::ExitCode;

use clap::Parser as _;
use eframe::egui;
use office_kiosk::cli::{Cli, CliCommand, check, content_for};
use office_kiosk::{AppOptions, KioskApp};

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(tracing::Level::INFO)
        .init();

    if let Some(CliCommand::Check { path }) = &cli.command {
        let (report, code) = check(path);
        #[expect(clippy::print_stdout)] // The report is the command's output.
        {
            println!("{report}");
        }
        return code;
    }

    let content = match content_for(&cli) {
        Ok(content) => content,
        Err(e) => {
            tracing::error!("{e:#}");
            return ExitCode::from(2);
        }
    };
    let options = AppOptions {
        start_page: cli.page,
        language: cli.lang.clone(),
        theme: cli.theme,
        reduced_motion: cli.reduced_motion,
        ..AppOptions::new(content)
    };
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("IOM office kiosk")
            .with_inner_size(cli.window_size)
            .with_min_inner_size([640.0, 480.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let result = eframe::run_native(
        "office-kiosk",
        native,
        Box::new(|cc| Ok(Box::new(KioskApp::new(&cc.egui_ctx, options)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("the window could not be opened: {e}");
            ExitCode::FAILURE
        }
    }
}
