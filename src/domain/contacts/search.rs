//! Full-text search (FTS5) over names, e-mail addresses, organisation and interaction notes.
//! One index row per contact, rowid = contact id, rebuilt by the core on every write to it.

use rusqlite::{params, Connection};

use crate::kernel::error::Result;

/// Turns what a person typed into an FTS5 query that matches word prefixes: `zwartk jan`
/// becomes `"zwartk"* "jan"*` (every word must match). `None` when nothing searchable remains.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .take(16)
        .map(|t| format!("\"{t}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Rewrites the index row of one contact from the tables (or removes it when the contact is gone).
pub fn reindex(conn: &Connection, contact_id: i64) -> Result<()> {
    conn.execute("DELETE FROM contact_fts WHERE rowid = ?1", [contact_id])?;
    conn.execute(
        "INSERT INTO contact_fts (rowid, name, emails, organisation, notes)
         SELECT c.id, c.name,
                (SELECT group_concat(value, ' ') FROM json_each(c.emails)),
                o.name,
                (SELECT group_concat(text, ' ') FROM interactions WHERE contact_id = c.id)
         FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
         WHERE c.id = ?1",
        params![contact_id],
    )?;
    Ok(())
}

/// Merges the index segments so text of deleted rows does not linger in old segments (run
/// after deletions: purge, review, erasure).
pub fn optimize(conn: &Connection) -> Result<()> {
    conn.execute("INSERT INTO contact_fts (contact_fts) VALUES ('optimize')", [])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_quoted_prefixes() {
        assert_eq!(fts_query("Zwartk").as_deref(), Some("\"Zwartk\"*"));
        assert_eq!(fts_query(" jan  de\"vr ").as_deref(), Some("\"jan\"* \"de\"* \"vr\"*"));
        assert_eq!(fts_query("Zoë").as_deref(), Some("\"Zoë\"*"));
        assert_eq!(fts_query("  *\"- "), None);
    }
}
