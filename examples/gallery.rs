//! Renders every screen a visitor, a presenter or staff can see to PNG files, for a person
//! to look at: every page at four screen shapes, in each language, with and without larger
//! text; the presenter's slides on a 1080p projector and a 4:3 one; the idle warning and the
//! attract loop's screens.
//!
//!     cargo run --example gallery -- OUTDIR [FILTER]
//!
//! FILTER keeps only the screens whose file name contains it (e.g. `slide_1024`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use office_kiosk::app::{KioskOptions, ModeOptions, PresentOptions};
use office_kiosk::content::{self, Content};
use office_kiosk::kiosk::idle::IdleConfig;
use office_kiosk::navigation::Page;
use office_kiosk::{AppOptions, KioskApp};

const SHAPES: [(&str, f32, f32); 4] = [
    ("1920x1080", 1920.0, 1080.0),
    ("1080x1920", 1080.0, 1920.0),
    ("1366x768", 1366.0, 768.0),
    ("1024x768", 1024.0, 768.0),
];

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next().map(PathBuf::from) else {
        eprintln!("usage: gallery OUTDIR [FILTER]");
        std::process::exit(2);
    };
    let filter = args.next().unwrap_or_default();
    std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    let content = Arc::new(content::embedded().unwrap_or_else(|e| panic!("{e}")));
    let langs: Vec<String> = content.languages.iter().map(|l| l.code.clone()).collect();
    let keep = |name: &str| filter.is_empty() || name.contains(&filter);
    for (shape, w, h) in SHAPES {
        for lang in &langs {
            for larger in [false, true] {
                for page in Page::ALL {
                    let name = format!(
                        "page_{}_{shape}_{lang}{}",
                        page.slug(),
                        if larger { "_large" } else { "" }
                    );
                    if !keep(&name) {
                        continue;
                    }
                    let options = AppOptions {
                        start_page: page,
                        language: Some(lang.clone()),
                        large_text: larger,
                        ..AppOptions::new(Arc::clone(&content))
                    };
                    let mut harness = harness(egui::vec2(w, h), options, 1.0 / 60.0);
                    harness.run();
                    save(&mut harness, &out, &name);
                    if page == Page::Home {
                        // The reading settings' panel, open.
                        let lang_id = content.language_by_code(lang).unwrap_or_default();
                        let display = content.labels.display.get(lang_id);
                        harness
                            .get_by_role_and_label(egui::accesskit::Role::Button, display)
                            .click();
                        harness.run();
                        save(&mut harness, &out, &format!("{name}_panel"));
                    }
                }
            }
        }
    }
    for (shape, w, h) in [
        ("1920x1080", 1920.0, 1080.0),
        ("1024x768", 1024.0, 768.0),
        ("1280x800", 1280.0, 800.0),
    ] {
        for lang in &langs {
            slides(
                &content,
                lang,
                egui::vec2(w, h),
                &format!("{shape}_{lang}"),
                &out,
                &keep,
            );
        }
    }
    for (shape, w, h) in [("1920x1080", 1920.0, 1080.0), ("1080x1920", 1080.0, 1920.0)] {
        for lang in &langs {
            idle_screens(
                &content,
                lang,
                egui::vec2(w, h),
                &format!("{shape}_{lang}"),
                &out,
                &keep,
            );
        }
    }
}

fn harness(size: egui::Vec2, options: AppOptions, dt: f32) -> Harness<'static, KioskApp> {
    Harness::builder()
        .with_size(size)
        .with_step_dt(dt)
        .with_max_steps(400)
        .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, options))
}

fn save(harness: &mut Harness<'_, KioskApp>, out: &Path, name: &str) {
    let image = harness.render().unwrap_or_else(|e| panic!("{name}: {e}"));
    let path = out.join(format!("{name}.png"));
    image
        .save(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    eprintln!("{}", path.display());
}

/// Every slide of the presenter at `size`.
fn slides(
    content: &Arc<Content>,
    lang: &str,
    size: egui::Vec2,
    tag: &str,
    out: &Path,
    keep: &dyn Fn(&str) -> bool,
) {
    if !keep(&format!("slide_{tag}")) && !keep("slide_") {
        return;
    }
    let options = AppOptions {
        language: Some(lang.to_owned()),
        mode: ModeOptions::Present(PresentOptions::default()),
        ..AppOptions::new(Arc::clone(content))
    };
    let mut harness = harness(size, options, 1.0 / 60.0);
    harness.run();
    let (_, count) = harness.state().slide().unwrap_or((0, 0));
    for index in 0..count {
        let name = format!("slide_{tag}_{:02}", index + 1);
        if keep(&name) {
            save(&mut harness, out, &name);
        }
        harness.key_press(egui::Key::PageDown);
        harness.run();
    }
}

/// The idle warning and the attract loop's first three screens at `size`.
fn idle_screens(
    content: &Arc<Content>,
    lang: &str,
    size: egui::Vec2,
    tag: &str,
    out: &Path,
    keep: &dyn Fn(&str) -> bool,
) {
    let options = AppOptions {
        language: Some(lang.to_owned()),
        mode: ModeOptions::Kiosk(KioskOptions {
            idle: IdleConfig::new(30.0, 20.0, 10.0),
            show_cursor: true,
            ..KioskOptions::default()
        }),
        ..AppOptions::new(Arc::clone(content))
    };
    let mut harness = harness(size, options, 0.5);
    let until = |harness: &mut Harness<'_, KioskApp>, secs: f64| {
        while harness.ctx.input(|i| i.time) < secs {
            harness.step();
        }
    };
    until(&mut harness, 29.0);
    let name = format!("idle_warning_{tag}");
    if keep(&name) {
        save(&mut harness, out, &name);
    }
    for (step, at) in [(0, 36.0), (1, 46.0), (2, 56.0)] {
        until(&mut harness, at);
        let name = format!("attract_{step}_{tag}");
        if keep(&name) {
            save(&mut harness, out, &name);
        }
    }
}
