//! The mailing list for one purpose: only people whose data may be used for it now (a current
//! consent, or another valid basis), never restricted people, never an objection or a
//! suppressed address, never an address marked undeliverable. Special-category fields are
//! never part of it.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::domain::consent;
use crate::domain::contacts::undeliverable;
use crate::domain::register::purposes;
use crate::domain::suppression;
use crate::kernel::clock::Ctx;
use crate::kernel::csv;
use crate::kernel::error::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Recipient {
    #[ts(type = "number")]
    pub contact_id: i64,
    pub name: String,
    pub email: String,
}

/// The recipients for a purpose, by name.
pub fn recipients(conn: &Connection, purpose_id: i64) -> Result<Vec<Recipient>> {
    purposes::get(conn, purpose_id)?;
    let mut s = conn.prepare(
        "SELECT c.id, c.name, c.emails FROM contact_purposes l JOIN contacts c ON c.id = l.contact_id
         WHERE l.purpose_id = ?1 AND c.restricted_reason IS NULL
         ORDER BY c.name COLLATE NOCASE, c.id",
    )?;
    let rows: Vec<(i64, String, String)> = s
        .query_map([purpose_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for (id, name, emails) in rows {
        let usable =
            consent::links(conn, id)?.into_iter().any(|l| l.purpose.id == purpose_id && l.usable);
        if !usable {
            continue;
        }
        let emails: Vec<String> = serde_json::from_str(&emails).unwrap_or_default();
        let mut first = None;
        for e in emails {
            if suppression::is_suppressed(conn, &e)? {
                first = None;
                break;
            }
            // A bounced address is left out; another address of the person may still work.
            if first.is_none() && !undeliverable::is_undeliverable(conn, id, &e)? {
                first = Some(e);
            }
        }
        if let Some(email) = first {
            out.push(Recipient { contact_id: id, name, email });
        }
    }
    Ok(out)
}

/// The mailing list as CSV (name, email), recorded in the audit trail.
pub fn csv(conn: &Connection, ctx: &Ctx<'_>, purpose_id: i64) -> Result<(String, usize)> {
    let list = recipients(conn, purpose_id)?;
    let mut out = csv::row(&["name", "email"]);
    for r in &list {
        out.push_str(&csv::row(&[&r.name, &r.email]));
    }
    let detail = format!("rows={}", list.len());
    ctx.audit_detail(
        conn,
        "export.mailing_list",
        "purpose",
        Some(purpose_id),
        &["name", "email"],
        Some(&detail),
    )?;
    Ok((out, list.len()))
}
