use kluis::domain::contacts::duplicates::LikelyDuplicate;
use kluis::domain::contacts::{
    self, ContactDetail, ContactInput, ContactPage, InteractionChange, InteractionInput,
};
use tauri::State;

use super::Res;
use crate::state::AppState;

pub fn list_contacts(
    state: State<'_, AppState>,
    query: Option<String>,
    limit: i64,
    offset: i64,
) -> Res<ContactPage> {
    state.with_vault(|v| contacts::list(v, query.as_deref(), Some(limit), offset))
}

pub fn get_contact(state: State<'_, AppState>, id: i64) -> Res<ContactDetail> {
    state.with_vault(|v| contacts::show(v, id))
}

pub fn likely_duplicates(
    state: State<'_, AppState>,
    input: ContactInput,
    except: Option<i64>,
) -> Res<Vec<LikelyDuplicate>> {
    state.with_vault(|v| contacts::likely_duplicates(v, &input, except))
}

pub fn create_contact(
    state: State<'_, AppState>,
    input: ContactInput,
    confirm_not_bsn: bool,
) -> Res<i64> {
    state.with_vault(|v| contacts::create(v, &input, confirm_not_bsn))
}

pub fn update_contact(
    state: State<'_, AppState>,
    id: i64,
    input: ContactInput,
    confirm_not_bsn: bool,
) -> Res<()> {
    state.with_vault(|v| contacts::update(v, id, &input, confirm_not_bsn))
}

pub fn add_interaction(
    state: State<'_, AppState>,
    contact_id: i64,
    input: InteractionInput,
    confirm_not_bsn: bool,
) -> Res<i64> {
    state.with_vault(|v| contacts::add_interaction(v, contact_id, &input, confirm_not_bsn))
}

pub fn edit_interaction(
    state: State<'_, AppState>,
    id: i64,
    change: InteractionChange,
    confirm_not_bsn: bool,
) -> Res<()> {
    state.with_vault(|v| contacts::edit_interaction(v, id, &change, confirm_not_bsn))
}

pub fn delete_interaction(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with_vault(|v| contacts::delete_interaction(v, id))
}
