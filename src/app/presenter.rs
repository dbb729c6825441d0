//! The presenter: the content cut into slides, the slideshow that moves through them (by
//! clicker or by itself), and the full-screen slide with its progress line.

use eframe::egui::{self, Vec2};

use super::options::PresentOptions;
use crate::command::Command;
use crate::content::Content;
use crate::kiosk::slideshow::{PAUSE_AFTER_KEY_SECS, Slideshow};
use crate::navigation::Page;
use crate::pages::PageCtx;
use crate::pages::slides::{self, Slide};
use crate::theme::{Theme, size, space};

/// The slides and where the show is.
pub(crate) struct Presenter {
    slides: Vec<Slide>,
    show: Slideshow,
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
        Self { slides, show }
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
    pub fn ui(&self, ui: &mut egui::Ui, cx: &PageCtx<'_>) {
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
                    ui.label(
                        egui::RichText::new(format!("{} / {count}", index + 1))
                            .font(Theme::font(size::SMALL))
                            .color(theme.text_muted),
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
            });
    }
}
