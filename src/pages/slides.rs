//! Presenter slides: the pages cut into screens that fit without scrolling, each chart on
//! its own slide, in a fixed order. The app zooms them up to be read across a room.

use eframe::egui::{self, Vec2};

use super::{PageCtx, contact};
use crate::content::Content;
use crate::navigation::Page;
use crate::theme::{Theme, size, space};
use crate::widgets::bar_chart::BarChart;
use crate::widgets::chart_card::{CardView, chart_card};
use crate::widgets::text;

/// One slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    /// The title: the organisation, the office's name and welcome, and the map.
    Welcome,
    /// Who IOM is, with its highlight figures.
    About,
    /// What IOM does: the About page's cards.
    AboutCards,
    /// The office in its country: the office page's title, lead and highlight figures.
    OfficeFigures,
    /// The office's work with the Government.
    Office,
    /// Two of the headline facts, from this index.
    Facts(usize),
    /// One chart, by index.
    Chart(usize),
    /// Working at IOM.
    Careers,
    /// How to reach the office.
    Contact,
    /// The end: the office's name and the codes to take away.
    Codes,
}

/// The slides for `content`, in show order.
pub fn slides(content: &Content) -> Vec<Slide> {
    let mut list = vec![Slide::Welcome, Slide::About];
    if !content.about.cards.is_empty() {
        list.push(Slide::AboutCards);
    }
    if !content.office.highlights.is_empty() {
        list.push(Slide::OfficeFigures);
    }
    list.push(Slide::Office);
    // Two facts a slide: four would be too small to read across a room.
    list.extend(
        (0..content.facts.facts.len())
            .step_by(FACTS_PER_SLIDE)
            .map(Slide::Facts),
    );
    list.extend((0..content.facts.charts.len()).map(Slide::Chart));
    list.extend([Slide::Careers, Slide::Contact]);
    if !content.contact.codes.is_empty() {
        list.push(Slide::Codes);
    }
    list
}

/// Columns for `count` cards on a slide: all in one row on a wide screen, so they fit its
/// height; on a tall one two a row for an even count, one for an odd count (no card alone
/// at half width).
fn slide_columns(ui: &egui::Ui, cx: &PageCtx<'_>, count: usize) -> usize {
    let tall = if count.is_multiple_of(2) { 2 } else { 1 };
    // Four cards on a 4:3 projector: two by two, each wide enough for its words.
    let screen = ui.ctx().content_rect().size();
    let wide = if count == 4 && screen.x < 1.6 * screen.y {
        2
    } else {
        count.clamp(1, 4)
    };
    cx.columns(ui, wide, tall, space::CARD_MIN_WIDTH)
}

/// How many headline facts share a slide.
const FACTS_PER_SLIDE: usize = 2;

/// The index of the first slide that shows `page`.
pub fn first_slide_of(list: &[Slide], page: Page) -> usize {
    list.iter()
        .position(|slide| match page {
            Page::Home => *slide == Slide::Welcome,
            Page::About => *slide == Slide::About,
            Page::Office => matches!(slide, Slide::OfficeFigures | Slide::Office),
            Page::Facts => matches!(slide, Slide::Facts(_)),
            Page::Careers => *slide == Slide::Careers,
            Page::Contact => *slide == Slide::Contact,
        })
        .unwrap_or(0)
}

/// Draws `slide`.
pub fn slide_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, slide: Slide) {
    let content = cx.content;
    let theme = cx.theme;
    match slide {
        Slide::Welcome => {
            let rect = ui.available_rect_before_wrap();
            super::title::title_ui(ui, cx, rect, cx.progress);
        }
        Slide::About => {
            let page = &content.about;
            let header = Page::About.header(content);
            text::title_block(ui, theme, cx.t(header.title), header.lead.map(|l| cx.t(l)));
            ui.add_space(space::M);
            super::highlights_ui(ui, cx, page, page.highlights.len().clamp(1, 4));
        }
        Slide::AboutCards => {
            let page = &content.about;
            text::page_title(
                ui,
                theme,
                cx.t(page.cards_heading.as_ref().unwrap_or(&page.header.title)),
            );
            ui.add_space(space::S);
            super::cards_ui(ui, cx, &page.cards, slide_columns(ui, cx, page.cards.len()));
        }
        Slide::OfficeFigures => {
            let page = &content.office;
            let header = Page::Office.header(content);
            text::title_block(ui, theme, cx.t(header.title), header.lead.map(|l| cx.t(l)));
            ui.add_space(space::M);
            super::highlights_ui(ui, cx, page, page.highlights.len().clamp(1, 4));
        }
        Slide::Office => {
            let page = &content.office;
            text::page_title(
                ui,
                theme,
                cx.t(page.cards_heading.as_ref().unwrap_or(&page.header.title)),
            );
            ui.add_space(space::S);
            super::cards_ui(ui, cx, &page.cards, slide_columns(ui, cx, page.cards.len()));
        }
        Slide::Facts(first) => {
            let page = &content.facts;
            let shown = page.facts.get(first..).unwrap_or_default();
            let shown = &shown[..shown.len().min(FACTS_PER_SLIDE)];
            text::page_title(ui, theme, cx.t(&page.header.title));
            ui.add_space(space::S);
            super::facts_ui(ui, cx, shown, FACTS_PER_SLIDE);
        }
        Slide::Chart(index) => {
            let Some(chart) = content.facts.charts.get(index) else {
                return;
            };
            let view = BarChart {
                chart,
                lang: cx.lang,
                language: content.language(cx.lang),
                theme,
                progress: cx.progress,
                // The whole chart on one screen: what is left under its title and source.
                height: Some(ui.available_height() - chart_chrome(ui, cx, chart)),
                fill: false,
            };
            let card = CardView {
                source_label: cx.t(&content.labels.source),
                min_height: 0.0,
                toggle: None,
            };
            // Slides show the chart alone: there is nothing to switch.
            let _switched = chart_card(ui, &view, card);
        }
        Slide::Careers => {
            let page = &content.careers;
            text::page_title(ui, theme, cx.t(&page.header.title));
            ui.add_space(space::S);
            // The lead is left to the presenter's voice.
            super::cards_ui(ui, cx, &page.cards, slide_columns(ui, cx, page.cards.len()));
        }
        Slide::Contact => {
            let page = &content.contact;
            text::page_title(ui, theme, cx.t(&page.header.title));
            ui.add_space(space::S);
            // Address on the left; phones and email on the right; social media go with the
            // QR code that leads there, under them.
            let (social, details): (Vec<_>, Vec<_>) = page
                .items
                .iter()
                .cloned()
                .partition(|item| item.kind == crate::content::ContactKind::Social);
            let (first, rest) = details.split_at(details.len().min(1));
            if cx.portrait {
                // No room for two columns of large lines: one under the other.
                contact::details_ui(ui, cx, &page.items);
                return;
            }
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = 0.0;
                let half = (ui.available_width() - space::XL) / 2.0;
                ui.allocate_ui(Vec2::new(half, 0.0), |ui| {
                    ui.vertical(|ui| contact::details_ui(ui, cx, first));
                });
                ui.add_space(space::XL);
                ui.allocate_ui(Vec2::new(half, 0.0), |ui| {
                    ui.vertical(|ui| {
                        contact::details_ui(ui, cx, rest);
                        contact::details_ui(ui, cx, &social);
                    });
                });
            });
        }
        Slide::Codes => {
            let identity = &content.identity;
            text::wrapped(
                ui,
                cx.t(&identity.office_name),
                Theme::bold(size::DISPLAY),
                theme.primary,
            );
            text::lead(ui, theme, cx.t(&identity.organization));
            ui.add_space(space::L);
            contact::codes_ui(ui, cx, &content.contact.codes);
        }
    }
}

/// The height a chart's card takes around its plot on a slide: its margins, title, unit,
/// source line and note, laid out at the card's width as `chart_card` draws them.
fn chart_chrome(ui: &egui::Ui, cx: &PageCtx<'_>, chart: &crate::content::Chart) -> f32 {
    let width = ui.available_width().min(space::MAX_TEXT_WIDTH) - 2.0 * space::L;
    let height = |text: &str, font| {
        ui.painter()
            .layout(text.to_owned(), font, cx.theme.text, width.max(1.0))
            .size()
            .y
    };
    let source = format!(
        "{}: {}",
        cx.t(&cx.content.labels.source),
        cx.t(&chart.source)
    );
    let note = chart
        .note
        .as_ref()
        .map_or(0.0, |n| height(cx.t(n), Theme::font(size::SMALL)));
    let spacing = 6.0 * space::XS;
    2.0 * space::L
        + height(cx.t(&chart.title), Theme::bold(size::CARD_TITLE))
        + height(cx.t(&chart.unit), Theme::font(size::SMALL))
        + 2.0 * space::M
        + height(&source, Theme::font(size::SMALL))
        + note
        + spacing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chart_gets_its_own_slide_between_facts_and_careers() {
        let content = crate::content::embedded().expect("valid embedded content");
        let list = slides(&content);
        let charts = content.facts.charts.len();
        assert_eq!(content.facts.facts.len(), 4);
        assert_eq!(list.len(), 10 + charts);
        assert_eq!(
            list[..5],
            [
                Slide::Welcome,
                Slide::About,
                Slide::AboutCards,
                Slide::OfficeFigures,
                Slide::Office
            ]
        );
        assert_eq!(list[5], Slide::Facts(0));
        assert_eq!(list[6], Slide::Facts(2));
        assert_eq!(list[7], Slide::Chart(0));
        assert_eq!(list[6 + charts], Slide::Chart(charts - 1));
        assert_eq!(list[list.len() - 2], Slide::Contact);
        assert_eq!(
            list[list.len() - 1],
            Slide::Codes,
            "the take-away codes close the show"
        );
        assert_eq!(first_slide_of(&list, Page::Facts), 5);
        assert_eq!(first_slide_of(&list, Page::Office), 3);
        assert_eq!(first_slide_of(&list, Page::Contact), list.len() - 2);
    }
}
