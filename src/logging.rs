//! Logging of the running kiosk: to stderr (the journal under systemd), coloured only on a
//! terminal, and to a daily-rotated file in the logs folder; and a panic hook that logs the
//! panic's message and location before the process exits.

use std::io::IsTerminal as _;
use std::path::Path;

use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

/// How many daily log files are kept.
const KEEP_FILES: usize = 14;

/// Sets up logging into `logs` (no file when `None` or when it cannot be created); the
/// returned guard flushes the file when dropped, so keep it alive.
pub fn init(logs: Option<&Path>) -> Option<tracing_appender::non_blocking::WorkerGuard> {
    let stderr = tracing_subscriber::fmt::layer()
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    let level = tracing_subscriber::filter::LevelFilter::INFO;
    let file = logs.and_then(|dir| {
        std::fs::create_dir_all(dir).ok()?;
        tracing_appender::rolling::Builder::new()
            .rotation(tracing_appender::rolling::Rotation::DAILY)
            .filename_prefix("office-kiosk")
            .filename_suffix("log")
            .max_log_files(KEEP_FILES)
            .build(dir)
            .ok()
    });
    let (file_layer, guard) = match file {
        Some(appender) => {
            let (writer, guard) = tracing_appender::non_blocking(appender);
            let layer = tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(writer);
            (Some(layer), Some(guard))
        }
        None => (None, None),
    };
    // Only fails when a subscriber is already set (a test harness): keep that one.
    let _already_set = tracing_subscriber::registry()
        .with(level)
        .with(stderr)
        .with(file_layer)
        .try_init();
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let location = info.location().map_or_else(
            || "unknown place".to_owned(),
            |l| format!("{}:{}", l.file(), l.line()),
        );
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::error!("panic at {location}: {message}");
        default_hook(info);
    }));
    guard
}
