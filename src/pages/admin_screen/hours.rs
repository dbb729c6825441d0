//! Screen hours: always on, or on between two times set in half hours with Earlier and
//! Later; kept across restarts.

use eframe::egui;

use super::AdminView;
use crate::command::AdminCommand;
use crate::kiosk::hours::ScreenHours;
use crate::maintenance::words::Word;
use crate::theme::{Theme, size, space};
use crate::widgets::choice_button::choice_button;
use crate::widgets::text;

/// The step of Earlier and Later, in minutes.
const STEP_MIN: i32 = 30;

/// The hours offered when staff turn them on.
const OFFICE_HOURS: (u16, u16) = (8 * 60, 17 * 60);

/// The hours panel.
pub(super) fn hours_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    view: &AdminView<'_>,
    command: &mut Option<AdminCommand>,
) {
    let width = ui.available_width().min(space::MAX_TEXT_WIDTH);
    text::heading(ui, theme, view.word(Word::ScreenHours));
    text::paragraph(ui, theme, view.word(Word::HoursExplained));
    let half = (width - space::S) / 2.0;
    let office = ScreenHours::new(OFFICE_HOURS.0, OFFICE_HOURS.1).ok();
    ui.horizontal(|ui| {
        if choice_button(
            ui,
            theme,
            view.word(Word::AlwaysOn),
            half,
            view.hours.is_none(),
        )
        .clicked()
        {
            *command = Some(AdminCommand::SetHours(None));
        }
        let shown = view
            .hours
            .or(office)
            .map(|h| h.to_string())
            .unwrap_or_default();
        if choice_button(ui, theme, &shown, half, view.hours.is_some()).clicked()
            && view.hours.is_none()
        {
            *command = Some(AdminCommand::SetHours(office));
        }
    });
    let Some(hours) = view.hours else {
        return;
    };
    for (word, start) in [(Word::OnFrom, true), (Word::OffFrom, false)] {
        let minute = if start {
            hours.start_min()
        } else {
            hours.end_min()
        };
        ui.horizontal(|ui| {
            let label = format!("{} {:02}:{:02}", view.word(word), minute / 60, minute % 60);
            ui.add_sized(
                [half, space::NAV_BUTTON_HEIGHT],
                egui::Label::new(
                    egui::RichText::new(label)
                        .font(Theme::bold(size::LEAD))
                        .color(theme.text),
                ),
            );
            for (step_word, step) in [(Word::Earlier, -STEP_MIN), (Word::Later, STEP_MIN)] {
                let name = format!("{}: {}", view.word(word), view.word(step_word));
                let moved = shifted(minute, step);
                let response = choice_button(
                    ui,
                    theme,
                    view.word(step_word),
                    (half - space::S) / 2.0,
                    false,
                );
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if response.clicked() {
                    let (s, e) = if start {
                        (moved, hours.end_min())
                    } else {
                        (hours.start_min(), moved)
                    };
                    if let Ok(new) = ScreenHours::new(s, e) {
                        *command = Some(AdminCommand::SetHours(Some(new)));
                    }
                }
            }
        });
    }
    if !view.clock_trusted {
        text::wrapped(
            ui,
            view.word(Word::ClockWrong),
            Theme::bold(size::BODY),
            theme.accent,
        );
    }
}

/// `minute` moved by `step` minutes around the clock.
fn shifted(minute: u16, step: i32) -> u16 {
    (i32::from(minute) + step).rem_euclid(24 * 60) as u16
}
