//! A seeded monkey: tens of thousands of random steps against the real kiosk (taps on
//! random controls and anywhere, keys, finger drags and swipes, time jumps across the idle
//! timeout, language and settings changes, content rewritten good and broken), checking
//! after every step what must always hold. No pixels are rendered.
//!
//! `MONKEY_SEED=N MONKEY_STEPS=N cargo test --test monkey` replays a failure: every failure
//! names its seed and step.

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod common;
mod fingers;

use eframe::egui::{self, Key, Modifiers, Pos2, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use office_kiosk::app::{KioskOptions, ModeOptions, ReloadStatus};
use office_kiosk::content::{self, EMBEDDED_FILES, EMBEDDED_RON, LangId};
use office_kiosk::kiosk::idle::{IdleConfig, IdleState};
use office_kiosk::navigation::Page;
use office_kiosk::theme::Settings;
use office_kiosk::{AppOptions, KioskApp};

/// The most textures the kiosk may hold at once: the font atlas and the content's images,
/// at a few sizes. More would mean a leak.
const MAX_TEXTURES: usize = 16;

/// xorshift64*: a small, well-known generator, enough to pick steps repeatably.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// What the monkey does in one step.
#[derive(Debug, Clone)]
enum Step {
    /// A finger taps a control, found as a screen reader finds it.
    TapControl(usize),
    /// A finger taps anywhere.
    Tap(Pos2),
    /// A finger drags from one place to another over a few frames.
    Drag(Pos2, Pos2, usize),
    /// A key, perhaps with modifiers.
    Key(Modifiers, Key),
    /// Nobody touches the screen for a while.
    Wait(f64),
    /// The content file is saved: good, or broken.
    Save(bool),
}

fn step(rng: &mut Rng, size: egui::Vec2) -> Step {
    let anywhere = |rng: &mut Rng| Pos2::new(rng.unit() * size.x, rng.unit() * size.y);
    match rng.below(100) {
        0..=44 => Step::TapControl(rng.below(64)),
        45..=54 => Step::Tap(anywhere(rng)),
        55..=66 => {
            let from = anywhere(rng);
            Step::Drag(from, anywhere(rng), 1 + rng.below(5))
        }
        67..=84 => {
            const KEYS: [Key; 12] = [
                Key::PageDown,
                Key::PageUp,
                Key::ArrowLeft,
                Key::ArrowRight,
                Key::ArrowDown,
                Key::Tab,
                Key::Enter,
                Key::Space,
                Key::Escape,
                Key::F11,
                Key::F4,
                Key::W,
            ];
            const MODIFIERS: [Modifiers; 4] = [
                Modifiers::NONE,
                Modifiers::NONE,
                Modifiers::ALT,
                Modifiers::CTRL,
            ];
            Step::Key(MODIFIERS[rng.below(4)], KEYS[rng.below(KEYS.len())])
        }
        85..=97 => Step::Wait(f64::from(rng.unit()) * 90.0),
        _ => Step::Save(rng.below(2) == 0),
    }
}

/// A finger event as egui-winit reports a touch, in a frame of its own.
fn touch(harness: &mut Harness<'_, KioskApp>, phase: egui::TouchPhase, pos: Pos2) {
    fingers::touch(harness, phase, pos);
    harness.step();
}

fn perform(harness: &mut Harness<'_, KioskApp>, folder: &Path, step: &Step) {
    match *step {
        Step::TapControl(n) => {
            let controls: Vec<Pos2> = harness
                .query_all_by_role(Role::Button)
                .chain(harness.query_all_by_role(Role::Switch))
                .map(|node| node.rect().center())
                .collect();
            if let Some(pos) = controls.get(n % controls.len().max(1)) {
                touch(harness, egui::TouchPhase::Start, *pos);
                touch(harness, egui::TouchPhase::End, *pos);
            }
        }
        Step::Tap(pos) => {
            touch(harness, egui::TouchPhase::Start, pos);
            touch(harness, egui::TouchPhase::End, pos);
        }
        Step::Drag(from, to, moves) => {
            touch(harness, egui::TouchPhase::Start, from);
            for i in 1..=moves {
                let t = i as f32 / moves as f32;
                touch(harness, egui::TouchPhase::Move, from + (to - from) * t);
            }
            touch(harness, egui::TouchPhase::End, to);
        }
        Step::Key(modifiers, key) => {
            common::press(harness, modifiers, key);
            harness.step();
        }
        Step::Wait(secs) => {
            // Frames come when the app asks for them; a quarter second apart at most.
            let frames = (secs / 0.25).ceil() as usize;
            for _ in 0..frames.min(2) {
                harness.step();
            }
            let rest = secs - 0.5;
            if rest > 0.0 {
                harness.input_mut().time = Some(harness.ctx.input(|i| i.time) + rest);
                harness.step();
            }
        }
        Step::Save(good) => {
            let text = if good {
                EMBEDDED_RON.replacen("Touch a topic to begin", "Touch a topic to start", 1)
            } else {
                EMBEDDED_RON.replacen("Content(", "Content((", 1)
            };
            let temp = folder.join(".content.ron.tmp");
            std::fs::write(&temp, text).expect("write the content");
            std::fs::rename(&temp, folder.join("content.ron")).expect("save the content");
            harness.step();
        }
    }
}

/// What the monkey saw, to prove it went everywhere.
#[derive(Debug, Default)]
struct Seen {
    pages: std::collections::BTreeSet<String>,
    attract: usize,
    spanish: usize,
    settings_changed: usize,
    reloads: usize,
}

impl Seen {
    fn note(&mut self, harness: &Harness<'_, KioskApp>, start: Settings, was_attract: &mut bool) {
        let app = harness.state();
        self.pages.insert(format!("{:?}", app.page()));
        let now = harness.ctx.input(|i| i.time);
        let attract = matches!(app.idle_state(now), Some(IdleState::Attract { .. }));
        if attract && !*was_attract {
            self.attract += 1;
        }
        *was_attract = attract;
        if app.language() != LangId(0) {
            self.spanish += 1;
        }
        if app.settings() != start {
            self.settings_changed += 1;
        }
        if matches!(
            app.reload_status(),
            ReloadStatus::Reloaded { .. } | ReloadStatus::Rejected { .. }
        ) {
            self.reloads += 1;
        }
    }
}

/// What must hold after every step.
fn check(harness: &Harness<'_, KioskApp>, start: Settings) -> Result<(), String> {
    let app = harness.state();
    if !Page::ALL.contains(&app.page()) {
        return Err(format!("on no page: {:?}", app.page()));
    }
    let now = harness.ctx.input(|i| i.time);
    if let Some(IdleState::Attract { .. }) = app.idle_state(now) {
        if app.page() != Page::Home {
            return Err(format!("the attract loop runs over {:?}", app.page()));
        }
        if app.language() != LangId(0) {
            return Err(format!("the attract loop runs in {:?}", app.language()));
        }
        if app.settings() != start {
            return Err(format!("the attract loop runs with {:?}", app.settings()));
        }
        if app.is_admin_pad_open() || app.is_settings_panel_open() {
            return Err("a panel is open over the attract loop".to_owned());
        }
    }
    let textures = harness.ctx.tex_manager().read().num_allocated();
    if textures > MAX_TEXTURES {
        return Err(format!("{textures} textures are held"));
    }
    if app.is_exiting() {
        return Err("the kiosk left without a PIN".to_owned());
    }
    Ok(())
}

fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("content.ron"), EMBEDDED_RON).expect("write content");
    for (name, bytes) in EMBEDDED_FILES {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        std::fs::write(path, bytes).expect("write image");
    }
    let file = dir.path().join("content.ron");
    (dir, file)
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn twenty_thousand_random_steps_keep_the_kiosk_whole() {
    let seed = env_number("MONKEY_SEED", 0x5EED_1234);
    let steps = env_number("MONKEY_STEPS", 20_000);
    let size = egui::vec2(1920.0, 1080.0);
    let (dir, file) = folder();
    let loaded = content::load_with(&file, false).expect("the copy is valid");
    let options = AppOptions {
        watch: Some(file.clone()),
        mode: ModeOptions::Kiosk(KioskOptions {
            idle: IdleConfig::new(60.0, 20.0, 10.0),
            ..KioskOptions::default()
        }),
        ..AppOptions::new(Arc::new(loaded.content))
    };
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(64)
        .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, options));
    harness.run();
    let start = harness.state().settings();
    let mut rng = Rng(seed);
    let mut walk = Seen::default();
    let mut was_attract = false;
    for n in 0..steps {
        let action = step(&mut rng, size);
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
            perform(&mut harness, dir.path(), &action);
        }));
        assert!(
            outcome.is_ok(),
            "MONKEY_SEED={seed} step {n} ({action:?}) panicked"
        );
        if let Err(broken) = check(&harness, start) {
            panic!("MONKEY_SEED={seed} step {n} ({action:?}): {broken}");
        }
        walk.note(&harness, start, &mut was_attract);
    }
    // The walk went everywhere a visitor can go.
    let enough = |count: usize| count >= (steps as usize / 400).max(1);
    assert_eq!(walk.pages.len(), Page::ALL.len(), "{walk:?}");
    assert!(enough(walk.attract), "{walk:?}");
    assert!(
        enough(walk.spanish) && enough(walk.settings_changed),
        "{walk:?}"
    );
    assert!(walk.reloads > 0, "{walk:?}");
}
