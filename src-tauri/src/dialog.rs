//! The file dialogs, run here in the backend inside the command that needs a file: the window
//! never chooses a path, it only asks for a save or an open and is told what was chosen (the
//! capability grants it no dialog permission; `ipc/contract.rs` tests both). Each dialog's
//! title, filter and suggested name come from this file, in the language of the settings.
//!
//! Called from `#[tauri::command(async)]` commands only: the blocking dialogs wait on a
//! worker thread while the main thread shows them.
//!
//! Debug builds only, for the end-to-end tests: with `KLUIS_TEST_SAVE_DIR` set a save dialog
//! answers `<that folder>/<suggested name>` (cancelled when the folder does not exist), and with
//! `KLUIS_TEST_OPEN_FILE` set an open dialog (file or folder) answers the path written in that file (cancelled
//! when the file is missing or empty). Release builds do not contain this code.

use std::path::PathBuf;

use kluis::kernel::language::Language;
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// A file the user saves.
pub enum Save<'a> {
    /// The mailing list of the purpose named.
    MailingList(&'a str),
    DeletionLog,
    /// The retention policy, as a PDF (true) or Markdown.
    Policy {
        pdf: bool,
    },
    /// The subject-access PDF of the person named.
    AccessPdf(&'a str),
    /// The portability ZIP of the person named.
    AccessZip(&'a str),
    Backup,
    /// The address book, as vCard (true) or CSV.
    AddressBook {
        vcard: bool,
    },
    /// The privacy statement, with the extension of its format ("html", "md", "pdf").
    PrivacyStatement(&'static str),
    /// The record of processing activities, as a PDF (true) or CSV.
    RegisterRecord {
        pdf: bool,
    },
    /// The report of the breach with this reference.
    BreachReport(&'a str),
}

/// The dialog's texts: title, filter name, extension, suggested file name.
struct Texts {
    title: &'static str,
    filter: &'static str,
    extension: &'static str,
    name: String,
}

/// A name without characters that file systems refuse or read as a folder.
fn safe(name: &str) -> String {
    let safe: String = name
        .trim()
        .chars()
        .map(|c| if c < ' ' || "\\/:*?\"<>|".contains(c) { '-' } else { c })
        .collect();
    let safe = safe.trim_start_matches('.').to_owned();
    if safe.is_empty() {
        "-".into()
    } else {
        safe
    }
}

impl Save<'_> {
    fn texts(&self, nl: bool) -> Texts {
        let pick = |dutch: &'static str, english: &'static str| if nl { dutch } else { english };
        let csv = pick("CSV-bestand", "CSV file");
        let pdf = pick("PDF-document", "PDF document");
        match self {
            Save::MailingList(purpose) => Texts {
                title: pick("Mailinglijst opslaan", "Save mailing list"),
                filter: csv,
                extension: "csv",
                name: format!("{}-{}.csv", pick("mailinglijst", "mailing-list"), safe(purpose)),
            },
            Save::DeletionLog => Texts {
                title: pick("Verwijderlogboek opslaan", "Save the deletion log"),
                filter: csv,
                extension: "csv",
                name: pick("verwijderlogboek.csv", "deletion-log.csv").into(),
            },
            Save::Policy { pdf: as_pdf } => Texts {
                title: pick("Bewaarbeleid opslaan", "Save the retention policy"),
                filter: if *as_pdf { pdf } else { pick("Markdown-bestand", "Markdown file") },
                extension: if *as_pdf { "pdf" } else { "md" },
                name: format!(
                    "{}.{}",
                    pick("bewaarbeleid", "retention-policy"),
                    if *as_pdf { "pdf" } else { "md" }
                ),
            },
            Save::AccessPdf(person) => Texts {
                title: pick("Inzagerapport opslaan", "Save the access report"),
                filter: pdf,
                extension: "pdf",
                name: format!("{}-{}.pdf", pick("inzage", "access"), safe(person)),
            },
            Save::AccessZip(person) => Texts {
                title: pick("Overdraagbaarheidsbestand opslaan", "Save the portability file"),
                filter: pick("ZIP-bestand", "ZIP file"),
                extension: "zip",
                name: format!("export-{}.zip", safe(person)),
            },
            Save::Backup => Texts {
                title: pick("Back-up opslaan", "Save backup"),
                filter: pick("Kluis-back-up", "Kluis backup"),
                extension: "kluisbackup",
                name: "kluis.kluisbackup".into(),
            },
            Save::AddressBook { vcard } => Texts {
                title: pick("Adresboek opslaan", "Save the address book"),
                filter: if *vcard { pick("vCard-bestand", "vCard file") } else { csv },
                extension: if *vcard { "vcf" } else { "csv" },
                name: format!(
                    "{}.{}",
                    pick("adresboek", "address-book"),
                    if *vcard { "vcf" } else { "csv" }
                ),
            },
            Save::PrivacyStatement(extension) => Texts {
                title: pick("Privacyverklaring opslaan", "Save the privacy statement"),
                filter: match *extension {
                    "pdf" => pdf,
                    "md" => pick("Markdown-bestand", "Markdown file"),
                    _ => pick("Webpagina (HTML)", "Web page (HTML)"),
                },
                extension,
                name: format!("{}.{extension}", pick("privacyverklaring", "privacy-statement")),
            },
            Save::RegisterRecord { pdf: as_pdf } => Texts {
                title: pick(
                    "Register van verwerkingsactiviteiten opslaan",
                    "Save the record of processing activities",
                ),
                filter: if *as_pdf { pdf } else { csv },
                extension: if *as_pdf { "pdf" } else { "csv" },
                name: format!(
                    "{}.{}",
                    pick("verwerkingsregister", "processing-record"),
                    if *as_pdf { "pdf" } else { "csv" }
                ),
            },
            Save::BreachReport(reference) => Texts {
                title: pick("Datalekrapport opslaan", "Save the breach report"),
                filter: pdf,
                extension: "pdf",
                name: format!("{}-{}.pdf", pick("datalek", "breach"), safe(reference)),
            },
        }
    }
}

/// Asks where to save `what`; None when the user cancelled. A name typed without the file's
/// extension gets it.
pub fn save(app: &AppHandle, language: Language, what: &Save<'_>) -> Option<PathBuf> {
    let texts = what.texts(language == Language::Nl);
    let chosen = match test_hook::save(&texts.name) {
        Some(answer) => answer,
        None => app
            .dialog()
            .file()
            .set_title(texts.title)
            .set_file_name(&texts.name)
            .add_filter(texts.filter, &[texts.extension])
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    }?;
    let has_extension = chosen
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(texts.extension));
    Some(if has_extension {
        chosen
    } else {
        let mut name = chosen.into_os_string();
        name.push(".");
        name.push(texts.extension);
        PathBuf::from(name)
    })
}

/// Asks for a backup file to open; None when the user cancelled.
pub fn open_backup(app: &AppHandle, language: Language) -> Option<PathBuf> {
    let nl = language == Language::Nl;
    open_file(
        app,
        if nl { "Back-upbestand kiezen" } else { "Choose the backup file" },
        &[(if nl { "Kluis-back-up" } else { "Kluis backup" }, &["kluisbackup"])],
    )
}

/// Asks for an address book to import (vCard or CSV); None when the user cancelled.
pub fn open_address_book(app: &AppHandle, language: Language) -> Option<PathBuf> {
    let nl = language == Language::Nl;
    open_file(
        app,
        if nl { "Adresboek kiezen" } else { "Choose the address book" },
        &[
            (
                if nl { "vCard of CSV" } else { "vCard or CSV" },
                &["vcf", "vcard", "csv", "txt", "tsv"],
            ),
            (if nl { "Alle bestanden" } else { "All files" }, &["*"]),
        ],
    )
}

/// Asks for a processing agreement's file (any kind: only its SHA-256 and name are kept);
/// None when the user cancelled.
pub fn open_agreement(app: &AppHandle, language: Language) -> Option<PathBuf> {
    let nl = language == Language::Nl;
    open_file(
        app,
        if nl { "Verwerkersovereenkomst kiezen" } else { "Choose the processing agreement" },
        &[
            (if nl { "PDF-document" } else { "PDF document" }, &["pdf"]),
            (if nl { "Alle bestanden" } else { "All files" }, &["*"]),
        ],
    )
}

/// The open dialog with a title and file-type filters (or the test's answer).
fn open_file(app: &AppHandle, title: &str, filters: &[(&str, &[&str])]) -> Option<PathBuf> {
    if let Some(answer) = test_hook::open() {
        return answer;
    }
    let dialog = filters
        .iter()
        .fold(app.dialog().file().set_title(title), |d, (name, ext)| d.add_filter(*name, ext));
    dialog.blocking_pick_file().and_then(|p| p.into_path().ok())
}

/// Asks for the folder automatic backups go to; None when the user cancelled.
pub fn pick_folder(app: &AppHandle, language: Language) -> Option<PathBuf> {
    match test_hook::open() {
        Some(answer) => answer,
        None => app
            .dialog()
            .file()
            .set_title(if language == Language::Nl { "Back-upmap" } else { "Backup folder" })
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok()),
    }
}

/// Asks for a newsletter tool's export of unsubscribes (CSV or text); None when cancelled.
pub fn open_unsubscribes(app: &AppHandle, language: Language) -> Option<PathBuf> {
    let nl = language == Language::Nl;
    open_file(
        app,
        if nl { "Afmeldingen kiezen" } else { "Choose the unsubscribes" },
        &[(if nl { "CSV- of tekstbestand" } else { "CSV or text file" }, &["csv", "txt"])],
    )
}

/// The end-to-end tests' stand-in for the dialogs: `Some(answer)` when it answers instead.
#[cfg(debug_assertions)]
mod test_hook {
    use std::path::PathBuf;

    pub fn save(name: &str) -> Option<Option<PathBuf>> {
        let dir = PathBuf::from(std::env::var_os("KLUIS_TEST_SAVE_DIR")?);
        Some(dir.is_dir().then(|| dir.join(name)))
    }

    pub fn open() -> Option<Option<PathBuf>> {
        let answer = std::env::var_os("KLUIS_TEST_OPEN_FILE")?;
        let text = std::fs::read_to_string(answer).unwrap_or_default();
        let path = text.trim();
        Some((!path.is_empty()).then(|| PathBuf::from(path)))
    }
}

/// Release builds: the real dialogs always.
#[cfg(not(debug_assertions))]
mod test_hook {
    use std::path::PathBuf;

    pub fn save(_name: &str) -> Option<Option<PathBuf>> {
        None
    }

    pub fn open() -> Option<Option<PathBuf>> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_names_are_bare_file_names() {
        for what in
            [Save::MailingList("../../.bashrc"), Save::AccessPdf("/etc/x"), Save::AccessZip("..")]
        {
            let name = what.texts(true).name;
            assert!(
                !name.contains('/') && !name.contains('\\') && !name.starts_with('.'),
                "{name}"
            );
        }
        assert_eq!(
            Save::MailingList("Nieuwsbrief").texts(true).name,
            "mailinglijst-Nieuwsbrief.csv"
        );
        assert_eq!(Save::Policy { pdf: true }.texts(false).name, "retention-policy.pdf");
    }
}
