//! Bulk actions on the triage list, the review queue and the re-permission list; a new
//! contact with the link the core proposes; the contacts list by initial.

use kluis::app;
use kluis::app::bulk::{BulkList, BulkReport, LinkRef};
use kluis::domain::consent;
use kluis::domain::contacts::initial::{self, InitialCount};
use kluis::domain::contacts::{self, ContactInput, ContactPage, Relationship};
use kluis::domain::register::purposes::Purpose;
use tauri::State;

use super::Res;
use crate::state::AppState;

pub fn bulk_link(
    state: State<'_, AppState>,
    contact_ids: Vec<i64>,
    purpose_id: i64,
) -> Res<BulkReport> {
    state.with_vault(|v| app::bulk::link(v, &contact_ids, purpose_id))
}

pub fn bulk_review_keep(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    reason: String,
    until: String,
) -> Res<BulkReport> {
    state.with_vault(|v| app::bulk::keep(v, &ids, &reason, &until))
}

pub fn bulk_review_delete(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    confirm: bool,
) -> Res<BulkReport> {
    state.with_vault(|v| app::bulk::delete_reviewed(v, &ids, confirm))
}

pub fn bulk_delete_contacts(
    state: State<'_, AppState>,
    list: BulkList,
    contact_ids: Vec<i64>,
    confirm: bool,
) -> Res<BulkReport> {
    state.with_vault(|v| app::bulk::delete_contacts(v, list, &contact_ids, confirm))
}

pub fn bulk_mark_repermission(state: State<'_, AppState>, links: Vec<LinkRef>) -> Res<BulkReport> {
    state.with_vault(|v| app::bulk::mark_repermission(v, &links))
}

pub fn proposed_purpose(
    state: State<'_, AppState>,
    relationship: Relationship,
) -> Res<Option<Purpose>> {
    state.with_vault(|v| consent::proposed_purpose(v.conn(), relationship))
}

pub fn add_contact(
    state: State<'_, AppState>,
    input: ContactInput,
    confirm_not_bsn: bool,
    link_purpose: Option<i64>,
) -> Res<i64> {
    state.with_vault(|v| app::contacts::add(v, &input, confirm_not_bsn, link_purpose))
}

pub fn contact_initials(state: State<'_, AppState>) -> Res<Vec<InitialCount>> {
    state.with_vault(|v| initial::counts(v.conn()))
}

pub fn list_contacts_by_initial(
    state: State<'_, AppState>,
    query: Option<String>,
    initial: Option<String>,
    limit: i64,
    offset: i64,
) -> Res<ContactPage> {
    state.with_vault(|v| {
        contacts::list_by_initial(v, query.as_deref(), initial.as_deref(), Some(limit), offset)
    })
}
