//! Telling the recipients (Art. 19): after a rectification, an erasure or a restriction, every
//! processor of the person's purposes (ended links too: they received the data) becomes a line
//! of a checklist with the date it was told.
//!
//! A checklist hangs on the request that asked for the change, so it stays when the person is
//! erased (the request row is the record that the request was handled) and goes with the
//! request under the records' retention rule. A restriction without a request hangs it on the
//! contact: it goes with the contact (erasure or purge), and a told line goes after the
//! records' period too. A line holds no personal data of the person beyond that link: the
//! processor's id and a snapshot of its name, the action and the dates. Audit rows name ids
//! and field names only.

use std::collections::BTreeSet;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

use crate::domain::register::processors;
use crate::kernel::clock::Ctx;
use crate::kernel::date::{format_instant, parse_date};
use crate::kernel::error::{Error, Result};

crate::kernel::str_enum! {
    /// The change the recipients are told of.
    pub enum NoticeAction("action") {
        Rectification => "rectification",
        Erasure => "erasure",
        Restriction => "restriction",
    }
}

/// One line of the checklist: a recipient to tell of a change, and when it was told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RecipientNotice {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub request_id: Option<i64>,
    #[ts(type = "number | null")]
    pub contact_id: Option<i64>,
    /// None when the processor was removed from the register since (its name stays).
    #[ts(type = "number | null")]
    pub processor_id: Option<i64>,
    /// The processor's name when the line was made.
    pub processor_name: String,
    pub action: NoticeAction,
    pub created_at: String,
    /// YYYY-MM-DD; None while not told.
    pub told_at: Option<String>,
}

/// Where a checklist hangs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Request(i64),
    Contact(i64),
}

const COLUMNS: &str =
    "id, request_id, contact_id, processor_id, processor_name, action, created_at, told_at";

fn row(r: &Row<'_>) -> rusqlite::Result<RecipientNotice> {
    let action: String = r.get(5)?;
    Ok(RecipientNotice {
        id: r.get(0)?,
        request_id: r.get(1)?,
        contact_id: r.get(2)?,
        processor_id: r.get(3)?,
        processor_name: r.get(4)?,
        action: action.parse().map_err(|_| {
            rusqlite::Error::FromSqlConversionFailure(
                5,
                rusqlite::types::Type::Text,
                "action".into(),
            )
        })?,
        created_at: r.get(6)?,
        told_at: r.get(7)?,
    })
}

/// Makes the checklist of `action` for the person `contact_id` on `target`: one line per
/// processor of their purposes that has no line of that action there yet. Returns the number
/// of lines made (0 when no one receives the person's data).
pub fn list_for(
    conn: &Connection,
    ctx: &Ctx<'_>,
    contact_id: i64,
    target: Target,
    action: NoticeAction,
) -> Result<usize> {
    let mut s = conn
        .prepare_cached("SELECT DISTINCT purpose_id FROM contact_purposes WHERE contact_id = ?1")?;
    let purposes: BTreeSet<i64> =
        s.query_map([contact_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let (request_id, on_contact) = match target {
        Target::Request(id) => (Some(id), None),
        Target::Contact(id) => (None, Some(id)),
    };
    let mut made = 0;
    for p in processors::for_purposes(conn, ctx, &purposes)? {
        let exists: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM recipient_notices
                            WHERE request_id IS ?1 AND contact_id IS ?2 AND processor_id = ?3
                              AND action = ?4)",
            params![request_id, on_contact, p.id, action.as_str()],
            |r| r.get(0),
        )?;
        if exists {
            continue;
        }
        conn.execute(
            "INSERT INTO recipient_notices (request_id, contact_id, processor_id, processor_name,
                                            action, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![request_id, on_contact, p.id, p.name, action.as_str(), format_instant(ctx.now)],
        )?;
        made += 1;
    }
    if made > 0 {
        let (entity, id) = match target {
            Target::Request(id) => ("request", id),
            Target::Contact(id) => ("contact", id),
        };
        ctx.audit(conn, "recipients.list", entity, Some(id), &["processor_id", "action"])?;
    }
    Ok(made)
}

/// The checklist of a request, by processor name.
pub fn of_request(conn: &Connection, request_id: i64) -> Result<Vec<RecipientNotice>> {
    query(conn, "request_id", request_id)
}

/// The checklist of a contact without a request (a restriction), by processor name.
pub fn of_contact(conn: &Connection, contact_id: i64) -> Result<Vec<RecipientNotice>> {
    query(conn, "contact_id", contact_id)
}

/// Every line about the person: on the contact and on their requests (for the subject-access
/// report and the portability export).
pub fn of_person(conn: &Connection, contact_id: i64) -> Result<Vec<RecipientNotice>> {
    let mut s = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM recipient_notices
         WHERE contact_id = ?1
            OR request_id IN (SELECT id FROM requests WHERE contact_id = ?1)
         ORDER BY id"
    ))?;
    let v = s.query_map([contact_id], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

fn query(conn: &Connection, column: &str, id: i64) -> Result<Vec<RecipientNotice>> {
    let mut s = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM recipient_notices WHERE {column} = ?1
         ORDER BY processor_name COLLATE NOCASE, action, id"
    ))?;
    let v = s.query_map([id], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

/// Records that the recipient of line `notice_id` was told on `on` (YYYY-MM-DD or DD-MM-YYYY,
/// not in the future); telling again moves the date.
pub fn told(conn: &Connection, ctx: &Ctx<'_>, notice_id: i64, on: &str) -> Result<()> {
    let date = parse_date(on, "told_at")?;
    if date > ctx.now.date_naive() {
        return Err(Error::invalid("told_at", "the date is in the future"));
    }
    let n = conn.execute(
        "UPDATE recipient_notices SET told_at = ?2 WHERE id = ?1",
        params![notice_id, date.to_string()],
    )?;
    if n == 0 {
        return Err(Error::NotFound(format!("recipient notice {notice_id}")));
    }
    ctx.audit(conn, "recipient.told", "recipient_notice", Some(notice_id), &["told_at"])
}

/// The line of `target`'s checklist for processor `processor_id` (the newest when there are
/// several actions), for the CLI's `--processor`.
pub fn find(conn: &Connection, target: Target, processor_id: i64) -> Result<i64> {
    let (column, id) = match target {
        Target::Request(id) => ("request_id", id),
        Target::Contact(id) => ("contact_id", id),
    };
    conn.query_row(
        &format!(
            "SELECT id FROM recipient_notices WHERE {column} = ?1 AND processor_id = ?2
             ORDER BY told_at IS NOT NULL, id DESC LIMIT 1"
        ),
        params![id, processor_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("processor {processor_id} on the recipients checklist")))
}

/// Under the records' rule: told lines on contacts (a restriction without a request) told
/// before `cutoff` (RFC 3339); lines on requests go with their request. Returns how many went.
pub fn purge_told(conn: &Connection, cutoff: &str) -> Result<usize> {
    let date = cutoff.get(..10).unwrap_or(cutoff);
    Ok(conn.execute(
        "DELETE FROM recipient_notices
         WHERE request_id IS NULL AND told_at IS NOT NULL AND told_at < ?1",
        [date],
    )?)
}

/// The number of told contact lines `purge_told` would remove.
pub fn count_told_before(conn: &Connection, cutoff: &str) -> Result<i64> {
    let date = cutoff.get(..10).unwrap_or(cutoff);
    Ok(conn.query_row(
        "SELECT count(*) FROM recipient_notices
         WHERE request_id IS NULL AND told_at IS NOT NULL AND told_at < ?1",
        [date],
        |r| r.get(0),
    )?)
}
