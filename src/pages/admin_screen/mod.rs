//! The admin screen, for office staff after the right PIN: the choices down the side (or
//! along the top on a portrait screen), the panel chosen beside them, and Close. It covers
//! the whole screen; every choice is a `Command` for the shell to apply.

mod hours;
mod update;
mod usage;

use eframe::egui::{self, Vec2};

use crate::command::AdminCommand;
use crate::content::watch::ReloadStatus;
use crate::kiosk::admin_timer::Panel;
use crate::kiosk::hours::ScreenHours;
use crate::maintenance::screen::{AdminState, ContentFacts, Work};
use crate::maintenance::words::Word;
use crate::theme::{Theme, size, space};
use crate::widgets::choice_button::{choice_button, leave_button};
use crate::widgets::{overlay, text};

/// What the admin screen shows.
pub struct AdminView<'a> {
    /// The language code of the words (the kiosk's language on screen).
    pub code: &'a str,
    /// The screen's state.
    pub(crate) admin: &'a AdminState,
    /// The content's state.
    pub(crate) facts: &'a ContentFacts,
    /// The screen hours in force.
    pub hours: Option<ScreenHours>,
    /// Whether the wall clock can be trusted.
    pub clock_trusted: bool,
    /// The number format of the language on screen, for the charts.
    pub language: &'a crate::content::Language,
}

impl AdminView<'_> {
    fn word(&self, word: Word) -> &'static str {
        word.text(self.code)
    }
}

/// Draws the admin screen over everything; returns what staff chose.
pub fn admin_ui(ctx: &egui::Context, theme: &Theme, view: &AdminView<'_>) -> Option<AdminCommand> {
    let mut command = None;
    overlay::full_screen_layer(ctx, "admin-screen", Some(theme.background), |ui, screen| {
        let inner = screen.shrink(space::XL);
        let portrait = screen.height() > screen.width();
        ui.scope_builder(egui::UiBuilder::new().max_rect(inner), |ui| {
            ui.spacing_mut().item_spacing = Vec2::splat(space::S);
            ui.horizontal(|ui| {
                let close_width = space::ADMIN_CLOSE_WIDTH;
                ui.set_width(inner.width());
                ui.vertical(|ui| {
                    ui.set_width(inner.width() - close_width - space::S);
                    text::wrapped(
                        ui,
                        view.word(Word::Title),
                        Theme::bold(size::SECTION),
                        theme.primary,
                    );
                });
                if overlay::big_button(ui, theme, view.word(Word::Close), close_width).clicked() {
                    command = Some(AdminCommand::Close);
                }
            });
            ui.add_space(space::S);
            if portrait {
                menu_grid(ui, theme, view, &mut command);
                ui.add_space(space::S);
                panel_ui(ui, theme, view, &mut command);
            } else {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(space::ADMIN_MENU_WIDTH);
                        menu_column(ui, theme, view, &mut command);
                    });
                    ui.add_space(space::M);
                    ui.vertical(|ui| panel_ui(ui, theme, view, &mut command));
                });
            }
        });
    });
    command
}

/// The choices, each with the command it gives.
fn choices(view: &AdminView<'_>) -> [(Word, AdminCommand, bool); 4] {
    let panel = view.admin.timer.panel();
    [
        (
            Word::UpdateContent,
            AdminCommand::Show(Panel::Update),
            panel == Panel::Update,
        ),
        (
            Word::UsageFigures,
            AdminCommand::Show(Panel::Usage),
            panel == Panel::Usage,
        ),
        (
            Word::ScreenHours,
            AdminCommand::Show(Panel::Hours),
            panel == Panel::Hours,
        ),
        (Word::Restart, AdminCommand::Restart, false),
    ]
}

fn menu_column(
    ui: &mut egui::Ui,
    theme: &Theme,
    view: &AdminView<'_>,
    command: &mut Option<AdminCommand>,
) {
    for (word, give, selected) in choices(view) {
        if choice_button(
            ui,
            theme,
            view.word(word),
            space::ADMIN_MENU_WIDTH,
            selected,
        )
        .clicked()
        {
            *command = Some(give);
        }
    }
    // Leave apart from the rest, in its own colour.
    ui.add_space(space::L);
    if leave_button(ui, theme, view.word(Word::Leave), space::ADMIN_MENU_WIDTH).clicked() {
        *command = Some(AdminCommand::Leave);
    }
}

fn menu_grid(
    ui: &mut egui::Ui,
    theme: &Theme,
    view: &AdminView<'_>,
    command: &mut Option<AdminCommand>,
) {
    let width = (ui.available_width() - space::S) / 2.0;
    for row in choices(view).chunks(2) {
        ui.horizontal(|ui| {
            for (word, give, selected) in row {
                if choice_button(ui, theme, view.word(*word), width, *selected).clicked() {
                    *command = Some(*give);
                }
            }
        });
    }
    // Leave apart from the rest, in its own colour.
    ui.add_space(space::S);
    let whole = ui.available_width();
    if leave_button(ui, theme, view.word(Word::Leave), whole).clicked() {
        *command = Some(AdminCommand::Leave);
    }
}

/// The panel chosen, in a scroll area that a finger drags.
fn panel_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    view: &AdminView<'_>,
    command: &mut Option<AdminCommand>,
) {
    egui::ScrollArea::vertical()
        .id_salt("admin-panel")
        .scroll_source(egui::scroll_area::ScrollSource::ALL)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // What is clipped here is scrolled to, not cut off.
            crate::widgets::viewport::record(ui.ctx(), ui.clip_rect());
            ui.spacing_mut().item_spacing = Vec2::splat(space::S);
            if let Some(work) = &view.admin.work {
                work_ui(ui, theme, view, work, command);
            }
            if let Some(outcome) = &view.admin.outcome {
                let (ok, message) = outcome.message(view.code);
                let color = if ok { theme.primary } else { theme.accent };
                text::wrapped(ui, &message, Theme::bold(size::LEAD), color);
            }
            match view.admin.timer.panel() {
                Panel::Menu => content_state_ui(ui, theme, view),
                Panel::Update => update::update_ui(ui, theme, view, command),
                Panel::Usage => usage::usage_ui(ui, theme, view, command),
                Panel::Hours => hours::hours_ui(ui, theme, view, command),
            }
        });
}

/// Slow work under way: what it is, how far it got, and Cancel (unless it is cancelling).
fn work_ui(
    ui: &mut egui::Ui,
    theme: &Theme,
    view: &AdminView<'_>,
    work: &Work,
    command: &mut Option<AdminCommand>,
) {
    text::wrapped(
        ui,
        &work.describe(view.code),
        Theme::bold(size::LEAD),
        theme.primary,
    );
    let width = ui.available_width().min(space::ADMIN_ACTION_MAX_WIDTH);
    if !work.is_cancelled()
        && overlay::big_button(ui, theme, view.word(Word::Cancel), width).clicked()
    {
        *command = Some(AdminCommand::CancelWork);
    }
}

/// The content shown: its file, when it was loaded, the problems of the last change.
fn content_state_ui(ui: &mut egui::Ui, theme: &Theme, view: &AdminView<'_>) {
    let facts = view.facts;
    text::heading(ui, theme, view.word(Word::ContentState));
    let file = facts
        .file
        .clone()
        .unwrap_or_else(|| view.word(Word::BuiltIn).to_owned());
    text::paragraph(ui, theme, &format!("{}: {file}", view.word(Word::File)));
    text::paragraph(
        ui,
        theme,
        &format!("{}: {}", view.word(Word::Loaded), facts.loaded_at),
    );
    let problems = facts.problems();
    if problems.is_empty() {
        if !matches!(facts.status, None | Some(ReloadStatus::BuiltIn)) {
            text::paragraph(ui, theme, &facts.status_line(view.code));
        }
        text::paragraph(ui, theme, view.word(Word::NoProblems));
    } else {
        let rejected = view.word(Word::Rejected);
        text::wrapped(ui, rejected, Theme::bold(size::BODY), theme.accent);
        problems_ui(ui, theme, problems.iter().map(String::as_str));
    }
    ui.add_space(space::M);
    text::small(ui, theme, view.word(Word::ClosesByItself));
}

/// Problems, one a line, each with its file, line and column.
fn problems_ui<'a>(ui: &mut egui::Ui, theme: &Theme, problems: impl Iterator<Item = &'a str>) {
    for problem in problems {
        text::wrapped(ui, problem, Theme::font(size::SMALL), theme.text);
    }
}
