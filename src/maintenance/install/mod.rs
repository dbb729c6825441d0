//! Installing a content folder into the kiosk's content place, whole or not at all, with
//! the previous content kept as a backup that [`ContentPlace::undo`] brings back.
//!
//! The folder is copied beside the content place (same file system), every file flushed
//! to the disk, the copy loaded once more to be sure it is what was checked, and only then
//! renamed into place: the old folder becomes the backup, the copy the content. A stick
//! pulled out while copying fails the copy, and the copy is removed; the content in place
//! was never touched.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The most bytes a content folder may hold: far more than any office's content.
pub const MAX_FOLDER_BYTES: u64 = 1 << 30;

/// The most files and folders a content folder may hold.
pub const MAX_ENTRIES: usize = 5_000;

/// How deep folders may nest in a content folder.
const MAX_DEPTH: usize = 8;

/// Where content is installed when the kiosk shows its embedded content: the folder
/// `content` in the state folder `state`; the kiosk shows it from then on, also after a
/// restart.
pub fn installed_file(state: &Path) -> PathBuf {
    state.join("content").join("content.ron")
}

/// Why content could not be installed or brought back.
#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    /// A file on the stick could not be read (was the stick pulled out?).
    #[error("cannot read {}: {source} (was the USB stick removed?)", path.display())]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The kiosk's content place could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The folder is larger than a content folder may be.
    #[error("the folder holds more than {MAX_ENTRIES} files or more than 1 GB")]
    TooLarge,
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
        match self.file.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder,
            _ => Path::new("."),
        }
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
        let mut name = self
            .folder()
            .file_name()
            .map_or_else(|| "content".into(), std::ffi::OsStr::to_os_string);
        name.push(".previous");
        self.parent().join(name)
    }

    /// Whether there is previous content to bring back.
    pub fn has_backup(&self) -> bool {
        self.backup().join(self.file_name()).is_file()
    }

    fn file_name(&self) -> &std::ffi::OsStr {
        self.file
            .file_name()
            .unwrap_or_else(|| std::ffi::OsStr::new("content.ron"))
    }

    /// Installs the content folder `from`, whose content file is `from_file` (copied under
    /// this place's file name).
    ///
    /// # Errors
    /// When the folder cannot be read whole, the place cannot be written, or the copy does
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
        let parent = self.parent();
        let write = |path: &Path| {
            let path = path.to_path_buf();
            move |source| InstallError::Write { path, source }
        };
        fs::create_dir_all(&parent).map_err(write(&parent))?;
        let staging = tempfile::Builder::new()
            .prefix(".office-kiosk-installing-")
            .tempdir_in(&parent)
            .map_err(write(&parent))?;
        let mut copy = Copy {
            entries: 0,
            bytes: 0,
            on_file: before_copy,
        };
        copy.folder(from, staging.path(), 0)?;
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

        let folder = self.folder().to_path_buf();
        if folder.exists() {
            let backup = self.backup();
            if backup.exists() {
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
    /// When there is no backup or the folders cannot be renamed.
    pub fn undo(&self) -> Result<(), InstallError> {
        if !self.has_backup() {
            return Err(InstallError::NoBackup);
        }
        let (folder, backup, parent) = (self.folder(), self.backup(), self.parent());
        let write = |path: &Path| {
            let path = path.to_path_buf();
            move |source| InstallError::Write { path, source }
        };
        let aside = parent.join(".office-kiosk-undo");
        if aside.exists() {
            fs::remove_dir_all(&aside).map_err(write(&aside))?;
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
}

/// A copy under way, counting what it copied against the limits.
struct Copy<'a> {
    entries: usize,
    bytes: u64,
    on_file: &'a mut dyn FnMut(&Path) -> io::Result<()>,
}

impl Copy<'_> {
    /// Copies the regular files and folders of `from` into `to` (which exists); hidden
    /// files, links and anything else are left out.
    fn folder(&mut self, from: &Path, to: &Path, depth: usize) -> Result<(), InstallError> {
        let read = |path: &Path| {
            let path = path.to_path_buf();
            move |source| InstallError::Read { path, source }
        };
        if depth > MAX_DEPTH {
            return Err(InstallError::TooLarge);
        }
        let mut entries = fs::read_dir(from)
            .map_err(read(from))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(read(from))?;
        entries.sort_by_key(fs::DirEntry::file_name);
        for entry in entries {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') || name == "System Volume Information" {
                continue;
            }
            self.entries += 1;
            if self.entries > MAX_ENTRIES {
                return Err(InstallError::TooLarge);
            }
            let (source, target) = (entry.path(), to.join(&name));
            // Not followed: a link could lead anywhere.
            let kind = entry.file_type().map_err(read(&source))?;
            if kind.is_dir() {
                fs::create_dir(&target).map_err(|source| InstallError::Write {
                    path: target.clone(),
                    source,
                })?;
                self.folder(&source, &target, depth + 1)?;
                sync_dir(&target).map_err(|source| InstallError::Write {
                    path: target.clone(),
                    source,
                })?;
            } else if kind.is_file() {
                (self.on_file)(&source).map_err(read(&source))?;
                self.file(&source, &target)?;
            }
        }
        Ok(())
    }

    /// Copies one file and flushes it to the disk.
    fn file(&mut self, from: &Path, to: &Path) -> Result<(), InstallError> {
        let mut input = fs::File::open(from).map_err(|source| InstallError::Read {
            path: from.to_path_buf(),
            source,
        })?;
        let write = |source| InstallError::Write {
            path: to.to_path_buf(),
            source,
        };
        let mut output = fs::File::create(to).map_err(write)?;
        let left = MAX_FOLDER_BYTES.saturating_sub(self.bytes);
        let mut limited = io::Read::take(&mut input, left + 1);
        // A read error (the stick is gone) and a write error are told apart by trying the
        // read side first, chunk by chunk.
        let mut buffer = vec![0; 64 * 1024];
        loop {
            let n =
                io::Read::read(&mut limited, &mut buffer).map_err(|source| InstallError::Read {
                    path: from.to_path_buf(),
                    source,
                })?;
            if n == 0 {
                break;
            }
            self.bytes += n as u64;
            if self.bytes > MAX_FOLDER_BYTES {
                return Err(InstallError::TooLarge);
            }
            io::Write::write_all(&mut output, &buffer[..n]).map_err(write)?;
        }
        output.sync_all().map_err(write)
    }
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
mod tests {
    use super::*;

    /// A valid content folder (the starter content) in `dir`.
    fn good(dir: &Path) -> PathBuf {
        crate::content::write_starter(dir).expect("starter content");
        dir.join("content.ron")
    }

    fn office(file: &Path) -> String {
        let content = crate::content::load(file).expect("loads");
        content
            .identity
            .office_name
            .get(content.default_language)
            .to_owned()
    }

    /// The starter content with its office renamed.
    fn renamed(dir: &Path, name: &str) -> PathBuf {
        let file = good(dir);
        let text = fs::read_to_string(&file).expect("read");
        let old = office(&file);
        fs::write(&file, text.replace(&old, name)).expect("write");
        file
    }

    #[test]
    fn installs_keeps_a_backup_and_undoes() {
        let tmp = tempfile::tempdir().expect("tmp");
        let place = ContentPlace::new(good(&tmp.path().join("kiosk/content")));
        let stick = renamed(&tmp.path().join("stick/new"), "Stick Office");
        assert!(!place.has_backup());

        place
            .install(stick.parent().expect("folder"), &stick)
            .expect("installed");
        assert_eq!(office(place.file()), "Stick Office");
        assert!(place.has_backup());
        // Nothing left behind beside it.
        let names: Vec<_> = fs::read_dir(tmp.path().join("kiosk"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");

        place.undo().expect("undone");
        assert_ne!(office(place.file()), "Stick Office");
        // Undo again brings the new content back.
        place.undo().expect("redone");
        assert_eq!(office(place.file()), "Stick Office");
    }

    #[test]
    fn a_content_file_of_another_name_is_installed_under_the_kiosks_name() {
        let tmp = tempfile::tempdir().expect("tmp");
        let place = ContentPlace::new(tmp.path().join("state/content/content.ron"));
        let stick = renamed(&tmp.path().join("stick"), "Renamed Office");
        let other = stick.with_file_name("office.ron");
        fs::rename(&stick, &other).expect("rename");
        place
            .install(tmp.path().join("stick").as_path(), &other)
            .expect("installed into a place that did not exist");
        assert_eq!(office(place.file()), "Renamed Office");
        assert!(!place.has_backup());
        assert!(matches!(place.undo(), Err(InstallError::NoBackup)));
    }

    #[test]
    fn a_stick_pulled_out_mid_copy_leaves_the_old_content() {
        let tmp = tempfile::tempdir().expect("tmp");
        let place = ContentPlace::new(good(&tmp.path().join("kiosk/content")));
        let before = fs::read_to_string(place.file()).expect("read");
        let stick_dir = tmp.path().join("stick");
        let stick = renamed(&stick_dir, "Stick Office");
        let mut copied = 0;
        let error = place
            .install_with(&stick_dir, &stick, &mut |_| {
                copied += 1;
                if copied == 2 {
                    // The stick is gone.
                    fs::remove_dir_all(&stick_dir)?;
                }
                Ok(())
            })
            .expect_err("the copy fails");
        assert!(matches!(error, InstallError::Read { .. }), "{error}");
        assert!(error.to_string().contains("USB stick"), "{error}");
        assert_eq!(fs::read_to_string(place.file()).expect("read"), before);
        assert!(!place.has_backup());
        let names: Vec<_> = fs::read_dir(tmp.path().join("kiosk"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(
            names,
            vec![std::ffi::OsString::from("content")],
            "no half copy left"
        );
    }

    #[test]
    fn a_copy_that_does_not_load_is_not_installed() {
        let tmp = tempfile::tempdir().expect("tmp");
        let place = ContentPlace::new(good(&tmp.path().join("kiosk/content")));
        let stick_dir = tmp.path().join("stick");
        let stick = good(&stick_dir);
        let error = place
            .install_with(&stick_dir, &stick, &mut |path| {
                // The file changes on the stick after it was checked.
                if path.ends_with("content.ron") {
                    fs::write(path, "(broken")?;
                }
                Ok(())
            })
            .expect_err("refused");
        assert!(matches!(error, InstallError::Invalid(_)), "{error}");
        assert!(crate::content::load(place.file()).is_ok());
        assert!(!place.has_backup());
    }
}
