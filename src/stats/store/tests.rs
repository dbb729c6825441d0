//! Tests of the usage file on disk and its writer.

use jiff::civil::date;

use super::*;
use crate::stats::HourKey;

fn ten() -> HourKey {
    HourKey {
        date: date(2026, 11, 29),
        hour: 10,
    }
}

fn clock() -> WallClock {
    WallClock::fixed(date(2026, 11, 29).at(10, 30, 0, 0))
}

fn one_view() -> Usage {
    let mut usage = Usage::new();
    usage.page_view(ten(), "home");
    usage
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn saves_and_loads_leaving_no_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state").join(FILE_NAME);
    assert_eq!(load(&path).expect("no file yet"), Usage::new());
    let usage = one_view();
    save(&path, &usage).expect("saved");
    save(&path, &usage).expect("saved again");
    assert_eq!(load(&path).expect("loads"), usage);
    assert_eq!(names(path.parent().expect("a folder")), [FILE_NAME]);
}

#[test]
fn a_damaged_file_is_moved_aside_and_counting_starts_afresh() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(FILE_NAME);
    std::fs::write(&path, "(version: 1, hours: [(date: \"2026-1").expect("write");
    let error = load(&path).expect_err("damaged");
    assert!(matches!(error, StatsError::Corrupt { .. }), "{error}");
    assert!(
        error.to_string().contains("usage.ron is damaged"),
        "{error}"
    );
    assert_eq!(open(&path).expect("opens afresh"), Usage::new());
    assert!(!path.exists());
    let aside = names(dir.path());
    assert_eq!(aside.len(), 1);
    assert!(aside[0].starts_with("usage.ron.corrupt-"), "{aside:?}");
}

#[test]
fn a_file_whose_sessions_do_not_add_up_is_moved_aside_when_added_to() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(FILE_NAME);
    std::fs::write(
        &path,
        r#"(version: 1, hours: [(date: "2026-11-28", hour: 9, sessions: 5, session_lengths: [1, 0, 0, 0, 0])])"#,
    )
    .expect("write");
    assert!(matches!(load(&path), Err(StatsError::Corrupt { .. })));
    add(&path, &one_view(), date(2026, 11, 29)).expect("added");
    assert_eq!(load(&path).expect("loads"), one_view());
    assert!(
        names(dir.path())
            .iter()
            .any(|n| n.starts_with("usage.ron.corrupt-"))
    );
}

#[test]
fn the_writer_adds_to_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(FILE_NAME);
    save(&path, &one_view()).expect("saved");
    let writer = Writer::spawn(path.clone(), clock()).expect("writer");
    for _ in 0..3 {
        writer.add(one_view());
    }
    writer.pending().count(|u| u.page_view(ten(), "home"));
    drop(writer);
    assert_eq!(
        load(&path).expect("loads").total(None).page_views["home"],
        5,
        "the pending view is written when the writer is dropped"
    );
}

#[test]
fn two_windows_sharing_a_state_folder_keep_each_others_counts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(FILE_NAME);
    save(&path, &one_view()).expect("saved");
    // Both start from the same file, then take turns.
    let first = Writer::spawn(path.clone(), clock()).expect("writer");
    let second = Writer::spawn(path.clone(), clock()).expect("writer");
    for _ in 0..5 {
        first.add(one_view());
        assert!(first.last_words().write_now(Duration::from_secs(30)));
        second.add(one_view());
        assert!(second.last_words().write_now(Duration::from_secs(30)));
    }
    drop((first, second));
    assert_eq!(
        load(&path).expect("loads").total(None).page_views["home"],
        11
    );
    assert_eq!(names(dir.path()), [FILE_NAME, "usage.ron.lock"]);
}

#[test]
fn a_held_lock_is_waited_for_within_a_bound() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(FILE_NAME);
    let held = Lock::take(&path, Duration::ZERO).expect("taken");
    let error = Lock::take(&path, Duration::ZERO)
        .err()
        .expect("held elsewhere");
    assert_eq!(error.kind(), std::io::ErrorKind::WouldBlock);
    assert!(error.to_string().contains("usage.ron.lock"), "{error}");
    drop(held);
    assert!(Lock::take(&path, Duration::ZERO).is_ok());
}

#[test]
fn the_last_words_write_what_is_pending_without_the_app() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(FILE_NAME);
    let writer = Writer::spawn(path.clone(), clock()).expect("writer");
    writer.pending().count(|u| u.page_view(ten(), "careers"));
    let last_words = writer.last_words();
    assert!(last_words.write_now(Duration::from_secs(30)));
    assert_eq!(
        load(&path).expect("loads").total(None).page_views["careers"],
        1
    );
    assert!(writer.pending().is_empty());
    // After the app's own leave, nothing is left to write: that is no failure.
    drop(writer);
    assert!(last_words.write_now(Duration::from_secs(30)));
    // Figures counted after the writer stopped cannot be written.
    last_words.pending.count(|u| u.page_view(ten(), "home"));
    assert!(!last_words.write_now(Duration::from_secs(30)));
}

#[test]
fn a_clock_far_ahead_keeps_the_real_days_in_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(FILE_NAME);
    let mut real = Usage::new();
    for day in 1..=28 {
        real.page_view(
            HourKey {
                date: date(2026, 11, day),
                hour: 9,
            },
            "home",
        );
    }
    save(&path, &real).expect("saved");
    let ahead = WallClock::fixed(date(2099, 6, 1).at(9, 0, 0, 0));
    let writer = Writer::spawn(path.clone(), ahead).expect("writer");
    writer.add({
        let mut usage = Usage::new();
        usage.page_view(
            HourKey {
                date: date(2099, 6, 1),
                hour: 9,
            },
            "home",
        );
        usage
    });
    drop(writer);
    let usage = load(&path).expect("loads");
    assert_eq!(usage.days(None).len(), 29, "no real day was pushed out");
    // Back on the right clock, the day counted ahead is still there.
    let writer = Writer::spawn(path.clone(), clock()).expect("writer");
    writer.add(one_view());
    drop(writer);
    assert_eq!(load(&path).expect("loads").days(None).len(), 30);
}

#[cfg(unix)]
#[test]
fn nothing_is_read_or_written_through_a_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("elsewhere.ron");
    save(&target, &one_view()).expect("saved");
    let before = std::fs::read(&target).expect("read");
    let path = dir.path().join(FILE_NAME);
    std::os::unix::fs::symlink(&target, &path).expect("link");
    assert!(matches!(
        load(&path),
        Err(StatsError::Unreadable {
            reason: FileError::Link,
            ..
        })
    ));
    assert!(add(&path, &one_view(), date(2026, 11, 29)).is_err());
    assert_eq!(std::fs::read(&target).expect("read"), before);
    // The old fixed temporary name, linked elsewhere, is not written through either.
    std::fs::remove_file(&path).expect("unlink");
    let tmp_link = dir.path().join("usage.ron.tmp");
    std::os::unix::fs::symlink(&target, &tmp_link).expect("link");
    add(&path, &one_view(), date(2026, 11, 29)).expect("added");
    assert_eq!(std::fs::read(&target).expect("read"), before);
    assert!(std::fs::symlink_metadata(&path).expect("file").is_file());
}

#[test]
fn a_killed_writers_temporary_file_is_cleared_at_the_next_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(FILE_NAME);
    std::fs::write(dir.path().join(".usage.ron.Kx81zq.tmp"), "(version: 1, hou").expect("write");
    add(&path, &one_view(), date(2026, 11, 29)).expect("added");
    assert_eq!(names(dir.path()), [FILE_NAME, "usage.ron.lock"]);
}

#[test]
fn a_folder_in_place_of_the_file_is_unreadable_not_damaged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let error = open(dir.path()).expect_err("a folder");
    assert!(matches!(error, StatsError::Unreadable { .. }), "{error}");
}
