use kluis::app;
use kluis::app::erase::ErasurePreview;
use kluis::app::subject_access::{SubjectAccess, Written};
use kluis::domain::contacts::read;
use kluis::domain::controller::{self, Controller};
use kluis::domain::export::sar::Redactions;
use kluis::domain::requests::{self, IdentityMethod, Request, RequestKind};
use kluis::kernel::language::Language;
use tauri::{AppHandle, State};

use super::{ui_language, Res};
use crate::dialog::{self, Save};
use crate::state::AppState;

pub fn list_requests(state: State<'_, AppState>) -> Res<Vec<Request>> {
    state.with_vault(|v| requests::list(v.conn(), v.now().date_naive()))
}

pub fn add_request(
    state: State<'_, AppState>,
    contact_id: i64,
    kind: RequestKind,
    received: String,
) -> Res<Request> {
    state.with_vault(|v| app::requests::add_request(v, contact_id, kind, &received))
}

pub fn extend_request(
    state: State<'_, AppState>,
    id: i64,
    reason: String,
    notified: String,
) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| requests::extend(tx, c, id, &reason, &notified)))
}

pub fn record_identity(
    state: State<'_, AppState>,
    id: i64,
    method: IdentityMethod,
    note: Option<String>,
) -> Res<()> {
    state.with_vault(|v| {
        v.write(|tx, c| requests::record_identity(tx, c, id, method, note.as_deref()))
    })
}

pub fn close_request(state: State<'_, AppState>, id: i64, outcome: String) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| requests::close(tx, c, id, &outcome)))
}

/// Writes the subject-access PDF (and the portability ZIP when `portability`) for a contact to
/// files the user chooses in save dialogs, records them on the request by hash and in the
/// audit trail; returns where they are and their hashes, None when the user cancelled a dialog
/// (nothing written). `protect`: both encrypted with a one-time password, returned once;
/// `redact_interactions`: the interactions withheld as concerning someone else; `send_to`:
/// the address the answer goes to, recorded on the request.
#[allow(clippy::too_many_arguments)] // the IPC arguments of one command
pub fn export_subject_access(
    app: AppHandle,
    state: State<'_, AppState>,
    contact_id: i64,
    request_id: Option<i64>,
    language: Language,
    portability: bool,
    include_special: bool,
    protect: bool,
    redact_interactions: Vec<i64>,
    send_to: Option<String>,
) -> Res<Option<Written>> {
    let name = state.with_vault(|v| Ok(read::contact(v.conn(), contact_id)?.name))?;
    let ui = ui_language(&state);
    let Some(pdf_path) = dialog::save(&app, ui, &Save::AccessPdf(&name)) else {
        return Ok(None);
    };
    let zip_path = match portability {
        false => None,
        true => match dialog::save(&app, ui, &Save::AccessZip(&name)) {
            Some(p) => Some(p),
            None => return Ok(None),
        },
    };
    let export = SubjectAccess {
        contact_id,
        request_id,
        language,
        pdf_path: &pdf_path,
        zip_path: zip_path.as_deref(),
        include_special,
        protect,
        redactions: Redactions { interactions: redact_interactions.into_iter().collect() },
        send_to: send_to.as_deref(),
    };
    state.with_vault(|v| Ok(Some(app::subject_access::export(v, &export)?)))
}

/// What erasing a contact removes and keeps, shown before the user confirms.
pub fn erasure_preview(state: State<'_, AppState>, id: i64) -> Res<ErasurePreview> {
    state.with_vault(|v| app::erase::preview(v.conn(), id))
}

pub fn erase_contact(
    state: State<'_, AppState>,
    id: i64,
    request_id: Option<i64>,
    keep_organisation: bool,
) -> Res<ErasurePreview> {
    state.with_vault(|v| app::erase::erase(v, id, request_id, keep_organisation))
}

pub fn get_controller(state: State<'_, AppState>) -> Res<Controller> {
    state.with_vault(|v| controller::get(v.conn()))
}

pub fn set_controller(state: State<'_, AppState>, controller: Controller) -> Res<()> {
    state.with_vault(|v| app::controller::set_controller(v, &controller))
}
