//! Tests of the systemd link: the watchdog's rule in-process, and the real protocol through
//! a unix datagram socket with this test binary run again as a child "kiosk".

use std::collections::HashMap;
use std::os::unix::net::UnixDatagram;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use super::*;

fn env_of(pairs: &[(&str, String)]) -> impl Fn(&str) -> Option<String> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    move |name| map.get(name).cloned()
}

#[test]
fn no_watchdog_without_watchdog_usec() {
    let mut service = Service::new(&env_of(&[]), || {});
    assert_eq!(service.watchdog_period(), None);
    assert_eq!(service.frame(false), None);
    assert_eq!(service.frame(true), None);
    assert_eq!(service.frames(), 2);
}

#[test]
fn the_leave_switch_leaves_once_after_its_seconds() {
    let mut service = Service::new(&env_of(&[(LEAVE_AFTER_ENV, "0.2".to_owned())]), || {});
    assert_eq!(service.frame(false), None, "too early");
    std::thread::sleep(Duration::from_millis(250));
    assert_eq!(service.frame(false), Some(Due::Leave));
    assert_eq!(service.frame(false), None, "once");
    let mut never = Service::new(&env_of(&[(LEAVE_AFTER_ENV, "soon".to_owned())]), || {});
    assert_eq!(never.frame(true), None);
}

#[test]
fn watchdog_pid_must_name_this_process_or_its_parent() {
    let usec = ("WATCHDOG_USEC", "3000000".to_owned());
    let three = Some(Duration::from_secs(3));
    assert_eq!(watchdog_period(&env_of(std::slice::from_ref(&usec))), three);
    let me = ("WATCHDOG_PID", std::process::id().to_string());
    assert_eq!(watchdog_period(&env_of(&[usec.clone(), me])), three);
    let parent = (
        "WATCHDOG_PID",
        std::os::unix::process::parent_id().to_string(),
    );
    assert_eq!(watchdog_period(&env_of(&[usec.clone(), parent])), three);
    let other = ("WATCHDOG_PID", "1".to_owned());
    assert_eq!(watchdog_period(&env_of(&[usec.clone(), other])), None);
    let broken = ("WATCHDOG_USEC", "soon".to_owned());
    assert_eq!(watchdog_period(&env_of(&[broken])), None);
}

/// The rule alone: a "UI thread" that draws a frame whenever woken gets pings; once it stops
/// drawing, the pings stop.
#[test]
fn pings_only_while_frames_advance() {
    let frames = Arc::new(AtomicU64::new(0));
    let pings = Arc::new(AtomicU64::new(0));
    let alive = Arc::new(AtomicBool::new(true));
    let (woken, wakes) = mpsc::channel::<()>();
    let ui = {
        let (frames, alive) = (Arc::clone(&frames), Arc::clone(&alive));
        std::thread::spawn(move || {
            while wakes.recv().is_ok() {
                if alive.load(Ordering::Relaxed) {
                    frames.fetch_add(1, Ordering::Relaxed);
                }
            }
        })
    };
    let watchdog = {
        let pings = Arc::clone(&pings);
        let woken = Mutex::new(woken);
        Watchdog::start(
            Arc::clone(&frames),
            Duration::from_millis(90),
            move || {
                if let Ok(w) = woken.lock() {
                    let _ = w.send(());
                }
            },
            move || {
                pings.fetch_add(1, Ordering::Relaxed);
            },
        )
    };
    std::thread::sleep(Duration::from_millis(400));
    let while_alive = pings.load(Ordering::Relaxed);
    assert!(while_alive >= 5, "only {while_alive} pings in 400 ms");
    alive.store(false, Ordering::Relaxed);
    // One more ping may come for a frame drawn just before.
    std::thread::sleep(Duration::from_millis(100));
    let after_stop = pings.load(Ordering::Relaxed);
    std::thread::sleep(Duration::from_millis(400));
    assert_eq!(
        pings.load(Ordering::Relaxed),
        after_stop,
        "pinged without frames"
    );
    drop(watchdog);
    ui.join()
        .expect("the UI thread ends when the watchdog is dropped");
}

/// Set in the child's environment by [`kiosk_reports_to_notify_socket`].
const CHILD_ENV: &str = "OFFICE_KIOSK_TEST_NOTIFY_CHILD";

/// Not a test by itself: the "kiosk" run as a child process by
/// [`kiosk_reports_to_notify_socket`]; a UI loop that draws a frame whenever woken.
#[test]
fn child_kiosk() {
    if std::env::var_os(CHILD_ENV).is_none() {
        return;
    }
    let (woken, wakes) = mpsc::channel::<()>();
    let woken = Mutex::new(woken);
    let mut service = Service::from_env(move || {
        if let Ok(w) = woken.lock() {
            let _ = w.send(());
        }
    });
    assert!(
        service.watchdog_period().is_some(),
        "the watchdog did not start"
    );
    let _ = service.frame(false);
    while wakes.recv().is_ok() {
        let _ = service.frame(false);
    }
}

/// The real protocol: `READY=1` after the first frame, then `WATCHDOG=1` while frames are
/// drawn, and none once the UI thread hangs (the debug switch, after 1 s).
#[test]
fn kiosk_reports_to_notify_socket() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notify.sock");
    let socket = UnixDatagram::bind(&path).expect("bind the notify socket");
    socket
        .set_read_timeout(Some(Duration::from_millis(50)))
        .expect("timeout");
    let mut child = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "service::tests::child_kiosk", "--nocapture"])
        .env(CHILD_ENV, "1")
        .env("NOTIFY_SOCKET", &path)
        .env("WATCHDOG_USEC", "300000")
        // Under cage, WATCHDOG_PID names the kiosk's parent: here, this test.
        .env("WATCHDOG_PID", std::process::id().to_string())
        .env(HANG_AFTER_ENV, "1")
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("run the child kiosk");
    let start = Instant::now();
    let mut got: Vec<(Duration, String)> = Vec::new();
    let mut buf = [0u8; 256];
    while start.elapsed() < Duration::from_secs(4) {
        if let Ok(n) = socket.recv(&mut buf) {
            got.push((
                start.elapsed(),
                String::from_utf8_lossy(&buf[..n]).into_owned(),
            ));
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let Some((ready_at, first)) = got.first().cloned() else {
        panic!("nothing arrived on the notify socket");
    };
    assert_eq!(first.trim(), "READY=1", "first message: {got:?}");
    let pings: Vec<Duration> = got
        .iter()
        .filter(|(_, m)| m.trim() == "WATCHDOG=1")
        .map(|(t, _)| t.saturating_sub(ready_at))
        .collect();
    // 100 ms ticks during the first second: about 9 pings; allow a slow machine.
    let early = pings.iter().filter(|t| t.as_secs_f64() < 1.0).count();
    assert!(early >= 4, "only {early} pings while drawing: {got:?}");
    // The hang starts 1 s after the child started, a little before READY; the last ping
    // may follow one tick after the last frame.
    let late: Vec<&Duration> = pings.iter().filter(|t| t.as_secs_f64() > 1.5).collect();
    assert!(late.is_empty(), "pings after the UI hung: {late:?}");
    assert!(
        start.elapsed().saturating_sub(ready_at) > Duration::from_secs(2),
        "watched too briefly after READY"
    );
}

/// Set in the child's environment by [`status_and_stopping_reach_the_notify_socket`].
const MESSAGES_CHILD_ENV: &str = "OFFICE_KIOSK_TEST_MESSAGES_CHILD";

/// Not a test by itself: run as a child by [`status_and_stopping_reach_the_notify_socket`];
/// reports a failed check, then stops.
#[test]
fn child_reporter() {
    if std::env::var_os(MESSAGES_CHILD_ENV).is_none() {
        return;
    }
    assert!(supervised(), "NOTIFY_SOCKET is set");
    check_failed(
        "/var/lib/office-kiosk/content/content.ron: valid (2 languages: en, es), 0 warnings\n\
         /etc/office-kiosk/admin.pin: error: there is no PIN file at /etc/office-kiosk/admin.pin",
    );
    stopping();
}

/// A failed check's first error becomes the unit's status line; a stop says `STOPPING=1`.
#[test]
fn status_and_stopping_reach_the_notify_socket() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notify.sock");
    let socket = UnixDatagram::bind(&path).expect("bind the notify socket");
    socket
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let status = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "service::tests::child_reporter", "--nocapture"])
        .env(MESSAGES_CHILD_ENV, "1")
        .env("NOTIFY_SOCKET", &path)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run the child");
    assert!(status.success(), "the child failed: {status}");
    let mut buf = [0u8; 512];
    let mut next = || {
        let n = socket.recv(&mut buf).expect("a message");
        String::from_utf8_lossy(&buf[..n]).trim().to_owned()
    };
    assert_eq!(
        next(),
        "STATUS=/etc/office-kiosk/admin.pin: error: there is no PIN file at \
         /etc/office-kiosk/admin.pin"
    );
    assert_eq!(next(), "STOPPING=1");
}
