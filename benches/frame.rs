//! CPU cost of the work behind every frame and every content change (issue 16):
//! building one frame of each page headless at 1920x1080, with the AccessKit tree a screen
//! reader reads, and loading and validating the content file.
//!
//! `cargo bench --bench frame` prints divan's table (fastest, slowest, median, mean).
//! Figures are recorded in `bench/RESULTS.md`.

use std::sync::Arc;

use eframe::egui;
use egui_kittest::Harness;
use office_kiosk::content::{self, Content, EMBEDDED_NAME, EMBEDDED_RON, Source};
use office_kiosk::navigation::Page;
use office_kiosk::{AppOptions, KioskApp};

fn main() {
    divan::main();
}

const PAGES: [Page; 6] = [
    Page::Home,
    Page::About,
    Page::Office,
    Page::Facts,
    Page::Careers,
    Page::Contact,
];

fn content() -> Arc<Content> {
    Arc::new(content::embedded().unwrap_or_else(|e| panic!("embedded content: {e}")))
}

/// One frame of `page`, settled (fades and growing bars done), as the kiosk draws it at
/// 1920x1080: the whole UI is built again, laid out and tessellated-ready, and the
/// accessibility tree updated. Rendering to pixels is the GPU's (or llvmpipe's) part and
/// is measured by `bench/run`.
#[divan::bench(args = PAGES)]
fn frame(bencher: divan::Bencher, page: Page) {
    let options = AppOptions {
        start_page: page,
        ..AppOptions::new(content())
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_max_steps(64)
        .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, options));
    harness.run();
    bencher.bench_local(|| harness.step());
}

/// Parsing and validating the embedded content file, with every image's header checked.
#[divan::bench]
fn load_content() -> Content {
    content::embedded().unwrap_or_else(|e| panic!("embedded content: {e}"))
}

/// Parsing and validating the content text alone (no image headers).
#[divan::bench]
fn parse_content() -> Content {
    let source = Source::embedded().headers_only();
    content::parse(divan::black_box(EMBEDDED_RON), EMBEDDED_NAME, &source)
        .unwrap_or_else(|e| panic!("embedded content: {e}"))
}
