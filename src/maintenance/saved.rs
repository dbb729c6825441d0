//! The screen hours set on the admin screen, kept across restarts in a small file in the
//! state folder, written whole or not at all (a new temporary file, flushed, then renamed;
//! never through a link), and read only if it is a small regular file, not a link.

use std::path::{Path, PathBuf};

use crate::kiosk::hours::ScreenHours;

/// The file's name in the state folder.
pub const HOURS_FILE: &str = "screen-hours";

/// What the file says when the screen is always on.
const ALWAYS: &str = "always";

/// The largest screen-hours file read, in bytes: it holds one short line.
const MAX_FILE_BYTES: u64 = 64;

/// The screen hours saved in the state folder `state`: `None` when nothing was saved,
/// `Some(None)` when staff chose "always on". A file that cannot be read is logged and
/// ignored.
pub fn load_hours(state: &Path) -> Option<Option<ScreenHours>> {
    let path = state.join(HOURS_FILE);
    let bytes = match crate::content::read_own(&path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(crate::content::FileError::Missing) => return None,
        Err(e) => {
            tracing::warn!("ignoring {}: {e}", path.display());
            return None;
        }
    };
    match parse_hours(&bytes) {
        Ok(hours) => Some(hours),
        Err(e) => {
            tracing::warn!("ignoring {}: {e}", path.display());
            None
        }
    }
}

/// Reads the text of a screen-hours file: `always`, or hours like `08:00-17:00`.
///
/// # Errors
/// When it is neither, in words.
pub fn parse_hours(bytes: &[u8]) -> Result<Option<ScreenHours>, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "it is not text".to_owned())?
        .trim();
    if text == ALWAYS {
        return Ok(None);
    }
    ScreenHours::parse(text)
        .map(Some)
        .map_err(|e| e.to_string())
}

/// The text of a screen-hours file holding `hours`.
pub fn hours_text(hours: Option<ScreenHours>) -> String {
    format!(
        "{}\n",
        hours.map_or_else(|| ALWAYS.to_owned(), |h| h.to_string())
    )
}

/// Saves `hours` in the state folder `state`.
///
/// # Errors
/// When the folder or the file cannot be written.
pub fn save_hours(state: &Path, hours: Option<ScreenHours>) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(state)?;
    let path = state.join(HOURS_FILE);
    // What a save cut short by a kill left.
    crate::content::remove_leftovers(&path);
    crate::content::replace_whole(&path, hours_text(hours).as_bytes())?;
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
        // A save cut short by a kill left its temporary file: the next save clears it.
        std::fs::write(tmp.path().join(".screen-hours.k1ll3d.tmp"), "07:").expect("write");
        save_hours(tmp.path(), None).expect("saved");
        // Only the file itself is left: no temporary files.
        assert_eq!(std::fs::read_dir(tmp.path()).expect("list").count(), 1);
    }

    #[test]
    fn the_file_reads_back_as_written() {
        for hours in [
            None,
            Some(ScreenHours::parse("22:00-06:00").expect("hours")),
        ] {
            assert_eq!(parse_hours(hours_text(hours).as_bytes()), Ok(hours));
        }
        assert!(parse_hours(b"\xff").is_err());
        assert!(parse_hours(b"25:00-26:00").is_err());
        // Found by the fuzz target: an hour past u16's reach overflowed (a panic in a build
        // with overflow checks) before it was refused.
        assert!(parse_hours(b"06817:0-=y").is_err());
        assert!(parse_hours(b"65535:59-08:00").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_its_place_is_neither_read_nor_written_through() {
        let tmp = tempfile::tempdir().expect("tmp");
        let target = tmp.path().join("elsewhere");
        std::fs::write(&target, "07:00-19:00\n").expect("write");
        std::os::unix::fs::symlink(&target, tmp.path().join(HOURS_FILE)).expect("link");
        assert_eq!(load_hours(tmp.path()), None);
        assert!(save_hours(tmp.path(), None).is_err());
        assert_eq!(
            std::fs::read_to_string(&target).expect("read"),
            "07:00-19:00\n"
        );
    }
}
