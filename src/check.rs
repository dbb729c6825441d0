//! The full check of a content file: syntax, schema, translations, images fully decoded and
//! texts that will not fit their places. `office-kiosk check` prints it; the admin screen runs
//! the same check on a content folder found on a USB stick.

use std::path::Path;

use crate::content::{self, LoadError, Problem, Severity};

/// What a check found.
#[derive(Debug)]
pub struct Report {
    /// The content file, as given.
    pub file: String,
    /// Whether the file could be read at all.
    pub readable: bool,
    /// The declared language codes, once the file parsed far enough to know them.
    pub languages: Option<Vec<String>>,
    /// Every problem, errors and warnings, in the order of the file.
    pub problems: Vec<Problem>,
    /// What is wrong with the admin PIN file, when one was checked.
    pub pin_problem: Option<String>,
}

impl Report {
    /// How many of the problems are errors.
    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    /// Whether the content can be shown: readable, without errors.
    pub fn is_valid(&self) -> bool {
        self.code() == 0
    }

    /// Also checks the admin PIN file at `path`, as the service does before it starts.
    pub fn check_pin_file(&mut self, path: &Path) {
        self.pin_problem = crate::pin::check_file(path).err();
    }

    /// 0 valid (perhaps with warnings), 1 invalid (or a bad PIN file), 2 cannot read.
    pub fn code(&self) -> u8 {
        match (self.readable, self.errors(), &self.pin_problem) {
            (false, _, _) => 2,
            (true, 0, None) => 0,
            (true, _, _) => 1,
        }
    }
}

/// The full check of `office-kiosk check` on the content file at `path` (syntax, schema,
/// translations, images fully decoded, texts that will not fit), without the PIN file.
pub fn inspect(path: &Path) -> Report {
    let file = path.display().to_string();
    match content::load_with(path, true) {
        Ok(loaded) => {
            let mut problems = loaded.warnings;
            // The text the loader read, once: positions refer to it.
            problems.extend(crate::fit::check(&loaded.content, &loaded.text, &file));
            problems.sort_by_key(|p| p.position);
            let languages = loaded.content.languages.iter().map(|l| l.code.clone());
            Report {
                file,
                readable: true,
                languages: Some(languages.collect()),
                problems,
                pin_problem: None,
            }
        }
        Err(LoadError::Unreadable { reason, .. }) => Report {
            problems: vec![Problem {
                severity: Severity::Error,
                file: file.clone(),
                position: None,
                kind: content::ProblemKind::Syntax(format!(
                    "cannot read the content file: {reason}"
                )),
            }],
            file,
            readable: false,
            languages: None,
            pin_problem: None,
        },
        Err(LoadError::Invalid(problems)) => Report {
            file,
            readable: true,
            languages: None,
            problems,
            pin_problem: None,
        },
    }
}
