//! A finger on the screen as egui-winit reports one, shared by the tests that touch.

use eframe::egui::{self, Modifiers, Pos2};
use egui_kittest::Harness;
use office_kiosk::KioskApp;

/// A finger touch as egui-winit reports one: in one frame, a touch event and the pointer
/// events that emulate a mouse for the first finger. Sent with the next step.
pub fn touch(harness: &mut Harness<'_, KioskApp>, phase: egui::TouchPhase, pos: Pos2) {
    let button = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    let mut events = vec![egui::Event::Touch {
        device_id: egui::TouchDeviceId(1),
        id: egui::TouchId(0),
        phase,
        pos,
        force: None,
    }];
    match phase {
        egui::TouchPhase::Start => events.extend([egui::Event::PointerMoved(pos), button(true)]),
        egui::TouchPhase::Move => events.push(egui::Event::PointerMoved(pos)),
        egui::TouchPhase::End => events.extend([button(false), egui::Event::PointerGone]),
        egui::TouchPhase::Cancel => events.push(egui::Event::PointerGone),
    }
    harness.input_mut().events.extend(events);
}
