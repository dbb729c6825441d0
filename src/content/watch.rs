//! Hot reload: watches a content file's folder and reloads the content off the UI thread
//! when anything in it changes.
//!
//! The whole folder is watched, so images count too, and editors that save by writing a
//! new file and renaming it over the old one, or in two steps, are seen. Changes are
//! gathered until the folder has been quiet for [`QUIET_MS`], then loaded once.
//!
//! The folder's parent is watched too, so a folder replaced whole (deleted and copied
//! again, or renamed away and a new one put in its place, as sync tools and some editors
//! do) is watched again as soon as it is back, and loaded. When it cannot be watched any
//! more, the watcher says so ([`Reload::NotWatching`]) instead of going quiet.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, Weak, mpsc};
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher as _};

use super::load::{Loaded, load_with};
use super::problem::LoadError;

/// How long the folder must be quiet before reloading, in milliseconds.
pub const QUIET_MS: u64 = 300;

/// The outcome of a reload.
#[derive(Debug)]
pub enum Reload {
    /// The new content, ready to show.
    Loaded(Box<Loaded>),
    /// The change does not validate; keep showing the last good content.
    Failed(LoadError),
    /// The folder cannot be watched any more (why, in words): changes are not seen until
    /// the kiosk starts again.
    NotWatching(String),
}

/// What the file watcher saw.
enum Seen {
    /// Something changed in the folder.
    Change,
    /// The folder itself was made, deleted, renamed or replaced, or events were lost:
    /// watch it anew.
    Folder,
}

/// Why a folder cannot be watched, in an office user's words.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct WatchError(&'static str);

impl From<notify::Error> for WatchError {
    fn from(error: notify::Error) -> Self {
        Self(super::io_words::watch_words(&error))
    }
}

/// Watches a content file; dropping it stops watching.
pub struct ContentWatcher {
    _watcher: Arc<Mutex<notify::RecommendedWatcher>>,
    results: mpsc::Receiver<Reload>,
}

impl ContentWatcher {
    /// Starts watching the folder of the content file at `path` (and the folder's parent,
    /// for the folder being replaced); `on_result` is called from the loading thread after
    /// each reload (to wake the UI).
    ///
    /// # Errors
    /// When the folder cannot be watched.
    pub fn start(path: &Path, on_result: impl Fn() + Send + 'static) -> Result<Self, WatchError> {
        let file = path.to_path_buf();
        let folder = match path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
            _ => PathBuf::from("."),
        };
        // The folder's own path, as the parent's events name it.
        let absolute = std::path::absolute(&folder).unwrap_or_else(|_| folder.clone());
        let parent = absolute.parent().map(Path::to_path_buf);
        let (changes_tx, changes) = mpsc::channel::<Seen>();
        let named = absolute.clone();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let seen = match event {
                    // Reading the files (as the loader does) is not a change.
                    Ok(event) if matches!(event.kind, EventKind::Access(_)) => return,
                    Ok(event) if event.paths.iter().any(|p| is_folder(p, &named)) => Seen::Folder,
                    // Anything else in the parent is not the kiosk's.
                    Ok(event) if event.paths.iter().all(|p| !p.starts_with(&named)) => return,
                    Ok(_) => Seen::Change,
                    Err(_) => Seen::Folder,
                };
                let _ = changes_tx.send(seen);
            })?;
        // Watched by its full path, so that events name it as `named` does.
        let folder = absolute;
        watcher.watch(&folder, RecursiveMode::Recursive)?;
        if let Some(parent) = &parent {
            watcher.watch(parent, RecursiveMode::NonRecursive)?;
        }
        let watcher = Arc::new(Mutex::new(watcher));
        let rearm = Arc::downgrade(&watcher);
        let (results_tx, results) = mpsc::channel();
        std::thread::Builder::new()
            .name("content-reload".into())
            .spawn(move || {
                // Ends when the watcher, and with it the sender of changes, is dropped.
                while let Ok(first) = changes.recv() {
                    let mut folder_changed = matches!(first, Seen::Folder);
                    while let Ok(seen) = changes.recv_timeout(Duration::from_millis(QUIET_MS)) {
                        folder_changed |= matches!(seen, Seen::Folder);
                    }
                    if folder_changed && let Err(reason) = watch_again(&rearm, &folder) {
                        let _ = results_tx.send(Reload::NotWatching(reason));
                        on_result();
                        continue;
                    }
                    let reload = match load_with(&file, false) {
                        Ok(loaded) => Reload::Loaded(Box::new(loaded)),
                        Err(e) => Reload::Failed(e),
                    };
                    if results_tx.send(reload).is_err() {
                        return;
                    }
                    on_result();
                }
            })
            .map_err(|_| WatchError("the system cannot start the thread that reloads it"))?;
        Ok(Self {
            _watcher: watcher,
            results,
        })
    }

    /// The reloads finished since the last call, oldest first.
    pub fn finished(&self) -> impl Iterator<Item = Reload> + '_ {
        self.results.try_iter()
    }
}

/// Whether `path` (from an event) is the watched folder itself.
fn is_folder(path: &Path, folder: &Path) -> bool {
    path == folder
}

/// Watches `folder` anew after it was replaced: a folder that is missing (still being
/// copied back) is fine, since its parent's events bring it back; one that is there but
/// cannot be watched is said in words.
fn watch_again(
    watcher: &Weak<Mutex<notify::RecommendedWatcher>>,
    folder: &Path,
) -> Result<(), String> {
    let Some(watcher) = watcher.upgrade() else {
        return Ok(());
    };
    let mut watcher = watcher.lock().unwrap_or_else(PoisonError::into_inner);
    // The old folder's watch may be gone already with the folder.
    let _gone = watcher.unwatch(folder);
    if !folder.exists() {
        return Ok(());
    }
    watcher
        .watch(folder, RecursiveMode::Recursive)
        .map_err(|e| {
            format!(
                "the content folder {} cannot be watched: {}",
                folder.display(),
                super::io_words::watch_words(&e)
            )
        })
}

/// How the last content reload went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReloadStatus {
    /// Built-in content: nothing to watch.
    BuiltIn,
    /// Watching the file; no change seen since start.
    Unchanged,
    /// The content was reloaded.
    Reloaded {
        /// Warnings found.
        warnings: usize,
    },
    /// The last change did not validate; the content before it is still shown.
    Rejected {
        /// How many of the problems are errors.
        errors: usize,
        /// Every problem, as `file:line:column: message`.
        problems: Vec<String>,
    },
    /// The content file cannot be watched.
    NotWatching(String),
    /// Staff installed content from a USB stick (or brought back the previous content).
    Installed {
        /// Warnings found.
        warnings: usize,
    },
}

impl ReloadStatus {
    /// The problems of the last change that was not loaded, as `file:line:column: message`.
    pub fn problems(&self) -> &[String] {
        match self {
            Self::Rejected { problems, .. } => problems,
            _ => &[],
        }
    }
}
