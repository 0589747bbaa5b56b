//! Erasure at the person's request (Art. 17): everything about them goes — details,
//! interactions, purpose links, the consent ledger and the consent texts no one else's events
//! refer to, field values, the search entry, the organisation no one else links to (unless
//! the user keeps it), the free text of their requests (replaced by a generated note without
//! personal data; the request rows stay as the record that they were handled) — except what a
//! legal hold keeps (fiscal records, until their own period ends). A tombstone (pseudonymous
//! id and time) and a deletion-log entry record it, and where the person objected to direct
//! marketing their addresses stay on the suppression list as salted hashes. Spans contacts,
//! consent, requests, retention and suppression; `Vault::write` checkpoints the WAL afterwards
//! so the erased rows do not linger there.

use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::domain::consent;
use crate::domain::contacts::{read, search, write};
use crate::domain::requests::{self, recipients, recipients::NoticeAction};
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
    /// Consent texts that go with the person (no other person's consent events refer to them).
    #[ts(type = "number")]
    pub consent_texts: i64,
    /// The person's organisation has no other contact: it is removed with them unless kept.
    pub organisation_orphaned: bool,
    /// (After the erasure) the organisation was removed.
    pub organisation_removed: bool,
    /// Requests whose free text is replaced by a note without personal data (the rows stay).
    #[ts(type = "number")]
    pub requests_redacted: i64,
    /// What stays: the tombstone's pseudonymous id (`contact:<id>`) …
    pub tombstone: String,
    /// … and its time (set in the confirmation, after the erasure).
    pub erased_at: Option<String>,
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
    let texts = consent::texts_of(conn, id)?;
    let mut consent_texts = 0;
    for h in &texts {
        let others: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM consent_events WHERE text_sha256 = ?1 AND contact_id <> ?2)",
            params![h, id],
            |r| r.get(0),
        )?;
        consent_texts += i64::from(!others);
    }
    Ok(ErasurePreview {
        contact_id: id,
        interactions: count(conn, "interactions", id)?,
        consent_events: count(conn, "consent_events", id)?,
        purpose_links: count(conn, "contact_purposes", id)?,
        field_values: count(conn, "field_values", id)?,
        fiscal_records_kept: dates.len() as i64,
        kept_until,
        suppression_kept: contact.objected_at.is_some(),
        consent_texts,
        organisation_orphaned: write::sole_organisation(conn, id)?.is_some(),
        organisation_removed: false,
        requests_redacted: conn.query_row(
            "SELECT count(*) FROM requests WHERE contact_id = ?1",
            [id],
            |r| r.get(0),
        )?,
        tombstone: format!("contact:{id}"),
        erased_at: None,
    })
}

/// The note that replaces the free text of the person's requests: what was erased and what is
/// held under which duty until when; counts, dates and ids only, no personal data.
fn request_note(p: &ErasurePreview, at: &str) -> String {
    let mut note = format!(
        "Erased at the person's request on {at} ({}): contact details, {} interactions, \
         {} consent records, {} purpose links, {} field values",
        p.tombstone, p.interactions, p.consent_events, p.purpose_links, p.field_values
    );
    if p.organisation_removed {
        note.push_str(", the organisation");
    }
    note.push('.');
    let mut kept = Vec::new();
    if p.fiscal_records_kept > 0 {
        kept.push(format!(
            "{} fiscal records under the fiscal retention duty (Art. 52 AWR) until {}",
            p.fiscal_records_kept,
            p.kept_until.as_deref().unwrap_or("the end of their period")
        ));
    }
    if p.suppression_kept {
        kept.push(
            "the salted hash of the e-mail addresses on the suppression list (objection to \
             direct marketing, Art. 21(3) GDPR)"
                .into(),
        );
    }
    kept.push("the tombstone (id and time)".into());
    note.push_str(&format!(" Kept: {}.", kept.join("; ")));
    note
}

/// Erases the contact (one transaction, then a WAL checkpoint). Works on a restricted contact
/// too: it is the person's own request. `keep_organisation`: an organisation no one else links
/// to stays (the user said it is not the person's own). Returns the confirmation: what went
/// and what stays.
pub fn erase(
    vault: &mut Vault,
    id: i64,
    request_id: Option<i64>,
    keep_organisation: bool,
) -> Result<ErasurePreview> {
    vault.write(|tx, ctx| erase_in(tx, ctx, id, request_id, keep_organisation))
}

/// The erasure inside the caller's transaction (also re-applied by a restore).
pub(crate) fn erase_in(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    request_id: Option<i64>,
    keep_organisation: bool,
) -> Result<ErasurePreview> {
    let mut p = preview(conn, id)?;
    if let Some(r) = request_id {
        requests::get(conn, r, ctx.now.date_naive())?;
    }
    if p.suppression_kept {
        suppression::add_contact(conn, ctx, id)?;
    }
    let organisation = write::sole_organisation(conn, id)?.filter(|_| !keep_organisation);
    let texts = consent::texts_of(conn, id)?;
    let at = format_instant(ctx.now);
    p.erased_at = Some(at.clone());
    // The organisation goes in this same transaction (below), so the note can say so.
    p.organisation_removed = organisation.is_some();
    let note = request_note(&p, &ctx.now.date_naive().to_string());
    // Art. 19: the recipients are told, on the request (it stays); without one on the open
    // erasure request of the person, if any. A list on the contact would go with it.
    let on = match request_id {
        Some(r) => Some(r),
        None => requests::open_of(conn, id, requests::RequestKind::Erasure)?,
    };
    if let Some(r) = on {
        recipients::list_for(conn, ctx, id, recipients::Target::Request(r), NoticeAction::Erasure)?;
    }
    // Before the contact goes: its requests still point to it.
    p.requests_redacted =
        requests::redact_for_erasure(conn, ctx, id, request_id, &note)?.len() as i64;
    purge::delete_contact(conn, id)?;
    consent::delete_unreferenced_texts(conn, &texts)?;
    if let Some(org) = organisation {
        write::delete_unlinked_organisation(conn, ctx, org)?;
    }
    search::optimize(conn)?;
    let mut ids = vec![format!("contact:{id}")];
    ids.extend(request_id.map(|r| format!("request:{r}")));
    conn.execute(
        "INSERT INTO deletion_log (at, trigger, rule, category, count, ids)
         VALUES (?1, 'erasure', 'erasure', 'Erasure at the person''s request', 1, ?2)",
        params![at, serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into())],
    )?;
    conn.execute(
        "INSERT OR IGNORE INTO tombstones (contact_id, erased_at) VALUES (?1, ?2)",
        params![id, at],
    )?;
    ctx.audit(conn, "contact.erase", "contact", Some(id), &[])?;
    Ok(p)
}
