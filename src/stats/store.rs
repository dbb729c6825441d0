//! The usage file on disk: `usage.ron` in the app's state folder, read by [`load`], replaced
//! whole by [`save`] so that a power cut or `kill -9` leaves either the old file or the new
//! one, never a mix; and the [`Writer`] a running kiosk hands its new figures to.
//!
//! [`save`] writes a temporary file beside the real one, flushes it to the disk, renames it
//! over the real one and flushes the folder, so the rename itself survives a power cut.
//! [`open`] starts from the file as it is, or moves a damaged one aside
//! (`usage.ron.corrupt-<unix seconds>`, kept for a person to look at) with a warning in
//! the log and starts afresh.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread::JoinHandle;

use super::{KEEP_DAYS, StatsError, Usage, file};
use crate::content::{FileError, read_regular};

/// The usage file's name in the state folder.
pub const FILE_NAME: &str = "usage.ron";

/// The largest usage file read: far above the [`KEEP_DAYS`] days of hours it holds.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads the usage file at `path`; no file yet reads as no figures.
///
/// # Errors
/// When the file cannot be read ([`StatsError::Unreadable`]) or is not a usage file
/// ([`StatsError::Corrupt`]).
pub fn load(path: &Path) -> Result<Usage, StatsError> {
    let name = path.display().to_string();
    let bytes = match read_regular(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(FileError::Missing) => return Ok(Usage::new()),
        Err(reason) => return Err(StatsError::Unreadable { path: name, reason }),
    };
    let text = String::from_utf8(bytes).map_err(|_| StatsError::Corrupt {
        path: name.clone(),
        reason: "it is not text".to_owned(),
    })?;
    file::parse(&text).map_err(|reason| StatsError::Corrupt { path: name, reason })
}

/// The figures in the usage file at `path`, to count on from: a damaged file is moved
/// aside with a warning and the count starts afresh.
///
/// # Errors
/// When the file cannot be read (then it must not be written over either), or a damaged
/// file cannot be moved aside.
pub fn open(path: &Path) -> Result<Usage, StatsError> {
    match load(path) {
        Err(StatsError::Corrupt { reason, .. }) => {
            let aside = corrupt_name(path);
            std::fs::rename(path, &aside).map_err(|e| StatsError::Unreadable {
                path: path.display().to_string(),
                reason: FileError::Io(e),
            })?;
            tracing::warn!(
                "the usage file {} was damaged ({reason}); moved it to {} and started afresh",
                path.display(),
                aside.display()
            );
            Ok(Usage::new())
        }
        loaded => loaded,
    }
}

/// Where a damaged file at `path` is moved: beside it, named after the time.
fn corrupt_name(path: &Path) -> PathBuf {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".corrupt-{secs}"));
    path.with_file_name(name)
}

/// Replaces the usage file at `path` with `usage`, atomically, creating its folder if need
/// be.
///
/// # Errors
/// When the folder or the file cannot be written.
pub fn save(path: &Path, usage: &Usage) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut temp_name = path.file_name().unwrap_or_default().to_os_string();
    temp_name.push(".tmp");
    let temp = path.with_file_name(temp_name);
    let mut out = std::fs::File::create(&temp)?;
    out.write_all(file::to_ron(usage).as_bytes())?;
    out.sync_all()?;
    drop(out);
    std::fs::rename(&temp, path)?;
    // The rename lives in the folder: flush it too (not possible, nor needed, on Windows).
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// Writes a running kiosk's figures off the UI thread: [`Writer::add`] hands over the
/// figures counted since the last call; the writer adds them to the file's and saves.
/// Dropping it waits for the last save.
#[derive(Debug)]
pub struct Writer {
    sender: Option<mpsc::Sender<Usage>>,
    thread: Option<JoinHandle<()>>,
}

impl Writer {
    /// A writer for the usage file at `path`. The file is read (or a damaged one moved
    /// aside) on the writer's thread, before the first figures are added.
    ///
    /// # Errors
    /// When the thread cannot be started.
    pub fn spawn(path: PathBuf) -> std::io::Result<Self> {
        let (sender, receiver) = mpsc::channel::<Usage>();
        let thread = std::thread::Builder::new()
            .name("usage-writer".to_owned())
            .spawn(move || write_loop(&path, &receiver))?;
        Ok(Self {
            sender: Some(sender),
            thread: Some(thread),
        })
    }

    /// Adds `figures` to the file.
    pub fn add(&self, figures: Usage) {
        if let Some(sender) = &self.sender {
            // A send fails only once the thread is gone, which it logged.
            let _ = sender.send(figures);
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        drop(self.sender.take());
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            tracing::warn!("the usage writer stopped unexpectedly");
        }
    }
}

/// The writer's thread: the file's figures, plus each batch received, saved after each.
fn write_loop(path: &Path, receiver: &mpsc::Receiver<Usage>) {
    let mut usage = match open(path) {
        Ok(usage) => usage,
        Err(e) => {
            tracing::warn!("{e}; usage figures are not counted");
            return;
        }
    };
    let mut failing = false;
    while let Ok(mut batch) = receiver.recv() {
        // Batches that queued up meanwhile go in the same save.
        while let Ok(more) = receiver.try_recv() {
            batch.merge(&more);
        }
        usage.merge(&batch);
        usage.prune(KEEP_DAYS);
        match save(path, &usage) {
            Ok(()) if failing => {
                failing = false;
                tracing::info!("the usage file {} is written again", path.display());
            }
            // Logged once until it works again: the next save tries again.
            Err(e) if !failing => {
                failing = true;
                tracing::warn!("cannot write the usage file {}: {e}", path.display());
            }
            Ok(()) | Err(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::stats::HourKey;

    fn ten() -> HourKey {
        HourKey {
            date: date(2026, 11, 29),
            hour: 10,
        }
    }

    #[test]
    fn saves_and_loads_leaving_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state").join(FILE_NAME);
        assert_eq!(load(&path).expect("no file yet"), Usage::new());
        let mut usage = Usage::new();
        usage.page_view(ten(), "home");
        save(&path, &usage).expect("saved");
        save(&path, &usage).expect("saved again");
        assert_eq!(load(&path).expect("loads"), usage);
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("a folder"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, [FILE_NAME]);
    }

    #[test]
    fn a_damaged_file_is_moved_aside_and_counting_starts_afresh() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "(version: 1, hours: [(date: \"2026-1").expect("write");
        let error = load(&path).expect_err("damaged");
        assert!(matches!(error, StatsError::Corrupt { .. }), "{error}");
        assert!(
            error.to_string().contains("usage.ron is damaged"),
            "{error}"
        );
        assert_eq!(open(&path).expect("opens afresh"), Usage::new());
        assert!(!path.exists());
        let aside: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(aside.len(), 1);
        assert!(aside[0].starts_with("usage.ron.corrupt-"), "{aside:?}");
    }

    #[test]
    fn the_writer_adds_to_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE_NAME);
        let mut before = Usage::new();
        before.page_view(ten(), "home");
        save(&path, &before).expect("saved");
        let writer = Writer::spawn(path.clone()).expect("writer");
        for _ in 0..3 {
            let mut batch = Usage::new();
            batch.page_view(ten(), "home");
            writer.add(batch);
        }
        drop(writer);
        assert_eq!(
            load(&path).expect("loads").total(None).page_views["home"],
            4
        );
    }

    #[test]
    fn a_folder_in_place_of_the_file_is_unreadable_not_damaged() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = open(dir.path()).expect_err("a folder");
        assert!(matches!(error, StatsError::Unreadable { .. }), "{error}");
    }
}
