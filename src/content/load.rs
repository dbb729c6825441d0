//! Loading content: read a file, parse it into raw structs, validate it into the model,
//! and report every problem as `file:line:column: message`.

use std::path::Path;

use super::error::ProblemKind;
use super::file::read_regular;
use super::limits::MAX_CONTENT_BYTES;
use super::locate::{Locations, Position};
use super::model::Content;
use super::problem::{LoadError, Problem, Severity};
use super::raw::RawContent;
use super::source::{EMBEDDED_NAME, EMBEDDED_RON, Source};
use super::syntax;
use super::validate::{PathProblem, validate};

/// Content that validated, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The content.
    pub content: Content,
    /// Things that work but should be fixed.
    pub warnings: Vec<Problem>,
    /// The file's text as it was parsed: positions in problems refer to it. (Without a
    /// byte-order mark, and with old Mac line ends read as line ends.) Checks that need
    /// the text, such as the fit check, use it instead of reading the file again.
    pub text: String,
}

/// The default content embedded in the binary.
///
/// # Errors
/// Only if the embedded file is broken, which the test suite rules out.
pub fn embedded() -> Result<Content, LoadError> {
    parse(
        EMBEDDED_RON,
        EMBEDDED_NAME,
        &Source::embedded().headers_only(),
    )
}

/// Loads the content file at `path`, decoding every image fully to find broken ones;
/// images are read relative to the file's folder.
///
/// # Errors
/// [`LoadError::Unreadable`] when the file cannot be read, [`LoadError::Invalid`] with every
/// problem found otherwise.
pub fn load(path: &Path) -> Result<Content, LoadError> {
    load_with(path, true).map(|loaded| loaded.content)
}

/// Loads the content file at `path` with its warnings; with `full_decode` false, images are
/// checked by their headers only (fast; the app decodes them when they are shown).
///
/// The file is read once, and only if it is a regular file of at most
/// [`MAX_CONTENT_BYTES`]: a folder, a named pipe or a device is refused at once.
///
/// # Errors
/// As [`load`].
pub fn load_with(path: &Path, full_decode: bool) -> Result<Loaded, LoadError> {
    let bytes = read_regular(path, MAX_CONTENT_BYTES).map_err(|reason| LoadError::Unreadable {
        path: path.display().to_string(),
        reason,
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            // Say where the bad byte is, as for any other mistake in the file.
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let valid = syntax::normalise(valid);
            let line = valid.matches('\n').count() + 1;
            let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Err(LoadError::Invalid(vec![Problem {
                severity: Severity::Error,
                file: path.display().to_string(),
                position: Some(Position { line, column }),
                kind: ProblemKind::Syntax(
                    "the file is not UTF-8 text; save it as UTF-8 in your editor".into(),
                ),
            }]));
        }
    };
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let source = Source::folder(folder);
    let source = if full_decode {
        source
    } else {
        source.headers_only()
    };
    parse_with_warnings(&text, &path.display().to_string(), &source)
}

/// Parses and validates content text; `file` names it in problems.
///
/// # Errors
/// [`LoadError::Invalid`] with every problem found.
pub fn parse(text: &str, file: &str, source: &Source) -> Result<Content, LoadError> {
    parse_with_warnings(text, file, source).map(|loaded| loaded.content)
}

/// Parses and validates content text, keeping the warnings.
///
/// # Errors
/// [`LoadError::Invalid`] with every problem found, warnings included.
pub fn parse_with_warnings(text: &str, file: &str, source: &Source) -> Result<Loaded, LoadError> {
    let text = syntax::normalise(text);
    let raw: RawContent = ron::Options::default().from_str(&text).map_err(|e| {
        let (position, message) = syntax::locate(&text, &e);
        LoadError::Invalid(vec![Problem {
            severity: Severity::Error,
            file: file.to_owned(),
            position: Some(position),
            kind: ProblemKind::Syntax(message),
        }])
    })?;
    let validated = validate(&raw, source);
    let locate =
        |problems: Vec<PathProblem>, severity: Severity, locations: &mut Option<Locations>| {
            let locations = locations.get_or_insert_with(|| Locations::scan(&text));
            problems
                .into_iter()
                .map(|(path, kind)| Problem {
                    severity,
                    file: file.to_owned(),
                    position: locations.find(&path),
                    kind,
                })
                .collect::<Vec<_>>()
        };
    let mut locations = None;
    let warnings = if validated.warnings.is_empty() {
        Vec::new()
    } else {
        locate(validated.warnings, Severity::Warning, &mut locations)
    };
    if let Some(content) = validated.content {
        return Ok(Loaded {
            content,
            warnings,
            text: text.into_owned(),
        });
    }
    let mut problems = locate(validated.errors, Severity::Error, &mut locations);
    problems.extend(warnings);
    problems.sort_by_key(|p| p.position);
    Err(LoadError::Invalid(problems))
}
