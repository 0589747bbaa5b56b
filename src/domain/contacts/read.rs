//! Reads: the contact list (paged, searchable) and one contact's details.

use rusqlite::{named_params, Connection, OptionalExtension, Row};

use super::initial;
use super::model::{Contact, ContactDetail, ContactPage, ContactSummary, Interaction};
use super::search::fts_query;
use crate::kernel::error::{Error, Result};

fn json_list(s: String) -> Vec<String> {
    serde_json::from_str(&s).unwrap_or_default()
}

fn parse_enum<T: std::str::FromStr>(s: String, idx: usize) -> rusqlite::Result<T> {
    s.parse().map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, "enum".into())
    })
}

fn summary(r: &Row<'_>) -> rusqlite::Result<ContactSummary> {
    Ok(ContactSummary {
        id: r.get(0)?,
        name: r.get(1)?,
        email: json_list(r.get(2)?).into_iter().next(),
        organisation: r.get(3)?,
        relationship: parse_enum(r.get(4)?, 4)?,
        last_activity_at: r.get(5)?,
        restricted: r.get(6)?,
    })
}

const SUMMARY_COLUMNS: &str = "c.id, c.name, c.emails, o.name, c.relationship, c.last_activity_at,
     c.restricted_reason IS NOT NULL";

/// A page of contacts: by name, or by relevance when `query` is given. `limit` None = all.
pub fn list(
    conn: &Connection,
    query: Option<&str>,
    limit: Option<i64>,
    offset: i64,
) -> Result<ContactPage> {
    list_filtered(conn, query, None, limit, offset)
}

/// [`list`] of the contacts listed under `initial` only (a letter A–Z or
/// [`initial::OTHER`], see [`super::initial`]), in the same order.
pub fn list_filtered(
    conn: &Connection,
    query: Option<&str>,
    initial: Option<char>,
    limit: Option<i64>,
    offset: i64,
) -> Result<ContactPage> {
    if limit.is_some_and(|l| l < 1) || offset < 0 {
        return Err(Error::invalid("limit", "limit must be positive and offset not negative"));
    }
    let limit = limit.unwrap_or(-1);
    // The letter filter: the first character is among those listed under the letter (for
    // "#": among none of the letters').
    let chars = initial.map(initial::first_chars);
    let inside = initial != Some(initial::OTHER);
    match query.and_then(fts_query) {
        Some(q) => {
            let total = conn.query_row(
                &format!(
                    "SELECT count(*) FROM contact_fts f JOIN contacts c ON c.id = f.rowid
                     WHERE contact_fts MATCH :q AND {LETTER}"
                ),
                named_params! {":q": q, ":chars": chars, ":inside": inside},
                |r| r.get(0),
            )?;
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS}
                 FROM contact_fts f JOIN contacts c ON c.id = f.rowid
                 LEFT JOIN organisations o ON o.id = c.organisation_id
                 WHERE contact_fts MATCH :q AND {LETTER}
                 ORDER BY f.rank, c.id LIMIT :limit OFFSET :offset"
            ))?;
            let items = stmt
                .query_map(
                    named_params! {
                        ":q": q, ":chars": chars, ":inside": inside,
                        ":limit": limit, ":offset": offset,
                    },
                    summary,
                )?
                .collect::<rusqlite::Result<_>>()?;
            Ok(ContactPage { items, total })
        }
        None => {
            let total = conn.query_row(
                &format!("SELECT count(*) FROM contacts c WHERE {LETTER}"),
                named_params! {":chars": chars, ":inside": inside},
                |r| r.get(0),
            )?;
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS}
                 FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
                 WHERE {LETTER}
                 ORDER BY c.name COLLATE NOCASE, c.id LIMIT :limit OFFSET :offset"
            ))?;
            let items = stmt
                .query_map(
                    named_params! {
                        ":chars": chars, ":inside": inside, ":limit": limit, ":offset": offset,
                    },
                    summary,
                )?
                .collect::<rusqlite::Result<_>>()?;
            Ok(ContactPage { items, total })
        }
    }
}

/// The letter filter of [`list_filtered`]: no letter (`:chars` NULL), or whether the first
/// character is among `:chars` equals `:inside` (false for "#").
const LETTER: &str = "(:chars IS NULL OR (substr(ltrim(c.name), 1, 1) IN
     (SELECT value FROM json_each(:chars))) = :inside)";

/// The summaries of the contacts `ids` (those that exist), in id order.
pub fn summaries(conn: &Connection, ids: &[i64]) -> Result<Vec<ContactSummary>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS}
         FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
         WHERE c.id = ?1"
    ))?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(s) = stmt.query_row([id], summary).optional()? {
            out.push(s);
        }
    }
    Ok(out)
}

/// One contact, or `NotFound`.
pub fn contact(conn: &Connection, id: i64) -> Result<Contact> {
    conn.query_row(
        "SELECT c.id, c.name, c.emails, c.phones, c.address, o.name, c.job_title,
                c.relationship, c.relationship_ended, c.created_at, c.updated_at,
                c.restricted_reason, c.objected_at
         FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
         WHERE c.id = ?1",
        [id],
        |r| {
            Ok(Contact {
                id: r.get(0)?,
                name: r.get(1)?,
                emails: json_list(r.get(2)?),
                phones: json_list(r.get(3)?),
                address: r.get(4)?,
                organisation: r.get(5)?,
                job_title: r.get(6)?,
                relationship: parse_enum(r.get(7)?, 7)?,
                relationship_ended: r.get(8)?,
                created_at: r.get(9)?,
                updated_at: r.get(10)?,
                restricted_reason: r.get(11)?,
                objected_at: r.get(12)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("contact {id}")))
}

/// A contact's interactions, newest first.
pub fn interactions(conn: &Connection, contact_id: i64) -> Result<Vec<Interaction>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, contact_id, kind, at, text FROM interactions
         WHERE contact_id = ?1 ORDER BY at DESC, id DESC",
    )?;
    let rows = stmt
        .query_map([contact_id], |r| {
            Ok(Interaction {
                id: r.get(0)?,
                contact_id: r.get(1)?,
                kind: parse_enum(r.get(2)?, 2)?,
                at: r.get(3)?,
                text: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// One interaction, or `NotFound`.
pub fn interaction(conn: &Connection, id: i64) -> Result<Interaction> {
    conn.query_row(
        "SELECT id, contact_id, kind, at, text FROM interactions WHERE id = ?1",
        [id],
        |r| {
            Ok(Interaction {
                id: r.get(0)?,
                contact_id: r.get(1)?,
                kind: parse_enum(r.get(2)?, 2)?,
                at: r.get(3)?,
                text: r.get(4)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("interaction {id}")))
}

pub fn detail(conn: &Connection, id: i64) -> Result<ContactDetail> {
    Ok(ContactDetail { contact: contact(conn, id)?, interactions: interactions(conn, id)? })
}
