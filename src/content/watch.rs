//! Hot reload: watches a content file's folder and reloads the content off the UI thread
//! when anything in it changes.
//!
//! The whole folder is watched, so images count too, and editors that save by writing a
//! new file and renaming it over the old one, or in two steps, are seen. Changes are
//! gathered until the folder has been quiet for [`QUIET_MS`], then loaded once.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher as _};

use super::problem::LoadError;
use super::load::{Loaded, load_with};

/// How long the folder must be quiet before reloading, in milliseconds.
pub const QUIET_MS: u64 = 300;

/// The outcome of a reload.
#[derive(Debug)]
pub enum Reload {
    /// The new content, ready to show.
    Loaded(Box<Loaded>),
    /// The change does not validate; keep showing the last good content.
    Failed(LoadError),
}

/// Watches a content file; dropping it stops watching.
pub struct ContentWatcher {
    _watcher: notify::RecommendedWatcher,
    results: mpsc::Receiver<Reload>,
}

impl ContentWatcher {
    /// Starts watching the folder of the content file at `path`; `on_result` is called from
    /// the loading thread after each reload (to wake the UI).
    ///
    /// # Errors
    /// When the folder cannot be watched.
    pub fn start(
        path: &Path,
        on_result: impl Fn() + Send + 'static,
    ) -> Result<Self, notify::Error> {
        let file = path.to_path_buf();
        let folder = match path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (changes_tx, changes) = mpsc::channel::<()>();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                match event {
                    // Reading the files (as the loader does) is not a change.
                    Ok(event) if matches!(event.kind, EventKind::Access(_)) => {}
                    Ok(_) => {
                        let _ = changes_tx.send(());
                    }
                    Err(e) => tracing::warn!("watching content: {e}"),
                }
            })?;
        watcher.watch(&folder, RecursiveMode::Recursive)?;
        let (results_tx, results) = mpsc::channel();
        std::thread::Builder::new()
            .name("content-reload".into())
            .spawn(move || {
                // Ends when the watcher, and with it the sender of changes, is dropped.
                while changes.recv().is_ok() {
                    while changes
                        .recv_timeout(Duration::from_millis(QUIET_MS))
                        .is_ok()
                    {}
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
            .map_err(|e| notify::Error::generic(&e.to_string()))?;
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
