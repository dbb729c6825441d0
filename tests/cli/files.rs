//! Files and settings that are not what they should be: a PIN file where something else
//! is, endless input, PIN files out of bounds or open to all, a usage file that is not
//! there, an empty HOME, a time zone that is a device, and options outside their range.
//! Each is refused with a message naming it, or set aside with a line in the log, and
//! nothing hangs.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use super::code;
use super::common::{self, BIN, run, stderr};

/// `set-pin PATH` with `pin` and a newline on standard input.
fn set_pin(path: &Path, pin: &str) -> Output {
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
}

#[cfg(unix)]
#[test]
fn set_pin_writes_only_a_new_file_or_a_pin_file() {
    use std::os::unix::fs::FileTypeExt as _;
    let dir = tempfile::tempdir().expect("a temp dir");
    let content = dir.path().join("content.ron");
    std::fs::write(&content, "(languages: [])").expect("write");
    let output = set_pin(&content, "2468");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).contains("is a file of another kind, not a PIN file; nothing was written"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&content).expect("read"),
        "(languages: [])"
    );

    let link = dir.path().join("admin.pin");
    std::os::unix::fs::symlink(&content, &link).expect("link");
    let output = set_pin(&link, "2468");
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).contains("a symbolic link"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&content).expect("read"),
        "(languages: [])"
    );

    // As root this replaced the device with a file.
    let output = set_pin(Path::new("/dev/null"), "2468");
    assert_eq!(code(&output), Some(2));
    assert!(stderr(&output).contains("a device"), "{}", stderr(&output));
    let null = std::fs::metadata("/dev/null").expect("/dev/null");
    assert!(null.file_type().is_char_device());

    // A new file, then that PIN file again.
    std::fs::remove_file(&link).expect("unlink");
    for pin in ["2468", "13579"] {
        let output = set_pin(&link, pin);
        assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    }
    let hash = office_kiosk::pin::PinHash::load(&link).expect("a PIN file");
    assert!(hash.verify("13579"));
}

#[cfg(unix)]
#[test]
fn set_pin_reads_no_further_than_a_pin_from_endless_input() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("admin.pin");
    let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
    let output = common::finish(
        Command::new(BIN)
            .args(["set-pin", path.to_str().expect("UTF-8")])
            .stdin(Stdio::from(zero))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).contains("longer than 64 bytes"),
        "{}",
        stderr(&output)
    );
    assert!(!path.exists());
}

#[cfg(unix)]
#[test]
fn pin_files_out_of_bounds_or_open_to_all_are_refused_before_the_kiosk_starts() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("a temp dir");
    let pin = dir.path().join("admin.pin");
    let pin_arg = pin.to_str().expect("UTF-8");
    let check = ["check", "--admin-pin-file", pin_arg, "content/belize.ron"];
    // A count that held the pad for minutes after OK.
    let huge = format!("v1$4000000000${}${}\n", "00".repeat(16), "ab".repeat(32));
    std::fs::write(&pin, &huge).expect("write");
    let output = run(&check);
    assert_eq!(code(&output), Some(1));
    let out = common::stdout(&output);
    assert!(
        out.contains("iteration count `4000000000` is not from 10000 to 500000"),
        "{out}"
    );
    let output = run(&["--kiosk", "--admin-pin-file", pin_arg]);
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).contains("iteration count"),
        "{}",
        stderr(&output)
    );

    // A good PIN file that every user may change.
    std::fs::remove_file(&pin).expect("remove");
    assert_eq!(code(&set_pin(&pin, "2468")), Some(0));
    std::fs::set_permissions(&pin, std::fs::Permissions::from_mode(0o666)).expect("chmod");
    let output = run(&check);
    assert_eq!(code(&output), Some(1));
    let out = common::stdout(&output);
    assert!(out.contains(&format!("`chmod o-w {pin_arg}`")), "{out}");
    std::fs::set_permissions(&pin, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    assert_eq!(code(&run(&check)), Some(0));
}

#[test]
fn stats_of_a_file_that_is_not_there_is_an_error() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let missing = dir.path().join("usage.ron");
    let output = run(&["stats", "--file", missing.to_str().expect("UTF-8")]);
    assert_eq!(code(&output), Some(2));
    assert!(
        stderr(&output).contains("there is no such file"),
        "{}",
        stderr(&output)
    );
    // The state folder's own file not there yet: no figures yet, and no error.
    let output = common::finish(common::command(&["stats"]).env("STATE_DIRECTORY", dir.path()));
    assert_eq!(code(&output), Some(0), "{}", stderr(&output));
    assert!(common::stdout(&output).starts_with("No usage figures yet"));
}

#[cfg(unix)]
#[test]
fn a_time_zone_that_is_a_device_is_not_read() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let usage = dir.path().join("usage.ron");
    // With figures, `stats` asks the clock for today (to note days after it).
    std::fs::write(
        &usage,
        r#"(version: 1, hours: [(date: "2026-11-29", hour: 10, page_views: {"home": 1})])"#,
    )
    .expect("write");
    for tz in ["/dev/zero", ":/dev/zero"] {
        // Without the check, the clock reads /dev/zero for ever and this is killed.
        let output = common::finish(
            common::command(&["stats", "--file", usage.to_str().expect("UTF-8")]).env("TZ", tz),
        );
        assert_eq!(code(&output), Some(0), "{}", stderr(&output));
        assert!(
            stderr(&output).contains(&format!("TZ={tz} is not used (/dev/zero: it is a device")),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn an_empty_or_relative_home_means_no_state_folder() {
    for home in ["", "relative/home"] {
        let cwd = tempfile::tempdir().expect("a temp dir");
        // No display: the window cannot open, but the folders are decided before.
        let output = common::finish(
            common::command(&["--kiosk"])
                .current_dir(cwd.path())
                .env("HOME", home)
                .env_remove("XDG_STATE_HOME")
                .env_remove("LOGS_DIRECTORY"),
        );
        assert_ne!(code(&output), Some(0));
        let err = stderr(&output);
        assert!(
            err.contains("there is no state folder"),
            "HOME={home:?}: {err}"
        );
        assert_eq!(
            err.matches("there is no state folder").count(),
            1,
            "once: {err}"
        );
        let written: Vec<_> = std::fs::read_dir(cwd.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert!(
            written.is_empty(),
            "HOME={home:?}: wrote {written:?} into the current folder"
        );
    }
}

#[test]
fn options_outside_their_range_are_refused_naming_the_range() {
    for (args, says) in [
        // A timeout of 0 became 1 s: back to the attract loop a second after each touch.
        (&["--kiosk", "--idle-timeout", "0"][..], "from 5 to 86400"),
        (&["--kiosk", "--idle-timeout", "100000"], "from 5 to 86400"),
        (
            &["--kiosk", "--idle-timeout", "30", "--idle-warning", "40"],
            "a countdown of 40 s does not fit in an idle timeout of 30 s",
        ),
        (&["--kiosk", "--idle-warning", "60"], "--idle-warning"),
        (&["--present", "--slide-interval", "0"], "from 2 to 3600"),
        (&["--present", "--slide-interval", "0.5"], "from 2 to 3600"),
        (&["--kiosk", "--monitor", "99"], "from 0 (the first) to 15"),
    ] {
        let output = run(args);
        let err = stderr(&output);
        assert_eq!(code(&output), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?} should say {says}: {err}");
        assert!(
            !err.contains("display"),
            "{args:?}: refused before any window: {err}"
        );
    }
}

#[test]
fn a_relative_content_path_is_resolved_once_at_start() {
    use clap::Parser as _;
    let cli =
        office_kiosk::cli::Cli::try_parse_from(["office-kiosk", "--content", "content/belize.ron"])
            .expect("parses");
    let options = office_kiosk::AppOptions::from_cli(&cli, None).expect("starts");
    let watched = options.watch.expect("a content file");
    assert!(watched.is_absolute(), "{}", watched.display());
    assert_eq!(
        watched,
        Path::new(env!("CARGO_MANIFEST_DIR")).join("content/belize.ron")
    );
}
