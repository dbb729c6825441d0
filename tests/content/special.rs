//! Files that are not what they seem: folders, named pipes, devices and huge files, as the
//! content file or as an image, at load time and when the running kiosk decodes an image
//! later. Each is refused at once with words naming what it is; nothing waits or reads
//! without end.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use office_kiosk::content::limits::{MAX_CONTENT_BYTES, MAX_IMAGE_BYTES};
use office_kiosk::content::{
    EMBEDDED_RON, FileError, ImageData, LoadError, ProblemKind, decode, load, load_with,
};

use crate::{Folder, office_image, office_image_position, only};

/// Runs `f` on another thread and fails the test if it takes more than five seconds: a
/// hang must fail, not freeze the test run.
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(5))
        .expect("finished within five seconds instead of waiting or reading for ever")
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// A sparse file of `len` bytes: large on paper, nothing on disk.
fn sparse(path: &Path, len: u64) {
    std::fs::File::create(path)
        .and_then(|f| f.set_len(len))
        .expect("a sparse file");
}

fn unreadable_content(path: &Path) -> FileError {
    let path = path.to_owned();
    match within_seconds(move || load(&path)) {
        Err(LoadError::Unreadable { reason, .. }) => reason,
        other => panic!("expected Unreadable, got {other:?}"),
    }
}

#[test]
fn a_folder_as_the_content_file_is_refused() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let error = unreadable_content(dir.path());
    assert!(
        matches!(error, FileError::NotAFile("a folder")),
        "{error:?}"
    );
    let message = LoadError::Unreadable {
        path: "x.ron".into(),
        reason: error,
    }
    .to_string();
    assert_eq!(
        message,
        "cannot read content file x.ron: it is a folder, not a file"
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_as_the_content_file_is_refused_without_waiting() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let fifo = dir.path().join("content.ron");
    mkfifo(&fifo);
    let error = unreadable_content(&fifo);
    assert!(
        matches!(error, FileError::NotAFile("a named pipe (FIFO)")),
        "{error:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_device_as_the_content_file_is_refused_without_reading_it() {
    let error = unreadable_content(Path::new("/dev/zero"));
    assert!(
        matches!(error, FileError::NotAFile("a device")),
        "{error:?}"
    );
}

#[test]
fn a_content_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let huge = dir.path().join("huge.ron");
    sparse(&huge, 1536 << 20);
    let error = unreadable_content(&huge);
    assert!(
        matches!(error, FileError::TooLarge { size, max } if size == 1536 << 20 && max == MAX_CONTENT_BYTES),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "it is 1.5 GB, larger than the 4 MB allowed"
    );
}

#[test]
fn the_loaded_text_is_the_file_as_parsed_read_once() {
    let folder = Folder::new(&format!("\u{feff}{EMBEDDED_RON}"));
    let loaded = load_with(&folder.file(), false).expect("valid");
    // Without the byte-order mark, as the positions count.
    assert_eq!(loaded.text, EMBEDDED_RON);
    let old_mac = EMBEDDED_RON.replace('\n', "\r");
    folder.write("belize.ron", old_mac.as_bytes());
    let loaded = load_with(&folder.file(), false).expect("valid with CR line ends");
    assert_eq!(loaded.text, EMBEDDED_RON);
}

/// The one problem of the content whose office image is `rel`, made by `make` in the folder.
fn image_problem(rel: &str, make: impl FnOnce(&Path)) -> (ProblemKind, String) {
    let text = office_image(rel);
    let folder = Folder::new(&text);
    make(&folder.content().join(rel));
    let file = folder.file();
    let problems = within_seconds(move || match load(&file) {
        Err(LoadError::Invalid(problems)) => problems,
        other => panic!("expected problems, got {other:?}"),
    });
    let problem = only(problems);
    assert_eq!(problem.position, Some(office_image_position(&text)));
    let message = problem.to_string();
    (problem.kind, message)
}

fn reason(kind: &ProblemKind) -> &str {
    match kind {
        ProblemKind::ImageUnreadable { reason, .. } => reason,
        other => panic!("expected ImageUnreadable, got {other:?}"),
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_as_an_image_is_refused_without_waiting() {
    let (kind, message) = image_problem("images/pipe.png", mkfifo);
    assert_eq!(reason(&kind), "it is a named pipe (FIFO), not a file");
    assert!(
        message.contains("image `images/pipe.png` cannot be read"),
        "{message}"
    );
}

#[test]
fn a_folder_as_an_image_is_refused() {
    let (kind, _) = image_problem("images/folder.png", |path| {
        std::fs::create_dir(path).expect("mkdir");
    });
    assert_eq!(reason(&kind), "it is a folder, not a file");
}

#[test]
fn a_huge_sparse_image_is_refused_from_its_size() {
    let (kind, _) = image_problem("images/huge.png", |path| sparse(path, 1536 << 20));
    assert_eq!(
        reason(&kind),
        format!(
            "it is 1.5 GB, larger than the {} MB allowed",
            MAX_IMAGE_BYTES >> 20
        )
    );
}

#[cfg(unix)]
#[test]
fn an_image_swapped_for_a_pipe_while_the_kiosk_runs_is_refused_by_the_decoder() {
    let folder = Folder::new(EMBEDDED_RON);
    let content = load_with(&folder.file(), false).expect("valid").content;
    let map = content.contact.map.expect("the map");
    let ImageData::File { path, .. } = &map.data else {
        panic!("read from the folder");
    };
    std::fs::remove_file(path).expect("remove the map");
    mkfifo(path);
    let (rel, data) = (map.path.clone(), map.data.clone());
    let result = within_seconds(move || decode(&rel, &data, 512));
    assert_eq!(
        reason(&result.expect_err("a pipe is no image")),
        "it is a named pipe (FIFO), not a file"
    );
    // And a device, or a file grown past the limit since it was checked.
    std::fs::remove_file(path).expect("remove the pipe");
    sparse(path, MAX_IMAGE_BYTES + 1);
    let (rel, data) = (map.path.clone(), map.data.clone());
    let result = within_seconds(move || decode(&rel, &data, 512));
    assert!(
        reason(&result.expect_err("too large")).contains("larger than"),
        "too large"
    );
}
