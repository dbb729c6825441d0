//! The screen hours set on the admin screen, kept across restarts in a small file in the
//! state folder, written whole or not at all (a temporary file, flushed, then renamed).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::kiosk::hours::ScreenHours;

/// The file's name in the state folder.
pub const HOURS_FILE: &str = "screen-hours";

/// What the file says when the screen is always on.
const ALWAYS: &str = "always";

/// The screen hours saved in the state folder `state`: `None` when nothing was saved,
/// `Some(None)` when staff chose "always on". A file that cannot be read is logged and
/// ignored.
pub fn load_hours(state: &Path) -> Option<Option<ScreenHours>> {
    let path = state.join(HOURS_FILE);
    let text = match crate::content::read_regular(&path, 64) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).trim().to_owned(),
        Err(crate::content::FileError::Missing) => return None,
        Err(e) => {
            tracing::warn!("ignoring {}: {e}", path.display());
            return None;
        }
    };
    if text == ALWAYS {
        return Some(None);
    }
    match ScreenHours::parse(&text) {
        Ok(hours) => Some(Some(hours)),
        Err(e) => {
            tracing::warn!("ignoring {}: {e}", path.display());
            None
        }
    }
}

/// Saves `hours` in the state folder `state`.
///
/// # Errors
/// When the folder or the file cannot be written.
pub fn save_hours(state: &Path, hours: Option<ScreenHours>) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(state)?;
    let path = state.join(HOURS_FILE);
    let mut file = tempfile::NamedTempFile::new_in(state)?;
    let text = hours.map_or_else(|| ALWAYS.to_owned(), |h| h.to_string());
    writeln!(file, "{text}")?;
    file.as_file().sync_all()?;
    file.persist(&path).map_err(|e| e.error)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_hours_come_back() {
        let tmp = tempfile::tempdir().expect("tmp");
        assert_eq!(load_hours(tmp.path()), None);
        let hours = ScreenHours::parse("07:30-18:00").expect("hours");
        save_hours(tmp.path(), Some(hours)).expect("saved");
        assert_eq!(load_hours(tmp.path()), Some(Some(hours)));
        save_hours(tmp.path(), None).expect("saved");
        assert_eq!(load_hours(tmp.path()), Some(None));
        std::fs::write(tmp.path().join(HOURS_FILE), "nonsense").expect("write");
        assert_eq!(load_hours(tmp.path()), None);
        // Only the file itself is left: no temporary files.
        assert_eq!(std::fs::read_dir(tmp.path()).expect("list").count(), 1);
    }
}
