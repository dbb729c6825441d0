//! The folders the app writes to, decided in one place: under systemd the ones the unit
//! gives (`STATE_DIRECTORY`, `LOGS_DIRECTORY`), otherwise the platform's conventions
//! (`$XDG_STATE_HOME/office-kiosk` on Linux, the local app-data folder elsewhere).

use std::path::{Path, PathBuf};

/// The app's writable folders. Nothing is created until something is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    /// Remembered settings (the laptop window's size and language) and usage figures.
    pub state: PathBuf,
    /// The daily log files.
    pub logs: PathBuf,
}

impl Dirs {
    /// The folders for this process, from its environment.
    pub fn from_env() -> Option<Self> {
        Self::resolve(&|name| std::env::var_os(name).map(PathBuf::from))
    }

    /// The folders given a way to read environment variables (a seam for tests).
    fn resolve(var: &dyn Fn(&str) -> Option<PathBuf>) -> Option<Self> {
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
        let state = systemd("STATE_DIRECTORY").or_else(|| platform_state_dir(var))?;
        let logs = systemd("LOGS_DIRECTORY").unwrap_or_else(|| state.clone());
        Some(Self { state, logs })
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
fn platform_state_dir(var: &dyn Fn(&str) -> Option<PathBuf>) -> Option<PathBuf> {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return directories::ProjectDirs::from("int", "IOM", "office-kiosk")
            .map(|dirs| dirs.data_local_dir().to_path_buf());
    }
    let state = var("XDG_STATE_HOME")
        .filter(|p| p.is_absolute())
        .or_else(|| var("HOME").map(|home| Path::new(&home).join(".local/state")))?;
    Some(state.join("office-kiosk"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dirs(vars: &[(&str, &str)]) -> Option<Dirs> {
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
        assert_eq!(dirs(&[]), None);
    }
}
