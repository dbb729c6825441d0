//! `office-kiosk init DIR`: a complete, valid starter content folder for another office,
//! written whole or not at all ([`crate::content::write_starter`]).

use std::path::Path;

/// Runs `office-kiosk init DIR`: writes the Belize content, its images and the authoring
/// guide into `dir` (new or empty), as a starting point for another office, and returns
/// what to print.
///
/// # Errors
/// When `dir` is not empty or cannot be written.
pub fn init(dir: &Path) -> anyhow::Result<String> {
    let files = crate::content::write_starter(dir)?;
    let mut out: Vec<String> = files
        .iter()
        .map(|name| format!("wrote {}", dir.join(name).display()))
        .collect();
    out.push(format!(
        "Edit {} (see README.md beside it), then: office-kiosk check {0}",
        dir.join("content.ron").display()
    ));
    Ok(out.join("\n"))
}
