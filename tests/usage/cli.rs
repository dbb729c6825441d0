//! `office-kiosk stats`, run as a user would run it, and `--no-stats`.

use std::path::Path;
use std::process::Output;

use clap::Parser as _;
use jiff::civil::date;
use office_kiosk::AppOptions;
use office_kiosk::cli::Cli;
use office_kiosk::stats::{HourKey, Usage, store};

use super::common::{self, stderr, stdout};

/// Runs the binary with `args` and `env`, without a display.
fn run(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut command = common::command(args);
    for (name, value) in env {
        command.env(name, value);
    }
    common::finish(&mut command)
}

/// A state folder whose usage file holds two days of figures.
fn state() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary state folder");
    let mut usage = Usage::new();
    let at = |day, hour| HourKey {
        date: date(2026, 11, day),
        hour,
    };
    usage.page_view(at(20, 9), "home");
    usage.page_view(at(20, 9), "careers");
    usage.session(at(20, 9), 100);
    usage.language(at(27, 15), "es");
    usage.page_view(at(27, 15), "home");
    usage.session(at(27, 15), 20);
    store::save(&dir.path().join("usage.ron"), &usage).expect("saved");
    dir
}

#[test]
fn stats_prints_a_table_from_the_state_folder() {
    let dir = state();
    let output = run(&["stats"], &[("STATE_DIRECTORY", dir.path())]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.starts_with("Usage figures from 2026-11-20 to 2026-11-27 (2 days with use)"),
        "{out}"
    );
    assert!(
        out.contains("\n2026-11-20         1         1:40           2"),
        "{out}"
    );
    assert!(
        out.contains("\nall                2         1:00           3"),
        "{out}"
    );
    assert!(out.contains("\nPage views: home 2, careers 1\n"), "{out}");
    assert!(out.contains("\nLanguages chosen: es 1\n"), "{out}");
}

#[test]
fn stats_since_a_day_and_as_csv() {
    let dir = state();
    let file = dir.path().join("usage.ron");
    let file = file.to_str().expect("a UTF-8 path");
    let output = run(&["stats", "--file", file, "--since", "2026-11-21"], &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.starts_with("Usage figures from 2026-11-27 to 2026-11-27 (1 day"),
        "{out}"
    );
    assert!(!out.contains("2026-11-20"), "{out}");

    let output = run(&["stats", "--file", file, "--format", "csv"], &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with("date,hour,sessions,session_secs,"),
        "{out}"
    );
    assert!(
        lines[0].ends_with(",views_careers,views_home,language_es"),
        "{out}"
    );
    assert_eq!(lines[1], "2026-11-20,9,1,100,0,0,1,0,0,1,1,0");
    assert_eq!(lines[2], "2026-11-27,15,1,20,1,0,0,0,0,0,1,1");

    let output = run(
        &[
            "stats",
            "--file",
            file,
            "--format",
            "csv",
            "--since",
            "2026-12-01",
        ],
        &[],
    );
    assert_eq!(stdout(&output).lines().count(), 1, "the header alone");
}

#[test]
fn stats_refuses_a_bad_date_and_a_damaged_file_clearly() {
    let dir = state();
    let env = [("STATE_DIRECTORY", dir.path())];
    for bad in ["2026-13-01", "yesterday", "29/11/2026"] {
        let output = run(&["stats", "--since", bad], &env);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        let err = stderr(&output);
        assert!(
            err.contains(&format!("`{bad}` is not a date like 2026-11-29")),
            "{bad}: {err}"
        );
    }
    let output = run(&["stats", "--format", "xml"], &env);
    assert_eq!(output.status.code(), Some(2));

    std::fs::write(dir.path().join("usage.ron"), "(version: 1, hours: [(").expect("write");
    let output = run(&["stats"], &env);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.starts_with("error: the usage file "), "{err}");
    assert!(err.contains("usage.ron is damaged"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        dir.path().join("usage.ron").exists(),
        "`stats` only reads: the damaged file stays for the kiosk to move aside"
    );
}

#[test]
fn stats_without_figures_says_so() {
    let dir = tempfile::tempdir().expect("a temporary state folder");
    let output = run(&["stats"], &[("STATE_DIRECTORY", dir.path())]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("No usage figures yet in "));
    let output = run(
        &["stats", "--format", "csv"],
        &[("STATE_DIRECTORY", dir.path())],
    );
    assert!(stdout(&output).starts_with("date,hour,sessions,"));
}

#[test]
fn no_stats_counts_nothing() {
    let dirs = office_kiosk::paths::Dirs {
        state: std::path::PathBuf::from("/var/lib/office-kiosk"),
        logs: std::path::PathBuf::from("/var/log/office-kiosk"),
    };
    let kiosk = Cli::parse_from(["office-kiosk", "--kiosk"]);
    let counting = AppOptions::from_cli(&kiosk, Some(&dirs)).expect("options");
    assert_eq!(
        counting.usage_file.as_deref(),
        Some(Path::new("/var/lib/office-kiosk/usage.ron"))
    );
    let quiet = Cli::parse_from(["office-kiosk", "--kiosk", "--no-stats"]);
    let quiet = AppOptions::from_cli(&quiet, Some(&dirs)).expect("options");
    assert_eq!(quiet.usage_file, None);
    // An option of the kiosk's run, not of a subcommand.
    assert!(Cli::try_parse_from(["office-kiosk", "--no-stats", "stats"]).is_err());
}
