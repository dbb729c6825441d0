//! `office-kiosk check PATH`: prints every problem the [`crate::check`] of a content file
//! found, with its line and column, as text for people or JSON for tools.

use std::path::Path;
use std::process::ExitCode;

use crate::check::{Report, inspect};

/// How `check` writes its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ReportFormat {
    /// Lines a person reads: `file:line:column: error: message`.
    #[default]
    Text,
    /// One JSON object, for tools.
    Json,
}

/// Runs `office-kiosk check PATH`: checks everything (syntax, schema, translations, images
/// fully decoded, texts that will not fit) and returns the report and the exit code:
/// 0 valid (perhaps with warnings), 1 invalid, 2 cannot read.
pub fn check(path: &Path, format: ReportFormat, pin_file: Option<&Path>) -> (String, ExitCode) {
    let mut report = inspect(path);
    if let Some(pin_file) = pin_file {
        report.check_pin_file(pin_file);
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
