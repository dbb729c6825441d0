//! Loading content: read a file, parse it into raw structs, validate it into the model,
//! and report every problem as `file:line:column: message`.

use std::path::Path;

use super::error::{LoadError, Problem, ProblemKind};
use super::locate::{Locations, Position};
use super::model::Content;
use super::raw::RawContent;
use super::source::{EMBEDDED_NAME, EMBEDDED_RON, Source};
use super::validate::validate;

/// The default content embedded in the binary.
///
/// # Errors
/// Only if the embedded file is broken, which the test suite rules out.
pub fn embedded() -> Result<Content, LoadError> {
    parse(EMBEDDED_RON, EMBEDDED_NAME, &Source::embedded())
}

/// Loads the content file at `path`; its images are read relative to its folder.
///
/// # Errors
/// [`LoadError::Unreadable`] when the file cannot be read, [`LoadError::Invalid`] with every
/// problem found otherwise.
pub fn load(path: &Path) -> Result<Content, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Unreadable {
        path: path.display().to_string(),
        source,
    })?;
    let folder = path.parent().unwrap_or_else(|| Path::new("."));
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    parse(&text, &path.display().to_string(), &Source::folder(folder))
}

/// Parses and validates content text; `file` names it in problems.
///
/// # Errors
/// [`LoadError::Invalid`] with every problem found.
pub fn parse(text: &str, file: &str, source: &Source) -> Result<Content, LoadError> {
    let raw: RawContent = ron::Options::default().from_str(text).map_err(|e| {
        LoadError::Invalid(vec![Problem {
            file: file.to_owned(),
            position: Some(Position {
                line: e.span.start.line,
                column: e.span.start.col,
            }),
            kind: ProblemKind::Syntax(e.code.to_string()),
        }])
    })?;
    validate(&raw, source).map_err(|problems| {
        let locations = Locations::scan(text);
        let mut problems: Vec<Problem> = problems
            .into_iter()
            .map(|(path, kind)| Problem {
                file: file.to_owned(),
                position: locations.find(&path),
                kind,
            })
            .collect();
        problems.sort_by_key(|p| p.position);
        LoadError::Invalid(problems)
    })
}
