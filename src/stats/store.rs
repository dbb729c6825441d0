//! The usage file on disk: `usage.ron` in the app's state folder, read by [`load`], replaced
//! whole by [`save`] so that a power cut or `kill -9` leaves either the old file or the new
//! one, never a mix; and the [`Writer`] a running kiosk hands its new figures to.
//!
//! [`save`] writes a new temporary file beside the real one (never through a link), flushes
//! it to the disk, renames it over the real one and flushes the folder, so the rename itself
//! survives a power cut. A link, a device or a folder in the file's place is not read and
//! not written over. Several windows may share one state folder: the writer adds its new
//! figures to the file as it is on the disk, under a lock (`usage.ron.lock`), so that none
//! overwrites another's counts. A damaged file is moved aside (`usage.ron.corrupt-<unix
//! seconds>`, kept for a person to look at) with a warning in the log, and the count
//! starts afresh.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::{KEEP_DAYS, StatsError, Usage, file};
use crate::clock::WallClock;
use crate::content::{FileError, read_own, remove_leftovers, replace_whole};

/// The usage file's name in the state folder.
pub const FILE_NAME: &str = "usage.ron";

/// The largest usage file read: far above the [`KEEP_DAYS`] days of hours it holds.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The longest a save waits for another window's save to finish.
const LOCK_WAIT: Duration = Duration::from_secs(5);

/// How often a held lock is tried again while waiting.
const LOCK_RETRY: Duration = Duration::from_millis(20);

/// Reads the usage file at `path`; no file yet reads as no figures. A link is not followed.
///
/// # Errors
/// When the file cannot be read ([`StatsError::Unreadable`]) or is not a usage file
/// ([`StatsError::Corrupt`]).
pub fn load(path: &Path) -> Result<Usage, StatsError> {
    let name = path.display().to_string();
    let bytes = match read_own(path, MAX_FILE_BYTES) {
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
    crate::content::aside_name(path, "corrupt")
}

/// Replaces the usage file at `path` with `usage`, atomically, creating its folder if need
/// be.
///
/// # Errors
/// When the folder or the file cannot be written, or something other than a file is at
/// `path`.
pub fn save(path: &Path, usage: &Usage) -> std::io::Result<()> {
    std::fs::create_dir_all(crate::content::folder_of(path))?;
    replace_whole(path, file::to_ron(usage).as_bytes())
}

/// Adds `figures` to the usage file at `path`, as it is on the disk, under the lock, and
/// forgets the oldest days (up to `today`).
///
/// # Errors
/// When the lock is not had within a few seconds, the file cannot be read (it is then not
/// written over), or it cannot be written; the file is then unchanged.
pub fn add(path: &Path, figures: &Usage, today: jiff::civil::Date) -> Result<(), StatsError> {
    let unwritable = |e: std::io::Error| StatsError::Unreadable {
        path: path.display().to_string(),
        reason: FileError::Io(e),
    };
    std::fs::create_dir_all(crate::content::folder_of(path)).map_err(unwritable)?;
    let _lock = Lock::take(path, LOCK_WAIT).map_err(unwritable)?;
    // Only the lock's holder writes: a temporary file now is a killed writer's leftover.
    remove_leftovers(path);
    let mut usage = open(path)?;
    usage.merge(figures);
    usage.prune(KEEP_DAYS, today);
    save(path, &usage).map_err(unwritable)
}

/// The lock on a usage file, held while it is read, added to and written: a lock on the
/// file `NAME.lock` beside it (the usage file itself is replaced by each save, so it
/// cannot carry the lock). Released when dropped.
struct Lock(std::fs::File);

impl Lock {
    /// Takes the lock, waiting at most `wait` for another process to release it.
    fn take(path: &Path, wait: Duration) -> std::io::Result<Self> {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        let lock_path = path.with_file_name(name);
        let mut options = std::fs::OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            // Neither through a link, nor waiting on a named pipe put there.
            options
                .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
                .mode(0o600);
        }
        let file = options.open(&lock_path)?;
        if !file.metadata()?.is_file() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("{} is not a file", lock_path.display()),
            ));
        }
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self(file)),
                Err(std::fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(LOCK_RETRY);
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::WouldBlock,
                        format!(
                            "another process holds {} for more than {} s",
                            lock_path.display(),
                            wait.as_secs()
                        ),
                    ));
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(e),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Closing the file releases the lock too; this only makes it sooner.
        let _ = self.0.unlock();
    }
}

/// Figures counted but not yet handed to the writer, shared by the app's counter and the
/// leave that runs when no frame comes ([`LastWords`]).
#[derive(Debug, Clone, Default)]
pub struct Pending(Arc<Mutex<Usage>>);

impl Pending {
    /// Counts into the figures.
    pub fn count(&self, count: impl FnOnce(&mut Usage)) {
        count(&mut self.0.lock().unwrap_or_else(PoisonError::into_inner));
    }

    /// Whether nothing is waiting.
    pub fn is_empty(&self) -> bool {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_empty()
    }

    /// Takes the figures out, leaving none.
    pub fn take(&self) -> Usage {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}

/// What the writer's thread is told.
enum Message {
    /// New figures to add to the file.
    Add(Usage),
    /// Say when everything received so far is written (true), or could not be (false).
    Flush(mpsc::Sender<bool>),
    /// The app ends: write what is left, then stop.
    Stop,
}

/// Writes a running kiosk's figures off the UI thread: [`Writer::add`] hands over the
/// figures counted since the last call; the writer adds them to the file and saves.
/// Dropping it waits for the last save.
#[derive(Debug)]
pub struct Writer {
    sender: mpsc::Sender<Message>,
    thread: Option<JoinHandle<()>>,
    pending: Pending,
}

impl Writer {
    /// A writer for the usage file at `path`, which forgets days older than the kept span
    /// before today on `clock`. The file is read (or a damaged one moved aside) at each
    /// save, so that figures another window added meanwhile are kept.
    ///
    /// # Errors
    /// When the thread cannot be started.
    pub fn spawn(path: PathBuf, clock: WallClock) -> std::io::Result<Self> {
        let (sender, receiver) = mpsc::channel::<Message>();
        let thread = std::thread::Builder::new()
            .name("usage-writer".to_owned())
            .spawn(move || write_loop(&path, &clock, &receiver))?;
        Ok(Self {
            sender,
            thread: Some(thread),
            pending: Pending::default(),
        })
    }

    /// The figures counted but not yet handed over, to count into.
    pub fn pending(&self) -> &Pending {
        &self.pending
    }

    /// Hands the pending figures over to be written.
    pub fn hand_over(&self) {
        self.add(self.pending.take());
    }

    /// Adds `figures` to the file.
    pub fn add(&self, figures: Usage) {
        if figures.is_empty() {
            return;
        }
        // A send fails only once the thread is gone, which it logged.
        let _ = self.sender.send(Message::Add(figures));
    }

    /// What another thread needs to write the pending figures when the app cannot.
    pub fn last_words(&self) -> LastWords {
        LastWords {
            sender: self.sender.clone(),
            pending: self.pending.clone(),
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.hand_over();
        let _ = self.sender.send(Message::Stop);
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            tracing::warn!("the usage writer stopped unexpectedly");
        }
    }
}

/// Writes the pending figures from another thread: for the leave that must happen when
/// the app draws no frame ([`Writer::last_words`]).
#[derive(Debug, Clone)]
pub struct LastWords {
    sender: mpsc::Sender<Message>,
    pending: Pending,
}

impl LastWords {
    /// Hands the pending figures to the writer and waits, at most `within`, until they are
    /// written; true when they are, or when nothing was pending and the writer had already
    /// stopped (the app's own leave wrote them).
    pub fn write_now(&self, within: Duration) -> bool {
        let figures = self.pending.take();
        let had_figures = !figures.is_empty();
        let (done, written) = mpsc::channel();
        let sent = (!had_figures || self.sender.send(Message::Add(figures)).is_ok())
            && self.sender.send(Message::Flush(done)).is_ok();
        if !sent {
            return !had_figures;
        }
        match written.recv_timeout(within) {
            Ok(all_written) => all_written,
            // Dropped unanswered: the writer stopped after the app's own last save.
            Err(mpsc::RecvTimeoutError::Disconnected) => !had_figures,
            Err(mpsc::RecvTimeoutError::Timeout) => false,
        }
    }
}

/// The writer's thread: each batch received is added to the file; figures that could not
/// be written wait for the next save.
fn write_loop(path: &Path, clock: &WallClock, receiver: &mpsc::Receiver<Message>) {
    let mut unwritten = Usage::new();
    let mut failing = false;
    let mut save = |unwritten: &mut Usage| {
        if unwritten.is_empty() {
            return;
        }
        match add(path, unwritten, clock.now().date()) {
            Ok(()) => {
                *unwritten = Usage::new();
                if failing {
                    failing = false;
                    tracing::info!("the usage file {} is written again", path.display());
                }
            }
            // Logged once until it works again: the next save tries again.
            Err(e) if !failing => {
                failing = true;
                tracing::warn!("usage figures not written yet: {e}");
            }
            Err(_) => {}
        }
    };
    while let Ok(message) = receiver.recv() {
        let mut stop = false;
        let mut answer = Vec::new();
        // Messages that queued up meanwhile go in the same save.
        for message in std::iter::once(message).chain(receiver.try_iter()) {
            match message {
                Message::Add(batch) => unwritten.merge(&batch),
                Message::Flush(done) => answer.push(done),
                Message::Stop => stop = true,
            }
        }
        save(&mut unwritten);
        for done in answer {
            let _ = done.send(unwritten.is_empty());
        }
        if stop {
            if !unwritten.is_empty() {
                tracing::warn!(
                    "the app ends with usage figures of {} hours not written to {}",
                    unwritten.hours().count(),
                    path.display()
                );
            }
            break;
        }
    }
}

#[cfg(test)]
mod tests;
