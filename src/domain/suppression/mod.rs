//! The suppression list: salted SHA-256 hashes of e-mail addresses whose owners objected to
//! direct marketing. It holds no address, outlives the contact (erasure, purge), and blocks the
//! address from direct-marketing purposes again, also after a re-import.

use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::kernel::clock::Ctx;
use crate::kernel::crypto;
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};

fn salt(conn: &Connection) -> Result<String> {
    if let Some(s) = conn
        .query_row("SELECT value FROM meta WHERE key = 'suppression_salt'", [], |r| r.get(0))
        .optional()?
    {
        return Ok(s);
    }
    let s = hex::encode(crypto::random_bytes::<16>());
    conn.execute("INSERT INTO meta (key, value) VALUES ('suppression_salt', ?1)", [&s])?;
    Ok(s)
}

/// The hash under which an address is suppressed (case and surrounding space do not matter).
pub fn hash(conn: &Connection, email: &str) -> Result<String> {
    let mut h = Sha256::new();
    h.update(salt(conn)?.as_bytes());
    h.update(email.trim().to_lowercase().as_bytes());
    Ok(hex::encode(h.finalize()))
}

pub fn add(conn: &Connection, ctx: &Ctx<'_>, email: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO suppression (hash, created_at) VALUES (?1, ?2)",
        params![hash(conn, email)?, format_instant(ctx.now)],
    )?;
    Ok(())
}

pub fn is_suppressed(conn: &Connection, email: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM suppression WHERE hash = ?1)",
        [hash(conn, email)?],
        |r| r.get(0),
    )?)
}

fn emails(conn: &Connection, contact_id: i64) -> Result<Vec<String>> {
    let json: String = conn
        .query_row("SELECT emails FROM contacts WHERE id = ?1", [contact_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("contact {contact_id}")))?;
    Ok(serde_json::from_str(&json).unwrap_or_default())
}

/// Refuses direct marketing to a contact who objected, or any of whose addresses did.
pub fn ensure_not_suppressed(conn: &Connection, contact_id: i64) -> Result<()> {
    let objected: bool = conn.query_row(
        "SELECT objected_at IS NOT NULL FROM contacts WHERE id = ?1",
        [contact_id],
        |r| r.get(0),
    )?;
    if objected {
        return Err(Error::Suppressed);
    }
    for e in emails(conn, contact_id)? {
        if is_suppressed(conn, &e)? {
            return Err(Error::Suppressed);
        }
    }
    Ok(())
}

/// Puts every address of a contact on the list.
pub fn add_contact(conn: &Connection, ctx: &Ctx<'_>, contact_id: i64) -> Result<usize> {
    let list = emails(conn, contact_id)?;
    for e in &list {
        add(conn, ctx, e)?;
    }
    Ok(list.len())
}
