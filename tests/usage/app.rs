//! Counting through the real app in a kittest harness, with a wall clock set by the test
//! and the usage file in a temporary state folder.

use super::common;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui::{self, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jiff::civil::{Date, DateTime};
use office_kiosk::app::{KioskOptions, ModeOptions, PresentOptions};
use office_kiosk::clock::{WallClock, build_date};
use office_kiosk::content;
use office_kiosk::kiosk::idle::{IdleConfig, IdleState};
use office_kiosk::navigation::Page;
use office_kiosk::stats::{HourKey, Usage};
use office_kiosk::{AppOptions, KioskApp};

/// A day the clock can be trusted on: the program's build day or later.
fn day() -> Date {
    build_date()
        .checked_add(jiff::Span::new().days(3))
        .expect("a later day")
}

fn at(hour: i8, minute: i8) -> DateTime {
    day().at(hour, minute, 0, 0)
}

fn hour(hour: u8) -> HourKey {
    HourKey { date: day(), hour }
}

fn options(mode: ModeOptions, clock: &WallClock, file: &Path) -> AppOptions {
    AppOptions {
        mode,
        clock: clock.clone(),
        usage_file: Some(file.to_path_buf()),
        ..AppOptions::new(Arc::new(
            content::embedded().expect("valid embedded content"),
        ))
    }
}

fn kiosk_mode() -> ModeOptions {
    ModeOptions::Kiosk(KioskOptions {
        idle: IdleConfig::new(60.0, 20.0, 10.0),
        ..KioskOptions::default()
    })
}

fn harness(options: AppOptions) -> Harness<'static, KioskApp> {
    common::app(common::FULL_HD, options)
}

/// Lets `secs` pass without input, a quarter second a frame.
fn wait(harness: &mut Harness<'_, KioskApp>, secs: f64) {
    for _ in 0..(secs * 4.0).round() as usize {
        harness.step();
    }
}

fn tap(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
}

/// egui's clock in the harness, in seconds.
fn time(harness: &Harness<'_, KioskApp>) -> f64 {
    harness.ctx.input(|i| i.time)
}

fn idle_state(harness: &Harness<'_, KioskApp>) -> Option<IdleState> {
    harness.state().idle_state(time(harness))
}

/// The usage file once it holds what `done` looks for (the writer works on its own
/// thread), or what it holds after a few seconds.
fn file_when(path: &Path, done: impl Fn(&Usage) -> bool) -> Usage {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let usage = Usage::load(path).expect("the usage file loads");
        if done(&usage) || Instant::now() > deadline {
            return usage;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn state_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary state folder");
    let file = dir.path().join("usage.ron");
    (dir, file)
}

#[test]
fn a_kiosk_counts_sessions_pages_languages_and_settings_by_hour() {
    let (_dir, file) = state_dir();
    let clock = WallClock::fixed(at(10, 15));
    let mut kiosk = harness(options(kiosk_mode(), &clock, &file));

    // A visitor: the first touch starts a session on Home.
    let first_touch = time(&kiosk);
    tap(&mut kiosk, "Careers");
    assert_eq!(kiosk.state().page(), Page::Careers);
    wait(&mut kiosk, 35.0);
    // Nothing is written within the first minute.
    assert!(!file.exists(), "written before a minute passed");
    tap(&mut kiosk, "Contact");
    tap(&mut kiosk, "Contact"); // The page shown: not a new view.
    tap(&mut kiosk, "Español");
    tap(&mut kiosk, "Español"); // The language shown: not a new choice.
    wait(&mut kiosk, 35.0);
    tap(&mut kiosk, "Leer mejor");
    tap_switch(&mut kiosk, "Texto más grande");
    tap_switch(&mut kiosk, "Texto más grande"); // Turned off: not counted.
    let visit_secs = time(&kiosk) - first_touch;

    // Then nobody, until the idle reset ends the session; the attract loop runs.
    wait(&mut kiosk, 61.0);
    assert!(matches!(
        idle_state(&kiosk),
        Some(IdleState::Attract { .. })
    ));
    // The figures are written while the app runs, a minute after the last write.
    wait(&mut kiosk, 60.0);
    let written = file_when(&file, |u| u.total(None).sessions == 1);
    let ten = written.total(None);
    assert_eq!(ten.sessions, 1, "{written:?}");
    // From the first touch to the last (the idle minute is not counted).
    assert!(
        (ten.session_secs as f64 - visit_secs).abs() <= 2.0,
        "{visit_secs} s: {ten:?}"
    );
    assert_eq!(ten.session_lengths, [0, 0, 1, 0, 0]);
    let views =
        |f: &office_kiosk::stats::Figures, page: &str| f.page_views.get(page).copied().unwrap_or(0);
    assert_eq!(views(&ten, "home"), 1);
    assert_eq!(views(&ten, "careers"), 1);
    assert_eq!(views(&ten, "contact"), 1);
    assert_eq!(ten.page_view_total(), 3, "{ten:?}");
    assert_eq!(ten.languages.get("es"), Some(&1));
    assert_eq!(ten.language_total(), 1, "the reset to English is no choice");
    assert_eq!(ten.settings.get("larger_text"), Some(&1));
    assert_eq!(ten.setting_total(), 1);

    // The next hour, a second visitor wakes the attract loop and opens one page; the
    // waking touch only wakes.
    clock.set(at(11, 5));
    poke(&mut kiosk);
    assert_eq!(idle_state(&kiosk), Some(IdleState::Active));
    assert_eq!(kiosk.state().page(), Page::Home);
    tap(&mut kiosk, "About IOM");
    wait(&mut kiosk, 61.0);
    // A third touches and leaves at once; the app then ends.
    poke(&mut kiosk);
    wait(&mut kiosk, 61.0);
    drop(kiosk);

    let usage = Usage::load(&file).expect("the usage file loads");
    let days = usage.days(None);
    assert_eq!(days.len(), 1);
    assert_eq!(days[0].date, day());
    assert_eq!(
        days[0].by_hour[10], ten,
        "the 10 o'clock figures are as written"
    );
    let eleven = &days[0].by_hour[11];
    assert_eq!(eleven.sessions, 2, "{eleven:?}");
    assert_eq!(eleven.session_lengths, [2, 0, 0, 0, 0]);
    assert_eq!(views(eleven, "home"), 2);
    assert_eq!(views(eleven, "about"), 1);
    assert_eq!(
        views(eleven, "contact"),
        0,
        "the waking touch opened nothing"
    );
    assert_eq!(eleven.page_view_total(), 3);
    assert_eq!(usage.hours().count(), 2);
    assert_eq!(usage.total(None).sessions, 3);
}

/// A finger on the middle of the screen, lifted at once.
fn poke(harness: &mut Harness<'_, KioskApp>) {
    let pos = egui::pos2(960.0, 540.0);
    for pressed in [true, false] {
        harness.input_mut().events.extend([
            egui::Event::PointerMoved(pos),
            egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            },
        ]);
        harness.step();
    }
    harness.run();
}

/// Turns a reading setting's switch (the settings panel must be open).
fn tap_switch(harness: &mut Harness<'_, KioskApp>, name: &str) {
    harness.get_by_role_and_label(Role::Switch, name).click();
    harness.run();
}

#[test]
fn a_laptop_counts_pages_without_sessions_and_a_presenter_nothing() {
    let (_dir, file) = state_dir();
    let clock = WallClock::fixed(at(16, 40));
    let mut laptop = harness(options(ModeOptions::Laptop, &clock, &file));
    tap(&mut laptop, "Facts and figures");
    // Minutes pass: no session, no idle reset.
    wait(&mut laptop, 90.0);
    drop(laptop);
    let usage = Usage::load(&file).expect("loads");
    let total = usage.total(None);
    assert_eq!(total.sessions, 0);
    assert_eq!(
        total.page_views.get("home"),
        Some(&1),
        "the first page is seen"
    );
    assert_eq!(total.page_views.get("facts"), Some(&1));
    assert_eq!(
        usage.hours().map(|(key, _)| key).collect::<Vec<_>>(),
        [hour(16)]
    );

    let (_dir, file) = state_dir();
    let mode = ModeOptions::Present(PresentOptions::default());
    let mut presenter = harness(options(mode, &clock, &file));
    presenter.key_press(egui::Key::PageDown);
    presenter.run();
    drop(presenter);
    assert!(!file.exists(), "a presenter counts nothing");
}

#[test]
fn a_wrong_clock_counts_nothing_and_no_file_counts_nothing() {
    let (_dir, file) = state_dir();
    let before_build = build_date()
        .checked_sub(jiff::Span::new().days(2))
        .expect("a day")
        .at(12, 0, 0, 0);
    let clock = WallClock::fixed(before_build);
    let mut kiosk = harness(options(kiosk_mode(), &clock, &file));
    tap(&mut kiosk, "Careers");
    wait(&mut kiosk, 61.0);
    drop(kiosk);
    assert_eq!(Usage::load(&file).expect("loads"), Usage::new());

    // Without a file (`--no-stats`, or tests) nothing is written anywhere.
    let mut quiet = harness(AppOptions {
        mode: kiosk_mode(),
        ..AppOptions::new(Arc::new(content::embedded().expect("valid")))
    });
    tap(&mut quiet, "Careers");
    assert_eq!(quiet.state().page(), Page::Careers);
}

#[test]
fn a_damaged_file_is_moved_aside_and_counting_goes_on() {
    let (dir, file) = state_dir();
    std::fs::write(&file, "(version: 1, hours: [(date: \"2026-11-").expect("write");
    let clock = WallClock::fixed(at(9, 0));
    let mut laptop = harness(options(ModeOptions::Laptop, &clock, &file));
    tap(&mut laptop, "Careers");
    drop(laptop);
    let usage = Usage::load(&file).expect("a fresh file");
    assert_eq!(usage.total(None).page_view_total(), 2, "{usage:?}");
    let aside: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("usage.ron.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is kept aside");
    let kept = std::fs::read_to_string(dir.path().join(&aside[0])).expect("read");
    assert!(kept.starts_with("(version: 1, hours: [(date:"), "{kept}");
}
