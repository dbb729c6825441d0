//! Update content: the content folders on USB sticks, the check of the one chosen with
//! every problem's line and column, Install (only when valid) and Undo.

use eframe::egui;

use super::{AdminView, problems_ui};
use crate::command::AdminCommand;
use crate::maintenance::words::Word;
use crate::theme::{Theme, size, space};
use crate::widgets::choice_button::choice_button;
use crate::widgets::{overlay, text};

/// The update panel.
pub(super) fn update_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    view: &AdminView<'_>,
    command: &mut Option<AdminCommand>,
) {
    let width = ui.available_width().min(space::MAX_TEXT_WIDTH);
    let admin = view.admin;
    text::heading(ui, theme, view.word(Word::UpdateContent));
    if let Some(place) = &view.facts.place {
        text::small(
            ui,
            theme,
            &format!("{}: {place}", view.word(Word::InstallsInto)),
        );
    }
    if view.facts.can_undo
        && choice_button(ui, theme, view.word(Word::Undo), width, false).clicked()
    {
        *command = Some(AdminCommand::Undo);
    }
    if admin.sticks.is_empty() {
        text::paragraph(ui, theme, view.word(Word::NoSticks));
    } else if admin.chosen.is_none() {
        text::paragraph(ui, theme, view.word(Word::Check));
    }
    let chosen = admin.chosen.as_ref().map(|(index, _)| *index);
    for (index, stick) in admin.sticks.iter().enumerate() {
        let office = stick
            .office
            .clone()
            .unwrap_or_else(|| view.word(Word::HasProblems).to_owned());
        let languages = if stick.languages.is_empty() {
            String::new()
        } else {
            format!(
                " · {}: {}",
                view.word(Word::Languages),
                stick.languages.join(", ")
            )
        };
        let label = format!("{office}{languages}\n{}", stick.folder.display());
        if choice_button(ui, theme, &label, width, chosen == Some(index)).clicked() {
            *command = Some(AdminCommand::Choose(index));
        }
    }
    if choice_button(
        ui,
        theme,
        view.word(Word::LookAgain),
        width.min(space::ADMIN_ACTION_MAX_WIDTH),
        false,
    )
    .clicked()
    {
        *command = Some(AdminCommand::FindSticks);
    }
    let Some((_, report)) = &admin.chosen else {
        return;
    };
    ui.add_space(space::S);
    if report.is_valid() {
        text::wrapped(
            ui,
            view.word(Word::Valid),
            Theme::bold(size::LEAD),
            theme.primary,
        );
        // Warnings do not stop an install; staff see them all the same.
        problems_ui(
            ui,
            theme,
            report
                .problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str),
        );
        if overlay::big_button(
            ui,
            theme,
            view.word(Word::Install),
            width.min(space::ADMIN_ACTION_MAX_WIDTH),
        )
        .clicked()
        {
            *command = Some(AdminCommand::Install);
        }
    } else {
        text::wrapped(
            ui,
            view.word(Word::Invalid),
            Theme::bold(size::LEAD),
            theme.accent,
        );
        let lines: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
        problems_ui(ui, theme, lines.iter().map(String::as_str));
    }
}
