//! What a laptop window remembers between runs, in eframe's storage: the language and the
//! reading settings (eframe keeps the window's size itself).

use super::options::AppOptions;
use crate::theme::{Setting, Settings};

/// Storage key of the last language.
const LANGUAGE_KEY: &str = "language";

/// Remembers the language `code` and `settings` for the next laptop session.
pub(crate) fn save(storage: &mut dyn eframe::Storage, code: &str, settings: Settings) {
    eframe::set_value(storage, LANGUAGE_KEY, &code);
    for setting in Setting::ALL {
        eframe::set_value(storage, setting.storage_key(), &settings.get(setting));
    }
}

/// The language saved by the last laptop session, if any.
pub fn saved_language(storage: Option<&dyn eframe::Storage>) -> Option<String> {
    storage.and_then(|s| eframe::get_value(s, LANGUAGE_KEY))
}

/// Starts `options` as the last laptop session left them: its language unless one was asked
/// for, and its reading settings on top of those asked for.
pub fn restore_laptop_session(options: &mut AppOptions, storage: Option<&dyn eframe::Storage>) {
    if options.language.is_none() {
        options.language = saved_language(storage);
    }
    let saved = |setting: Setting| {
        storage
            .and_then(|s| eframe::get_value::<bool>(s, setting.storage_key()))
            .unwrap_or(false)
    };
    options.large_text |= saved(Setting::LargerText);
    options.reduced_motion |= saved(Setting::LessMotion);
    if saved(Setting::HighContrast) {
        options.theme = crate::theme::ThemeKind::HighContrast;
    }
}
