//! The admin screen's words, built in, in English and Spanish: staff read them, not
//! visitors, so content files need not carry them. A language other than Spanish falls back
//! to English, as the built-in interface labels do (`content::builtin`).

/// A word or sentence of the admin screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[expect(missing_docs, reason = "each variant is its English text")]
pub enum Word {
    Title,
    UpdateContent,
    UsageFigures,
    ScreenHours,
    Restart,
    Leave,
    Close,
    ClosesByItself,
    ContentState,
    File,
    BuiltIn,
    Loaded,
    NoProblems,
    StateUnchanged,
    StateReloaded,
    StateInstalled,
    StateNotWatching,
    Warnings,
    Rejected,
    LookAgain,
    NoSticks,
    Languages,
    HasProblems,
    Check,
    Valid,
    Invalid,
    Install,
    InstallsInto,
    Installed,
    NotInstalled,
    Undo,
    Undone,
    AlwaysOn,
    OnFrom,
    OffFrom,
    Earlier,
    Later,
    HoursExplained,
    ClockWrong,
    NotSaved,
    UsageNone,
    Last7Days,
    Last30Days,
    Export,
    Exported,
    NoStick,
    Since,
    SessionsTotal,
    SessionsPerDay,
    PagesViewed,
    LanguagesChosen,
    UnitSessions,
    UnitViews,
    UnitChoices,
    Source,
    UsageSource,
    UsageNote,
}

impl Word {
    /// The text in the language with `code`: Spanish for `es`, English otherwise.
    pub fn text(self, code: &str) -> &'static str {
        let es = code.eq_ignore_ascii_case("es") || code.to_ascii_lowercase().starts_with("es-");
        let (en, sp) = match self {
            Self::Title => ("Kiosk administration", "Administración del quiosco"),
            Self::UpdateContent => ("Update content", "Actualizar el contenido"),
            Self::UsageFigures => ("Usage figures", "Cifras de uso"),
            Self::ScreenHours => ("Screen hours", "Horario de la pantalla"),
            Self::Restart => ("Restart", "Reiniciar"),
            Self::Leave => ("Leave the kiosk", "Salir del quiosco"),
            Self::Close => ("Close", "Cerrar"),
            Self::ClosesByItself => (
                "This screen closes by itself after a minute without a touch.",
                "Esta pantalla se cierra sola tras un minuto sin tocarla.",
            ),
            Self::ContentState => ("Content shown", "Contenido en pantalla"),
            Self::File => ("File", "Archivo"),
            Self::BuiltIn => (
                "the content built into the program",
                "el contenido incluido en el programa",
            ),
            Self::Loaded => ("Loaded", "Cargado"),
            Self::NoProblems => ("No problems.", "Sin problemas."),
            Self::StateUnchanged => (
                "As loaded at the start; a saved change to the file is shown by itself.",
                "Tal como se cargó al inicio; un cambio guardado en el archivo se muestra solo.",
            ),
            Self::StateReloaded => (
                "Reloaded after a change to the file.",
                "Recargado tras un cambio en el archivo.",
            ),
            Self::StateInstalled => (
                "Installed from the admin screen.",
                "Instalado desde la pantalla de administración.",
            ),
            Self::StateNotWatching => (
                "Changes to the file are not seen until a restart:",
                "Los cambios en el archivo no se ven hasta reiniciar:",
            ),
            Self::Warnings => ("warnings (see the log)", "advertencias (vea el registro)"),
            Self::Rejected => (
                "The last change to the file was not loaded, because of these problems; the \
                 version before it is shown:",
                "El último cambio del archivo no se cargó por estos problemas; se muestra la \
                 versión anterior:",
            ),
            Self::LookAgain => ("Look again", "Buscar de nuevo"),
            Self::NoSticks => (
                "No content folder found. Insert a USB stick holding a folder with a \
                 content.ron file, wait a few seconds, then touch Look again.",
                "No se encontró ninguna carpeta de contenido. Inserte una memoria USB con \
                 una carpeta que tenga un archivo content.ron, espere unos segundos y toque \
                 Buscar de nuevo.",
            ),
            Self::Languages => ("Languages", "Idiomas"),
            Self::HasProblems => ("Content with problems", "Contenido con problemas"),
            Self::Check => (
                "Touch a folder to check it; only a valid one can be installed.",
                "Toque una carpeta para revisarla; solo una válida se puede instalar.",
            ),
            Self::Valid => ("Valid: it can be installed.", "Válido: se puede instalar."),
            Self::Invalid => (
                "Cannot be installed. Fix these problems on a computer, then try again:",
                "No se puede instalar. Corrija estos problemas en una computadora y vuelva \
                 a intentarlo:",
            ),
            Self::Install => ("Install", "Instalar"),
            Self::InstallsInto => ("Installs into", "Se instala en"),
            Self::Installed => (
                "Installed: the kiosk shows the new content.",
                "Instalado: el quiosco muestra el nuevo contenido.",
            ),
            Self::NotInstalled => (
                "Not installed; the content shown has not changed.",
                "No se instaló; el contenido en pantalla no cambió.",
            ),
            Self::Undo => (
                "Undo: bring back the previous content",
                "Deshacer: volver al contenido anterior",
            ),
            Self::Undone => (
                "The previous content is back.",
                "El contenido anterior ha vuelto.",
            ),
            Self::AlwaysOn => ("Always on", "Siempre encendida"),
            Self::OnFrom => ("On from", "Encendida desde"),
            Self::OffFrom => ("Off from", "Apagada desde"),
            Self::Earlier => ("Earlier", "Antes"),
            Self::Later => ("Later", "Después"),
            Self::HoursExplained => (
                "Outside these hours the screen is black and the kiosk rests; a touch wakes \
                 it for a while.",
                "Fuera de este horario la pantalla está negra y el quiosco descansa; un \
                 toque la despierta un rato.",
            ),
            Self::ClockWrong => (
                "The clock of this computer is wrong, so the screen stays on.",
                "El reloj de esta computadora está mal, así que la pantalla sigue encendida.",
            ),
            Self::NotSaved => (
                "The setting works until the next restart; it could not be saved:",
                "El ajuste vale hasta el próximo reinicio; no se pudo guardar:",
            ),
            Self::UsageNone => (
                "No usage has been counted yet.",
                "Todavía no se ha contado ningún uso.",
            ),
            Self::Last7Days => ("Last 7 days", "Últimos 7 días"),
            Self::Last30Days => ("Last 30 days", "Últimos 30 días"),
            Self::Export => ("Export to USB stick", "Exportar a la memoria USB"),
            Self::Exported => ("Written to the USB stick:", "Guardado en la memoria USB:"),
            Self::NoStick => (
                "No USB stick found: insert one, wait a few seconds, then touch Export again.",
                "No se encontró ninguna memoria USB: inserte una, espere unos segundos y toque \
                 Exportar de nuevo.",
            ),
            Self::Since => ("From", "Desde"),
            Self::SessionsTotal => ("visitor sessions", "sesiones de visitantes"),
            Self::SessionsPerDay => ("Visitor sessions per day", "Sesiones de visitantes por día"),
            Self::PagesViewed => ("Pages viewed", "Páginas vistas"),
            Self::LanguagesChosen => ("Languages chosen", "Idiomas elegidos"),
            Self::UnitSessions => ("Sessions", "Sesiones"),
            Self::UnitViews => ("Views", "Vistas"),
            Self::UnitChoices => ("Times chosen", "Veces elegido"),
            Self::Source => ("Source", "Fuente"),
            Self::UsageSource => ("this kiosk's own counts", "los recuentos de este quiosco"),
            Self::UsageNote => (
                "Counted on this kiosk only, per hour, with nothing about who used it; the last \
                 minute may not be in yet.",
                "Contado solo en este quiosco, por hora, sin nada sobre quién lo usó; el último \
                 minuto puede faltar todavía.",
            ),
        };
        if es { sp } else { en }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_for_es_english_otherwise() {
        assert_eq!(Word::Leave.text("es"), "Salir del quiosco");
        assert_eq!(Word::Leave.text("es-BZ"), "Salir del quiosco");
        assert_eq!(Word::Leave.text("bzj"), "Leave the kiosk");
    }
}
