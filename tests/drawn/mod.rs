//! What the app drew in its last frame, read from kittest's output: every text with its
//! place, clip, size, colour and the background under it; and the faults a reader would
//! meet: text cut short, cut by its clip, over other text, or too faint. Shared by the
//! tests that read what is drawn.

use eframe::egui::{Color32, Rect, Shape};
use egui_kittest::Harness;
use office_kiosk::KioskApp;
use office_kiosk::theme::{ThemeKind, contrast_ratio};

/// A text as drawn: its string, where it is, what clips it, its colour and its size in
/// pixels, and whether it is an icon.
#[derive(Debug)]
pub struct DrawnText {
    pub text: String,
    pub rect: Rect,
    pub clip: Rect,
    pub color: Color32,
    pub pixels: f32,
    pub bold: bool,
    pub icon: bool,
    pub elided: bool,
    /// What is drawn under its middle.
    pub background: Color32,
    /// Opaque fills of layers over the whole screen painted after it (a panel opened over
    /// the page), which hide what they cover of it.
    pub covers: Vec<Rect>,
}

/// Every text of the last frame, with the background under it, in paint order.
pub fn drawn_texts(harness: &Harness<'_, KioskApp>, clear: Color32) -> Vec<DrawnText> {
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
pub fn blend(top: Color32, under: Color32) -> Color32 {
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
pub fn layout_faults(texts: &[DrawnText], viewport: Option<Rect>) -> Vec<String> {
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
pub fn contrast_faults(texts: &[DrawnText], theme: ThemeKind) -> Vec<String> {
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

pub fn clear_color(harness: &Harness<'_, KioskApp>) -> Color32 {
    let [r, g, b, _] =
        eframe::App::clear_color(harness.state(), &harness.ctx.global_style().visuals);
    let to_u8 = |v: f32| (v * 255.0).round() as u8;
    Color32::from_rgb(to_u8(r), to_u8(g), to_u8(b))
}
