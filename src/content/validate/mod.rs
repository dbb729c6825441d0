//! Turns [`raw`](super::raw) structs into the checked [`model`](super::model), collecting
//! every problem (not only the first) with the path of the value it concerns.

mod contact;
mod languages;
mod text;

use super::builtin::Label;
use super::error::ProblemKind;
use super::limits::{
    LARGE_IMAGE_SIDE, LIKELY_YEARS, MAX_BARS, MAX_CHART_DIGITS, MAX_DECIMALS, MAX_LIST_ITEMS,
};
use super::model::{
    ArticlePage, Bar, Card, CareersPage, Chart, Content, Fact, FactsPage, Highlight, HomePage,
    Identity, Image, Labels, LangId, PageHeader, Section, Vacancy,
};
use super::raw::{
    RawArticlePage, RawCard, RawCareersPage, RawChart, RawContent, RawFactsPage, RawImage,
    RawPageHeader, RawSection,
};
use super::source::Source;

/// A problem found while validating, located by the path of its value.
pub(crate) type PathProblem = (String, ProblemKind);

/// What validation found: the model when there were no errors, and every problem.
pub(crate) struct Validated {
    pub content: Option<Content>,
    pub errors: Vec<PathProblem>,
    pub warnings: Vec<PathProblem>,
}

/// Checks `raw` and builds the model; images are read through `source`.
pub(crate) fn validate(raw: &RawContent, source: &Source) -> Validated {
    let mut v = Validator {
        codes: Vec::new(),
        problems: Vec::new(),
        warnings: Vec::new(),
        source,
        languages_broken: false,
        // Read once: a vacancy that closed before today is a warning.
        today: crate::clock::WallClock::system().trusted_today(),
    };
    let languages = v.languages(raw);
    let default_language = languages
        .iter()
        .position(|l| l.code == raw.default_language)
        .map(LangId);
    if default_language.is_none() && !languages.is_empty() {
        v.problem(
            "default_language",
            ProblemKind::UnknownDefaultLanguage(raw.default_language.clone()),
        );
    }

    let identity = Identity {
        organization: v.line(&raw.identity.organization, "identity.organization"),
        acronym: v.line(&raw.identity.acronym, "identity.acronym"),
        office_name: v.line(&raw.identity.office_name, "identity.office_name"),
    };
    let l = &raw.labels;
    let labels = Labels {
        navigation: v.line(&l.navigation, "labels.navigation"),
        language: v.line(&l.language, "labels.language"),
        source: v.line(&l.source, "labels.source"),
        idle_title: v.line(&l.idle_title, "labels.idle_title"),
        idle_countdown: v.text(&l.idle_countdown, "labels.idle_countdown"),
        touch_to_continue: v.line(&l.touch_to_continue, "labels.touch_to_continue"),
        attract_invite: v.text(&l.attract_invite, "labels.attract_invite"),
        display: v.label(l.display.as_ref(), Label::Display),
        larger_text: v.label(l.larger_text.as_ref(), Label::LargerText),
        high_contrast: v.label(l.high_contrast.as_ref(), Label::HighContrast),
        less_motion: v.label(l.less_motion.as_ref(), Label::LessMotion),
        show_table: v.label(l.show_table.as_ref(), Label::ShowTable),
        show_chart: v.label(l.show_chart.as_ref(), Label::ShowChart),
        idle_countdown_one: v.label(l.idle_countdown_one.as_ref(), Label::IdleCountdownOne),
    };
    for (i, code) in v.codes.clone().iter().enumerate() {
        if !labels.idle_countdown.get(LangId(i)).contains("{seconds}") {
            v.problem(
                "labels.idle_countdown",
                ProblemKind::MissingPlaceholder("labels.idle_countdown".into(), code.clone()),
            );
        }
    }

    let home = HomePage {
        nav_label: v.line(&raw.home.nav_label, "home.nav_label"),
        title: v.title(&raw.home.title, "home.title", "home"),
        welcome: v.text(&raw.home.welcome, "home.welcome"),
        hint: v.text(&raw.home.hint, "home.hint"),
    };
    let about = v.article(&raw.about, "about");
    let office = v.article(&raw.office, "office");
    let facts = v.facts(&raw.facts);
    let careers = v.careers(&raw.careers);
    let contact = v.contact(&raw.contact);

    if !v.problems.is_empty() {
        return Validated {
            content: None,
            errors: v.problems,
            warnings: v.warnings,
        };
    }
    let content = Content {
        languages,
        default_language: default_language.unwrap_or_default(),
        identity,
        labels,
        home,
        about,
        office,
        facts,
        careers,
        contact,
    };
    // What the codes hold is built from the whole content: check it fits a code.
    let errors = contact::codes_fit(&content);
    Validated {
        content: errors.is_empty().then_some(content),
        errors,
        warnings: v.warnings,
    }
}

struct Validator<'s> {
    /// Declared language codes, in order.
    codes: Vec<String>,
    problems: Vec<PathProblem>,
    warnings: Vec<PathProblem>,
    source: &'s Source,
    /// The language list has a problem of its own.
    languages_broken: bool,
    /// Today on the system's clock, when it can be trusted.
    today: Option<jiff::civil::Date>,
}

impl Validator<'_> {
    fn problem(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push((path.into(), kind));
    }

    /// A fact's year: 0 or below is an error; far from today, a warning.
    fn year(&mut self, year: i32, path: &str) {
        if year <= 0 {
            self.problem(
                path,
                ProblemKind::BadYear {
                    path: path.to_owned(),
                    year,
                },
            );
        } else if !LIKELY_YEARS.contains(&year) {
            self.warnings.push((
                path.to_owned(),
                ProblemKind::UnlikelyYear {
                    path: path.to_owned(),
                    year,
                    earliest: *LIKELY_YEARS.start(),
                    latest: *LIKELY_YEARS.end(),
                },
            ));
        }
    }

    /// The items of a list to check: all of them, or, past the limit, the first
    /// [`MAX_LIST_ITEMS`] after reporting the rest at the first one too many.
    fn within_limit<'r, T>(&mut self, items: &'r [T], path: &str) -> &'r [T] {
        self.within(items, path, MAX_LIST_ITEMS)
    }

    /// As [`Validator::within_limit`], with a limit of `max` items.
    fn within<'r, T>(&mut self, items: &'r [T], path: &str, max: usize) -> &'r [T] {
        if items.len() <= max {
            return items;
        }
        self.problem(
            format!("{path}[{max}]"),
            ProblemKind::TooManyItems {
                path: path.to_owned(),
                count: items.len(),
                max,
            },
        );
        &items[..max]
    }

    fn header(&mut self, raw: &RawPageHeader, page: &str) -> PageHeader {
        let path = format!("{page}.header");
        PageHeader {
            nav_label: self.line(&raw.nav_label, &format!("{path}.nav_label")),
            title: self.title(&raw.title, &format!("{path}.title"), page),
            summary: self.text(&raw.summary, &format!("{path}.summary")),
            icon: raw.icon,
            lead: self.opt_text(raw.lead.as_ref(), &format!("{path}.lead")),
        }
    }

    fn sections(&mut self, raw: &[RawSection], path: &str) -> Vec<Section> {
        self.within_limit(raw, path)
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let path = format!("{path}[{i}]");
                Section {
                    heading: self.line(&s.heading, &format!("{path}.heading")),
                    paragraphs: self.texts(&s.paragraphs, &format!("{path}.paragraphs")),
                    code: s
                        .code
                        .as_ref()
                        .map(|c| self.code(c, &format!("{path}.code"))),
                }
            })
            .collect()
    }

    fn cards(&mut self, raw: &[RawCard], path: &str) -> Vec<Card> {
        self.within_limit(raw, path)
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let path = format!("{path}[{i}]");
                Card {
                    icon: c.icon,
                    title: self.line(&c.title, &format!("{path}.title")),
                    text: self.text(&c.text, &format!("{path}.text")),
                }
            })
            .collect()
    }

    fn image(&mut self, raw: Option<&RawImage>, path: &str) -> Option<Image> {
        let raw = raw?;
        self.plain(&raw.path, &format!("{path}.path"));
        let alt = self.text(&raw.alt, &format!("{path}.alt"));
        let caption = raw
            .caption
            .as_ref()
            .map(|c| self.line(c, &format!("{path}.caption")));
        match self.source.image(&raw.path) {
            Ok(checked) => {
                if checked.width.max(checked.height) > LARGE_IMAGE_SIDE {
                    self.warnings.push((
                        format!("{path}.path"),
                        ProblemKind::ImageLargerThanScreens {
                            path: raw.path.clone(),
                            width: checked.width,
                            height: checked.height,
                            max: LARGE_IMAGE_SIDE,
                        },
                    ));
                }
                Some(Image {
                    path: raw.path.clone(),
                    data: checked.data,
                    width: checked.width,
                    height: checked.height,
                    alt,
                    caption,
                })
            }
            Err(kind) => {
                self.problem(format!("{path}.path"), kind);
                None
            }
        }
    }

    fn article(&mut self, raw: &RawArticlePage, page: &str) -> ArticlePage {
        let highlights = self
            .within_limit(&raw.highlights, &format!("{page}.highlights"))
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let path = format!("{page}.highlights[{i}]");
                Highlight {
                    value: self.line(&h.value, &format!("{path}.value")),
                    label: self.line(&h.label, &format!("{path}.label")),
                }
            })
            .collect();
        ArticlePage {
            header: self.header(&raw.header, page),
            highlights,
            highlights_source: self.opt_text(
                raw.highlights_source.as_ref(),
                &format!("{page}.highlights_source"),
            ),
            cards_heading: self
                .opt_text(raw.cards_heading.as_ref(), &format!("{page}.cards_heading")),
            cards: self.cards(&raw.cards, &format!("{page}.cards")),
            sections: self.sections(&raw.sections, &format!("{page}.sections")),
            image: self.image(raw.image.as_ref(), &format!("{page}.image")),
        }
    }

    fn chart(&mut self, raw: &RawChart, path: &str) -> Chart {
        if raw.bars.is_empty() {
            self.problem(
                format!("{path}.bars"),
                ProblemKind::EmptyChart(path.to_owned()),
            );
        }
        let decimals = u8::try_from(raw.decimals)
            .unwrap_or(MAX_DECIMALS)
            .min(MAX_DECIMALS);
        // Below this, a value has at most MAX_CHART_DIGITS digits with the chart's decimals.
        let whole = MAX_CHART_DIGITS.saturating_sub(u32::from(decimals));
        let ceiling = 10f64.powi(i32::try_from(whole).unwrap_or(i32::MAX));
        let bars = self
            .within(&raw.bars, &format!("{path}.bars"), MAX_BARS)
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let bar_path = format!("{path}.bars[{i}]");
                let value_path = format!("{bar_path}.value");
                if !b.value.is_finite() {
                    self.problem(&value_path, ProblemKind::NonFiniteValue(value_path.clone()));
                } else if b.value < 0.0 {
                    self.problem(
                        &value_path,
                        ProblemKind::NegativeValue {
                            path: value_path.clone(),
                            value: b.value,
                        },
                    );
                } else if b.value >= ceiling {
                    self.problem(
                        &value_path,
                        ProblemKind::ChartValueTooLarge {
                            path: value_path.clone(),
                            value: b.value,
                            decimals,
                            max_digits: MAX_CHART_DIGITS,
                        },
                    );
                }
                Bar {
                    label: self.line(&b.label, &format!("{bar_path}.label")),
                    value: b.value,
                }
            })
            .collect();
        if raw.decimals > u32::from(MAX_DECIMALS) {
            self.problem(
                format!("{path}.decimals"),
                ProblemKind::TooManyDecimals {
                    path: format!("{path}.decimals"),
                    decimals: raw.decimals,
                    max: MAX_DECIMALS,
                },
            );
        }
        Chart {
            title: self.line(&raw.title, &format!("{path}.title")),
            unit: self.line(&raw.unit, &format!("{path}.unit")),
            category: raw
                .category
                .as_ref()
                .map(|c| self.line(c, &format!("{path}.category"))),
            orientation: raw.orientation,
            decimals,
            bars,
            source: self.text(&raw.source, &format!("{path}.source")),
            note: self.opt_text(raw.note.as_ref(), &format!("{path}.note")),
        }
    }

    fn facts(&mut self, raw: &RawFactsPage) -> FactsPage {
        let facts = self
            .within_limit(&raw.facts, "facts.facts")
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let path = format!("facts.facts[{i}]");
                self.year(f.year, &format!("{path}.year"));
                Fact {
                    value: self.line(&f.value, &format!("{path}.value")),
                    label: self.line(&f.label, &format!("{path}.label")),
                    year: f.year,
                    source: self.text(&f.source, &format!("{path}.source")),
                }
            })
            .collect();
        let charts = self
            .within_limit(&raw.charts, "facts.charts")
            .iter()
            .enumerate()
            .map(|(i, c)| self.chart(c, &format!("facts.charts[{i}]")))
            .collect();
        FactsPage {
            header: self.header(&raw.header, "facts"),
            facts,
            charts,
        }
    }

    fn careers(&mut self, raw: &RawCareersPage) -> CareersPage {
        let vacancies = self
            .within_limit(&raw.vacancies, "careers.vacancies")
            .iter()
            .enumerate()
            .map(|(i, vac)| {
                let path = format!("careers.vacancies[{i}]");
                if let Some(reference) = &vac.reference {
                    self.plain(reference, &format!("{path}.reference"));
                }
                if let Some(url) = &vac.url {
                    self.link(url, &format!("{path}.url"));
                }
                Vacancy {
                    title: self.line(&vac.title, &format!("{path}.title")),
                    location: self.line(&vac.location, &format!("{path}.location")),
                    closing: self.closing(&vac.closing, &format!("{path}.closing")),
                    reference: vac.reference.clone(),
                    url: vac.url.clone(),
                }
            })
            .collect();
        CareersPage {
            header: self.header(&raw.header, "careers"),
            cards_heading: self.opt_text(raw.cards_heading.as_ref(), "careers.cards_heading"),
            cards: self.cards(&raw.cards, "careers.cards"),
            sections: self.sections(&raw.sections, "careers.sections"),
            vacancies_heading: self.line(&raw.vacancies_heading, "careers.vacancies_heading"),
            vacancies,
            no_vacancies: self.text(&raw.no_vacancies, "careers.no_vacancies"),
            closing_label: self.text(&raw.closing_label, "careers.closing_label"),
            reference_label: self.text(&raw.reference_label, "careers.reference_label"),
        }
    }
}
