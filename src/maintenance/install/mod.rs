//! Installing a content folder into the kiosk's content place, whole or not at all, with
//! the previous content kept as a backup that [`ContentPlace::undo`] brings back.
//!
//! **Only the kiosk's own folders are ever renamed or removed.** A folder is the kiosk's
//! own when it holds the kiosk's mark, the file [`MARK`] naming the folder itself: the
//! install writes it into every folder it installs, and the folder `content` in the state
//! folder (on an installed kiosk `/var/lib/office-kiosk/content`) is marked as the kiosk's
//! own when the kiosk starts ([`ContentPlace::adopt`]). A content file shown from any other
//! folder (`--content ~/office.ron`) is never replaced from a stick: the install refuses,
//! saying why, and so does a backup's place held by something that is not the kiosk's.
//!
//! The folder is copied beside the content place (same file system) into a folder named
//! `.office-kiosk-installing-*`, marked first, every file flushed to the disk, the copy
//! loaded once more to be sure it is what was checked, and only then renamed into place:
//! the old folder becomes the backup (`NAME.previous`), the copy the content. A stick
//! pulled out while copying fails the copy, and the copy is removed; the content in place
//! was never touched. What a kill leaves half done (a copy, a swap) is put right at the
//! next start ([`ContentPlace::recover`]), again only among the kiosk's own folders.

mod folder;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use folder::{
    FolderProblem, MAX_DEPTH, MAX_ENTRIES, MAX_FOLDER_BYTES, Survey, is_left_out, survey,
};

/// The kiosk's mark in a folder it owns: a file holding the folder's own path.
pub const MARK: &str = ".office-kiosk-content";

/// The beginning of the name of a copy under way, beside the content place.
const STAGING_PREFIX: &str = ".office-kiosk-installing-";

/// Where content is installed when the kiosk shows its embedded content: the folder
/// `content` in the state folder `state`; the kiosk shows it from then on, also after a
/// restart.
pub fn installed_file(state: &Path) -> PathBuf {
    state.join("content").join("content.ron")
}

/// Why content could not be installed or brought back.
#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    /// The folder on the stick breaks the rule of what a content folder holds, or could
    /// not be read.
    #[error(transparent)]
    Folder(#[from] FolderProblem),
    /// The kiosk's content place could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The content shown is in a folder the kiosk did not install: it is not replaced.
    #[error(
        "the content shown is in {}, a folder the kiosk did not install, so it is not \
         replaced from a stick; the kiosk replaces only its own folder (the folder content in \
         its state folder, such as /var/lib/office-kiosk/content): start the kiosk with its \
         content there, or copy the new content into {} by hand",
        folder.display(),
        folder.display()
    )]
    NotOwn {
        /// The folder of the content file shown.
        folder: PathBuf,
    },
    /// Something the kiosk did not make is where it keeps the previous content.
    #[error(
        "{} is in the way and was not made by the kiosk, so it is not removed: move it \
         elsewhere, then try again",
        path.display()
    )]
    InTheWay {
        /// The backup's place.
        path: PathBuf,
    },
    /// The copy did not load (the stick changed after it was checked).
    #[error("the copied content does not load: {0}")]
    Invalid(String),
    /// Nothing to bring back.
    #[error("there is no previous content to bring back")]
    NoBackup,
}

/// The kiosk's content place: the folder of the content file it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentPlace {
    /// The content file, e.g. `/var/lib/office-kiosk/content/content.ron`.
    file: PathBuf,
}

impl ContentPlace {
    /// The place of the content file `file` (its folder is the place; it may not exist yet).
    pub fn new(file: impl Into<PathBuf>) -> Self {
        Self { file: file.into() }
    }

    /// The content file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The folder that is installed whole.
    pub fn folder(&self) -> &Path {
        crate::content::folder_of(&self.file)
    }

    /// The folder that holds the folder and its backup.
    fn parent(&self) -> PathBuf {
        match self.folder().parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    /// The previous content: the folder's name with `.previous`, beside it.
    pub fn backup(&self) -> PathBuf {
        self.beside(".previous", "")
    }

    /// The folder's name with `before` and `after` around it, beside it.
    fn beside(&self, after: &str, before: &str) -> PathBuf {
        let name = self
            .folder()
            .file_name()
            .map_or_else(|| "content".into(), |n| n.to_string_lossy().into_owned());
        self.parent().join(format!("{before}{name}{after}"))
    }

    /// Where the folder waits while undo swaps it with the backup.
    fn aside(&self) -> PathBuf {
        self.beside(".swapping", ".")
    }

    /// What the kiosk's mark in this place's folders says: the folder's path, with the
    /// folders above it resolved (so a link among them does not make it another place).
    fn identity(&self) -> String {
        let parent = self.parent();
        let parent = parent.canonicalize().unwrap_or(parent);
        let name = self.folder().file_name().unwrap_or_default();
        parent.join(name).display().to_string()
    }

    /// Whether `folder` is one of this place's own: a real folder (not a link) holding the
    /// kiosk's mark naming this place.
    fn marked(&self, folder: &Path) -> bool {
        let is_dir = fs::symlink_metadata(folder).is_ok_and(|m| m.is_dir());
        is_dir
            && crate::content::read_own(&folder.join(MARK), 4096)
                .is_ok_and(|text| String::from_utf8_lossy(&text).trim() == self.identity())
    }

    /// Whether the folder is the kiosk's own (installed by it, or adopted), so that an
    /// install may replace it.
    pub fn is_own(&self) -> bool {
        self.marked(self.folder())
    }

    /// Whether there is previous content to bring back: the kiosk's own backup, holding
    /// the content file.
    pub fn has_backup(&self) -> bool {
        let backup = self.backup();
        self.marked(&backup) && backup.join(self.file_name()).is_file()
    }

    fn file_name(&self) -> &std::ffi::OsStr {
        self.file
            .file_name()
            .unwrap_or_else(|| std::ffi::OsStr::new("content.ron"))
    }

    /// Marks the folder as the kiosk's own, for the folder `content` in the state folder,
    /// which is the kiosk's by its place (the package puts its starter content there); so
    /// too what an earlier version of the kiosk left beside it without a mark, all in the
    /// state folder and named as only the kiosk names them: its backup (`content.previous`)
    /// and copies cut short (`.office-kiosk-installing-*`, which [`ContentPlace::recover`]
    /// then removes). Links and what is already marked are left as they are.
    ///
    /// # Errors
    /// When a mark cannot be written.
    pub fn adopt(&self) -> io::Result<()> {
        let mut folders = vec![self.folder().to_path_buf(), self.backup()];
        if let Ok(entries) = fs::read_dir(self.parent()) {
            folders.extend(
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.file_name().to_string_lossy().starts_with(STAGING_PREFIX))
                    .map(|e| e.path()),
            );
        }
        for folder in folders {
            if self.marked(&folder) || !fs::symlink_metadata(&folder).is_ok_and(|m| m.is_dir()) {
                continue;
            }
            crate::content::replace_whole(&folder.join(MARK), self.mark_text().as_bytes())?;
            tracing::info!("{} is the kiosk's own: marked it so", folder.display());
        }
        Ok(())
    }

    fn mark_text(&self) -> String {
        format!("{}\n", self.identity())
    }

    /// Installs the content folder `from`, whose content file is `from_file` (copied under
    /// this place's file name).
    ///
    /// # Errors
    /// When the place is not the kiosk's own, the folder breaks the rule of what a content
    /// folder holds or cannot be read whole, the place cannot be written, or the copy does
    /// not load; the content in place is then unchanged.
    pub fn install(&self, from: &Path, from_file: &Path) -> Result<(), InstallError> {
        self.install_with(from, from_file, &mut |_| Ok(()))
    }

    /// [`ContentPlace::install`], calling `before_copy` before each file is copied (tests
    /// pull the stick out there).
    ///
    /// # Errors
    /// As [`ContentPlace::install`], and whatever `before_copy` returns.
    pub fn install_with(
        &self,
        from: &Path,
        from_file: &Path,
        before_copy: &mut dyn FnMut(&Path) -> io::Result<()>,
    ) -> Result<(), InstallError> {
        let folder = self.folder().to_path_buf();
        let parent = self.parent();
        self.recover();
        let exists = fs::symlink_metadata(&folder).is_ok();
        if exists && !self.is_own() {
            return Err(InstallError::NotOwn { folder });
        }
        let backup = self.backup();
        if fs::symlink_metadata(&backup).is_ok() && !self.marked(&backup) {
            return Err(InstallError::InTheWay { path: backup });
        }
        let survey = survey(from)?;
        fs::create_dir_all(&parent).map_err(write(&parent))?;
        let staging = tempfile::Builder::new()
            .prefix(STAGING_PREFIX)
            .tempdir_in(&parent)
            .map_err(write(&parent))?;
        // Marked first: should the kiosk be killed now, the next start knows it as its own.
        let mark = staging.path().join(MARK);
        write_new(&mark, self.mark_text().as_bytes()).map_err(write(&mark))?;
        folder::copy(&survey, from, staging.path(), before_copy).map_err(|e| match e {
            folder::CopyError::Read(problem) => InstallError::Folder(problem),
            folder::CopyError::Write(path, source) => InstallError::Write { path, source },
        })?;
        // The content file under the name the kiosk reads.
        if from_file.file_name() != Some(self.file_name()) {
            let name = from_file.file_name().unwrap_or_default();
            let copied = staging.path().join(name);
            let target = staging.path().join(self.file_name());
            fs::rename(&copied, &target).map_err(write(&target))?;
        }
        sync_dir(staging.path()).map_err(write(staging.path()))?;
        // What was copied is what will be shown: it must load.
        crate::content::load_with(&staging.path().join(self.file_name()), false)
            .map_err(|e| InstallError::Invalid(e.to_string()))?;

        if exists {
            if fs::symlink_metadata(&backup).is_ok() {
                fs::remove_dir_all(&backup).map_err(write(&backup))?;
            }
            fs::rename(&folder, &backup).map_err(write(&folder))?;
            if let Err(e) = fs::rename(staging.path(), &folder) {
                // Put the old content back where it was.
                let _ = fs::rename(&backup, &folder);
                return Err(write(&folder)(e));
            }
        } else {
            fs::rename(staging.path(), &folder).map_err(write(&folder))?;
        }
        // It has moved: nothing is left to clean up.
        let _moved = staging.keep();
        sync_dir(&parent).map_err(write(&parent))?;
        tracing::info!("installed {} into {}", from.display(), folder.display());
        Ok(())
    }

    /// Brings back the previous content; the content it replaces becomes the backup, so a
    /// second undo brings it back again.
    ///
    /// # Errors
    /// When there is no backup of the kiosk's own, the folder is not the kiosk's own, or
    /// the folders cannot be renamed.
    pub fn undo(&self) -> Result<(), InstallError> {
        self.recover();
        if !self.has_backup() {
            return Err(InstallError::NoBackup);
        }
        let (folder, backup, parent, aside) =
            (self.folder(), self.backup(), self.parent(), self.aside());
        if !self.is_own() {
            return Err(InstallError::NotOwn {
                folder: folder.to_path_buf(),
            });
        }
        if fs::symlink_metadata(&aside).is_ok() {
            // Not the kiosk's (`recover` left it): not removed.
            return Err(InstallError::InTheWay { path: aside });
        }
        fs::rename(folder, &aside).map_err(write(folder))?;
        if let Err(e) = fs::rename(&backup, folder) {
            let _ = fs::rename(&aside, folder);
            return Err(write(folder)(e));
        }
        fs::rename(&aside, &backup).map_err(write(&backup))?;
        sync_dir(&parent).map_err(write(&parent))?;
        tracing::info!(
            "brought back the previous content into {}",
            folder.display()
        );
        Ok(())
    }

    /// Puts right what a kill left half done, among the kiosk's own folders only: a swap
    /// of install or undo interrupted (the folder missing, the backup or the folder set
    /// aside by undo still there) is finished or undone, so the folder holds content
    /// again; copies under way (`.office-kiosk-installing-*`, marked for this place) are
    /// removed. Anything not marked as the kiosk's is left as it is. Logged.
    pub fn recover(&self) {
        let (folder, backup, aside) = (self.folder(), self.backup(), self.aside());
        let missing = |path: &Path| fs::symlink_metadata(path).is_err();
        let put = |from: &Path, to: &Path| match fs::rename(from, to) {
            Ok(()) => tracing::warn!(
                "an install or undo was cut short: moved {} back to {}",
                from.display(),
                to.display()
            ),
            Err(e) => tracing::warn!(
                "an install or undo was cut short, and {} cannot be moved to {}: {e}",
                from.display(),
                to.display()
            ),
        };
        if self.marked(&aside) {
            if missing(folder) {
                // Undo had only set the folder aside.
                put(&aside, folder);
            } else if missing(&backup) {
                // Undo had brought the backup in; the folder set aside is the new backup.
                put(&aside, &backup);
            }
        }
        if missing(folder) && self.marked(&backup) {
            // Install had moved the folder to the backup, not yet the copy in: the content
            // before the install comes back.
            put(&backup, folder);
        }
        self.remove_copies();
    }

    /// Removes the copies under way beside the folder that are the kiosk's own.
    fn remove_copies(&self) {
        let Ok(entries) = fs::read_dir(self.parent()) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let ours = entry
                .file_name()
                .to_string_lossy()
                .starts_with(STAGING_PREFIX)
                && entry.file_type().is_ok_and(|t| t.is_dir());
            if !ours {
                continue;
            }
            // Only a marked one: in the state folder, `adopt` marks every one (they are the
            // kiosk's by their place and name); elsewhere none is the kiosk's unless marked.
            if self.marked(&path) && fs::remove_dir_all(&path).is_ok() {
                tracing::info!(
                    "removed {}, the leftover of a cut-short install",
                    path.display()
                );
            }
        }
    }
}

/// An error writing `path`, for `map_err`.
fn write(path: &Path) -> impl FnOnce(io::Error) -> InstallError + use<> {
    let path = path.to_path_buf();
    move |source| InstallError::Write { path, source }
}

/// Writes a new file (never through a link, never over anything), flushed.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    io::Write::write_all(&mut file, bytes)?;
    file.sync_all()
}

/// Flushes a folder's entries to the disk (a no-op where folders cannot be opened).
fn sync_dir(path: &Path) -> io::Result<()> {
    if cfg!(unix) {
        fs::File::open(path)?.sync_all()
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests;
