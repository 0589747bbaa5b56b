//! Restriction of processing (Art. 18) and objection to direct marketing (Art. 21(2)).

use rusqlite::{params, Connection};

use crate::clock::format_instant;
use crate::consent::{self, Method};
use crate::error::{Error, Result};
use crate::suppression;
use crate::vault::Ctx;

/// Restricts a contact: read-only, out of mailing lists and bulk exports, never purged
/// automatically (reviewed instead). The reason is shown in a banner.
pub fn restrict(conn: &Connection, ctx: &Ctx<'_>, id: i64, reason: &str) -> Result<()> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(Error::invalid("reason", "give a reason of at most 500 characters"));
    }
    consent::ensure_not_restricted(conn, id)?;
    conn.execute(
        "UPDATE contacts SET restricted_reason = ?2, restricted_at = ?3 WHERE id = ?1",
        params![id, reason, format_instant(ctx.now)],
    )?;
    ctx.audit(conn, "contact.restrict", "contact", Some(id), &["restricted_reason"])
}

pub fn unrestrict(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<()> {
    let n = conn.execute(
        "UPDATE contacts SET restricted_reason = NULL, restricted_at = NULL
         WHERE id = ?1 AND restricted_reason IS NOT NULL",
        [id],
    )?;
    if n == 0 {
        crate::contacts::read::contact(conn, id)?;
        return Err(Error::invalid("id", "this contact is not restricted"));
    }
    ctx.audit(conn, "contact.unrestrict", "contact", Some(id), &[])
}

/// What an objection changed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ObjectionReport {
    /// Consents withdrawn for direct-marketing purposes.
    pub withdrawn: u32,
    /// Other direct-marketing purposes ended (e.g. legitimate interest).
    pub ended: u32,
    /// E-mail addresses put on the suppression list.
    pub suppressed: u32,
}

/// The person objects to direct marketing: every direct-marketing purpose stops whatever its
/// basis, and their addresses go on the suppression list. Allowed on a restricted contact.
pub fn object(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<ObjectionReport> {
    crate::contacts::read::contact(conn, id)?;
    let mut s = conn.prepare(
        "SELECT l.purpose_id FROM contact_purposes l JOIN purposes p ON p.id = l.purpose_id
         WHERE l.contact_id = ?1 AND p.direct_marketing = 1 AND l.ended_at IS NULL",
    )?;
    let linked: Vec<i64> = s.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let mut s = conn.prepare(
        "SELECT DISTINCT e.purpose_id FROM consent_events e JOIN purposes p ON p.id = e.purpose_id
         WHERE e.contact_id = ?1 AND p.direct_marketing = 1",
    )?;
    let with_events: Vec<i64> =
        s.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let mut report = ObjectionReport { withdrawn: 0, ended: 0, suppressed: 0 };
    for pid in with_events {
        if consent::current_given(conn, id, pid)?.is_some() {
            consent::withdraw(
                conn,
                ctx,
                id,
                pid,
                Method::Other,
                Some("objection to direct marketing (Art. 21(2) GDPR)".into()),
            )?;
            report.withdrawn += 1;
        }
    }
    report.ended = linked.len() as u32;
    conn.execute(
        "UPDATE contact_purposes SET ended_at = ?2 WHERE contact_id = ?1 AND ended_at IS NULL
           AND purpose_id IN (SELECT id FROM purposes WHERE direct_marketing = 1)",
        params![id, format_instant(ctx.now)],
    )?;
    conn.execute(
        "UPDATE contacts SET objected_at = coalesce(objected_at, ?2) WHERE id = ?1",
        params![id, format_instant(ctx.now)],
    )?;
    report.suppressed = suppression::add_contact(conn, ctx, id)? as u32;
    ctx.audit(conn, "contact.object", "contact", Some(id), &[])?;
    Ok(report)
}
