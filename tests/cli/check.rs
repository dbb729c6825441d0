//! `office-kiosk check` on content files: valid, broken with every problem at its line and
//! column, and files that are not what they seem, refused at once.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use super::common::{BIN, run, stderr, stdout};
use super::{Broken, code, line_column, manifest_dir};

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
