//! Every number a chart can hold draws, in every place a chart is drawn: the facts page's
//! card (chart and table), the presenter's chart slides and the attract loop's chart. The
//! validator's extremes (tiny, huge, many decimals, zero, all equal, as many bars as allowed)
//! go through the real app; the widgets themselves draw any value at all, even those the
//! validator refuses (the largest number, NaN, infinity, negative), in bounded work.

use std::fmt::Write as _;
use std::sync::Arc;

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use office_kiosk::app::{KioskOptions, ModeOptions, PresentOptions};
use office_kiosk::content::limits::MAX_BARS;
use office_kiosk::content::{
    Bar, Chart, Content, EMBEDDED_RON, LangId, Orientation, Source, Text, parse,
};
use office_kiosk::kiosk::idle::IdleConfig;
use office_kiosk::navigation::Page;
use office_kiosk::theme::Theme;
use office_kiosk::widgets::bar_chart::BarChart;
use office_kiosk::widgets::chart_card::{CardView, TableToggle, chart_card};
use office_kiosk::{AppOptions, KioskApp};

mod common;

/// Sets of bar values at the validator's extremes, with the decimals they are shown with.
const ACCEPTED: [(&str, &[&str], u8); 7] = [
    ("huge", &["999999999999999.0", "1.0"], 0),
    ("huge with decimals", &["999999999.999999", "0.000001"], 6),
    ("tiny", &["1e-300", "5e-324"], 6),
    ("many decimals", &["0.123456", "3.141593"], 6),
    ("zero", &["0.0", "0.0"], 0),
    ("all equal", &["42.0", "42.0", "42.0"], 1),
    ("as many bars as allowed", &["7.0"; MAX_BARS], 0),
];

/// The embedded content with both charts' bars replaced by `values`.
fn with_values(values: &[&str], decimals: u8) -> Content {
    let mut text = EMBEDDED_RON.to_owned();
    let mut from = 0;
    while let Some(found) = text[from..].find("bars: [") {
        let open = from + found;
        let close = open + text[open..].find("],").expect("their end");
        let mut bars = String::new();
        for (i, v) in values.iter().enumerate() {
            let _ = write!(bars, "Bar(label: \"b{i}\", value: {v}), ");
        }
        let replacement = format!("decimals: {decimals}, bars: [{bars}");
        text.replace_range(open..close, &replacement);
        from = open + replacement.len();
    }
    assert!(from > 0, "the content has charts");
    // A chart that gave its decimals already keeps only the new ones.
    let text = text.replace("decimals: 1,\n                decimals:", "decimals:");
    parse(&text, "charts.ron", &Source::embedded().headers_only())
        .unwrap_or_else(|e| panic!("the validator accepts {values:?}: {e}"))
}

fn options(content: Content, mode: ModeOptions) -> AppOptions {
    AppOptions {
        mode,
        ..AppOptions::new(Arc::new(content))
    }
}

#[test]
fn the_validators_extremes_draw_on_the_facts_page_slides_and_attract_loop() {
    for (what, values, decimals) in ACCEPTED {
        let content = with_values(values, decimals);
        // The facts page, each chart as a chart and as a table.
        let mut page = common::app(
            common::FULL_HD,
            AppOptions {
                start_page: Page::Facts,
                ..options(content.clone(), ModeOptions::Laptop)
            },
        );
        // The first two charts' tables, one toggle at a time (a pressed one then offers the
        // chart).
        for _ in 0..2 {
            page.get_all_by_label("Show as table")
                .next()
                .expect("a chart's table toggle")
                .click();
            page.run();
        }
        assert_eq!(
            page.query_all_by_label("Show as chart").count(),
            2,
            "{what}: two charts shown as tables"
        );
        // Every slide, the chart slides among them.
        let mut slides = common::app(
            common::FULL_HD,
            options(
                content.clone(),
                ModeOptions::Present(PresentOptions::default()),
            ),
        );
        for _ in 0..20 {
            common::press(&mut slides, Modifiers::NONE, Key::PageDown);
            slides.run();
        }
        // The attract loop through both of its charts (steps 2 and 5).
        let mut kiosk = Harness::builder()
            .with_size(common::FULL_HD)
            .with_step_dt(1.0)
            .with_max_steps(64)
            .build_eframe(move |cc| {
                KioskApp::new(
                    &cc.egui_ctx,
                    options(
                        content.clone(),
                        ModeOptions::Kiosk(KioskOptions {
                            idle: IdleConfig::new(1.0, 0.0, 10.0),
                            ..KioskOptions::default()
                        }),
                    ),
                )
            });
        while kiosk.ctx.input(|i| i.time) < 1.0 + 10.0 * 5.0 + 5.0 {
            kiosk.step();
        }
    }
}

/// A chart of `values`, drawn as the widgets would draw it anywhere.
fn chart(values: &[f64], orientation: Orientation) -> Chart {
    let text = |s: &str| Text::new(vec![s.to_owned()]);
    Chart {
        title: text("Extremes"),
        unit: text("units"),
        category: None,
        orientation,
        decimals: 6,
        bars: values
            .iter()
            .enumerate()
            .map(|(i, &value)| Bar {
                label: text(&format!("b{i}")),
                value,
            })
            .collect(),
        source: text("a test"),
        note: None,
    }
}

#[test]
fn the_chart_widgets_draw_any_value_in_bounded_work() {
    let content = office_kiosk::content::embedded().expect("the embedded content");
    let language = content.languages[0].clone();
    let theme = Theme::light();
    let sets: [&[f64]; 9] = [
        &[f64::MAX, 1.0],
        &[f64::MAX, f64::MAX],
        &[f64::MAX / 4.0, 3.0],
        &[f64::MIN_POSITIVE, 5e-324],
        &[5e-324],
        &[0.0, 0.0],
        &[f64::NAN, 1.0],
        &[f64::INFINITY, f64::NEG_INFINITY, -1.0],
        &[-f64::MAX, 2.0],
    ];
    for values in sets {
        for orientation in [Orientation::Vertical, Orientation::Horizontal] {
            let data = chart(values, orientation);
            for as_table in [false, true] {
                // The kiosk's fonts, installed in the first frame, used from the next.
                let fonts = std::cell::Cell::new(false);
                let mut harness = Harness::builder()
                    .with_size(egui::vec2(1280.0, 900.0))
                    .build_ui(|ui| {
                        if !fonts.replace(true) {
                            office_kiosk::theme::install_fonts(ui.ctx());
                            ui.ctx().request_repaint();
                            return;
                        }
                        let chart = BarChart {
                            chart: &data,
                            lang: LangId(0),
                            language: &language,
                            theme: &theme,
                            progress: 1.0,
                            height: Some(600.0),
                            fill: true,
                        };
                        let view = CardView {
                            source_label: "Source",
                            min_height: 0.0,
                            toggle: Some(TableToggle {
                                as_table,
                                show_table: "Show as table",
                                show_chart: "Show as chart",
                            }),
                        };
                        chart_card(ui, &chart, view);
                        chart.ui(ui, "Source");
                    });
                harness.run();
                // A handful of gridlines, bars and labels: never thousands of shapes.
                let shapes = harness.output().shapes.len();
                assert!(shapes < 500, "{values:?} {orientation:?}: {shapes} shapes");
            }
        }
    }
}
