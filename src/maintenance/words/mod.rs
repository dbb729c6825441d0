//! The admin screen's words, built in, in English and Spanish: staff read them, not
//! visitors, so content files need not carry them. A language other than Spanish falls back
//! to English, as the built-in interface labels do (`content::builtin`).

mod counted;

pub use counted::{Counted, content_state};

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
    PadPrompt,
    Cancelled,
    NotStarted,
    Cancelling,
    Finding,
    Checking,
    Copying,
    Exporting,
    PadTitle,
    PadDelete,
    Cancel,
    NoStateFolder,
    NoPlace,
    UsageUnreadable,
    NotExported,
    NotWrittenTo,
    StickReadOnly,
    StickFull,
    StickDenied,
    StickGone,
    StickOther,
}

impl Word {
    /// The text in the language with `code`: Spanish for `es`, English otherwise.
    pub fn text(self, code: &str) -> &'static str {
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
                "Tal como se cargó al inicio; un cambio guardado en el archivo se muestra \
                 automáticamente.",
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
            Self::Earlier => ("Earlier", "Más temprano"),
            Self::Later => ("Later", "Más tarde"),
            Self::HoursExplained => (
                "Outside these hours the screen is black and the kiosk rests; a touch wakes \
                 it for a while.",
                "Fuera de este horario la pantalla se apaga (queda en negro) y el quiosco \
                 descansa; un toque la enciende un rato.",
            ),
            Self::ClockWrong => (
                "The clock of this computer is wrong, so the screen stays on.",
                "El reloj de esta computadora no tiene la hora correcta, así que la pantalla \
                 sigue encendida.",
            ),
            Self::NotSaved => (
                "The setting works until the next restart; it could not be saved:",
                "El ajuste vale hasta el próximo reinicio; no se pudo guardar:",
            ),
            Self::UsageNone => (
                "No usage has been counted yet.",
                "Todavía no se ha contado ningún uso.",
            ),
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
            Self::PadPrompt => (
                "Enter the PIN to open the admin screen",
                "Escriba el PIN para abrir la pantalla de administración",
            ),
            Self::PadTitle => ("Administrator PIN", "PIN de administración"),
            Self::Cancelled => (
                "Cancelled: the content shown has not changed.",
                "Cancelado: el contenido en pantalla no cambió.",
            ),
            Self::Cancelling => ("Cancelling…", "Cancelando…"),
            Self::NotStarted => (
                "The work could not be started:",
                "No se pudo empezar el trabajo:",
            ),
            Self::Finding => (
                "Looking for content folders on the USB sticks…",
                "Buscando carpetas de contenido en las memorias USB…",
            ),
            Self::Checking => (
                "Checking the folder (every image is opened)…",
                "Revisando la carpeta (se abre cada imagen)…",
            ),
            Self::Copying => (
                "Copying the folder to the kiosk:",
                "Copiando la carpeta al quiosco:",
            ),
            Self::Exporting => (
                "Writing the usage figures to the USB stick…",
                "Guardando las cifras de uso en la memoria USB…",
            ),
            Self::PadDelete => ("Delete", "Borrar"),
            Self::Cancel => ("Cancel", "Cancelar"),
            Self::NoStateFolder => (
                "This kiosk has no folder of its own to keep settings, figures or content in.",
                "Este quiosco no tiene una carpeta propia donde guardar ajustes, cifras o \
                 contenido.",
            ),
            Self::NoPlace => (
                "There is no place to install content to on this kiosk.",
                "No hay ningún lugar donde instalar contenido en este quiosco.",
            ),
            Self::UsageUnreadable => (
                "The usage figures cannot be read:",
                "No se pueden leer las cifras de uso:",
            ),
            Self::NotExported => (
                "The usage figures were not written to the stick:",
                "Las cifras de uso no se guardaron en la memoria:",
            ),
            Self::NotWrittenTo => ("not written to", "no se guardó en"),
            Self::StickReadOnly => (
                "it is write-protected or read-only (check the switch on its side)",
                "está protegida contra escritura o es de solo lectura (revise el interruptor \
                 de su costado)",
            ),
            Self::StickFull => ("it is full", "está llena"),
            Self::StickDenied => (
                "the kiosk is not allowed to write on it",
                "el quiosco no tiene permiso para escribir en ella",
            ),
            Self::StickGone => (
                "it was removed, or cannot be read",
                "se retiró, o no se puede leer",
            ),
            Self::StickOther => (
                "it could not be written (the log says why)",
                "no se pudo escribir en ella (el registro dice por qué)",
            ),
        };
        if is_spanish(code) { sp } else { en }
    }
}

/// Whether the language with `code` reads the Spanish words.
pub(crate) fn is_spanish(code: &str) -> bool {
    code.eq_ignore_ascii_case("es") || code.to_ascii_lowercase().starts_with("es-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::watch::ReloadStatus;

    #[test]
    fn one_is_singular_in_both_languages() {
        assert_eq!(Counted::TriesLeft(1).text("en"), "Wrong PIN: 1 try left");
        assert_eq!(Counted::TriesLeft(4).text("en"), "Wrong PIN: 4 tries left");
        assert_eq!(
            Counted::TriesLeft(1).text("es"),
            "PIN incorrecto: queda 1 intento"
        );
        assert_eq!(
            Counted::TriesLeft(2).text("es"),
            "PIN incorrecto: quedan 2 intentos"
        );
        assert_eq!(Counted::DigitsEntered(1).text("es"), "1 dígito escrito");
        assert_eq!(Counted::DigitsEntered(0).text("en"), "0 digits entered");
        assert!(Counted::LockedFor(1).text("en").ends_with("1 second"));
        assert!(Counted::LockedFor(30).text("es").ends_with("30 segundos"));
    }

    #[test]
    fn every_content_state_is_said_in_the_language_shown() {
        let states = [
            ReloadStatus::BuiltIn,
            ReloadStatus::Unchanged,
            ReloadStatus::Reloaded { warnings: 1 },
            ReloadStatus::Installed { warnings: 0 },
            ReloadStatus::NotWatching("gone".into()),
            ReloadStatus::Rejected {
                errors: 2,
                problems: vec!["content.ron:3:4: error: x".into()],
            },
        ];
        for state in &states {
            let (en, es) = (content_state(state, "en"), content_state(state, "es"));
            assert!(!en.is_empty() && !es.is_empty() && en != es, "{en} / {es}");
        }
        assert!(content_state(&states[5], "es").contains("2 errores"));
        assert!(content_state(&states[2], "en").contains("1 warning (see"));
    }

    #[test]
    fn spanish_for_es_english_otherwise() {
        assert_eq!(Word::Leave.text("es"), "Salir del quiosco");
        assert_eq!(Word::Leave.text("es-BZ"), "Salir del quiosco");
        assert_eq!(Word::Leave.text("bzj"), "Leave the kiosk");
    }
}
