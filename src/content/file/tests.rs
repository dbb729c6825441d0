//! Tests of reading and writing files with care.

use super::*;

#[test]
fn reads_a_regular_file_up_to_its_limit() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("a.txt");
    std::fs::write(&path, b"12345").expect("write");
    assert_eq!(read_regular(&path, 5).expect("fits"), b"12345");
    assert_eq!(read_own(&path, 5).expect("fits"), b"12345");
    assert!(matches!(
        read_regular(&path, 4),
        Err(FileError::TooLarge { size: 5, max: 4 })
    ));
}

#[test]
fn refuses_what_is_not_a_regular_file() {
    let dir = tempfile::tempdir().expect("a temp dir");
    assert!(matches!(
        read_regular(dir.path(), 10),
        Err(FileError::NotAFile("a folder"))
    ));
    assert!(matches!(
        read_regular(&dir.path().join("none"), 10),
        Err(FileError::Missing)
    ));
    #[cfg(unix)]
    assert!(matches!(
        read_regular(Path::new("/dev/zero"), 10),
        Err(FileError::NotAFile("a device"))
    ));
}

#[cfg(unix)]
#[test]
fn a_link_is_followed_only_where_links_are_followed() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let target = dir.path().join("target.txt");
    std::fs::write(&target, b"secret").expect("write");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&target, &link).expect("link");
    assert_eq!(read_regular(&link, 10).expect("followed"), b"secret");
    assert!(matches!(read_own(&link, 10), Err(FileError::Link)));
    assert!(matches!(
        look(&link, 10, Links::Refuse),
        Err(FileError::Link)
    ));
    // A link to a device is a device when followed.
    let zero = dir.path().join("zero");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("link");
    assert!(matches!(
        look(&zero, 10, Links::Follow),
        Err(FileError::NotAFile("a device"))
    ));
    // Opened past the first look (a link put in place in between): refused too.
    assert!(matches!(
        open_without_waiting(&link, Links::Refuse).map_err(FileError::from_io),
        Err(FileError::Link)
    ));
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    assert!(matches!(
        read_regular(&fifo, 10),
        Err(FileError::NotAFile("a named pipe (FIFO)"))
    ));
    // Opened past the first look (as when a file is swapped for a pipe in between),
    // the pipe does not block either.
    let file = open_without_waiting(&fifo, Links::Follow).expect("opens at once");
    assert!(matches!(
        check(&file.metadata().expect("fstat"), 10),
        Err(FileError::NotAFile(_))
    ));
}

#[test]
fn a_file_is_replaced_whole_leaving_no_temporary_file() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("state.ron");
    replace_whole(&path, b"one").expect("written");
    replace_whole(&path, b"two").expect("replaced");
    assert_eq!(std::fs::read(&path).expect("read"), b"two");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["state.ron"]);
}

#[cfg(unix)]
#[test]
fn nothing_is_written_through_a_link_or_onto_a_device_or_folder() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let target = dir.path().join("elsewhere.txt");
    std::fs::write(&target, b"keep me").expect("write");
    let link = dir.path().join("usage.ron");
    std::os::unix::fs::symlink(&target, &link).expect("link");
    let error = replace_whole(&link, b"figures").expect_err("a link is refused");
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    assert!(error.to_string().contains("a symbolic link"), "{error}");
    assert_eq!(std::fs::read(&target).expect("read"), b"keep me");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("still there")
            .is_symlink()
    );
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).expect("folder");
    assert!(replace_whole(&folder, b"x").is_err());
    assert!(folder.is_dir());
    // A device (as root, /dev/null itself would have been replaced by a file).
    let error = only_a_file_or_nothing(Path::new("/dev/null")).expect_err("a device");
    assert!(error.to_string().contains("a device"), "{error}");
    // No temporary file is left by the refusals.
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 3);
}

#[test]
fn leftover_temporary_files_are_known_by_their_name_and_removed() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("usage.ron");
    let os = std::ffi::OsStr::new;
    assert!(is_temporary_of(os(".usage.ron.a1B2c3.tmp"), "usage.ron"));
    assert!(!is_temporary_of(os(".usage.ron..tmp"), "usage.ron"));
    assert!(!is_temporary_of(os("usage.ron.a1B2c3.tmp"), "usage.ron"));
    assert!(!is_temporary_of(os(".usage.ronx.a1.tmp"), "usage.ron"));
    assert!(!is_temporary_of(os(".window.ron.a1.tmp"), "usage.ron"));
    std::fs::write(dir.path().join(".usage.ron.k1ll3d.tmp"), b"half").expect("write");
    std::fs::write(dir.path().join(".other.ron.k1ll3d.tmp"), b"not ours").expect("write");
    std::fs::write(&path, b"figures").expect("write");
    assert_eq!(remove_leftovers(&path), 1);
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    names.sort();
    assert_eq!(names, [".other.ron.k1ll3d.tmp", "usage.ron"]);
}
