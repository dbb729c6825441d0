//! The content loader, end to end: the embedded Belize content, and every kind of broken
//! file, each reported with its own [`ProblemKind`] at the right line and column.
//!
//! Broken files are the embedded file with one small edit; expected positions are derived
//! from the edited text, never hard-coded.

use std::path::{Path, PathBuf};

use office_kiosk::content::{
    ArticlePage, Card, Content, EMBEDDED_NAME, EMBEDDED_RON, LangId, LoadError, Orientation,
    PageHeader, Position, Problem, ProblemKind, Section, Source, Text, embedded, load, parse,
};

const FILE: &str = "test.ron";
const EN: LangId = LangId(0);
const ES: LangId = LangId(1);

fn manifest_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn map_png() -> Vec<u8> {
    std::fs::read(manifest_path("content/images/belize-map.png")).expect("the bundled map")
}

fn embedded_content() -> Content {
    embedded().expect("the embedded content is valid")
}

/// `content` with every image's byte source forgotten, to compare content loaded from a
/// folder with the embedded content (same texts and image paths, other byte sources).
fn without_image_sources(mut content: Content) -> Content {
    for image in [
        content.about.image.as_mut(),
        content.office.image.as_mut(),
        content.contact.map.as_mut(),
    ]
    .into_iter()
    .flatten()
    {
        image.data = office_kiosk::content::ImageData::Embedded(&[]);
    }
    content
}

/// `text` with its one occurrence of `from` replaced by `to`.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "`{from}` must occur exactly once in the text being edited"
    );
    text.replacen(from, to, 1)
}

/// The embedded file with each `(from, to)` edit applied in turn.
fn edited(edits: &[(&str, &str)]) -> String {
    edits
        .iter()
        .fold(EMBEDDED_RON.to_owned(), |text, (from, to)| {
            edit(&text, from, to)
        })
}

/// The 1-based line and column (in characters) where the one occurrence of `needle` starts.
fn position_of(text: &str, needle: &str) -> Position {
    assert_eq!(
        text.matches(needle).count(),
        1,
        "`{needle}` must occur exactly once to locate it"
    );
    position_at(text, text.find(needle).expect("counted above"))
}

/// The 1-based line and column (in characters) of byte `at`.
fn position_at(text: &str, at: usize) -> Position {
    let before = &text[..at];
    Position {
        line: before.matches('\n').count() + 1,
        column: before.rsplit('\n').next().unwrap_or("").chars().count() + 1,
    }
}

/// The problems found in `text`, whose images are the embedded ones.
fn problems(text: &str) -> Vec<Problem> {
    problems_with(text, &Source::embedded())
}

fn problems_with(text: &str, source: &Source) -> Vec<Problem> {
    match parse(text, FILE, source) {
        Ok(_) => panic!("the edited content should not validate"),
        Err(LoadError::Invalid(problems)) => {
            assert!(!problems.is_empty(), "Invalid always carries problems");
            problems
        }
        Err(e @ LoadError::Unreadable { .. }) => panic!("parse never reads a file: {e}"),
    }
}

/// The single problem in `text`.
fn only_problem(text: &str) -> Problem {
    only(problems(text))
}

fn only(problems: Vec<Problem>) -> Problem {
    assert_eq!(problems.len(), 1, "expected one problem, got {problems:#?}");
    problems.into_iter().next().expect("one problem")
}

fn syntax_message(problem: &Problem) -> &str {
    match &problem.kind {
        ProblemKind::Syntax(message) => message,
        other => panic!("expected a syntax problem, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// The embedded content
// ---------------------------------------------------------------------------------------

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

#[test]
fn every_page_has_a_title_in_both_languages() {
    let content = embedded_content();
    let titles = [
        ("home", &content.home.title),
        ("about", &content.about.header.title),
        ("office", &content.office.header.title),
        ("facts", &content.facts.header.title),
        ("careers", &content.careers.header.title),
        ("contact", &content.contact.header.title),
    ];
    for (page, title) in titles {
        for lang in [EN, ES] {
            assert!(
                !title.get(lang).trim().is_empty(),
                "page {page} has no title in language {lang:?}"
            );
        }
    }
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
    for fact in &facts {
        assert!(!fact.source.get(EN).is_empty() && !fact.source.get(ES).is_empty());
    }
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

    // Women as a share of the immigrants of chart A, if charted.
    if let Some(women) = charts.get(3) {
        assert_eq!(women.decimals, 1);
        assert_eq!(values(3), [46.1, 47.6, 48.9, 49.2, 49.4, 49.7, 49.7]);
    }

    for chart in &charts {
        assert!(!chart.bars.is_empty());
        assert!(
            chart
                .bars
                .iter()
                .all(|b| b.value.is_finite() && b.value >= 0.0)
        );
    }
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
            "Emigrantes de Belice: principales países de residencia, 2020"
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
        assert!(!image.alt.get(EN).is_empty() && !image.alt.get(ES).is_empty());
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
            t.add(format!("careers.vacancies[{i}].closing"), &v.closing);
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
        if let Some(qr) = &contact.qr {
            t.add("contact.qr.caption", &qr.caption);
        }
        t.image("contact.map", contact.map.as_ref());
        t.sections("contact.sections", &contact.sections);
        t
    }
}

#[test]
fn every_text_is_written_in_both_languages() {
    let content = embedded_content();
    let texts = Texts::content(&content);
    assert!(
        texts.0.len() > 150,
        "the walk found only {} texts",
        texts.0.len()
    );
    let mut translated = 0;
    for (path, text) in &texts.0 {
        let (en, es) = (text.get(EN), text.get(ES));
        assert!(!en.trim().is_empty(), "`{path}` is empty in English");
        assert!(!es.trim().is_empty(), "`{path}` is empty in Spanish");
        if en != es {
            translated += 1;
        }
    }
    // Most texts are prose, translated; only names, numbers and addresses read the same.
    assert!(
        translated * 4 > texts.0.len() * 3,
        "only {translated} of {} texts differ between English and Spanish",
        texts.0.len()
    );
    for lang in [EN, ES] {
        assert!(
            content
                .labels
                .idle_countdown
                .get(lang)
                .contains("{seconds}")
        );
    }
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
        c.contact.qr.as_ref().map(|q| q.url.as_str()),
        Some("https://www.facebook.com/iom.belize/")
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

// ---------------------------------------------------------------------------------------
// Syntax and schema errors: reported by the parser, with its position
// ---------------------------------------------------------------------------------------

#[test]
fn missing_comma_is_a_syntax_error_at_the_next_field() {
    let text = edited(&[(
        r#"acronym: {"en": "IOM", "es": "OIM"},"#,
        r#"acronym: {"en": "IOM", "es": "OIM"}"#,
    )]);
    let problem = only_problem(&text);
    assert_eq!(syntax_message(&problem), "Expected comma");
    // RON notices the missing comma at the token that follows it: the next field.
    let next = position_of(&text, "office_name:");
    assert_eq!(problem.position, Some(next));
    assert_eq!(problem.file, FILE);
}

#[test]
fn missing_colon_is_a_syntax_error_on_its_line() {
    let text = edited(&[(
        r#"acronym: {"en": "IOM", "es": "OIM"}"#,
        r#"acronym: {"en": "IOM", "es" "OIM"}"#,
    )]);
    let problem = only_problem(&text);
    assert_eq!(syntax_message(&problem), "Expected colon");
    let line = position_of(&text, r#""es" "OIM""#).line;
    assert_eq!(problem.position.map(|p| p.line), Some(line));
}

#[test]
fn missing_closing_paren_is_a_syntax_error() {
    let text = edited(&[(
        r#"Bar(label: "1995", value: 33446.0),"#,
        r#"Bar(label: "1995", value: 33446.0,"#,
    )]);
    let problem = only_problem(&text);
    // Without the `)`, the next bar reads as a field of this one.
    let message = syntax_message(&problem);
    assert!(
        message.contains("Unexpected field named `Bar`"),
        "{message}"
    );
    let next_bar = position_of(&text, r#"Bar(label: "2000", value: 36488.0)"#);
    assert_eq!(problem.position, Some(next_bar));
}

#[test]
fn unknown_field_names_it_and_lists_the_expected_ones() {
    let text = edited(&[(
        r#"nav_label: {"en": "Home", "es": "Inicio"}"#,
        r#"nav_lable: {"en": "Home", "es": "Inicio"}"#,
    )]);
    let problem = only_problem(&text);
    let message = syntax_message(&problem);
    assert!(message.contains("`nav_lable`"), "{message}");
    assert!(message.contains("HomePage"), "{message}");
    for expected in ["`nav_label`", "`title`", "`welcome`", "`hint`"] {
        assert!(message.contains(expected), "{message} lacks {expected}");
    }
    assert_eq!(problem.position, Some(position_of(&text, "nav_lable")));
}

#[test]
fn unknown_enum_variant_lists_the_variants() {
    let text = edited(&[("icon: Globe,", "icon: Glob,")]);
    let problem = only_problem(&text);
    let message = syntax_message(&problem);
    assert!(message.contains("`Glob`"), "{message}");
    assert!(
        message.contains("`Globe`") && message.contains("`Place`"),
        "{message}"
    );
    assert_eq!(problem.position, Some(position_of(&text, "Glob,")));
}

#[test]
fn missing_field_is_reported_at_the_end_of_its_struct() {
    let hint = r#"        hint: {"en": "Touch a topic to begin", "es": "Toque un tema para comenzar"},
"#;
    let text = edited(&[(hint, "")]);
    let problem = only_problem(&text);
    let message = syntax_message(&problem);
    assert!(
        message.contains("missing field named `hint`") && message.contains("HomePage"),
        "{message}"
    );
    // The parser finds out at the `)` that closes `HomePage(`.
    let home = position_of(&text, "home: HomePage(").line;
    let close = text
        .lines()
        .enumerate()
        .skip(home)
        .find(|(_, line)| *line == "    ),")
        .map(|(i, _)| i + 1)
        .expect("HomePage closes");
    assert_eq!(problem.position.map(|p| p.line), Some(close));
}

#[test]
fn a_wrong_type_is_a_syntax_error_on_its_line() {
    let text = edited(&[(
        "year: 2021,\n                source: {\n                    \"en\": \"IOM country page (World Bank data)\"",
        "year: \"2021\",\n                source: {\n                    \"en\": \"IOM country page (World Bank data)\"",
    )]);
    let problem = only_problem(&text);
    let message = syntax_message(&problem);
    assert!(message.contains("integer"), "{message}");
    let line = position_of(&text, "year: \"2021\"").line;
    assert_eq!(problem.position.map(|p| p.line), Some(line));
}

#[test]
fn a_text_of_the_wrong_shape_is_reported_at_its_value() {
    let text = edited(&[(r#"acronym: {"en": "IOM", "es": "OIM"}"#, r"acronym: 5")]);
    let problem = only_problem(&text);
    let message = syntax_message(&problem);
    assert!(message.contains("expected a text"), "{message}");
    assert!(
        message.contains(r#"{"en": "...""#),
        "shows the form: {message}"
    );
    assert_eq!(
        problem.position.map(|p| p.line),
        Some(position_of(&text, "acronym: 5").line)
    );
}

// ---------------------------------------------------------------------------------------
// Validation problems: found after parsing, located by path
// ---------------------------------------------------------------------------------------

#[test]
fn missing_translation_names_the_text_and_its_line() {
    let es = "            \"es\": \"Aquí puede conocer quiénes somos";
    let start = EMBEDDED_RON.find(es).expect("the Spanish welcome");
    let end = start + EMBEDDED_RON[start..].find('\n').expect("ends its line") + 1;
    let text = edit(EMBEDDED_RON, &EMBEDDED_RON[start..end], "");
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::MissingTranslation {
            path: "home.welcome".into(),
            language: "es".into(),
        }
    );
    // At the `{` that opens the text.
    let welcome = position_of(&text, "welcome: {");
    assert_eq!(
        problem.position,
        Some(Position {
            line: welcome.line,
            column: welcome.column + "welcome: ".len(),
        })
    );
    assert_eq!(
        problem.to_string(),
        format!(
            "{FILE}:{}:{}: error: `home.welcome` has no text in `es`",
            welcome.line,
            welcome.column + 9
        )
    );
}

#[test]
fn an_empty_translation_is_missing_and_located_at_the_empty_string() {
    let text = edited(&[(
        r#"closing_label: {"en": "Apply by", "es": "Postular hasta"}"#,
        r#"closing_label: {"en": "Apply by", "es": ""}"#,
    )]);
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::MissingTranslation {
            path: "careers.closing_label".into(),
            language: "es".into(),
        }
    );
    assert_eq!(
        problem.position,
        Some(position_of(&text, r#""es": """#)).map(|p| Position {
            column: p.column + r#""es": "#.len(),
            ..p
        })
    );
}

#[test]
fn a_blank_plain_string_is_missing_in_every_language() {
    let text = edited(&[(r#"value: "1951","#, r#"value: "  ","#)]);
    let problems = problems(&text);
    let at = position_of(&text, r#""  ""#);
    let kinds: Vec<_> = problems.iter().map(|p| &p.kind).collect();
    assert_eq!(
        kinds,
        [
            &ProblemKind::MissingTranslation {
                path: "about.highlights[0].value".into(),
                language: "en".into(),
            },
            &ProblemKind::MissingTranslation {
                path: "about.highlights[0].value".into(),
                language: "es".into(),
            },
        ]
    );
    assert!(problems.iter().all(|p| p.position == Some(at)));
}

#[test]
fn undeclared_language_key_is_reported_at_its_text() {
    let text = edited(&[(
        r#"acronym: {"en": "IOM", "es": "OIM"}"#,
        r#"acronym: {"en": "IOM", "es": "OIM", "fr": "OIM"}"#,
    )]);
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::UndeclaredLanguage {
            path: "identity.acronym".into(),
            language: "fr".into(),
        }
    );
    let fr = position_of(&text, r#""fr": "OIM""#);
    assert_eq!(
        problem.position,
        Some(Position {
            column: fr.column + r#""fr": "#.len(),
            ..fr
        })
    );
}

#[test]
fn a_chart_without_bars_is_empty() {
    let first_bar =
        r#"Bar(label: {"en": "United States", "es": "Estados Unidos"}, value: 42970.0)"#;
    let bar_at = EMBEDDED_RON.find(first_bar).expect("chart C's first bar");
    let start = EMBEDDED_RON[..bar_at]
        .rfind("bars: [")
        .expect("chart C's bars");
    let end = bar_at + EMBEDDED_RON[bar_at..].find("],").expect("bars close") + 2;
    let text = edit(EMBEDDED_RON, &EMBEDDED_RON[start..end], "bars: [],");
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::EmptyChart("facts.charts[2]".into())
    );
    let bars = position_of(&text, "bars: [],");
    assert_eq!(
        problem.position,
        Some(Position {
            column: bars.column + "bars: ".len(),
            ..bars
        })
    );
    assert_eq!(
        problem.to_string(),
        format!(
            "{FILE}:{}:{}: error: chart `facts.charts[2]` has no bars",
            bars.line,
            bars.column + 6
        )
    );
}

#[test]
fn a_negative_bar_is_reported_at_its_value() {
    let text = edited(&[("value: 46390.0", "value: -46390.0")]);
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::NegativeValue {
            path: "facts.charts[0].bars[4].value".into(),
            value: -46_390.0,
        }
    );
    assert_eq!(problem.position, Some(position_of(&text, "-46390.0")));
    assert!(
        problem
            .to_string()
            .ends_with("`facts.charts[0].bars[4].value` is -46390; a bar cannot be negative"),
        "{problem}"
    );
}

/// RON 0.12 reads `inf`, `-inf` and `NaN` as `f64` values, so the loader must refuse them.
#[test]
fn non_finite_bars_are_reported_at_their_values() {
    let text = edited(&[
        ("value: 36488.0", "value: inf"),
        ("value: 10016.0", "value: -inf"),
        ("value: 2146.0", "value: NaN"),
        // A later problem, to show positions after `-inf` are still found.
        (
            r#"closing_label: {"en": "Apply by", "es": "Postular hasta"}"#,
            r#"closing_label: {"en": "Apply by"}"#,
        ),
    ]);
    let problems = problems(&text);
    let found: Vec<_> = problems.iter().map(|p| (&p.kind, p.position)).collect();
    let closing = position_of(&text, r"closing_label: {");
    assert_eq!(
        found,
        [
            (
                &ProblemKind::NonFiniteValue("facts.charts[0].bars[2].value".into()),
                Some(position_of(&text, "value: inf)")).map(|p| Position {
                    column: p.column + 7,
                    ..p
                }),
            ),
            (
                &ProblemKind::NonFiniteValue("facts.charts[1].bars[1].value".into()),
                Some(position_of(&text, "-inf")),
            ),
            (
                &ProblemKind::NonFiniteValue("facts.charts[2].bars[1].value".into()),
                Some(position_of(&text, "NaN")),
            ),
            (
                &ProblemKind::MissingTranslation {
                    path: "careers.closing_label".into(),
                    language: "es".into(),
                },
                Some(Position {
                    column: closing.column + "closing_label: ".len(),
                    ..closing
                }),
            ),
        ]
    );
}

#[test]
fn a_page_without_title_is_missing_its_title() {
    let text = edited(&[(
        r#"title: {"en": "Belize in figures", "es": "Belice en cifras"}"#,
        r#"title: {"en": "", "es": " "}"#,
    )]);
    let problem = only_problem(&text);
    assert_eq!(problem.kind, ProblemKind::MissingTitle("facts".into()));
    let title = position_of(&text, r#"title: {"en": "", "es": " "}"#);
    assert_eq!(
        problem.position,
        Some(Position {
            column: title.column + "title: ".len(),
            ..title
        })
    );
}

#[test]
fn home_title_as_an_empty_plain_string_is_missing() {
    let title_at =
        EMBEDDED_RON.find("        title: {\n            \"en\": \"Welcome to IOM in Belize\"");
    let title_at = title_at.expect("the home title");
    let end = title_at + EMBEDDED_RON[title_at..].find("},").expect("closes") + 2;
    let text = edit(
        EMBEDDED_RON,
        &EMBEDDED_RON[title_at..end],
        r#"        title: "","#,
    );
    let problem = only_problem(&text);
    assert_eq!(problem.kind, ProblemKind::MissingTitle("home".into()));
    assert_eq!(
        problem.position.map(|p| p.line),
        Some(position_of(&text, r#"title: "","#).line)
    );
}

#[test]
fn an_undeclared_default_language_is_reported() {
    let text = edited(&[(r#"default_language: "en","#, r#"default_language: "fr","#)]);
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::UnknownDefaultLanguage("fr".into())
    );
    assert_eq!(problem.position, Some(position_of(&text, r#""fr""#)));
}

#[test]
fn idle_countdown_needs_its_placeholder() {
    let text = edited(&[("en {seconds} segundos", "en unos segundos")]);
    let problem = only_problem(&text);
    assert_eq!(
        problem.kind,
        ProblemKind::MissingPlaceholder("labels.idle_countdown".into(), "es".into())
    );
    let countdown = position_of(&text, "idle_countdown: {");
    assert_eq!(
        problem.position,
        Some(Position {
            column: countdown.column + "idle_countdown: ".len(),
            ..countdown
        })
    );
    assert!(problem.to_string().contains("{seconds}"), "{problem}");
}

#[test]
fn languages_must_be_declared_once_and_named() {
    let none = edited(&[(
        EMBEDDED_RON
            .split_once("languages: [")
            .and_then(|(_, rest)| rest.split_once("\n    ],"))
            .map(|(list, _)| list)
            .expect("the language list"),
        "",
    )]);
    // Only the list itself is reported, not every text that then lacks a language.
    let kinds: Vec<_> = problems(&none).into_iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [ProblemKind::NoLanguages]);

    let twice = edited(&[(r#"code: "es","#, r#"code: "en","#)]);
    let first = twice.find(r#"code: "en","#).expect("the first");
    let second = first
        + 1
        + twice[first + 1..]
            .find(r#"code: "en","#)
            .expect("the second");
    let duplicate = only(problems(&twice));
    assert_eq!(duplicate.kind, ProblemKind::DuplicateLanguage("en".into()));
    let at = position_at(&twice, second + "code: ".len());
    assert_eq!(duplicate.position, Some(at));
}

// ---------------------------------------------------------------------------------------
// Several problems at once
// ---------------------------------------------------------------------------------------

#[test]
fn every_problem_is_reported_sorted_by_position() {
    // Validation visits the facts page's charts before its header, so the order found
    // differs from the order in the file.
    let text = edited(&[
        (
            r#"acronym: {"en": "IOM", "es": "OIM"}"#,
            r#"acronym: {"en": "IOM"}"#,
        ),
        (
            r#""es": "Cifras clave sobre población y migración en Belice","#,
            "",
        ),
        ("value: 54615.0", "value: -54615.0"),
    ]);
    let error = parse(&text, FILE, &Source::embedded()).expect_err("three problems");
    let problems = error.problems();
    assert_eq!(problems.len(), 3, "{problems:#?}");

    let acronym = position_of(&text, "acronym: {");
    let acronym = Position {
        column: acronym.column + "acronym: ".len(),
        ..acronym
    };
    let summary = position_of(&text, "summary: {\n                \"en\": \"Key numbers");
    let summary = Position {
        column: summary.column + "summary: ".len(),
        ..summary
    };
    let negative = position_of(&text, "-54615.0");

    assert_eq!(
        problems[0].kind,
        ProblemKind::MissingTranslation {
            path: "identity.acronym".into(),
            language: "es".into()
        }
    );
    assert_eq!(problems[0].position, Some(acronym));
    assert_eq!(
        problems[1].kind,
        ProblemKind::MissingTranslation {
            path: "facts.header.summary".into(),
            language: "es".into()
        }
    );
    assert_eq!(problems[1].position, Some(summary));
    assert_eq!(
        problems[2].kind,
        ProblemKind::NegativeValue {
            path: "facts.charts[0].bars[5].value".into(),
            value: -54_615.0
        }
    );
    assert_eq!(problems[2].position, Some(negative));
    let positions: Vec<_> = problems.iter().map(|p| p.position).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);

    assert_eq!(
        error.to_string(),
        format!(
            "3 problems in content:\n  \
             {FILE}:{}:{}: error: `identity.acronym` has no text in `es`\n  \
             {FILE}:{}:{}: error: `facts.header.summary` has no text in `es`\n  \
             {FILE}:{}:{}: error: `facts.charts[0].bars[5].value` is -54615; a bar cannot be negative",
            acronym.line,
            acronym.column,
            summary.line,
            summary.column,
            negative.line,
            negative.column,
        )
    );
}

#[test]
fn one_problem_is_listed_in_the_singular() {
    let text = edited(&[("value: 46390.0", "value: -46390.0")]);
    let error = parse(&text, FILE, &Source::embedded()).expect_err("one problem");
    let at = position_of(&text, "-46390.0");
    assert_eq!(
        error.to_string(),
        format!(
            "1 problem in content:\n  {FILE}:{}:{}: error: `facts.charts[0].bars[4].value` is -46390; a bar cannot be negative",
            at.line, at.column
        )
    );
}

// ---------------------------------------------------------------------------------------
// Files and images
// ---------------------------------------------------------------------------------------

/// A temporary content folder: `content/belize.ron` (as given) and `content/images/`
/// holding the bundled map.
struct Folder {
    root: tempfile::TempDir,
}

impl Folder {
    fn new(ron: &str) -> Self {
        let root = tempfile::tempdir().expect("a temp dir");
        let folder = Self { root };
        std::fs::create_dir_all(folder.content().join("images")).expect("images folder");
        std::fs::write(folder.file(), ron).expect("write the content file");
        std::fs::write(folder.content().join("images/belize-map.png"), map_png())
            .expect("copy the map");
        folder
    }

    fn content(&self) -> PathBuf {
        self.root.path().join("content")
    }

    fn file(&self) -> PathBuf {
        self.content().join("belize.ron")
    }

    fn write(&self, rel: &str, bytes: &[u8]) {
        std::fs::write(self.content().join(rel), bytes).expect("write a test file");
    }

    fn load_problems(&self) -> Vec<Problem> {
        match load(&self.file()) {
            Ok(_) => panic!("the content should not validate"),
            Err(LoadError::Invalid(problems)) => problems,
            Err(e) => panic!("the file is there: {e}"),
        }
    }
}

/// The embedded file with the office page's image at `path` instead of the map.
fn office_image(path: &str) -> String {
    edited(&[(
        "image: Some(Image(\n            path: \"images/belize-map.png\"",
        &format!("image: Some(Image(\n            path: {path:?}"),
    )])
}

/// Position of the office image's path value.
fn office_image_position(text: &str) -> Position {
    let at = position_of(text, "image: Some(Image(\n            path: ");
    Position {
        line: at.line + 1,
        column: 13 + "path: ".len(),
    }
}

#[test]
fn loading_a_copy_of_the_content_folder_works() {
    let folder = Folder::new(EMBEDDED_RON);
    let content = load(&folder.file()).expect("the copy is valid");
    // Images were read from the copy's folder, not the working directory's `content/`.
    assert_eq!(
        without_image_sources(content.clone()),
        without_image_sources(embedded_content())
    );
    let map = content.contact.map.expect("the contact map");
    assert_eq!(map.path, "images/belize-map.png");
    assert!(map.width > 0);
    assert!(matches!(
        map.data,
        office_kiosk::content::ImageData::File { .. }
    ));
}

#[test]
fn image_paths_are_relative_to_the_content_file() {
    // The same file one folder deeper, with its images beside it, also loads.
    let root = tempfile::tempdir().expect("a temp dir");
    let deeper = root.path().join("a/b");
    std::fs::create_dir_all(deeper.join("images")).expect("folders");
    std::fs::write(deeper.join("kiosk.ron"), EMBEDDED_RON).expect("write");
    std::fs::write(deeper.join("images/belize-map.png"), map_png()).expect("copy");
    assert!(load(&deeper.join("kiosk.ron")).is_ok());

    // Without the images beside it, both images are unreadable.
    std::fs::remove_file(deeper.join("images/belize-map.png")).expect("remove");
    let error = load(&deeper.join("kiosk.ron")).expect_err("no images");
    let paths: Vec<_> = error
        .problems()
        .iter()
        .map(|p| match &p.kind {
            ProblemKind::ImageUnreadable { path, .. } => path.as_str(),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(paths, ["images/belize-map.png", "images/belize-map.png"]);
    let file = deeper.join("kiosk.ron").display().to_string();
    assert!(error.problems().iter().all(|p| p.file == file));
}

#[test]
fn load_of_a_missing_file_is_unreadable() {
    let root = tempfile::tempdir().expect("a temp dir");
    let path = root.path().join("nowhere.ron");
    match load(&path) {
        Err(error @ LoadError::Unreadable { .. }) => {
            assert!(error.problems().is_empty());
            let message = error.to_string();
            assert!(message.contains("nowhere.ron"), "{message}");
            if let LoadError::Unreadable {
                path: given,
                source,
            } = &error
            {
                assert_eq!(given, &path.display().to_string());
                assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
            }
        }
        other => panic!("expected Unreadable, got {other:?}"),
    }
}

#[test]
fn a_missing_image_is_unreadable() {
    let text = office_image("images/missing.png");
    let folder = Folder::new(&text);
    let problem = only(folder.load_problems());
    match &problem.kind {
        ProblemKind::ImageUnreadable { path, reason } => {
            assert_eq!(path, "images/missing.png");
            assert!(!reason.is_empty());
        }
        other => panic!("expected ImageUnreadable, got {other:?}"),
    }
    assert_eq!(problem.position, Some(office_image_position(&text)));
    assert_eq!(problem.file, folder.file().display().to_string());

    // The same through `parse` with a folder source.
    let via_parse = only(problems_with(&text, &Source::folder(folder.content())));
    assert_eq!(via_parse.kind, problem.kind);
    assert_eq!(via_parse.position, problem.position);
}

#[test]
fn a_missing_embedded_image_is_unreadable() {
    let text = office_image("images/missing.png");
    let problem = only_problem(&text);
    assert!(
        matches!(&problem.kind, ProblemKind::ImageUnreadable { path, .. } if path == "images/missing.png"),
        "{problem:?}"
    );
}

fn assert_undecodable(rel: &str, bytes: &[u8]) {
    let text = office_image(rel);
    let folder = Folder::new(&text);
    folder.write(rel, bytes);
    let problem = only(folder.load_problems());
    match &problem.kind {
        ProblemKind::ImageUndecodable { path, reason } => {
            assert_eq!(path, rel);
            assert!(!reason.is_empty());
        }
        other => panic!("{rel}: expected ImageUndecodable, got {other:?}"),
    }
    assert_eq!(problem.position, Some(office_image_position(&text)));
}

#[test]
fn a_text_file_named_png_is_undecodable() {
    assert_undecodable("images/notes.png", b"This is not an image.\n");
}

#[test]
fn an_empty_png_is_undecodable() {
    assert_undecodable("images/empty.png", b"");
}

#[test]
fn a_truncated_png_is_undecodable() {
    let png = map_png();
    assert!(png.len() > 200);
    assert_undecodable("images/truncated.png", &png[..200]);
}

#[test]
fn image_paths_with_dot_dot_or_absolute_escape() {
    let outside_abs = manifest_path("content/images/belize-map.png")
        .display()
        .to_string();
    for rel in [
        "../belize-map.png",
        "images/../../belize-map.png",
        outside_abs.as_str(),
        "",
    ] {
        let text = office_image(rel);
        let folder = Folder::new(&text);
        // The file exists outside the folder, so only the escape stops it.
        std::fs::write(folder.root.path().join("belize-map.png"), map_png()).expect("copy");
        let problem = only(folder.load_problems());
        assert_eq!(problem.kind, ProblemKind::PathEscapes(rel.into()), "{rel}");
        assert_eq!(
            problem.position,
            Some(office_image_position(&text)),
            "{rel}"
        );
        // The embedded source refuses them just the same.
        assert_eq!(
            only_problem(&text).kind,
            ProblemKind::PathEscapes(rel.into())
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_folder_escapes() {
    let text = office_image("images/link.png");
    let folder = Folder::new(&text);
    let outside = folder.root.path().join("outside.png");
    std::fs::write(&outside, map_png()).expect("copy");
    std::os::unix::fs::symlink(&outside, folder.content().join("images/link.png"))
        .expect("symlink");
    let problem = only(folder.load_problems());
    assert_eq!(
        problem.kind,
        ProblemKind::PathEscapes("images/link.png".into())
    );
    assert_eq!(problem.position, Some(office_image_position(&text)));
}

#[cfg(unix)]
#[test]
fn a_symlink_inside_the_folder_is_followed() {
    let text = office_image("images/link.png");
    let folder = Folder::new(&text);
    std::os::unix::fs::symlink("belize-map.png", folder.content().join("images/link.png"))
        .expect("symlink");
    let content = load(&folder.file()).expect("a link inside the folder is fine");
    let image = content.office.image.expect("the office image");
    assert_eq!(image.path, "images/link.png");
    // The link resolves to the same file as the map.
    assert_eq!(image.data, content.contact.map.expect("the map").data);
}

#[test]
fn image_problems_are_reported_with_text_problems() {
    let text = edited(&[
        (
            "image: Some(Image(\n            path: \"images/belize-map.png\"",
            "image: Some(Image(\n            path: \"images/gone.png\"",
        ),
        ("value: 46390.0", "value: -46390.0"),
    ]);
    let folder = Folder::new(&text);
    let problems = folder.load_problems();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(matches!(
        problems[0].kind,
        ProblemKind::ImageUnreadable { .. }
    ));
    assert_eq!(problems[0].position, Some(office_image_position(&text)));
    assert!(matches!(
        problems[1].kind,
        ProblemKind::NegativeValue { .. }
    ));
    assert_eq!(problems[1].position, Some(position_of(&text, "-46390.0")));
}
