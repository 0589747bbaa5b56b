//! Checking an unlocked vault whole (`kluis check`, "Check vault" in Settings): SQLCipher's
//! `cipher_integrity_check` (every page's HMAC, read from the file), SQLite's
//! `integrity_check` and `foreign_key_check`, and the audit trail's hash chain
//! (`store::audit::verify`). It changes none of the data: it only notes when the audit chain was
//! last verified and whether it was intact (for the overview). The details name pages, tables
//! and row ids, never a stored value.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::kernel::error::{Error, Result};
use crate::store::audit;
use crate::vault::Vault;

/// Which check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CheckName {
    /// SQLCipher: every page decrypts and its HMAC fits.
    CipherIntegrity,
    /// SQLite: the database's structure (b-trees, indexes) is sound.
    Integrity,
    /// SQLite: every reference points at an existing row.
    ForeignKeys,
    /// The audit trail: no row changed, removed or reordered.
    AuditChain,
}

impl CheckName {
    /// The name as the CLI prints it.
    pub fn label(self) -> &'static str {
        match self {
            CheckName::CipherIntegrity => "cipher_integrity_check",
            CheckName::Integrity => "integrity_check",
            CheckName::ForeignKeys => "foreign_key_check",
            CheckName::AuditChain => "audit chain",
        }
    }
}

/// One check and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CheckItem {
    pub check: CheckName,
    pub ok: bool,
    /// What failed (pages, tables, row ids; no personal data), None when it passed.
    pub detail: Option<String>,
}

/// Every check, in order; `ok` when all passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CheckReport {
    pub ok: bool,
    pub checks: Vec<CheckItem>,
}

/// At most this many problem lines go into a detail.
const MAX_LINES: usize = 5;

/// Runs every check on the open vault. A check that cannot run to its end (SQLCipher reports a
/// page that fails its HMAC as a plain SQLite error) failed; only an error outside the
/// database is returned as an error.
pub fn check(vault: &Vault) -> Result<CheckReport> {
    let conn = vault.conn();
    let checks = vec![
        item(CheckName::CipherIntegrity, problems(conn, "PRAGMA cipher_integrity_check", |_| true)),
        item(CheckName::Integrity, problems(conn, "PRAGMA integrity_check", |l| l != "ok")),
        item(CheckName::ForeignKeys, foreign_keys(conn)),
        item(CheckName::AuditChain, audit_chain(conn)),
    ]
    .into_iter()
    .collect::<Result<Vec<_>>>()?;
    let ok = checks.iter().all(|c| c.ok);
    let chain_ok = checks.iter().any(|c| c.check == CheckName::AuditChain && c.ok);
    remember_check(vault, chain_ok, ok)?;
    Ok(CheckReport { ok, checks })
}

/// Verifies the audit chain alone (`kluis audit verify`) and notes when, like [`check`].
pub fn verify_audit(vault: &Vault) -> Result<audit::AuditReport> {
    let report = audit::verify(vault.conn())?;
    remember_check(vault, report.ok, report.ok)?;
    Ok(report)
}

/// Notes the time and outcome of a verification of the chain. In a damaged vault (`healthy`
/// false) the note may not be writable; the report of the damage matters more, so it is
/// returned without the note.
fn remember_check(vault: &Vault, chain_ok: bool, healthy: bool) -> Result<()> {
    let noted =
        audit::record_check(vault.conn(), vault.now(), chain_ok).and_then(|()| vault.checkpoint());
    match noted {
        Err(e) if healthy => Err(e),
        _ => Ok(()),
    }
}

/// The check's outcome: its problem lines, or the damage that stopped it.
fn item(check: CheckName, found: Result<Vec<String>>) -> Result<CheckItem> {
    let lines = match found {
        Ok(lines) => lines,
        Err(Error::Integrity(why)) => vec![why],
        Err(Error::Database(e)) => vec![format!("could not be completed ({e})")],
        Err(e) => return Err(e),
    };
    let ok = lines.is_empty();
    let detail = (!ok).then(|| {
        let mut shown: Vec<String> = lines.iter().take(MAX_LINES).cloned().collect();
        if lines.len() > MAX_LINES {
            shown.push(format!("and {} more", lines.len() - MAX_LINES));
        }
        shown.join("; ")
    });
    Ok(CheckItem { check, ok, detail })
}

/// The first column of every row a pragma returns that `is_problem` says is one.
fn problems(
    conn: &Connection,
    sql: &str,
    is_problem: impl Fn(&str) -> bool,
) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let line: String = r.get::<_, Option<String>>(0)?.unwrap_or_default();
        if is_problem(&line) {
            out.push(line);
        }
    }
    Ok(out)
}

/// `foreign_key_check`: one line per row whose reference points nowhere.
fn foreign_keys(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let table: String = r.get(0)?;
        let rowid: Option<i64> = r.get(1)?;
        let parent: String = r.get(2)?;
        let row = rowid.map_or_else(|| "a row".to_owned(), |id| format!("row {id}"));
        out.push(format!("{table} {row} refers to a missing {parent} row"));
    }
    Ok(out)
}

fn audit_chain(conn: &Connection) -> Result<Vec<String>> {
    let report = audit::verify(conn)?;
    Ok(match report.first_broken {
        None => vec![],
        Some(id) => vec![format!("row {id}: {}", report.problem.unwrap_or_default())],
    })
}
