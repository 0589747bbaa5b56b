//! Importing unsubscribes from a newsletter tool into a purpose (R3.4): the file chosen in the
//! open dialog is previewed by a dry run, then imported.

use kluis::app::import::{self, PurposeRef, UnsubscribeImport};
use kluis::domain::import::csv::Options;
use kluis::domain::import::unsubscribes::UnsubscribeReport;
use tauri::{AppHandle, State};

use super::{ui_language, Res};
use crate::dialog;
use crate::state::AppState;

/// Asks for the file in the open dialog and reports what importing it into the purpose would
/// do (a dry run: nothing is written); None when the user cancelled. The file is kept for
/// `import_unsubscribes`. The preview counts every unmatched address as one that could be put
/// on the suppression list.
pub fn preview_unsubscribes(
    app: AppHandle,
    state: State<'_, AppState>,
    purpose_id: i64,
) -> Res<Option<UnsubscribeReport>> {
    let language = ui_language(&state);
    let Some(path) = dialog::open_unsubscribes(&app, language) else {
        return Ok(None);
    };
    let report = run(&state, &path, purpose_id, true, true)?;
    state.pick_unsubscribes(path);
    Ok(Some(report))
}

/// Imports the file previewed last into the purpose, in one transaction.
pub fn import_unsubscribes(
    state: State<'_, AppState>,
    purpose_id: i64,
    suppress_unmatched: bool,
) -> Res<UnsubscribeReport> {
    let path = state.take_unsubscribes()?;
    run(&state, &path, purpose_id, suppress_unmatched, false)
}

fn run(
    state: &AppState,
    path: &std::path::Path,
    purpose_id: i64,
    suppress_unmatched: bool,
    dry_run: bool,
) -> Res<UnsubscribeReport> {
    let language = ui_language(state);
    let f = UnsubscribeImport {
        path,
        purpose: PurposeRef::Id(purpose_id),
        csv: Options::default(),
        suppress_unmatched,
        dry_run,
    };
    state.with_vault(|v| import::import_unsubscribes(v, &f, language))
}
