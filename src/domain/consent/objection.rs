//! Objection to direct marketing (Art. 21(2)): every direct-marketing purpose stops and the
//! person's addresses go on the suppression list.

use rusqlite::{params, Connection};

use crate::domain::consent::{self, Method};
use crate::domain::suppression;
use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::error::Result;

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
    crate::domain::contacts::read::contact(conn, id)?;
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
