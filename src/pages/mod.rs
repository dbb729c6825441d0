//! One file per page, and [`page_ui`], the one dispatcher that draws any page: its title
//! block from the page's [`Header`](crate::navigation::Header), then its body. A page draws
//! from the [`Content`] in one language and may ask for a `Command`; it never changes app
//! state itself. Presenter slides and the attract loop live here too.

pub mod about;
pub mod admin_screen;
mod article;
pub mod attract;
pub mod careers;
pub mod contact;
pub mod facts;
pub mod home;
pub mod office;
pub mod slides;
pub mod title;

use std::collections::BTreeSet;

use eframe::egui;

use crate::command::Command;
use crate::content::{
    ArticlePage, Card, Code, CodeKind, Content, Fact, Image, LangId, Section, Text,
};
use crate::navigation::Page;
use crate::theme::Theme;
use crate::theme::space;
use crate::widgets::picture::ContentImages;
use crate::widgets::{cards, picture, qr, text};

/// What every page draws with.
pub struct PageCtx<'a> {
    /// The content shown.
    pub content: &'a Content,
    /// The language shown.
    pub lang: LangId,
    /// Colours and type.
    pub theme: &'a Theme,
    /// Whether the screen is taller than wide.
    pub portrait: bool,
    /// How far the page's opening animation has run, 0 to 1.
    pub progress: f32,
    /// The visitor asked for less motion: nothing moves by itself.
    pub less_motion: bool,
    /// The visitor asked for larger text: everything is drawn larger, so fewer points fit.
    pub larger_text: bool,
    /// The loader of the content's images.
    pub images: &'a ContentImages,
    /// The charts (by index) the visitor asked to see as tables.
    pub charts_as_tables: &'a BTreeSet<usize>,
    /// Today's local date, when the clock can be trusted (dated content such as vacancies
    /// is shown as if no day had passed otherwise).
    pub today: Option<jiff::civil::Date>,
}

impl PageCtx<'_> {
    /// `text` in the language shown.
    pub fn t<'t>(&self, text: &'t Text) -> &'t str {
        text.get(self.lang)
    }

    /// How many items go in a row: `landscape` of them, or `portrait` on a tall screen,
    /// but never so many that one is narrower than `min_width` (a narrow or square window).
    pub fn columns(
        &self,
        ui: &egui::Ui,
        landscape: usize,
        portrait: usize,
        min_width: f32,
    ) -> usize {
        let wanted = if self.portrait { portrait } else { landscape };
        let gap = crate::theme::space::M;
        let fit = ((ui.available_width() + gap) / (min_width + gap))
            .floor()
            .max(1.0) as usize;
        wanted.clamp(1, fit.max(1))
    }
}

/// Draws `page`: its title and lead, then its body. Returns what the visitor asked for.
#[must_use]
pub fn page_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, page: Page) -> Option<Command> {
    let header = page.header(cx.content);
    if page == Page::Home {
        // Home fits its title block to the screen itself.
        return home::ui(ui, cx).map(Command::Go);
    }
    text::title_block(
        ui,
        cx.theme,
        cx.t(header.title),
        header.lead.map(|l| cx.t(l)),
    );
    match page {
        Page::Home => {}
        Page::About => about::ui(ui, cx),
        Page::Office => office::ui(ui, cx),
        Page::Facts => return facts::ui(ui, cx),
        Page::Careers => careers::ui(ui, cx),
        Page::Contact => contact::ui(ui, cx),
    }
    None
}

/// Sections of running text: each heading with its paragraphs, and its code under them.
fn sections_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, sections: &[Section]) {
    for section in sections {
        text::heading(ui, cx.theme, cx.t(&section.heading));
        for paragraph in &section.paragraphs {
            text::paragraph(ui, cx.theme, cx.t(paragraph));
        }
        if let Some(code) = &section.code {
            ui.add_space(space::XS);
            code_ui(ui, cx, code);
        }
    }
}

/// A QR code of the content with its caption; a screen reader hears the caption and, for a
/// link or an email, the address.
fn code_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, code: &Code) {
    let payload = cx.content.code_payload(code, cx.lang);
    let Some(drawn) = qr::Code::shared(&payload) else {
        return;
    };
    let caption = cx.t(&code.caption);
    let spoken = match &code.kind {
        CodeKind::Contact => caption.to_owned(),
        CodeKind::Email | CodeKind::Link(_) => format!("{caption}: {payload}"),
    };
    qr::code_ui(ui, cx.theme, &drawn, caption, &spoken);
}

/// Icon cards in rows of `columns`, the cards of a row equally tall.
fn cards_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, items: &[Card], columns: usize) {
    cards::grid(ui, columns, items.len(), |ui, i, width, min_height| {
        let card = &items[i];
        cards::icon_card(
            ui,
            cx.theme,
            width,
            min_height,
            card.icon,
            cx.t(&card.title),
            cx.t(&card.text),
        );
    });
}

/// An article's highlight figures in rows of `columns`, and the source they share.
fn highlights_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, page: &ArticlePage, columns: usize) {
    cards::grid(ui, columns, page.highlights.len(), |ui, i, width, _| {
        let h = &page.highlights[i];
        cards::highlight(ui, cx.theme, width, cx.t(&h.value), cx.t(&h.label));
    });
    if let Some(source) = &page.highlights_source {
        text::source_line(ui, cx.theme, cx.t(&cx.content.labels.source), cx.t(source));
    }
}

/// Columns for `count` cards: two by two for four, else up to three in a row.
fn card_columns(count: usize) -> usize {
    if count == 4 { 2 } else { count.clamp(1, 3) }
}

/// Headline facts as cards in rows of `columns`, every value at one size, each with its
/// year and source.
fn facts_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, facts: &[Fact], columns: usize) {
    let (lang, theme) = (cx.lang, cx.theme);
    let width = cards::column_width(ui, columns);
    let values: Vec<&str> = facts.iter().map(|f| f.value.get(lang)).collect();
    let value_size = cards::fact_value_size(ui, width, &values);
    let source = cx.t(&cx.content.labels.source);
    cards::grid(ui, columns, facts.len(), |ui, i, width, min_height| {
        let fact = &facts[i];
        let footnote = format!("{} · {source}: {}", fact.year, fact.source.get(lang));
        let card = cards::FactCard {
            value: fact.value.get(lang),
            label: fact.label.get(lang),
            footnote: &footnote,
            value_size,
        };
        cards::fact_card(ui, theme, width, min_height, &card);
    });
}

/// A content image fitted into `max`, with its caption under it.
fn figure_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, image: &Image, max: egui::Vec2) {
    picture::picture_ui(ui, cx.images, cx.theme, image, cx.t(&image.alt), max);
    if let Some(caption) = &image.caption {
        text::small(ui, cx.theme, cx.t(caption));
    }
}
