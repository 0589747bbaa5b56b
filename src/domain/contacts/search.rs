//! Full-text search (FTS5) over names, e-mail addresses, phone numbers (by their digits),
//! addresses, organisation and interaction notes. One index row per contact, rowid = contact
//! id, rebuilt by the core on every write to it.

use rusqlite::{params, Connection};

use crate::kernel::error::Result;

/// Turns what a person typed into an FTS5 query that matches word prefixes: `zwartk jan`
/// becomes `"zwartk"* "jan"*` (every word must match). `None` when nothing searchable remains.
///
/// What looks like (part of) a phone number also matches the indexed digits: `06 1234` and
/// `+31 6 1234` find `+31 6 12345678`.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .take(16)
        .map(|t| format!("\"{t}\"*"))
        .collect();
    if terms.is_empty() {
        return None;
    }
    let words = terms.join(" ");
    match phone_digits(input) {
        Some(digits) if terms.len() > 1 || digits != input.trim() => {
            Some(format!("\"{digits}\"* OR ({words})"))
        }
        _ => Some(words),
    }
}

/// The digits of a phone number as the index holds them (the Dutch prefix folded to `0`), or
/// None when `s` is not made of phone characters with at least two digits.
fn phone_digits(s: &str) -> Option<String> {
    let s = s.trim();
    let phone_chars = s.chars().all(|c| c.is_ascii_digit() || " +-()./".contains(c));
    let digits: String = s.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    if !phone_chars || digits.chars().filter(char::is_ascii_digit).count() < 2 {
        return None;
    }
    Some(if let Some(rest) = digits.strip_prefix("+31") {
        format!("0{rest}")
    } else if let Some(rest) = digits.strip_prefix("0031") {
        format!("0{rest}")
    } else {
        digits.replace('+', "00")
    })
}

/// The SQL that turns a phone number `value` of `json_each` into its indexed digits (the same
/// rule as [`phone_digits`] and migration 0007).
const PHONE_DIGITS: &str = "CASE WHEN d LIKE '+31%' THEN '0' || substr(d, 4)
                                WHEN d LIKE '0031%' THEN '0' || substr(d, 5)
                                ELSE replace(d, '+', '00') END";

/// Rewrites the index row of one contact from the tables (or removes it when the contact is gone).
pub fn reindex(conn: &Connection, contact_id: i64) -> Result<()> {
    conn.execute("DELETE FROM contact_fts WHERE rowid = ?1", [contact_id])?;
    conn.execute(
        &format!(
            "INSERT INTO contact_fts (rowid, name, emails, phones, address, organisation, notes)
             SELECT c.id, c.name,
                    (SELECT group_concat(value, ' ') FROM json_each(c.emails)),
                    (SELECT group_concat({PHONE_DIGITS}, ' ')
                     FROM (SELECT replace(replace(replace(replace(replace(replace(value,
                               ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', '') AS d
                           FROM json_each(c.phones))),
                    c.address,
                    o.name,
                    (SELECT group_concat(text, ' ') FROM interactions WHERE contact_id = c.id)
             FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
             WHERE c.id = ?1"
        ),
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

    #[test]
    fn phone_fragments_also_match_the_folded_digits() {
        assert_eq!(fts_query("06 1234").as_deref(), Some("\"061234\"* OR (\"06\"* \"1234\"*)"));
        assert_eq!(fts_query("+31 6-12").as_deref(), Some("\"0612\"* OR (\"31\"* \"6\"* \"12\"*)"));
        // A plain number is one term already.
        assert_eq!(fts_query("0612").as_deref(), Some("\"0612\"*"));
        assert_eq!(phone_digits("Jan 06"), None);
    }
}
