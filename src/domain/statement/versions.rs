//! The versions of the privacy statement: each distinct text (per language) gets the next
//! version number and is kept by its SHA-256 and the day it was first generated, so a consent
//! text can name the version that was shown. Generating the same text again keeps its version.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatementVersion {
    #[ts(type = "number")]
    pub id: i64,
    pub language: Language,
    /// Counting per language from 1.
    #[ts(type = "number")]
    pub version: i64,
    /// The SHA-256 (hex) of the statement's text: its Markdown without the version line.
    pub sha256: String,
    /// When this text was first generated (RFC 3339).
    pub created_at: String,
    /// When it was last generated (RFC 3339).
    pub last_generated_at: String,
}

fn tag(language: Language) -> &'static str {
    if language.is_dutch() {
        "nl"
    } else {
        "en"
    }
}

fn row(r: &Row<'_>) -> rusqlite::Result<StatementVersion> {
    let language: String = r.get(1)?;
    Ok(StatementVersion {
        id: r.get(0)?,
        language: Language::from_tag(&language),
        version: r.get(2)?,
        sha256: r.get(3)?,
        created_at: r.get(4)?,
        last_generated_at: r.get(5)?,
    })
}

const COLUMNS: &str = "id, language, version, sha256, created_at, last_generated_at";

/// Records that the text with `sha256` was generated in `language` now: its existing version,
/// or the next one.
pub fn record(
    conn: &Connection,
    ctx: &Ctx<'_>,
    language: Language,
    sha256: &str,
) -> Result<StatementVersion> {
    let now = format_instant(ctx.now);
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM privacy_statements WHERE language = ?1 AND sha256 = ?2",
            params![tag(language), sha256],
            |r| r.get(0),
        )
        .optional()?;
    let id = match existing {
        Some(id) => {
            conn.execute(
                "UPDATE privacy_statements SET last_generated_at = ?2 WHERE id = ?1",
                params![id, now],
            )?;
            id
        }
        None => {
            conn.execute(
                "INSERT INTO privacy_statements (language, version, sha256, created_at,
                                                 last_generated_at)
                 SELECT ?1, coalesce(max(version), 0) + 1, ?2, ?3, ?3
                 FROM privacy_statements WHERE language = ?1",
                params![tag(language), sha256, now],
            )?;
            conn.last_insert_rowid()
        }
    };
    ctx.audit(conn, "privacy_statement.generate", "privacy_statement", Some(id), &[])?;
    get(conn, id)
}

fn get(conn: &Connection, id: i64) -> Result<StatementVersion> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM privacy_statements WHERE id = ?1"), [id], row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("privacy statement version {id}")))
}

/// Every version generated, newest first.
pub fn list(conn: &Connection) -> Result<Vec<StatementVersion>> {
    let mut s =
        conn.prepare(&format!("SELECT {COLUMNS} FROM privacy_statements ORDER BY id DESC"))?;
    let v = s.query_map([], row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}
