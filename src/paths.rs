//! The folders the app writes to, decided in one place: under systemd the ones the unit
//! gives (`STATE_DIRECTORY`, `LOGS_DIRECTORY`), otherwise the platform's conventions
//! (`$XDG_STATE_HOME/office-kiosk` on Linux, the local app-data folder elsewhere). Only an
//! absolute path counts: an empty or relative `HOME` or `XDG_STATE_HOME` would put the
//! state in whatever folder the program was started from, so then there is no state folder
//! ([`NoStateFolder`] says why, once, in the log).
//!
//! Also the files others read for the app, looked at with the app's own rules before they
//! are handed over: eframe's `window.ron` in the state folder ([`check_settings_file`]) and
//! the time zone file `jiff` reads ([`zone_file_problem`]).

use std::path::{Path, PathBuf};

use crate::content::{FileError, Links, look};

/// The largest `window.ron` handed to eframe: it holds a window's size and a few settings,
/// a few hundred bytes.
const MAX_SETTINGS_BYTES: u64 = 64 * 1024;

/// The largest time zone file handed to `jiff`: the largest of the system's zone files is
/// a few KB.
const MAX_ZONE_FILE_BYTES: u64 = 1024 * 1024;

/// The app's writable folders. Nothing is created until something is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    /// Remembered settings (the laptop window's size and language) and usage figures.
    pub state: PathBuf,
    /// The daily log files.
    pub logs: PathBuf,
}

/// Why the app has no state folder (and so keeps no settings, figures or installed
/// content, and writes no log file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "there is no state folder ({0}): nothing is kept (settings, usage figures, content \
     installed from a stick) and no log file is written"
)]
pub struct NoStateFolder(String);

impl Dirs {
    /// The folders for this process, from its environment.
    ///
    /// # Errors
    /// When no absolute folder can be told: [`NoStateFolder`] says which variable was
    /// missing, empty or relative.
    pub fn from_env() -> Result<Self, NoStateFolder> {
        Self::resolve(&|name| std::env::var_os(name).map(PathBuf::from))
    }

    /// The folders given a way to read environment variables (a seam for tests).
    fn resolve(var: &dyn Fn(&str) -> Option<PathBuf>) -> Result<Self, NoStateFolder> {
        // systemd passes a colon-separated list when a unit names several; ours names one.
        let systemd = |name: &str| {
            var(name)
                .and_then(|list| {
                    list.to_str()
                        .and_then(|s| s.split(':').next())
                        .map(PathBuf::from)
                })
                .filter(|p| p.is_absolute())
        };
        let state = match systemd("STATE_DIRECTORY") {
            Some(state) => state,
            None => platform_state_dir(var)?,
        };
        let logs = systemd("LOGS_DIRECTORY").unwrap_or_else(|| state.clone());
        Ok(Self { state, logs })
    }

    /// The file eframe keeps the laptop window's size and language in.
    pub fn settings_file(&self) -> PathBuf {
        self.state.join("window.ron")
    }

    /// The file the usage figures are kept in ([`crate::stats`]).
    pub fn usage_file(&self) -> PathBuf {
        usage_file_in(&self.state)
    }
}

/// The usage file in the state folder `state`.
pub fn usage_file_in(state: &Path) -> PathBuf {
    state.join(crate::stats::store::FILE_NAME)
}

/// `$XDG_STATE_HOME/office-kiosk` (or `~/.local/state/office-kiosk`) on Linux and the BSDs;
/// the platform's local application data folder elsewhere.
fn platform_state_dir(var: &dyn Fn(&str) -> Option<PathBuf>) -> Result<PathBuf, NoStateFolder> {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return directories::ProjectDirs::from("int", "IOM", "office-kiosk")
            .map(|dirs| dirs.data_local_dir().to_path_buf())
            .ok_or_else(|| NoStateFolder("the platform names no data folder".into()));
    }
    if let Some(state) = var("XDG_STATE_HOME").filter(|p| p.is_absolute()) {
        return Ok(state.join("office-kiosk"));
    }
    // The specification ignores a relative XDG_STATE_HOME; HOME it cannot do without.
    match var("HOME") {
        Some(home) if home.is_absolute() => Ok(home.join(".local/state/office-kiosk")),
        Some(home) if home.as_os_str().is_empty() => Err(NoStateFolder("HOME is empty".into())),
        Some(home) => Err(NoStateFolder(format!(
            "HOME is `{}`, not an absolute path",
            home.display()
        ))),
        None => Err(NoStateFolder("HOME is not set".into())),
    }
}

/// What to do about eframe's `window.ron` at `path` before eframe reads it itself (it
/// would wait on a named pipe for ever, read a link to `/dev/zero` without end, and write
/// through a link). Missing or a small regular file: it is handed over as it is. Anything
/// else is moved aside as `window.ron.refused-<unix seconds>` (a link itself, not what it
/// leads to), with a warning; returns false when that fails too (then eframe is given no
/// file).
pub fn check_settings_file(path: &Path) -> bool {
    let problem = match look(path, MAX_SETTINGS_BYTES, Links::Refuse) {
        Ok(_) | Err(FileError::Missing) => return true,
        Err(problem) => problem,
    };
    let aside = crate::content::aside_name(path, "refused");
    match std::fs::rename(path, &aside) {
        Ok(()) => {
            tracing::warn!(
                "{} was not used ({problem}); moved it to {} and started with a new one",
                path.display(),
                aside.display()
            );
            true
        }
        Err(e) => {
            tracing::warn!(
                "{} is not used ({problem}), and cannot be moved aside ({e}): the window's \
                 size and language are not kept",
                path.display()
            );
            false
        }
    }
}

/// The `TZ` the program starts again with when `/etc/localtime` cannot be read: UTC as a
/// POSIX rule, which names no file.
pub const UTC_ZONE: &str = "UTC0";

/// What is wrong with the time zone file `jiff` would read, if anything: the file `TZ`
/// names (a path, with or without a leading `:`), or `/etc/localtime` when `TZ` is not
/// set. It must be missing (then `jiff` uses UTC) or a regular file of at most 1 MB:
/// `TZ=/dev/zero` would make `jiff` read for ever. Returns the variable's value to leave
/// out, or `None` for `/etc/localtime`, with the problem.
pub fn zone_file_problem() -> Option<(Option<String>, String)> {
    match std::env::var_os("TZ") {
        Some(tz) => {
            let text = tz.to_string_lossy().into_owned();
            let path = text.strip_prefix(':').unwrap_or(&text);
            // A zone's name (`America/Belize`) is looked up in the system's database; only
            // a name that is also a path to something else is read as a file.
            if path.is_empty() || text == UTC_ZONE || !Path::new(path).exists() {
                return None;
            }
            zone_file_refused(Path::new(path)).map(|problem| (Some(text), problem))
        }
        None => zone_file_refused(Path::new("/etc/localtime")).map(|problem| (None, problem)),
    }
}

fn zone_file_refused(path: &Path) -> Option<String> {
    match look(path, MAX_ZONE_FILE_BYTES, Links::Follow) {
        Ok(_) | Err(FileError::Missing) => None,
        Err(problem) => Some(format!("{}: {problem}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dirs(vars: &[(&str, &str)]) -> Result<Dirs, NoStateFolder> {
        Dirs::resolve(&|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| PathBuf::from(v))
        })
    }

    #[test]
    fn systemd_folders_win() {
        let d = dirs(&[
            ("STATE_DIRECTORY", "/var/lib/office-kiosk"),
            ("LOGS_DIRECTORY", "/var/log/office-kiosk"),
            ("HOME", "/home/kiosk"),
        ])
        .expect("folders");
        assert_eq!(d.state, Path::new("/var/lib/office-kiosk"));
        assert_eq!(d.logs, Path::new("/var/log/office-kiosk"));
        assert_eq!(
            d.settings_file(),
            Path::new("/var/lib/office-kiosk/window.ron")
        );
        assert_eq!(d.usage_file(), Path::new("/var/lib/office-kiosk/usage.ron"));
    }

    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    #[test]
    fn xdg_state_home_then_home() {
        let d = dirs(&[("XDG_STATE_HOME", "/x/state"), ("HOME", "/home/a")]).expect("folders");
        assert_eq!(d.state, Path::new("/x/state/office-kiosk"));
        assert_eq!(d.logs, d.state, "logs go with the state outside systemd");
        let d = dirs(&[("XDG_STATE_HOME", "relative"), ("HOME", "/home/a")]).expect("folders");
        assert_eq!(d.state, Path::new("/home/a/.local/state/office-kiosk"));
        let d = dirs(&[("STATE_DIRECTORY", "/s:/t"), ("HOME", "/home/a")]).expect("folders");
        assert_eq!(d.state, Path::new("/s"), "the first of systemd's list");
    }

    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    #[test]
    fn an_empty_or_relative_home_is_no_state_folder() {
        let none = dirs(&[]).expect_err("no HOME");
        assert!(none.to_string().contains("HOME is not set"), "{none}");
        let empty = dirs(&[("HOME", "")]).expect_err("empty");
        assert!(empty.to_string().contains("HOME is empty"), "{empty}");
        let relative = dirs(&[("HOME", "home/a"), ("XDG_STATE_HOME", "")]).expect_err("relative");
        assert!(
            relative
                .to_string()
                .contains("`home/a`, not an absolute path"),
            "{relative}"
        );
        assert!(
            relative.to_string().contains("nothing is kept"),
            "{relative}"
        );
        // A relative systemd folder is not taken either.
        assert!(dirs(&[("STATE_DIRECTORY", "state"), ("HOME", "")]).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_window_file_that_is_not_a_small_file_is_moved_aside() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("window.ron");
        assert!(check_settings_file(&path), "missing is fine");
        std::fs::write(&path, "{}").expect("write");
        assert!(check_settings_file(&path), "a small file is fine");
        std::fs::remove_file(&path).expect("remove");
        // A link to /dev/zero (read for ever), then a named pipe (waited on for ever).
        std::os::unix::fs::symlink("/dev/zero", &path).expect("link");
        assert!(check_settings_file(&path));
        assert!(!path.exists() && std::fs::symlink_metadata(&path).is_err());
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        assert!(check_settings_file(&path));
        assert!(std::fs::symlink_metadata(&path).is_err());
        let aside: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!aside.is_empty());
        assert!(
            aside.iter().all(|n| n.starts_with("window.ron.refused-")),
            "{aside:?}"
        );
        // /dev/zero itself is untouched.
        assert!(Path::new("/dev/zero").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_zone_file_that_is_not_a_small_file_is_refused() {
        assert_eq!(
            zone_file_refused(Path::new("/dev/zero")).map(|p| p.contains("a device")),
            Some(true)
        );
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(zone_file_refused(&dir.path().join("none")), None);
        assert!(zone_file_refused(dir.path()).is_some_and(|p| p.contains("a folder")));
        let zone = dir.path().join("zone");
        std::fs::write(&zone, b"TZif").expect("write");
        assert_eq!(zone_file_refused(&zone), None);
    }
}
