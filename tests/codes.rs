//! The QR codes visitors take away, read back from the screen as a phone reads them: every
//! code on the contact page decodes to what the content says, at 1920x1080 and 1080x1920,
//! in both languages and in every theme, without scrolling, with modules of at least 4
//! pixels and a white quiet zone. Each code is read on its own, as a phone aimed at it
//! sees it.

use std::sync::Arc;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use office_kiosk::content::{self, CodeKind, LangId};
use office_kiosk::navigation::Page;
use office_kiosk::theme::ThemeKind;
use office_kiosk::{AppOptions, KioskApp};

/// Every code found in the rendered screen, read within each of `places` (the codes' rects
/// in pixels, widened by a few modules, as a phone frames one code): its text and its module
/// size in pixels.
fn read_codes(image: &image::RgbaImage, places: &[egui::Rect]) -> Vec<(String, f32)> {
    places
        .iter()
        .flat_map(|place| {
            let place = place.expand(24.0).intersect(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(image.width() as f32, image.height() as f32),
            ));
            let (x0, y0) = (place.left() as u32, place.top() as u32);
            let crop = image::imageops::crop_imm(
                image,
                x0,
                y0,
                place.width() as u32,
                place.height() as u32,
            )
            .to_image();
            read_all(&crop)
        })
        .collect()
}

/// Every code found in `image`.
fn read_all(image: &image::RgbaImage) -> Vec<(String, f32)> {
    let (width, height) = (image.width() as usize, image.height() as usize);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        let [red, green, blue, _] = image.get_pixel(x as u32, y as u32).0;
        ((u16::from(red) + u16::from(green) + u16::from(blue)) / 3) as u8
    });
    prepared
        .detect_grids()
        .into_iter()
        .map(|grid| {
            let [a, b, ..] = grid.bounds;
            let side = (((b.x - a.x).pow(2) + (b.y - a.y).pow(2)) as f32).sqrt();
            let (meta, text) = grid.decode().expect("a code that decodes");
            let modules = meta.version.to_size() as f32;
            (text, side / modules)
        })
        .collect()
}

/// The contact page rendered, and where its codes are (in pixels).
fn render(
    size: egui::Vec2,
    language: &str,
    theme: ThemeKind,
) -> (image::RgbaImage, Vec<egui::Rect>) {
    let options = AppOptions {
        start_page: Page::Contact,
        language: Some(language.into()),
        theme,
        ..AppOptions::new(Arc::new(content::embedded().expect("valid content")))
    };
    let mut harness = Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, options));
    harness.run();
    let ppp = harness.ctx.pixels_per_point();
    let places = harness
        .query_all_by_role(egui::accesskit::Role::Image)
        .map(|node| {
            let rect = node.rect();
            egui::Rect::from_min_max(rect.min * ppp, rect.max * ppp)
        })
        .collect();
    (harness.render().expect("the page renders"), places)
}

#[test]
fn every_code_reads_back_as_the_content_says_without_scrolling() {
    let content = content::embedded().expect("valid content");
    assert_eq!(
        content.contact.codes.len(),
        3,
        "contact card, email, Facebook"
    );
    for (language, lang) in [("en", LangId(0)), ("es", LangId(1))] {
        let mut expected: Vec<String> = content
            .contact
            .codes
            .iter()
            .map(|code| content.code_payload(code, lang))
            .collect();
        expected.sort();
        for size in [egui::vec2(1920.0, 1080.0), egui::vec2(1080.0, 1920.0)] {
            for theme in [ThemeKind::Light, ThemeKind::Dark, ThemeKind::HighContrast] {
                let (image, places) = render(size, language, theme);
                let mut found = read_codes(&image, &places);
                found.sort_by(|a, b| a.0.cmp(&b.0));
                let texts: Vec<&String> = found.iter().map(|(t, _)| t).collect();
                assert_eq!(
                    texts,
                    expected.iter().collect::<Vec<_>>(),
                    "{language} {size:?} {theme:?}"
                );
                // Codes side by side share one size: the densest drawn at no less than 4
                // pixels a module, the others larger.
                for (text, module) in &found {
                    assert!(
                        *module >= 3.9,
                        "{module} px a module in {text:?} at {size:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_contact_card_holds_every_detail_and_each_code_what_it_says() {
    let content = content::embedded().expect("valid content");
    let card = content.vcard(LangId(1));
    let parsed = parse_card(&card);
    assert_eq!(value(&parsed, "VERSION"), ["3.0"]);
    assert_eq!(value(&parsed, "FN"), ["OIM Belice"]);
    assert_eq!(
        value(&parsed, "ORG"),
        ["Organización Internacional para las Migraciones"]
    );
    // A structured address: street, place, country.
    assert_eq!(
        value(&parsed, "ADR"),
        [";;Suite 4\\, 376 Bay Street;Belize City 501;;;Belice"]
    );
    assert_eq!(
        params(&parsed, "ADR"),
        [vec![("TYPE".to_owned(), vec!["WORK".to_owned()])]]
    );
    assert_eq!(value(&parsed, "TEL"), ["+501 223 9500", "+501 822 2023"]);
    for typed in params(&parsed, "TEL") {
        assert_eq!(
            typed,
            [(
                "TYPE".to_owned(),
                vec!["WORK".to_owned(), "VOICE".to_owned()]
            )]
        );
    }
    assert_eq!(value(&parsed, "EMAIL"), ["iombelize@iom.int"]);
    assert_eq!(value(&parsed, "URL"), ["https://www.iom.int"]);
    // Every line of the card at most 75 octets, lines ended by CRLF.
    assert!(card.ends_with("\r\n"));
    for line in card.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    let payloads: Vec<String> = content
        .contact
        .codes
        .iter()
        .map(|code| (code.kind.clone(), content.code_payload(code, LangId(0))))
        .map(|(kind, payload)| match kind {
            CodeKind::Contact => "vcard".to_owned(),
            _ => payload,
        })
        .collect();
    assert_eq!(
        payloads,
        [
            "vcard",
            "mailto:iombelize@iom.int",
            "https://www.facebook.com/iom.belize/"
        ]
    );
}

/// The properties of the one card in `card`, read by a vCard parser (folded lines joined).
fn parse_card(card: &str) -> Vec<ical::property::Property> {
    let mut cards = ical::VcardParser::new(std::io::BufReader::new(card.as_bytes()));
    let first = cards
        .next()
        .expect("one card")
        .unwrap_or_else(|e| panic!("{e}: {card}"));
    assert!(cards.next().is_none(), "only one card");
    first.properties
}

/// The values of the properties named `name`.
fn value(properties: &[ical::property::Property], name: &str) -> Vec<String> {
    properties
        .iter()
        .filter(|p| p.name == name)
        .map(|p| p.value.clone().unwrap_or_default())
        .collect()
}

/// The parameters of the properties named `name`.
fn params(properties: &[ical::property::Property], name: &str) -> Vec<Vec<(String, Vec<String>)>> {
    properties
        .iter()
        .filter(|p| p.name == name)
        .map(|p| p.params.clone().unwrap_or_default())
        .collect()
}

/// A vCard text value as written, unescaped.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

#[test]
fn a_contact_line_with_commas_semicolons_backslashes_and_accents_reads_back_whole() {
    let hostile = "Of 4; Ñu, 1\\ ó";
    let text =
        content::EMBEDDED_RON.replace("\"Suite 4, 376 Bay Street\"", "\"Of 4; Ñu, 1\\\\ ó\"");
    assert_ne!(text, content::EMBEDDED_RON, "the line was replaced");
    let edited =
        content::parse(&text, "edited.ron", &content::Source::embedded()).expect("still valid");
    for lang in [LangId(0), LangId(1)] {
        let parsed = parse_card(&edited.vcard(lang));
        let adr = value(&parsed, "ADR");
        let street = adr[0].split(';').nth(2).expect("a street");
        // The parser splits components at unescaped semicolons only.
        let components: Vec<String> = split_unescaped(&adr[0])
            .into_iter()
            .map(|c| unescape(&c))
            .collect();
        assert_eq!(components[2], hostile, "street {street:?} in {adr:?}");
    }
    // A line break in a contact line is refused before it could start a new property.
    let broken =
        content::EMBEDDED_RON.replace("\"Suite 4, 376 Bay Street\"", "\"Suite 4\\nTEL:1\"");
    let refused = content::parse(&broken, "broken.ron", &content::Source::embedded());
    assert!(refused.is_err(), "a contact line holds no line break");
}

/// `value` split at the semicolons that are not escaped.
fn split_unescaped(value: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut escaped = false;
    for c in value.chars() {
        match c {
            ';' if !escaped => parts.push(String::new()),
            c => {
                escaped = c == '\\' && !escaped;
                if let Some(last) = parts.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    parts
}

#[test]
fn a_common_decoder_reads_the_spanish_contact_card_without_guessing_its_characters() {
    // zbarimg, the plain command, as a phone's reader would: "Organización", not "Organizaci籀n".
    let (image, _) = render(egui::vec2(1920.0, 1080.0), "es", ThemeKind::Light);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("contact.png");
    image.save(&file).expect("saved");
    let output = std::process::Command::new("zbarimg")
        .arg(&file)
        .output()
        .expect("zbarimg runs (Debian package zbar-tools, installed by scripts/deps.sh)");
    let read = String::from_utf8_lossy(&output.stdout);
    assert!(
        read.contains("ORG:Organización Internacional para las Migraciones"),
        "{read}"
    );
    assert!(read.contains("mailto:iombelize@iom.int"), "{read}");
    assert!(
        read.contains("https://www.facebook.com/iom.belize/"),
        "{read}"
    );
}
