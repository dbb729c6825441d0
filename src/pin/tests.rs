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
    let hash = PinHash::new("13579", [3; 16], 10).expect("valid pin");
    let line = hash.to_line();
    assert!(!line.contains("13579"));
    assert_eq!(PinHash::from_line(&line), Some(hash));
    assert_eq!(PinHash::from_line("v2$1$00$00"), None);
    assert_eq!(PinHash::from_line("1234"), None);
}

fn hash() -> PinHash {
    PinHash::new("2468", [5; 16], 10).expect("valid pin")
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
    let other = PinHash::new("97531", [6; 16], 10).expect("valid pin");
    other.save(&path).expect("saves again");
    assert_eq!(PinHash::load(&path).expect("loads"), other);
}

#[cfg(unix)]
#[test]
fn the_file_is_private_from_the_moment_it_exists() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("a temp dir");
    // Created, before anything is written or changed: already owner-only.
    let (temporary, _file) = create_private(dir.path(), "admin.pin").expect("creates");
    assert_eq!(mode(&temporary), 0o600);
    // A file that was readable by all is replaced by a private one, not widened.
    let path = dir.path().join("admin.pin");
    std::fs::write(&path, "old").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    hash().save(&path).expect("saves");
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn a_failed_save_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("a temp dir");
    // The target is a folder that is not empty: the rename fails.
    let path = dir.path().join("admin.pin");
    std::fs::create_dir_all(path.join("inside")).expect("mkdir");
    assert!(matches!(hash().save(&path), Err(PinError::Io { .. })));
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
    PinHash::with_random_salt("2468")
        .expect("hash")
        .save(&path)
        .expect("save");
    assert_eq!(check_file(&path), Ok(()));
}
