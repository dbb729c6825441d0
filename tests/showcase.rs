//! First impressions, measured from what is drawn: the attract loop's screens and the
//! presenter's title slide fill a 1920x1080 screen (the composition spans at least 60 % of
//! its width, a headline at least a tenth of its height, the invitation to touch at least
//! 54 pixels tall, at least a fifth of it carrying text, the map or a chart), for the
//! Belize content and for another office's; they read completely on every screen shape, in
//! both languages, with larger text and in high contrast; and the attract loop draws
//! frames only while a screen moves in, none with less motion.

mod drawn;

use std::sync::Arc;

use eframe::egui::{self, Rect, Role, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use office_kiosk::app::{KioskOptions, ModeOptions, PresentOptions};
use office_kiosk::content::{self, Content, LangId, Text};
use office_kiosk::kiosk::idle::IdleConfig;
use office_kiosk::theme::ThemeKind;
use office_kiosk::{AppOptions, KioskApp};

use drawn::{DrawnText, clear_color, contrast_faults, drawn_texts, layout_faults};

/// Seconds between attract steps, as the kiosk has by default.
const STEP_SECS: f64 = 10.0;

/// The Belize content.
fn belize() -> Content {
    content::embedded().expect("valid embedded content")
}

/// Another office's content: another name, two other figures, one chart, the same map.
fn other_office() -> Content {
    let mut content = belize();
    let both = |en: &str, es: &str| Text::new(vec![en.to_owned(), es.to_owned()]);
    content.identity.office_name = both("IOM Trinidad and Tobago", "OIM Trinidad y Tobago");
    content.facts.facts.truncate(2);
    content.facts.facts[0].value = both("1.5 million", "1.5 millones");
    content.facts.facts[1].value = both("USD 12,345", "USD 12,345");
    content.facts.charts.truncate(1);
    content
}

/// An office with little content: no map, one figure, no chart.
fn sparse_office() -> Content {
    let mut content = other_office();
    content.contact.map = None;
    content.facts.facts.truncate(1);
    content.facts.charts.clear();
    content
}

/// How a run looks: its screen, language and settings.
#[derive(Clone, Copy)]
struct Look {
    name: &'static str,
    size: Vec2,
    language: &'static str,
    large_text: bool,
    theme: ThemeKind,
}

impl Look {
    fn plain(language: &'static str) -> Self {
        Self {
            name: "1920x1080",
            size: Vec2::new(1920.0, 1080.0),
            language,
            large_text: false,
            theme: ThemeKind::Light,
        }
    }

    fn what(&self) -> String {
        format!(
            "{} {} {:?}{}",
            self.name,
            self.language,
            self.theme,
            if self.large_text { " larger text" } else { "" }
        )
    }

    fn options(&self, content: &Content, mode: ModeOptions) -> AppOptions {
        AppOptions {
            language: Some(self.language.into()),
            large_text: self.large_text,
            theme: self.theme,
            mode,
            ..AppOptions::new(Arc::new(content.clone()))
        }
    }
}

/// A kiosk that goes idle after a second and steps its attract loop every ten, drawing a
/// frame every `step_dt` seconds.
fn kiosk(
    look: Look,
    content: &Content,
    step_dt: f32,
    less_motion: bool,
) -> Harness<'static, KioskApp> {
    let mut options = look.options(
        content,
        ModeOptions::Kiosk(KioskOptions {
            idle: IdleConfig::new(1.0, 0.0, STEP_SECS),
            admin_pin: None,
            show_cursor: false,
            ..KioskOptions::default()
        }),
    );
    options.reduced_motion = less_motion;
    Harness::builder()
        .with_size(look.size)
        .with_step_dt(step_dt)
        .with_max_steps(64)
        .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, options))
}

/// The presenter's title slide.
fn title_slide(look: Look, content: &Content) -> Harness<'static, KioskApp> {
    let options = look.options(content, ModeOptions::Present(PresentOptions::default()));
    let mut harness = Harness::builder()
        .with_size(look.size)
        .with_max_steps(24)
        .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, options));
    harness.run();
    harness
}

/// Steps `harness` (one frame a second) to attract step `step`, five seconds in: its
/// motion is over.
fn at_rest_on_step(harness: &mut Harness<'_, KioskApp>, step: u64) {
    let now = |h: &Harness<'_, KioskApp>| h.ctx.input(|i| i.time);
    // Idle after one second; each step ten; five seconds into the step.
    let target = 1.0 + STEP_SECS * step as f64 + 5.0;
    while now(harness) < target {
        harness.step();
    }
    harness.run();
}

/// The screens to judge: the attract loop's three steps and the title slide.
fn screens(look: Look, content: &Content, mut judge: impl FnMut(&Harness<'_, KioskApp>, &str)) {
    let mut harness = kiosk(look, content, 1.0, false);
    for (step, name) in ["welcome", "figure", "chart"].iter().enumerate() {
        at_rest_on_step(&mut harness, step as u64);
        judge(&harness, &format!("{} attract {name}", look.what()));
    }
    judge(
        &title_slide(look, content),
        &format!("{} title slide", look.what()),
    );
}

/// The texts in sight: not those of the page under the attract loop's opaque layer.
fn shown_texts(harness: &Harness<'_, KioskApp>) -> Vec<DrawnText> {
    let mut texts = drawn_texts(harness, clear_color(harness));
    texts.retain(|t| {
        let seen = t.rect.intersect(t.clip);
        !t.covers.iter().any(|c| c.contains_rect(seen))
    });
    texts
}

/// Everything wrong with the texts on screen: cut, overlapping, outside the screen, faint.
fn reading_faults(harness: &Harness<'_, KioskApp>, theme: ThemeKind) -> Vec<String> {
    let texts = shown_texts(harness);
    let screen = harness.ctx.content_rect().expand(1.0);
    let mut faults = layout_faults(&texts, None);
    faults.extend(contrast_faults(&texts, theme));
    for t in &texts {
        if !screen.contains_rect(t.rect) {
            faults.push(format!("{:?} at {:?} leaves the screen", t.text, t.rect));
        }
    }
    faults
}

/// What carries something to look at: the texts, and the pictures and charts (each an
/// image to a screen reader); never a plain block of colour.
fn things(harness: &Harness<'_, KioskApp>, texts: &[DrawnText]) -> Vec<Rect> {
    let mut rects: Vec<Rect> = texts.iter().map(|t| t.rect.intersect(t.clip)).collect();
    rects.extend(harness.query_all_by_role(Role::Image).map(|n| n.rect()));
    rects.retain(Rect::is_positive);
    rects
}

/// The share of `screen` that `rects` cover, counted on an 8-pixel grid.
fn coverage(screen: Rect, rects: &[Rect]) -> f32 {
    const CELL: f32 = 8.0;
    let (columns, rows) = (
        (screen.width() / CELL) as usize,
        (screen.height() / CELL) as usize,
    );
    let mut covered = 0;
    for row in 0..rows {
        for column in 0..columns {
            let center = screen.min + Vec2::new(column as f32 + 0.5, row as f32 + 0.5) * CELL;
            if rects.iter().any(|r| r.contains(center)) {
                covered += 1;
            }
        }
    }
    covered as f32 / (columns * rows) as f32
}

/// The figures of one screen at 1920x1080, or why it falls short.
fn impression_faults(
    harness: &Harness<'_, KioskApp>,
    content: &Content,
    what: &str,
) -> Vec<String> {
    let texts = drawn_texts(harness, clear_color(harness));
    let screen = harness.ctx.content_rect();
    let ppp = harness.ctx.pixels_per_point();
    let (width, height) = (screen.width() * ppp, screen.height() * ppp);
    let things = things(harness, &texts);
    let mut faults = Vec::new();
    let left = things.iter().map(Rect::left).fold(f32::INFINITY, f32::min);
    let right = things
        .iter()
        .map(Rect::right)
        .fold(f32::NEG_INFINITY, f32::max);
    if (right - left) * ppp < 0.6 * width {
        faults.push(format!(
            "spans {:.0} of {width} pixels",
            (right - left) * ppp
        ));
    }
    let share = coverage(screen, &things);
    eprintln!(
        "{what}: spans {:.0} %, {:.0} % carries something to look at, largest text {:.0} px",
        (right - left) * ppp / width * 100.0,
        share * 100.0,
        texts.iter().map(|t| t.pixels).fold(0.0, f32::max)
    );
    if share < 0.2 {
        faults.push(format!(
            "only {:.0} % carries something to look at",
            share * 100.0
        ));
    }
    let headline = texts.iter().max_by(|a, b| a.pixels.total_cmp(&b.pixels));
    if what.contains("chart") {
        // The chart is the headline: drawn large.
        let tallest = harness
            .query_all_by_role(Role::Image)
            .map(|n| n.rect().height() * ppp)
            .fold(0.0, f32::max);
        if tallest < 0.4 * height {
            faults.push(format!("the chart is only {tallest} pixels tall"));
        }
    } else {
        match headline {
            Some(h) if h.pixels >= height / 10.0 => {
                let figure = content
                    .facts
                    .facts
                    .iter()
                    .any(|f| (0..2).any(|l| f.value.get(LangId(l)) == h.text));
                let name = (0..2).any(|l| content.identity.office_name.get(LangId(l)) == h.text);
                if what.contains("figure") && !figure || !what.contains("figure") && !name {
                    faults.push(format!("the largest text {:?} is not the headline", h.text));
                }
            }
            other => faults.push(format!(
                "the largest text {:?} is under a tenth of the screen's height",
                other.map(|t| (&t.text, t.pixels))
            )),
        }
    }
    if what.contains("attract") {
        for lang in 0..content.languages.len() {
            let invite = content.labels.attract_invite.get(LangId(lang));
            let shown = texts.iter().find(|t| t.text.contains(invite));
            match shown {
                Some(t) if t.pixels >= 54.0 && t.rect.height() * ppp >= 54.0 => {}
                other => faults.push(format!(
                    "the invitation {invite:?} is not 54 pixels tall: {:?}",
                    other.map(|t| (t.pixels, t.rect))
                )),
            }
        }
    }
    faults.into_iter().map(|f| format!("{what}: {f}")).collect()
}

#[test]
fn attract_steps_and_the_title_slide_are_worth_stopping_for() {
    let mut faults = Vec::new();
    for (content, languages) in [(belize(), ["en", "es"]), (other_office(), ["en", "es"])] {
        for language in languages {
            let office = content.identity.office_name.get(LangId(0)).to_owned();
            screens(Look::plain(language), &content, |harness, what| {
                let what = format!("{office} {what}");
                faults.extend(impression_faults(harness, &content, &what));
                faults.extend(
                    reading_faults(harness, ThemeKind::Light)
                        .into_iter()
                        .map(|f| format!("{what}: {f}")),
                );
            });
        }
    }
    // Sparse content fills the same screens, readably: the welcome where a figure or a
    // chart is missing, the title without a map.
    for language in ["en", "es"] {
        for size in [Vec2::new(1920.0, 1080.0), Vec2::new(1080.0, 1920.0)] {
            let look = Look {
                size,
                ..Look::plain(language)
            };
            screens(look, &sparse_office(), |harness, what| {
                let what = format!("sparse {what}");
                faults.extend(
                    reading_faults(harness, ThemeKind::Light)
                        .into_iter()
                        .map(|f| format!("{what}: {f}")),
                );
            });
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
fn attract_and_title_read_on_every_screen_with_larger_text_and_high_contrast() {
    let content = belize();
    let mut faults = Vec::new();
    for (name, size) in [
        ("1920x1080", Vec2::new(1920.0, 1080.0)),
        ("1080x1920", Vec2::new(1080.0, 1920.0)),
        ("1366x768", Vec2::new(1366.0, 768.0)),
    ] {
        for language in ["en", "es"] {
            for (large_text, theme) in [(true, ThemeKind::Light), (false, ThemeKind::HighContrast)]
            {
                let look = Look {
                    name,
                    size,
                    language,
                    large_text,
                    theme,
                };
                screens(look, &content, |harness, what| {
                    faults.extend(
                        reading_faults(harness, theme)
                            .into_iter()
                            .map(|f| format!("{what}: {f}")),
                    );
                });
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

/// Frames a real event loop would paint during one attract step: the first, then one
/// whenever the last asked for the next at once (a frame at 60 Hz). Returns the count and
/// the last second into the step at which a frame was painted.
fn frames_in_a_step(harness: &mut Harness<'_, KioskApp>, dt: f32) -> (usize, f32) {
    let mut painted = 1;
    let mut last = 0.0;
    let frames = (STEP_SECS as f32 / dt).round() as usize;
    for frame in 1..frames {
        let wanted = harness
            .output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .is_some_and(|v| v.repaint_delay.as_secs_f32() <= dt);
        harness.step();
        if wanted {
            painted += 1;
            // The last frame of the step asks for the next step's first: not motion.
            if (frame as f32) * dt < STEP_SECS as f32 - 1.0 {
                last = frame as f32 * dt;
            }
        }
    }
    harness.step();
    (painted, last)
}

#[test]
fn the_attract_loop_draws_only_while_a_screen_moves_in() {
    const DT: f32 = 1.0 / 60.0;
    for less_motion in [false, true] {
        let mut harness = kiosk(Look::plain("en"), &belize(), DT, less_motion);
        // To the start of the first step.
        while harness.ctx.input(|i| i.time) < 1.0 + f64::from(DT) {
            harness.step();
        }
        // The map decodes on a thread of its own, in real time, while the steps run in
        // egui's time: let it arrive now (it is counted once it can be shown), or on a busy
        // machine its arrival would be taken for motion of a later screen.
        for _ in 0..500 {
            if harness.state().image_decode_count() > 0 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        // The frame that puts the decoded map on screen.
        harness.step();
        for step in 0..3 {
            let (painted, last) = frames_in_a_step(&mut harness, DT);
            if less_motion {
                assert!(
                    painted <= 3,
                    "step {step}: {painted} frames with less motion"
                );
            } else {
                // The map settles in 4 s, the figure counts in 1.6 s, the bars grow in 1.2 s;
                // then nothing until the next step.
                assert!(
                    painted >= 30,
                    "step {step}: only {painted} frames: no motion?"
                );
                assert!(last <= 4.2, "step {step}: still painting {last} s in");
            }
            eprintln!(
                "attract step {step}, less motion {less_motion}: {painted} frames painted in {STEP_SECS} s, the last {last:.2} s in"
            );
        }
    }
}

#[test]
fn each_step_drifts_so_nothing_burns_in() {
    let content = belize();
    let name = content.identity.office_name.get(LangId(0)).to_owned();
    let mut harness = kiosk(Look::plain("en"), &content, 1.0, false);
    let mut places = Vec::new();
    // The welcome comes back every third step, each time somewhere else.
    for step in [0, 3, 6] {
        at_rest_on_step(&mut harness, step);
        let texts = shown_texts(&harness);
        let shown = texts
            .iter()
            .find(|t| t.text == name)
            .expect("the office's name");
        places.push(shown.rect.min);
    }
    assert!(places[0].distance(places[1]) >= 4.0, "{places:?}");
    assert!(places[1].distance(places[2]) >= 4.0, "{places:?}");
}
