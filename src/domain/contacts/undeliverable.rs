//! Addresses a newsletter tool found undeliverable (hard bounces, Mailchimp's "cleaned"
//! members). A mark is personal data of the contact: it goes with the contact (erasure, purge:
//! the rows cascade), is shown on the contact and in the subject-access export, and leaves the
//! address off every mailing list. It says nothing about consent. A mark holds only while the
//! contact still has the address: an address edited away takes its mark with it.

use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::kernel::clock::Ctx;
use crate::kernel::error::Result;

/// One undeliverable address of a contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UndeliverableAddress {
    pub email: String,
    /// When the tool gave up on the address (from the file), else when it was imported.
    pub marked_at: String,
    /// Where the mark came from: the file and the campaign.
    pub evidence: String,
}

/// Marks `email` of contact `contact_id` undeliverable; false when it was marked already (the
/// first mark is kept). Audited by the contact's id and the field name.
pub fn mark(
    conn: &Connection,
    ctx: &Ctx<'_>,
    contact_id: i64,
    email: &str,
    marked_at: &str,
    evidence: &str,
) -> Result<bool> {
    let n = conn.execute(
        "INSERT OR IGNORE INTO undeliverable (contact_id, email, marked_at, evidence)
         VALUES (?1, ?2, ?3, ?4)",
        params![contact_id, email, marked_at, evidence],
    )?;
    if n > 0 {
        ctx.audit(conn, "contact.undeliverable", "contact", Some(contact_id), &["email"])?;
    }
    Ok(n > 0)
}

/// The undeliverable addresses the contact still has, in the order of its addresses.
pub fn of_contact(conn: &Connection, contact_id: i64) -> Result<Vec<UndeliverableAddress>> {
    let mut s = conn.prepare_cached(
        "SELECT u.email, u.marked_at, u.evidence FROM undeliverable u
         WHERE u.contact_id = ?1
           AND EXISTS (SELECT 1 FROM contacts c, json_each(c.emails) e
                       WHERE c.id = u.contact_id AND lower(e.value) = lower(u.email))
         ORDER BY u.rowid",
    )?;
    let out = s
        .query_map([contact_id], |r| {
            Ok(UndeliverableAddress { email: r.get(0)?, marked_at: r.get(1)?, evidence: r.get(2)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// Whether `email` of the contact is marked undeliverable.
pub fn is_undeliverable(conn: &Connection, contact_id: i64, email: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM undeliverable WHERE contact_id = ?1 AND email = ?2)",
        )?
        .query_row(params![contact_id, email], |r| r.get(0))?)
}

/// Drops the marks of addresses the contact no longer has (after an edit).
pub fn forget_removed(conn: &Connection, contact_id: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM undeliverable WHERE contact_id = ?1
           AND NOT EXISTS (SELECT 1 FROM contacts c, json_each(c.emails) e
                           WHERE c.id = ?1 AND lower(e.value) = lower(undeliverable.email))",
        [contact_id],
    )?;
    Ok(())
}
