//! The content loader, end to end: the embedded Belize content, and every kind of broken
//! file, each reported with its own [`ProblemKind`] at the right line and column.
//!
//! Broken files are the embedded file with one small edit; expected positions are derived
//! from the edited text, never hard-coded.

mod bombs;
mod cmyk;
mod codes;
mod drawable;
mod embedded;
mod files;
mod guide;
mod images;
mod limits;
mod rules;
mod screen;
mod special;
mod syntax;
mod vacancies;
mod validation;

use std::path::{Path, PathBuf};

use office_kiosk::content::{
    Content, EMBEDDED_RON, LangId, LoadError, Position, Problem, ProblemKind, Source, embedded,
    load, parse,
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
