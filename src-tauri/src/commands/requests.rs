use kluis::contacts::erase::{self, ErasurePreview};
use kluis::controller::{self, Controller};
use kluis::export::sar;
use kluis::requests::{self, IdentityMethod, Request, RequestKind};
use kluis::settings::Language;
use tauri::State;

use super::Res;
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
    state.with_vault(|v| {
        let today = v.now().date_naive();
        v.write(|tx, c| {
            let id = requests::add(tx, c, contact_id, kind, &received)?;
            requests::get(tx, id, today)
        })
    })
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

/// Writes the subject-access PDF (and the portability ZIP when `zip_path` is given) for a
/// contact, records them on the request by hash and in the audit trail; returns the hashes.
pub fn export_subject_access(
    state: State<'_, AppState>,
    contact_id: i64,
    request_id: Option<i64>,
    language: Language,
    pdf_path: String,
    zip_path: Option<String>,
    include_special: bool,
) -> Res<Vec<String>> {
    state.with_vault(|v| {
        let (pdf, zip) = v.write(|tx, c| {
            let pdf = sar::pdf(tx, c, contact_id, language == Language::Nl, request_id)?;
            let zip = match zip_path {
                Some(_) => Some(sar::portability_zip(tx, c, contact_id, include_special, c.now)?),
                None => None,
            };
            if let Some(r) = request_id {
                requests::record_file(tx, c, r, "subject-access-pdf", &sar::sha256_hex(&pdf))?;
                if let Some(z) = &zip {
                    requests::record_file(tx, c, r, "portability-zip", &sar::sha256_hex(z))?;
                }
            }
            c.audit(tx, "export.subject_access", "contact", Some(contact_id), &[])?;
            Ok((pdf, zip))
        })?;
        std::fs::write(&pdf_path, &pdf)?;
        let mut hashes = vec![sar::sha256_hex(&pdf)];
        if let (Some(path), Some(z)) = (&zip_path, &zip) {
            std::fs::write(path, z)?;
            hashes.push(sar::sha256_hex(z));
        }
        Ok(hashes)
    })
}

/// What erasing a contact removes and keeps, shown before the user confirms.
pub fn erasure_preview(state: State<'_, AppState>, id: i64) -> Res<ErasurePreview> {
    state.with_vault(|v| erase::preview(v.conn(), id))
}

pub fn erase_contact(
    state: State<'_, AppState>,
    id: i64,
    request_id: Option<i64>,
) -> Res<ErasurePreview> {
    state.with_vault(|v| {
        let p = v.write(|tx, c| erase::erase(tx, c, id, request_id))?;
        v.checkpoint()?;
        Ok(p)
    })
}

pub fn get_controller(state: State<'_, AppState>) -> Res<Controller> {
    state.with_vault(|v| controller::get(v.conn()))
}

pub fn set_controller(state: State<'_, AppState>, controller: Controller) -> Res<()> {
    state.with_vault(|v| {
        v.write(|tx, c| {
            controller::set(tx, c, "name", &controller.name)?;
            controller::set(tx, c, "address", &controller.address)?;
            controller::set(tx, c, "kvk", &controller.kvk)?;
            controller::set(tx, c, "privacy_contact", &controller.privacy_contact)
        })
    })
}
