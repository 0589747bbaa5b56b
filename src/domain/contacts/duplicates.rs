//! When two contacts are likely the same person — defined once, here, for the warning when a
//! contact is added, for import and for merging: the same e-mail address (case-insensitive),
//! the same phone number after normalising (spaces, dashes, dots, brackets; `+31`, `0031` and
//! `0` are the same Dutch prefix), or the same name at the same organisation (or both without
//! one).

use std::collections::HashMap;

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

/// What a contact is matched on: its e-mail addresses (lower case), its phone numbers
/// (normalised, at least six digits) and its name with its organisation (lower case).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Email(String),
    Phone(String),
    NameAndOrganisation(String, Option<String>),
}

impl Key {
    fn reason(&self) -> MatchReason {
        match self {
            Key::Email(_) => MatchReason::Email,
            Key::Phone(_) => MatchReason::Phone,
            Key::NameAndOrganisation(..) => MatchReason::NameAndOrganisation,
        }
    }
}

fn keys<'a>(
    name: &str,
    organisation: Option<&str>,
    emails: impl IntoIterator<Item = &'a String>,
    phones: impl IntoIterator<Item = &'a String>,
) -> Vec<Key> {
    let mut out: Vec<Key> = emails.into_iter().map(|e| Key::Email(e.to_lowercase())).collect();
    out.extend(
        phones.into_iter().map(|p| normalise_phone(p)).filter(|p| p.len() >= 6).map(Key::Phone),
    );
    out.push(Key::NameAndOrganisation(name.to_lowercase(), organisation.map(str::to_lowercase)));
    out.dedup();
    out
}

fn keys_of_input(c: &ValidContact) -> Vec<Key> {
    keys(&c.name, c.organisation.as_deref(), &c.emails, &c.phones)
}

/// The match keys of every contact in the vault (or of one), read in one pass.
fn stored_keys(conn: &Connection, only: Option<i64>) -> Result<Vec<(i64, Vec<Key>)>> {
    const COLUMNS: &str = "SELECT c.id, c.name, c.emails, c.phones, o.name
         FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id";
    // Two statements: one with `?1 IS NULL OR c.id = ?1` would scan every row for one id.
    let mut s = match only {
        Some(_) => conn.prepare_cached(&format!("{COLUMNS} WHERE c.id = ?1"))?,
        None => conn.prepare_cached(&format!("{COLUMNS} WHERE ?1 IS NULL"))?,
    };
    let rows = s.query_map([only], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, emails, phones, organisation) = row?;
        let emails: Vec<String> = serde_json::from_str(&emails).unwrap_or_default();
        let phones: Vec<String> = serde_json::from_str(&phones).unwrap_or_default();
        out.push((id, keys(&name, organisation.as_deref(), &emails, &phones)));
    }
    Ok(out)
}

/// The existing contacts (other than `except`) that `c` likely duplicates, by id.
pub fn likely_duplicates(
    conn: &Connection,
    c: &ValidContact,
    except: Option<i64>,
) -> Result<Vec<LikelyDuplicate>> {
    let wanted = keys_of_input(c);
    let mut found: Vec<(i64, MatchReason)> = Vec::new();
    for (id, theirs) in stored_keys(conn, None)? {
        if Some(id) == except {
            continue;
        }
        found.extend(wanted.iter().filter(|k| theirs.contains(k)).map(|k| (id, k.reason())));
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

/// The same rule as [`likely_duplicates`] for many contacts in a row (an import): the vault's
/// keys are read once into memory and kept up to date as contacts are added or filled, so
/// each lookup costs the same at any size of vault or file.
pub struct Index {
    ids: HashMap<Key, Vec<i64>>,
}

impl Index {
    /// The keys of every contact in the vault.
    pub fn load(conn: &Connection) -> Result<Index> {
        let mut index = Index { ids: HashMap::new() };
        for (id, keys) in stored_keys(conn, None)? {
            index.insert(id, keys);
        }
        Ok(index)
    }

    fn insert(&mut self, id: i64, keys: Vec<Key>) {
        for key in keys {
            let ids = self.ids.entry(key).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }

    /// The ids of the contacts `c` likely duplicates, lowest first.
    pub fn matches(&self, c: &ValidContact) -> Vec<i64> {
        let mut ids: Vec<i64> =
            keys_of_input(c).iter().filter_map(|k| self.ids.get(k)).flatten().copied().collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Reads the keys of contact `id` again after it was added or changed.
    pub fn refresh(&mut self, conn: &Connection, id: i64) -> Result<()> {
        for (id, keys) in stored_keys(conn, Some(id))? {
            self.insert(id, keys);
        }
        Ok(())
    }
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
