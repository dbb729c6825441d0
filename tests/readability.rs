//! Every page reads completely, proven from what the app draws rather than by eye: on every
//! screen shape a kiosk, a projector or a laptop has, in both languages, with and without
//! larger text, no text is elided, every text lies inside its clip (or runs past the page's
//! top or bottom, where the visitor scrolls to it) and overlaps no other text; Home shows
//! every section's tile without scrolling; and every text drawn meets its theme's contrast
//! against what is drawn under it.

use std::sync::Arc;

use eframe::egui::{self, Color32, Pos2, Rect, Role, Shape, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use office_kiosk::content;
use office_kiosk::navigation::Page;
use office_kiosk::theme::{ThemeKind, contrast_ratio};
use office_kiosk::{AppOptions, KioskApp};

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

/// A text as drawn: its string, where it is, what clips it, its colour and its size in
/// pixels, and whether it is an icon.
#[derive(Debug)]
struct DrawnText {
    text: String,
    rect: Rect,
    clip: Rect,
    color: Color32,
    pixels: f32,
    bold: bool,
    icon: bool,
    elided: bool,
    /// What is drawn under its middle.
    background: Color32,
    /// Opaque fills of layers over the whole screen painted after it (a panel opened over
    /// the page), which hide what they cover of it.
    covers: Vec<Rect>,
}

/// Every text of the last frame, with the background under it, in paint order.
fn drawn_texts(harness: &Harness<'_, KioskApp>, clear: Color32) -> Vec<DrawnText> {
    fn flatten(clip: Rect, shape: &Shape, out: &mut Vec<(Rect, Shape)>) {
        match shape {
            Shape::Vec(shapes) => shapes.iter().for_each(|s| flatten(clip, s, out)),
            other => out.push((clip, other.clone())),
        }
    }
    let ppp = harness.ctx.pixels_per_point();
    let screen = harness.ctx.content_rect();
    let mut flat: Vec<(Rect, Shape)> = Vec::new();
    for clipped in &harness.output().shapes {
        flatten(clipped.clip_rect, &clipped.shape, &mut flat);
    }
    let mut texts = Vec::new();
    for (i, (clip, shape)) in flat.iter().enumerate() {
        let Shape::Text(text) = shape else { continue };
        let galley = &text.galley;
        if galley.text().trim().is_empty() {
            continue;
        }
        let rect = galley.rect.translate(text.pos.to_vec2());
        let center = rect.intersect(*clip).center();
        // Blend every fill under the text's middle, in paint order, over the clear colour.
        let mut background = clear;
        for (below_clip, below) in &flat[..i] {
            if !below_clip.contains(center) {
                continue;
            }
            let fill = match below {
                Shape::Rect(r) if r.rect.contains(center) => r.fill,
                Shape::Circle(c) if c.center.distance(center) <= c.radius => c.fill,
                _ => continue,
            };
            background = blend(fill, background);
        }
        let section = galley.job.sections.iter().find(|s| {
            let text = galley
                .job
                .text
                .get(s.byte_range.start.0..s.byte_range.end.0);
            text.is_some_and(|t| !t.trim().is_empty())
        });
        let Some(section) = section else { continue };
        let format = &section.format;
        let color = text
            .override_text_color
            .unwrap_or(if format.color == Color32::PLACEHOLDER {
                text.fallback_color
            } else {
                format.color
            });
        let family = format.font_id.family.to_string();
        let covers = flat[i + 1..]
            .iter()
            .filter_map(|(over_clip, over)| match over {
                // Only a layer over the whole screen: a card within the page that hid a
                // text would be a fault of the layout.
                Shape::Rect(r) if r.fill.a() == 255 && over_clip.contains_rect(screen) => {
                    Some(r.rect)
                }
                _ => None,
            })
            .collect();
        texts.push(DrawnText {
            text: galley.text().to_owned(),
            rect,
            clip: *clip,
            color: blend(color.gamma_multiply(text.opacity_factor), background),
            pixels: format.font_id.size * ppp,
            bold: family.contains("bold"),
            icon: family.contains("material"),
            elided: galley.elided,
            background,
            covers,
        });
    }
    texts
}

/// `top` painted over `under`.
fn blend(top: Color32, under: Color32) -> Color32 {
    let a = f32::from(top.a()) / 255.0;
    if a >= 1.0 {
        return top;
    }
    // Colours are premultiplied: the top already carries its alpha.
    let mix = |t: u8, u: u8| (f32::from(t) + f32::from(u) * (1.0 - a)).round().min(255.0) as u8;
    Color32::from_rgb(
        mix(top.r(), under.r()),
        mix(top.g(), under.g()),
        mix(top.b(), under.b()),
    )
}

/// Everything wrong with how `texts` are laid out; `viewport` is the page's scroll area.
fn layout_faults(texts: &[DrawnText], viewport: Option<Rect>) -> Vec<String> {
    const SLACK: f32 = 1.0;
    let mut faults = Vec::new();
    for t in texts {
        if t.elided {
            faults.push(format!("{:?} is cut short with an ellipsis", t.text));
        }
        let clip = t.clip.expand(SLACK);
        let scrolls = viewport.is_some_and(|v| {
            (v.min - t.clip.min).length() < 2.0 && (v.max - t.clip.max).length() < 2.0
        });
        let inside_x =
            clip.x_range().contains(t.rect.left()) && clip.x_range().contains(t.rect.right());
        let inside_y =
            clip.y_range().contains(t.rect.top()) && clip.y_range().contains(t.rect.bottom());
        if !inside_x || (!inside_y && !scrolls) {
            faults.push(format!(
                "{:?} at {:?} is cut by its clip {:?}",
                t.text, t.rect, t.clip
            ));
        }
    }
    let visible: Vec<(&DrawnText, Rect)> = texts
        .iter()
        .map(|t| (t, t.rect.intersect(t.clip).shrink(SLACK)))
        .filter(|(_, r)| r.is_positive())
        .collect();
    for (i, (a, ra)) in visible.iter().enumerate() {
        for (b, rb) in &visible[i + 1..] {
            let overlap = ra.intersect(*rb);
            // Texts are in paint order: `a` under `b`. A card painted between them hides `a`.
            let hidden = a.covers.iter().any(|c| c.contains_rect(overlap))
                && !b.covers.iter().any(|c| c.contains_rect(overlap));
            if overlap.is_positive() && overlap.area() > 4.0 && !hidden {
                faults.push(format!("{:?} {ra:?} overlaps {:?} {rb:?}", a.text, b.text));
            }
        }
    }
    faults
}

/// The contrast each text needs: WCAG AAA (7:1) in high contrast; AA otherwise, 4.5:1, or
/// 3:1 for large text (24 px, or 18.7 px bold) and icons.
fn contrast_faults(texts: &[DrawnText], theme: ThemeKind) -> Vec<String> {
    let mut faults = Vec::new();
    for t in texts {
        let large = t.pixels >= 24.0 || (t.bold && t.pixels >= 18.66);
        let needed = match theme {
            ThemeKind::HighContrast if !t.icon => 7.0,
            _ if t.icon || large => 3.0,
            _ => 4.5,
        };
        let ratio = contrast_ratio(t.color, t.background);
        if ratio < needed {
            faults.push(format!(
                "{:?} is {:?} on {:?}: {ratio:.2}:1, needs {needed}:1",
                t.text, t.color, t.background
            ));
        }
    }
    faults
}

fn clear_color(harness: &Harness<'_, KioskApp>) -> Color32 {
    let [r, g, b, _] =
        eframe::App::clear_color(harness.state(), &harness.ctx.global_style().visuals);
    let to_u8 = |v: f32| (v * 255.0).round() as u8;
    Color32::from_rgb(to_u8(r), to_u8(g), to_u8(b))
}

/// The layout faults of the page on screen, each prefixed with `what`.
fn page_faults(harness: &Harness<'_, KioskApp>, what: &str) -> Vec<String> {
    let texts = drawn_texts(harness, clear_color(harness));
    assert!(texts.len() > 5, "{what} draws its texts");
    let viewport = office_kiosk::app::layout::page_viewport(&harness.ctx);
    let mut faults = layout_faults(&texts, viewport);
    // Every control is whole on the screen (those in the page may lie above or below it,
    // where the page scrolls), and nothing in the page reaches into its side margins.
    let screen = harness.ctx.content_rect().expand(1.0);
    let portrait = screen.height() > screen.width();
    let page = viewport.map(|v| {
        v.shrink2(Vec2::new(
            office_kiosk::app::layout::page_margin(portrait) - 1.0,
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
                                "Display"
                            } else {
                                "Pantalla"
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
fn home_shows_every_tile_without_scrolling() {
    for shape in [SHAPES[0], SHAPES[1]] {
        for large_text in [false, true] {
            for language in ["en", "es"] {
                let harness = render(shape, Page::Home, language, large_text, ThemeKind::Light);
                let viewport = office_kiosk::app::layout::page_viewport(&harness.ctx)
                    .expect("the page was shown");
                let content = content::embedded().expect("valid content");
                let lang = content.language_by_code(language).expect("a language");
                for page in Page::SECTIONS {
                    let title = page.header(&content).nav_label.get(lang);
                    let label = format!("{title}. ");
                    let node = harness.get_by_label_contains(&label);
                    assert!(
                        viewport.contains_rect(node.rect()),
                        "{} {language} larger={large_text}: the {title} tile {:?} is not all in sight {viewport:?}",
                        shape.0,
                        node.rect()
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
    for shape in [SHAPES[0], SHAPES[1], SHAPES[2]] {
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
                let viewport = office_kiosk::app::layout::page_viewport(&harness.ctx)
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
