//! Hot reload in the running app: a saved change appears on the page the visitor is on; a
//! broken change leaves the last good content on screen and is logged with its position.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use eframe::egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use office_kiosk::app::ReloadStatus;
use office_kiosk::content::{self, EMBEDDED_FILES, EMBEDDED_RON};
use office_kiosk::navigation::Page;
use office_kiosk::widgets::picture::ImageShown;
use office_kiosk::{AppOptions, KioskApp};

mod common;
mod wheel;

/// A copy of the embedded content in a temporary folder.
struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temp dir");
        std::fs::write(dir.path().join("content.ron"), EMBEDDED_RON).expect("write content");
        for (name, bytes) in EMBEDDED_FILES {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
            std::fs::write(path, bytes).expect("write image");
        }
        Self { dir }
    }

    fn file(&self) -> PathBuf {
        self.dir.path().join("content.ron")
    }

    /// Saves like editors that write a temporary file and rename it over the original.
    fn save_by_rename(&self, text: &str) {
        let temp = self.dir.path().join(".content.ron.swp");
        std::fs::write(&temp, text).expect("write temp");
        std::fs::rename(&temp, self.file()).expect("rename");
    }

    /// Saves in two steps: truncate, then write (and a pause between, as a slow editor).
    fn save_in_two_steps(&self, text: &str) {
        let mut file = std::fs::File::create(self.file()).expect("truncate");
        file.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(50));
        file.write_all(text.as_bytes()).expect("write");
    }
}

fn harness(path: &Path) -> Harness<'static, KioskApp> {
    let loaded = content::load_with(path, false).expect("the copy is valid");
    let options = AppOptions {
        watch: Some(path.to_path_buf()),
        ..AppOptions::new(Arc::new(loaded.content))
    };
    common::app(common::FULL_HD, options)
}

/// Steps the app until `done` holds, for at most ten seconds of real time (the file
/// watcher works in real time).
fn wait_for(
    harness: &mut Harness<'_, KioskApp>,
    what: &str,
    done: impl Fn(&Harness<'_, KioskApp>) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(harness) {
        assert!(Instant::now() < deadline, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
        harness.step();
    }
    harness.run();
}

/// Collects what the app logs on this thread.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<u8>>>);

impl Log {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("log lock")).into_owned()
    }
}

impl std::io::Write for Log {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log lock").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_saved_change_shows_where_the_visitor_is_and_a_broken_one_keeps_the_last_good() {
    let log = Log::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let folder = Folder::new();
    let mut harness = harness(&folder.file());
    harness
        .get_by_role_and_label(Role::Button, "Careers")
        .click();
    harness.run();
    harness.get_by_label("Work with us");

    // A change saved by renaming a new file over the old one.
    let changed = EMBEDDED_RON.replacen(
        r#"title: {"en": "Work with us""#,
        r#"title: {"en": "Work with IOM Belize""#,
        1,
    );
    assert_ne!(changed, EMBEDDED_RON);
    folder.save_by_rename(&changed);
    wait_for(&mut harness, "the change to show", |h| {
        h.query_by_label("Work with IOM Belize").is_some()
    });
    assert_eq!(
        harness.state().page(),
        Page::Careers,
        "still on the visitor's page"
    );
    assert_eq!(
        harness.state().reload_status(),
        &ReloadStatus::Reloaded { warnings: 0 }
    );

    // A broken change, saved in two steps: the last good content stays.
    let broken = changed.replacen(r#""es": "Inicio""#, r#""fr": "Accueil""#, 1);
    folder.save_in_two_steps(&broken);
    wait_for(&mut harness, "the broken change to be rejected", |h| {
        matches!(h.state().reload_status(), ReloadStatus::Rejected { .. })
    });
    harness.get_by_label("Work with IOM Belize");
    assert_eq!(harness.state().page(), Page::Careers);
    let ReloadStatus::Rejected { errors, problems } = harness.state().reload_status().clone()
    else {
        unreachable!("checked above")
    };
    // `es` is missing and `fr` is not declared.
    assert_eq!(errors, 2);
    let line = broken
        .lines()
        .position(|l| l.contains("Accueil"))
        .map(|i| i + 1)
        .expect("the edited line");
    let file = folder.file().display().to_string();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(&format!("{file}:{line}:"))),
        "{problems:#?}"
    );
    // Every problem is logged, with its place in the file; nothing is shown to visitors.
    let logged = log.text();
    for problem in &problems {
        assert!(
            logged.contains(problem.as_str()),
            "{problem} not in the log:\n{logged}"
        );
    }
    assert!(harness.query_by_label_contains("undeclared").is_none());
    assert!(
        harness
            .query_by_label_contains("not a declared language")
            .is_none()
    );

    // Fixing it brings the kiosk up to date again.
    folder.save_by_rename(&changed.replacen("Work with IOM Belize", "Work at IOM Belize", 1));
    wait_for(&mut harness, "the fixed change to show", |h| {
        h.query_by_label("Work at IOM Belize").is_some()
    });
}

#[test]
fn a_replaced_image_is_shown_anew_and_a_broken_one_gets_a_placeholder() {
    const MAP: &str = "images/belize-map.png";
    let folder = Folder::new();
    let mut harness = harness(&folder.file());
    harness
        .get_by_role_and_label(Role::Button, "Contact")
        .click();
    harness.run();
    // The map is below the address and the codes: scroll down to it.
    wheel::scroll_down(&mut harness);
    wait_for(&mut harness, "the map to show", |h| {
        matches!(h.state().image_shown(MAP), Some(ImageShown::Picture { .. }))
    });
    let Some(ImageShown::Picture { size: first }) = harness.state().image_shown(MAP) else {
        panic!("the map is shown: {:?}", harness.state().image_shown(MAP));
    };

    // Another picture of another size in its place: the page shows it, decoded anew.
    let map = folder.dir.path().join(MAP);
    let replacement = image::RgbaImage::from_pixel(300, 200, image::Rgba([20, 90, 160, 255]));
    replacement.save(&map).expect("write the new map");
    wait_for(&mut harness, "the new map to show", |h| {
        h.state().image_shown(MAP) == Some(ImageShown::Picture { size: [300, 200] })
    });
    assert_ne!(first, [300, 200]);

    // Truncate it: the header still reads, the data does not. The content reloads (the
    // file changed), the decoder fails off the UI thread, and a placeholder takes its place.
    let bytes = std::fs::read(&map).expect("read map");
    std::fs::write(&map, &bytes[..bytes.len() / 3]).expect("truncate map");
    wait_for(&mut harness, "the broken map's placeholder", |h| {
        h.state().image_shown(MAP) == Some(ImageShown::Broken)
    });
    // The page stays usable.
    assert!(
        harness
            .query_all_by_label_contains("iombelize@iom.int")
            .next()
            .is_some()
    );
    assert_eq!(harness.state().page(), Page::Contact);
    harness.get_by_role_and_label(Role::Button, "Home").click();
    harness.run();
    assert_eq!(harness.state().page(), Page::Home);
}

/// A content folder inside a temporary parent, as a sync tool or an editor replaces it.
struct Replaced {
    parent: tempfile::TempDir,
}

impl Replaced {
    fn new() -> Self {
        let replaced = Self {
            parent: tempfile::tempdir().expect("a temp dir"),
        };
        Replaced::write_folder(&replaced.folder(), EMBEDDED_RON);
        replaced
    }

    fn folder(&self) -> PathBuf {
        self.parent.path().join("content")
    }

    /// A whole content folder at `dir`, its file holding `text`.
    fn write_folder(dir: &Path, text: &str) {
        std::fs::create_dir_all(dir).expect("mkdir");
        for (name, bytes) in EMBEDDED_FILES {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
            std::fs::write(path, bytes).expect("write image");
        }
        std::fs::write(dir.join("content.ron"), text).expect("write content");
    }
}

/// The embedded content with its Careers title changed to `title`.
fn titled(title: &str) -> String {
    let text = EMBEDDED_RON.replacen(
        r#"title: {"en": "Work with us""#,
        &format!(r#"title: {{"en": "{title}""#),
        1,
    );
    assert_ne!(text, EMBEDDED_RON);
    text
}

/// Waits (at most ten seconds) for the watcher to load content whose Careers title is
/// `title`; woken by the watcher itself, never by a fixed sleep.
fn wait_for_title(
    watcher: &content::watch::ContentWatcher,
    woken: &std::sync::mpsc::Receiver<()>,
    title: &str,
) {
    use content::watch::Reload;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        for reload in watcher.finished() {
            match reload {
                Reload::Loaded(loaded) if loaded.text.contains(title) => return,
                Reload::NotWatching(reason) => panic!("stopped watching: {reason}"),
                _ => {}
            }
        }
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(
            woken.recv_timeout(left).is_ok(),
            "gave up waiting for \"{title}\" to load"
        );
    }
}

/// Starts a watcher of the folder's content file, with a channel woken after each reload.
fn watch(
    replaced: &Replaced,
) -> (
    content::watch::ContentWatcher,
    std::sync::mpsc::Receiver<()>,
) {
    let (tx, woken) = std::sync::mpsc::channel();
    let watcher =
        content::watch::ContentWatcher::start(&replaced.folder().join("content.ron"), move || {
            let _ = tx.send(());
        })
        .expect("the folder can be watched");
    (watcher, woken)
}

#[test]
fn a_folder_deleted_and_copied_again_is_watched_again() {
    let replaced = Replaced::new();
    let (watcher, woken) = watch(&replaced);
    // `rm -rf content && cp -r new content`.
    std::fs::remove_dir_all(replaced.folder()).expect("rm -rf");
    Replaced::write_folder(&replaced.folder(), &titled("Copied again"));
    wait_for_title(&watcher, &woken, "Copied again");
    // An edit in the new folder is seen: it is watched, not only loaded once.
    std::fs::write(
        replaced.folder().join("content.ron"),
        titled("Edited after"),
    )
    .expect("edit");
    wait_for_title(&watcher, &woken, "Edited after");
}

#[test]
fn a_folder_renamed_away_and_a_new_one_in_its_place_is_watched() {
    let replaced = Replaced::new();
    let (watcher, woken) = watch(&replaced);
    // `mv content content.old && mkdir content && ...`, as an editor's backup does.
    let old = replaced.parent.path().join("content.old");
    std::fs::rename(replaced.folder(), &old).expect("rename away");
    Replaced::write_folder(&replaced.folder(), &titled("A new folder"));
    wait_for_title(&watcher, &woken, "A new folder");
    // Edits go to the new folder; the old one is not the kiosk's any more.
    std::fs::write(old.join("content.ron"), titled("In the old one")).expect("edit old");
    std::fs::write(
        replaced.folder().join("content.ron"),
        titled("In the new one"),
    )
    .expect("edit new");
    wait_for_title(&watcher, &woken, "In the new one");
}

#[test]
fn a_folder_swapped_for_one_made_beside_it_is_watched() {
    let replaced = Replaced::new();
    let (watcher, woken) = watch(&replaced);
    // A sync tool writes the new folder beside the old one, then swaps them by renaming.
    let staged = replaced.parent.path().join(".content.sync");
    Replaced::write_folder(&staged, &titled("Swapped in"));
    std::fs::rename(
        replaced.folder(),
        replaced.parent.path().join(".content.trash"),
    )
    .expect("rename away");
    std::fs::rename(&staged, replaced.folder()).expect("rename in");
    wait_for_title(&watcher, &woken, "Swapped in");
    std::fs::write(replaced.folder().join("content.ron"), titled("Then edited")).expect("edit");
    wait_for_title(&watcher, &woken, "Then edited");
}

#[test]
fn the_app_says_reloaded_only_once_the_new_folder_is_loaded() {
    let replaced = Replaced::new();
    let file = replaced.folder().join("content.ron");
    let mut harness = harness(&file);
    std::fs::remove_dir_all(replaced.folder()).expect("rm -rf");
    Replaced::write_folder(&replaced.folder(), &titled("Back again"));
    harness
        .get_by_role_and_label(Role::Button, "Careers")
        .click();
    harness.run();
    wait_for(&mut harness, "the new folder to show", |h| {
        h.query_by_label("Back again").is_some()
    });
    assert!(
        matches!(
            harness.state().reload_status(),
            ReloadStatus::Reloaded { .. }
        ),
        "{:?}",
        harness.state().reload_status()
    );
    // And a later edit shows too.
    std::fs::write(&file, titled("Edited later")).expect("edit");
    wait_for(&mut harness, "the later edit to show", |h| {
        h.query_by_label("Edited later").is_some()
    });
}
