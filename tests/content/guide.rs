//! The numbers the authoring guide quotes about the starter content, recomputed from it, so
//! an edit of the content that changes one fails here until the guide says it too.

use office_kiosk::content::{AUTHORING_GUIDE, EMBEDDED_RON};

/// The number that follows `before` in the guide.
fn quoted(before: &str) -> usize {
    let at = AUTHORING_GUIDE
        .find(before)
        .unwrap_or_else(|| panic!("the guide says {before:?}"));
    AUTHORING_GUIDE[at + before.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or_else(|e| panic!("a number after {before:?}: {e}"))
}

/// Every string of the RON file, as written between its quotes, with escapes read as one
/// character each.
fn strings(ron: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut chars = ron.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut text = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => {
                    chars.next();
                    text.push('?');
                }
                c => text.push(c),
            }
        }
        found.push(text);
    }
    found
}

#[test]
fn the_starter_file_is_the_size_the_guide_says() {
    let kb = quoted("this starter file is about ");
    let actual = EMBEDDED_RON.len() as f64 / 1024.0;
    assert!(
        (actual - kb as f64).abs() <= 1.0,
        "the guide says about {kb} KB; the file is {actual:.1} KB"
    );
}

#[test]
fn the_longest_text_is_as_long_as_the_guide_says() {
    let longest = strings(EMBEDDED_RON)
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0);
    assert_eq!(quoted("the longest text here has "), longest);
}

#[test]
fn the_code_size_the_guide_gives_is_the_kiosks() {
    assert_eq!(
        quoted("A code holds at most "),
        office_kiosk::content::MAX_CODE_BYTES
    );
}
