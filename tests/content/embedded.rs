//! The embedded Belize content: what it holds, as CONTENT-SOURCES.md gives it.

use office_kiosk::content::{
    ArticlePage, Card, Content, EMBEDDED_NAME, Orientation, PageHeader, Section, Text, load,
};

use crate::{EN, ES, embedded_content, manifest_path, without_image_sources};

#[test]
fn embedded_content_validates_with_english_and_spanish() {
    let content = embedded_content();
    let codes: Vec<&str> = content.languages.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["en", "es"]);
    assert_eq!(content.languages[0].name, "English");
    assert_eq!(content.languages[1].name, "Español");
    assert_eq!(content.default_language, EN);
    assert_eq!(content.language_by_code("es"), Some(ES));
    assert_eq!(content.language_by_code("EN"), Some(EN));
    assert_eq!(content.language_by_code("fr"), None);
    for language in &content.languages {
        assert_eq!(language.decimal_separator, ".");
        assert_eq!(language.thousands_separator, ",");
    }
}

/// That every page has a title is the validator's rule, tested in `validation`; here, that
/// the titles are Belize's, in the right language each.
#[test]
fn the_page_titles_are_the_belize_ones() {
    let content = embedded_content();
    assert_eq!(content.about.header.title.get(EN), "Who we are");
    assert_eq!(content.about.header.title.get(ES), "Quiénes somos");
    assert_eq!(content.home.title.get(EN), "Welcome to IOM in Belize");
    assert_eq!(
        content.home.title.get(ES),
        "Le damos la bienvenida a la OIM en Belice"
    );
    assert_eq!(content.facts.header.title.get(EN), "Belize in figures");
    assert_eq!(content.facts.header.title.get(ES), "Belice en cifras");
}

#[test]
fn facts_page_has_the_four_headline_facts() {
    let facts = embedded_content().facts.facts;
    let years: Vec<i32> = facts.iter().map(|f| f.year).collect();
    assert_eq!(years, [2020, 2021, 2021, 2020]);
    // The figures as CONTENT-SOURCES.md gives them, whatever words surround them.
    let figures = ["397.6", "1.4", "139.5", "49.7"];
    for (fact, figure) in facts.iter().zip(figures) {
        for lang in [EN, ES] {
            let value = fact.value.get(lang);
            assert!(value.contains(figure), "`{value}` should show {figure}");
        }
    }
    assert!(facts[1].label.get(EN).contains("Net migration rate"));
    assert!(facts[2].value.get(EN).contains("USD"));
    assert_eq!(facts[0].label.get(EN), "Population");
    assert_eq!(facts[0].label.get(ES), "Población");
    assert_eq!(facts[2].label.get(ES), "Remesas");
    assert!(facts[3].source.get(EN).contains("30,833 of 62,043"));
}

#[test]
fn charts_match_content_sources() {
    let charts = embedded_content().facts.charts;
    assert!(charts.len() >= 3, "only {} charts", charts.len());
    let values = |i: usize| -> Vec<f64> { charts[i].bars.iter().map(|b| b.value).collect() };
    let labels =
        |i: usize| -> Vec<&str> { charts[i].bars.iter().map(|b| b.label.get(EN)).collect() };

    // Chart A: immigrants living in Belize.
    assert_eq!(charts[0].orientation, Orientation::Vertical);
    assert_eq!(
        labels(0),
        ["1990", "1995", "2000", "2005", "2010", "2015", "2020"]
    );
    assert_eq!(
        values(0),
        [
            30_404.0, 33_446.0, 36_488.0, 41_438.0, 46_390.0, 54_615.0, 62_043.0
        ]
    );
    assert_eq!(charts[0].bars.first().map(|b| b.value), Some(30_404.0));
    assert_eq!(charts[0].bars.last().map(|b| b.value), Some(62_043.0));
    assert!((charts[0].max_value() - 62_043.0).abs() < 1e-9);
    assert_eq!(charts[0].unit.get(ES), "personas");
    assert_eq!(
        charts[0].source.get(EN),
        "UN DESA, International Migrant Stock 2020"
    );

    // Chart B: immigrants by country of origin.
    assert_eq!(charts[1].orientation, Orientation::Horizontal);
    assert_eq!(
        labels(1),
        [
            "Guatemala",
            "El Salvador",
            "Honduras",
            "United States",
            "Mexico",
            "China",
            "Canada",
            "India",
            "Jamaica",
            "United Kingdom",
        ]
    );
    assert_eq!(
        values(1),
        [
            26_767.0, 10_016.0, 9_784.0, 4_647.0, 3_997.0, 2_323.0, 914.0, 670.0, 561.0, 462.0
        ]
    );
    assert_eq!(charts[1].bars[3].label.get(ES), "Estados Unidos");

    // Chart C: emigrants by country of residence.
    assert_eq!(charts[2].orientation, Orientation::Horizontal);
    assert_eq!(
        values(2),
        [
            42_970.0, 2_146.0, 2_127.0, 1_694.0, 1_007.0, 984.0, 392.0, 372.0, 344.0
        ]
    );
    assert_eq!(charts[2].bars[0].label.get(EN), "United States");
    assert_eq!(charts[2].bars[6].label.get(ES), "Islas Caimán");

    // Chart D: women as a share of the immigrants of chart A.
    assert_eq!(charts.len(), 4, "the four charts of CONTENT-SOURCES.md");
    assert_eq!(charts[3].orientation, Orientation::Vertical);
    assert_eq!(charts[3].decimals, 1);
    assert_eq!(values(3), [46.1, 47.6, 48.9, 49.2, 49.4, 49.7, 49.7]);
}

#[test]
fn careers_link_and_country_chart_titles_say_what_the_sources_say() {
    let c = embedded_content();
    // CONTENT-SOURCES.md, "IOM's public website": vacancies are on the careers page.
    let careers = "https://www.iom.int/careers";
    let how_to_apply = c
        .careers
        .sections
        .iter()
        .find(|s| s.heading.get(EN) == "How to apply")
        .expect("a How to apply section");
    for lang in [EN, ES] {
        assert!(
            how_to_apply
                .paragraphs
                .iter()
                .any(|p| p.get(lang).contains(careers)),
            "How to apply ({lang:?}) should name {careers}"
        );
        let none = c.careers.no_vacancies.get(lang);
        assert!(none.contains(careers), "`{none}` should name {careers}");
    }
    // Charts B and C show the main countries only, and say so in both languages.
    let charts = &c.facts.charts;
    let titles = |i: usize| (charts[i].title.get(EN), charts[i].title.get(ES));
    assert_eq!(
        titles(1),
        (
            "Immigrants in Belize: main countries of origin, 2020",
            "Inmigrantes en Belice: principales países de origen, 2020"
        )
    );
    assert_eq!(
        titles(2),
        (
            "Emigrants born in Belize: main countries of residence, 2020",
            "Personas nacidas en Belice: principales países de residencia, 2020"
        )
    );
}

#[test]
fn embedded_images_are_decoded() {
    let content = embedded_content();
    let images: Vec<_> = content.images().collect();
    assert_eq!(images.len(), 2, "the office image and the contact map");
    for image in images {
        assert_eq!(image.path, "images/belize-map.png");
        assert_eq!(
            (image.width, image.height),
            (900, 1200),
            "read from the header"
        );
        let pixels =
            office_kiosk::content::decode(&image.path, &image.data, 600).expect("the map decodes");
        assert_eq!(
            (pixels.width, pixels.height),
            (450, 600),
            "decoded at the size shown"
        );
        assert_eq!(
            pixels.rgba.len(),
            pixels.width as usize * pixels.height as usize * 4
        );
    }
}

/// Every text of the model, with a readable path.
#[derive(Default)]
struct Texts<'c>(Vec<(String, &'c Text)>);

impl<'c> Texts<'c> {
    fn add(&mut self, path: impl Into<String>, text: &'c Text) {
        self.0.push((path.into(), text));
    }

    fn opt(&mut self, path: &str, text: Option<&'c Text>) {
        if let Some(text) = text {
            self.add(path, text);
        }
    }

    fn header(&mut self, path: &str, header: &'c PageHeader) {
        self.add(format!("{path}.nav_label"), &header.nav_label);
        self.add(format!("{path}.title"), &header.title);
        self.add(format!("{path}.summary"), &header.summary);
        self.opt(&format!("{path}.lead"), header.lead.as_ref());
    }

    fn cards(&mut self, path: &str, cards: &'c [Card]) {
        for (i, card) in cards.iter().enumerate() {
            self.add(format!("{path}[{i}].title"), &card.title);
            self.add(format!("{path}[{i}].text"), &card.text);
        }
    }

    fn sections(&mut self, path: &str, sections: &'c [Section]) {
        for (i, section) in sections.iter().enumerate() {
            self.add(format!("{path}[{i}].heading"), &section.heading);
            for (j, paragraph) in section.paragraphs.iter().enumerate() {
                self.add(format!("{path}[{i}].paragraphs[{j}]"), paragraph);
            }
        }
    }

    fn image(&mut self, path: &str, image: Option<&'c office_kiosk::content::Image>) {
        if let Some(image) = image {
            self.add(format!("{path}.alt"), &image.alt);
            self.opt(&format!("{path}.caption"), image.caption.as_ref());
        }
    }

    fn article(&mut self, path: &str, page: &'c ArticlePage) {
        self.header(&format!("{path}.header"), &page.header);
        for (i, h) in page.highlights.iter().enumerate() {
            self.add(format!("{path}.highlights[{i}].value"), &h.value);
            self.add(format!("{path}.highlights[{i}].label"), &h.label);
        }
        self.opt(
            &format!("{path}.highlights_source"),
            page.highlights_source.as_ref(),
        );
        self.opt(
            &format!("{path}.cards_heading"),
            page.cards_heading.as_ref(),
        );
        self.cards(&format!("{path}.cards"), &page.cards);
        self.sections(&format!("{path}.sections"), &page.sections);
        self.image(&format!("{path}.image"), page.image.as_ref());
    }

    fn content(content: &'c Content) -> Self {
        let mut t = Self::default();
        t.add("identity.organization", &content.identity.organization);
        t.add("identity.acronym", &content.identity.acronym);
        t.add("identity.office_name", &content.identity.office_name);
        let labels = &content.labels;
        t.add("labels.navigation", &labels.navigation);
        t.add("labels.language", &labels.language);
        t.add("labels.source", &labels.source);
        t.add("labels.idle_title", &labels.idle_title);
        t.add("labels.idle_countdown", &labels.idle_countdown);
        t.add("labels.touch_to_continue", &labels.touch_to_continue);
        t.add("labels.attract_invite", &labels.attract_invite);
        t.add("home.nav_label", &content.home.nav_label);
        t.add("home.title", &content.home.title);
        t.add("home.welcome", &content.home.welcome);
        t.add("home.hint", &content.home.hint);
        t.article("about", &content.about);
        t.article("office", &content.office);

        let facts = &content.facts;
        t.header("facts.header", &facts.header);
        for (i, fact) in facts.facts.iter().enumerate() {
            t.add(format!("facts.facts[{i}].value"), &fact.value);
            t.add(format!("facts.facts[{i}].label"), &fact.label);
            t.add(format!("facts.facts[{i}].source"), &fact.source);
        }
        for (i, chart) in facts.charts.iter().enumerate() {
            let chart_path = format!("facts.charts[{i}]");
            t.add(format!("{chart_path}.title"), &chart.title);
            t.add(format!("{chart_path}.unit"), &chart.unit);
            t.add(format!("{chart_path}.source"), &chart.source);
            t.opt(&format!("{chart_path}.note"), chart.note.as_ref());
            for (j, bar) in chart.bars.iter().enumerate() {
                t.add(format!("{chart_path}.bars[{j}].label"), &bar.label);
            }
        }

        let careers = &content.careers;
        t.header("careers.header", &careers.header);
        t.opt("careers.cards_heading", careers.cards_heading.as_ref());
        t.cards("careers.cards", &careers.cards);
        t.sections("careers.sections", &careers.sections);
        t.add("careers.vacancies_heading", &careers.vacancies_heading);
        for (i, v) in careers.vacancies.iter().enumerate() {
            t.add(format!("careers.vacancies[{i}].title"), &v.title);
            t.add(format!("careers.vacancies[{i}].location"), &v.location);
        }
        t.add("careers.no_vacancies", &careers.no_vacancies);
        t.add("careers.closing_label", &careers.closing_label);
        t.add("careers.reference_label", &careers.reference_label);

        let contact = &content.contact;
        t.header("contact.header", &contact.header);
        for (i, item) in contact.items.iter().enumerate() {
            t.add(format!("contact.items[{i}].label"), &item.label);
            for (j, line) in item.lines.iter().enumerate() {
                t.add(format!("contact.items[{i}].lines[{j}]"), line);
            }
        }
        for (i, code) in contact.codes.iter().enumerate() {
            t.add(format!("contact.codes[{i}].caption"), &code.caption);
        }
        t.image("contact.map", contact.map.as_ref());
        t.sections("contact.sections", &contact.sections);
        t
    }
}

/// That every text has every language is the validator's rule, tested in `validation`;
/// here, that the Spanish is a translation and not the English copied: most texts are
/// prose, and only names, numbers and addresses read the same in both.
#[test]
fn most_texts_are_translated_not_copied() {
    let content = embedded_content();
    let texts = Texts::content(&content);
    assert!(
        texts.0.len() > 150,
        "the walk found only {} texts",
        texts.0.len()
    );
    let same: Vec<&str> = texts
        .0
        .iter()
        .filter(|(_, text)| text.get(EN) == text.get(ES))
        .map(|(path, _)| path.as_str())
        .collect();
    assert!(
        same.len() * 4 < texts.0.len(),
        "{} of {} texts read the same in English and Spanish: {same:?}",
        same.len(),
        texts.0.len()
    );
}

#[test]
fn texts_spot_checks() {
    let c = embedded_content();
    let both = |en: &str, es: &str| Text::new(vec![en.to_owned(), es.to_owned()]);
    assert_eq!(c.identity.acronym, both("IOM", "OIM"));
    assert_eq!(c.identity.office_name, both("IOM Belize", "OIM Belice"));
    assert_eq!(c.labels.source, both("Source", "Fuente"));
    assert_eq!(c.home.nav_label, both("Home", "Inicio"));
    assert_eq!(c.about.header.nav_label.get(ES), "Quiénes somos");
    assert_eq!(
        c.facts.header.nav_label,
        both("Facts and figures", "Datos y cifras")
    );
    assert_eq!(c.careers.header.nav_label.get(ES), "Trabaje con nosotros");
    assert_eq!(c.contact.header.nav_label, both("Contact", "Contacto"));
    assert_eq!(c.about.highlights[0].value.get(ES), "1951");
    assert_eq!(
        c.office.highlights[1].value,
        both("About 15 %", "Cerca del 15 %")
    );
    assert!(c.careers.vacancies.is_empty());
    assert_eq!(c.contact.items[1].lines[0].get(ES), "+501 223 9500");
    assert_eq!(
        c.contact.codes.last().map(|code| &code.kind),
        Some(&office_kiosk::content::CodeKind::Link(
            "https://www.facebook.com/iom.belize/".into()
        ))
    );
}

#[test]
fn the_content_file_on_disk_loads_to_the_embedded_content() {
    let from_disk = load(&manifest_path(EMBEDDED_NAME)).expect("content/belize.ron is valid");
    assert_eq!(
        without_image_sources(from_disk),
        without_image_sources(embedded_content())
    );
}
