//! When two contacts are likely the same person — defined once, here, for the warning when a
//! contact is added, for import and for merging: the same e-mail address (case-insensitive),
//! the same phone number after normalising (spaces, dashes, dots, brackets; `+31`, `0031` and
//! `0` are the same Dutch prefix), or the same name at the same organisation (or both without
//! one).

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::model::{ContactSummary, ValidContact};
use super::read::summaries;
use crate::kernel::error::Result;
use crate::kernel::str_enum;

str_enum! {
    /// What two contacts have in common.
    pub enum MatchReason("reason") {
        Email => "email",
        Phone => "phone",
        NameAndOrganisation => "name-and-organisation",
    }
}

/// An existing contact that looks like the one being entered, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LikelyDuplicate {
    pub contact: ContactSummary,
    pub reasons: Vec<MatchReason>,
}

/// A phone number as digits with the Dutch national prefix: `+31 6-1234 5678`, `0031612345678`
/// and `06 12345678` all become `0612345678`. Other country codes keep their `00` form.
pub fn normalise_phone(phone: &str) -> String {
    let plus = phone.trim_start().starts_with('+');
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let international = if plus { format!("00{digits}") } else { digits };
    match international.strip_prefix("0031") {
        Some(rest) => format!("0{}", rest.trim_start_matches('0')),
        None => international,
    }
}

/// The existing contacts (other than `except`) that `c` likely duplicates, by id.
pub fn likely_duplicates(
    conn: &Connection,
    c: &ValidContact,
    except: Option<i64>,
) -> Result<Vec<LikelyDuplicate>> {
    let except = except.unwrap_or(0);
    let mut found: Vec<(i64, MatchReason)> = Vec::new();
    for email in &c.emails {
        let mut s = conn.prepare_cached(
            "SELECT DISTINCT c.id FROM contacts c, json_each(c.emails) e
             WHERE lower(e.value) = lower(?1) AND c.id <> ?2",
        )?;
        for id in s.query_map(rusqlite::params![email, except], |r| r.get(0))? {
            found.push((id?, MatchReason::Email));
        }
    }
    let phones: Vec<String> =
        c.phones.iter().map(|p| normalise_phone(p)).filter(|p| p.len() >= 6).collect();
    if !phones.is_empty() {
        let mut s = conn
            .prepare_cached("SELECT id, phones FROM contacts WHERE phones <> '[]' AND id <> ?1")?;
        let rows = s.query_map([except], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, list) = row?;
            let theirs: Vec<String> = serde_json::from_str(&list).unwrap_or_default();
            if theirs.iter().any(|t| phones.contains(&normalise_phone(t))) {
                found.push((id, MatchReason::Phone));
            }
        }
    }
    let mut s = conn.prepare_cached(
        "SELECT c.id FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
         WHERE lower(c.name) = lower(?1) AND c.id <> ?3
           AND ((?2 IS NULL AND o.id IS NULL) OR lower(o.name) = lower(?2))",
    )?;
    for id in s.query_map(rusqlite::params![c.name, c.organisation, except], |r| r.get(0))? {
        found.push((id?, MatchReason::NameAndOrganisation));
    }

    let mut ids: Vec<i64> = found.iter().map(|(id, _)| *id).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut out = Vec::with_capacity(ids.len());
    for contact in summaries(conn, &ids)? {
        let mut reasons: Vec<MatchReason> =
            found.iter().filter(|(id, _)| *id == contact.id).map(|(_, r)| *r).collect();
        reasons.sort_by_key(|r| r.as_str());
        reasons.dedup();
        out.push(LikelyDuplicate { contact, reasons });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_numbers_fold_to_one_form() {
        for p in ["+31 6 1234 5678", "0031-6-12345678", "06 12 34 56 78", "(06) 1234.5678"] {
            assert_eq!(normalise_phone(p), "0612345678", "{p}");
        }
        assert_eq!(normalise_phone("+32 470 12 34 56"), "0032470123456");
        assert_eq!(normalise_phone("+31 (0)20 123 4567"), "0201234567");
    }
}
