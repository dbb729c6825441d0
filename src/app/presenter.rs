//! The presenter: the content cut into slides, the slideshow that moves through them (by
//! clicker or by itself), and the full-screen slide with its progress line.

use eframe::egui::{self, Vec2};

use super::layout::SLIDE_SHORT_SIDE;
use super::options::PresentOptions;
use crate::command::Command;
use crate::content::Content;
use crate::kiosk::slideshow::{PAUSE_AFTER_KEY_SECS, Slideshow};
use crate::navigation::Page;
use crate::pages::PageCtx;
use crate::pages::slides::{self, Slide};
use crate::theme::{LARGE_TEXT_SCALE, Theme, size, space};

/// The smallest a slide is drawn to fit its screen, as a share of its full size: then its
/// text is as large as the pages' (body text 28 pixels on a 1080p projector), still read
/// across a small room. A slide that does not fit even so must be split (a test checks).
pub(crate) const MIN_SLIDE_SCALE: f32 = SLIDE_SHORT_SIDE / crate::theme::DESIGN_SHORT_SIDE;

/// Which slide on which screen, in which language: what a slide's fitted size depends on.
type FitKey = (usize, [u32; 2], usize);

/// A slide's fitted scale, found by halving the range between the largest scale seen to fit
/// and the smallest seen not to.
#[derive(Debug, Clone, Copy)]
struct Fit {
    scale: f32,
    fits: f32,
    too_large: f32,
}

/// The slides and where the show is.
pub(crate) struct Presenter {
    slides: Vec<Slide>,
    show: Slideshow,
    /// The scale each slide was found to need on a screen (1 unless it had to shrink):
    /// measured when the slide is first drawn there, kept while the content stays.
    fitted: std::collections::HashMap<FitKey, Fit>,
}

impl Presenter {
    /// A show of `content`'s slides from the first slide of `start`, at `now`.
    pub fn new(options: PresentOptions, content: &Content, start: Page, now: f64) -> Self {
        let slides = slides::slides(content);
        let mut show = Slideshow::new(slides.len(), options.slide_interval_secs, now);
        // `--page` starts the show at that page's first slide, without holding auto-advance.
        let first = slides::first_slide_of(&slides, start);
        if first > 0 {
            show.go(first, now);
            show.presenter_acted(now - PAUSE_AFTER_KEY_SECS);
        }
        Self {
            slides,
            show,
            fitted: std::collections::HashMap::new(),
        }
    }

    /// The slide shown and how many there are.
    pub fn position(&self) -> (usize, usize) {
        (self.show.current(), self.show.count())
    }

    /// Whether the screen is blacked out.
    pub fn is_blank(&self) -> bool {
        self.show.is_blank()
    }

    /// The content changed: its slides are cut anew; the show stays on the same slide if it
    /// still exists.
    pub fn content_changed(&mut self, content: &Content) {
        self.slides = slides::slides(content);
        self.show.set_count(self.slides.len());
        self.fitted.clear();
    }

    /// The scale the slide shown needs on a screen of `native` pixels in the language with
    /// index `lang`: 1, or less where it was found not to fit at full size.
    pub fn slide_scale(&self, native: Vec2, lang: usize) -> f32 {
        let key = (
            self.show.current(),
            [native.x.round() as u32, native.y.round() as u32],
            lang,
        );
        self.fitted.get(&key).map_or(1.0, |fit| fit.scale)
    }

    /// Asks to advance when the slideshow's interval is up.
    pub fn observe(&self, now: f64, commands: &mut Vec<Command>) {
        if self.show.is_due(now) {
            commands.push(Command::AutoAdvance);
        }
    }

    /// Applies a slideshow command; true when another slide is now shown.
    #[must_use]
    pub fn apply(&mut self, command: &Command, now: f64) -> bool {
        let before = self.show.current();
        match command {
            // A key pressed in the same frame holds the show first.
            Command::AutoAdvance if self.show.is_due(now) => self.show.advance(now),
            Command::Next => self.show.next(now),
            Command::Previous => self.show.previous(now),
            Command::FirstSlide | Command::Reset => self.show.first(now),
            Command::ToggleBlank => self.show.toggle_blank(now),
            Command::HoldSlideshow => self.show.presenter_acted(now),
            _ => {}
        }
        self.show.current() != before
    }

    /// Seconds from `now` until auto-advance next acts, if it will.
    pub fn secs_until_change(&self, now: f64) -> Option<f64> {
        self.show.secs_until_change(now)
    }

    /// One slide filling the screen with a discreet progress line, or black when blanked.
    /// A slide taller than the screen is drawn smaller from the next frame on (down to
    /// [`MIN_SLIDE_SCALE`]), the scale kept for that slide and screen: a slide never crops. (The scale is a measurement kept for the
    /// zoom, like the zoom itself, not a change of what is shown.)
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &PageCtx<'_>) {
        let theme = cx.theme;
        let screen = ui.ctx().content_rect();
        if self.show.is_blank() {
            ui.painter().rect_filled(screen, 0, egui::Color32::BLACK);
            return;
        }
        let (index, count) = self.position();
        let slide = self.slides.get(index).copied().unwrap_or(Slide::Welcome);
        egui::Panel::bottom("slide-progress")
            .resizable(false)
            .show_separator_line(false)
            .frame(
                egui::Frame::new()
                    .fill(theme.background)
                    .inner_margin(egui::Margin::symmetric(space::L as i8, space::S as i8)),
            )
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    // As wide as the widest count ("14 / 14"), so the bar stays put as the
                    // count grows a digit.
                    let widest = ui
                        .painter()
                        .layout_no_wrap(
                            format!("{count} / {count}"),
                            Theme::font(size::SMALL),
                            theme.text_muted,
                        )
                        .size();
                    ui.allocate_ui_with_layout(
                        widest,
                        egui::Layout::right_to_left(egui::Align::Center),
                        |ui| {
                            ui.label(
                                egui::RichText::new(format!("{} / {count}", index + 1))
                                    .font(Theme::font(size::SMALL))
                                    .color(theme.text_muted),
                            );
                        },
                    );
                    let (rect, _) = ui.allocate_exact_size(
                        Vec2::new(ui.available_width(), space::PROGRESS_LINE),
                        egui::Sense::hover(),
                    );
                    let radius = (space::PROGRESS_LINE / 2.0) as u8;
                    ui.painter().rect_filled(rect, radius, theme.gridline);
                    let done = rect.width() * (index + 1) as f32 / count.max(1) as f32;
                    ui.painter().rect_filled(
                        egui::Rect::from_min_size(rect.min, Vec2::new(done, rect.height())),
                        radius,
                        theme.primary,
                    );
                });
            });
        egui::CentralPanel::no_frame()
            .frame(
                egui::Frame::new()
                    .fill(theme.background)
                    .inner_margin(egui::Margin::same(space::XL as i8)),
            )
            .show(ui, |ui| {
                let shown = egui::ScrollArea::vertical()
                    .id_salt("slide")
                    // Slides are made to fit; a scroll bar would only distract the room.
                    .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
                    .scroll_source(egui::scroll_area::ScrollSource::ALL)
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.spacing_mut().item_spacing.y = space::S;
                        slides::slide_ui(ui, cx, slide);
                    });
                crate::widgets::viewport::record(ui.ctx(), shown.inner_rect);
                let (needed, room) = (shown.content_size.y, shown.inner_rect.height());
                let ctx = ui.ctx();
                let native = ctx.content_rect().size() * ctx.zoom_factor();
                let key = (
                    index,
                    [native.x.round() as u32, native.y.round() as u32],
                    cx.lang.0,
                );
                let fit = self.fitted.get(&key).copied().unwrap_or(Fit {
                    scale: 1.0,
                    fits: 0.0,
                    too_large: f32::INFINITY,
                });
                // Measured only once the zoom of the slide's scale is in effect (egui takes
                // a new zoom from the next frame on).
                let larger = if cx.larger_text {
                    LARGE_TEXT_SCALE
                } else {
                    1.0
                };
                let zoom = super::layout::zoom_for(ctx, SLIDE_SHORT_SIDE, larger * fit.scale);
                if (zoom - ctx.zoom_factor()).abs() > 0.001 {
                    return;
                }
                let next = fit_step(fit, needed, room);
                if (next.scale - fit.scale).abs() > 0.001 {
                    self.fitted.insert(key, next);
                    ctx.request_repaint();
                }
            });
    }
}

/// The next scale to try for a slide drawn at `fit.scale` that needed `needed` points of
/// height in `room`: smaller when it did not fit; when it fitted with room to spare, halfway
/// up to the smallest scale seen not to fit (a few frames, never back and forth). Shrinking
/// also widens the slide, so text reflows shorter and the first guess is on the safe side.
fn fit_step(fit: Fit, needed: f32, room: f32) -> Fit {
    if needed > room + 1.0 {
        let too_large = fit.scale.min(fit.too_large);
        let guess = if fit.fits > 0.0 {
            f32::midpoint(fit.fits, too_large)
        } else {
            fit.scale * room / needed
        };
        return Fit {
            scale: guess.max(MIN_SLIDE_SCALE).max(fit.fits),
            too_large,
            ..fit
        };
    }
    let fits = fit.scale.max(fit.fits);
    let ceiling = fit.too_large.min(1.0);
    let scale = if ceiling - fits > 0.02 && needed < room * 0.95 {
        f32::midpoint(fits, ceiling)
    } else {
        fit.scale
    };
    Fit { scale, fits, ..fit }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Steps the fit of a slide whose height at `scale` is `height(scale)` in `room`.
    fn settle(height: impl Fn(f32) -> f32, room: f32) -> (Fit, usize) {
        let mut fit = Fit {
            scale: 1.0,
            fits: 0.0,
            too_large: f32::INFINITY,
        };
        for step in 0..20 {
            let next = fit_step(fit, height(fit.scale), room);
            if (next.scale - fit.scale).abs() < 0.001 {
                return (fit, step);
            }
            fit = next;
        }
        panic!("no fit after 20 steps: {fit:?}");
    }

    #[test]
    fn a_slide_that_fits_stays_full_size() {
        let (fit, steps) = settle(|_| 500.0, 618.0);
        assert!((fit.scale - 1.0).abs() < f32::EPSILON && steps == 0);
    }

    #[test]
    fn a_tall_slide_shrinks_to_fit_in_a_few_frames_even_where_it_reflows_by_jumps() {
        // Two columns of figures until 0.85, then one: the height jumps.
        let height = |scale: f32| {
            if scale > 0.85 {
                790.0 * scale
            } else {
                600.0 * scale
            }
        };
        let (fit, steps) = settle(height, 618.0);
        assert!(height(fit.scale) <= 619.0, "{fit:?}");
        assert!(fit.scale > 0.8, "as large as it fits: {fit:?}");
        assert!(steps <= 6, "{steps} frames");
    }

    #[test]
    fn never_below_the_readable_minimum() {
        let (fit, _) = settle(|_| 5000.0, 618.0);
        assert!((fit.scale - MIN_SLIDE_SCALE).abs() < f32::EPSILON);
    }
}
