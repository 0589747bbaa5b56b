//! The letter a contact is listed under, for jumping through the list by initial: the first
//! character of the name as written, accents removed, upper case. "Ölmez" is under O, "Émile"
//! under E, "van Dijk" under V (the list sorts by the name as written, prefix included), and
//! "'t Hart", "3D Print" or a name in another script under "#". Within a letter the list keeps
//! its order (name without regard to ASCII case, then id): "Olsen" before "Ölmez".

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::kernel::error::{Error, Result};

/// The bucket of names that start with no letter A–Z.
pub const OTHER: char = '#';

/// Accented letters and the letter they are listed under.
const FOLDS: &[(char, &str)] = &[
    ('A', "ÀÁÂÃÄÅàáâãäåĀāĂăĄąÆæ"),
    ('C', "ÇçĆćĈĉĊċČč"),
    ('D', "ĎďĐđÐð"),
    ('E', "ÈÉÊËèéêëĒēĔĕĖėĘęĚě"),
    ('G', "ĜĝĞğĠġĢģ"),
    ('H', "Ĥĥ"),
    ('I', "ÌÍÎÏìíîïĨĩĪīĬĭĮįİı"),
    ('J', "Ĵĵ"),
    ('K', "Ķķ"),
    ('L', "ĹĺĻļĽľĿŀŁł"),
    ('N', "ÑñŃńŅņŇň"),
    ('O', "ÒÓÔÕÖØòóôõöøŌōŎŏŐőŒœ"),
    ('R', "ŔŕŖŗŘř"),
    ('S', "ŚśŜŝŞşŠšß"),
    ('T', "ŢţŤťŦŧ"),
    ('U', "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų"),
    ('W', "Ŵŵ"),
    ('Y', "ÝýÿŶŷŸ"),
    ('Z', "ŹźŻżŽž"),
];

/// The letter (A–Z) a character is listed under, if any.
fn letter_of(c: char) -> Option<char> {
    if c.is_ascii_alphabetic() {
        return Some(c.to_ascii_uppercase());
    }
    FOLDS.iter().find(|(_, v)| v.contains(c)).map(|(l, _)| *l)
}

/// The letter `name` is listed under: A–Z, or [`OTHER`].
pub fn initial(name: &str) -> char {
    name.trim_start().chars().next().and_then(letter_of).unwrap_or(OTHER)
}

/// A letter as a front end gives it ("a", "Z", "#"), checked.
pub fn parse(s: &str) -> Result<char> {
    let mut chars = s.trim().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Ok(c.to_ascii_uppercase()),
        (Some(OTHER), None) => Ok(OTHER),
        _ => Err(Error::invalid("initial", "a letter A-Z, or # for the other names")),
    }
}

/// Every first character that is listed under `letter` (for a letter), or under any letter
/// (for [`OTHER`], which takes the rest), as a JSON array for the query.
pub(crate) fn first_chars(letter: char) -> String {
    let mut out: Vec<String> = Vec::new();
    for l in 'A'..='Z' {
        if letter != OTHER && l != letter {
            continue;
        }
        out.push(l.to_string());
        out.push(l.to_ascii_lowercase().to_string());
        if let Some((_, v)) = FOLDS.iter().find(|(f, _)| *f == l) {
            out.extend(v.chars().map(String::from));
        }
    }
    serde_json::to_string(&out).unwrap_or_else(|_| "[]".into())
}

/// How many contacts a letter has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InitialCount {
    /// "A" … "Z", or "#".
    pub letter: String,
    #[ts(type = "number")]
    pub count: i64,
}

/// The 27 letters (A–Z, then "#") with how many contacts each has.
pub fn counts(conn: &Connection) -> Result<Vec<InitialCount>> {
    let mut s =
        conn.prepare("SELECT substr(ltrim(name), 1, 1), count(*) FROM contacts GROUP BY 1")?;
    let rows: Vec<(Option<String>, i64)> =
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut out: Vec<InitialCount> = ('A'..='Z')
        .chain([OTHER])
        .map(|l| InitialCount { letter: l.to_string(), count: 0 })
        .collect();
    for (first, n) in rows {
        let l = initial(first.as_deref().unwrap_or(""));
        let i = if l == OTHER { 26 } else { (l as u8 - b'A') as usize };
        out[i].count += n;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fall_under_their_first_letter_without_accents() {
        assert_eq!(initial("Ölmez"), 'O');
        assert_eq!(initial("van Dijk"), 'V');
        assert_eq!(initial("émile"), 'E');
        assert_eq!(initial("IJsbrand"), 'I');
        assert_eq!(initial("'t Hart"), OTHER);
        assert_eq!(initial("3D Print"), OTHER);
        assert_eq!(initial(""), OTHER);
        assert_eq!(parse("b").unwrap(), 'B');
        assert_eq!(parse("#").unwrap(), OTHER);
        assert!(parse("AB").is_err() && parse("Ö").is_err() && parse("").is_err());
    }
}
