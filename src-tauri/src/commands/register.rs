use kluis::app;
use kluis::domain::consent::{self, ContactFlag};
use kluis::domain::fields::{self, FieldDef, FieldDefInput};
use kluis::domain::register::purposes::{self, Purpose, PurposeInput};
use kluis::kernel::language::Language;
use tauri::{AppHandle, State};

use super::{ui_language, Res};
use crate::dialog::{self, Save};
use crate::state::AppState;

pub fn list_purposes(state: State<'_, AppState>, language: Language) -> Res<Vec<Purpose>> {
    state.with_vault(|v| purposes::list_in(v.conn(), language))
}

/// The usual purposes of a small business, for the first-run step (not yet stored).
pub fn purpose_proposals(language: Language) -> Vec<PurposeInput> {
    purposes::proposals(language)
}

pub fn create_purpose(state: State<'_, AppState>, input: PurposeInput) -> Res<i64> {
    state.with_vault(|v| v.write(|tx, c| purposes::create(tx, c, &input)))
}

pub fn update_purpose(state: State<'_, AppState>, id: i64, input: PurposeInput) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| purposes::update(tx, c, id, &input)))
}

pub fn list_fields(state: State<'_, AppState>) -> Res<Vec<FieldDef>> {
    state.with_vault(|v| fields::list(v.conn()))
}

pub fn define_field(state: State<'_, AppState>, input: FieldDefInput) -> Res<i64> {
    state.with_vault(|v| v.write(|tx, c| fields::define(tx, c, &input)))
}

pub fn triage_list(state: State<'_, AppState>) -> Res<Vec<ContactFlag>> {
    state.with_vault(|v| consent::triage(v.conn()))
}

pub fn repermission_list(state: State<'_, AppState>, months: u32) -> Res<Vec<ContactFlag>> {
    state.with_vault(|v| consent::repermission(v.conn(), v.now(), months))
}

/// Writes the mailing list for a purpose to a file the user chooses in the save dialog; the
/// number of people in it, None when the user cancelled.
pub fn export_mailing_list(
    app: AppHandle,
    state: State<'_, AppState>,
    purpose_id: i64,
) -> Res<Option<usize>> {
    let purpose = state.with_vault(|v| purposes::get(v.conn(), purpose_id))?;
    let Some(path) = dialog::save(&app, ui_language(&state), &Save::MailingList(&purpose.name))
    else {
        return Ok(None);
    };
    state.with_vault(|v| app::mailing::export_mailing_list(v, purpose_id, &path).map(Some))
}
