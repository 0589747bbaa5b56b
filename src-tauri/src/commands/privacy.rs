use kluis::app::{self, privacy::ContactPrivacy};
use kluis::domain::consent::objection::{self, ObjectionReport};
use kluis::domain::consent::{self, ConsentInput, Method, Source};
use kluis::domain::contacts::privacy;
use kluis::domain::fields;
use kluis::domain::register::purposes::Basis;
use tauri::State;

use super::Res;
use crate::state::AppState;

/// The Privacy tab; `reveal` shows special-category values (an audited read).
pub fn contact_privacy(state: State<'_, AppState>, id: i64, reveal: bool) -> Res<ContactPrivacy> {
    state.with_vault(|v| app::privacy::contact_privacy(v, id, reveal))
}

/// Links a contact to a purpose; `basis` null records it as unknown (triage).
pub fn link_purpose(
    state: State<'_, AppState>,
    contact_id: i64,
    purpose_id: i64,
    basis: Option<Basis>,
    source: Source,
) -> Res<()> {
    state.with_vault(|v| {
        v.write(|tx, c| consent::link(tx, c, contact_id, purpose_id, basis, source))
    })
}

pub fn unlink_purpose(state: State<'_, AppState>, contact_id: i64, purpose_id: i64) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| consent::unlink(tx, c, contact_id, purpose_id)))
}

pub fn give_consent(state: State<'_, AppState>, contact_id: i64, input: ConsentInput) -> Res<i64> {
    state.with_vault(|v| v.write(|tx, c| consent::give(tx, c, contact_id, &input)))
}

pub fn withdraw_consent(
    state: State<'_, AppState>,
    contact_id: i64,
    purpose_id: i64,
    method: Method,
    evidence: Option<String>,
) -> Res<i64> {
    state.with_vault(|v| {
        v.write(|tx, c| consent::withdraw(tx, c, contact_id, purpose_id, method, evidence))
    })
}

pub fn set_field(
    state: State<'_, AppState>,
    contact_id: i64,
    field_id: i64,
    value: String,
    confirm_not_bsn: bool,
) -> Res<()> {
    state.with_vault(|v| {
        v.write(|tx, c| fields::set_value(tx, c, contact_id, field_id, &value, confirm_not_bsn))
    })
}

pub fn restrict_contact(state: State<'_, AppState>, id: i64, reason: String) -> Res<()> {
    state.with_vault(|v| app::privacy::restrict(v, id, &reason).map(|_| ()))
}

pub fn unrestrict_contact(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| privacy::unrestrict(tx, c, id)))
}

pub fn object_contact(state: State<'_, AppState>, id: i64) -> Res<ObjectionReport> {
    state.with_vault(|v| v.write(|tx, c| objection::object(tx, c, id)))
}
