//! Checks that texts fit their places on the smallest supported screens, by laying them out
//! with the kiosk's own fonts at the widths the widgets and the layout give them.
//! `office-kiosk check` reports misfits as warnings. The cost is bounded: a text far longer
//! than its place can hold is reported without being laid out.
//!
//! The same pass finds, as errors, what the kiosk cannot show at all: characters its fonts
//! lack and text written right to left, and a language switch wider than the
//! narrowest screen.

mod glyphs;
mod screen;

use eframe::egui::{self, Vec2};

use crate::content::{Content, LangId, Locations, Problem, ProblemKind, Severity, Text};
use crate::navigation::Page;
use crate::theme::{self, LARGE_TEXT_SCALE, Theme, page_width, size, space, tile_width};
use crate::widgets::{cards, nav, tile};

/// The narrowest a glyph of the bundled fonts is, as a share of the font size: a row of a
/// place holds at most its width over this many characters.
const NARROWEST_GLYPH_EM: f32 = 0.2;

/// One place a text must fit.
struct Place<'a> {
    path: String,
    text: &'a Text,
    font: egui::FontId,
    width: f32,
    max_rows: usize,
    screen: String,
    what: &'static str,
}

impl Place<'_> {
    /// The most characters that could ever fit this place.
    fn max_chars(&self) -> usize {
        let per_row = (self.width / (self.font.size * NARROWEST_GLYPH_EM)).ceil() as usize;
        per_row.max(1) * self.max_rows
    }
}

/// Warnings for every text in `content` that will not fit its place, and errors for what
/// cannot be shown at all; `source` is the content file's text (for positions) and `file`
/// its name.
pub fn check(content: &Content, source: &str, file: &str) -> Vec<Problem> {
    let ctx = egui::Context::default();
    theme::install_fonts(&ctx);
    let places = places(content);
    let locations = Locations::scan(source);
    let mut misfits = Vec::new();
    let mut errors = Vec::new();
    let mut unshown = Vec::new();
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        for place in &places {
            for (i, language) in content.languages.iter().enumerate() {
                let Some(detail) = misfit(ui, place, place.text.get(LangId(i))) else {
                    continue;
                };
                misfits.push((
                    place.path.clone(),
                    ProblemKind::TextTooLong {
                        path: place.path.clone(),
                        language: language.code.clone(),
                        screen: place.screen.clone(),
                        detail,
                    },
                ));
            }
        }
        misfits.extend(screen::charts(ui, content));
        errors.extend(screen::switch(ui, content));
        unshown = glyphs::problems(ui, &locations);
    });
    // Nothing is drawn: the font atlas this pass made is not needed.
    output.textures_delta.clear();
    let problem = |severity, position, kind| Problem {
        severity,
        file: file.to_owned(),
        position,
        kind,
    };
    let mut problems: Vec<Problem> = misfits
        .into_iter()
        .map(|(path, kind)| problem(Severity::Warning, locations.find(&path), kind))
        .collect();
    problems.extend(
        errors
            .into_iter()
            .map(|(path, kind)| problem(Severity::Error, locations.find(&path), kind)),
    );
    problems.extend(
        unshown
            .into_iter()
            .map(|(position, kind)| problem(Severity::Error, Some(position), kind)),
    );
    problems
}

/// Why `text` does not fit `place`, if it does not.
fn misfit(ui: &egui::Ui, place: &Place<'_>, text: &str) -> Option<String> {
    if text.chars().count() > place.max_chars() {
        return Some(format!(
            "it is far longer than the {} can hold ({} lines of {:.0} points)",
            place.what, place.max_rows, place.width
        ));
    }
    let galley = ui.painter().layout(
        text.to_owned(),
        place.font.clone(),
        egui::Color32::BLACK,
        place.width,
    );
    let rows = galley.rows.len();
    if galley.size().x > place.width + 0.5 {
        Some(format!(
            "a word is wider than the {:.0} points of the {}",
            place.width, place.what
        ))
    } else if rows > place.max_rows {
        Some(format!(
            "it takes {rows} lines where the {} has room for {}",
            place.what, place.max_rows
        ))
    } else {
        None
    }
}

/// A screen the texts are measured on: its name, its size in design points and the most
/// lines a navigation-bar label may take there.
struct Screen {
    name: &'static str,
    landscape: Vec2,
    portrait: Vec2,
    bar_rows: usize,
}

/// The screens: the kiosk's, and the same drawn larger (larger text leaves fewer points,
/// and the portrait bar grows to three lines for it).
fn screens() -> [Screen; 2] {
    let scaled = |v: Vec2| v / LARGE_TEXT_SCALE;
    let (landscape, portrait) = (Vec2::new(1920.0, 1080.0), Vec2::new(1080.0, 1920.0));
    [
        Screen {
            name: "",
            landscape,
            portrait,
            bar_rows: 2,
        },
        Screen {
            name: " with larger text",
            landscape: scaled(landscape),
            portrait: scaled(portrait),
            bar_rows: 3,
        },
    ]
}

fn places(content: &Content) -> Vec<Place<'_>> {
    let mut places = Vec::new();
    let nav_path = |page: Page| match page {
        Page::Home => "home.nav_label".to_owned(),
        _ => format!("{}.header.nav_label", page.slug()),
    };
    for screen in screens() {
        let portrait = format!("1080x1920 portrait{}", screen.name);
        let landscape = format!("1920x1080 landscape{}", screen.name);
        for page in Page::ALL {
            let text = page.header(content).nav_label;
            places.push(Place {
                path: nav_path(page),
                text,
                font: Theme::bold(size::SMALL),
                width: nav::bar_label_width(screen.portrait.x, Page::ALL.len()),
                max_rows: screen.bar_rows,
                screen: portrait.clone(),
                what: "navigation bar button",
            });
            places.push(Place {
                path: nav_path(page),
                text,
                font: Theme::bold(size::BUTTON),
                width: nav::rail_label_width(space::RAIL_WIDTH),
                max_rows: 2,
                screen: landscape.clone(),
                what: "navigation rail",
            });
        }
        // Home tiles: all sections in one row in landscape (larger text: three a row).
        let columns = if screen.name.is_empty() {
            Page::SECTIONS.len()
        } else {
            3
        };
        let tile = tile_width(page_width(screen.landscape), columns);
        for page in Page::SECTIONS {
            places.push(Place {
                path: nav_path(page),
                text: page.header(content).nav_label,
                font: Theme::bold(size::CARD_TITLE),
                width: tile::text_width(tile),
                max_rows: 2,
                screen: landscape.clone(),
                what: "home tile",
            });
        }
        // Fact values: two cards a row in portrait, at the smallest size they shrink to.
        let fact = cards::inner_width(cards::columns_width(page_width(screen.portrait), 2));
        for (i, item) in content.facts.facts.iter().enumerate() {
            places.push(Place {
                path: format!("facts.facts[{i}].value"),
                text: &item.value,
                font: Theme::bold(size::SECTION),
                width: fact,
                max_rows: 2,
                screen: portrait.clone(),
                what: "fact card",
            });
        }
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_content_fits() {
        let content = crate::content::embedded().expect("valid embedded content");
        let misfits = check(&content, crate::content::EMBEDDED_RON, "belize.ron");
        assert!(misfits.is_empty(), "{misfits:#?}");
    }

    fn check_edited(from: &str, to: &str) -> (String, Vec<Problem>) {
        let text = crate::content::EMBEDDED_RON.replacen(from, to, 1);
        assert_ne!(text, crate::content::EMBEDDED_RON, "the edit applied");
        let source = crate::content::Source::embedded().headers_only();
        let content = crate::content::parse(&text, "x.ron", &source).expect("still valid");
        let misfits = check(&content, &text, "x.ron");
        (text, misfits)
    }

    #[test]
    fn a_long_navigation_label_is_reported_at_its_line() {
        let long = "Everything you ever wanted to know about working with us";
        let (text, misfits) = check_edited(
            r#"nav_label: {"en": "Careers""#,
            &format!(r#"nav_label: {{"en": "{long}""#),
        );
        assert!(!misfits.is_empty());
        let line = text.lines().position(|l| l.contains(long)).map(|i| i + 1);
        assert!(misfits.iter().all(|p| p.severity == Severity::Warning));
        assert!(
            misfits
                .iter()
                .any(|p| p.position.map(|pos| pos.line) == line),
            "{misfits:#?}"
        );
        assert!(misfits.iter().any(|p| p.to_string().contains("navigation")));
    }

    #[test]
    fn larger_text_is_measured_too() {
        // Fits a fact card of the kiosk's portrait screen, not the narrower one larger text
        // leaves.
        let (_, misfits) = check_edited(r#""USD 139.5 million""#, r#""USD 139.5 million a year""#);
        assert!(!misfits.is_empty(), "the longer value is reported");
        for misfit in &misfits {
            let text = misfit.to_string();
            assert!(text.contains("with larger text"), "{text}");
            assert!(text.contains("fact card"), "{text}");
        }
    }

    #[test]
    fn a_huge_text_is_reported_without_laying_it_out() {
        // The message shows it was refused by its length alone, without laying it out.
        // As long as the loader allows a label to be.
        let huge = "word ".repeat(crate::content::limits::MAX_LINE_CHARS / 5 - 1);
        let (_, misfits) = check_edited(
            r#"nav_label: {"en": "Careers""#,
            &format!(r#"nav_label: {{"en": "{huge}""#),
        );
        assert!(
            misfits.iter().any(|p| p.to_string().contains("far longer")),
            "{misfits:#?}"
        );
    }
}
