//! Tests of the PIN hash and its file.

use super::*;

#[test]
fn verifies_only_the_right_pin() {
    let hash = PinHash::new("2468", [7; 16], 10).expect("valid pin");
    assert!(hash.verify("2468"));
    assert!(!hash.verify("2469"));
    assert!(!hash.verify(""));
    assert!(!hash.verify("24680"));
}

#[test]
fn rejects_pins_that_are_not_4_to_12_digits() {
    for bad in ["123", "1234567890123", "12a4", " 1234", ""] {
        assert!(PinHash::new(bad, [0; 16], 1).is_err(), "{bad:?}");
    }
}

#[test]
fn the_file_form_round_trips_and_holds_no_pin() {
    let hash = PinHash::new("13579", [3; 16], MIN_FILE_ITERATIONS).expect("valid pin");
    let line = hash.to_line();
    assert!(!line.contains("13579"));
    assert_eq!(PinHash::from_line(&line), Some(hash));
    assert_eq!(PinHash::from_line("v2$1$00$00"), None);
    assert_eq!(PinHash::from_line("1234"), None);
}

fn hash() -> PinHash {
    PinHash::new("2468", [5; 16], MIN_FILE_ITERATIONS).expect("valid pin")
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn a_saved_file_loads_back_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("admin.pin");
    hash().save(&path).expect("saves");
    assert_eq!(PinHash::load(&path).expect("loads"), hash());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["admin.pin"]);
    // Saving again replaces the file.
    let other = PinHash::new("97531", [6; 16], MIN_FILE_ITERATIONS).expect("valid pin");
    other.save(&path).expect("saves again");
    assert_eq!(PinHash::load(&path).expect("loads"), other);
}

#[cfg(unix)]
#[test]
fn the_file_is_private_and_replaces_only_a_pin_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("a temp dir");
    // A PIN file that was readable by all is replaced by a private one, not widened.
    let path = dir.path().join("admin.pin");
    hash().save(&path).expect("saves");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    hash().save(&path).expect("saves again");
    assert_eq!(mode(&path), 0o600);
    // An empty file, or a damaged PIN file, is replaced too.
    std::fs::write(&path, "v1$12").expect("write");
    hash().save(&path).expect("replaces a damaged PIN file");
    std::fs::write(&path, "").expect("write");
    hash().save(&path).expect("replaces an empty file");

    // Anything else is left as it is: a content file, a link, a device.
    let content = dir.path().join("content.ron");
    std::fs::write(&content, "(languages: [])").expect("write");
    let error = hash().save(&content).expect_err("not a PIN file");
    assert!(matches!(error, PinError::NotReplaced { .. }), "{error:?}");
    assert!(error.to_string().contains("nothing was written"), "{error}");
    assert_eq!(
        std::fs::read_to_string(&content).expect("read"),
        "(languages: [])"
    );
    let link = dir.path().join("link.pin");
    std::os::unix::fs::symlink(&path, &link).expect("link");
    let error = hash().save(&link).expect_err("a link");
    assert!(error.to_string().contains("a symbolic link"), "{error}");
    assert!(std::fs::symlink_metadata(&link).expect("link").is_symlink());
    let error = hash().save(Path::new("/dev/null")).expect_err("a device");
    assert!(error.to_string().contains("a device"), "{error}");
    // A leftover of a killed `set-pin` is cleared away by the next.
    std::fs::write(dir.path().join(".admin.pin.x7Yz9q.tmp"), "half").expect("write");
    hash().save(&path).expect("saves");
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["admin.pin", "content.ron", "link.pin"]);
}

#[test]
fn every_field_of_the_file_is_bounded() {
    let salt = "00".repeat(16);
    let digest = "ab".repeat(32);
    let line =
        |iterations: &str, salt: &str, digest: &str| format!("v1${iterations}${salt}${digest}");
    assert!(PinHash::from_line(&line("200000", &salt, &digest)).is_some());
    assert!(PinHash::from_line(&line("200000", &salt, &digest.to_uppercase())).is_some());
    for (bad, why) in [
        // A huge count held the pad (and the window) for minutes.
        (
            line("4000000000", &salt, &digest),
            "not from 10000 to 500000",
        ),
        (line("500001", &salt, &digest), "not from"),
        (line("9999", &salt, &digest), "not from"),
        (line("+200000", &salt, &digest), "not from"),
        (line("99999999999999999999", &salt, &digest), "not from"),
        (line("200000", &format!("+{}", &salt[1..]), &digest), "salt"),
        (line("200000", &salt[2..], &digest), "salt"),
        (
            line("200000", &salt, &format!("{}zz", &digest[2..])),
            "hash",
        ),
        (
            format!("{}$extra", line("200000", &salt, &digest)),
            "more than four",
        ),
        ("v2$200000$00$00".to_owned(), "v1$"),
    ] {
        let error = PinHash::parse_line(&bad).expect_err(&bad);
        assert!(error.contains(why), "{bad}: {error}");
    }
}

#[cfg(unix)]
#[test]
fn a_file_every_user_may_change_is_refused_with_the_chmod_that_fixes_it() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("admin.pin");
    hash().save(&path).expect("saves");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).expect("chmod");
    let error = PinHash::load(&path).expect_err("world-writable");
    assert!(
        matches!(error, PinError::WorldWritable { mode: 0o666, .. }),
        "{error:?}"
    );
    let problem = check_file(&path).expect_err("refused by the check");
    assert!(
        problem.contains(&format!("chmod o-w {}", path.display())),
        "{problem}"
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).expect("chmod");
    assert_eq!(check_file(&path), Ok(()));
}

#[test]
fn a_failed_save_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("a temp dir");
    // The target is a folder: it is not replaced.
    let path = dir.path().join("admin.pin");
    std::fs::create_dir_all(path.join("inside")).expect("mkdir");
    assert!(matches!(
        hash().save(&path),
        Err(PinError::NotReplaced { .. })
    ));
    // The folder cannot be written: the temporary file cannot even be made.
    let gone = dir.path().join("no such folder").join("admin.pin");
    assert!(matches!(hash().save(&gone), Err(PinError::Io { .. })));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["admin.pin"]);
}

#[test]
fn a_missing_file_is_told_apart_from_a_wrong_one() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let missing = dir.path().join("none.pin");
    let error = PinHash::load(&missing).expect_err("missing");
    assert!(matches!(error, PinError::Missing { .. }), "{error:?}");
    assert!(
        error.to_string().contains("office-kiosk set-pin"),
        "{error}"
    );

    let wrong = dir.path().join("notes.txt");
    for bytes in [&b"my pin is 1234\n"[..], b"", b"v1$10$\xff\xfe"] {
        std::fs::write(&wrong, bytes).expect("write");
        let error = PinHash::load(&wrong).expect_err("not a PIN file");
        assert!(matches!(error, PinError::BadFile { .. }), "{error:?}");
    }
}

#[test]
fn folders_devices_pipes_and_large_files_are_refused_at_once() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let error = PinHash::load(dir.path()).expect_err("a folder");
    assert!(
        matches!(
            error,
            PinError::Unreadable {
                reason: FileError::NotAFile("a folder"),
                ..
            }
        ),
        "{error:?}"
    );
    let large = dir.path().join("large.pin");
    std::fs::write(&large, vec![b'0'; 4096]).expect("write");
    let error = PinHash::load(&large).expect_err("too large");
    assert!(
        matches!(
            error,
            PinError::Unreadable {
                reason: FileError::TooLarge { size: 4096, .. },
                ..
            }
        ),
        "{error:?}"
    );
    #[cfg(unix)]
    {
        let error = PinHash::load(Path::new("/dev/zero")).expect_err("a device");
        assert!(error.to_string().contains("a device"), "{error}");
        let fifo = dir.path().join("pipe.pin");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let error = PinHash::load(&fifo).expect_err("a pipe");
        assert!(error.to_string().contains("named pipe"), "{error}");
    }
}

#[test]
fn salts_make_equal_pins_hash_differently() {
    let a = PinHash::new("1234", [1; 16], 10).expect("valid pin");
    let b = PinHash::new("1234", [2; 16], 10).expect("valid pin");
    assert_ne!(a.to_line(), b.to_line());
}

#[test]
fn pin_file_problems_are_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("admin.pin");
    let missing = check_file(&path).expect_err("missing");
    assert!(
        missing.contains("admin.pin: error: there is no PIN file at"),
        "{missing}"
    );
    assert!(missing.contains("office-kiosk set-pin"), "{missing}");
    std::fs::write(&path, "1234\n").expect("write");
    let broken = check_file(&path).expect_err("broken");
    assert!(broken.contains("not a PIN file"), "{broken}");
    assert!(broken.contains("move it away"), "{broken}");
    std::fs::write(&path, "v1$1$00$00\n").expect("write");
    let broken = check_file(&path).expect_err("broken");
    assert!(broken.contains("iteration count `1`"), "{broken}");
    assert!(broken.contains("write it again"), "{broken}");
    PinHash::with_random_salt("2468")
        .expect("hash")
        .save(&path)
        .expect("save");
    assert_eq!(check_file(&path), Ok(()));
}
