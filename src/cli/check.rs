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

/// What a check found.
struct Report {
    file: String,
    /// Whether the file could be read at all.
    readable: bool,
    /// The declared language codes, once the file parsed far enough to know them.
    languages: Option<Vec<String>>,
    problems: Vec<Problem>,
}

impl Report {
    fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    /// 0 valid (perhaps with warnings), 1 invalid, 2 cannot read.
    fn code(&self) -> u8 {
        match (self.readable, self.errors()) {
            (false, _) => 2,
            (true, 0) => 0,
            (true, _) => 1,
        }
    }
}

/// Runs `office-kiosk check PATH`: checks everything (syntax, schema, translations, images
/// fully decoded, texts that will not fit) and returns the report and the exit code:
/// 0 valid (perhaps with warnings), 1 invalid, 2 cannot read.
pub fn check(path: &Path, format: ReportFormat) -> (String, ExitCode) {
    let report = inspect(path);
    let text = match format {
        ReportFormat::Text => text(&report),
        ReportFormat::Json => json(&report),
    };
    (text, ExitCode::from(report.code()))
}

fn inspect(path: &Path) -> Report {
    let file = path.display().to_string();
    match content::load_with(path, true) {
        Ok(loaded) => {
            let mut problems = loaded.warnings;
            // TODO(lead): reuse the text the loader read once it keeps it.
            if let Ok(text) = std::fs::read_to_string(path) {
                problems.extend(crate::fit::check(&loaded.content, &text, &file));
            }
            problems.sort_by_key(|p| p.position);
            let languages = loaded.content.languages.iter().map(|l| l.code.clone());
            Report {
                file,
                readable: true,
                languages: Some(languages.collect()),
                problems,
            }
        }
        Err(LoadError::Unreadable { source, .. }) => Report {
            problems: vec![Problem {
                severity: Severity::Error,
                file: file.clone(),
                position: None,
                kind: content::ProblemKind::Syntax(format!(
                    "cannot read the content file: {source}"
                )),
            }],
            file,
            readable: false,
            languages: None,
        },
        Err(LoadError::Invalid(problems)) => Report {
            file,
            readable: true,
            languages: None,
            problems,
        },
    }
}

fn plural(count: usize, word: &str) -> String {
    format!("{count} {word}{}", if count == 1 { "" } else { "s" })
}

fn text(report: &Report) -> String {
    let mut lines: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    let (errors, warnings) = (report.errors(), report.problems.len() - report.errors());
    let file = &report.file;
    lines.push(match (report.code(), &report.languages) {
        (2, _) => return lines.join("\n"),
        (0, Some(languages)) => format!(
            "{file}: valid ({}: {}), {}",
            plural(languages.len(), "language"),
            languages.join(", "),
            plural(warnings, "warning"),
        ),
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
    })
    .to_string()
}
