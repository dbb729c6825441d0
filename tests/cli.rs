//! The `office-kiosk` binary's command line, run as a user would run it.
//!
//! No test here may open a window: each run has no display to open one on, and is killed
//! (failing the test) if it does not finish in time.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use office_kiosk::content::EMBEDDED_RON;

mod common;

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

#[test]
fn check_accepts_the_default_content() {
    let output = run(&["check", "content/belize.ron"]);
    let out = stdout(&output);
    assert_eq!(
        code(&output),
        Some(0),
        "stdout: {out}\nstderr: {}",
        stderr(&output)
    );
    assert_eq!(
        out.trim_end(),
        "content/belize.ron: valid (2 languages: en, es), 0 warnings"
    );
}

#[test]
fn check_accepts_an_absolute_path_from_elsewhere() {
    let path = manifest_dir().join("content/belize.ron");
    let path = path.to_str().expect("a UTF-8 path");
    let elsewhere = tempfile::tempdir().expect("a temp dir");
    let output = Command::new(BIN)
        .args(["check", path])
        .current_dir(elsewhere.path())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs");
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output).trim_end(),
        format!("{path}: valid (2 languages: en, es), 0 warnings")
    );
}

/// A broken copy of the default content in a temp folder, images included.
struct Broken {
    _dir: tempfile::TempDir,
    path: PathBuf,
    text: String,
}

impl Broken {
    fn new(edits: &[(&str, &str)]) -> Self {
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

    fn path(&self) -> &str {
        self.path.to_str().expect("a UTF-8 temp path")
    }
}

#[test]
fn check_lists_every_problem_with_its_position() {
    let broken = Broken::new(&[
        (r#"default_language: "en","#, r#"default_language: "fr","#),
        (
            r#"acronym: {"en": "IOM", "es": "OIM"}"#,
            r#"acronym: {"en": "IOM"}"#,
        ),
        ("value: 46390.0", "value: -46390.0"),
    ]);
    let output = run(&["check", broken.path()]);
    let out = stdout(&output);
    assert_eq!(
        code(&output),
        Some(1),
        "stdout: {out}\nstderr: {}",
        stderr(&output)
    );

    let file = broken.path();
    let expected = [
        format!(
            "{file}:{}: error: default language `fr` is not one of the declared languages",
            line_column(&broken.text, r#""fr""#, 0)
        ),
        format!(
            "{file}:{}: error: `identity.acronym` has no text in `es`",
            line_column(&broken.text, "acronym: {", "acronym: ".len())
        ),
        format!(
            "{file}:{}: error: `facts.charts[0].bars[4].value` is -46390; a bar cannot be negative",
            line_column(&broken.text, "-46390.0", 0)
        ),
    ];
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.last().copied(),
        Some(format!("{file}: invalid: 3 errors, 0 warnings").as_str()),
        "{out}"
    );
    let listed: Vec<&str> = lines[..lines.len() - 1].iter().map(|l| l.trim()).collect();
    assert_eq!(listed, expected, "{out}");
}

#[test]
fn check_reports_a_syntax_error_with_its_position() {
    let broken = Broken::new(&[(
        r#"nav_label: {"en": "Home", "es": "Inicio"}"#,
        r#"nav_lable: {"en": "Home", "es": "Inicio"}"#,
    )]);
    let output = run(&["check", broken.path()]);
    let out = stdout(&output);
    assert_eq!(code(&output), Some(1), "{out}");
    let at = line_column(&broken.text, "nav_lable", 0);
    let prefix = format!(
        "{}:{at}: error: Unexpected field named `nav_lable`",
        broken.path()
    );
    assert!(
        out.lines().any(|l| l.trim().starts_with(&prefix)),
        "no line starts with {prefix}:\n{out}"
    );
}

#[test]
fn check_of_a_missing_file_exits_2() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let missing = dir.path().join("no-such-content.ron");
    let output = run(&["check", missing.to_str().expect("UTF-8")]);
    assert_eq!(code(&output), Some(2), "{}", stdout(&output));
    let out = stdout(&output);
    assert!(
        out.starts_with(&format!(
            "{}: error: cannot read the content file",
            missing.display()
        )),
        "{out}"
    );
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

    office_kiosk::pin::PinHash::new("1357", [1; 16], 10)
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

#[test]
fn check_speaks_json_for_tools() {
    let broken = Broken::new(&[("value: 46390.0", "value: -46390.0")]);
    let output = run(&["check", "--format", "json", broken.path()]);
    assert_eq!(code(&output), Some(1));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"], 1);
    let problem = &report["problems"][0];
    assert_eq!(problem["severity"], "error");
    let (line, column) = {
        let at = line_column(&broken.text, "-46390.0", 0);
        let (l, c) = at.split_once(':').expect("line:column");
        (
            l.parse::<u64>().expect("line"),
            c.parse::<u64>().expect("column"),
        )
    };
    assert_eq!(problem["line"], line);
    assert_eq!(problem["column"], column);
    assert!(
        problem["message"]
            .as_str()
            .is_some_and(|m| m.contains("negative"))
    );

    let valid = run(&["check", "--format", "json", "content/belize.ron"]);
    assert_eq!(code(&valid), Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout(&valid)).expect("JSON");
    assert_eq!(report["valid"], true);
    assert_eq!(report["languages"], serde_json::json!(["en", "es"]));

    let missing = run(&["check", "--format", "json", "no/such/file.ron"]);
    assert_eq!(code(&missing), Some(2));
    let report: serde_json::Value = serde_json::from_str(&stdout(&missing)).expect("JSON");
    assert_eq!(report["readable"], false);
}

#[test]
fn warnings_do_not_fail_the_check() {
    let long = "Everything about working with the International Organization for Migration";
    let broken = Broken::new(&[(
        r#"nav_label: {"en": "Careers""#,
        &format!(r#"nav_label: {{"en": "{long}""#),
    )]);
    let output = run(&["check", broken.path()]);
    let out = stdout(&output);
    assert_eq!(code(&output), Some(0), "{out}");
    assert!(
        out.contains(": warning: `careers.header.nav_label` (en) is too long"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("warnings"), "{out}");
}

#[test]
fn a_byte_order_mark_is_fine_and_bad_utf8_is_placed() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let bom = dir.path().join("bom.ron");
    std::fs::write(
        &bom,
        format!("\u{feff}{}", office_kiosk::content::EMBEDDED_RON),
    )
    .expect("write");
    let images = dir.path().join("images");
    std::fs::create_dir_all(&images).expect("mkdir");
    for (name, bytes) in office_kiosk::content::EMBEDDED_FILES {
        std::fs::write(dir.path().join(name), bytes).expect("write image");
    }
    assert_eq!(
        code(&run(&["check", bom.to_str().expect("UTF-8")])),
        Some(0)
    );

    let latin1 = dir.path().join("latin1.ron");
    let mut bytes = b"Content(\n  languages: [],\n  // caf".to_vec();
    bytes.push(0xe9); // "é" in Latin-1: not UTF-8.
    std::fs::write(&latin1, bytes).expect("write");
    let output = run(&["check", latin1.to_str().expect("UTF-8")]);
    assert_eq!(code(&output), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains("latin1.ron:3:9: error: the file is not UTF-8"),
        "{out}"
    );
}

// ---------------------------------------------------------------------------------------
// `check` on files that are not what they seem: refused at once, saying what they are
// ---------------------------------------------------------------------------------------

/// How long `check` may take on a file it must refuse: it looks before it reads.
const QUICK: Duration = Duration::from_secs(5);

/// Runs `office-kiosk check PATH` and fails if it does not finish within [`QUICK`].
fn check_quickly(path: &Path) -> Output {
    let mut child = Command::new(BIN)
        .arg("check")
        .arg(path)
        .current_dir(manifest_dir())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > QUICK {
            child.kill().expect("kill the stuck check");
            let _ = child.wait();
            panic!("check {} did not finish within {QUICK:?}", path.display());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().expect("collect output")
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// `check` of `path` exits 2 with one line naming the path and saying what it is.
fn assert_refused(path: &Path, what: &str) {
    let output = check_quickly(path);
    assert_eq!(code(&output), Some(2), "{}", stdout(&output));
    assert_eq!(
        stdout(&output).trim_end(),
        format!(
            "{}: error: cannot read the content file: {what}",
            path.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn check_refuses_a_named_pipe_at_once() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let fifo = dir.path().join("content.ron");
    mkfifo(&fifo);
    assert_refused(&fifo, "it is a named pipe (FIFO), not a file");
}

#[cfg(unix)]
#[test]
fn check_refuses_dev_zero_without_reading_it() {
    assert_refused(Path::new("/dev/zero"), "it is a device, not a file");
}

#[test]
fn check_refuses_a_folder() {
    let dir = tempfile::tempdir().expect("a temp dir");
    assert_refused(dir.path(), "it is a folder, not a file");
}

#[test]
fn check_refuses_a_huge_content_file_from_its_size() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let huge = dir.path().join("huge.ron");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(1536 << 20))
        .expect("a sparse file");
    assert_refused(&huge, "it is 1.5 GB, larger than the 4 MB allowed");
}

/// The default content in a temp folder whose office image is `images/odd.png`, made by
/// `make`; `check` must report that image at its line and column, and exit 1.
fn assert_image_refused(make: impl FnOnce(&Path), what: &str) {
    let broken = Broken::new(&[(
        "image: Some(Image(\n            path: \"images/belize-map.png\"",
        "image: Some(Image(\n            path: \"images/odd.png\"",
    )]);
    make(
        &broken
            .path
            .parent()
            .expect("the folder")
            .join("images/odd.png"),
    );
    let output = check_quickly(&broken.path);
    let out = stdout(&output);
    assert_eq!(code(&output), Some(1), "{out}");
    let at = line_column(&broken.text, "\"images/odd.png\"", 0);
    assert!(
        out.contains(&format!(
            "{}:{at}: error: image `images/odd.png` cannot be read: {what}",
            broken.path()
        )),
        "{out}"
    );
}

#[cfg(unix)]
#[test]
fn check_refuses_an_image_that_is_a_named_pipe_at_once() {
    assert_image_refused(mkfifo, "it is a named pipe (FIFO), not a file");
}

#[test]
fn check_refuses_a_huge_sparse_image_without_reading_it() {
    assert_image_refused(
        |path| {
            std::fs::File::create(path)
                .and_then(|f| f.set_len(1536 << 20))
                .expect("a sparse file");
        },
        "it is 1.5 GB, larger than the 50 MB allowed",
    );
}
