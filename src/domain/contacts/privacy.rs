//! Restriction of processing (Art. 18). (Objection to direct marketing, which withdraws
//! consents, is in `src/domain/consent/objection.rs`.)

use rusqlite::{params, Connection};

use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};

/// Restricts a contact: read-only, out of mailing lists and bulk exports, never purged
/// automatically (reviewed instead). The reason is shown in a banner.
pub fn restrict(conn: &Connection, ctx: &Ctx<'_>, id: i64, reason: &str) -> Result<()> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(Error::invalid("reason", "give a reason of at most 500 characters"));
    }
    crate::domain::contacts::ensure_not_restricted(conn, id)?;
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
        crate::domain::contacts::read::contact(conn, id)?;
        return Err(Error::invalid("id", "this contact is not restricted"));
    }
    ctx.audit(conn, "contact.unrestrict", "contact", Some(id), &[])
}
