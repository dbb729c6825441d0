//! A process writing usage figures in a loop, killed with SIGKILL at random moments 200
//! times: the file it leaves always loads, and never holds fewer figures than before.
//!
//! The writing process is this test binary run again with the `child_writer` test alone
//! and [`CHILD_ENV`] naming the file: it counts through the same [`Writer`] the kiosk
//! uses, as fast as it can.

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use office_kiosk::clock::WallClock;
use office_kiosk::stats::store::Writer;
use office_kiosk::stats::{HourKey, Usage};

/// Names the usage file the child writes; unset, `child_writer` does nothing.
const CHILD_ENV: &str = "OFFICE_KIOSK_USAGE_CHILD";

/// What the child prints (to standard error) once it is writing.
const READY: &str = "usage-child-writing";

const KILLS: usize = 200;

/// The child's work: figures over the days of a year, added and saved without pause.
#[test]
fn child_writer() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let writer = Writer::spawn(path.into(), WallClock::system()).expect("the writer starts");
    eprintln!("{READY}");
    let first = jiff::civil::date(2026, 1, 1);
    let started = Instant::now();
    for i in 0u32.. {
        let mut batch = Usage::new();
        let date = first
            .checked_add(jiff::Span::new().days(i64::from(i % 300)))
            .expect("a day in the year");
        let hour = HourKey {
            date,
            hour: (i % 24) as u8,
        };
        batch.page_view(hour, "home");
        batch.language(hour, if i % 2 == 0 { "en" } else { "es" });
        batch.session(hour, u64::from(i % 700));
        writer.add(batch);
        std::thread::sleep(Duration::from_micros(200));
        // Never outlive a parent that failed to kill it.
        assert!(started.elapsed() < Duration::from_secs(20), "never killed");
    }
}

/// A small random number generator (xorshift), seeded from the time, so each run kills at
/// other moments; the seed is printed for a failure to be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn the_file_survives_kill_9_at_any_moment() {
    let dir = tempfile::tempdir().expect("a temporary state folder");
    let path = dir.path().join("usage.ron");
    let seed = std::env::var("USAGE_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    eprintln!("USAGE_KILL_SEED={seed}");
    let mut rng = Rng(seed);
    let exe = std::env::current_exe().expect("the test binary");
    let started = Instant::now();
    let (mut last_views, mut grew) = (0, 0);
    for kill in 0..KILLS {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "kill::child_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the child starts");
        let stderr = child.stderr.take().expect("the child's errors");
        let ready = BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .any(|line| line.contains(READY));
        assert!(ready, "kill {kill}: the child never started writing");
        std::thread::sleep(Duration::from_micros(rng.below(20_000)));
        child.kill().expect("SIGKILL the child");
        child.wait().expect("reap the child");

        let usage = load_after_kill(&path, kill, seed);
        let views = usage.total(None).page_view_total();
        assert!(
            views >= last_views,
            "kill {kill}: figures went back from {last_views} to {views} (seed {seed})"
        );
        if views > last_views {
            grew += 1;
        }
        last_views = views;
    }
    let elapsed = started.elapsed();
    eprintln!("{KILLS} kills in {elapsed:?}; the file grew after {grew} of them");
    assert!(
        grew > KILLS / 4,
        "the child rarely wrote: {grew} of {KILLS}"
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    // The file, its lock, and at most the temporary file of the last child, killed while
    // writing (the next save clears such a leftover away): nothing moved aside as damaged.
    let leftovers = names
        .iter()
        .filter(|n| office_kiosk::content::is_temporary_of(std::ffi::OsStr::new(n), "usage.ron"))
        .count();
    assert!(leftovers <= 1, "leftovers pile up: {names:?}");
    assert!(
        names.iter().all(|n| n == "usage.ron"
            || n == "usage.ron.lock"
            || office_kiosk::content::is_temporary_of(std::ffi::OsStr::new(n), "usage.ron")),
        "nothing was moved aside as damaged: {names:?}"
    );
}

fn load_after_kill(path: &Path, kill: usize, seed: u64) -> Usage {
    Usage::load(path).unwrap_or_else(|e| {
        panic!("kill {kill}: the file does not load: {e} (USAGE_KILL_SEED={seed})")
    })
}
