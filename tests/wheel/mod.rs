//! Scrolling a page with the mouse wheel, shared by the tests that need what is below.

use eframe::egui;
use egui_kittest::Harness;
use office_kiosk::KioskApp;

/// Scrolls the page down as far as it goes, with the mouse wheel over its middle.
pub fn scroll_down(harness: &mut Harness<'_, KioskApp>) {
    let middle = harness.ctx.content_rect().center();
    harness.event(egui::Event::PointerMoved(middle));
    for _ in 0..8 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -500.0),
            modifiers: egui::Modifiers::default(),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        harness.run();
    }
}
