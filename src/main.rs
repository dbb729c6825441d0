//! The `office-kiosk` binary: parse the command line, set up logging, open the window.

use std::process::ExitCode;

use clap::Parser as _;
use eframe::egui;
use office_kiosk::cli::{Cli, CliCommand, check, content_for, init, set_pin};
use office_kiosk::kiosk::Mode;
use office_kiosk::kiosk::idle::IdleConfig;
use office_kiosk::kiosk::pin::PinHash;
use office_kiosk::{AppOptions, KioskApp, app::saved_language};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let _log_guard = office_kiosk::logging::init();

    match &cli.command {
        Some(CliCommand::Init { dir }) => {
            return match init(dir) {
                Ok(files) => {
                    #[expect(clippy::print_stdout, reason = "the list is the command's output")]
                    {
                        for file in &files {
                            println!("wrote {}", file.display());
                        }
                        println!(
                            "Edit {} (see README.md beside it), then: office-kiosk check {0}",
                            dir.join("content.ron").display()
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::from(2)
                }
            };
        }
        Some(CliCommand::Check { path, format }) => {
            let (report, code) = check(path, *format);
            #[expect(clippy::print_stdout, reason = "the report is the command's output")]
            {
                println!("{report}");
            }
            return code;
        }
        Some(CliCommand::SetPin { path }) => {
            return match set_pin(path, &mut std::io::stdin().lock()) {
                Ok(()) => {
                    tracing::info!("wrote the admin PIN hash to {}", path.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::from(2)
                }
            };
        }
        None => {}
    }

    let content = match content_for(&cli) {
        Ok(content) => content,
        Err(e) => {
            tracing::error!("{e:#}");
            return ExitCode::from(2);
        }
    };
    let mode = cli.mode();
    let admin_pin = match (&cli.admin_pin_file, mode) {
        (Some(path), Mode::Kiosk) => match PinHash::load(path) {
            Ok(pin) => Some(pin),
            Err(e) => {
                tracing::error!("{e}; the kiosk cannot be left from the screen");
                None
            }
        },
        _ => None,
    };
    let options = AppOptions {
        start_page: cli.page,
        language: cli.lang.clone(),
        theme: cli.theme,
        reduced_motion: cli.reduced_motion,
        mode,
        idle: IdleConfig::new(cli.idle_timeout, cli.idle_warning, 10.0),
        admin_pin,
        slide_interval_secs: cli.slide_interval,
        show_cursor: cli.show_cursor,
        watch: cli.content.clone(),
        ..AppOptions::new(content)
    };

    let mut viewport = egui::ViewportBuilder::default()
        .with_title("IOM office kiosk")
        .with_app_id("office-kiosk")
        .with_inner_size(cli.window_size.unwrap_or([1366.0, 768.0]))
        .with_min_inner_size([640.0, 480.0]);
    if mode != Mode::Laptop {
        viewport = viewport.with_fullscreen(true).with_decorations(false);
        if let Some(monitor) = cli.monitor {
            viewport = viewport.with_monitor(monitor);
        }
    }
    let native = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        // Only the laptop window remembers its size, unless one was asked for; kiosks always
        // fill the screen.
        persist_window: mode == Mode::Laptop && cli.window_size.is_none(),
        ..Default::default()
    };
    let result = eframe::run_native(
        "office-kiosk",
        native,
        Box::new(move |cc| {
            let mut options = options;
            if mode == Mode::Laptop && options.language.is_none() {
                options.language = saved_language(cc.storage);
            }
            Ok(Box::new(KioskApp::new(&cc.egui_ctx, options)))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("the window could not be opened: {e}");
            ExitCode::FAILURE
        }
    }
}
