//! Image snapshots of every page, landscape and portrait, in English, and the facts page in
//! Spanish. They are rendered headless with wgpu; `UPDATE_SNAPSHOTS=1 cargo test` rewrites them.

use std::sync::Arc;

use eframe::egui;
use egui_kittest::{Harness, SnapshotResults};
use office_kiosk::content;
use office_kiosk::navigation::Page;
use office_kiosk::{AppOptions, KioskApp};

fn render(size: egui::Vec2, page: Page, language: &str) -> Harness<'static, KioskApp> {
    let options = AppOptions {
        start_page: page,
        language: Some(language.into()),
        ..AppOptions::new(Arc::new(
            content::embedded().expect("valid embedded content"),
        ))
    };
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
