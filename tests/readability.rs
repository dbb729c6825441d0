//! Every page reads completely, proven from what the app draws rather than by eye: on every
//! screen shape a kiosk, a projector or a laptop has, in both languages, with and without
//! larger text, no text is elided, every text lies inside its clip (or runs past the page's
//! top or bottom, where the visitor scrolls to it) and overlaps no other text; Home shows
//! every section's tile without scrolling; and every text drawn meets its theme's contrast
//! against what is drawn under it.

use std::sync::Arc;

mod drawn;

use eframe::egui::{self, Color32, Pos2, Rect, Role, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use office_kiosk::content;
use office_kiosk::navigation::Page;
use office_kiosk::theme::ThemeKind;
use office_kiosk::{AppOptions, KioskApp};

use drawn::{DrawnText, clear_color, contrast_faults, drawn_texts, layout_faults};

/// A screen: its name, its size in points and its pixels per point.
type Shape3 = (&'static str, Vec2, f32);

/// The screens of a reception kiosk (landscape and portrait), laptops and projectors.
const SHAPES: [Shape3; 6] = [
    ("1920x1080", Vec2::new(1920.0, 1080.0), 1.0),
    ("1080x1920", Vec2::new(1080.0, 1920.0), 1.0),
    ("1366x768", Vec2::new(1366.0, 768.0), 1.0),
    ("1024x768", Vec2::new(1024.0, 768.0), 1.0),
    ("1280x800", Vec2::new(1280.0, 800.0), 1.0),
    ("3840x2160 at scale 2", Vec2::new(1920.0, 1080.0), 2.0),
];

fn render(
    (_, size, ppp): Shape3,
    page: Page,
    language: &str,
    large_text: bool,
    theme: ThemeKind,
) -> Harness<'static, KioskApp> {
    let options = AppOptions {
        start_page: page,
        language: Some(language.into()),
        large_text,
        theme,
        ..AppOptions::new(Arc::new(content::embedded().expect("valid content")))
    };
    let mut harness = Harness::builder()
        .with_size(size)
        .with_pixels_per_point(ppp)
        .with_max_steps(24)
        .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, options));
    harness.run();
    harness
}

/// The layout faults of the page on screen, each prefixed with `what`.
fn page_faults(harness: &Harness<'_, KioskApp>, what: &str) -> Vec<String> {
    let texts = drawn_texts(harness, clear_color(harness));
    assert!(texts.len() > 5, "{what} draws its texts");
    let viewport = office_kiosk::widgets::viewport::shown(&harness.ctx);
    let mut faults = layout_faults(&texts, viewport);
    // Every control is whole on the screen (those in the page may lie above or below it,
    // where the page scrolls), and nothing in the page reaches into its side margins.
    let screen = harness.ctx.content_rect().expand(1.0);
    let portrait = screen.height() > screen.width();
    let page = viewport.map(|v| {
        v.shrink2(Vec2::new(
            office_kiosk::theme::page_margin(portrait) - 1.0,
            0.0,
        ))
    });
    for role in [Role::Button, Role::Image] {
        for node in harness.query_all_by_role(role) {
            let rect = node.rect();
            let Some(page) = page.filter(|p| p.intersects(rect.expand2(Vec2::new(100.0, 0.0))))
            else {
                continue;
            };
            if viewport.is_some_and(|v| v.x_range().contains(rect.center().x))
                && (rect.left() < page.left() || rect.right() > page.right())
            {
                let label = node.accesskit_node().label().unwrap_or_default();
                faults.push(format!(
                    "the {role:?} {label:?} at {rect:?} reaches into the page's margin {page:?}"
                ));
            }
        }
    }
    for role in [Role::Button, Role::Switch] {
        for node in harness.query_all_by_role(role) {
            let rect = node.rect();
            // The page's controls are those in its column, in sight or not.
            let in_page = viewport.is_some_and(|v| {
                v.x_range().contains(rect.left()) && v.x_range().contains(rect.right())
            });
            let whole = screen.x_range().contains(rect.left())
                && screen.x_range().contains(rect.right())
                && (in_page
                    || (screen.y_range().contains(rect.top())
                        && screen.y_range().contains(rect.bottom())));
            if !whole {
                let label = node.accesskit_node().label().unwrap_or_default();
                faults.push(format!(
                    "the {role:?} {label:?} at {rect:?} is cut by the screen's edge"
                ));
            }
        }
    }
    faults
        .into_iter()
        .map(|fault| format!("{what}: {fault}"))
        .collect()
}

#[test]
fn every_page_reads_completely_on_every_shape_with_and_without_larger_text() {
    let mut faults = Vec::new();
    for shape in SHAPES {
        for large_text in [false, true] {
            for language in ["en", "es"] {
                for page in Page::ALL {
                    let mut harness = render(shape, page, language, large_text, ThemeKind::Light);
                    let what = format!(
                        "{} {language} {page:?}{}",
                        shape.0,
                        if large_text { " larger text" } else { "" }
                    );
                    faults.extend(page_faults(&harness, &what));
                    // The same page in its other states: the settings panel open, and the
                    // charts shown as tables.
                    let (button, variant) = match page {
                        Page::Home => (
                            if language == "en" {
                                "Read better"
                            } else {
                                "Leer mejor"
                            },
                            "with the settings panel",
                        ),
                        Page::Facts => (
                            if language == "en" {
                                "Show as table"
                            } else {
                                "Mostrar como tabla"
                            },
                            "with tables",
                        ),
                        _ => continue,
                    };
                    // One after the other, as a visitor would: each click relabels its button.
                    assert!(
                        harness.query_all_by_label(button).next().is_some(),
                        "{what}: {button}"
                    );
                    loop {
                        let Some(node) = harness.query_all_by_label(button).next() else {
                            break;
                        };
                        node.click_accesskit();
                        harness.run();
                        if page == Page::Home {
                            break;
                        }
                    }
                    faults.extend(page_faults(&harness, &format!("{what} {variant}")));
                }
            }
        }
    }
    assert!(
        faults.is_empty(),
        "{} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

#[test]
fn home_shows_every_tile_without_scrolling_and_the_same_content_in_every_language() {
    let content = content::embedded().expect("valid content");
    for shape in &SHAPES[..5] {
        for large_text in [false, true] {
            for language in ["en", "es"] {
                let harness = render(*shape, Page::Home, language, large_text, ThemeKind::Light);
                let viewport = office_kiosk::widgets::viewport::shown(&harness.ctx)
                    .expect("the page was shown");
                let lang = content.language_by_code(language).expect("a language");
                let what = format!("{} {language} larger={large_text}", shape.0);
                for page in Page::SECTIONS {
                    let title = page.header(&content).nav_label.get(lang);
                    let label = format!("{title}. ");
                    let node = harness.get_by_label_contains(&label);
                    // Larger text may scroll; without it every tile is in sight.
                    assert!(
                        large_text || viewport.contains_rect(node.rect()),
                        "{what}: the {title} tile {:?} is not all in sight {viewport:?}",
                        node.rect()
                    );
                }
                // The same content whatever the language and the text size: the welcome and
                // every headline figure with its label.
                let welcome = Page::Home.header(&content).lead.map(|l| l.get(lang));
                for text in welcome.into_iter().chain(
                    content
                        .facts
                        .facts
                        .iter()
                        .flat_map(|f| [f.value.get(lang), f.label.get(lang)]),
                ) {
                    assert!(
                        harness.query_by_label(text).is_some(),
                        "{what}: {text:?} is not on Home"
                    );
                }
            }
        }
    }
}

#[test]
fn every_text_drawn_meets_its_themes_contrast() {
    let mut faults = Vec::new();
    for theme in [ThemeKind::Light, ThemeKind::Dark, ThemeKind::HighContrast] {
        for shape in [SHAPES[0], SHAPES[2]] {
            for language in ["en", "es"] {
                for page in Page::ALL {
                    let harness = render(shape, page, language, false, theme);
                    let texts = drawn_texts(&harness, clear_color(&harness));
                    for fault in contrast_faults(&texts, theme) {
                        faults.push(format!(
                            "{theme:?} {} {language} {page:?}: {fault}",
                            shape.0
                        ));
                    }
                }
            }
        }
    }
    faults.dedup();
    assert!(
        faults.is_empty(),
        "{} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

/// The measure works: text painted outside its clip, over other text, or too faint is found.
#[test]
fn the_measures_find_what_they_look_for() {
    let text = |s: &str, rect: Rect, clip: Rect, color: Color32| DrawnText {
        text: s.to_owned(),
        rect,
        clip,
        color,
        pixels: 20.0,
        bold: false,
        icon: false,
        elided: false,
        background: Color32::WHITE,
        covers: Vec::new(),
    };
    let screen = Rect::from_min_size(Pos2::ZERO, Vec2::splat(500.0));
    let a = Rect::from_min_size(Pos2::new(10.0, 10.0), Vec2::new(100.0, 20.0));
    let b = a.translate(Vec2::new(50.0, 5.0));
    let faults = layout_faults(
        &[
            text("a", a, screen, Color32::BLACK),
            text("b", b, screen, Color32::BLACK),
        ],
        None,
    );
    assert_eq!(faults.len(), 1, "{faults:?}");
    let narrow = Rect::from_min_size(Pos2::ZERO, Vec2::new(60.0, 500.0));
    assert_eq!(
        layout_faults(&[text("a", a, narrow, Color32::BLACK)], None).len(),
        1
    );
    let faint = [text("a", a, screen, Color32::from_gray(170))];
    assert_eq!(contrast_faults(&faint, ThemeKind::Light).len(), 1);
    let grey = [text("a", a, screen, Color32::from_gray(100))];
    assert!(contrast_faults(&grey, ThemeKind::Light).is_empty());
    assert_eq!(contrast_faults(&grey, ThemeKind::HighContrast).len(), 1);
}

#[test]
fn every_slide_fits_its_screen_without_scrolling() {
    use office_kiosk::app::{ModeOptions, PresentOptions};
    let mut faults = Vec::new();
    // Projectors in community halls are often 4:3 (1024x768) or 16:10 (1280x800).
    for shape in &SHAPES[..5] {
        let shape = *shape;
        for language in ["en", "es"] {
            let options = AppOptions {
                language: Some(language.into()),
                mode: ModeOptions::Present(PresentOptions::default()),
                ..AppOptions::new(Arc::new(content::embedded().expect("valid content")))
            };
            let mut harness = Harness::builder()
                .with_size(shape.1)
                .with_max_steps(24)
                .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, options));
            harness.run();
            let (_, count) = harness.state().slide().expect("slides");
            for index in 0..count {
                let texts = drawn_texts(&harness, clear_color(&harness));
                let viewport = office_kiosk::widgets::viewport::shown(&harness.ctx)
                    .expect("the slide was shown");
                // Nobody scrolls a slide: every text of it lies inside it. (The progress line
                // under it is drawn outside, with a clip of its own.)
                for t in texts
                    .iter()
                    .filter(|t| t.clip.intersects(viewport.shrink(1.0)))
                {
                    if !viewport.expand(1.0).contains_rect(t.rect) {
                        faults.push(format!(
                            "{} {language} slide {index}: {:?} at {:?} is outside {viewport:?}",
                            shape.0, t.text, t.rect
                        ));
                    }
                }
                faults.extend(
                    layout_faults(&texts, None)
                        .into_iter()
                        .map(|f| format!("{} {language} slide {index}: {f}", shape.0)),
                );
                harness.key_press(egui::Key::PageDown);
                harness.run();
            }
        }
    }
    assert!(
        faults.is_empty(),
        "{} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}
