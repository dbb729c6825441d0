//! The admin screen, driven as staff use it: the corner held, the PIN entered, the screen
//! closing by itself after a minute, content installed from a folder standing in for a USB
//! stick (good, broken, pulled out before the copy), undo, and the screen hours with a
//! fixed wall clock. Time is stepped through egui's clock, never slept.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui::{self, Modifiers, Pos2, Role, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use office_kiosk::app::{KioskOptions, ModeOptions, ReloadStatus};
use office_kiosk::clock::{WallClock, build_date};
use office_kiosk::content;
use office_kiosk::kiosk::hours::ScreenHours;
use office_kiosk::kiosk::idle::IdleConfig;
use office_kiosk::maintenance::install::ContentPlace;
use office_kiosk::pin::PinHash;
use office_kiosk::theme::ThemeKind;
use office_kiosk::{AppOptions, KioskApp};

mod common;
mod drawn;

const PIN: &str = "2468";

/// A kiosk showing the starter content from its own folder, with a USB root, a state
/// folder and a wall clock set to 10:00 on the build day, all in a temporary folder.
struct Kiosk {
    dir: tempfile::TempDir,
    clock: WallClock,
}

impl Kiosk {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        office_kiosk::cli::init(&dir.path().join("kiosk/content")).expect("starter content");
        // The kiosk's own folder, as the state folder's `content` is once the kiosk started.
        ContentPlace::new(dir.path().join("kiosk/content/content.ron"))
            .adopt()
            .expect("marked as the kiosk's own");
        std::fs::create_dir_all(dir.path().join("media")).expect("media");
        Self {
            dir,
            clock: WallClock::fixed(build_date().at(10, 0, 0, 0)),
        }
    }

    fn file(&self) -> PathBuf {
        self.dir.path().join("kiosk/content/content.ron")
    }

    fn media(&self) -> PathBuf {
        self.dir.path().join("media")
    }

    fn state(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    /// A content folder on a stick, with its office renamed to `office`; returns the file.
    fn stick(&self, label: &str, office: &str) -> PathBuf {
        let folder = self.media().join("kiosk").join(label).join("content");
        office_kiosk::cli::init(&folder).expect("content on the stick");
        let file = folder.join("content.ron");
        let text = std::fs::read_to_string(&file).expect("read");
        let old = office_of(&self.file());
        std::fs::write(&file, text.replace(&old, office)).expect("write");
        file
    }

    fn options(&self, hours: Option<ScreenHours>) -> AppOptions {
        let loaded = content::load_with(&self.file(), false).expect("valid content");
        AppOptions {
            watch: Some(self.file()),
            clock: self.clock.clone(),
            mode: ModeOptions::Kiosk(KioskOptions {
                idle: IdleConfig::new(60.0, 20.0, 10.0),
                admin_pin: Some(PinHash::new(PIN, [5; 16], 10).expect("valid pin")),
                screen_hours: hours,
                state_dir: Some(self.state()),
                usb_roots: vec![self.media()],
                ..KioskOptions::default()
            }),
            ..AppOptions::new(Arc::new(loaded.content))
        }
    }

    fn harness(&self, hours: Option<ScreenHours>, size: egui::Vec2) -> Harness<'static, KioskApp> {
        common::app(size, self.options(hours))
    }
}

fn office_of(file: &Path) -> String {
    let content = content::load(file).expect("loads");
    content
        .identity
        .office_name
        .get(content.default_language)
        .to_owned()
}

fn office_shown(harness: &Harness<'_, KioskApp>) -> String {
    let content = harness.state().content();
    content
        .identity
        .office_name
        .get(content.default_language)
        .to_owned()
}

/// Lets `secs` pass without input, one frame every quarter second.
fn wait(harness: &mut Harness<'_, KioskApp>, secs: f64) {
    for _ in 0..(secs / 0.25).round() as usize {
        harness.step();
    }
}

fn tap(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
    settle(harness);
}

fn tap_containing(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness.get_by_label_contains(label).click();
    harness.run();
    settle(harness);
}

/// Lets the admin screen's slow work (it runs on a thread of its own, in real time) finish
/// and its result reach the screen: at most ten seconds.
fn settle(harness: &mut Harness<'_, KioskApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while harness.state().is_admin_busy() {
        assert!(std::time::Instant::now() < deadline, "the work never ended");
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    harness.run();
}

/// A finger on the screen at `pos` for one frame, then lifted.
fn touch_at(harness: &mut Harness<'_, KioskApp>, pos: Pos2, pressed: bool) {
    let phase = if pressed {
        egui::TouchPhase::Start
    } else {
        egui::TouchPhase::End
    };
    harness.input_mut().events.push(egui::Event::Touch {
        device_id: egui::TouchDeviceId(1),
        id: egui::TouchId(0),
        phase,
        pos,
        force: None,
    });
    if pressed {
        harness
            .input_mut()
            .events
            .push(egui::Event::PointerMoved(pos));
    }
    harness.input_mut().events.push(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
    if !pressed {
        harness.input_mut().events.push(egui::Event::PointerGone);
    }
}

/// Holds the admin corner, enters the PIN: the admin screen opens.
fn open_admin(harness: &mut Harness<'_, KioskApp>) {
    touch_at(harness, pos2(20.0, 20.0), true);
    wait(harness, 5.5);
    touch_at(harness, pos2(20.0, 20.0), false);
    harness.step();
    harness.run();
    assert!(harness.state().is_admin_pad_open());
    for digit in PIN.chars() {
        tap(harness, &digit.to_string());
    }
    tap(harness, "OK");
    assert_eq!(
        harness.state().admin_state(),
        (true, false),
        "admin open, lit"
    );
}

#[test]
fn the_pin_opens_the_admin_screen_which_shows_the_content_and_closes_after_a_minute() {
    let kiosk = Kiosk::new();
    let mut harness = kiosk.harness(None, egui::vec2(1920.0, 1080.0));
    open_admin(&mut harness);
    harness.get_by_label("Kiosk administration");
    harness.get_by_label_contains(&kiosk.file().display().to_string());
    harness.get_by_label_contains("Loaded: ");
    harness.get_by_label("No problems.");
    for choice in [
        "Update content",
        "Usage figures",
        "Screen hours",
        "Restart",
        "Leave the kiosk",
        "Close",
    ] {
        harness.get_by_role_and_label(Role::Button, choice);
    }

    // The visitor side's idle warning never comes while staff work.
    wait(&mut harness, 50.0);
    assert!(
        harness
            .query_by_label_contains("Are you still there")
            .is_none()
    );
    // A touch starts the minute again.
    touch_at(&mut harness, pos2(1000.0, 900.0), true);
    harness.step();
    touch_at(&mut harness, pos2(1000.0, 900.0), false);
    harness.step();
    wait(&mut harness, 59.0);
    assert!(harness.state().admin_state().0, "still open");
    wait(&mut harness, 1.5);
    assert!(!harness.state().admin_state().0, "closed by itself");
    assert!(!harness.state().is_exiting());
}

#[test]
fn the_admin_screen_speaks_the_language_on_screen() {
    let kiosk = Kiosk::new();
    let options = AppOptions {
        language: Some("es".into()),
        ..kiosk.options(None)
    };
    let mut harness = common::app(egui::vec2(1080.0, 1920.0), options);
    open_admin(&mut harness);
    harness.get_by_label("Administración del quiosco");
    tap(&mut harness, "Actualizar el contenido");
    harness.get_by_label_contains("No se encontró ninguna carpeta de contenido");
    tap(&mut harness, "Salir del quiosco");
    assert!(harness.state().is_exiting());
}

#[test]
fn restart_closes_the_window_and_asks_main_to_start_again() {
    let kiosk = Kiosk::new();
    let options = kiosk.options(None);
    let flag = options.restart_flag().expect("kiosk mode");
    let mut harness = common::app(common::FULL_HD, options);
    open_admin(&mut harness);
    assert!(!flag.is_set());
    harness
        .get_by_role_and_label(Role::Button, "Restart")
        .click();
    harness.step();
    assert!(flag.is_set());
    assert!(harness.state().is_exiting());
}

#[test]
fn usage_figures_are_charted_for_7_and_30_days_and_export_needs_a_stick() {
    use office_kiosk::stats::{HourKey, Usage, store};
    let kiosk = Kiosk::new();
    let today = build_date();
    let mut usage = Usage::new();
    let at = |days_ago: i64| HourKey {
        date: today
            .checked_sub(jiff::Span::new().days(days_ago))
            .expect("a day"),
        hour: 9,
    };
    for _ in 0..3 {
        usage.session(at(0), 90);
    }
    usage.session(at(20), 30);
    usage.page_view(at(0), "careers");
    usage.language(at(0), "es");
    std::fs::create_dir_all(kiosk.state()).expect("state");
    store::save(&kiosk.state().join(store::FILE_NAME), &usage).expect("saved");

    let mut harness = kiosk.harness(None, egui::vec2(1920.0, 1080.0));
    open_admin(&mut harness);
    tap(&mut harness, "Usage figures");
    harness.get_by_label_contains(": 3 visitor sessions");
    harness.get_by_label_contains("Visitor sessions per day (Sessions)");
    harness.get_by_label_contains("Pages viewed (Views): Careers: 1");
    harness.get_by_label_contains("Languages chosen (Times chosen): Español: 1");
    tap(&mut harness, "Last 30 days");
    harness.get_by_label_contains(": 4 visitor sessions");
    // No stick is mounted here.
    tap(&mut harness, "Export to USB stick");
    harness.get_by_label_contains("No USB stick found");
}

#[test]
fn staff_at_the_admin_screen_are_not_counted_as_a_visitor_session_and_the_next_visitor_is() {
    use office_kiosk::stats::{Usage, store};
    let kiosk = Kiosk::new();
    let file = kiosk.state().join(store::FILE_NAME);
    let options = AppOptions {
        usage_file: Some(file.clone()),
        ..kiosk.options(None)
    };
    let mut harness = common::app(common::FULL_HD, options);
    open_admin(&mut harness);
    tap(&mut harness, "Close");
    // A visitor comes within the minute, and leaves.
    touch_at(&mut harness, pos2(1000.0, 600.0), true);
    harness.step();
    touch_at(&mut harness, pos2(1000.0, 600.0), false);
    harness.step();
    wait(&mut harness, 65.0);
    drop(harness);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !file.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let usage = Usage::load(&file).expect("loads");
    assert_eq!(
        usage.total(None).sessions,
        1,
        "the visitor's only: {usage:?}"
    );
}

#[test]
fn the_content_state_lists_the_problems_of_the_last_change_with_line_and_column() {
    let kiosk = Kiosk::new();
    let mut harness = kiosk.harness(None, egui::vec2(1920.0, 1080.0));
    let text = std::fs::read_to_string(kiosk.file()).expect("read");
    let line = text
        .lines()
        .position(|l| l.contains("office_name"))
        .expect("the field")
        + 1;
    std::fs::write(kiosk.file(), text.replacen("office_name", "ofice_name", 1)).expect("write");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !matches!(
        harness.state().reload_status(),
        ReloadStatus::Rejected { .. }
    ) {
        assert!(
            std::time::Instant::now() < deadline,
            "the change was not seen"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    open_admin(&mut harness);
    harness.get_by_label_contains("The last change to the file was not loaded");
    harness.get_by_label_contains(&format!("content.ron:{line}:"));
}

#[test]
fn close_returns_to_the_visitor_side() {
    let kiosk = Kiosk::new();
    let mut harness = kiosk.harness(None, egui::vec2(1920.0, 1080.0));
    open_admin(&mut harness);
    tap(&mut harness, "Close");
    assert_eq!(harness.state().admin_state(), (false, false));
    assert!(!harness.state().is_exiting());
}

#[test]
fn good_content_from_a_stick_is_installed_at_once_and_undo_brings_the_old_back() {
    let kiosk = Kiosk::new();
    let before = office_of(&kiosk.file());
    kiosk.stick("STICK", "Stick Office");
    let mut harness = kiosk.harness(None, egui::vec2(1920.0, 1080.0));
    open_admin(&mut harness);
    tap(&mut harness, "Update content");
    harness.get_by_label_contains("Stick Office · Languages: en, es");
    // Nothing to install before a folder is chosen and checked.
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Install")
            .is_none()
    );
    tap_containing(&mut harness, "Stick Office");
    harness.get_by_label("Valid: it can be installed.");
    tap(&mut harness, "Install");
    harness.get_by_label("Installed: the kiosk shows the new content.");
    assert_eq!(office_shown(&harness), "Stick Office", "shown at once");
    assert_eq!(
        office_of(&kiosk.file()),
        "Stick Office",
        "in the content place"
    );
    assert!(matches!(
        harness.state().reload_status(),
        ReloadStatus::Installed { .. }
    ));

    // The new folder is watched: a later change to it is shown by itself.
    let text = std::fs::read_to_string(kiosk.file()).expect("read");
    std::fs::write(kiosk.file(), text.replace("Stick Office", "Edited Office")).expect("write");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while office_shown(&harness) != "Edited Office" {
        assert!(
            std::time::Instant::now() < deadline,
            "the change was not shown"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }

    tap(&mut harness, "Undo: bring back the previous content");
    harness.get_by_label("The previous content is back.");
    assert_eq!(office_shown(&harness), before);
    assert_eq!(office_of(&kiosk.file()), before);
}

#[test]
fn with_the_embedded_content_installed_content_goes_into_the_state_folder() {
    let kiosk = Kiosk::new();
    kiosk.stick("STICK", "Stick Office");
    let options = AppOptions {
        watch: None,
        ..kiosk.options(None)
    };
    let options = AppOptions {
        content: Arc::new(content::embedded().expect("valid embedded content")),
        ..options
    };
    let mut harness = common::app(common::FULL_HD, options);
    open_admin(&mut harness);
    harness.get_by_label("File: the content built into the program");
    tap(&mut harness, "Update content");
    tap_containing(&mut harness, "Stick Office");
    tap(&mut harness, "Install");
    assert_eq!(office_shown(&harness), "Stick Office");
    let installed = kiosk.state().join("content/content.ron");
    assert_eq!(office_of(&installed), "Stick Office");
    // No previous content on disk to bring back.
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Undo: bring back the previous content")
            .is_none()
    );
}

#[test]
fn content_shown_from_a_folder_the_kiosk_did_not_install_is_never_replaced() {
    let kiosk = Kiosk::new();
    // `--content ~/office/content.ron`, with the office's documents beside it.
    let home = kiosk.dir.path().join("home");
    let file = home.join("office/content.ron");
    office_kiosk::cli::init(&home.join("office")).expect("content");
    std::fs::write(home.join("office/budget.xlsx"), "the office's").expect("write");
    kiosk.stick("STICK", "Stick Office");
    let loaded = content::load_with(&file, false).expect("valid content");
    let options = AppOptions {
        watch: Some(file.clone()),
        content: Arc::new(loaded.content),
        ..kiosk.options(None)
    };
    let mut harness = common::app(common::FULL_HD, options);
    open_admin(&mut harness);
    tap(&mut harness, "Update content");
    tap_containing(&mut harness, "Stick Office");
    tap(&mut harness, "Install");
    harness.get_by_label_contains("Not installed; the content shown has not changed.");
    harness.get_by_label_contains("a folder the kiosk did not install");
    assert_ne!(office_shown(&harness), "Stick Office");
    let names: Vec<_> = std::fs::read_dir(&home)
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["office"], "nothing renamed beside it");
    assert_eq!(
        std::fs::read_to_string(home.join("office/budget.xlsx")).expect("read"),
        "the office's"
    );
}

#[test]
fn broken_content_shows_every_problem_with_line_and_column_and_cannot_be_installed() {
    let kiosk = Kiosk::new();
    let file = kiosk.stick("BROKEN", "Broken Office");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replacen("office_name", "ofice_name", 1)).expect("write");
    let line = text
        .lines()
        .position(|l| l.contains("office_name"))
        .expect("the field")
        + 1;
    let mut harness = kiosk.harness(None, egui::vec2(1920.0, 1080.0));
    open_admin(&mut harness);
    tap(&mut harness, "Update content");
    tap_containing(&mut harness, "BROKEN");
    harness.get_by_label_contains("Cannot be installed");
    harness.get_by_label_contains(&format!("content.ron:{line}:"));
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Install")
            .is_none()
    );
    assert_ne!(office_shown(&harness), "Broken Office");
}

#[test]
fn a_stick_pulled_out_before_the_copy_leaves_the_old_content() {
    let kiosk = Kiosk::new();
    let before = std::fs::read_to_string(kiosk.file()).expect("read");
    let file = kiosk.stick("GONE", "Gone Office");
    let mut harness = kiosk.harness(None, egui::vec2(1920.0, 1080.0));
    open_admin(&mut harness);
    tap(&mut harness, "Update content");
    tap_containing(&mut harness, "Gone Office");
    harness.get_by_label("Valid: it can be installed.");
    // The stick is pulled out.
    std::fs::remove_dir_all(file.parent().expect("folder")).expect("removed");
    tap(&mut harness, "Install");
    harness.get_by_label_contains("Not installed; the content shown has not changed.");
    assert_eq!(std::fs::read_to_string(kiosk.file()).expect("read"), before);
    assert_ne!(office_shown(&harness), "Gone Office");
}

#[test]
fn outside_the_screen_hours_the_screen_is_black_until_a_touch() {
    let kiosk = Kiosk::new();
    let hours = ScreenHours::parse("08:00-17:00").expect("hours");
    kiosk.clock.set(build_date().at(16, 59, 0, 0));
    let mut harness = kiosk.harness(Some(hours), egui::vec2(1920.0, 1080.0));
    assert_eq!(
        harness.state().admin_state(),
        (false, false),
        "lit at 16:59"
    );
    kiosk.clock.set(build_date().at(17, 0, 0, 0));
    harness.step();
    assert_eq!(
        harness.state().admin_state(),
        (false, true),
        "black at 17:00"
    );
    assert!(
        harness.query_all_by_role(Role::Button).next().is_none(),
        "nothing is drawn"
    );
    // A touch wakes it, and does nothing else.
    touch_at(&mut harness, pos2(960.0, 540.0), true);
    harness.step();
    touch_at(&mut harness, pos2(960.0, 540.0), false);
    harness.step();
    harness.run();
    assert_eq!(harness.state().admin_state(), (false, false), "woken");
    harness.get_by_role_and_label(Role::Button, "English");
    // For the idle timeout, then black again.
    wait(&mut harness, 61.0);
    assert_eq!(harness.state().admin_state(), (false, true), "black again");
    // The next morning.
    kiosk
        .clock
        .set(build_date().tomorrow().expect("a day").at(8, 0, 0, 0));
    harness.step();
    assert_eq!(
        harness.state().admin_state(),
        (false, false),
        "lit at 08:00"
    );
}

#[test]
fn a_wrong_clock_keeps_the_screen_on() {
    let kiosk = Kiosk::new();
    let hours = ScreenHours::parse("08:00-17:00").expect("hours");
    kiosk
        .clock
        .set(jiff::civil::date(2001, 1, 1).at(23, 0, 0, 0));
    let mut harness = kiosk.harness(Some(hours), egui::vec2(1920.0, 1080.0));
    harness.step();
    assert_eq!(harness.state().admin_state(), (false, false));
}

#[test]
fn screen_hours_set_on_the_admin_screen_are_kept() {
    let kiosk = Kiosk::new();
    let mut harness = kiosk.harness(None, egui::vec2(1920.0, 1080.0));
    open_admin(&mut harness);
    tap(&mut harness, "Screen hours");
    tap(&mut harness, "08:00-17:00");
    tap(&mut harness, "On from: Later");
    tap(&mut harness, "Off from: Earlier");
    harness.get_by_label("On from 08:30");
    let saved = std::fs::read_to_string(kiosk.state().join("screen-hours")).expect("saved");
    assert_eq!(saved.trim(), "08:30-16:30");
    // A new start takes the saved hours over those of the command line.
    kiosk.clock.set(build_date().at(16, 45, 0, 0));
    let mut harness = kiosk.harness(
        Some(ScreenHours::parse("08:00-17:00").expect("hours")),
        egui::vec2(1920.0, 1080.0),
    );
    harness.step();
    assert_eq!(
        harness.state().admin_state(),
        (false, true),
        "off from 16:30"
    );
}

/// Every panel of the admin screen, at both screen shapes (portrait in Spanish), with usage
/// figures, a broken and a valid stick: no text cut short, clipped or over another, none
/// below its contrast. With `OFFICE_KIOSK_SCREENSHOTS=DIR` set, each screen is also written
/// to `DIR` for a person to look at.
#[test]
fn every_admin_panel_reads_whole_at_both_shapes() {
    use office_kiosk::stats::{HourKey, Usage, store};
    let kiosk = Kiosk::new();
    let mut usage = Usage::new();
    for days_ago in 0..30_i64 {
        let date = build_date()
            .checked_sub(jiff::Span::new().days(days_ago))
            .expect("a day");
        for hour in 9..(9 + days_ago % 5) {
            let key = HourKey {
                date,
                hour: hour as u8,
            };
            usage.session(key, 60);
            usage.page_view(key, "home");
            usage.page_view(key, if hour % 2 == 0 { "facts" } else { "careers" });
            usage.language(key, if hour % 3 == 0 { "es" } else { "en" });
        }
    }
    std::fs::create_dir_all(kiosk.state()).expect("state");
    store::save(&kiosk.state().join(store::FILE_NAME), &usage).expect("saved");
    kiosk.stick("STICK", "Stick Office");
    let broken = kiosk.stick("BROKEN", "Broken Office");
    let text = std::fs::read_to_string(&broken).expect("read");
    std::fs::write(&broken, text.replacen("office_name", "ofice_name", 1)).expect("write");
    let screenshots = std::env::var_os("OFFICE_KIOSK_SCREENSHOTS").map(std::path::PathBuf::from);
    for (shape, size) in [
        ("landscape", egui::vec2(1920.0, 1080.0)),
        ("portrait", egui::vec2(1080.0, 1920.0)),
    ] {
        let options = AppOptions {
            language: Some(if shape == "portrait" { "es" } else { "en" }.into()),
            ..kiosk.options(None)
        };
        let mut harness = common::app(size, options);
        open_admin(&mut harness);
        let look = |harness: &mut Harness<'_, KioskApp>, name: &str| {
            let texts = drawn::drawn_texts(harness, drawn::clear_color(harness));
            assert!(texts.len() > 5, "{name} {shape}: {} texts", texts.len());
            let viewport = office_kiosk::widgets::viewport::shown(&harness.ctx);
            let mut faults = drawn::layout_faults(&texts, viewport);
            faults.extend(drawn::contrast_faults(&texts, ThemeKind::Light));
            assert!(faults.is_empty(), "{name} {shape}:\n{}", faults.join("\n"));
            if let Some(dir) = &screenshots {
                let image = harness.render().expect("renders");
                image
                    .save(dir.join(format!("admin_{name}_{shape}.png")))
                    .expect("saved");
            }
        };
        let es = shape == "portrait";
        let word = |en: &'static str, sp: &'static str| if es { sp } else { en };
        look(&mut harness, "menu");
        tap(
            &mut harness,
            word("Update content", "Actualizar el contenido"),
        );
        tap_containing(&mut harness, "BROKEN");
        look(&mut harness, "broken");
        tap_containing(&mut harness, "Stick Office");
        look(&mut harness, "valid");
        tap(&mut harness, word("Screen hours", "Horario de la pantalla"));
        tap(&mut harness, "08:00-17:00");
        look(&mut harness, "hours");
        tap(&mut harness, word("Usage figures", "Cifras de uso"));
        look(&mut harness, "usage");
    }
}

#[test]
fn a_check_runs_off_the_screen_says_so_and_can_be_cancelled() {
    let kiosk = Kiosk::new();
    kiosk.stick("STICK", "Stick Office");
    let mut harness = kiosk.harness(None, egui::vec2(1920.0, 1080.0));
    open_admin(&mut harness);
    tap(&mut harness, "Update content");
    // The touch is taken in this frame; the check starts on a thread of its own, and the
    // frame drawn at once says what runs, with Cancel.
    harness.get_by_label_contains("Stick Office").click();
    harness.step();
    assert!(
        harness.state().is_admin_busy(),
        "the check runs off the UI thread"
    );
    harness.get_by_label_contains("Checking the folder");
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.step();
    settle(&mut harness);
    assert!(
        harness
            .query_by_label("Valid: it can be installed.")
            .is_none(),
        "let go"
    );
    assert!(
        harness
            .query_by_label_contains("Checking the folder")
            .is_none()
    );
    // Checked again, it comes to its end.
    tap_containing(&mut harness, "Stick Office");
    harness.get_by_label("Valid: it can be installed.");
}

/// The colour drawn at `at` (points) in `image`.
fn pixel(image: &image::RgbaImage, at: Pos2) -> egui::Color32 {
    let [r, g, b, _] = image.get_pixel(at.x as u32, at.y as u32).0;
    egui::Color32::from_rgb(r, g, b)
}

#[test]
fn the_pin_pads_action_is_filled_its_way_out_outlined_and_leave_stands_apart() {
    let kiosk = Kiosk::new();
    let mut harness = kiosk.harness(None, egui::vec2(1920.0, 1080.0));
    let theme = office_kiosk::theme::Theme::light();
    touch_at(&mut harness, pos2(20.0, 20.0), true);
    wait(&mut harness, 5.5);
    touch_at(&mut harness, pos2(20.0, 20.0), false);
    harness.step();
    harness.run();
    let ok = harness.get_by_role_and_label(Role::Button, "OK").rect();
    let cancel = harness.get_by_role_and_label(Role::Button, "Cancel").rect();
    let image = harness.render().expect("renders");
    // Just inside each one's edge, clear of its label.
    let inside = |rect: egui::Rect| pos2(rect.left() + 10.0, rect.center().y);
    assert_eq!(
        pixel(&image, inside(ok)),
        theme.primary,
        "OK is the filled action"
    );
    assert_ne!(
        pixel(&image, inside(cancel)),
        theme.primary,
        "Cancel is only outlined"
    );
    for digit in PIN.chars() {
        tap(&mut harness, &digit.to_string());
    }
    tap(&mut harness, "OK");
    let leave = harness
        .get_by_role_and_label(Role::Button, "Leave the kiosk")
        .rect();
    let restart = harness
        .get_by_role_and_label(Role::Button, "Restart")
        .rect();
    let image = harness.render().expect("renders");
    let edge = |rect: egui::Rect| pos2(rect.left() + 1.0, rect.center().y);
    assert_eq!(
        pixel(&image, edge(leave)),
        theme.accent,
        "Leave is outlined in the accent"
    );
    assert_ne!(pixel(&image, edge(restart)), theme.accent);
    assert!(
        leave.top() - restart.bottom() >= 24.0,
        "Leave stands apart: {restart:?} {leave:?}"
    );
}

#[test]
fn usage_figures_with_nothing_counted_draw_no_empty_chart() {
    let kiosk = Kiosk::new();
    std::fs::create_dir_all(kiosk.state()).expect("state");
    office_kiosk::stats::store::save(
        &kiosk.state().join(office_kiosk::stats::store::FILE_NAME),
        &office_kiosk::stats::Usage::new(),
    )
    .expect("saved");
    let mut harness = kiosk.harness(None, egui::vec2(1920.0, 1080.0));
    open_admin(&mut harness);
    tap(&mut harness, "Usage figures");
    harness.get_by_label("No usage has been counted yet.");
    assert!(
        harness
            .query_by_label_contains("Visitor sessions per day (Sessions)")
            .is_none(),
        "no chart of zeros"
    );
}
