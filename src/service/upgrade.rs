//! Noticing that the kiosk's own program was replaced while it runs, as a package upgrade
//! replaces it: dpkg writes the new binary beside the old one and renames it over, and the
//! running kiosk goes on running the old file, which no longer has a name. The package does
//! not restart a running kiosk (a restart would take the screen from a visitor), so without
//! this the new version would run only from the unit's next start (a reboot or
//! `systemctl restart office-kiosk`). With it, the kiosk restarts itself in place into the
//! new file the next time nobody is using it (the attract loop is on screen).

use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How often the program file is looked at, at most, while nobody is using the kiosk.
pub const CHECK_EVERY: Duration = Duration::from_secs(10);

/// What Linux adds to the target of `/proc/self/exe` once the file was removed or replaced.
const DELETED: &str = " (deleted)";

/// Watches for the program file being replaced; looks only while nobody is using the kiosk,
/// at most once every [`CHECK_EVERY`], and says so once.
pub struct UpgradeWatch {
    replaced: Box<dyn Fn() -> bool + Send>,
    next_check: Option<Instant>,
    found: bool,
}

impl std::fmt::Debug for UpgradeWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpgradeWatch")
            .field("next_check", &self.next_check)
            .field("found", &self.found)
            .finish_non_exhaustive()
    }
}

impl Default for UpgradeWatch {
    fn default() -> Self {
        Self::with_check(program_replaced)
    }
}

impl UpgradeWatch {
    /// A watch that asks `replaced` whether the program file was replaced (the real one is
    /// [`program_replaced`], which [`UpgradeWatch::default`] uses).
    pub fn with_check(replaced: impl Fn() -> bool + Send + 'static) -> Self {
        Self {
            replaced: Box::new(replaced),
            next_check: None,
            found: false,
        }
    }

    /// Whether to restart into the new program now, at `now`: true once, the first time
    /// the check finds the file replaced while `nobody_watching`. The check runs only while
    /// nobody is watching, and at most once every [`CHECK_EVERY`].
    pub fn due(&mut self, now: Instant, nobody_watching: bool) -> bool {
        if self.found || !nobody_watching || self.next_check.is_some_and(|next| now < next) {
            return false;
        }
        self.next_check = Some(now + CHECK_EVERY);
        self.found = (self.replaced)();
        self.found
    }
}

/// Whether this process's program file was replaced by another file of the same name,
/// which can be started in its place.
pub fn program_replaced() -> bool {
    let exe = Path::new("/proc/self/exe");
    let (Ok(target), Ok(running)) = (std::fs::read_link(exe), std::fs::metadata(exe)) else {
        return false;
    };
    is_replaced(&running, &installed_path(&target))
}

/// The program's path, without the mark Linux adds to it once the file was replaced.
pub fn installed_path(target: &Path) -> PathBuf {
    match target.to_str().and_then(|t| t.strip_suffix(DELETED)) {
        Some(name) => PathBuf::from(name),
        None => target.to_path_buf(),
    }
}

/// Whether the file now at `installed` is another file than `running` (the metadata of the
/// running program's file, which stays that of the old file once it is replaced); false
/// when there is no file at `installed`.
pub fn is_replaced(running: &Metadata, installed: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(installed)
        .is_ok_and(|now| now.is_file() && (now.dev(), now.ino()) != (running.dev(), running.ino()))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

    use super::*;

    /// A watch whose check answers `replaced` and counts how often it was asked.
    fn watch(replaced: &Arc<AtomicBool>, asked: &Arc<AtomicU32>) -> UpgradeWatch {
        let (replaced, asked) = (Arc::clone(replaced), Arc::clone(asked));
        UpgradeWatch::with_check(move || {
            asked.fetch_add(1, Ordering::Relaxed);
            replaced.load(Ordering::Relaxed)
        })
    }

    #[test]
    fn restarts_once_replaced_and_nobody_is_there() {
        let replaced = Arc::new(AtomicBool::new(false));
        let asked = Arc::new(AtomicU32::new(0));
        let mut watch = watch(&replaced, &asked);
        let start = Instant::now();
        assert!(!watch.due(start, true), "nothing replaced yet");
        replaced.store(true, Ordering::Relaxed);
        // Someone is using the kiosk: not looked at, not due.
        let later = start + CHECK_EVERY * 2;
        assert!(!watch.due(later, false));
        assert_eq!(asked.load(Ordering::Relaxed), 1);
        assert!(watch.due(later, true), "replaced and nobody there");
        assert!(
            !watch.due(later + CHECK_EVERY * 2, true),
            "due once, not at every frame after"
        );
    }

    #[test]
    fn looks_at_most_once_every_check_period() {
        let replaced = Arc::new(AtomicBool::new(false));
        let asked = Arc::new(AtomicU32::new(0));
        let mut watch = watch(&replaced, &asked);
        let start = Instant::now();
        for tenth in 0..100 {
            let _ = watch.due(start + CHECK_EVERY / 10 * tenth, true);
        }
        // 100 frames over ten periods: ten looks.
        assert_eq!(asked.load(Ordering::Relaxed), 10);
        replaced.store(true, Ordering::Relaxed);
        assert!(!watch.due(start + CHECK_EVERY * 9 + CHECK_EVERY / 2, true));
        assert!(watch.due(start + CHECK_EVERY * 10, true));
    }

    #[test]
    fn the_deleted_mark_is_taken_off() {
        assert_eq!(
            installed_path(Path::new("/usr/bin/office-kiosk (deleted)")),
            Path::new("/usr/bin/office-kiosk")
        );
        assert_eq!(
            installed_path(Path::new("/usr/bin/office-kiosk")),
            Path::new("/usr/bin/office-kiosk")
        );
    }

    /// What dpkg does: the new file written beside the old one and renamed over it, while
    /// the old one is still open (as a running program's file is).
    #[test]
    fn a_file_renamed_over_the_running_one_is_a_replacement() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("office-kiosk");
        std::fs::write(&path, "old").expect("write");
        let running = std::fs::File::open(&path)
            .and_then(|f| f.metadata())
            .expect("metadata of the open file");
        assert!(!is_replaced(&running, &path), "the same file");
        let new = dir.path().join("office-kiosk.dpkg-new");
        std::fs::write(&new, "new").expect("write");
        std::fs::rename(&new, &path).expect("rename over");
        assert!(is_replaced(&running, &path), "renamed over");
        std::fs::remove_file(&path).expect("remove");
        assert!(
            !is_replaced(&running, &path),
            "removed without a new file: nothing to start"
        );
    }

    #[test]
    fn this_test_program_is_not_replaced() {
        assert!(!program_replaced());
    }
}
