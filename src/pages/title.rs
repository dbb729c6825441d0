//! The title composition, for the presenter's title slide and the attract loop's first step:
//! the organisation, the office's name at showcase size, the welcome and where the office
//! is, beside (or, on a tall screen, above) the content's map, all from the content file.
//! Also the helpers both screens use to fit a large text and to lay out a column of texts.

use std::sync::Arc;

use eframe::egui::{self, Color32, FontId, Galley, Pos2, Rect, Vec2};

use super::PageCtx;
use crate::content::Icon;
use crate::navigation::Page;
use crate::theme::{Theme, size, space};
use crate::widgets::{icon, picture};

/// How much larger than its frame the map starts before it settles (the slow pan).
const PAN_ZOOM: f32 = 0.12;

/// The widest share of a landscape composition the map may take.
const MAP_SHARE: f32 = 0.45;

/// Whether `text` in `font` takes at most `rows` lines `width` wide without cutting a word.
fn fits(ui: &egui::Ui, text: &str, font: FontId, (width, rows): (f32, usize)) -> bool {
    let galley = ui
        .painter()
        .layout(text.to_owned(), font, Color32::BLACK, width);
    galley.rows.len() <= rows && galley.size().x <= width + 0.5
}

/// The largest size of `font` from `max` down to `min` at which `text` takes at most `rows`
/// lines `width` wide without cutting a word (`min` when none does).
pub fn fit_size(
    ui: &egui::Ui,
    text: &str,
    font: fn(f32) -> FontId,
    (max, min): (f32, f32),
    (width, rows): (f32, usize),
) -> f32 {
    let mut size = max;
    while size > min && !fits(ui, text, font(size), (width, rows)) {
        size = (size - 4.0).max(min);
    }
    size
}

/// `text` laid out `width` wide, centred or from the left.
pub fn laid_out(
    ui: &egui::Ui,
    text: &str,
    font: FontId,
    color: Color32,
    (width, centred): (f32, bool),
) -> Line {
    let mut job = egui::text::LayoutJob::simple(text.to_owned(), font, color, width);
    if centred {
        job.halign = egui::Align::Center;
    }
    Line::Text(ui.painter().layout_job(job))
}

/// One line of a column of texts: a galley, or a gap.
pub enum Line {
    /// A text, laid out.
    Text(Arc<Galley>),
    /// A short bar of the accent colour, `width` wide.
    Rule(f32),
    /// Space.
    Gap(f32),
    /// An icon with a text beside it, the text's wrapped lines under its first, not under
    /// the icon (left-aligned columns only).
    Beside(Arc<Galley>, Arc<Galley>),
}

impl Line {
    fn height(&self) -> f32 {
        match self {
            Self::Text(galley) => galley.size().y,
            Self::Rule(_) => space::XS,
            Self::Gap(gap) => *gap,
            Self::Beside(icon, text) => icon.size().y.max(text.size().y),
        }
    }
}

/// The height of a column of `lines`.
pub fn column_height(lines: &[Line]) -> f32 {
    lines.iter().map(Line::height).sum()
}

/// Draws `lines` from `top` down, starting at `x` or centred on it, as labels a screen
/// reader reads, the rules in `accent`; returns the bottom.
pub fn column_ui(
    ui: &mut egui::Ui,
    accent: Color32,
    lines: Vec<Line>,
    (x, top): (f32, f32),
    centred: bool,
) -> f32 {
    let mut y = top;
    for line in lines {
        let height = line.height();
        match line {
            Line::Text(galley) => {
                // A centred galley lies around its x = 0; a left-aligned one right of it.
                let anchor = if centred {
                    galley.rect.center().x
                } else {
                    galley.rect.left()
                };
                let pos = Pos2::new(x - anchor, y - galley.rect.top());
                let rect = galley.rect.translate(pos.to_vec2());
                let text = galley.text().to_owned();
                let response = ui.allocate_rect(rect, egui::Sense::hover());
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
                ui.painter().galley(pos, galley, accent);
            }
            Line::Rule(width) => {
                let left = if centred { x - width / 2.0 } else { x };
                let rule = Rect::from_min_size(Pos2::new(left, y), Vec2::new(width, height));
                ui.painter().rect_filled(rule, 2, accent);
            }
            Line::Gap(_) => {}
            Line::Beside(icon, text) => {
                let icon_width = icon.size().x + space::XS;
                ui.painter().galley(Pos2::new(x, y), icon, accent);
                let at = Pos2::new(x + icon_width, y);
                let rect = Rect::from_min_size(at, text.size());
                let said = text.text().to_owned();
                let response = ui.allocate_rect(rect, egui::Sense::hover());
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &said));
                ui.painter().galley(at, text, accent);
            }
        }
        y += height;
    }
    y
}

/// Draws the title composition into `rect`; `settle` (0 to 1) is how far the map's slow
/// pan has run.
pub fn title_ui(ui: &mut egui::Ui, cx: &PageCtx<'_>, rect: Rect, settle: f32) {
    let (content, theme) = (cx.content, cx.theme);
    let map = content.contact.map.as_ref();
    let tall = rect.height() > rect.width();
    // The map's frame: the height of the screen beside the texts, or what is left under
    // them on a tall screen.
    let aspect = map.map_or(0.0, |m| m.width as f32 / m.height.max(1) as f32);
    let text_width = if tall || map.is_none() {
        rect.width()
    } else {
        let map_width = (rect.height() * aspect).min(rect.width() * MAP_SHARE);
        rect.width() - map_width - space::XL * 2.0
    };
    let width = text_width.min(space::MAX_TEXT_WIDTH * 1.3);
    // On a tall screen the map needs at least half of it.
    let room = if tall && map.is_some() {
        rect.height() / 2.0
    } else {
        rect.height()
    };
    let centred = tall || map.is_none();
    let mut level = 0;
    let lines = loop {
        let lines = title_lines(ui, cx, width, centred, level);
        if column_height(&lines) <= room || level == LEVELS {
            break lines;
        }
        level += 1;
    };
    let text_height = column_height(&lines);
    let x = if centred {
        rect.center().x
    } else {
        rect.left()
    };
    // Above the map on a tall screen; else in the middle.
    let top = if tall && map.is_some() {
        rect.top()
    } else {
        rect.center().y - text_height / 2.0
    };
    let bottom = column_ui(ui, theme.accent, lines, (x, top), centred);
    let Some(map) = map else { return };
    let frame_box = if tall {
        Rect::from_min_max(Pos2::new(rect.left(), bottom + space::XL), rect.max)
    } else {
        Rect::from_min_max(
            Pos2::new(rect.left() + text_width + space::XL * 2.0, rect.top()),
            rect.max,
        )
    };
    if frame_box.height() < size::TILE_ICON * 2.0 {
        return;
    }
    let frame_size = {
        let fit = (frame_box.width() / aspect).min(frame_box.height());
        Vec2::new(fit * aspect, fit)
    };
    let frame = Rect::from_center_size(frame_box.center(), frame_size);
    map_ui(ui, cx, map, frame, settle);
}

/// How many steps [`title_lines`] can take to fit a short screen.
const LEVELS: u8 = 3;

/// The texts of the title: the organisation, the office's name, a rule, the welcome, and
/// where the office is (the map's caption). At `level` 1 and up, for a short screen, the
/// texts around the name are smaller; at 2 and up the name too; at 3 the caption is left
/// to the map.
fn title_lines(ui: &egui::Ui, cx: &PageCtx<'_>, width: f32, centred: bool, level: u8) -> Vec<Line> {
    let (content, theme) = (cx.content, cx.theme);
    let identity = &content.identity;
    let name = cx.t(&identity.office_name);
    let largest = if level >= 2 {
        size::DISPLAY
    } else {
        size::SHOWCASE
    };
    // One line if it fits at almost full size, else two at full size.
    let one_line = fit_size(
        ui,
        name,
        Theme::bold,
        (largest, largest * 0.875),
        (width, 1),
    );
    let name_size = if level < 2 && !fits(ui, name, Theme::bold(one_line), (width, 1)) {
        fit_size(ui, name, Theme::bold, (largest, size::DISPLAY), (width, 2))
    } else {
        one_line
    };
    let around = if level >= 1 {
        size::LEAD
    } else {
        size::SECTION
    };
    let gap = if level >= 1 { space::S } else { space::L };
    let mut lines = vec![
        laid_out(
            ui,
            cx.t(&identity.organization),
            Theme::font(around),
            theme.text_muted,
            (width, centred),
        ),
        Line::Gap(space::S),
        laid_out(
            ui,
            name,
            Theme::bold(name_size),
            theme.primary,
            (width, centred),
        ),
        Line::Gap(space::M),
        Line::Rule(space::XL * 3.0),
        Line::Gap(gap),
        laid_out(
            ui,
            cx.t(Page::Home.header(content).title),
            Theme::bold(around),
            theme.text,
            (width, centred),
        ),
    ];
    let caption = content
        .contact
        .map
        .as_ref()
        .and_then(|m| m.caption.as_ref());
    if let Some(caption) = caption.filter(|_| level < 3) {
        let caption_size = if level >= 1 { size::BODY } else { size::LEAD };
        if !centred {
            // The address's second line under its first, not under the pin.
            let pin = ui.painter().layout_no_wrap(
                icon::glyph(Icon::Place).to_owned(),
                Theme::icon_font(caption_size),
                theme.accent,
            );
            let text = ui.painter().layout(
                cx.t(caption).to_owned(),
                Theme::font(caption_size),
                theme.text,
                (width - pin.size().x - space::XS).max(1.0),
            );
            lines.extend([Line::Gap(gap), Line::Beside(pin, text)]);
            return lines;
        }
        let place = format!("{}  {}", icon::glyph(Icon::Place), cx.t(caption));
        let mut job = egui::text::LayoutJob::default();
        job.wrap.max_width = width;
        if centred {
            job.halign = egui::Align::Center;
        }
        let (glyph, rest) = place.split_at(icon::glyph(Icon::Place).len());
        job.append(
            glyph,
            0.0,
            text_format(Theme::icon_font(caption_size), theme.accent),
        );
        job.append(
            rest,
            0.0,
            text_format(Theme::font(caption_size), theme.text),
        );
        lines.extend([Line::Gap(gap), Line::Text(ui.painter().layout_job(job))]);
    }
    lines
}

fn text_format(font_id: FontId, color: Color32) -> egui::TextFormat {
    egui::TextFormat {
        font_id,
        color,
        ..Default::default()
    }
}

/// The map in `frame`: it starts a little larger, showing its top left, and settles to the
/// whole map as `settle` runs from 0 to 1.
fn map_ui(
    ui: &mut egui::Ui,
    cx: &PageCtx<'_>,
    map: &crate::content::Image,
    frame: Rect,
    settle: f32,
) {
    let eased = 1.0 - (1.0 - settle.clamp(0.0, 1.0)).powi(3);
    let zoom = 1.0 + PAN_ZOOM * (1.0 - eased);
    let drawn = Rect::from_min_size(frame.min, frame.size() * zoom);
    // Its place and name for screen readers; the picture itself is painted by hand, from
    // one texture for the whole zoom (decoded for its largest size).
    let response = ui.allocate_rect(frame, egui::Sense::hover());
    let alt = cx.t(&map.alt);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, alt));
    let texture_px = frame.size() * (1.0 + PAN_ZOOM) * ui.ctx().pixels_per_point();
    let mut clipped = ui.new_child(egui::UiBuilder::new().max_rect(frame));
    clipped.set_clip_rect(frame.intersect(ui.clip_rect()));
    picture::paint_picture(&clipped, cx.images, cx.theme, map, drawn, texture_px);
    ui.painter().rect_stroke(
        frame,
        space::RADIUS,
        cx.theme.card_stroke(),
        egui::StrokeKind::Inside,
    );
}
