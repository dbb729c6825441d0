//! `office-kiosk set-pin PATH`: asks for the admin PIN (twice and unseen on a terminal) and
//! writes its salted hash.

use std::io::{BufRead as _, IsTerminal as _};
use std::path::Path;

use anyhow::Context as _;

use crate::pin::PinHash;

/// Runs `office-kiosk set-pin PATH` and returns what to print.
///
/// # Errors
/// When the PIN is not 4 to 12 digits, the two entries differ, or the file cannot be written.
pub fn set_pin(path: &Path) -> anyhow::Result<String> {
    let pin = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("New admin PIN (4 to 12 digits): ")
            .context("cannot read the PIN")?;
        let second =
            rpassword::prompt_password("The same PIN again: ").context("cannot read the PIN")?;
        anyhow::ensure!(first == second, "the two PINs differ; nothing was written");
        first
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("cannot read the PIN from standard input")?;
        line
    };
    write_pin(path, pin.trim())
}

/// Hashes `pin` and writes it to `path`.
///
/// # Errors
/// When the PIN is not 4 to 12 digits or the file cannot be written.
pub fn write_pin(path: &Path, pin: &str) -> anyhow::Result<String> {
    anyhow::ensure!(
        !path.is_dir(),
        "{} is a folder; give the PIN file's own path, such as {}",
        path.display(),
        path.join("admin.pin").display()
    );
    let hash = PinHash::with_random_salt(pin)?;
    hash.save(path)?;
    Ok(format!("wrote the admin PIN's hash to {}", path.display()))
}
