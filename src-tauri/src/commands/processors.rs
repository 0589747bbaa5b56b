//! The processor register (Art. 28) and the checklists of recipients to tell (Art. 19).

use kluis::domain::register::processors::{
    self, AgreementFile, Processor, ProcessorInput, Service,
};
use kluis::domain::requests::recipients::{self, RecipientNotice};
use tauri::{AppHandle, State};

use super::{ui_language, Res};
use crate::dialog;
use crate::state::AppState;

pub fn list_processors(state: State<'_, AppState>) -> Res<Vec<Processor>> {
    state.with_vault(|v| processors::list(v.conn(), &v.ctx()))
}

pub fn get_processor(state: State<'_, AppState>, id: i64) -> Res<Processor> {
    state.with_vault(|v| processors::get(v.conn(), &v.ctx(), id))
}

/// The services a processor can have, in the core's order.
pub fn processor_services() -> Vec<Service> {
    Service::ALL.to_vec()
}

pub fn create_processor(state: State<'_, AppState>, input: ProcessorInput) -> Res<i64> {
    state.with_vault(|v| v.write(|tx, c| processors::create(tx, c, &input)))
}

pub fn update_processor(state: State<'_, AppState>, id: i64, input: ProcessorInput) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| processors::update(tx, c, id, &input)))
}

pub fn remove_processor(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| processors::remove(tx, c, id)))
}

/// Asks for the processing agreement's file in the open dialog and hashes it; its name and
/// SHA-256 (the file is neither stored nor kept open), None when the user cancelled.
pub fn pick_processing_agreement(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Res<Option<AgreementFile>> {
    let Some(path) = dialog::open_agreement(&app, ui_language(&state)) else {
        return Ok(None);
    };
    Ok(Some(processors::agreement_file(&path)?))
}

/// The checklist of recipients to tell of a request's rectification, erasure or restriction.
pub fn request_recipients(
    state: State<'_, AppState>,
    request_id: i64,
) -> Res<Vec<RecipientNotice>> {
    state.with_vault(|v| recipients::of_request(v.conn(), request_id))
}

/// Records that the recipient of a checklist line was told on `on` (YYYY-MM-DD).
pub fn recipient_told(state: State<'_, AppState>, notice_id: i64, on: String) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| recipients::told(tx, c, notice_id, &on)))
}
