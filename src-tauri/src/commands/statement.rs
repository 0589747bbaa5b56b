use kluis::app::statement::{self, SavedStatement};
use kluis::domain::statement::privacy::StatementFormat;
use kluis::domain::statement::versions::{self, StatementVersion};
use kluis::kernel::language::Language;
use tauri::{AppHandle, State};

use super::{ui_language, Res};
use crate::dialog::{self, Save};
use crate::state::AppState;

/// Writes the privacy statement to a file the user chooses in the save dialog; the file and
/// its version, None when the user cancelled.
pub fn save_privacy_statement(
    app: AppHandle,
    state: State<'_, AppState>,
    language: Language,
    format: StatementFormat,
) -> Res<Option<SavedStatement>> {
    let Some(path) =
        dialog::save(&app, ui_language(&state), &Save::PrivacyStatement(format.as_str()))
    else {
        return Ok(None);
    };
    let version =
        state.with_vault(|v| statement::write_privacy_statement(v, language, format, &path))?;
    Ok(Some(SavedStatement { path: path.display().to_string(), version }))
}

pub fn privacy_statement_versions(state: State<'_, AppState>) -> Res<Vec<StatementVersion>> {
    state.with_vault(|v| versions::list(v.conn()))
}

/// Writes the Art. 30 record (PDF or CSV) to a file the user chooses in the save dialog; the
/// file written, None when the user cancelled.
pub fn save_register_record(
    app: AppHandle,
    state: State<'_, AppState>,
    language: Language,
    pdf: bool,
) -> Res<Option<String>> {
    let Some(path) = dialog::save(&app, ui_language(&state), &Save::RegisterRecord { pdf }) else {
        return Ok(None);
    };
    state.with_vault(|v| statement::write_record(v, language, pdf, &path))?;
    Ok(Some(path.display().to_string()))
}
