//! The windowing system and the OpenGL driver: one log line saying what the kiosk started
//! with, and what to do when eframe cannot open its window.
//!
//! When the OpenGL context cannot be created, the kiosk runs itself again once with Mesa's
//! software renderer (`LIBGL_ALWAYS_SOFTWARE=1`), since winit cannot make a second event loop
//! in one process; a marker variable keeps the retry from retrying. When that fails too, or
//! there is no display at all, [`after_failed_start`] says what is missing, naming the Debian
//! package to install.
//!
//! The GL renderer and vendor strings need an `unsafe` call that this crate forbids, so they
//! are taken from the debug line `egui_glow` logs when it creates its painter, through the
//! small `log` bridge of [`install_log_bridge`] (which also passes the warnings and errors of
//! winit, glutin and eframe on to `tracing`, where they would otherwise be lost).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use eframe::glow::{self, HasContext as _};

/// Set (to `1`) in the environment of the software-renderer retry, so it never retries.
pub const RETRY_ENV: &str = "OFFICE_KIOSK_SOFTWARE_GL_RETRY";

/// The windowing system winit will use, from the environment (winit prefers Wayland).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WindowSystem {
    /// A Wayland compositor (cage, weston, a desktop), by `WAYLAND_DISPLAY` or `WAYLAND_SOCKET`.
    Wayland(String),
    /// An X server, by `DISPLAY`.
    X11(String),
    /// Neither is set.
    None,
}

impl WindowSystem {
    /// From the process environment.
    pub fn from_env() -> Self {
        Self::from_vars(&|name| std::env::var(name).ok())
    }

    /// From an environment read through `env`.
    pub fn from_vars(env: &dyn Fn(&str) -> Option<String>) -> Self {
        let set = |name| env(name).filter(|v| !v.is_empty());
        if let Some(display) = set("WAYLAND_DISPLAY") {
            Self::Wayland(format!("WAYLAND_DISPLAY={display}"))
        } else if set("WAYLAND_SOCKET").is_some() {
            Self::Wayland("WAYLAND_SOCKET".to_owned())
        } else if let Some(display) = set("DISPLAY") {
            Self::X11(format!("DISPLAY={display}"))
        } else {
            Self::None
        }
    }
}

impl std::fmt::Display for WindowSystem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Wayland(how) => write!(f, "Wayland ({how})"),
            Self::X11(how) => write!(f, "X11 ({how})"),
            Self::None => f.write_str("no display"),
        }
    }
}

/// The GL strings `egui_glow` logged when it created its painter.
static GL_STRINGS: OnceLock<GlStrings> = OnceLock::new();

/// The GL version, renderer and vendor strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GlStrings {
    /// `GL_VERSION`, e.g. `OpenGL ES 3.2 Mesa 22.3.6`.
    pub version: String,
    /// `GL_RENDERER`, e.g. `llvmpipe (LLVM 15.0.6, 256 bits)`.
    pub renderer: String,
    /// `GL_VENDOR`, e.g. `Mesa`.
    pub vendor: String,
}

impl GlStrings {
    /// Parses `egui_glow`'s `opengl version: ..` / `opengl renderer: ..` / `opengl vendor: ..`
    /// debug message; `None` without a renderer line.
    pub fn parse(message: &str) -> Option<Self> {
        let mut strings = Self::default();
        for line in message.lines() {
            let line = line.trim();
            if let Some(v) = line.strip_prefix("opengl version:") {
                v.trim().clone_into(&mut strings.version);
            } else if let Some(v) = line.strip_prefix("opengl renderer:") {
                v.trim().clone_into(&mut strings.renderer);
            } else if let Some(v) = line.strip_prefix("opengl vendor:") {
                v.trim().clone_into(&mut strings.vendor);
            }
        }
        (!strings.renderer.is_empty()).then_some(strings)
    }
}

/// Passes `log` records on: keeps `egui_glow`'s GL strings for [`describe`] and sends
/// warnings and errors to `tracing`.
struct LogBridge;

impl log::Log for LogBridge {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Warn
            || (metadata.target().starts_with("egui_glow") && GL_STRINGS.get().is_none())
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        match record.level() {
            log::Level::Error => tracing::error!("{}: {}", record.target(), record.args()),
            log::Level::Warn => tracing::warn!("{}: {}", record.target(), record.args()),
            _ => {
                if let Some(strings) = GlStrings::parse(&record.args().to_string()) {
                    let _ = GL_STRINGS.set(strings);
                    // Nothing more is wanted below warnings: keep other crates' debug
                    // logging free.
                    log::set_max_level(log::LevelFilter::Warn);
                }
            }
        }
    }

    fn flush(&self) {}
}

/// Installs the `log` bridge (see the module documentation); call once before
/// `eframe::run_native`. Does nothing when another `log` logger is already installed.
pub fn install_log_bridge() {
    static BRIDGE: LogBridge = LogBridge;
    if log::set_logger(&BRIDGE).is_ok() {
        log::set_max_level(log::LevelFilter::Debug);
    }
}

/// One line naming the windowing system, the GL version, renderer and vendor, and whether
/// software rendering was asked for.
pub fn describe(gl: Option<&glow::Context>) -> String {
    let mut line = format!("started on {}", WindowSystem::from_env());
    match (GL_STRINGS.get(), gl) {
        (Some(s), _) => {
            let api = if s.version.starts_with("OpenGL") {
                ""
            } else {
                "OpenGL "
            };
            let _ = write!(
                line,
                " with {api}{}; renderer {}; vendor {}",
                s.version, s.renderer, s.vendor
            );
        }
        (None, Some(gl)) => {
            let v = gl.version();
            let api = if v.is_embedded { "OpenGL ES" } else { "OpenGL" };
            let _ = write!(
                line,
                " with {api} {}.{} {}",
                v.major, v.minor, v.vendor_info
            );
        }
        (None, None) => line += " without an OpenGL context",
    }
    if std::env::var_os("LIBGL_ALWAYS_SOFTWARE").is_some() {
        line += " (software rendering: LIBGL_ALWAYS_SOFTWARE is set)";
    }
    line
}

/// Logs [`describe`]; call from the app creator with `cc.gl.as_deref()`.
pub fn log_started(gl: Option<&glow::Context>) {
    tracing::info!("{}", describe(gl));
}

/// What [`after_failed_start`] did.
#[derive(Debug)]
pub enum Outcome {
    /// The kiosk ran again with the software renderer; exit with its exit code.
    Retried(ExitCode),
    /// Nothing more to try: log this message and exit with failure.
    Message(String),
}

/// What kind of failure eframe reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// winit could not reach a display.
    Display,
    /// The OpenGL context or painter could not be made.
    Gl,
    /// Anything else (the app itself).
    Other,
}

fn failure_of(err: &eframe::Error) -> Failure {
    // Not a `match`: the variants differ with eframe's features (tests add wgpu).
    if matches!(
        err,
        eframe::Error::Winit(_) | eframe::Error::WinitEventLoop(_)
    ) {
        Failure::Display
    } else if matches!(
        err,
        eframe::Error::Glutin(_) | eframe::Error::NoGlutinConfigs(..) | eframe::Error::OpenGL(_)
    ) {
        Failure::Gl
    } else {
        Failure::Other
    }
}

/// The error in a few words: glutin's "no configs" error lists its whole template.
fn short(err: &eframe::Error) -> String {
    match err {
        eframe::Error::NoGlutinConfigs(_, source) => {
            format!("no OpenGL configuration matches the window's needs ({source})")
        }
        other => other.to_string(),
    }
}

/// Call with the error `eframe::run_native` returned: retries once with Mesa's software
/// renderer when OpenGL could not start, otherwise says what is missing.
pub fn after_failed_start(err: &eframe::Error) -> Outcome {
    let system = WindowSystem::from_env();
    let retried = std::env::var_os(RETRY_ENV).is_some();
    match failure_of(err) {
        Failure::Display => Outcome::Message(display_message(&system, &short(err))),
        Failure::Gl if !retried => match retry_with_software_gl(err) {
            Ok(code) => Outcome::Retried(code),
            Err(e) => Outcome::Message(format!(
                "OpenGL could not start ({}) and the software-renderer retry could not run: {e}",
                short(err)
            )),
        },
        Failure::Gl => Outcome::Message(gl_message(&system, &short(err), &lib_present)),
        Failure::Other => Outcome::Message(format!("the window could not be opened: {err}")),
    }
}

/// Runs this program again with the same arguments and `LIBGL_ALWAYS_SOFTWARE=1`; returns
/// its exit code.
fn retry_with_software_gl(err: &eframe::Error) -> std::io::Result<ExitCode> {
    tracing::warn!(
        "OpenGL could not start ({}); running again once with Mesa's software renderer \
         (LIBGL_ALWAYS_SOFTWARE=1)",
        short(err)
    );
    let exe = std::env::current_exe()?;
    let mut command = std::process::Command::new(exe);
    command
        .args(std::env::args_os().skip(1))
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .env(RETRY_ENV, "1");
    // The watchdog follows the kiosk into its child: the child accepts WATCHDOG_PID when it
    // names its parent, which is now this process.
    if let Some(pid) = std::env::var("WATCHDOG_PID")
        .ok()
        .and_then(|p| p.parse::<u32>().ok())
        && (pid == std::process::id() || pid == std::os::unix::process::parent_id())
    {
        command.env("WATCHDOG_PID", std::process::id().to_string());
    }
    let status = command.status()?;
    let Some(code) = status.code() else {
        tracing::error!("the software-renderer retry ended by a signal: {status}");
        return Ok(ExitCode::FAILURE);
    };
    Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
}

/// The message when winit found no display or could not connect to it.
fn display_message(system: &WindowSystem, err: &str) -> String {
    match system {
        WindowSystem::None => format!(
            "no display to open the window on ({err}): set DISPLAY or WAYLAND_DISPLAY, or run \
             under cage (`cage -d -- office-kiosk --kiosk`)"
        ),
        system => format!(
            "cannot connect to the display named by {system}: {err}; is the compositor or X \
             server running, and may this user use it (XDG_RUNTIME_DIR, .Xauthority)?"
        ),
    }
}

/// Libraries OpenGL needs, with the Debian package that has each; which ones depend on the
/// windowing system (EGL on Wayland; GLX, or EGL as a fallback, on X11).
fn gl_libraries(system: &WindowSystem) -> Vec<(&'static str, &'static str)> {
    let mut libs = vec![("dri/swrast_dri.so", "libgl1-mesa-dri")];
    match system {
        WindowSystem::X11(_) => libs.extend([
            ("libGL.so.1", "libgl1"),
            ("libGLX_mesa.so.0", "libglx-mesa0"),
            ("libEGL.so.1", "libegl1"),
            ("libEGL_mesa.so.0", "libegl-mesa0"),
        ]),
        _ => libs.extend([
            ("libEGL.so.1", "libegl1"),
            ("libEGL_mesa.so.0", "libegl-mesa0"),
            ("libwayland-egl.so.1", "libwayland-egl1"),
        ]),
    }
    libs
}

/// Where the libraries are looked for: the Debian multiarch folder first.
fn lib_dirs() -> Vec<PathBuf> {
    let arch = std::env::consts::ARCH;
    vec![
        PathBuf::from(format!("/usr/lib/{arch}-linux-gnu")),
        PathBuf::from("/usr/lib64"),
        PathBuf::from("/usr/lib"),
    ]
}

fn lib_present(name: &str) -> bool {
    lib_dirs().iter().any(|dir| dir.join(name).exists())
}

/// The message when OpenGL failed even with the software renderer: which libraries are
/// missing and the packages to install.
fn gl_message(system: &WindowSystem, err: &str, present: &dyn Fn(&str) -> bool) -> String {
    let missing: Vec<(&str, &str)> = gl_libraries(system)
        .into_iter()
        .filter(|(lib, _)| !present(lib))
        .collect();
    let head = format!(
        "OpenGL could not start on {system}, not even with Mesa's software renderer: {err}"
    );
    if missing.is_empty() {
        return format!(
            "{head}; the OpenGL libraries are there, so reinstall Mesa's drivers \
             (`apt-get install --reinstall libgl1-mesa-dri libegl-mesa0`) and check that this \
             user may use /dev/dri (groups video and render)"
        );
    }
    let names: Vec<String> = missing
        .iter()
        .map(|(lib, package)| format!("{} ({package})", Path::new(lib).display()))
        .collect();
    let mut packages: Vec<&str> = missing.iter().map(|(_, p)| *p).collect();
    packages.dedup();
    format!(
        "{head}; missing: {}; install: apt-get install {}",
        names.join(", "),
        packages.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn wayland_wins_over_x11() {
        let both = [("WAYLAND_DISPLAY", "wayland-1"), ("DISPLAY", ":0")];
        assert_eq!(
            WindowSystem::from_vars(&env_of(&both)),
            WindowSystem::Wayland("WAYLAND_DISPLAY=wayland-1".into())
        );
        let x = [("WAYLAND_DISPLAY", ""), ("DISPLAY", ":0")];
        assert_eq!(
            WindowSystem::from_vars(&env_of(&x)),
            WindowSystem::X11("DISPLAY=:0".into())
        );
        assert_eq!(WindowSystem::from_vars(&env_of(&[])), WindowSystem::None);
    }

    #[test]
    fn parses_egui_glow_gl_strings() {
        let message = "\nopengl version: OpenGL ES 3.2 Mesa 22.3.6\nopengl renderer: llvmpipe \
                       (LLVM 15.0.6, 256 bits)\nopengl vendor: Mesa";
        let strings = GlStrings::parse(message).expect("parsed");
        assert_eq!(strings.version, "OpenGL ES 3.2 Mesa 22.3.6");
        assert_eq!(strings.renderer, "llvmpipe (LLVM 15.0.6, 256 bits)");
        assert_eq!(strings.vendor, "Mesa");
        assert_eq!(GlStrings::parse("Shader header: \"#version 300 es\""), None);
    }

    #[test]
    fn no_display_says_what_to_set() {
        let message = display_message(&WindowSystem::None, "neither is set");
        assert!(
            message.contains("set DISPLAY or WAYLAND_DISPLAY"),
            "{message}"
        );
        assert!(message.contains("cage"), "{message}");
        let message = display_message(&WindowSystem::X11("DISPLAY=:9".into()), "refused");
        assert!(message.contains("DISPLAY=:9"), "{message}");
    }

    #[test]
    fn gl_message_names_missing_packages() {
        let wayland = WindowSystem::Wayland("WAYLAND_DISPLAY=wayland-1".into());
        let no_mesa = |lib: &str| !lib.contains("mesa") && !lib.starts_with("dri/");
        let message = gl_message(&wayland, "no config", &no_mesa);
        assert!(
            message.contains("install: apt-get install libgl1-mesa-dri libegl-mesa0"),
            "{message}"
        );
        assert!(
            message.contains("libEGL_mesa.so.0 (libegl-mesa0)"),
            "{message}"
        );
        let x11 = WindowSystem::X11("DISPLAY=:0".into());
        let message = gl_message(&x11, "no config", &|lib| lib != "libGLX_mesa.so.0");
        assert!(
            message.ends_with("install: apt-get install libglx-mesa0"),
            "{message}"
        );
        let message = gl_message(&x11, "no config", &|_| true);
        assert!(message.contains("--reinstall"), "{message}");
    }
}
