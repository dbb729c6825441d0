//! Every figure of the content carries its year and source wherever it is drawn: each
//! headline fact on Home, the facts page, its slide and the attract loop's figure screen;
//! each chart on the facts page, its slide and the attract loop's chart screen. A screen that
//! draws a fact's value without its year and source, or a chart without its source, fails.

use std::sync::Arc;

use eframe::egui::{self, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use office_kiosk::app::{KioskOptions, ModeOptions, PresentOptions};
use office_kiosk::content::{self, Content, LangId};
use office_kiosk::kiosk::idle::IdleConfig;
use office_kiosk::navigation::Page;
use office_kiosk::{AppOptions, KioskApp};

mod common;

/// Every text and image name on screen.
fn said(harness: &Harness<'_, KioskApp>) -> Vec<String> {
    [Role::Label, Role::Image]
        .into_iter()
        .flat_map(|role| harness.query_all_by_role(role))
        .filter_map(|node| {
            let node = node.accesskit_node();
            node.label().or_else(|| node.value())
        })
        .collect()
}

/// The faults of one screen: each fact whose value is drawn without a text giving its year
/// and source, each chart drawn without its source.
fn faults(content: &Content, lang: LangId, said: &[String], screen: &str) -> Vec<String> {
    let source_word = content.labels.source.get(lang);
    let mut faults = Vec::new();
    for fact in &content.facts.facts {
        let value = fact.value.get(lang);
        if !said.iter().any(|s| s.contains(value)) {
            continue;
        }
        let source = fact.source.get(lang);
        let year = fact.year.to_string();
        if !said
            .iter()
            .any(|s| s.contains(&year) && s.contains(source) && s.contains(source_word))
        {
            faults.push(format!(
                "{screen}: {value:?} without \"{year} · {source_word}: {source}\""
            ));
        }
    }
    for chart in &content.facts.charts {
        let title = chart.title.get(lang);
        if !said.iter().any(|s| s.contains(title)) {
            continue;
        }
        let source = format!("{source_word}: {}", chart.source.get(lang));
        if !said.iter().any(|s| s.contains(&source)) {
            faults.push(format!("{screen}: the chart {title:?} without {source:?}"));
        }
    }
    faults
}

fn content() -> Arc<Content> {
    Arc::new(content::embedded().expect("valid content"))
}

#[test]
fn every_figure_carries_its_year_and_source_wherever_it_is_drawn() {
    let content = content();
    let mut found = Vec::new();
    let mut shown = 0;
    let mut attract_figures = 0;
    for (code, lang) in [("en", LangId(0)), ("es", LangId(1))] {
        for size in [common::FULL_HD, egui::vec2(1080.0, 1920.0)] {
            for page in [Page::Home, Page::Facts] {
                let harness = common::app_with(
                    size,
                    AppOptions {
                        start_page: page,
                        language: Some(code.into()),
                        ..AppOptions::new(Arc::clone(&content))
                    },
                    64,
                );
                let screen = format!("{page:?} {code} {size:?}");
                let on_screen = said(&harness);
                // The facts page draws every fact: the test reads what it should.
                if page == Page::Facts {
                    shown += content
                        .facts
                        .facts
                        .iter()
                        .filter(|f| on_screen.iter().any(|s| s.contains(f.value.get(lang))))
                        .count();
                }
                found.extend(faults(&content, lang, &on_screen, &screen));
            }
            // Every slide.
            let mut slides = common::app_with(
                size,
                AppOptions {
                    language: Some(code.into()),
                    mode: ModeOptions::Present(PresentOptions::default()),
                    ..AppOptions::new(Arc::clone(&content))
                },
                64,
            );
            let (_, count) = slides.state().slide().expect("slides");
            for index in 0..count {
                let screen = format!("slide {index} {code} {size:?}");
                found.extend(faults(&content, lang, &said(&slides), &screen));
                slides.key_press(egui::Key::PageDown);
                slides.run();
            }
            // The attract loop's screens, one step each.
            let mut attract = Harness::builder()
                .with_size(size)
                .with_step_dt(0.5)
                .with_max_steps(64)
                .build_eframe({
                    let content = Arc::clone(&content);
                    move |cc| {
                        KioskApp::new(
                            &cc.egui_ctx,
                            AppOptions {
                                language: Some(code.into()),
                                mode: ModeOptions::Kiosk(KioskOptions {
                                    idle: IdleConfig::new(1.0, 0.0, 10.0),
                                    ..KioskOptions::default()
                                }),
                                ..AppOptions::new(content)
                            },
                        )
                    }
                });
            for step in 0..6 {
                while attract.ctx.input(|i| i.time) < 1.0 + 10.0 * f64::from(step) + 5.0 {
                    attract.step();
                }
                let screen = format!("attract step {step} {code} {size:?}");
                let on_screen = said(&attract);
                attract_figures += content
                    .facts
                    .facts
                    .iter()
                    .filter(|f| on_screen.iter().any(|s| s.contains(f.value.get(lang))))
                    .count();
                found.extend(faults(&content, lang, &on_screen, &screen));
            }
        }
    }
    assert_eq!(
        shown,
        4 * content.facts.facts.len(),
        "every fact found on its page"
    );
    assert!(
        attract_figures >= 4,
        "the attract loop's figure screens were read: {attract_figures}"
    );
    assert!(
        found.is_empty(),
        "{} faults:\n{}",
        found.len(),
        found.join("\n")
    );
}
