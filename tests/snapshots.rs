//! Image snapshots of every page, landscape and portrait, in English, the facts page in
//! Spanish, a few with larger text and high contrast, and the attract loop's figure and
//! chart screens and the title slide, both ways. They are rendered headless with wgpu;
//! `UPDATE_SNAPSHOTS=1 cargo test` rewrites them.

use std::sync::Arc;

use eframe::egui;
use egui_kittest::{Harness, SnapshotResults};
use office_kiosk::content;
use office_kiosk::navigation::Page;
use office_kiosk::{AppOptions, KioskApp};

fn render(size: egui::Vec2, page: Page, language: &str) -> Harness<'static, KioskApp> {
    render_with(size, page, language, |_| {})
}

fn render_with(
    size: egui::Vec2,
    page: Page,
    language: &str,
    adjust: impl FnOnce(&mut AppOptions),
) -> Harness<'static, KioskApp> {
    let mut options = AppOptions {
        start_page: page,
        language: Some(language.into()),
        ..AppOptions::new(Arc::new(
            content::embedded().expect("valid embedded content"),
        ))
    };
    adjust(&mut options);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(16)
        .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, options));
    // `run` steps until the app stops asking for frames: its animations have ended.
    harness.run();
    harness
}

#[test]
fn every_page_in_both_orientations() {
    let mut results = SnapshotResults::new();
    for (shape, size) in [
        ("landscape", egui::vec2(1920.0, 1080.0)),
        ("portrait", egui::vec2(1080.0, 1920.0)),
    ] {
        for page in Page::ALL {
            let mut harness = render(size, page, "en");
            results.add(harness.try_snapshot(format!("{}_{shape}_en", page.slug())));
        }
    }
    for (shape, size) in [
        ("landscape", egui::vec2(1920.0, 1080.0)),
        ("portrait", egui::vec2(1080.0, 1920.0)),
    ] {
        let mut harness = render(size, Page::Facts, "es");
        results.add(harness.try_snapshot(format!("facts_{shape}_es")));
    }
}

/// The reading settings a visitor can turn on: every page with larger text in landscape and
/// portrait, and in high contrast in landscape (Home also in portrait, the figures also in
/// Spanish).
#[test]
fn larger_text_and_high_contrast() {
    let mut results = SnapshotResults::new();
    for (shape, size) in [
        ("landscape", egui::vec2(1920.0, 1080.0)),
        ("portrait", egui::vec2(1080.0, 1920.0)),
    ] {
        for page in Page::ALL {
            let mut harness = render_with(size, page, "en", |o| o.large_text = true);
            results.add(harness.try_snapshot(format!("{}_{shape}_large", page.slug())));
        }
    }
    let contrast = |o: &mut AppOptions| o.theme = office_kiosk::theme::ThemeKind::HighContrast;
    for page in Page::ALL {
        let mut harness = render_with(egui::vec2(1920.0, 1080.0), page, "en", contrast);
        results.add(harness.try_snapshot(format!("{}_landscape_contrast", page.slug())));
    }
    let mut harness = render_with(egui::vec2(1080.0, 1920.0), Page::Home, "en", contrast);
    results.add(harness.try_snapshot("home_portrait_contrast"));
    let mut harness = render_with(egui::vec2(1920.0, 1080.0), Page::Facts, "es", contrast);
    results.add(harness.try_snapshot("facts_landscape_contrast_es"));
}

/// The attract loop's figure and chart screens and the presenter's title slide (the same
/// composition as the attract loop's first screen), at rest after their motion.
#[test]
fn attract_screens_and_the_title_slide_in_both_orientations() {
    use office_kiosk::app::{KioskOptions, ModeOptions, PresentOptions};
    use office_kiosk::kiosk::idle::IdleConfig;
    let mut results = SnapshotResults::new();
    for (shape, size) in [
        ("landscape", egui::vec2(1920.0, 1080.0)),
        ("portrait", egui::vec2(1080.0, 1920.0)),
    ] {
        let content = Arc::new(content::embedded().expect("valid embedded content"));
        let kiosk = AppOptions {
            // Idle after a second, a step every ten.
            mode: ModeOptions::Kiosk(KioskOptions {
                idle: IdleConfig::new(1.0, 0.0, 10.0),
                admin_pin: None,
                show_cursor: false,
                ..KioskOptions::default()
            }),
            ..AppOptions::new(Arc::clone(&content))
        };
        let mut harness = Harness::builder()
            .with_size(size)
            .with_step_dt(1.0)
            .with_max_steps(16)
            .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, kiosk));
        for (step, name) in [(1.0, "figure"), (2.0, "chart")] {
            // Five seconds into the step: its motion is over.
            while harness.ctx.input(|i| i.time) < 1.0 + 10.0 * step + 5.0 {
                harness.step();
            }
            harness.run();
            results.add(harness.try_snapshot(format!("attract_{name}_{shape}_en")));
        }
        let present = AppOptions {
            mode: ModeOptions::Present(PresentOptions::default()),
            ..AppOptions::new(content)
        };
        let mut harness = Harness::builder()
            .with_size(size)
            .with_max_steps(16)
            .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, present));
        harness.run();
        results.add(harness.try_snapshot(format!("title_{shape}_en")));
    }
}
