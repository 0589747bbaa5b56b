use kluis::app;
use kluis::domain::retention::documents::{self, DocumentKind, FiscalDocument};
use kluis::domain::retention::purge::{self, PurgeItem, PurgeReport};
use kluis::domain::retention::rules::{self, Action, Rule, RuleKey};
use kluis::domain::retention::{self as ret, DeletionLogEntry, ReviewItem};
use kluis::kernel::language::Language;
use tauri::{AppHandle, State};

use super::{ui_language, Res};
use crate::dialog::{self, Save};
use crate::state::AppState;

pub fn retention_rules(state: State<'_, AppState>, language: Language) -> Res<Vec<Rule>> {
    state.with_vault(|v| rules::list(v.conn(), language))
}

pub fn set_retention_rule(
    state: State<'_, AppState>,
    key: RuleKey,
    period: String,
    action: Action,
) -> Res<()> {
    state.with_vault(|v| {
        let period = period.parse()?;
        v.write(|tx, c| rules::set(tx, c, key, period, action))
    })
}

/// The dry run: everything due now, by rule. Changes nothing.
pub fn purge_plan(state: State<'_, AppState>) -> Res<Vec<PurgeItem>> {
    state.with_vault(|v| purge::plan(v.conn(), v.now()))
}

/// Runs the purge now; `confirm` agrees to a mass deletion.
pub fn purge_now(state: State<'_, AppState>, confirm: bool) -> Res<PurgeReport> {
    state.with_vault(|v| app::retention::purge_now(v, confirm))
}

pub fn review_queue(state: State<'_, AppState>) -> Res<Vec<ReviewItem>> {
    state.with_vault(|v| ret::review_queue(v.conn(), true))
}

pub fn review_keep(state: State<'_, AppState>, id: i64, reason: String, until: String) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| ret::review_keep(tx, c, id, &reason, &until)))
}

pub fn review_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with_vault(|v| app::retention::review_delete(v, id))
}

pub fn deletion_log(state: State<'_, AppState>) -> Res<Vec<DeletionLogEntry>> {
    state.with_vault(|v| ret::deletion_log(v.conn()))
}

/// The written retention policy as Markdown.
pub fn retention_policy(state: State<'_, AppState>, language: Language) -> Res<String> {
    state.with_vault(|v| ret::policy_markdown(v.conn(), language, "", v.now()))
}

/// Writes the retention policy, as a PDF or as Markdown, to a file the user chooses in the save
/// dialog; the file written, None when the user cancelled.
pub fn save_retention_policy(
    app: AppHandle,
    state: State<'_, AppState>,
    language: Language,
    pdf: bool,
) -> Res<Option<String>> {
    let Some(path) = dialog::save(&app, ui_language(&state), &Save::Policy { pdf }) else {
        return Ok(None);
    };
    state.with_vault(|v| app::retention::write_policy(v, language, "", &path, pdf))?;
    Ok(Some(path.display().to_string()))
}

/// Writes the deletion log as CSV (the written record of what was deleted when) to a file the
/// user chooses in the save dialog; the file written, None when the user cancelled.
pub fn save_deletion_log(app: AppHandle, state: State<'_, AppState>) -> Res<Option<String>> {
    let Some(path) = dialog::save(&app, ui_language(&state), &Save::DeletionLog) else {
        return Ok(None);
    };
    state.with_vault(|v| app::retention::save_deletion_log(v, &path))?;
    Ok(Some(path.display().to_string()))
}

pub fn list_documents(state: State<'_, AppState>, contact_id: i64) -> Res<Vec<FiscalDocument>> {
    state.with_vault(|v| documents::for_contact(v.conn(), contact_id, v.now().date_naive()))
}

pub fn add_document(
    state: State<'_, AppState>,
    contact_id: i64,
    kind: DocumentKind,
    number: String,
    date: String,
    amount: String,
    confirm_not_bsn: bool,
) -> Res<i64> {
    state.with_vault(|v| {
        let cents = documents::parse_amount(&amount)?;
        v.write(|tx, c| {
            documents::add(
                tx,
                c,
                contact_id,
                &documents::NewDocument {
                    kind,
                    number: &number,
                    date: &date,
                    amount_cents: cents,
                    confirm_not_bsn,
                },
            )
        })
    })
}

/// Appends a correction of fiscal record `id` with these values; the new record's id.
pub fn correct_document(
    state: State<'_, AppState>,
    id: i64,
    kind: DocumentKind,
    number: String,
    date: String,
    amount: String,
    confirm_not_bsn: bool,
) -> Res<i64> {
    state.with_vault(|v| {
        let cents = documents::parse_amount(&amount)?;
        v.write(|tx, c| {
            documents::correct(
                tx,
                c,
                id,
                &documents::Correction {
                    kind: Some(kind),
                    number: Some(&number),
                    date: Some(&date),
                    amount_cents: Some(cents),
                    confirm_not_bsn,
                },
            )
        })
    })
}

pub fn delete_document(state: State<'_, AppState>, id: i64) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| documents::delete(tx, c, id)))
}
