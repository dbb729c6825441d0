//! The content on screen and how it stays current: the content, its image loader, the
//! watcher that reloads a changed file, and the state of the last reload in words for staff.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui;

use crate::clock::WallClock;
use crate::content::watch::{ContentWatcher, Reload, ReloadStatus};
use crate::content::{Content, LoadError, Severity};
use crate::widgets::picture::ContentImages;

/// The content shown, its images, and the watcher that keeps it current.
pub(crate) struct LiveContent {
    content: Arc<Content>,
    images: Arc<ContentImages>,
    watcher: Option<ContentWatcher>,
    status: ReloadStatus,
    /// The content file shown; `None` for the embedded content.
    file: Option<PathBuf>,
    /// When the content shown was loaded, local time.
    loaded_at: jiff::civil::DateTime,
    clock: WallClock,
}

impl LiveContent {
    /// Shows `content`, watching `watch` for changes when given; registers the image
    /// loader with `ctx`.
    pub fn new(
        ctx: &egui::Context,
        content: Arc<Content>,
        watch: Option<&Path>,
        clock: WallClock,
    ) -> Self {
        let (watcher, status) = watch_file(ctx, watch);
        Self {
            content,
            images: ContentImages::install(ctx),
            watcher,
            status,
            file: watch.map(Path::to_path_buf),
            loaded_at: clock.now(),
            clock,
        }
    }

    /// The content file shown, `None` for the embedded content, and when it was loaded.
    pub fn file(&self) -> (Option<&Path>, jiff::civil::DateTime) {
        (self.file.as_deref(), self.loaded_at)
    }

    /// Loads the content file at `path` (just installed), watches it from now on, and
    /// returns its content for the app to show.
    ///
    /// # Errors
    /// When it does not load; the content shown and its watcher are kept.
    pub fn switch_to(&mut self, ctx: &egui::Context, path: &Path) -> Result<Content, LoadError> {
        let loaded = crate::content::load_with(path, false)?;
        // The folder watched before was renamed away: watch the new one.
        let (watcher, _) = watch_file(ctx, Some(path));
        self.watcher = watcher;
        self.file = Some(path.to_path_buf());
        self.status = ReloadStatus::Installed {
            warnings: loaded.warnings.len(),
        };
        Ok(loaded.content)
    }
}

/// A watcher of the content file `watch`, if given and watchable, and the status to show.
fn watch_file(ctx: &egui::Context, watch: Option<&Path>) -> (Option<ContentWatcher>, ReloadStatus) {
    match watch {
        None => (None, ReloadStatus::BuiltIn),
        Some(path) => {
            let waker = ctx.clone();
            match ContentWatcher::start(path, move || waker.request_repaint()) {
                Ok(watcher) => {
                    tracing::info!("watching {} for changes", path.display());
                    (Some(watcher), ReloadStatus::Unchanged)
                }
                Err(e) => {
                    tracing::warn!("cannot watch {} for changes: {e}", path.display());
                    (None, ReloadStatus::NotWatching(e.to_string()))
                }
            }
        }
    }
}

impl LiveContent {
    /// The content shown.
    pub fn content(&self) -> &Content {
        &self.content
    }

    /// The loader of the content's images.
    pub fn images(&self) -> &ContentImages {
        &self.images
    }

    /// How the last reload went.
    pub fn status(&self) -> &ReloadStatus {
        &self.status
    }

    /// The newest content from finished reloads, if any. Each reload is logged: a broken
    /// change with every problem (it changes nothing on screen), a good one with its
    /// warnings.
    pub fn poll(&mut self) -> Option<Content> {
        let watcher = self.watcher.as_ref()?;
        let mut newest = None;
        for reload in watcher.finished() {
            match reload {
                Reload::Loaded(loaded) => {
                    for warning in &loaded.warnings {
                        tracing::warn!("{warning}");
                    }
                    tracing::info!("content reloaded");
                    self.status = ReloadStatus::Reloaded {
                        warnings: loaded.warnings.len(),
                    };
                    newest = Some(loaded.content);
                }
                Reload::NotWatching(reason) => {
                    tracing::warn!("{reason}; changes to the content are not loaded any more");
                    self.status = ReloadStatus::NotWatching(reason);
                }
                Reload::Failed(error) => {
                    tracing::error!(
                        "the changed content was not loaded; still showing the last good content"
                    );
                    self.status = rejected(&error);
                    if let ReloadStatus::Rejected { problems, .. } = &self.status {
                        for problem in problems {
                            tracing::error!("{problem}");
                        }
                    }
                }
            }
        }
        newest
    }

    /// Shows `content` in place of the current content; images it no longer has are
    /// forgotten, so their textures are freed.
    pub fn replace(&mut self, ctx: &egui::Context, content: Arc<Content>) {
        self.images.retain(ctx, content.images());
        self.content = content;
        self.loaded_at = self.clock.now();
    }
}

fn rejected(error: &LoadError) -> ReloadStatus {
    match error {
        LoadError::Unreadable { .. } => ReloadStatus::Rejected {
            errors: 1,
            problems: vec![error.to_string()],
        },
        LoadError::Invalid(problems) => ReloadStatus::Rejected {
            errors: problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count(),
            problems: problems.iter().map(ToString::to_string).collect(),
        },
    }
}
