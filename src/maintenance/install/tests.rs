//! Tests of installing content, undo, and what a kill leaves.

use super::*;

/// A valid content folder (the starter content) in `dir`.
fn good(dir: &Path) -> PathBuf {
    crate::content::write_starter(dir).expect("starter content");
    dir.join("content.ron")
}

/// The kiosk's own content folder (the starter content, marked as the state folder's is).
fn own(dir: &Path) -> ContentPlace {
    let place = ContentPlace::new(good(dir));
    place.adopt().expect("marked");
    assert!(place.is_own());
    place
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

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn installs_keeps_a_backup_and_undoes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let place = own(&tmp.path().join("kiosk/content"));
    let stick = renamed(&tmp.path().join("stick/new"), "Stick Office");
    assert!(!place.has_backup());

    place
        .install(stick.parent().expect("folder"), &stick)
        .expect("installed");
    assert_eq!(office(place.file()), "Stick Office");
    assert!(place.has_backup());
    assert!(place.is_own(), "what the kiosk installs is its own");
    // Nothing left behind beside it.
    assert_eq!(
        names(&tmp.path().join("kiosk")),
        ["content", "content.previous"]
    );

    place.undo().expect("undone");
    assert_ne!(office(place.file()), "Stick Office");
    // Undo again brings the new content back.
    place.undo().expect("redone");
    assert_eq!(office(place.file()), "Stick Office");
    // A second install replaces the backup, which is the kiosk's own.
    let other = renamed(&tmp.path().join("stick/other"), "Other Office");
    place
        .install(other.parent().expect("folder"), &other)
        .expect("installed");
    assert_eq!(office(place.file()), "Other Office");
    place.undo().expect("undone");
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
    assert!(place.is_own());
    assert!(!place.has_backup());
    assert!(matches!(place.undo(), Err(InstallError::NoBackup)));
}

#[test]
fn a_folder_the_kiosk_did_not_install_is_never_renamed_or_removed() {
    let tmp = tempfile::tempdir().expect("tmp");
    // `--content ~/office/content.ron`: the office's documents beside its content file.
    let home = tmp.path().join("home");
    let place = ContentPlace::new(good(&home.join("office")));
    fs::write(home.join("office/budget.xlsx"), "the office's own").expect("write");
    // A folder of the office's where the backup would go.
    fs::create_dir_all(home.join("office.previous")).expect("folder");
    fs::write(home.join("office.previous/notes.txt"), "keep").expect("write");
    let stick = renamed(&tmp.path().join("stick"), "Stick Office");
    for _ in 0..2 {
        let error = place
            .install(stick.parent().expect("folder"), &stick)
            .expect_err("refused");
        assert!(matches!(error, InstallError::NotOwn { .. }), "{error}");
        assert!(error.to_string().contains("did not install"), "{error}");
    }
    assert!(!place.is_own());
    assert!(!place.has_backup());
    assert!(matches!(place.undo(), Err(InstallError::NoBackup)));
    assert_eq!(names(&home), ["office", "office.previous"]);
    assert_ne!(office(place.file()), "Stick Office");
    assert_eq!(
        fs::read_to_string(home.join("office/budget.xlsx")).expect("read"),
        "the office's own"
    );
    assert_eq!(
        fs::read_to_string(home.join("office.previous/notes.txt")).expect("read"),
        "keep"
    );
    // A copy of an installed folder elsewhere (its mark names another place) is not own.
    let installed = own(&tmp.path().join("state/content"));
    let copy = tmp.path().join("copy");
    fs::create_dir_all(&copy).expect("folder");
    for name in ["content.ron", MARK] {
        fs::copy(installed.folder().join(name), copy.join(name)).expect("copy");
    }
    assert!(!ContentPlace::new(copy.join("content.ron")).is_own());
}

#[test]
fn something_else_in_the_backups_place_is_left_alone() {
    let tmp = tempfile::tempdir().expect("tmp");
    let place = own(&tmp.path().join("state/content"));
    fs::create_dir_all(place.backup()).expect("folder");
    fs::write(place.backup().join("content.ron"), "someone's").expect("write");
    let stick = renamed(&tmp.path().join("stick"), "Stick Office");
    let error = place
        .install(stick.parent().expect("folder"), &stick)
        .expect_err("refused");
    assert!(matches!(error, InstallError::InTheWay { .. }), "{error}");
    assert!(!place.has_backup(), "not the kiosk's to bring back");
    assert_eq!(
        fs::read_to_string(place.backup().join("content.ron")).expect("read"),
        "someone's"
    );
    assert_eq!(
        names(&tmp.path().join("state")),
        ["content", "content.previous"]
    );
}

#[test]
fn a_stick_pulled_out_mid_copy_leaves_the_old_content() {
    let tmp = tempfile::tempdir().expect("tmp");
    let place = own(&tmp.path().join("kiosk/content"));
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
    assert!(
        matches!(
            error,
            InstallError::Folder(FolderProblem::Unreadable { .. })
        ),
        "{error}"
    );
    assert!(error.to_string().contains("USB stick"), "{error}");
    assert_eq!(fs::read_to_string(place.file()).expect("read"), before);
    assert!(!place.has_backup());
    assert_eq!(
        names(&tmp.path().join("kiosk")),
        ["content"],
        "no half copy left"
    );
}

#[test]
fn a_copy_that_does_not_load_is_not_installed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let place = own(&tmp.path().join("kiosk/content"));
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

#[cfg(unix)]
#[test]
fn links_on_the_stick_are_refused_and_hidden_files_left_out() {
    let tmp = tempfile::tempdir().expect("tmp");
    let place = own(&tmp.path().join("state/content"));
    let stick_dir = tmp.path().join("stick");
    let stick = renamed(&stick_dir, "Stick Office");
    fs::write(stick_dir.join(".DS_Store"), "junk").expect("write");
    fs::create_dir_all(stick_dir.join(".Trashes/501")).expect("folder");
    let survey = survey(&stick_dir).expect("a content folder");
    assert!(survey.has_file("content.ron") && survey.has_file("./images/belize-map.png"));
    assert!(!survey.has_file(".DS_Store"));
    assert!(survey.folders.iter().all(|f| !f.starts_with(".Trashes")));
    // A link that would lead off the stick, even unused by the content.
    std::os::unix::fs::symlink("/etc/passwd", stick_dir.join("images/notes.txt")).expect("link");
    let error = place.install(&stick_dir, &stick).expect_err("refused");
    assert!(
        error
            .to_string()
            .contains("images/notes.txt is a symbolic link"),
        "{error}"
    );
    assert_ne!(office(place.file()), "Stick Office");
    assert_eq!(names(&tmp.path().join("state")), ["content"]);
}

#[test]
fn what_a_kill_left_half_done_is_put_right_at_the_next_start() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = tmp.path().join("state");
    let place = own(&state.join("content"));
    let stick = renamed(&tmp.path().join("stick"), "Stick Office");
    place
        .install(stick.parent().expect("folder"), &stick)
        .expect("installed");

    // Killed while copying: a marked copy, and one killed before it was marked (empty);
    // both are the kiosk's in its state folder, and the next start removes them.
    let copy = state.join(format!("{STAGING_PREFIX}k1ll3d"));
    fs::create_dir_all(copy.join("images")).expect("folder");
    fs::write(copy.join(MARK), place.mark_text()).expect("mark");
    fs::write(copy.join("images/huge.png"), vec![0; 4096]).expect("write");
    fs::create_dir_all(state.join(format!("{STAGING_PREFIX}empty"))).expect("folder");
    place.adopt().expect("adopted");
    place.recover();
    assert_eq!(names(&state), ["content", "content.previous"]);
    // Elsewhere, nothing unmarked is taken for the kiosk's, even with the kiosk's name.
    let home = tmp.path().join("home");
    let foreign = ContentPlace::new(good(&home.join("office")));
    for name in ["notmine", "empty"] {
        fs::create_dir_all(home.join(format!("{STAGING_PREFIX}{name}"))).expect("folder");
    }
    fs::write(
        home.join(format!("{STAGING_PREFIX}notmine/keep.txt")),
        "keep",
    )
    .expect("write");
    foreign.recover();
    assert_eq!(names(&home).len(), 3);

    // Killed between the two renames of an install: the folder is missing.
    fs::rename(place.folder(), state.join("gone")).expect("rename");
    fs::remove_dir_all(state.join("gone")).expect("remove");
    place.recover();
    assert!(place.file().is_file(), "the backup came back");
    assert_ne!(office(place.file()), "Stick Office");

    // Killed in undo after the folder was set aside: it comes back.
    let other = renamed(&tmp.path().join("stick2"), "Other Office");
    place
        .install(other.parent().expect("folder"), &other)
        .expect("installed");
    fs::rename(place.folder(), place.aside()).expect("set aside");
    place.recover();
    assert_eq!(office(place.file()), "Other Office");
    assert!(place.has_backup());
    // Killed in undo after the backup was brought in: the undo is finished.
    fs::rename(place.folder(), place.aside()).expect("set aside");
    fs::rename(place.backup(), place.folder()).expect("brought in");
    place.recover();
    assert_ne!(office(place.file()), "Other Office");
    assert!(place.has_backup());
    assert_eq!(names(&state), ["content", "content.previous"]);
}

#[test]
fn what_an_earlier_version_left_in_the_state_folder_is_adopted_and_cleared() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = tmp.path().join("state");
    let place = ContentPlace::new(good(&state.join("content")));
    // An earlier version's backup, and its copy cut short by a kill, neither marked.
    good(&state.join("content.previous"));
    let copy = state.join(format!("{STAGING_PREFIX}a1b2c3"));
    fs::create_dir_all(copy.join("images")).expect("folder");
    fs::write(copy.join("images/photo.jpg"), vec![0; 4096]).expect("write");
    // Not the kiosk's: a link where a copy would be.
    let elsewhere = tmp.path().join("elsewhere");
    fs::create_dir_all(&elsewhere).expect("folder");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&elsewhere, state.join(format!("{STAGING_PREFIX}link")))
        .expect("link");
    place.adopt().expect("adopted");
    place.recover();
    assert!(place.is_own() && place.has_backup(), "Undo works as before");
    let mut left = vec!["content", "content.previous"];
    if cfg!(unix) {
        left.insert(0, ".office-kiosk-installing-link");
    }
    assert_eq!(names(&state), left);
    assert!(elsewhere.is_dir());
}
