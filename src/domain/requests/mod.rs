//! Data-subject requests (R6): type, received date, the one-month deadline (extendable by two
//! months with a recorded reason and notification date), the identity check (the method, never
//! a copy of an ID document), the handler, status, outcome and the files produced (by hash).

pub mod deadline;
pub mod recipients;

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::date::parse_date;
use crate::kernel::error::{Error, Result};

crate::kernel::str_enum! {
    pub enum RequestKind("type") {
        Access => "access",
        Rectification => "rectification",
        Erasure => "erasure",
        Restriction => "restriction",
        Portability => "portability",
        Objection => "objection",
    }
}

crate::kernel::str_enum! {
    /// How the person's identity was checked. Kluis records the method, never a copy.
    pub enum IdentityMethod("method") {
        CustomerNumber => "customer-number",
        RecentOrder => "recent-order",
        IdDocumentBsnMasked => "id-document-bsn-masked",
        KnownEmail => "known-email",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Request {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub contact_id: Option<i64>,
    pub kind: RequestKind,
    pub received: String,
    /// The deadline in force (the extended one when extended).
    pub due: String,
    pub original_due: String,
    pub extended: bool,
    pub extension_reason: Option<String>,
    pub extension_notified: Option<String>,
    pub identity_method: Option<IdentityMethod>,
    pub identity_note: Option<String>,
    pub handler: String,
    pub open: bool,
    pub outcome: Option<String>,
    pub closed_at: Option<String>,
    /// Open and past its deadline.
    pub overdue: bool,
    /// Open and due within the next seven days.
    pub due_soon: bool,
    /// Files produced for the request, by hash.
    pub files: Vec<RequestFile>,
    /// How the answer was sent: address, protection, number of lines withheld.
    pub deliveries: Vec<Delivery>,
}

/// How an access report was sent (R6.4): the address (None when none was given, or after the
/// person's erasure), whether it was on the contact, whether the copy was password-protected
/// (the password itself is never kept) and how many lines were withheld as concerning
/// someone else (Art. 15(4); not which).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Delivery {
    pub sent_to: Option<String>,
    pub address_known: bool,
    pub protected: bool,
    #[ts(type = "number")]
    pub redactions: i64,
    pub created_at: String,
}

fn deliveries(conn: &Connection, id: i64) -> Result<Vec<Delivery>> {
    let mut s = conn.prepare(
        "SELECT sent_to, address_known, protected, redactions, created_at
         FROM request_deliveries WHERE request_id = ?1 ORDER BY rowid",
    )?;
    let v = s
        .query_map([id], |r| {
            Ok(Delivery {
                sent_to: r.get(0)?,
                address_known: r.get(1)?,
                protected: r.get(2)?,
                redactions: r.get(3)?,
                created_at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RequestFile {
    pub kind: String,
    pub sha256: String,
    pub created_at: String,
}

fn files(conn: &Connection, id: i64) -> Result<Vec<RequestFile>> {
    let mut s = conn.prepare(
        "SELECT kind, sha256, created_at FROM request_files WHERE request_id = ?1 ORDER BY rowid",
    )?;
    let v = s
        .query_map([id], |r| {
            Ok(RequestFile { kind: r.get(0)?, sha256: r.get(1)?, created_at: r.get(2)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

const COLUMNS: &str = "id, contact_id, kind, received, due, extended_due, extension_reason,
    extension_notified, identity_method, identity_note, handler, status, outcome, closed_at";

fn row(r: &Row<'_>, today: NaiveDate) -> rusqlite::Result<Request> {
    let kind: String = r.get(2)?;
    let due: String = r.get(4)?;
    let extended: Option<String> = r.get(5)?;
    let method: Option<String> = r.get(8)?;
    let status: String = r.get(11)?;
    let current = extended.clone().unwrap_or_else(|| due.clone());
    let open = status == "open";
    let due_date = NaiveDate::parse_from_str(&current, "%Y-%m-%d").unwrap_or(today);
    Ok(Request {
        id: r.get(0)?,
        contact_id: r.get(1)?,
        kind: kind.parse().unwrap_or(RequestKind::Access),
        received: r.get(3)?,
        original_due: due,
        extended: extended.is_some(),
        due: current,
        extension_reason: r.get(6)?,
        extension_notified: r.get(7)?,
        identity_method: method.and_then(|m| m.parse().ok()),
        identity_note: r.get(9)?,
        handler: r.get(10)?,
        open,
        outcome: r.get(12)?,
        closed_at: r.get(13)?,
        overdue: open && due_date < today,
        due_soon: open && due_date >= today && due_date <= today + Duration::days(7),
        files: Vec::new(),
        deliveries: Vec::new(),
    })
}

pub fn get(conn: &Connection, id: i64, today: NaiveDate) -> Result<Request> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM requests WHERE id = ?1"), [id], |r| {
        row(r, today)
    })
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("request {id}")))
}

/// Requests, open ones first by deadline.
pub fn list(conn: &Connection, today: NaiveDate) -> Result<Vec<Request>> {
    let mut s = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM requests
         ORDER BY status = 'closed', coalesce(extended_due, due), id"
    ))?;
    let mut v: Vec<Request> =
        s.query_map([], |r| row(r, today))?.collect::<rusqlite::Result<_>>()?;
    for r in &mut v {
        r.files = files(conn, r.id)?;
        r.deliveries = deliveries(conn, r.id)?;
    }
    Ok(v)
}

fn short_text(field: &'static str, v: &str, max: usize) -> Result<String> {
    let v = v.trim();
    if v.is_empty() || v.chars().count() > max {
        return Err(Error::invalid(field, format!("required, at most {max} characters")));
    }
    // The record of a request holds no BSN (like the identity note): refused, not confirmed.
    if crate::kernel::bsn::looks_like_bsn(v) {
        return Err(Error::BsnSuspected { field });
    }
    Ok(v.to_owned())
}

/// Registers a request; the deadline is computed from the received date.
pub fn add(
    conn: &Connection,
    ctx: &Ctx<'_>,
    contact_id: i64,
    kind: RequestKind,
    received: &str,
) -> Result<i64> {
    crate::domain::contacts::read::contact(conn, contact_id)?;
    let received = parse_date(received, "received")?;
    if received > ctx.now.date_naive() {
        return Err(Error::invalid("received", "the received date is in the future"));
    }
    let due = deadline::due_after(received, 1);
    conn.execute(
        "INSERT INTO requests (contact_id, kind, received, due, handler, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            contact_id,
            kind.as_str(),
            received.to_string(),
            due.to_string(),
            ctx.actor,
            format_instant(ctx.now)
        ],
    )?;
    let id = conn.last_insert_rowid();
    ctx.audit(conn, "request.create", "contact", Some(contact_id), &["kind", "received"])?;
    Ok(id)
}

/// Extends the deadline by two months (three after receipt): the reason is recorded, and the
/// person must have been told within the first month.
pub fn extend(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    reason: &str,
    notified: &str,
) -> Result<()> {
    let today = ctx.now.date_naive();
    let r = get(conn, id, today)?;
    if !r.open {
        return Err(Error::invalid("id", "the request is closed"));
    }
    if r.extended {
        return Err(Error::invalid("id", "the request was extended already"));
    }
    let reason = short_text("reason", reason, 1_000)?;
    let notified_date = parse_date(notified, "notified")?;
    let received = parse_date(&r.received, "received")?;
    let original = parse_date(&r.original_due, "due")?;
    if notified_date < received || notified_date > original {
        return Err(Error::invalid(
            "notified",
            "the person must be told of the extension within the first month",
        ));
    }
    let extended = deadline::due_after(received, 3);
    conn.execute(
        "UPDATE requests SET extended_due = ?2, extension_reason = ?3, extension_notified = ?4
         WHERE id = ?1",
        params![id, extended.to_string(), reason, notified_date.to_string()],
    )?;
    ctx.audit(
        conn,
        "request.extend",
        "request",
        Some(id),
        &["extension_reason", "extension_notified"],
    )
}

/// Records how the person's identity was checked (never a copy of a document).
pub fn record_identity(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    method: IdentityMethod,
    note: Option<&str>,
) -> Result<()> {
    get(conn, id, ctx.now.date_naive())?;
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > 500) {
        return Err(Error::invalid("note", "at most 500 characters"));
    }
    if note.is_some_and(crate::kernel::bsn::looks_like_bsn) {
        return Err(Error::BsnSuspected { field: "note" });
    }
    conn.execute(
        "UPDATE requests SET identity_method = ?2, identity_note = ?3 WHERE id = ?1",
        params![id, method.as_str(), note],
    )?;
    ctx.audit(conn, "request.identity", "request", Some(id), &["identity_method"])
}

/// At an erasure: the free text of every request of `contact_id` (and of `request_id`) is
/// replaced, so what was typed about the person goes while each request row stays as the
/// record that it was handled. `note` (no personal data) becomes the outcome; the identity note
/// and the extension reason are cleared (an extension keeps a placeholder reason). Returns
/// the ids of the requests changed.
pub fn redact_for_erasure(
    conn: &Connection,
    ctx: &Ctx<'_>,
    contact_id: i64,
    request_id: Option<i64>,
    note: &str,
) -> Result<Vec<i64>> {
    let mut s =
        conn.prepare("SELECT id FROM requests WHERE contact_id = ?1 OR id = ?2 ORDER BY id")?;
    let ids: Vec<i64> = s
        .query_map(params![contact_id, request_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in &ids {
        conn.execute(
            "UPDATE requests SET identity_note = NULL, outcome = ?2,
                    extension_reason = CASE WHEN extension_reason IS NULL THEN NULL
                                            ELSE 'Removed at erasure.' END
             WHERE id = ?1",
            params![id, note],
        )?;
        conn.execute("UPDATE request_deliveries SET sent_to = NULL WHERE request_id = ?1", [id])?;
        ctx.audit(
            conn,
            "request.redact",
            "request",
            Some(*id),
            &["identity_note", "outcome", "extension_reason", "sent_to"],
        )?;
    }
    Ok(ids)
}

pub fn close(conn: &Connection, ctx: &Ctx<'_>, id: i64, outcome: &str) -> Result<()> {
    let r = get(conn, id, ctx.now.date_naive())?;
    if !r.open {
        return Err(Error::invalid("id", "the request is closed already"));
    }
    let outcome = short_text("outcome", outcome, 2_000)?;
    conn.execute(
        "UPDATE requests SET status = 'closed', outcome = ?2, closed_at = ?3 WHERE id = ?1",
        params![id, outcome, format_instant(ctx.now)],
    )?;
    ctx.audit(conn, "request.close", "request", Some(id), &["outcome"])?;
    // A closed rectification request: the rectification is done, its recipients are told.
    if let (RequestKind::Rectification, Some(contact)) = (r.kind, r.contact_id) {
        recipients::list_for(
            conn,
            ctx,
            contact,
            recipients::Target::Request(id),
            recipients::NoticeAction::Rectification,
        )?;
    }
    Ok(())
}

/// The newest open request of `kind` of the contact, if any (the one a change answers).
pub fn open_of(conn: &Connection, contact_id: i64, kind: RequestKind) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM requests WHERE contact_id = ?1 AND kind = ?2 AND status = 'open'
             ORDER BY id DESC LIMIT 1",
            params![contact_id, kind.as_str()],
            |r| r.get(0),
        )
        .optional()?)
}

/// Records how an access report was sent; audited by field names only.
pub fn record_delivery(conn: &Connection, ctx: &Ctx<'_>, id: i64, d: &Delivery) -> Result<()> {
    get(conn, id, ctx.now.date_naive())?;
    conn.execute(
        "INSERT INTO request_deliveries
             (request_id, sent_to, address_known, protected, redactions, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, d.sent_to, d.address_known, d.protected, d.redactions, d.created_at],
    )?;
    ctx.audit(
        conn,
        "request.delivery",
        "request",
        Some(id),
        &["sent_to", "address_known", "protected", "redactions"],
    )
}

/// Records a file produced for a request, by its SHA-256.
pub fn record_file(
    conn: &Connection,
    ctx: &Ctx<'_>,
    id: i64,
    kind: &str,
    sha256: &str,
) -> Result<()> {
    get(conn, id, ctx.now.date_naive())?;
    conn.execute(
        "INSERT INTO request_files (request_id, kind, sha256, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![id, kind, sha256, format_instant(ctx.now)],
    )?;
    ctx.audit(conn, "request.file", "request", Some(id), &[])
}
