//! Whole-app tests: the real app, driven through its accessibility tree as a visitor would.

use std::sync::Arc;

mod common;
mod wheel;
use wheel::scroll_down;

use eframe::egui::accesskit::Toggled;
use eframe::egui::{self, Key, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use office_kiosk::content::{self, Content};
use office_kiosk::navigation::Page;
use office_kiosk::{AppOptions, KioskApp};

const LANDSCAPE: egui::Vec2 = egui::vec2(1920.0, 1080.0);
const PORTRAIT: egui::Vec2 = egui::vec2(1080.0, 1920.0);

fn content() -> Arc<Content> {
    Arc::new(content::embedded().expect("the embedded content is valid"))
}

fn harness_with(size: egui::Vec2, options: AppOptions) -> Harness<'static, KioskApp> {
    common::app(size, options)
}

fn harness(size: egui::Vec2) -> Harness<'static, KioskApp> {
    harness_with(size, AppOptions::new(content()))
}

/// Taps the navigation button labelled `label` and lets the app settle.
fn tap_nav(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
}

#[test]
fn starts_on_home_with_a_welcome_and_a_tile_per_section() {
    let harness = harness(LANDSCAPE);
    assert_eq!(harness.state().page(), Page::Home);
    harness.get_by_label("Welcome to IOM in Belize");
    for section in [
        "About IOM",
        "IOM in Belize",
        "Facts and figures",
        "Careers",
        "Contact",
    ] {
        // A tile's label starts with its title; the navigation button is the title alone.
        let tiles: Vec<_> = harness
            .query_all_by_role(Role::Button)
            .filter(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.starts_with(&format!("{section}. ")))
            })
            .collect();
        assert_eq!(tiles.len(), 1, "one home tile for {section}");
    }
}

#[test]
fn every_page_is_reached_by_its_navigation_button() {
    let mut harness = harness(LANDSCAPE);
    let pages = [
        ("About IOM", Page::About, "About IOM"),
        ("IOM in Belize", Page::Office, "Secure passports"),
        ("Facts and figures", Page::Facts, "Belize in figures"),
        ("Careers", Page::Careers, "Equal opportunity"),
        ("Contact", Page::Contact, "iombelize@iom.int"),
        ("Home", Page::Home, "Welcome to IOM in Belize"),
    ];
    for (button, page, key_text) in pages {
        tap_nav(&mut harness, button);
        assert_eq!(harness.state().page(), page, "after tapping {button}");
        assert!(
            harness
                .query_all_by_label_contains(key_text)
                .next()
                .is_some(),
            "{page:?} shows {key_text:?}"
        );
        // The current page is marked in the navigation.
        let current = harness.get_by_role_and_label(Role::Button, button);
        assert_eq!(
            current.accesskit_node().toggled(),
            Some(Toggled::True),
            "{button} is marked"
        );
    }
}

#[test]
fn home_tiles_lead_to_their_sections() {
    let mut harness = harness(PORTRAIT);
    harness.get_by_label_contains("Careers. ").click();
    harness.run();
    assert_eq!(harness.state().page(), Page::Careers);
}

#[test]
fn key_pages_show_their_content() {
    let mut harness = harness(LANDSCAPE);
    tap_nav(&mut harness, "IOM in Belize");
    for text in ["Secure passports", "San José", "14.8 %"] {
        assert!(
            harness.query_all_by_label_contains(text).next().is_some(),
            "office page shows {text}"
        );
    }
    tap_nav(&mut harness, "About IOM");
    for text in ["1951", "2016", "175", "171"] {
        harness.get_by_label(text);
    }
    tap_nav(&mut harness, "Contact");
    for text in [
        "Suite 4, 376 Bay Street",
        "+501 223 9500",
        "+501 822 2023",
        "iombelize@iom.int",
    ] {
        harness.get_by_label(text);
    }
    harness.get_by_label_contains("https://www.facebook.com/iom.belize/");
    tap_nav(&mut harness, "Facts and figures");
    for value in ["397.6 thousand", "1.4", "USD 139.5 million", "49.7 %"] {
        harness.get_by_label(value);
    }
}

#[test]
fn switching_language_shows_spanish_everywhere() {
    let mut harness = harness(LANDSCAPE);
    harness
        .get_by_role_and_label(Role::Button, "Español")
        .click();
    harness.run();
    assert_eq!(harness.state().language(), content::LangId(1));
    for label in [
        "Inicio",
        "Quiénes somos",
        "OIM en Belice",
        "Datos y cifras",
        "Trabaje con nosotros",
        "Contacto",
    ] {
        harness.get_by_role_and_label(Role::Button, label);
    }
    // The switch shows each language by its own name, the current one selected.
    let spanish = harness.get_by_role_and_label(Role::Button, "Español");
    assert_eq!(spanish.accesskit_node().toggled(), Some(Toggled::True));
    let english = harness.get_by_role_and_label(Role::Button, "English");
    assert_eq!(english.accesskit_node().toggled(), Some(Toggled::False));
    tap_nav(&mut harness, "Datos y cifras");
    harness.get_by_label("Población");
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Facts and figures");
}

#[test]
fn charts_are_exposed_with_their_titles_and_values() {
    let mut harness = harness(LANDSCAPE);
    tap_nav(&mut harness, "Facts and figures");
    let charts: Vec<String> = harness
        .query_all_by_role(Role::Image)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.contains("): "))
        .collect();
    assert!(charts.len() >= 3, "at least three charts, found {charts:?}");
    let by_year = charts
        .iter()
        .find(|l| l.starts_with("Immigrants living in Belize"))
        .expect("the immigrants-by-year chart");
    for value in ["1990: 30,404", "2005: 41,438", "2020: 62,043"] {
        assert!(by_year.contains(value), "{by_year} has {value}");
    }
    assert!(charts.iter().any(|l| l.contains("Guatemala: 26,767")));
    assert!(charts.iter().any(|l| l.contains("United States: 42,970")));
    // Every chart has its source line.
    let sources = harness
        .query_all_by_label_contains("Source: UN DESA, International Migrant Stock 2020")
        .count();
    assert!(sources >= 3, "each chart shows its source, found {sources}");
}

#[test]
fn presenter_keys_move_between_pages() {
    let mut harness = harness(LANDSCAPE);
    harness.key_press(Key::PageDown);
    harness.run();
    assert_eq!(harness.state().page(), Page::About);
    harness.key_press(Key::PageDown);
    harness.run();
    assert_eq!(harness.state().page(), Page::Office);
    harness.key_press(Key::PageUp);
    harness.run();
    assert_eq!(harness.state().page(), Page::About);
}

#[test]
fn start_page_and_language_come_from_the_options() {
    let options = AppOptions {
        start_page: Page::Facts,
        language: Some("es".into()),
        ..AppOptions::new(content())
    };
    let harness = harness_with(LANDSCAPE, options);
    assert_eq!(harness.state().page(), Page::Facts);
    harness.get_by_label("Belice en cifras");
}

#[test]
fn an_unknown_start_language_falls_back_to_the_default() {
    let options = AppOptions {
        language: Some("fr".into()),
        ..AppOptions::new(content())
    };
    let harness = harness_with(LANDSCAPE, options);
    assert_eq!(harness.state().language(), content::LangId(0));
}

#[test]
fn navigation_buttons_are_large_touch_targets() {
    for size in [LANDSCAPE, PORTRAIT] {
        let harness = harness(size);
        for label in [
            "Home",
            "About IOM",
            "IOM in Belize",
            "Facts and figures",
            "Careers",
            "Contact",
            "English",
            "Español",
        ] {
            let node = harness.get_by_role_and_label(Role::Button, label);
            let rect = node.rect();
            assert!(
                rect.height() >= 64.0 && rect.width() >= 64.0,
                "{label} is {rect:?} at {size:?}"
            );
        }
    }
}

#[test]
fn the_navigation_and_the_language_switch_are_named_groups_in_each_language() {
    for size in [LANDSCAPE, PORTRAIT] {
        let mut harness = harness(size);
        for (language, navigation, switch) in [
            ("English", "Sections", "Language"),
            ("Español", "Secciones", "Idioma"),
        ] {
            tap_nav(&mut harness, language);
            let group = harness.get_by_role_and_label(Role::Navigation, navigation);
            // The page buttons are inside it; the language buttons are not.
            let careers = if language == "English" {
                "Careers"
            } else {
                "Trabaje con nosotros"
            };
            group.get_by_role_and_label(Role::Button, careers);
            assert!(group.query_by_label(language).is_none());
            let languages = harness.get_by_role_and_label(Role::Group, switch);
            languages.get_by_role_and_label(Role::Button, "English");
            languages.get_by_role_and_label(Role::Button, "Español");
        }
    }
}

#[test]
fn images_are_uploaded_once() {
    let mut harness = harness(LANDSCAPE);
    for _ in 0..3 {
        for page in ["IOM in Belize", "Contact"] {
            tap_nav(&mut harness, page);
            // Both show the map below their text: scroll down to it, and let it decode.
            scroll_down(&mut harness);
            for _ in 0..50 {
                if harness
                    .state()
                    .image_shown("images/belize-map.png")
                    .is_some()
                {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
                harness.step();
            }
        }
    }
    assert!(
        harness
            .state()
            .image_shown("images/belize-map.png")
            .is_some()
    );
    // The office page and the contact page show the same map: decoded once, kept as a
    // texture.
    assert_eq!(harness.state().image_decode_count(), 1);
}

#[test]
fn narrow_windows_get_fewer_wider_tiles() {
    for size in [egui::vec2(1080.0, 1080.0), LANDSCAPE, PORTRAIT] {
        let harness = harness(size);
        let tiles: Vec<egui::Rect> = harness
            .query_all_by_role(Role::Button)
            .filter(|n| n.accesskit_node().label().is_some_and(|l| l.contains(". ")))
            .map(|n| n.rect())
            .collect();
        assert_eq!(tiles.len(), 5, "five tiles at {size:?}");
        for tile in tiles {
            assert!(
                tile.width() >= 280.0 && tile.height() >= 200.0,
                "{tile:?} at {size:?}"
            );
        }
    }
}

/// The embedded content with two vacancies: one closing on 15 December 2031, one on
/// 31 January 2032 with a notice.
fn content_with_vacancies() -> Arc<Content> {
    let vacancies = r#"        vacancies: [
            (
                title: {"en": "Project Assistant", "es": "Asistente de proyecto"},
                location: {"en": "Belize City", "es": "Ciudad de Belice"},
                closing: "2031-12-15",
            ),
            (
                title: {"en": "Data Officer", "es": "Oficial de datos"},
                location: {"en": "Belmopan", "es": "Belmopán"},
                closing: "2032-01-31",
                reference: Some("VN 2032/002"),
                url: Some("https://www.iom.int/careers"),
            ),
        ],"#;
    let text = content::EMBEDDED_RON.replacen("        vacancies: [],", vacancies, 1);
    let source = content::Source::embedded();
    Arc::new(content::parse(&text, "vacancies.ron", &source).expect("valid vacancies"))
}

fn careers_at(clock: &office_kiosk::clock::WallClock) -> Harness<'static, KioskApp> {
    let options = AppOptions {
        start_page: Page::Careers,
        clock: clock.clone(),
        ..AppOptions::new(content_with_vacancies())
    };
    harness_with(PORTRAIT, options)
}

#[test]
fn a_vacancy_shows_until_its_closing_day_and_hides_the_day_after_without_a_restart() {
    let day = |y, m, d| jiff::civil::date(y, m, d).at(9, 30, 0, 0);
    let clock = office_kiosk::clock::WallClock::fixed(day(2031, 12, 15));
    let mut harness = careers_at(&clock);
    harness.get_by_label("Project Assistant");
    harness.get_by_label_contains("Apply by: 15 December 2031");
    harness.get_by_label_contains("31 January 2032 · Reference: VN 2032/002");
    assert!(
        harness
            .query_by_label_contains("There are no vacancies")
            .is_none()
    );

    // Past midnight on a kiosk nobody touched: the first has closed.
    clock.set(jiff::civil::date(2031, 12, 16).at(0, 0, 1, 0));
    harness.step();
    harness.run();
    assert!(harness.query_by_label("Project Assistant").is_none());
    harness.get_by_label("Data Officer");

    // After the last closing day, the page says there are none.
    clock.set(day(2032, 2, 1));
    harness.step();
    harness.run();
    assert!(harness.query_by_label("Data Officer").is_none());
    harness.get_by_label_contains("There are no vacancies");
}

#[test]
fn vacancies_read_in_spanish_with_the_long_spanish_date() {
    let clock =
        office_kiosk::clock::WallClock::fixed(jiff::civil::date(2031, 12, 1).at(9, 0, 0, 0));
    let options = AppOptions {
        start_page: Page::Careers,
        language: Some("es".into()),
        clock,
        ..AppOptions::new(content_with_vacancies())
    };
    let harness = harness_with(LANDSCAPE, options);
    harness.get_by_label("Asistente de proyecto");
    harness.get_by_label_contains("15 de diciembre de 2031");
    harness.get_by_label_contains("31 de enero de 2032");
}

#[test]
fn a_clock_before_the_build_date_shows_every_vacancy() {
    // A kiosk offline with a flat clock battery may think it is 1970: nothing is hidden.
    let clock = office_kiosk::clock::WallClock::fixed(jiff::civil::date(2033, 1, 1).at(9, 0, 0, 0));
    let harness = careers_at(&clock);
    assert!(
        harness.query_by_label("Project Assistant").is_none(),
        "closed on a trusted clock"
    );
    clock.set(jiff::civil::date(1970, 1, 1).at(9, 0, 0, 0));
    let mut harness = careers_at(&clock);
    harness.run();
    harness.get_by_label("Project Assistant");
    harness.get_by_label("Data Officer");
}
