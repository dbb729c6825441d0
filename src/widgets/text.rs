//! Running text at kiosk reading sizes: headings, paragraphs, captions.

use eframe::egui::{self, Color32, FontId, RichText};

use crate::theme::{Theme, size, space};

/// A wrapped label in `font` and `color`, never wider than the reading width.
pub fn wrapped(ui: &mut egui::Ui, text: &str, font: FontId, color: Color32) -> egui::Response {
    wrapped_within(ui, text, font, color, space::MAX_TEXT_WIDTH)
}

/// A wrapped label in `font` and `color`, never wider than `max_width`.
fn wrapped_within(
    ui: &mut egui::Ui,
    text: &str,
    font: FontId,
    color: Color32,
    max_width: f32,
) -> egui::Response {
    let width = ui.available_width().min(max_width);
    ui.scope(|ui| {
        ui.set_max_width(width);
        ui.add(
            egui::Label::new(RichText::new(text).font(font).color(color))
                .wrap()
                .selectable(false),
        )
    })
    .inner
}

/// A page title: wider than running text, so a longer title (in Spanish, say) takes one line
/// where the page has the room.
pub fn page_title(ui: &mut egui::Ui, theme: &Theme, text: &str) {
    wrapped_within(
        ui,
        text,
        Theme::bold(size::PAGE_TITLE),
        theme.primary,
        space::MAX_TITLE_WIDTH,
    );
}

/// A page's title and, if it has one, its opening paragraph: the top of every page.
pub fn title_block(ui: &mut egui::Ui, theme: &Theme, title: &str, lead: Option<&str>) {
    page_title(ui, theme, title);
    if let Some(lead) = lead {
        self::lead(ui, theme, lead);
    }
}

/// A section heading, with space above it.
pub fn heading(ui: &mut egui::Ui, theme: &Theme, text: &str) {
    ui.add_space(space::M);
    wrapped(ui, text, Theme::bold(size::SECTION), theme.text);
}

/// A page's opening paragraph.
pub fn lead(ui: &mut egui::Ui, theme: &Theme, text: &str) {
    wrapped(ui, text, Theme::font(size::LEAD), theme.text);
}

/// A paragraph of body text.
pub fn paragraph(ui: &mut egui::Ui, theme: &Theme, text: &str) {
    wrapped(ui, text, Theme::font(size::BODY), theme.text);
}

/// Small secondary text: a source, a year, a caption.
pub fn small(ui: &mut egui::Ui, theme: &Theme, text: &str) {
    wrapped(ui, text, Theme::font(size::SMALL), theme.text_muted);
}

/// "Source: X", in small text.
pub fn source_line(ui: &mut egui::Ui, theme: &Theme, source_label: &str, source: &str) {
    small(ui, theme, &format!("{source_label}: {source}"));
}
