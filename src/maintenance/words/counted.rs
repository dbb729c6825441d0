//! The admin screen's sentences with a number in them, singular or plural as the number
//! asks, and the content's state in one line.

use super::{Word, is_spanish};
use crate::content::watch::ReloadStatus;

/// A sentence with a count in it, its noun singular or plural as the count asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// "Wrong PIN: 4 tries left".
    TriesLeft(u32),
    /// "Too many wrong PINs: try again in 12 seconds".
    LockedFor(u32),
    /// "3 digits entered", for a screen reader on the PIN pad.
    DigitsEntered(usize),
    /// "2 warnings (see the log)".
    Warnings(usize),
    /// "1 error".
    Errors(usize),
    /// "Last 7 days", a span of the usage figures.
    LastDays(u16),
    /// "12 seconds", how long slow work has run.
    Seconds(u64),
    /// "34 files copied".
    FilesCopied(u64),
}

impl Counted {
    /// The sentence in the language with `code`.
    pub fn text(self, code: &str) -> String {
        let es = is_spanish(code);
        let pick = |one: bool, forms: [&'static str; 4]| match (es, one) {
            (false, true) => forms[0],
            (false, false) => forms[1],
            (true, true) => forms[2],
            (true, false) => forms[3],
        };
        match self {
            Self::TriesLeft(n) => pick(
                n == 1,
                [
                    "Wrong PIN: 1 try left",
                    "Wrong PIN: {n} tries left",
                    "PIN incorrecto: queda 1 intento",
                    "PIN incorrecto: quedan {n} intentos",
                ],
            )
            .replace("{n}", &n.to_string()),
            Self::LockedFor(n) => pick(
                n == 1,
                [
                    "Too many wrong PINs: try again in 1 second",
                    "Too many wrong PINs: try again in {n} seconds",
                    "Demasiados PIN incorrectos: vuelva a intentarlo en 1 segundo",
                    "Demasiados PIN incorrectos: vuelva a intentarlo en {n} segundos",
                ],
            )
            .replace("{n}", &n.to_string()),
            Self::DigitsEntered(n) => pick(
                n == 1,
                [
                    "1 digit entered",
                    "{n} digits entered",
                    "1 dígito escrito",
                    "{n} dígitos escritos",
                ],
            )
            .replace("{n}", &n.to_string()),
            Self::Warnings(n) => pick(
                n == 1,
                [
                    "1 warning (see the log)",
                    "{n} warnings (see the log)",
                    "1 advertencia (vea el registro)",
                    "{n} advertencias (vea el registro)",
                ],
            )
            .replace("{n}", &n.to_string()),
            Self::Errors(n) => pick(n == 1, ["1 error", "{n} errors", "1 error", "{n} errores"])
                .replace("{n}", &n.to_string()),
            Self::Seconds(n) => pick(
                n == 1,
                ["1 second", "{n} seconds", "1 segundo", "{n} segundos"],
            )
            .replace("{n}", &n.to_string()),
            Self::FilesCopied(n) => pick(
                n == 1,
                [
                    "1 file copied",
                    "{n} files copied",
                    "1 archivo copiado",
                    "{n} archivos copiados",
                ],
            )
            .replace("{n}", &n.to_string()),
            Self::LastDays(n) => pick(
                n == 1,
                [
                    "Last day",
                    "Last {n} days",
                    "Último día",
                    "Últimos {n} días",
                ],
            )
            .replace("{n}", &n.to_string()),
        }
    }
}

/// The content's state in one line, in the language with `code`: what the PIN pad's last
/// line and the admin screen say.
pub fn content_state(status: &ReloadStatus, code: &str) -> String {
    let warnings = |n: usize| {
        if n == 0 {
            String::new()
        } else {
            format!(" {}", Counted::Warnings(n).text(code))
        }
    };
    match status {
        ReloadStatus::BuiltIn => format!(
            "{}: {}",
            Word::ContentState.text(code),
            Word::BuiltIn.text(code)
        ),
        ReloadStatus::Unchanged => Word::StateUnchanged.text(code).to_owned(),
        ReloadStatus::Reloaded { warnings: n } => {
            format!("{}{}", Word::StateReloaded.text(code), warnings(*n))
        }
        ReloadStatus::Installed { warnings: n } => {
            format!("{}{}", Word::StateInstalled.text(code), warnings(*n))
        }
        ReloadStatus::NotWatching(why) => {
            format!("{} {why}", Word::StateNotWatching.text(code))
        }
        ReloadStatus::Rejected { errors, problems } => format!(
            "{} ({}) {}",
            Word::Rejected.text(code),
            Counted::Errors(*errors).text(code),
            problems.first().map_or("", String::as_str)
        ),
    }
}
