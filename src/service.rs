//! Talking to systemd (or any service manager speaking its notify protocol): `READY=1` once
//! the first frame is drawn, and a watchdog that pings `WATCHDOG=1` only while the UI thread
//! is still drawing frames.
//!
//! egui draws nothing while idle, so the UI thread cannot ping by itself. When the service
//! manager asks for a watchdog (`WATCHDOG_USEC`), a background thread wakes the UI every third
//! of the watchdog period (a repaint request) and pings only if the UI thread's frame counter
//! moved since the last wake. A UI thread that hangs stops the counter, the pings stop, and
//! systemd restarts the kiosk. Without `WATCHDOG_USEC` no thread is started and a frame costs
//! one atomic increment, so an idle kiosk stays at zero CPU.
//!
//! Under cage the kiosk is cage's child, not the unit's main process: `WATCHDOG_PID` names
//! cage, so the watchdog is also accepted when it names the parent process, and the unit
//! needs `NotifyAccess=all`.
//!
//! `STOPPING=1` is sent as soon as a stop signal arrives ([`stopping`]), before the usage
//! figures are written. [`upgrade`] notices a replaced program file, so that the kiosk
//! restarts into a new version when nobody is using it.
//!
//! [`HANG_AFTER_ENV`] and [`LEAVE_AFTER_ENV`] are hidden debug switches, read only from the
//! environment (which a visitor at the screen cannot reach), for the boot test: one freezes
//! the UI thread, to see that a hung kiosk is restarted; the other takes the admin screen's
//! Leave path, to see that staff leaving does not end the unit.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use sd_notify::NotifyState;

pub mod upgrade;

/// Debug switch: after this many seconds, [`Service::frame`] blocks the UI thread forever.
pub const HANG_AFTER_ENV: &str = "OFFICE_KIOSK_DEBUG_HANG_AFTER_SECS";

/// Debug switch: this many seconds after the program started, [`Service::frame`] returns
/// [`Due::Leave`] once, and the kiosk leaves exactly as when staff touch Leave the kiosk on
/// the admin screen. Each start counts afresh, so a kiosk that restarts in place (as Leave
/// does under a service manager) leaves again after as many seconds, until the variable is
/// taken from the environment. For the boot test only; not a way out for staff.
pub const LEAVE_AFTER_ENV: &str = "OFFICE_KIOSK_DEBUG_LEAVE_AFTER_SECS";

/// Something the app must do now, found by [`Service::frame`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Leave as staff's Leave the kiosk does ([`LEAVE_AFTER_ENV`]).
    Leave,
    /// The program file was replaced (an upgrade) and nobody is using the kiosk: restart in
    /// place into the new program.
    Upgrade,
}

/// The shortest watchdog period honoured; shorter ones are raised to it.
const MIN_PERIOD: Duration = Duration::from_millis(30);

/// The kiosk's link to its service manager; make one when the app starts and call
/// [`Service::frame`] once a frame.
pub struct Service {
    frames: Arc<AtomicU64>,
    ready_sent: bool,
    hang_at: Option<Instant>,
    leave_at: Option<Instant>,
    upgrade: upgrade::UpgradeWatch,
    watchdog: Option<Watchdog>,
}

impl std::fmt::Debug for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Service")
            .field("frames", &self.frames.load(Ordering::Relaxed))
            .field("ready_sent", &self.ready_sent)
            .field("watchdog", &self.watchdog_period())
            .field("upgrade", &self.upgrade)
            .finish_non_exhaustive()
    }
}

impl Service {
    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC`, `WATCHDOG_PID`, [`HANG_AFTER_ENV`] and
    /// [`LEAVE_AFTER_ENV`] from the environment; starts the watchdog thread only when a
    /// watchdog is asked for. `wake` is called from that thread to make the UI draw a frame
    /// (`ctx.request_repaint()`).
    pub fn from_env(wake: impl Fn() + Send + 'static) -> Self {
        Self::new(&|name| std::env::var(name).ok(), wake)
    }

    /// Like [`Service::from_env`], with the environment read through `env`.
    pub fn new(env: &dyn Fn(&str) -> Option<String>, wake: impl Fn() + Send + 'static) -> Self {
        let frames = Arc::new(AtomicU64::new(0));
        let watchdog = watchdog_period(env).map(|period| {
            tracing::info!(
                "systemd watchdog: {} ms; the UI is woken every {} ms",
                period.as_millis(),
                (period / 3).as_millis()
            );
            let frames = Arc::clone(&frames);
            Watchdog::start(frames, period, wake, || {
                if let Err(e) = sd_notify::notify(&[NotifyState::Watchdog]) {
                    tracing::warn!("cannot ping the systemd watchdog: {e}");
                }
            })
        });
        let after = |name: &str| {
            env(name)
                .and_then(|secs| secs.trim().parse::<f64>().ok())
                .filter(|secs| secs.is_finite() && *secs >= 0.0)
                .map(|secs| Instant::now() + Duration::from_secs_f64(secs))
        };
        Self {
            frames,
            ready_sent: false,
            hang_at: after(HANG_AFTER_ENV),
            leave_at: after(LEAVE_AFTER_ENV),
            upgrade: upgrade::UpgradeWatch::default(),
            watchdog,
        }
    }

    /// The watchdog period systemd asked for, when the watchdog runs.
    pub fn watchdog_period(&self) -> Option<Duration> {
        self.watchdog.as_ref().map(|w| w.period)
    }

    /// How many frames were counted.
    pub fn frames(&self) -> u64 {
        self.frames.load(Ordering::Relaxed)
    }

    /// Call once a frame, at the end of the app's `ui`: counts the frame for the watchdog
    /// and, the first time, tells the service manager the kiosk is ready. Returns what the
    /// app must do now, if anything: restart into a replaced program file while
    /// `nobody_watching` (the attract loop is on screen), or, with [`LEAVE_AFTER_ENV`], leave.
    /// With [`HANG_AFTER_ENV`] set, blocks for ever once that many seconds have passed.
    pub fn frame(&mut self, nobody_watching: bool) -> Option<Due> {
        let now = Instant::now();
        if let Some(at) = self.hang_at
            && now >= at
        {
            tracing::warn!("{HANG_AFTER_ENV} is set: the UI thread now hangs for ever");
            loop {
                std::thread::park();
            }
        }
        self.frames.fetch_add(1, Ordering::Relaxed);
        if !self.ready_sent {
            self.ready_sent = true;
            ready();
        }
        if self.leave_at.is_some_and(|at| now >= at) {
            self.leave_at = None;
            tracing::warn!("{LEAVE_AFTER_ENV} is set: leaving as staff's Leave the kiosk does");
            return Some(Due::Leave);
        }
        if self.upgrade.due(now, nobody_watching) {
            tracing::info!(
                "the program file was replaced (an upgrade) and nobody is using the kiosk: \
                 restarting into the new version"
            );
            return Some(Due::Upgrade);
        }
        None
    }
}

/// Tells the service manager the kiosk is up (`READY=1`); nothing without `NOTIFY_SOCKET`.
pub fn ready() {
    match sd_notify::notify(&[NotifyState::Ready]) {
        Ok(()) => {
            if supervised() {
                tracing::info!("told systemd the kiosk is ready");
            }
        }
        Err(e) => tracing::warn!("cannot tell systemd the kiosk is ready: {e}"),
    }
}

/// Whether a service manager runs the kiosk and listens to it (`NOTIFY_SOCKET` is set): it
/// would start the kiosk again after it ended, counting each start towards its start limit.
pub fn supervised() -> bool {
    std::env::var_os("NOTIFY_SOCKET").is_some()
}

/// Tells the service manager the kiosk is ending (`STOPPING=1`); nothing without
/// `NOTIFY_SOCKET`. Not for a restart in place, which the service manager must not see.
pub fn stopping() {
    match sd_notify::notify(&[NotifyState::Stopping]) {
        Ok(()) => {
            if supervised() {
                tracing::info!("told systemd the kiosk is stopping");
            }
        }
        Err(e) => tracing::warn!("cannot tell systemd the kiosk is stopping: {e}"),
    }
}

/// Under a service manager, makes the first error of a failed `office-kiosk check` (the
/// unit's `ExecStartPre`) the unit's status line, which `systemctl status` shows above the
/// journal's last lines: after five failed starts those are systemd's own, and the reason
/// would be out of sight. Nothing without `NOTIFY_SOCKET`.
pub fn check_failed(report: &str) {
    if !supervised() {
        return;
    }
    let why = report
        .lines()
        .find(|line| line.contains(": error: "))
        .unwrap_or("office-kiosk check found the content or the PIN file wrong");
    if let Err(e) = sd_notify::notify(&[NotifyState::Status(why)]) {
        tracing::warn!("cannot tell systemd why the check failed: {e}");
    }
}

/// The watchdog period asked for by `WATCHDOG_USEC`, if it is meant for this process: when
/// `WATCHDOG_PID` is unset, names this process, or names its parent (cage).
fn watchdog_period(env: &dyn Fn(&str) -> Option<String>) -> Option<Duration> {
    let usec: u64 = env("WATCHDOG_USEC")?
        .trim()
        .parse()
        .ok()
        .filter(|u| *u > 0)?;
    if let Some(pid) = env("WATCHDOG_PID") {
        let pid: u32 = pid.trim().parse().ok()?;
        if pid != std::process::id() && pid != std::os::unix::process::parent_id() {
            tracing::info!("WATCHDOG_PID={pid} names another process; no watchdog here");
            return None;
        }
    }
    Some(Duration::from_micros(usec).max(MIN_PERIOD))
}

/// The watchdog thread; dropping it stops the thread.
struct Watchdog {
    period: Duration,
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Watchdog {
    /// Every `period / 3`: calls `ping` if `frames` moved since the last wake, then `wake`.
    fn start(
        frames: Arc<AtomicU64>,
        period: Duration,
        wake: impl Fn() + Send + 'static,
        ping: impl Fn() + Send + 'static,
    ) -> Self {
        let (stop, stopped) = mpsc::channel::<()>();
        let tick = period / 3;
        let thread = std::thread::Builder::new()
            .name("watchdog".into())
            .spawn(move || {
                let mut seen = frames.load(Ordering::Relaxed);
                wake();
                while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(tick) {
                    let now = frames.load(Ordering::Relaxed);
                    if now != seen {
                        ping();
                    }
                    seen = now;
                    wake();
                }
            })
            .map_err(|e| tracing::warn!("cannot start the watchdog thread: {e}"))
            .ok();
        Self {
            period,
            stop: Some(stop),
            thread,
        }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests;
