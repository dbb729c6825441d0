//! Every visitor can use it: every control has a role and a name in the language shown;
//! charts tell a screen reader their title, unit, source and every value, and show as tables;
//! the reading settings take effect at once, return to the start ones at the idle reset, and
//! are remembered by a laptop.

use std::sync::Arc;

use eframe::egui::accesskit::{Action, Role};
use eframe::egui::{self, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _, by};
use office_kiosk::app::{KioskOptions, ModeOptions};
use office_kiosk::content::{self, Content, LangId, format_number};
use office_kiosk::kiosk::idle::IdleConfig;
use office_kiosk::navigation::Page;
use office_kiosk::theme::Setting;
use office_kiosk::theme::ThemeKind;
use office_kiosk::{AppOptions, KioskApp};

mod common;

fn content() -> Arc<Content> {
    Arc::new(content::embedded().expect("valid content"))
}

fn harness(options: AppOptions) -> Harness<'static, KioskApp> {
    common::app_with(Vec2::new(1920.0, 1080.0), options, 64)
}

fn on(page: Page, language: &str) -> Harness<'static, KioskApp> {
    harness(AppOptions {
        start_page: page,
        language: Some(language.into()),
        ..AppOptions::new(content())
    })
}

/// Clicks each control labelled `label`, one after the other as a visitor would, until
/// none is left (each click relabels its control).
fn click_all(harness: &mut Harness<'_, KioskApp>, label: &str) {
    for _ in 0..16 {
        let Some(node) = harness.query_all_by_label(label).next() else {
            return;
        };
        // As a screen reader does it: the control need not be on screen.
        node.click_accesskit();
        harness.run();
    }
    panic!("{label:?} is still there after 16 clicks");
}

/// The names of every control a screen reader can act on, with their roles.
fn controls(harness: &Harness<'_, KioskApp>) -> Vec<(Role, Option<String>)> {
    harness
        .query_all(by().predicate(|n| {
            n.data().supports_action(Action::Click) || n.data().supports_action(Action::Focus)
        }))
        .map(|n| (n.accesskit_node().role(), n.accesskit_node().label()))
        .collect()
}

#[test]
fn every_control_has_a_role_and_a_name_in_the_language_shown() {
    let content = content();
    // Texts that differ between the languages: a Spanish screen must not speak English.
    let english_only: Vec<String> = Page::ALL
        .iter()
        .map(|p| p.header(&content).nav_label)
        .chain([&content.labels.display, &content.labels.show_table])
        .map(|t| t.get(LangId(0)).to_owned())
        .filter(|en| {
            content.languages.iter().enumerate().skip(1).all(|(i, _)| {
                Page::ALL
                    .iter()
                    .all(|p| p.header(&content).nav_label.get(LangId(i)) != en)
            })
        })
        .collect();
    for language in ["en", "es"] {
        for page in Page::ALL {
            let mut harness = on(page, language);
            let mut states = vec![controls(&harness)];
            let extra = match (page, language) {
                (Page::Home, "en") => Some("Read better"),
                (Page::Home, _) => Some("Leer mejor"),
                (Page::Facts, "en") => Some("Show as table"),
                (Page::Facts, _) => Some("Mostrar como tabla"),
                _ => None,
            };
            if let Some(label) = extra {
                if page == Page::Home {
                    harness.get_by_label(label).click_accesskit();
                    harness.run();
                } else {
                    click_all(&mut harness, label);
                }
                states.push(controls(&harness));
            }
            for found in states {
                assert!(found.len() >= 8, "{page:?} {language}: {found:?}");
                // A scroll bar is the one control that needs no name (WAI-ARIA: "accessible
                // name required: false"); readers announce it by its role and position.
                for (role, name) in found.into_iter().filter(|(r, _)| *r != Role::ScrollBar) {
                    let name = name.unwrap_or_default();
                    assert!(
                        !name.trim().is_empty(),
                        "{page:?} {language}: a {role:?} has no name"
                    );
                    assert_ne!(role, Role::Unknown, "{page:?} {language}: {name:?}");
                    if language == "es" {
                        assert!(
                            !english_only.contains(&name),
                            "{page:?}: {name:?} is English on a Spanish screen"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_window_is_named_after_the_office_in_the_language_shown() {
    for (language, name) in [("en", "IOM Belize"), ("es", "OIM Belice")] {
        let harness = on(Page::Home, language);
        assert_eq!(
            harness.root().accesskit_node().label().as_deref(),
            Some(name)
        );
    }
}

#[test]
fn charts_tell_their_title_unit_source_and_every_value_and_show_as_tables() {
    let content = content();
    for (language, table) in [("en", "Show as table"), ("es", "Mostrar como tabla")] {
        let lang = content.language_by_code(language).expect("a language");
        let mut harness = on(Page::Facts, language);
        let source = content.labels.source.get(lang);
        for chart in &content.facts.charts {
            let title = chart.title.get(lang);
            let said = harness
                .query_all_by_role(Role::Image)
                .filter_map(|n| n.accesskit_node().label())
                .find(|l| l.starts_with(title))
                .unwrap_or_else(|| panic!("chart {title:?} is exposed"));
            assert!(said.contains(chart.unit.get(lang)), "{said}");
            assert!(
                said.ends_with(&format!("{source}: {}", chart.source.get(lang))),
                "{said}"
            );
            for bar in &chart.bars {
                let value = format_number(bar.value, chart.decimals, content.language(lang));
                assert!(
                    said.contains(&format!("{}: {value}", bar.label.get(lang))),
                    "{said} lacks {value}"
                );
            }
        }
        // As tables: each chart a named group of its labels and values.
        click_all(&mut harness, table);
        for chart in &content.facts.charts {
            let group = harness.get_by_role_and_label(Role::Group, chart.title.get(lang));
            for bar in &chart.bars {
                let value = format_number(bar.value, chart.decimals, content.language(lang));
                group.get_by_label(bar.label.get(lang));
                assert!(group.query_all_by_label(&value).next().is_some(), "{value}");
            }
        }
        assert!(harness.query_all_by_role(Role::Image).next().is_none());
    }
}

/// How opaque the text `text` is drawn in the last frame, if it is drawn.
fn text_opacity(harness: &Harness<'_, KioskApp>, text: &str) -> Option<f32> {
    fn find(shape: &egui::Shape, text: &str) -> Option<f32> {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().find_map(|s| find(s, text)),
            // A fading page's colours, its text's fallback among them, are multiplied by
            // its opacity (the glyphs' own colours are changed where they are painted).
            egui::Shape::Text(t) if t.galley.text() == text => {
                Some(f32::from(t.fallback_color.a()) / 255.0)
            }
            _ => None,
        }
    }
    harness
        .output()
        .shapes
        .iter()
        .find_map(|clipped| find(&clipped.shape, text))
}

fn toggle(harness: &mut Harness<'_, KioskApp>, name: &str) {
    if harness
        .query_by_role_and_label(Role::Switch, name)
        .is_none()
    {
        harness
            .get_by_role_and_label(Role::Button, "Read better")
            .click();
        harness.run();
    }
    harness.get_by_role_and_label(Role::Switch, name).click();
    harness.run();
}

#[test]
fn each_setting_takes_effect_at_once_on_the_page_shown() {
    // Frames as a screen draws them, so a fade has frames to show in.
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1920.0, 1080.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(200)
        .build_eframe(move |cc| {
            let options = AppOptions {
                start_page: Page::Facts,
                ..AppOptions::new(content())
            };
            KioskApp::new(&cc.egui_ctx, options)
        });
    harness.run();
    let zoom = harness.ctx.zoom_factor();
    toggle(&mut harness, "Larger text");
    assert!(harness.state().settings().larger_text);
    assert!((harness.ctx.zoom_factor() / zoom - 1.4).abs() < 0.01);
    let switch = harness.get_by_role_and_label(Role::Switch, "Larger text");
    assert_eq!(
        switch.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    assert_eq!(
        harness.state().page(),
        Page::Facts,
        "still on the same page"
    );

    toggle(&mut harness, "High contrast");
    let [r, g, b, _] = eframe::App::clear_color(harness.state(), &egui::Visuals::default());
    assert!(
        [r, g, b].iter().all(|c| (c - 1.0).abs() < 1e-6),
        "the high-contrast background is white: {r} {g} {b}"
    );
    assert_eq!(harness.state().settings().theme(), ThemeKind::HighContrast);

    // With less motion a page is drawn whole in its first frame: no fade.
    let fades_in = |harness: &mut Harness<'_, KioskApp>, to: &str, title: &str| {
        harness.get_by_role_and_label(Role::Button, to).click();
        for _ in 0..8 {
            harness.step();
            if let Some(opacity) = text_opacity(harness, title) {
                harness.run();
                return opacity < 1.0;
            }
        }
        panic!("{title:?} is never drawn");
    };
    assert!(fades_in(&mut harness, "Home", "Welcome to IOM in Belize"));
    toggle(&mut harness, "Less motion");
    assert!(!fades_in(
        &mut harness,
        "Facts and figures",
        "Belize in figures"
    ));

    // Off again: back to the design's size and colours.
    toggle(&mut harness, "Larger text");
    toggle(&mut harness, "High contrast");
    assert!((harness.ctx.zoom_factor() - zoom).abs() < 0.01);
    assert_eq!(harness.state().settings().theme(), ThemeKind::Light);
}

#[test]
fn the_idle_reset_returns_every_setting_to_the_kiosks_start() {
    let mut harness = harness(AppOptions {
        large_text: true,
        mode: ModeOptions::Kiosk(KioskOptions {
            idle: IdleConfig::new(60.0, 20.0, 10.0),
            ..KioskOptions::default()
        }),
        ..AppOptions::new(content())
    });
    let start = harness.state().settings();
    toggle(&mut harness, "Larger text");
    toggle(&mut harness, "High contrast");
    harness
        .get_by_role_and_label(Role::Button, "Español")
        .click();
    harness.run();
    assert_ne!(harness.state().settings(), start);
    for _ in 0..(61 * 4) {
        harness.step();
    }
    assert_eq!(harness.state().settings(), start);
    assert!(harness.state().settings().get(Setting::LargerText));
    assert_eq!(harness.state().language(), LangId(0));
    assert!(!harness.state().is_settings_panel_open());
}

use common::MemoryStorage;

#[test]
fn a_laptop_remembers_the_settings() {
    let mut laptop = on(Page::Home, "en");
    toggle(&mut laptop, "High contrast");
    toggle(&mut laptop, "Less motion");
    let mut storage = MemoryStorage::default();
    eframe::App::save(laptop.state_mut(), &mut storage);
    let mut options = AppOptions::new(content());
    office_kiosk::app::restore_laptop_session(&mut options, Some(&storage));
    let next = harness(options);
    let settings = next.state().settings();
    assert!(settings.high_contrast && settings.less_motion && !settings.larger_text);
}
