//! A CSV file as rows: the encoding (UTF-8 with or without a byte-order mark, UTF-16 with one,
//! else Windows-1252) and the delimiter (comma, semicolon or tab) are detected and can be
//! forced; RFC 4180 quoting is the `csv` crate's. Known headers are mapped to fields (Google
//! Contacts current and legacy, Outlook in English and Dutch, plain Dutch and English names);
//! any column can be mapped by hand, and a column left unmapped is named in a warning on the
//! rows that hold something in it.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use serde::Serialize;

use super::{
    address_lines, lines, name_fallback, one_line, push_unique, text, Row, Warning, WarningKind,
};
use crate::kernel::error::{Error, Result};

/// The longest record (all its cells together) that is read.
pub const MAX_RECORD: usize = 1024 * 1024;

/// Which part of an address a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AddressPart {
    /// The whole address, formatted (Google's "Address 1 - Formatted", "Adres").
    Formatted,
    Street,
    PostalCode,
    City,
    Region,
    Country,
}

/// What a column is read as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "field", content = "detail")]
pub enum Column {
    Name,
    /// A name part, put together in natural order: prefix, first, middle, last, suffix.
    Prefix,
    FirstName,
    MiddleName,
    LastName,
    Suffix,
    Email,
    Phone,
    Organisation,
    JobTitle,
    /// A part of the address in group `n` (Address 1, Address 2; Outlook's Business, Home,
    /// Other): the first group that holds something is the address.
    Address(u8, AddressPart),
    Notes,
    /// A flexible field by its label.
    Field(String),
    /// Known to hold nothing worth keeping (Google's labels and types): not warned about.
    Ignore,
    /// Not mapped: named in a warning when a row holds something in it.
    Unmapped,
}

impl Column {
    /// A field named on the command line (`--map COLUMN=FIELD`) or in the wizard.
    pub fn parse(field: &str) -> Result<Column> {
        Ok(match field.trim() {
            "name" => Column::Name,
            "prefix" => Column::Prefix,
            "first-name" => Column::FirstName,
            "middle-name" => Column::MiddleName,
            "last-name" => Column::LastName,
            "suffix" => Column::Suffix,
            "email" => Column::Email,
            "phone" => Column::Phone,
            "organisation" => Column::Organisation,
            "job-title" => Column::JobTitle,
            "address" => Column::Address(1, AddressPart::Formatted),
            "street" => Column::Address(1, AddressPart::Street),
            "postal-code" => Column::Address(1, AddressPart::PostalCode),
            "city" => Column::Address(1, AddressPart::City),
            "region" => Column::Address(1, AddressPart::Region),
            "country" => Column::Address(1, AddressPart::Country),
            "notes" => Column::Notes,
            "skip" => Column::Ignore,
            other => match other.strip_prefix("field:") {
                Some(label) if !label.trim().is_empty() => Column::Field(label.trim().to_owned()),
                _ => {
                    return Err(Error::invalid(
                        "map",
                        "expected name, prefix, first-name, middle-name, last-name, suffix, \
                         email, phone, organisation, job-title, address, street, postal-code, \
                         city, region, country, notes, field:LABEL or skip",
                    ))
                }
            },
        })
    }
}

impl Column {
    /// The field's name as [`Column::parse`] reads it (`street` for a street in any address
    /// group, `skip` for a column known to hold nothing worth keeping); None for a column not
    /// mapped.
    pub fn key(&self) -> Option<String> {
        Some(
            match self {
                Column::Name => "name",
                Column::FirstName => "first-name",
                Column::MiddleName => "middle-name",
                Column::LastName => "last-name",
                Column::Email => "email",
                Column::Phone => "phone",
                Column::Organisation => "organisation",
                Column::JobTitle => "job-title",
                Column::Address(_, AddressPart::Formatted) => "address",
                Column::Address(_, AddressPart::Street) => "street",
                Column::Address(_, AddressPart::PostalCode) => "postal-code",
                Column::Address(_, AddressPart::City) => "city",
                Column::Address(_, AddressPart::Country) => "country",
                Column::Notes => "notes",
                Column::Field(label) => return Some(format!("field:{label}")),
                Column::Ignore => "skip",
                Column::Prefix => "prefix",
                Column::Suffix => "suffix",
                Column::Address(_, AddressPart::Region) => "region",
                Column::Unmapped => return None,
            }
            .to_owned(),
        )
    }
}

/// A delimiter as typed or chosen: `,` `;` or a tab (`tab`, `\t`).
pub fn parse_delimiter(d: &str) -> Result<u8> {
    match d {
        "," | "comma" => Ok(b','),
        ";" | "semicolon" => Ok(b';'),
        "\t" | "tab" | "\\t" => Ok(b'\t'),
        _ => Err(Error::invalid("delimiter", "expected , ; or tab")),
    }
}

/// How to read the file: forced settings, or None to detect them.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub delimiter: Option<u8>,
    /// An encoding label (`utf-8`, `windows-1252`, `latin1`, …).
    pub encoding: Option<String>,
    /// Column header → field, over the automatic mapping.
    pub map: Vec<(String, Column)>,
}

/// The file as read: what was detected, the columns and the rows.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub encoding: &'static str,
    pub delimiter: char,
    pub headers: Vec<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// The cells of the first [`SAMPLE_ROWS`] records that hold something, as in the file (for
    /// the wizard's column mapping).
    pub sample: Vec<Vec<String>>,
}

/// How many records [`Table::sample`] keeps.
pub const SAMPLE_ROWS: usize = 3;

/// Reads a CSV file with a header row. A bad file (not text, columns that do not match the
/// header, a record over [`MAX_RECORD`]) is an error naming the line.
pub fn read(bytes: &[u8], options: &Options) -> Result<Table> {
    let (text, encoding, delimiter) = text_of(bytes, options)?;
    let mut reader = reader(&text, delimiter, false);
    let mut records = reader.records();
    let headers: Vec<String> = match records.next() {
        Some(h) => h
            .map_err(|e| bad(&e, &mut LineCounter::new(&text)))?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect(),
        None => return Err(Error::invalid("file", "line 1: the file is empty")),
    };
    if headers.iter().all(String::is_empty) {
        return Err(Error::invalid("file", "line 1: expected a header row with column names"));
    }
    let mut columns: Vec<Column> = headers.iter().map(|h| known(h)).collect();
    for (header, column) in &options.map {
        let Some(i) = headers.iter().position(|h| h.eq_ignore_ascii_case(header.trim())) else {
            return Err(Error::invalid("map", format!("no column called {header:?} in the file")));
        };
        columns[i] = column.clone();
    }
    let mut rows = Vec::new();
    let mut sample = Vec::new();
    let mut lines = LineCounter::new(&text);
    for record in records {
        let record = record.map_err(|e| bad(&e, &mut lines))?;
        let line = lines.line_at(record.position().map_or(0, |p| p.byte() as usize));
        if record.as_slice().len() > MAX_RECORD {
            return Err(Error::invalid(
                "file",
                format!("line {line}: a record longer than {} MB", MAX_RECORD / (1024 * 1024)),
            ));
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if sample.len() < SAMPLE_ROWS {
            sample.push(record.iter().map(|c| unguard(c.trim()).to_owned()).collect());
        }
        rows.push(row(line, &headers, &columns, &record));
    }
    Ok(Table {
        encoding: encoding.name(),
        delimiter: delimiter as char,
        headers,
        columns,
        rows,
        sample,
    })
}

/// A file read as plain records, the first row included (no header is assumed): for readers
/// that find their own columns (the unsubscribe import). Same detection, limits and errors
/// naming the line as [`read`].
#[derive(Debug, Clone)]
pub struct Records {
    pub encoding: &'static str,
    pub delimiter: char,
    /// Each non-empty record with the line it starts on.
    pub records: Vec<(usize, Vec<String>)>,
}

/// Reads every record of a CSV or plain-text file; a row may have fewer or more cells than
/// the first one (a list of addresses has no columns to keep equal).
pub fn records(bytes: &[u8], options: &Options) -> Result<Records> {
    let (text, encoding, delimiter) = text_of(bytes, options)?;
    let mut reader = reader(&text, delimiter, true);
    let mut lines = LineCounter::new(&text);
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| bad(&e, &mut lines))?;
        let line = lines.line_at(record.position().map_or(0, |p| p.byte() as usize));
        if record.as_slice().len() > MAX_RECORD {
            return Err(Error::invalid(
                "file",
                format!("line {line}: a record longer than {} MB", MAX_RECORD / (1024 * 1024)),
            ));
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        out.push((line, record.iter().map(|c| unguard(c.trim()).to_owned()).collect()));
    }
    if out.is_empty() {
        return Err(Error::invalid("file", "line 1: the file is empty"));
    }
    Ok(Records { encoding: encoding.name(), delimiter: delimiter as char, records: out })
}

/// The line where a record starts, from its byte offset. The `csv` crate's own line count is
/// one short after a CRLF line end (the LF is read with the next record), so lines are counted
/// here: offsets only grow, and each byte is looked at once.
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter { text: text.as_bytes(), offset: 0, line: 1 }
    }

    fn line_at(&mut self, offset: usize) -> usize {
        let mut start = offset.min(self.text.len());
        // A record starts after the line end before it.
        while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        if start >= self.offset {
            self.line += self.text[self.offset..start].iter().filter(|&&b| b == b'\n').count();
            self.offset = start;
        }
        self.line
    }
}

fn bad(e: &::csv::Error, lines: &mut LineCounter<'_>) -> Error {
    let line = e.position().map_or(0, |p| lines.line_at(p.byte() as usize));
    let what = match e.kind() {
        ::csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("{len} columns where the header has {expected_len}")
        }
        _ => "not readable as CSV".to_owned(),
    };
    Error::invalid("file", format!("line {line}: {what}"))
}

/// The file as text, its encoding and its delimiter (forced, else detected).
fn text_of(bytes: &[u8], options: &Options) -> Result<(String, &'static Encoding, u8)> {
    let (text, encoding) = decode(bytes, options.encoding.as_deref())?;
    let delimiter = options.delimiter.unwrap_or_else(|| detect_delimiter(&text));
    Ok((text, encoding, delimiter))
}

/// A reader of every record, the header row included; `flexible`: rows may differ in length.
fn reader(text: &str, delimiter: u8, flexible: bool) -> ::csv::Reader<&[u8]> {
    ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(flexible)
        .from_reader(text.as_bytes())
}

/// The file as text: a byte-order mark decides, else a forced encoding, else UTF-8 when valid,
/// else Windows-1252.
fn decode(bytes: &[u8], forced: Option<&str>) -> Result<(String, &'static Encoding)> {
    let (encoding, bom) = match Encoding::for_bom(bytes) {
        Some((e, bom)) => (e, bom),
        None => match forced {
            Some(label) => (
                Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
                    Error::invalid("encoding", "expected utf-8, windows-1252, latin1 or utf-16")
                })?,
                0,
            ),
            None if std::str::from_utf8(bytes).is_ok() => (UTF_8, 0),
            None => (WINDOWS_1252, 0),
        },
    };
    let body = &bytes[bom..];
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors && (encoding == UTF_8 || encoding == UTF_16LE || encoding == UTF_16BE) {
        return Err(Error::invalid(
            "encoding",
            format!("the file is not valid {} text (try --encoding windows-1252)", encoding.name()),
        ));
    }
    if text.contains('\0') {
        return Err(Error::invalid("file", "not a text file"));
    }
    Ok((text.into_owned(), encoding))
}

/// The delimiter of the header line: the most frequent of comma, semicolon and tab outside
/// quotes (a comma on a tie).
fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.bytes() {
        if c == b'\n' && !quoted {
            break;
        }
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in &mut counts {
                if c == *d {
                    *n += 1;
                }
            }
        }
    }
    counts.iter().fold((b',', 0), |best, &(d, n)| if n > best.1 { (d, n) } else { best }).0
}

/// The field a known header is read as.
fn known(header: &str) -> Column {
    let h = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    let h = h.as_str();
    // Google (current "E-mail 1 - Value", legacy "E-mail 1 - Type"/"Value") and numbered groups.
    if let Some((group, rest)) = numbered(h) {
        return match (group.as_str(), rest.as_str()) {
            ("e-mail" | "email", "value") => Column::Email,
            ("phone", "value") => Column::Phone,
            ("organization" | "organisation", "name") => Column::Organisation,
            ("organization" | "organisation", "title") => Column::JobTitle,
            ("address", part) => {
                address_part(part).map_or(Column::Ignore, |p| Column::Address(1, p))
            }
            // A value of another kind (a website, a birthday, a relation) is data not kept:
            // named in a warning. Its label and type columns are not.
            (_, "value") => Column::Unmapped,
            _ => Column::Ignore,
        };
    }
    if let Some((group, part)) = outlook_address(h) {
        return Column::Address(group, part);
    }
    match h {
        "name" | "naam" | "volledige naam" | "full name" | "display name" | "weergavenaam" => {
            Column::Name
        }
        "first name" | "given name" | "voornaam" | "roepnaam" => Column::FirstName,
        "middle name" | "additional name" | "tussenvoegsel" | "tussenvoegsels"
        | "middelste naam" => Column::MiddleName,
        "last name" | "family name" | "surname" | "achternaam" => Column::LastName,
        "name prefix" | "title" | "titel" | "aanhef" => Column::Prefix,
        "name suffix" | "suffix" | "achtervoegsel" => Column::Suffix,
        "e-mail" | "email" | "e-mail address" | "email address" | "e-mailadres" | "emailadres"
        | "e-mail 2 address" | "e-mail 3 address" | "e-mailadres 2" | "e-mailadres 3" | "mail" => {
            Column::Email
        }
        "phone" | "telephone" | "telefoon" | "telefoonnummer" | "mobiel" | "mobile"
        | "mobile phone" | "mobiele telefoon" | "business phone" | "business phone 2"
        | "home phone" | "home phone 2" | "primary phone" | "other phone"
        | "company main phone" | "telefoon op werk" | "telefoon thuis" | "telefoon werk 2"
        | "telefoon thuis 2" | "hoofdtelefoon" | "andere telefoon" | "mobile number" | "gsm" => {
            Column::Phone
        }
        "company" | "organization" | "organisation" | "organization name" | "bedrijf"
        | "organisatie" | "bedrijfsnaam" | "firma" => Column::Organisation,
        "job title" | "organization title" | "functie" | "functietitel" | "position" => {
            Column::JobTitle
        }
        "address" | "adres" | "postal address" | "postadres" => {
            Column::Address(1, AddressPart::Formatted)
        }
        "street" | "straat" | "straat en huisnummer" => Column::Address(1, AddressPart::Street),
        "postal code" | "postcode" | "zip" | "zip code" => {
            Column::Address(1, AddressPart::PostalCode)
        }
        "city" | "plaats" | "woonplaats" | "stad" => Column::Address(1, AddressPart::City),
        "country" | "land" => Column::Address(1, AddressPart::Country),
        "notes" | "note" | "notities" | "notitie" | "opmerking" | "opmerkingen" => Column::Notes,
        "labels"
        | "group membership"
        | "categories"
        | "categorieën"
        | "nickname"
        | "e-mail display name"
        | "e-mail 2 display name"
        | "e-mail 3 display name"
        | "e-mail type"
        | "e-mail 2 type"
        | "e-mail 3 type"
        | "priority"
        | "private"
        | "sensitivity"
        | "gender"
        | "geslacht"
        | "organization department"
        | "department"
        | "afdeling"
        | "initials"
        | "initialen"
        | "file as" => Column::Ignore,
        _ => Column::Unmapped,
    }
}

/// `e-mail 1 - value` → ("e-mail", "value"); `organization 1 - name` → ("organization", "name").
fn numbered(h: &str) -> Option<(String, String)> {
    let (left, right) = h.split_once(" - ")?;
    let (group, n) = left.rsplit_once(' ')?;
    n.parse::<u8>().ok()?;
    Some((group.trim().to_owned(), right.trim().to_owned()))
}

fn address_part(part: &str) -> Option<AddressPart> {
    Some(match part {
        "formatted" => AddressPart::Formatted,
        "street" => AddressPart::Street,
        "postal code" => AddressPart::PostalCode,
        "city" => AddressPart::City,
        "region" => AddressPart::Region,
        "country" => AddressPart::Country,
        _ => return None,
    })
}

/// Outlook's `Business Street`, `Home City`, `Other Postal Code`, `Home Country/Region` (and the
/// Dutch `Straat (werk)`, `Plaats (thuis)`, `Postcode (werk)`, `Land/regio (thuis)`).
fn outlook_address(h: &str) -> Option<(u8, AddressPart)> {
    let part = |p: &str| -> Option<AddressPart> {
        Some(match p {
            "street" | "straat" => AddressPart::Street,
            "city" | "plaats" => AddressPart::City,
            "postal code" | "postcode" => AddressPart::PostalCode,
            "state" | "provincie" => AddressPart::Region,
            "country/region" | "country" | "land/regio" | "land" => AddressPart::Country,
            _ => return None,
        })
    };
    for (prefix, group) in [("business ", 1), ("home ", 2), ("other ", 3)] {
        if let Some(p) = h.strip_prefix(prefix).and_then(part) {
            return Some((group, p));
        }
    }
    for (suffix, group) in [(" (werk)", 1), (" (thuis)", 2), (" (overig)", 3)] {
        if let Some(p) = h.strip_suffix(suffix).and_then(part) {
            return Some((group, p));
        }
    }
    None
}

/// What Outlook writes in a date column that has no date.
const OUTLOOK_NO_DATE: &[&str] = &["0-0-00", "0/0/00", "1-1-4501", "1/1/4501"];

fn row(line: usize, headers: &[String], columns: &[Column], record: &::csv::StringRecord) -> Row {
    let mut row = Row { line, ..Row::default() };
    let mut names: [Vec<String>; 5] = Default::default();
    let mut addresses: std::collections::BTreeMap<u8, Vec<(AddressPart, String)>> =
        Default::default();
    let mut unmapped = Vec::new();
    for ((header, column), cell) in headers.iter().zip(columns).zip(record.iter()) {
        let cell = unguard(cell.trim());
        if cell.is_empty() || OUTLOOK_NO_DATE.contains(&cell) {
            continue;
        }
        // Google joins several values in one cell with " ::: ".
        let values = || cell.split(":::").filter_map(one_line);
        match column {
            Column::Name => {
                if row.name.is_empty() {
                    row.name = one_line(cell).unwrap_or_default();
                }
            }
            Column::Prefix => names[0].extend(one_line(cell)),
            Column::FirstName => names[1].extend(one_line(cell)),
            Column::MiddleName => names[2].extend(one_line(cell)),
            Column::LastName => names[3].extend(one_line(cell)),
            Column::Suffix => names[4].extend(one_line(cell)),
            Column::Email => values().for_each(|v| push_unique(&mut row.emails, Some(v))),
            Column::Phone => values().for_each(|v| push_unique(&mut row.phones, Some(v))),
            Column::Organisation => {
                row.organisation = row.organisation.take().or_else(|| one_line(cell));
            }
            Column::JobTitle => row.job_title = row.job_title.take().or_else(|| one_line(cell)),
            Column::Address(group, part) => {
                addresses.entry(*group).or_default().push((*part, cell.to_owned()));
            }
            Column::Notes => {
                let Some(cell) = text(cell) else { continue };
                row.notes = Some(match row.notes.take() {
                    Some(n) => format!("{n}\n\n{cell}"),
                    None => cell,
                });
            }
            Column::Field(label) => row.fields.push((label.clone(), cell.to_owned())),
            Column::Ignore => {}
            Column::Unmapped => unmapped.push(header.clone()),
        }
    }
    if row.name.is_empty() {
        row.name = names.iter().flatten().cloned().collect::<Vec<_>>().join(" ");
    }
    let mut filled = addresses.values().filter_map(|parts| address(parts));
    row.address = filled.next();
    if filled.next().is_some() {
        row.warnings.push(Warning::new(WarningKind::ExtraAddresses));
    }
    name_fallback(&mut row);
    if !unmapped.is_empty() {
        row.warnings.push(Warning { kind: WarningKind::NotImported, properties: unmapped });
    }
    row
}

/// A cell without the apostrophe a CSV export puts before a value a spreadsheet would run as a
/// formula (`'=…`, `'+31…`, see `kernel::csv`): the value as it was.
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}

/// An address from its parts: the formatted one when it is all there is, else street (or the
/// formatted one), postal code and city, region, country as lines.
fn address(parts: &[(AddressPart, String)]) -> Option<String> {
    let get = |p: AddressPart| {
        parts.iter().filter(|(k, _)| *k == p).filter_map(|(_, v)| one_line(v)).next()
    };
    let formatted = parts.iter().find(|(k, _)| *k == AddressPart::Formatted).map(|(_, v)| v);
    if let Some(formatted) =
        formatted.filter(|_| parts.iter().all(|(k, _)| *k == AddressPart::Formatted))
    {
        return lines(formatted);
    }
    address_lines(
        get(AddressPart::Street).or_else(|| get(AddressPart::Formatted)),
        get(AddressPart::PostalCode),
        get(AddressPart::City),
        get(AddressPart::Region),
        get(AddressPart::Country),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn table(bytes: &[u8]) -> Table {
        read(bytes, &Options::default()).unwrap()
    }

    #[test]
    fn google_contacts_current_export_with_a_bom_and_multiple_values() {
        let mut file = vec![0xEF, 0xBB, 0xBF];
        file.extend_from_slice(
            "First Name,Middle Name,Last Name,Organization Name,Organization Title,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Formatted\r\n\
             Jan,van,Dijk,Dijk Bouw,Eigenaar,\"Belt graag\r\nna 17 uur\",* myContacts,* Work,jan@dijkbouw.nl ::: jan@example.nl,Mobile,+31 6 1234 5678,\"Dorpsstraat 1\n1234 AB Ergens\"\r\n\
             Zoë,,Bakker,,,,* myContacts,,,,,\r\n"
                .as_bytes(),
        );
        let t = table(&file);
        assert_eq!((t.encoding, t.delimiter), ("UTF-8", ','));
        assert_eq!(t.rows.len(), 2);
        let jan = &t.rows[0];
        assert_eq!(jan.line, 2);
        assert_eq!(jan.name, "Jan van Dijk");
        assert_eq!(jan.emails, ["jan@dijkbouw.nl", "jan@example.nl"]);
        assert_eq!(jan.phones, ["+31 6 1234 5678"]);
        assert_eq!(jan.organisation.as_deref(), Some("Dijk Bouw"));
        assert_eq!(jan.job_title.as_deref(), Some("Eigenaar"));
        assert_eq!(jan.notes.as_deref(), Some("Belt graag\nna 17 uur"));
        assert_eq!(jan.address.as_deref(), Some("Dorpsstraat 1\n1234 AB Ergens"));
        assert!(jan.warnings.is_empty(), "{:?}", jan.warnings);
        assert_eq!(t.rows[1].line, 5, "the quoted newlines count as lines");
        assert_eq!(t.rows[1].name, "Zoë Bakker");
    }

    #[test]
    fn google_legacy_and_outlook_layouts() {
        let t = table(b"Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value\nPiet Jansen,Piet,Jansen,* Home,piet@example.nl,Mobile,0612345678\n");
        assert_eq!(t.rows[0].name, "Piet Jansen");
        assert_eq!(t.rows[0].emails, ["piet@example.nl"]);
        let t = table(b"Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business Street,Business City,Business Postal Code,Business Country/Region,Home Street,Home City,Business Phone,Mobile Phone,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,Notes\n\
            Dr.,Anna,,Smit,,Smit Advies,Verkoop,Adviseur,Kerkstraat 5,Utrecht,3511 AB,Nederland,Thuisweg 1,Zeist,030 1234567,06 11112222,anna@smit.nl,SMTP,Anna Smit (anna@smit.nl),anna@example.nl,VIP\n");
        let a = &t.rows[0];
        assert_eq!(a.name, "Dr. Anna Smit");
        assert_eq!(a.emails, ["anna@smit.nl", "anna@example.nl"]);
        assert_eq!(a.phones, ["030 1234567", "06 11112222"]);
        assert_eq!(a.address.as_deref(), Some("Kerkstraat 5\n3511 AB Utrecht\nNederland"));
        assert_eq!(
            a.warnings.iter().map(|w| w.kind).collect::<Vec<_>>(),
            [WarningKind::ExtraAddresses]
        );
        assert_eq!(a.notes.as_deref(), Some("VIP"));
    }

    #[test]
    fn dutch_excel_semicolons_in_windows_1252() {
        let text = "Naam;E-mailadres;Telefoon;Bedrijf;Functie;Adres;Plaats;Opmerking;Klantnummer\r\n\
                    René Müller;rene@example.nl;06-12345678;Café Ëten;Chef;Stationsweg 3;Zwolle;Betaalt € 50 vooruit;K-17\r\n";
        let (bytes, _, _) = WINDOWS_1252.encode(text);
        let t = table(&bytes);
        assert_eq!((t.encoding, t.delimiter), ("windows-1252", ';'));
        let r = &t.rows[0];
        assert_eq!(r.name, "René Müller");
        assert_eq!(r.organisation.as_deref(), Some("Café Ëten"));
        assert_eq!(r.address.as_deref(), Some("Stationsweg 3\nZwolle"));
        assert_eq!(r.notes.as_deref(), Some("Betaalt € 50 vooruit"));
        assert_eq!(r.warnings[0].kind, WarningKind::NotImported);
        assert_eq!(r.warnings[0].properties, ["Klantnummer"]);
        // Mapped by hand, the unknown column is kept as a flexible field.
        let options = Options {
            map: vec![("klantnummer".into(), Column::parse("field:Klantnummer").unwrap())],
            ..Options::default()
        };
        let t = read(&bytes, &options).unwrap();
        assert_eq!(t.rows[0].fields, [("Klantnummer".to_owned(), "K-17".to_owned())]);
        assert!(t.rows[0].warnings.is_empty());
    }

    #[test]
    fn forced_delimiter_and_encoding() {
        let (bytes, _, _) = WINDOWS_1252.encode("Naam\tPlaats\nJosé\tÖsterreich\n");
        let options = Options {
            delimiter: Some(b'\t'),
            encoding: Some("latin1".into()),
            ..Options::default()
        };
        let t = read(&bytes, &options).unwrap();
        assert_eq!(t.rows[0].name, "José");
        let e =
            read(b"Naam\n", &Options { encoding: Some("klingon".into()), ..Options::default() })
                .unwrap_err();
        assert!(e.to_string().contains("encoding"), "{e}");
    }

    #[test]
    fn bad_files_name_their_line_and_nothing_is_guessed() {
        let e = read(b"Naam,E-mail\nJan,jan@example.nl\nPiet\n", &Options::default()).unwrap_err();
        assert!(e.to_string().contains("line 3"), "{e}");
        assert!(read(b"", &Options::default()).is_err());
        let mut long = b"Naam\n".to_vec();
        long.resize(MAX_RECORD + 10, b'x');
        let e = read(&long, &Options::default()).unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
        let e = read(
            b"Naam\n",
            &Options { map: vec![("E-mail".into(), Column::Email)], ..Options::default() },
        )
        .unwrap_err();
        assert!(e.to_string().contains("E-mail"), "{e}");
        assert!(Column::parse("telefax").is_err());
        let e = read(b"\x00\x01\x02PK\x03\x04", &Options::default()).unwrap_err();
        assert!(!e.to_string().is_empty());
    }

    #[test]
    fn a_row_without_a_name_takes_the_organisation_or_the_e_mail() {
        let t = table(b"Naam,Bedrijf,E-mail\n,Bakker BV,\n,,info@example.nl\n,,\n");
        assert_eq!(t.rows.len(), 2, "an empty row is not a person");
        assert_eq!(t.rows[0].name, "Bakker BV");
        assert_eq!(t.rows[1].name, "info@example.nl");
    }

    #[test]
    fn every_automatic_mapping_has_a_name_the_wizard_can_send_back() {
        let t = table(b"Title,First Name,Middle Name,Last Name,Suffix,E-mail Address,Mobile Phone,Company,Job Title,Home Street,Home Postal Code,Home City,Home State,Home Country/Region,Adres,Notes,Labels,Klantnummer\n");
        for column in &t.columns {
            match column.key() {
                // A mapping named by the wizard is read in the first address group.
                Some(key) => {
                    let back = Column::parse(&key).unwrap();
                    let same_group = match (column, &back) {
                        (Column::Address(_, a), Column::Address(1, b)) => a == b,
                        _ => *column == back,
                    };
                    assert!(same_group, "{key}: {column:?} came back as {back:?}");
                }
                None => assert_eq!(*column, Column::Unmapped),
            }
        }
        assert_eq!(t.columns.last().unwrap().key(), None, "Klantnummer is not mapped");
        assert_eq!(Column::Field("Klantnummer".into()).key().as_deref(), Some("field:Klantnummer"));
    }

    #[test]
    fn the_sample_is_the_first_records_as_written() {
        let t = table(b"Naam;Telefoon\n\nAnna;'+31 6 1\nBram;\nCees;3\nDirk;4\n");
        assert_eq!(t.sample, [vec!["Anna", "+31 6 1"], vec!["Bram", ""], vec!["Cees", "3"]]);
    }

    proptest! {
        #[test]
        fn any_bytes_give_rows_or_an_error_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let mut file = b"Naam;E-mail;Telefoon\r\n".to_vec();
            file.extend_from_slice(&bytes);
            let _ = read(&file, &Options::default());
            let _ = read(&bytes, &Options::default());
        }
    }
}
