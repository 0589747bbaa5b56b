//! Bringing existing clients in: rows read from a vCard or CSV file, as they will be stored,
//! with what the reader noticed per row. Nothing here writes; the import itself (preview,
//! duplicates, one transaction, triage) builds on these rows.

pub mod csv;
pub mod run;
pub mod unsubscribes;
pub mod vcard;

use serde::Serialize;

use crate::kernel::language::Language;

/// One person read from a file, before anything is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The line of the file where the person's record starts.
    pub line: usize,
    pub name: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub address: Option<String>,
    pub organisation: Option<String>,
    pub job_title: Option<String>,
    pub notes: Option<String>,
    /// Flexible fields by their label (a CSV column mapped to one).
    pub fields: Vec<(String, String)>,
    pub warnings: Vec<Warning>,
}

crate::kernel::str_enum! {
    /// What the reader noticed about a row.
    pub enum WarningKind("warning") {
        NameFromOrganisation => "name-from-organisation",
        NameFromEmail => "name-from-email",
        Empty => "empty",
        PhotoSkipped => "photo-skipped",
        ExtraAddresses => "extra-addresses",
        NotImported => "not-imported",
        InvalidEmail => "invalid-email",
        Invalid => "invalid",
        LooksLikeBsn => "looks-like-bsn",
        Duplicate => "duplicate",
        Restricted => "restricted",
        Suppressed => "suppressed",
    }
}

/// A warning on a row. `properties` names what was left out (property or column names, never
/// their values).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub kind: WarningKind,
    pub properties: Vec<String>,
}

impl Warning {
    pub fn new(kind: WarningKind) -> Warning {
        Warning { kind, properties: Vec::new() }
    }

    /// The warning in words.
    pub fn message(&self, language: Language) -> String {
        let list = self.properties.join(", ");
        let nl = language.is_dutch();
        match (self.kind, nl) {
            (WarningKind::NameFromOrganisation, true) => {
                "geen naam; de organisatie is als naam gebruikt".into()
            }
            (WarningKind::NameFromOrganisation, false) => {
                "no name; the organisation is used as the name".into()
            }
            (WarningKind::NameFromEmail, true) => {
                "geen naam; het e-mailadres is als naam gebruikt".into()
            }
            (WarningKind::NameFromEmail, false) => {
                "no name; the e-mail address is used as the name".into()
            }
            (WarningKind::Empty, true) => {
                "geen naam, organisatie of e-mailadres; overgeslagen".into()
            }
            (WarningKind::Empty, false) => {
                "no name, organisation or e-mail address; skipped".into()
            }
            (WarningKind::PhotoSkipped, true) => {
                "foto niet overgenomen (alleen wat nodig is)".into()
            }
            (WarningKind::PhotoSkipped, false) => "photo not imported (only what is needed)".into(),
            (WarningKind::ExtraAddresses, true) => "alleen het eerste adres is overgenomen".into(),
            (WarningKind::ExtraAddresses, false) => "only the first address is imported".into(),
            (WarningKind::NotImported, true) => format!("niet overgenomen: {list}"),
            (WarningKind::NotImported, false) => format!("not imported: {list}"),
            (WarningKind::InvalidEmail, true) => "een ongeldig e-mailadres is weggelaten".into(),
            (WarningKind::InvalidEmail, false) => "an invalid e-mail address was left out".into(),
            (WarningKind::Invalid, true) => format!("niet geldig, niet overgenomen: {list}"),
            (WarningKind::Invalid, false) => format!("not valid, not imported: {list}"),
            (WarningKind::LooksLikeBsn, true) => {
                "een waarde lijkt op een BSN; overgeslagen (bevestig als het geen BSN is)".into()
            }
            (WarningKind::LooksLikeBsn, false) => {
                "a value looks like a BSN; skipped (confirm if it is not one)".into()
            }
            (WarningKind::Duplicate, true) => "lijkt op een bestaand contact; overgeslagen".into(),
            (WarningKind::Duplicate, false) => "likely an existing contact; skipped".into(),
            (WarningKind::Restricted, true) => {
                "het bestaande contact is beperkt (alleen-lezen) en is niet gewijzigd".into()
            }
            (WarningKind::Restricted, false) => {
                "the existing contact is restricted (read-only) and was not changed".into()
            }
            (WarningKind::Suppressed, true) => {
                "dit adres maakte bezwaar: nooit voor direct marketing".into()
            }
            (WarningKind::Suppressed, false) => {
                "this address objected: never for direct marketing".into()
            }
        }
    }
}

/// Collapses runs of whitespace inside a one-line value and trims it; None when empty.
fn one_line(value: &str) -> Option<String> {
    let v = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!v.is_empty()).then_some(v)
}

/// A free text (a note) with its line ends as `\n` (files bring `\r\n` and `\r` too) and
/// trimmed; None when empty.
fn text(value: &str) -> Option<String> {
    let v = value.replace("\r\n", "\n").replace('\r', "\n");
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_owned())
}

/// A multi-line value with each line trimmed and empty lines dropped; None when nothing is left.
fn lines(value: &str) -> Option<String> {
    let v = value.lines().filter_map(one_line).collect::<Vec<_>>().join("\n");
    (!v.is_empty()).then_some(v)
}

/// An address as Dutch address lines: street, postal code and city, region, country (the parts
/// that are there); None when none is.
fn address_lines(
    street: Option<String>,
    postal_code: Option<String>,
    city: Option<String>,
    region: Option<String>,
    country: Option<String>,
) -> Option<String> {
    let town = [postal_code, city].into_iter().flatten().collect::<Vec<_>>().join(" ");
    let all: Vec<String> = [street, (!town.is_empty()).then_some(town), region, country]
        .into_iter()
        .flatten()
        .collect();
    (!all.is_empty()).then(|| all.join("\n"))
}

/// Adds `value` to `list` unless it is empty or already there (case-insensitively).
fn push_unique(list: &mut Vec<String>, value: Option<String>) {
    if let Some(v) = value {
        if !list.iter().any(|x| x.eq_ignore_ascii_case(&v)) {
            list.push(v);
        }
    }
}

/// When a row has no name: its organisation, else its first e-mail address, with a warning.
/// A row with neither is marked empty.
fn name_fallback(row: &mut Row) {
    if !row.name.is_empty() {
        return;
    }
    if let Some(org) = &row.organisation {
        row.name = org.clone();
        row.warnings.push(Warning::new(WarningKind::NameFromOrganisation));
    } else if let Some(email) = row.emails.first() {
        row.name = email.clone();
        row.warnings.push(Warning::new(WarningKind::NameFromEmail));
    } else {
        row.warnings.push(Warning::new(WarningKind::Empty));
    }
}

impl Row {
    /// Whether the row is skipped: nothing to call the person by.
    pub fn is_empty(&self) -> bool {
        self.name.is_empty()
    }
}
