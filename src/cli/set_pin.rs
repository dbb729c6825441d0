//! `office-kiosk set-pin PATH`: asks for the admin PIN (twice and unseen on a terminal) and
//! writes its salted hash, only as a new file or in place of a PIN file
//! ([`crate::pin::PinHash::save`]).

use std::io::{BufRead as _, IsTerminal as _, Read as _};
use std::path::Path;

use anyhow::Context as _;

use crate::pin::PinHash;

/// The most bytes read from standard input for the PIN's line: a PIN has at most 12
/// digits, and spaces around it are allowed; an endless input is cut off here.
const MAX_PIN_LINE_BYTES: u64 = 64;

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
        read_pin_line(&mut std::io::stdin().lock())?
    };
    write_pin(path, pin.trim())
}

/// The first line of `input`, read no further than [`MAX_PIN_LINE_BYTES`].
///
/// # Errors
/// When it cannot be read, is not text, or is longer than a PIN's line can be.
fn read_pin_line(input: &mut dyn std::io::BufRead) -> anyhow::Result<String> {
    let mut line = String::new();
    input
        .take(MAX_PIN_LINE_BYTES + 1)
        .read_line(&mut line)
        .context("cannot read the PIN from standard input")?;
    anyhow::ensure!(
        line.len() as u64 <= MAX_PIN_LINE_BYTES,
        "the first line of standard input is longer than {MAX_PIN_LINE_BYTES} bytes, so it is \
         not a PIN (4 to 12 digits); nothing was written"
    );
    Ok(line)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pin_line_is_read_no_further_than_a_pin_can_be() {
        let mut short = std::io::Cursor::new(b"  2468 \nmore".to_vec());
        assert_eq!(read_pin_line(&mut short).expect("a line"), "  2468 \n");
        // An endless input (`set-pin PATH < /dev/zero`) is cut off at once.
        let mut endless = std::io::BufReader::new(std::io::repeat(b'0'));
        let error = read_pin_line(&mut endless).expect_err("too long");
        assert!(
            error.to_string().contains("longer than 64 bytes"),
            "{error}"
        );
    }
}
