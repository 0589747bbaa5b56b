//! The breach register (Art. 33(5)) with its 72-hour clock, the lost-device helper and the
//! printable report. The clock is computed by the core at the vault's `now` (the app's clock).

use kluis::app::breaches::{self as app_breaches, LostDeviceDraft};
use kluis::domain::breaches::{self, Breach, BreachEdit, BreachInput, People};
use kluis::kernel::language::Language;
use tauri::{AppHandle, State};

use super::{ui_language, Res};
use crate::dialog::{self, Save};
use crate::state::AppState;

pub fn list_breaches(state: State<'_, AppState>) -> Res<Vec<Breach>> {
    state.with_vault(|v| breaches::list(v.conn(), v.now()))
}

pub fn get_breach(state: State<'_, AppState>, id: i64) -> Res<Breach> {
    state.with_vault(|v| breaches::get(v.conn(), id, v.now()))
}

pub fn add_breach(state: State<'_, AppState>, input: BreachInput, details: BreachEdit) -> Res<i64> {
    state.with_vault(|v| v.write(|tx, c| breaches::add_with_details(tx, c, &input, &details)))
}

pub fn edit_breach(state: State<'_, AppState>, id: i64, edit: BreachEdit) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| breaches::edit(tx, c, id, &edit)))
}

pub fn decide_breach_no_notify(state: State<'_, AppState>, id: i64, reason: String) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| breaches::decide_no_notify(tx, c, id, &reason)))
}

pub fn notify_breach(
    state: State<'_, AppState>,
    id: i64,
    at: String,
    case_number: Option<String>,
    late_reason: Option<String>,
) -> Res<()> {
    state.with_vault(|v| {
        v.write(|tx, c| {
            breaches::notify(tx, c, id, &at, case_number.as_deref(), late_reason.as_deref())
        })
    })
}

pub fn inform_breach(state: State<'_, AppState>, id: i64, people: People) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| breaches::inform(tx, c, id, &people)))
}

pub fn breach_follow_up(state: State<'_, AppState>, id: i64, at: String, text: String) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| breaches::follow_up(tx, c, id, &at, &text)))
}

pub fn link_breach_contact(state: State<'_, AppState>, id: i64, contact_id: i64) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| breaches::link(tx, c, id, contact_id)))
}

pub fn unlink_breach_contact(state: State<'_, AppState>, id: i64, contact_id: i64) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| breaches::unlink(tx, c, id, contact_id)))
}

pub fn close_breach(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| breaches::close(tx, c, id)))
}

/// The lost-device helper's draft; whether this device remembers the key is asked of the OS
/// secret store (unreachable counts as not remembered: nothing could be stored there).
pub fn lost_device_draft(state: State<'_, AppState>, language: Language) -> Res<LostDeviceDraft> {
    let remembered = kluis::vault::is_remembered(&state.dir).unwrap_or(false);
    state.with_vault(|v| app_breaches::lost_device_draft(v, remembered, language))
}

/// Writes the breach report (PDF) to a file chosen in the save dialog; the file written, None
/// when the user cancelled.
pub fn save_breach_report(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    language: Language,
) -> Res<Option<String>> {
    let reference = state.with_vault(|v| Ok(breaches::get(v.conn(), id, v.now())?.reference))?;
    let Some(path) = dialog::save(&app, ui_language(&state), &Save::BreachReport(&reference))
    else {
        return Ok(None);
    };
    state.with_vault(|v| {
        app_breaches::write_report(v, id, language, &path)?;
        Ok(Some(path.display().to_string()))
    })
}
