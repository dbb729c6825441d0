//! Checks that texts fit their places on the smallest supported screens, by laying them out
//! with the kiosk's own fonts and sizes. `office-kiosk check` reports misfits as warnings.

use eframe::egui;

use crate::content::{Content, LangId, Locations, Problem, ProblemKind, Severity, Text};
use crate::theme::{self, Theme, size, space};

/// One place a text must fit.
struct Place<'a> {
    path: String,
    text: &'a Text,
    font: egui::FontId,
    width: f32,
    max_rows: usize,
    screen: &'static str,
    what: &'static str,
}

/// Warnings for every text in `content` that will not fit its place; `source` is the content
/// file's text (for positions) and `file` its name.
pub fn check(content: &Content, source: &str, file: &str) -> Vec<Problem> {
    let ctx = egui::Context::default();
    theme::install_fonts(&ctx);
    let places = places(content);
    let mut misfits = Vec::new();
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        for place in &places {
            for (i, language) in content.languages.iter().enumerate() {
                let text = place.text.get(LangId(i));
                let galley = ui.painter().layout(
                    text.to_owned(),
                    place.font.clone(),
                    egui::Color32::BLACK,
                    place.width,
                );
                let rows = galley.rows.len();
                let overflow = galley.size().x > place.width + 0.5;
                if rows > place.max_rows || overflow {
                    let detail = if overflow {
                        format!(
                            "a word is wider than the {:.0} points of the {}",
                            place.width, place.what
                        )
                    } else {
                        format!(
                            "it takes {rows} lines where the {} has room for {}",
                            place.what, place.max_rows
                        )
                    };
                    misfits.push((
                        place.path.clone(),
                        ProblemKind::TextTooLong {
                            path: place.path.clone(),
                            language: language.code.clone(),
                            screen: place.screen.to_owned(),
                            detail,
                        },
                    ));
                }
            }
        }
    });
    // Nothing is drawn: the font atlas this pass made is not needed.
    output.textures_delta.clear();
    let locations = Locations::scan(source);
    misfits
        .into_iter()
        .map(|(path, kind)| Problem {
            severity: Severity::Warning,
            file: file.to_owned(),
            position: locations.find(&path),
            kind,
        })
        .collect()
}

fn places(content: &Content) -> Vec<Place<'_>> {
    const PORTRAIT: &str = "1080x1920 portrait";
    const LANDSCAPE: &str = "1920x1080 landscape";
    let mut places = Vec::new();
    let headers = crate::navigation::section_headers(content);
    let mut nav: Vec<(String, &Text)> = vec![("home.nav_label".into(), &content.home.nav_label)];
    nav.extend(
        headers
            .iter()
            .map(|(page, h)| (format!("{}.header.nav_label", page.slug()), &h.nav_label)),
    );
    let pages = nav.len() as f32;
    for (path, text) in &nav {
        // The portrait bottom bar: equal buttons across the screen.
        places.push(Place {
            path: path.clone(),
            text,
            font: Theme::bold(size::SMALL),
            width: 1080.0 / pages - 16.0,
            max_rows: 2,
            screen: PORTRAIT,
            what: "navigation bar button",
        });
        // The landscape rail: icon, then the label.
        places.push(Place {
            path: path.clone(),
            text,
            font: Theme::bold(size::BUTTON),
            width: space::RAIL_WIDTH - 2.0 * space::S - space::M - size::NAV_ICON - 2.0 * space::S,
            max_rows: 2,
            screen: LANDSCAPE,
            what: "navigation rail",
        });
    }
    // Home tiles: all sections in one row in landscape.
    let tile_width =
        (1920.0 - space::RAIL_WIDTH - 2.0 * space::XL - 4.0 * space::M) / 5.0 - 2.0 * space::M;
    for (path, text) in nav.iter().skip(1) {
        places.push(Place {
            path: path.clone(),
            text,
            font: Theme::bold(size::CARD_TITLE),
            width: tile_width,
            max_rows: 2,
            screen: LANDSCAPE,
            what: "home tile",
        });
    }
    // Fact values: two cards a row in portrait, at the smallest size they shrink to.
    let fact_width = (1080.0 - 2.0 * space::L - space::M) / 2.0 - 2.0 * space::M;
    for (i, fact) in content.facts.facts.iter().enumerate() {
        places.push(Place {
            path: format!("facts.facts[{i}].value"),
            text: &fact.value,
            font: Theme::bold(size::SECTION),
            width: fact_width,
            max_rows: 2,
            screen: PORTRAIT,
            what: "fact card",
        });
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

    #[test]
    fn a_long_navigation_label_is_reported_at_its_line() {
        let long = "Everything you ever wanted to know about working with us";
        let text = crate::content::EMBEDDED_RON.replacen(
            r#"nav_label: {"en": "Careers""#,
            &format!(r#"nav_label: {{"en": "{long}""#),
            1,
        );
        assert_ne!(text, crate::content::EMBEDDED_RON, "the edit applied");
        let source = crate::content::Source::embedded().headers_only();
        let content = crate::content::parse(&text, "x.ron", &source).expect("still valid");
        let misfits = check(&content, &text, "x.ron");
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
}
