//! What the whole-app and command-line tests share: the real app in a kittest harness,
//! eframe's storage in memory, a key pressed as a window system reports it, and the binary
//! run as a user runs it.

// Each test binary compiles this module and uses the helpers it needs.
#![allow(
    dead_code,
    reason = "each test binary uses only some of the shared helpers"
)]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use office_kiosk::{AppOptions, KioskApp};

/// A landscape full-HD screen, the size most tests draw on.
pub const FULL_HD: egui::Vec2 = egui::vec2(1920.0, 1080.0);

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_office-kiosk");

/// The longest a run of the binary may take before the test fails (and the child is killed).
pub const TIME_LIMIT: Duration = Duration::from_mins(1);

/// The real app started with `options` on a screen of `size`, run until it stops asking for
/// frames (its opening animation has ended), at most 16 frames.
pub fn app(size: egui::Vec2, options: AppOptions) -> Harness<'static, KioskApp> {
    app_with(size, options, 16)
}

/// Like [`app`], running at most `max_steps` frames each time the harness runs.
pub fn app_with(
    size: egui::Vec2,
    options: AppOptions,
    max_steps: u64,
) -> Harness<'static, KioskApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(max_steps)
        .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, options));
    harness.run();
    harness
}

/// eframe's storage, in memory.
#[derive(Default)]
pub struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

/// Presses and releases `key` with `modifiers` in one frame, as a window system reports a
/// quick press; the events go with the next step.
pub fn press(harness: &mut Harness<'_, KioskApp>, modifiers: Modifiers, key: Key) {
    let event = |pressed| egui::Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers,
    };
    harness.input_mut().events.extend([
        egui::Event::ModifiersChanged(modifiers),
        event(true),
        event(false),
        egui::Event::ModifiersChanged(Modifiers::NONE),
    ]);
}

/// The binary with `args`, run from the crate's folder without a display, a state folder
/// from systemd, or anything on standard input.
pub fn command(args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("STATE_DIRECTORY")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Runs `command` to its end, failing the test (and killing the child) if it takes longer
/// than [`TIME_LIMIT`].
pub fn finish(command: &mut Command) -> Output {
    let mut child = command.spawn().expect("the binary starts");
    let started = Instant::now();
    while child
        .try_wait()
        .expect("the child can be waited on")
        .is_none()
    {
        if started.elapsed() > TIME_LIMIT {
            child.kill().expect("kill the stuck child");
            let output = child.wait_with_output().expect("collect output");
            panic!(
                "{command:?} did not finish within {TIME_LIMIT:?}\nstderr:\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("collect output")
}

/// Runs the binary with `args` (see [`command`]) and waits for it.
pub fn run(args: &[&str]) -> Output {
    finish(&mut command(args))
}

/// What the run wrote to standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What the run wrote to standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
