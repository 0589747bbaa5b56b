//! The audit trail: who did what to which record, when. Rows hold ids and field names, never
//! personal values. Each row's hash covers the previous row's hash and its own content, and
//! `meta.audit_head` remembers the newest row, so a changed, removed or reordered row — also
//! the newest — is found by [`verify`].

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};

/// The action of a checkpoint row written when old rows are pruned (retention).
pub const PRUNED: &str = "audit.pruned";

/// The detail of a checkpoint row: "through=N hash=H" — rows up to N were pruned and row N's
/// hash was H, so the first remaining row is anchored.
pub fn checkpoint_detail(through: i64, hash: &str) -> String {
    format!("through={through} hash={hash}")
}

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit event, before it is chained.
pub struct Entry<'a> {
    pub at: DateTime<Utc>,
    pub actor: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    pub fields: &'a [&'a str],
    /// Non-personal detail such as a count.
    pub detail: Option<&'a str>,
}

/// The hash of a row: SHA-256 over the previous hash and the row's content as a JSON array
/// `[at, actor, action, entity, entity_id, fields, detail]`.
fn row_hash(prev: &str, content: &serde_json::Value) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(content.to_string().as_bytes());
    hex::encode(h.finalize())
}

/// Appends a row, inside the transaction of the action it records. A row written on its own
/// (an unlock, a backup) gets a transaction of its own, taken for writing at once: the row and
/// the head that anchors it are written together or not at all (a crash in between would
/// otherwise break the chain), and another process holding the vault open cannot add a row
/// between the read of the previous hash and the insert.
pub fn record(conn: &Connection, e: &Entry<'_>) -> Result<()> {
    if !conn.is_autocommit() {
        return append(conn, e);
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let done = append(conn, e).and_then(|()| Ok(conn.execute_batch("COMMIT")?));
    if done.is_err() && !conn.is_autocommit() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    done
}

fn append(conn: &Connection, e: &Entry<'_>) -> Result<()> {
    let prev: String = conn
        .query_row("SELECT hash FROM audit ORDER BY id DESC LIMIT 1", [], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| GENESIS.to_owned());
    let at = format_instant(e.at);
    let fields = serde_json::to_string(e.fields).map_err(|err| Error::Internal(err.to_string()))?;
    let content =
        serde_json::json!([at, e.actor, e.action, e.entity, e.entity_id, fields, e.detail]);
    let hash = row_hash(&prev, &content);
    conn.execute(
        "INSERT INTO audit (at, actor, action, entity, entity_id, fields, detail, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![at, e.actor, e.action, e.entity, e.entity_id, fields, e.detail, prev, hash],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('audit_head', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [format!("{id}:{hash}")],
    )?;
    Ok(())
}

impl Ctx<'_> {
    /// Appends an audit row for this action (inside its transaction).
    pub fn audit(
        &self,
        conn: &Connection,
        action: &str,
        entity: &str,
        entity_id: Option<i64>,
        fields: &[&str],
    ) -> Result<()> {
        self.audit_detail(conn, action, entity, entity_id, fields, None)
    }

    /// Appends an audit row with a non-personal detail such as a count.
    pub fn audit_detail(
        &self,
        conn: &Connection,
        action: &str,
        entity: &str,
        entity_id: Option<i64>,
        fields: &[&str],
        detail: Option<&str>,
    ) -> Result<()> {
        record(
            conn,
            &Entry { at: self.now, actor: self.actor, action, entity, entity_id, fields, detail },
        )
    }
}

/// The result of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AuditReport {
    #[ts(type = "number")]
    pub rows: i64,
    pub ok: bool,
    /// The id of the first row that does not fit the chain.
    #[ts(type = "number | null")]
    pub first_broken: Option<i64>,
    pub problem: Option<String>,
}

/// Recomputes the chain from the first row to the newest.
pub fn verify(conn: &Connection) -> Result<AuditReport> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, action, entity, entity_id, fields, detail, prev_hash, hash
         FROM audit ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    // After pruning, the first row follows a row that is gone: a checkpoint row (itself in
    // the chain, so it cannot be altered unseen) says which row that was and its hash.
    let mut expected_prev = GENESIS.to_owned();
    let first: Option<(i64, String)> = conn
        .query_row("SELECT id, prev_hash FROM audit ORDER BY id LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    if let Some((first_id, prev)) = first.filter(|(_, p)| p != GENESIS) {
        let anchor = checkpoint_detail(first_id - 1, &prev);
        let anchored: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM audit WHERE action = ?1 AND detail = ?2)",
            params![PRUNED, anchor],
            |r| r.get(0),
        )?;
        if anchored {
            expected_prev = prev;
        }
    }
    let mut count = 0i64;
    let mut last: Option<(i64, String)> = None;
    let broken = |id: i64, count: i64, problem: &str| AuditReport {
        rows: count,
        ok: false,
        first_broken: Some(id),
        problem: Some(problem.to_owned()),
    };
    while let Some(r) = rows.next()? {
        count += 1;
        let id: i64 = r.get(0)?;
        let prev: String = r.get(8)?;
        let hash: String = r.get(9)?;
        if prev != expected_prev {
            return Ok(broken(
                id,
                count,
                "does not follow the previous row (a row was removed or changed)",
            ));
        }
        let content = serde_json::json!([
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<i64>>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, Option<String>>(7)?,
        ]);
        let recomputed = row_hash(&prev, &content);
        if recomputed != hash {
            return Ok(broken(id, count, "its content was changed"));
        }
        expected_prev = hash.clone();
        last = Some((id, hash));
    }
    let head: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'audit_head'", [], |r| r.get(0))
        .optional()?;
    let actual = last.as_ref().map(|(id, h)| format!("{id}:{h}"));
    if head != actual {
        let id = last.map_or(0, |(id, _)| id + 1);
        return Ok(broken(id, count, "the newest rows were removed"));
    }
    Ok(AuditReport { rows: count, ok: true, first_broken: None, problem: None })
}

/// When the audit chain was last verified (`kluis audit verify`, `kluis check`, "Check vault"
/// in Settings) and whether it was intact, for the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
pub struct AuditCheck {
    pub at: String,
    pub ok: bool,
}

const LAST_CHECK: &str = "audit.last_check";

/// Remembers a verification of the chain at `at` (in `meta`, outside the chain: a check adds no
/// audit row, so it does not count as a change for the next backup).
pub fn record_check(conn: &Connection, at: DateTime<Utc>, ok: bool) -> Result<()> {
    let value = serde_json::to_string(&AuditCheck { at: format_instant(at), ok })
        .map_err(|e| Error::Internal(e.to_string()))?;
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![LAST_CHECK, value],
    )?;
    Ok(())
}

/// The last verification of the chain, None when it was never verified.
pub fn last_check(conn: &Connection) -> Result<Option<AuditCheck>> {
    let value: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [LAST_CHECK], |r| r.get(0))
        .optional()?;
    Ok(value.and_then(|v| serde_json::from_str(&v).ok()))
}
