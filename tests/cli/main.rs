//! The `office-kiosk` binary's command line, run as a user would run it: its options and
//! subcommands here, the content check in [`check`], files and settings that are not what
//! they should be in [`files`].
//!
//! No test here may open a window: each run has no display to open one on, and is killed
//! (failing the test) if it does not finish in time.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use office_kiosk::content::EMBEDDED_RON;

#[path = "../common/mod.rs"]
mod common;

mod check;
mod files;

use common::{BIN, run, stderr, stdout};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn code(output: &Output) -> Option<i32> {
    output.status.code()
}

/// `text` with its one occurrence of `from` replaced by `to`.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "`{from}` must be unique");
    text.replacen(from, to, 1)
}

/// `line:column` (1-based, columns in characters) where the unique `needle` starts,
/// moved right by `skip` characters.
fn line_column(text: &str, needle: &str, skip: usize) -> String {
    assert_eq!(text.matches(needle).count(), 1, "`{needle}` must be unique");
    let before = &text[..text.find(needle).expect("counted above")];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1 + skip;
    format!("{line}:{column}")
}

/// A broken copy of the default content in a temp folder, images included.
pub(crate) struct Broken {
    _dir: tempfile::TempDir,
    pub(crate) path: PathBuf,
    pub(crate) text: String,
}

impl Broken {
    pub(crate) fn new(edits: &[(&str, &str)]) -> Self {
        let text = edits
            .iter()
            .fold(EMBEDDED_RON.to_owned(), |t, (from, to)| edit(&t, from, to));
        let dir = tempfile::tempdir().expect("a temp dir");
        std::fs::create_dir(dir.path().join("images")).expect("images folder");
        std::fs::copy(
            manifest_dir().join("content/images/belize-map.png"),
            dir.path().join("images/belize-map.png"),
        )
        .expect("copy the map");
        let path = dir.path().join("broken.ron");
        std::fs::write(&path, &text).expect("write the broken file");
        Self {
            _dir: dir,
            path,
            text,
        }
    }

    pub(crate) fn path(&self) -> &str {
        self.path.to_str().expect("a UTF-8 temp path")
    }
}

#[test]
fn an_unknown_page_is_a_usage_error_naming_the_pages() {
    let output = run(&["--page", "nowhere"]);
    let err = stderr(&output);
    // clap's exit code for usage errors; nothing was started.
    assert_eq!(code(&output), Some(2), "{err}");
    assert!(stdout(&output).is_empty());
    assert!(err.contains("--page"), "{err}");
    assert!(err.contains("nowhere"), "{err}");
    assert!(
        err.contains("expected one of home, about, office, facts, careers, contact"),
        "{err}"
    );
    assert!(err.contains("Usage:") || err.contains("--help"), "{err}");
}

#[test]
fn other_bad_options_are_usage_errors_too() {
    for args in [
        &["--theme", "purple"][..],
        &["--window-size", "10x10"],
        &["--no-such-flag"],
        &["check"],
    ] {
        let output = run(args);
        assert_eq!(code(&output), Some(2), "{args:?}: {}", stderr(&output));
        assert!(stderr(&output).contains("error:"), "{args:?}");
    }
}

#[test]
fn options_outside_their_mode_are_refused() {
    for (args, names) in [
        (&["--slide-interval", "5"][..], "--present"),
        (&["--idle-timeout", "30"], "--kiosk"),
        (&["--idle-warning", "5"], "--kiosk"),
        (&["--admin-pin-file", "admin.pin"], "--kiosk"),
        (&["--show-cursor"], "--kiosk"),
        (
            &["--present", "--idle-timeout", "30"],
            "cannot be used with",
        ),
        (&["--monitor", "1"], "--kiosk"),
        (
            &[
                "--content",
                "content/belize.ron",
                "check",
                "content/belize.ron",
            ],
            "check",
        ),
        (&["--window-size", "100000x100000"], "16384"),
        (&["--window-size", "320x200"], "640x480"),
        (&["--kiosk", "--idle-timeout=-5"], "seconds"),
        (&["--screen-hours", "08:00-17:00"], "--kiosk"),
        (&["--kiosk", "--screen-hours", "8-17"], "08:00-17:00"),
        (&["--kiosk", "--screen-hours", "09:00-09:00"], "never be on"),
    ] {
        let output = run(args);
        let err = stderr(&output);
        assert_eq!(code(&output), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(names),
            "{args:?} should mention {names}: {err}"
        );
    }
}

#[test]
fn a_bad_language_or_pin_file_is_refused_before_any_window() {
    // No display is set: an error about the display would mean a window was tried first.
    let output = run(&["--lang", "xx"]);
    let err = stderr(&output);
    assert_eq!(code(&output), Some(2), "{err}");
    assert!(err.contains("--lang xx") && err.contains("en, es"), "{err}");

    let dir = tempfile::tempdir().expect("a temp dir");
    let missing = dir.path().join("admin.pin");
    let output = run(&[
        "--kiosk",
        "--admin-pin-file",
        missing.to_str().expect("UTF-8"),
    ]);
    let err = stderr(&output);
    assert_eq!(code(&output), Some(2), "{err}");
    assert!(
        err.contains("admin.pin") && err.contains("set-pin"),
        "{err}"
    );

    let not_a_pin = dir.path().join("notes.txt");
    std::fs::write(&not_a_pin, "1234\n").expect("write");
    let output = run(&[
        "--kiosk",
        "--admin-pin-file",
        not_a_pin.to_str().expect("UTF-8"),
    ]);
    let err = stderr(&output);
    assert_eq!(code(&output), Some(2), "{err}");
    assert!(err.contains("not a PIN file"), "{err}");
    assert_eq!(err.lines().count(), 1, "one message, once: {err}");

    // A folder given as the content: said once, not once per layer of the error.
    let output = run(&["--content", dir.path().to_str().expect("UTF-8")]);
    let err = stderr(&output);
    assert_eq!(code(&output), Some(2), "{err}");
    assert_eq!(
        err.matches("it is a folder, not a file").count(),
        1,
        "{err}"
    );
}

/// Runs the binary with `args`, its standard output going to `out`.
fn run_into(args: &[&str], out: Stdio) -> Output {
    common::finish(common::command(args).stdout(out))
}

#[test]
fn a_closed_pipe_ends_quietly_and_a_full_disk_is_an_error() {
    let broken = Broken::new(&[("value: 46390.0", "value: -46390.0")]);
    for args in [
        &["check", broken.path()][..],
        &["check", "--format", "json", broken.path()],
    ] {
        // A reader that has gone away, as `| head -1` once it has its line.
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let output = run_into(args, Stdio::from(writer));
        assert_eq!(code(&output), Some(1), "{args:?}: {}", stderr(&output));
        assert_eq!(stderr(&output), "", "{args:?}: nothing to say");

        let full = std::fs::File::create("/dev/full").expect("/dev/full");
        let output = run_into(args, Stdio::from(full));
        let err = stderr(&output);
        assert_eq!(code(&output), Some(2), "{args:?}: {err}");
        assert_eq!(
            err.trim_end(),
            "error: cannot write the output: No space left on device (os error 28)"
        );
    }
}

#[test]
fn check_also_checks_the_pin_file_the_service_needs() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let pin = dir.path().join("admin.pin");
    let pin_arg = pin.to_str().expect("UTF-8");
    let args = ["check", "--admin-pin-file", pin_arg, "content/belize.ron"];
    let output = run(&args);
    assert_eq!(code(&output), Some(1), "a missing PIN file fails the check");
    let out = stdout(&output);
    assert!(
        out.contains("admin.pin") && out.contains("set-pin"),
        "{out}"
    );
    assert!(
        out.trim_end()
            .ends_with("0 warnings; the admin PIN file is not (see above)"),
        "{out}"
    );

    std::fs::write(&pin, "not a hash\n").expect("write");
    let output = run(&args);
    assert_eq!(code(&output), Some(1));
    assert!(
        stdout(&output).contains("not a PIN file"),
        "{}",
        stdout(&output)
    );

    // Not a PIN file: set-pin would not replace it.
    std::fs::remove_file(&pin).expect("remove");
    office_kiosk::pin::PinHash::new("1357", [1; 16], office_kiosk::pin::MIN_FILE_ITERATIONS)
        .expect("a PIN")
        .save(&pin)
        .expect("saved");
    let output = run(&args);
    assert_eq!(code(&output), Some(0), "{}", stdout(&output));
}

#[test]
fn set_pin_writes_a_hash_only_its_owner_reads_and_refuses_bad_pins() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("admin.pin");
    let set = |pin: &str| {
        let mut child = Command::new(BIN)
            .args(["set-pin", path.to_str().expect("UTF-8")])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let mut stdin = child.stdin.take().expect("stdin");
        std::io::Write::write_all(&mut stdin, format!("{pin}\n").as_bytes()).expect("write");
        drop(stdin);
        child.wait_with_output().expect("it finishes")
    };
    let output = set("12");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).contains("4 to 12 digits"),
        "{}",
        stderr(&output)
    );
    assert!(!path.exists(), "nothing written for a bad PIN");

    let output = set("246810");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&path).expect("the PIN file");
    assert!(!text.contains("246810"), "the file holds no PIN");
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let hash = office_kiosk::pin::PinHash::load(&path).expect("a PIN file");
    assert!(hash.verify("246810"));
    assert!(!hash.verify("246811"));
}

#[test]
fn help_lists_the_options() {
    let output = run(&["--help"]);
    let out = stdout(&output);
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    for option in [
        "--content",
        "--page",
        "--lang",
        "--theme",
        "--large-text",
        "check",
    ] {
        assert!(out.contains(option), "--help lacks {option}:\n{out}");
    }
    assert!(
        out.contains("home, about, office, facts, careers or contact"),
        "{out}"
    );
}

#[test]
fn check_help_explains_the_exit_codes() {
    let output = run(&["check", "--help"]);
    let out = stdout(&output);
    assert_eq!(code(&output), Some(0));
    assert!(out.contains("<PATH>"), "{out}");
    assert!(out.contains("exit 0 when valid, 1 when not"), "{out}");
}

#[test]
fn init_writes_a_starter_folder_that_checks_clean() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let target = dir.path().join("guyana");
    let output = run(&["init", target.to_str().expect("UTF-8")]);
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    for file in ["content.ron", "README.md", "images/belize-map.png"] {
        assert!(target.join(file).is_file(), "init wrote {file}");
    }
    let guide = std::fs::read_to_string(target.join("README.md")).expect("the guide");
    assert!(
        guide.contains("office-kiosk check"),
        "the guide explains check"
    );
    let content = target.join("content.ron");
    let output = run(&["check", content.to_str().expect("UTF-8")]);
    assert_eq!(code(&output), Some(0), "{}", stdout(&output));

    // Never over someone's work.
    let again = run(&["init", target.to_str().expect("UTF-8")]);
    assert_eq!(code(&again), Some(2));
    assert!(stderr(&again).contains("not empty"), "{}", stderr(&again));
    // Nothing is left of the folder it was written in before it was moved into place.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(left, [std::ffi::OsString::from("guyana")]);

    // An empty folder is filled.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let output = run(&["init", empty.to_str().expect("UTF-8")]);
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert!(empty.join("content.ron").is_file());
}
