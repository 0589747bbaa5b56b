//! Moving in and out: the import wizard (pick a file, inspect it, preview, import with
//! progress, undo) and the address-book export.

use kluis::app::import::{self, ImportChoice, Inspection};
use kluis::app::mailing;
use kluis::domain::export::contacts::{AddressBookFormat, Selection};
use kluis::domain::import::csv;
use kluis::domain::import::run::{Format, Report};
use kluis::domain::register::purposes::Purpose;
use kluis::kernel::language::Language;
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use super::{ui_language, Res};
use crate::dialog::{self, Save};
use crate::state::AppState;

/// Progress of an import, for the wizard's progress bar: `{done, total}` rows.
pub const PROGRESS_EVENT: &str = "import-progress";

#[derive(Clone, Serialize)]
struct ImportProgress {
    done: usize,
    total: usize,
}

/// Asks for an address-book file in the open dialog and keeps it for the wizard's next steps;
/// its name, None when the user cancelled (an earlier choice stays).
pub fn pick_import_file(app: AppHandle, state: State<'_, AppState>) -> Res<Option<String>> {
    state.with_vault(|_| Ok(()))?;
    let Some(file) = dialog::open_address_book(&app, ui_language(&state)) else {
        return Ok(None);
    };
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    state.pick_import(file);
    Ok(Some(name))
}

/// What the chosen file holds, read as `format` (guessed when null) with the CSV settings and
/// mapping of `choice`; writes nothing.
pub fn inspect_import(
    state: State<'_, AppState>,
    format: Option<Format>,
    choice: ImportChoice,
    language: Language,
) -> Res<Inspection> {
    let path = state.picked_import()?;
    state.with_vault(|_| Ok(()))?;
    let options = match format {
        Some(Format::Csv) | None => choice.csv_options()?,
        Some(Format::Vcard) => csv::Options::default(),
    };
    Ok(import::inspect(&path, format, &options, language)?)
}

/// The import as chosen, run and rolled back: what it would do, with the rows that need a
/// decision.
pub fn preview_import(
    state: State<'_, AppState>,
    choice: ImportChoice,
    language: Language,
) -> Res<Report> {
    let path = state.picked_import()?;
    let f = choice.file_import(&path, true)?;
    state.with_vault(|v| import::import_file(v, &f, language, &mut |_, _| {}))
}

/// Imports the chosen file as chosen, in one transaction (after an automatic backup for a
/// larger file); progress as `import-progress` events.
pub fn run_import(
    app: AppHandle,
    state: State<'_, AppState>,
    choice: ImportChoice,
    language: Language,
) -> Res<Report> {
    let path = state.picked_import()?;
    let f = choice.file_import(&path, false)?;
    let mut last = None;
    let mut progress = |done: usize, total: usize| {
        let pct = done.saturating_mul(100).checked_div(total).unwrap_or(100);
        if last != Some(pct) {
            last = Some(pct);
            let _ = app.emit(PROGRESS_EVENT, ImportProgress { done, total });
        }
    };
    state.with_vault(|v| import::import_file(v, &f, language, &mut progress))
}

/// Undoes an import while its contacts are as imported; how many were removed.
pub fn undo_import(state: State<'_, AppState>, id: i64) -> Res<i64> {
    state.with_vault(|v| import::undo(v, id))
}

/// The purposes a whole import may be linked to (never consent, never direct marketing).
pub fn import_purposes(state: State<'_, AppState>, language: Language) -> Res<Vec<Purpose>> {
    state.with_vault(|v| import::batch_purposes(v, language))
}

/// The address book written to a file the user chooses in the save dialog: the contacts
/// `search` finds (all when null), restricted ones only with `includeRestricted`; how many,
/// None when the user cancelled.
pub fn export_address_book(
    app: AppHandle,
    state: State<'_, AppState>,
    format: AddressBookFormat,
    search: Option<String>,
    include_restricted: bool,
) -> Res<Option<usize>> {
    state.with_vault(|_| Ok(()))?;
    let what = Save::AddressBook { vcard: format == AddressBookFormat::Vcard };
    let Some(path) = dialog::save(&app, ui_language(&state), &what) else {
        return Ok(None);
    };
    let search = search.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let selection = Selection { search, include_restricted };
    state.with_vault(|v| mailing::export_address_book(v, format, &selection, &path).map(Some))
}
