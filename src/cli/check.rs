//! `office-kiosk check PATH`: every problem of a content file with its line and column, as
//! text for people or JSON for tools.

use std::path::Path;
use std::process::ExitCode;

use crate::content::{self, LoadError, Problem, Severity};

/// How `check` writes its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ReportFormat {
    /// Lines a person reads: `file:line:column: error: message`.
    #[default]
    Text,
    /// One JSON object, for tools.
    Json,
}

/// What a check found. The admin screen runs the same check on a content folder found on a
/// USB stick ([`inspect`]).
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
    pin_problem: Option<String>,
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

    /// 0 valid (perhaps with warnings), 1 invalid (or a bad PIN file), 2 cannot read.
    fn code(&self) -> u8 {
        match (self.readable, self.errors(), &self.pin_problem) {
            (false, _, _) => 2,
            (true, 0, None) => 0,
            (true, _, _) => 1,
        }
    }
}

/// Runs `office-kiosk check PATH`: checks everything (syntax, schema, translations, images
/// fully decoded, texts that will not fit) and returns the report and the exit code:
/// 0 valid (perhaps with warnings), 1 invalid, 2 cannot read.
pub fn check(path: &Path, format: ReportFormat, pin_file: Option<&Path>) -> (String, ExitCode) {
    let mut report = inspect(path);
    if let Some(pin_file) = pin_file
        && let Err(problem) = crate::service::check_pin_file(pin_file)
    {
        report.pin_problem = Some(problem);
    }
    let text = match format {
        ReportFormat::Text => text(&report),
        ReportFormat::Json => json(&report),
    };
    if report.code() != 0 {
        crate::service::check_failed(&text);
    }
    (text, ExitCode::from(report.code()))
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

fn plural(count: usize, word: &str) -> String {
    format!("{count} {word}{}", if count == 1 { "" } else { "s" })
}

fn text(report: &Report) -> String {
    let mut lines: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    lines.extend(report.pin_problem.clone());
    let (errors, warnings) = (report.errors(), report.problems.len() - report.errors());
    let file = &report.file;
    lines.push(match (report.code(), &report.languages) {
        (2, _) => return lines.join("\n"),
        (_, Some(languages)) if errors == 0 => {
            let valid = format!(
                "{file}: valid ({}: {}), {}",
                plural(languages.len(), "language"),
                languages.join(", "),
                plural(warnings, "warning"),
            );
            if report.pin_problem.is_some() {
                format!("{valid}; the admin PIN file is not (see above)")
            } else {
                valid
            }
        }
        _ => format!(
            "{file}: invalid: {}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
    });
    lines.join("\n")
}

fn json(report: &Report) -> String {
    let problems: Vec<serde_json::Value> = report
        .problems
        .iter()
        .map(|p| {
            serde_json::json!({
                "severity": p.severity,
                "file": p.file,
                "line": p.position.map(|pos| pos.line),
                "column": p.position.map(|pos| pos.column),
                "message": p.kind.to_string(),
            })
        })
        .collect();
    serde_json::json!({
        "file": report.file,
        "valid": report.code() == 0,
        "readable": report.readable,
        "languages": report.languages,
        "errors": report.errors(),
        "warnings": report.problems.len() - report.errors(),
        "problems": problems,
        "admin_pin_file": report.pin_problem.as_ref().map_or(
            serde_json::Value::Null,
            |problem| serde_json::json!({ "valid": false, "message": problem }),
        ),
    })
    .to_string()
}
