//! Whole-app tests of the three modes: the reception kiosk (idle warning, reset, attract loop,
//! no escape, the admin PIN pad), the presenter's clicker and the laptop window. Time is
//! stepped through egui's clock, never slept; touches are injected as egui-winit sends them.

use std::sync::Arc;

mod common;
mod fingers;
use fingers::touch;

use eframe::egui::{self, Key, Modifiers, Pos2, Role, ViewportCommand, ViewportId, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use office_kiosk::app::{KioskOptions, ModeOptions, PresentOptions};
use office_kiosk::content::{self, LangId};
use office_kiosk::kiosk::Mode;
use office_kiosk::kiosk::idle::{IdleConfig, IdleState};
use office_kiosk::navigation::Page;
use office_kiosk::pin::PinHash;
use office_kiosk::{AppOptions, KioskApp};

const PIN: &str = "2468";

fn kiosk_options() -> KioskOptions {
    KioskOptions {
        idle: IdleConfig::new(60.0, 20.0, 10.0),
        admin_pin: Some(PinHash::new(PIN, [5; 16], 10).expect("valid pin")),
        show_cursor: false,
        ..KioskOptions::default()
    }
}

fn options(mode: Mode) -> AppOptions {
    AppOptions {
        mode: match mode {
            Mode::Laptop => ModeOptions::Laptop,
            Mode::Kiosk => ModeOptions::Kiosk(kiosk_options()),
            Mode::Present => ModeOptions::Present(PresentOptions::default()),
        },
        ..AppOptions::new(Arc::new(
            content::embedded().expect("valid embedded content"),
        ))
    }
}

fn harness(options: AppOptions) -> Harness<'static, KioskApp> {
    common::app(common::FULL_HD, options)
}

/// egui's clock in the harness.
fn now(harness: &Harness<'_, KioskApp>) -> f64 {
    harness.ctx.input(|i| i.time)
}

/// Lets `secs` pass without input, one frame every quarter second.
fn wait(harness: &mut Harness<'_, KioskApp>, secs: f64) {
    let steps = (secs / 0.25).round() as usize;
    for _ in 0..steps {
        harness.step();
    }
}

fn tap_button(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
}

/// A finger that lands at `from`, moves to `to` over `moves` frames and lifts; each frame
/// is a quarter of a second.
fn finger_drag(harness: &mut Harness<'_, KioskApp>, from: Pos2, to: Pos2, moves: usize) {
    touch(harness, egui::TouchPhase::Start, from);
    harness.step();
    for i in 1..=moves {
        let t = i as f32 / moves as f32;
        touch(harness, egui::TouchPhase::Move, from + (to - from) * t);
        harness.step();
    }
    touch(harness, egui::TouchPhase::End, to);
    harness.step();
    harness.run();
}

fn viewport_commands(harness: &Harness<'_, KioskApp>) -> Vec<ViewportCommand> {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default()
}

fn request_close(harness: &mut Harness<'_, KioskApp>) {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
}

#[test]
fn idle_warning_appears_a_touch_cancels_it_and_the_timeout_returns_home() {
    let mut harness = harness(options(Mode::Kiosk));
    tap_button(&mut harness, "Español");
    tap_button(&mut harness, "Datos y cifras");
    assert_eq!(harness.state().page(), Page::Facts);

    // 40 s of nobody: the countdown appears, in the visitor's language.
    wait(&mut harness, 41.0);
    let t = now(&harness);
    assert!(matches!(
        harness.state().idle_state(t),
        Some(IdleState::Warning { .. })
    ));
    harness.get_by_label_contains("Toque para continuar");
    // The countdown says, in Spanish, the seconds the idle machine has left.
    let countdown = |h: &Harness<'_, KioskApp>| {
        let Some(IdleState::Warning { seconds_left }) = h.state().idle_state(now(h)) else {
            panic!("the warning shows");
        };
        format!("La pantalla volverá al inicio en {seconds_left} segundos")
    };
    let before = countdown(&harness);
    harness.get_by_label(&before);
    wait(&mut harness, 1.0);
    let after = countdown(&harness);
    assert_ne!(before, after, "the countdown ticks");
    harness.get_by_label(&after);
    // The seconds left stand large in their ring, for a visitor a step away.
    let Some(IdleState::Warning { seconds_left }) = harness.state().idle_state(now(&harness))
    else {
        panic!("the warning shows");
    };
    let seconds = seconds_left.to_string();
    let number = harness.get_by_label(&seconds);
    assert!(number.rect().height() > 150.0, "{:?}", number.rect());

    // A touch anywhere dismisses it and restarts the timer, without acting on the page.
    harness
        .get_by_label_contains("Toque para continuar")
        .click();
    harness.run();
    assert_eq!(
        harness.state().idle_state(now(&harness)),
        Some(IdleState::Active)
    );
    assert!(
        harness
            .query_by_label_contains("Toque para continuar")
            .is_none()
    );
    assert_eq!(harness.state().page(), Page::Facts);

    // Then a full minute without input: Home, in the default language.
    wait(&mut harness, 61.0);
    assert_eq!(harness.state().page(), Page::Home);
    assert_eq!(harness.state().language(), LangId(0));
    assert!(matches!(
        harness.state().idle_state(now(&harness)),
        Some(IdleState::Attract { .. })
    ));
}

#[test]
fn the_attract_loop_changes_and_the_first_touch_only_wakes() {
    let mut harness = harness(options(Mode::Kiosk));
    wait(&mut harness, 61.0);
    let first = harness.state().idle_state(now(&harness));
    assert_eq!(first, Some(IdleState::Attract { step: 0 }));
    harness.get_by_label_contains("Touch the screen to explore");
    wait(&mut harness, 10.0);
    assert_eq!(
        harness.state().idle_state(now(&harness)),
        Some(IdleState::Attract { step: 1 })
    );

    // Tap where the Careers tile is on Home: the kiosk wakes on Home and does not follow it.
    let careers_tile = {
        let mut awake = self::harness(options(Mode::Kiosk));
        awake.run();
        awake.get_by_label_contains("Careers. ").rect().center()
    };
    touch(&mut harness, egui::TouchPhase::Start, careers_tile);
    harness.step();
    touch(&mut harness, egui::TouchPhase::End, careers_tile);
    harness.step();
    harness.run();
    assert_eq!(
        harness.state().idle_state(now(&harness)),
        Some(IdleState::Active)
    );
    assert_eq!(harness.state().page(), Page::Home);
    // The next tap works as usual.
    harness.get_by_label_contains("Careers. ").click();
    harness.run();
    assert_eq!(harness.state().page(), Page::Careers);
}

/// Presses and releases `key` with `modifiers` in one frame, as a window system reports a
/// quick press, then lets a few frames pass; returns every command the app sent to its
/// window meanwhile.
fn press_collecting(
    harness: &mut Harness<'_, KioskApp>,
    modifiers: Modifiers,
    key: Key,
) -> Vec<ViewportCommand> {
    common::press(harness, modifiers, key);
    let mut commands = Vec::new();
    for _ in 0..4 {
        harness.step();
        commands.extend(viewport_commands(harness));
    }
    commands
}

/// Whether `command` would take the kiosk off the screen.
fn leaves_the_screen(command: &ViewportCommand) -> bool {
    matches!(
        command,
        ViewportCommand::Close
            | ViewportCommand::Minimized(true)
            | ViewportCommand::Fullscreen(false)
            | ViewportCommand::Visible(false)
    )
}

#[test]
fn escape_keys_and_close_requests_do_not_leave_the_kiosk() {
    let mut harness = harness(options(Mode::Kiosk));
    tap_button(&mut harness, "Contact");
    let mut sent = Vec::new();
    for (modifiers, key) in [
        (Modifiers::NONE, Key::Escape),
        (Modifiers::NONE, Key::F11),
        (Modifiers::NONE, Key::F5),
        (Modifiers::ALT, Key::F4),
        (Modifiers::CTRL, Key::W),
        (Modifiers::CTRL, Key::Q),
    ] {
        sent.extend(press_collecting(&mut harness, modifiers, key));
    }
    assert!(!sent.iter().any(leaves_the_screen), "{sent:?}");
    assert_eq!(harness.state().page(), Page::Contact);
    assert!(!harness.state().is_exiting());
    // Alt+F4 reaches the app as a close request from the window manager: it is refused.
    request_close(&mut harness);
    let commands = viewport_commands(&harness);
    assert!(
        commands.contains(&ViewportCommand::CancelClose),
        "{commands:?}"
    );
    assert!(!commands.iter().any(leaves_the_screen), "{commands:?}");
    assert!(!harness.state().is_exiting());
}

#[test]
fn the_laptop_window_closes_normally_and_f11_toggles_full_screen() {
    let mut harness = harness(options(Mode::Laptop));
    // One frame with the key down, as a window system sends it.
    harness.input_mut().events.push(egui::Event::Key {
        key: Key::F11,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    let commands = viewport_commands(&harness);
    assert!(
        commands.contains(&ViewportCommand::Fullscreen(true)),
        "{commands:?}"
    );
    // No idle reset on a laptop.
    tap_button(&mut harness, "Careers");
    wait(&mut harness, 120.0);
    assert_eq!(harness.state().page(), Page::Careers);
    assert_eq!(harness.state().idle_state(now(&harness)), None);
    // The window closes when asked.
    request_close(&mut harness);
    assert!(!viewport_commands(&harness).contains(&ViewportCommand::CancelClose));
}

/// Holds a finger on the admin corner for `secs`.
fn hold_corner(harness: &mut Harness<'_, KioskApp>, secs: f64) {
    let corner = pos2(20.0, 20.0);
    touch(harness, egui::TouchPhase::Start, corner);
    wait(harness, secs);
    touch(harness, egui::TouchPhase::End, corner);
    harness.step();
    harness.run();
}

fn enter_pin(harness: &mut Harness<'_, KioskApp>, pin: &str) {
    for digit in pin.chars() {
        tap_button(harness, &digit.to_string());
    }
    tap_button(harness, "OK");
}

#[test]
fn a_short_press_on_the_corner_does_nothing() {
    let mut harness = harness(options(Mode::Kiosk));
    hold_corner(&mut harness, 3.0);
    assert!(!harness.state().is_admin_pad_open());
}

#[test]
fn without_a_pin_file_the_kiosk_cannot_be_left_from_the_screen() {
    let mut harness = harness(AppOptions {
        mode: ModeOptions::Kiosk(KioskOptions {
            admin_pin: None,
            ..kiosk_options()
        }),
        ..options(Mode::Kiosk)
    });
    hold_corner(&mut harness, 6.0);
    assert!(!harness.state().is_admin_pad_open());
}

#[test]
fn the_pin_pad_refuses_wrong_pins_locks_after_five_and_opens_the_admin_screen_on_the_right_one() {
    let mut harness = harness(options(Mode::Kiosk));
    hold_corner(&mut harness, 5.5);
    assert!(harness.state().is_admin_pad_open());

    enter_pin(&mut harness, "1111");
    harness.get_by_label_contains("Wrong PIN: 4 tries left");
    for _ in 0..4 {
        enter_pin(&mut harness, "1111");
    }
    let locked_at = now(&harness);
    harness.get_by_label_contains("Too many wrong PINs");
    // Locked: even the right PIN is refused.
    enter_pin(&mut harness, PIN);
    assert!(!harness.state().is_exiting());
    harness.get_by_label_contains("Too many wrong PINs");

    // Closing and reopening the pad does not lift the lockout.
    tap_button(&mut harness, "Cancel");
    hold_corner(&mut harness, 5.5);
    assert!(harness.state().is_admin_pad_open());
    harness.get_by_label_contains("Too many wrong PINs");

    // Once the minute is over (the idle reset has closed the pad meanwhile), the right PIN
    // opens the admin screen, and "Leave the kiosk" closes the app.
    let until_unlocked = locked_at + 61.0 - now(&harness);
    wait(&mut harness, until_unlocked.max(61.0));
    assert!(
        !harness.state().is_admin_pad_open(),
        "the idle reset closes the pad"
    );
    hold_corner(&mut harness, 5.5);
    for digit in PIN.chars() {
        tap_button(&mut harness, &digit.to_string());
    }
    tap_button(&mut harness, "OK");
    assert!(!harness.state().is_admin_pad_open());
    assert_eq!(harness.state().admin_state(), (true, false));
    assert!(!harness.state().is_exiting());
    harness
        .get_by_role_and_label(Role::Button, "Leave the kiosk")
        .click();
    harness.step();
    assert!(harness.state().is_exiting());
    let commands = viewport_commands(&harness);
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
    // And now a close request is no longer refused.
    request_close(&mut harness);
    assert!(!viewport_commands(&harness).contains(&ViewportCommand::CancelClose));
}

#[test]
fn cancel_closes_the_pad_and_keeps_the_kiosk() {
    let mut harness = harness(options(Mode::Kiosk));
    hold_corner(&mut harness, 5.5);
    tap_button(&mut harness, "1");
    tap_button(&mut harness, "Cancel");
    assert!(!harness.state().is_admin_pad_open());
    assert!(!harness.state().is_exiting());
}

#[test]
fn every_clicker_key_drives_the_slides() {
    let mut harness = harness(options(Mode::Present));
    let (_, count) = harness.state().slide().expect("slides in presenter mode");
    let slide = |h: &Harness<'_, KioskApp>| h.state().slide().map(|(i, _)| i);
    for (key, expected) in [
        (Key::PageDown, 1),
        (Key::ArrowRight, 2),
        (Key::Space, 3),
        (Key::Enter, 4),
        (Key::PageUp, 3),
        (Key::ArrowLeft, 2),
        (Key::Backspace, 1),
        (Key::Home, 0),
    ] {
        harness.key_press(key);
        harness.run();
        assert_eq!(slide(&harness), Some(expected), "after {key:?}");
    }
    // "." and "b" blank the screen and bring it back; Esc and F5 are harmless.
    harness.key_press(Key::Period);
    harness.run();
    assert!(harness.state().is_blank());
    harness.key_press(Key::B);
    harness.run();
    assert!(!harness.state().is_blank());
    for key in [Key::Escape, Key::F5] {
        harness.key_press(key);
        harness.run();
    }
    assert_eq!(slide(&harness), Some(0));
    assert!(!harness.state().is_exiting());
    // The last slide stays the last.
    for _ in 0..count + 2 {
        harness.key_press(Key::PageDown);
        harness.run();
    }
    assert_eq!(slide(&harness), Some(count - 1));
}

#[test]
fn slides_advance_by_themselves_and_pause_when_the_presenter_acts() {
    let mut harness = harness(AppOptions {
        mode: ModeOptions::Present(PresentOptions {
            slide_interval_secs: Some(8.0),
        }),
        ..options(Mode::Present)
    });
    wait(&mut harness, 8.5);
    assert_eq!(harness.state().slide().map(|(i, _)| i), Some(1));
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().slide().map(|(i, _)| i), Some(2));
    wait(&mut harness, 20.0);
    assert_eq!(
        harness.state().slide().map(|(i, _)| i),
        Some(2),
        "paused after a key"
    );
    wait(&mut harness, 50.0);
    assert!(
        harness.state().slide().map(|(i, _)| i) > Some(2),
        "resumed after the pause"
    );
}

#[test]
fn each_chart_has_its_own_slide() {
    let mut harness = harness(options(Mode::Present));
    // Welcome, About, What IOM does, IOM in Belize, Office, two slides of facts, then the
    // first chart.
    for _ in 0..7 {
        harness.key_press(Key::PageDown);
        harness.run();
    }
    let charts: Vec<_> = harness
        .query_all_by_role(Role::Image)
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.contains("): "))
        })
        .collect();
    assert_eq!(charts.len(), 1, "one chart on a chart slide");
}

#[test]
fn a_tap_clicks_a_drag_scrolls_and_a_swipe_turns_the_page() {
    let mut harness = harness(options(Mode::Kiosk));
    // A tap on a navigation button presses it.
    let facts = harness
        .get_by_role_and_label(Role::Button, "Facts and figures")
        .rect()
        .center();
    touch(&mut harness, egui::TouchPhase::Start, facts);
    harness.step();
    touch(&mut harness, egui::TouchPhase::End, facts);
    harness.step();
    harness.run();
    assert_eq!(harness.state().page(), Page::Facts);

    // A vertical finger drag scrolls the long page.
    let title_y = harness.get_by_label("Belize in figures").rect().top();
    finger_drag(&mut harness, pos2(1100.0, 900.0), pos2(1100.0, 400.0), 6);
    assert_eq!(harness.state().page(), Page::Facts);
    let scrolled_y = harness.get_by_label("Belize in figures").rect().top();
    assert!(
        scrolled_y < title_y - 200.0,
        "scrolled from {title_y} to {scrolled_y}"
    );

    // A finger that lands on a button and drags scrolls rather than presses it.
    let careers = harness
        .get_by_role_and_label(Role::Button, "Careers")
        .rect()
        .center();
    finger_drag(&mut harness, careers, careers + egui::vec2(0.0, -150.0), 6);
    assert_eq!(harness.state().page(), Page::Facts);

    // A quick sideways swipe turns to the next page, and back.
    finger_drag(&mut harness, pos2(1500.0, 600.0), pos2(900.0, 620.0), 2);
    assert_eq!(harness.state().page(), Page::Careers);
    finger_drag(&mut harness, pos2(900.0, 600.0), pos2(1500.0, 600.0), 2);
    assert_eq!(harness.state().page(), Page::Facts);
}

#[test]
fn keyboard_reaches_the_controls_with_visible_focus() {
    let mut harness = harness(options(Mode::Laptop));
    harness.key_press(Key::Tab);
    harness.run();
    let focused: Vec<_> = harness
        .query_all_by_role(Role::Button)
        .filter(egui_kittest::Node::is_focused)
        .collect();
    assert_eq!(focused.len(), 1, "Tab focuses one button");
    let first = focused[0].rect();
    // The arrow keys move the focus too: down the navigation rail.
    harness.key_press(Key::ArrowDown);
    harness.run();
    let below: Vec<_> = harness
        .query_all_by_role(Role::Button)
        .filter(egui_kittest::Node::is_focused)
        .map(|n| n.rect())
        .collect();
    assert_eq!(below.len(), 1);
    assert!(
        below[0].top() > first.bottom() - 1.0,
        "{first:?} then {below:?}"
    );
    // Enter presses the focused control; keep tabbing until the Careers button has focus.
    for _ in 0..20 {
        if harness
            .get_by_role_and_label(Role::Button, "Careers")
            .is_focused()
        {
            break;
        }
        harness.key_press(Key::Tab);
        harness.run();
    }
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Careers")
            .is_focused()
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().page(), Page::Careers);
}

use common::MemoryStorage;

#[test]
fn the_laptop_remembers_its_language_and_the_kiosk_does_not() {
    let mut laptop = harness(options(Mode::Laptop));
    tap_button(&mut laptop, "Español");
    let mut storage = MemoryStorage::default();
    eframe::App::save(laptop.state_mut(), &mut storage);
    assert_eq!(
        office_kiosk::app::saved_language(Some(&storage)),
        Some("es".to_owned())
    );
    // The next start in that language.
    let next = harness(AppOptions {
        language: office_kiosk::app::saved_language(Some(&storage)),
        ..options(Mode::Laptop)
    });
    assert_eq!(next.state().language(), LangId(1));

    let mut kiosk = harness(options(Mode::Kiosk));
    tap_button(&mut kiosk, "Español");
    let mut storage = MemoryStorage::default();
    eframe::App::save(kiosk.state_mut(), &mut storage);
    assert_eq!(office_kiosk::app::saved_language(Some(&storage)), None);
}

#[test]
fn a_stop_signal_leaves_the_kiosk_as_staff_would() {
    // systemd stops the service with SIGTERM: the kiosk leaves through its own exit, so the
    // usage figures and the log are written out, instead of dying mid-frame.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_max_steps(16)
        .build_eframe(move |cc| {
            KioskApp::new(&cc.egui_ctx, options(Mode::Kiosk)).leave_on_signals(&cc.egui_ctx)
        });
    harness.run();
    request_close(&mut harness);
    assert!(
        !harness.state().is_exiting(),
        "a close request alone does not"
    );
    signal_hook::low_level::raise(signal_hook::consts::SIGTERM).expect("raise SIGTERM");
    for _ in 0..100 {
        if harness.state().is_exiting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    assert!(
        harness.state().is_exiting(),
        "SIGTERM did not end the kiosk"
    );
    assert!(
        viewport_commands(&harness).contains(&ViewportCommand::Close),
        "the kiosk asks its window to close"
    );
}

#[test]
fn one_second_left_is_said_in_the_singular_in_both_languages() {
    for (language, sentence) in [
        ("English", "Returning to the start screen in 1 second"),
        ("Español", "La pantalla volverá al inicio en 1 segundo"),
    ] {
        let mut harness = harness(options(Mode::Kiosk));
        tap_button(&mut harness, language);
        // Nobody there until one second of the minute is left.
        for _ in 0..400 {
            let state = harness.state().idle_state(now(&harness));
            if state == Some(IdleState::Warning { seconds_left: 1 }) {
                break;
            }
            harness.step();
        }
        assert_eq!(
            harness.state().idle_state(now(&harness)),
            Some(IdleState::Warning { seconds_left: 1 })
        );
        harness.get_by_label(sentence);
    }
}

#[test]
fn the_slide_counter_keeps_its_place_when_it_gains_a_digit() {
    let mut harness = harness(options(Mode::Present));
    let (_, count) = harness.state().slide().expect("slides");
    assert!(count >= 10, "{count} slides");
    let right_of = |harness: &Harness<'_, KioskApp>, shown: usize| {
        harness
            .get_by_label(&format!("{shown} / {count}"))
            .rect()
            .right()
    };
    for _ in 0..8 {
        harness.key_press(Key::PageDown);
        harness.run();
    }
    let nine = right_of(&harness, 9);
    harness.key_press(Key::PageDown);
    harness.run();
    let ten = right_of(&harness, 10);
    assert!((nine - ten).abs() < 0.5, "9 ends at {nine}, 10 at {ten}");
}

#[test]
fn the_idle_reset_returns_to_the_start_language_the_kiosk_was_given() {
    // An office that runs its kiosk in Spanish starts it with `--lang es`: the reset comes
    // back to Spanish, not to the content's default (English).
    let mut harness = harness(AppOptions {
        language: Some("es".into()),
        ..options(Mode::Kiosk)
    });
    assert_eq!(harness.state().language(), LangId(1));
    tap_button(&mut harness, "English");
    assert_eq!(harness.state().language(), LangId(0));
    wait(&mut harness, 61.0);
    assert_eq!(harness.state().language(), LangId(1), "back to Spanish");
    // Without `--lang`, the content's default.
    let mut plain = harness_default();
    tap_button(&mut plain, "Español");
    wait(&mut plain, 61.0);
    assert_eq!(plain.state().language(), LangId(0));
}

fn harness_default() -> Harness<'static, KioskApp> {
    harness(options(Mode::Kiosk))
}

#[test]
fn the_title_slides_address_wraps_under_itself_not_under_its_pin() {
    let content = content::embedded().expect("valid embedded content");
    let caption = content
        .contact
        .map
        .as_ref()
        .and_then(|m| m.caption.as_ref())
        .expect("the map has a caption")
        .get(LangId(1))
        .to_owned();
    let organization = content.identity.organization.get(LangId(1)).to_owned();
    let harness = harness(AppOptions {
        language: Some("es".into()),
        ..options(Mode::Present)
    });
    let address = harness.get_by_label(&caption).rect();
    let above = harness.get_by_label(&organization).rect();
    assert!(
        address.left() >= above.left() + 24.0,
        "the address {address:?} starts right of the pin, under itself; the column starts at {above:?}"
    );
}
