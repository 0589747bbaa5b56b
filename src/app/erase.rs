//! Erasure at the person's request (Art. 17): everything about them goes — details,
//! interactions, purpose links, the consent ledger, field values, the search entry — except
//! what a legal hold keeps (fiscal records, until their own period ends). A tombstone in the
//! deletion log (pseudonymous id, time, request id) records it, and where the person objected
//! to direct marketing their addresses stay on the suppression list. Spans contacts,
//! requests, retention and suppression; the WAL is checkpointed afterwards so the erased rows
//! do not linger there.

use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::domain::contacts::{read, search};
use crate::domain::requests;
use crate::domain::retention::period::end_of_financial_year;
use crate::domain::retention::{purge, rules};
use crate::domain::suppression;
use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::error::Result;
use crate::vault::Vault;

/// What an erasure will remove and what it keeps, shown to the user beforehand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErasurePreview {
    #[ts(type = "number")]
    pub contact_id: i64,
    #[ts(type = "number")]
    pub interactions: i64,
    #[ts(type = "number")]
    pub consent_events: i64,
    #[ts(type = "number")]
    pub purpose_links: i64,
    #[ts(type = "number")]
    pub field_values: i64,
    /// Fiscal records kept under their legal hold (with the counterparty copied on them).
    #[ts(type = "number")]
    pub fiscal_records_kept: i64,
    /// The last day a kept fiscal record must be kept, if any (YYYY-MM-DD).
    pub kept_until: Option<String>,
    /// The addresses stay on the suppression list (as salted hashes) because of an objection.
    pub suppression_kept: bool,
}

fn count(conn: &Connection, table: &str, id: i64) -> Result<i64> {
    Ok(conn.query_row(
        &format!("SELECT count(*) FROM {table} WHERE contact_id = ?1"),
        [id],
        |r| r.get(0),
    )?)
}

/// What erasing contact `id` would remove and keep; changes nothing.
pub fn preview(conn: &Connection, id: i64) -> Result<ErasurePreview> {
    let contact = read::contact(conn, id)?;
    let mut s = conn.prepare("SELECT date FROM fiscal_documents WHERE contact_id = ?1")?;
    let dates: Vec<String> = s.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let (period, _) = rules::current(conn, rules::RuleKey::FiscalRecords)?;
    let kept_until = dates
        .iter()
        .filter_map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .filter_map(|d| period.after_date(end_of_financial_year(d)))
        .max()
        .map(|d| d.to_string());
    Ok(ErasurePreview {
        contact_id: id,
        interactions: count(conn, "interactions", id)?,
        consent_events: count(conn, "consent_events", id)?,
        purpose_links: count(conn, "contact_purposes", id)?,
        field_values: count(conn, "field_values", id)?,
        fiscal_records_kept: dates.len() as i64,
        kept_until,
        suppression_kept: contact.objected_at.is_some(),
    })
}

/// Erases the contact (one transaction, then a WAL checkpoint). Works on a restricted contact
/// too: it is the person's own request.
pub fn erase(vault: &mut Vault, id: i64, request_id: Option<i64>) -> Result<ErasurePreview> {
    let p = vault.write(|tx, ctx| erase_in(tx, ctx, id, request_id))?;
    vault.checkpoint()?;
    Ok(p)
}

/// The erasure inside the caller's transaction (also re-applied by a restore).
pub(crate) fn erase_in(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    request_id: Option<i64>,
) -> Result<ErasurePreview> {
    let p = preview(conn, id)?;
    if let Some(r) = request_id {
        requests::get(conn, r, ctx.now.date_naive())?;
    }
    if p.suppression_kept {
        suppression::add_contact(conn, ctx, id)?;
    }
    purge::delete_contact(conn, id)?;
    search::optimize(conn)?;
    let mut ids = vec![format!("contact:{id}")];
    ids.extend(request_id.map(|r| format!("request:{r}")));
    conn.execute(
        "INSERT INTO deletion_log (at, trigger, rule, category, count, ids)
         VALUES (?1, 'erasure', 'erasure', 'Erasure at the person''s request', 1, ?2)",
        params![
            format_instant(ctx.now),
            serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into())
        ],
    )?;
    conn.execute(
        "INSERT OR IGNORE INTO tombstones (contact_id, erased_at) VALUES (?1, ?2)",
        params![id, format_instant(ctx.now)],
    )?;
    ctx.audit(conn, "contact.erase", "contact", Some(id), &[])?;
    Ok(p)
}
