//! The processor register (Art. 28, Art. 30(1)(d)): processors and other recipients, the
//! purposes whose data they receive, the processing agreement (the date it was signed and a
//! reference to the document, by SHA-256 when a file was given; the file itself is not kept),
//! the review date, and a transfer outside the EU/EEA with its safeguard.
//!
//! Processors are business data of the controller, not personal data of clients: `contact` is
//! a business contact at the processor. Audit rows name ids and field names only.
//!
//! This is the one source of a purpose's recipients: `purposes::Purpose::recipients` is read
//! from here, and a purpose written with recipient names links (or creates) the processors of
//! those names ([`link_names`]).

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::kernel::clock::Ctx;
use crate::kernel::date::{format_instant, parse_date};
use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;

crate::kernel::str_enum! {
    /// What a processor does for the business.
    pub enum Service("service") {
        Accounting => "accounting",
        Payroll => "payroll",
        Hosting => "hosting",
        Newsletter => "newsletter",
        ItSupport => "it-support",
        Other => "other",
    }
}

crate::kernel::str_enum! {
    /// The safeguard of a transfer outside the EU/EEA (Art. 45, 46).
    pub enum Safeguard("safeguard") {
        Adequacy => "adequacy",
        Scc => "scc",
        Other => "other",
    }
}

crate::kernel::str_enum! {
    /// What needs attention about a processor: no signed processing agreement recorded
    /// (`no-agreement`), the review date has passed (`review-overdue`).
    pub enum Flag("flag") {
        NoAgreement => "no-agreement",
        ReviewOverdue => "review-overdue",
    }
}

/// What a processor does, in words of `language` (documents name it beside the processor).
pub fn service_label(service: Service, language: Language) -> &'static str {
    let nl = language.is_dutch();
    match (service, nl) {
        (Service::Accounting, true) => "boekhouding",
        (Service::Accounting, false) => "accounting",
        (Service::Payroll, true) => "salarisadministratie",
        (Service::Payroll, false) => "payroll",
        (Service::Hosting, _) => "hosting",
        (Service::Newsletter, true) => "nieuwsbrief",
        (Service::Newsletter, false) => "newsletter",
        (Service::ItSupport, true) => "IT-ondersteuning",
        (Service::ItSupport, false) => "IT support",
        (Service::Other, true) => "overig",
        (Service::Other, false) => "other",
    }
}

/// The safeguard of a transfer outside the EU/EEA in words (`note` for "other" or none).
pub fn safeguard_label(safeguard: Option<Safeguard>, note: &str, language: Language) -> String {
    let nl = language.is_dutch();
    match (safeguard, nl) {
        (Some(Safeguard::Adequacy), true) => "adequaatheidsbesluit (art. 45 AVG)".to_owned(),
        (Some(Safeguard::Adequacy), false) => "adequacy decision (Art. 45 GDPR)".to_owned(),
        (Some(Safeguard::Scc), true) => "modelcontractbepalingen (art. 46 AVG)".to_owned(),
        (Some(Safeguard::Scc), false) => "standard contractual clauses (Art. 46 GDPR)".to_owned(),
        (Some(Safeguard::Other), _) | (None, _) => note.to_owned(),
    }
}

/// A purpose a processor receives data for, by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PurposeRef {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Processor {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub service: Service,
    pub contact: String,
    pub purposes: Vec<PurposeRef>,
    pub data_categories: Vec<String>,
    /// YYYY-MM-DD.
    pub dpa_signed_on: Option<String>,
    pub dpa_reference: Option<String>,
    /// The SHA-256 (hex) of the agreement's file, when one was given.
    pub dpa_sha256: Option<String>,
    /// YYYY-MM-DD.
    pub review_on: Option<String>,
    pub location: String,
    pub outside_eu: bool,
    pub safeguard: Option<Safeguard>,
    pub safeguard_note: String,
    /// Computed at the time of the read: what needs attention.
    pub flags: Vec<Flag>,
}

/// A processor as written. Dates as typed (`31-03-2026` or `2026-03-31`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProcessorInput {
    pub name: String,
    pub service: Service,
    pub contact: String,
    #[ts(type = "number[]")]
    pub purposes: Vec<i64>,
    pub data_categories: Vec<String>,
    pub dpa_signed_on: Option<String>,
    pub dpa_reference: Option<String>,
    /// A file with the agreement: its SHA-256 is recorded (and its name as the reference when
    /// no reference is given); the file itself is not stored.
    #[serde(default, skip_serializing)]
    #[ts(skip)]
    pub dpa_file: Option<PathBuf>,
    /// The SHA-256 of the agreement's file as `agreement_file` computed it (the app's open
    /// dialog), when no `dpa_file` is given; None keeps the stored one (see `update`).
    #[serde(default)]
    pub dpa_sha256: Option<String>,
    pub review_on: Option<String>,
    pub location: String,
    pub outside_eu: bool,
    pub safeguard: Option<Safeguard>,
    pub safeguard_note: String,
}

impl ProcessorInput {
    pub fn new(name: &str, service: Service) -> ProcessorInput {
        ProcessorInput {
            name: name.to_owned(),
            service,
            contact: String::new(),
            purposes: Vec::new(),
            data_categories: Vec::new(),
            dpa_signed_on: None,
            dpa_reference: None,
            dpa_file: None,
            dpa_sha256: None,
            review_on: None,
            location: String::new(),
            outside_eu: false,
            safeguard: None,
            safeguard_note: String::new(),
        }
    }

    /// The input as the current record holds it (no file: the stored hash is kept).
    pub fn from_processor(p: &Processor) -> ProcessorInput {
        ProcessorInput {
            name: p.name.clone(),
            service: p.service,
            contact: p.contact.clone(),
            purposes: p.purposes.iter().map(|r| r.id).collect(),
            data_categories: p.data_categories.clone(),
            dpa_signed_on: p.dpa_signed_on.clone(),
            dpa_reference: p.dpa_reference.clone(),
            dpa_file: None,
            dpa_sha256: None,
            review_on: p.review_on.clone(),
            location: p.location.clone(),
            outside_eu: p.outside_eu,
            safeguard: p.safeguard,
            safeguard_note: p.safeguard_note.clone(),
        }
    }
}

/// A processing agreement's file as recorded: its name and SHA-256 (the file is not stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AgreementFile {
    pub file_name: String,
    pub sha256: String,
}

/// Hashes the agreement's file; `invalid_input` (`dpa_file`) when it cannot be read.
pub fn agreement_file(path: &std::path::Path) -> Result<AgreementFile> {
    let mut file = std::fs::File::open(path)
        .map_err(|_| Error::invalid("dpa_file", "the file cannot be read"))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher)
        .map_err(|_| Error::invalid("dpa_file", "the file cannot be read"))?;
    Ok(AgreementFile {
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        sha256: hex::encode(hasher.finalize()),
    })
}

/// The validated values as stored.
struct Clean {
    name: String,
    service: Service,
    contact: String,
    purposes: BTreeSet<i64>,
    data_categories: Vec<String>,
    dpa_signed_on: Option<String>,
    dpa_reference: Option<String>,
    /// Some(hash): a file was given now.
    dpa_sha256: Option<String>,
    review_on: Option<String>,
    location: String,
    outside_eu: bool,
    safeguard: Option<Safeguard>,
    safeguard_note: String,
}

fn text(field: &'static str, s: &str, max: usize) -> Result<String> {
    let s = s.trim();
    if s.chars().count() > max {
        return Err(Error::invalid(field, format!("too long (at most {max} characters)")));
    }
    Ok(s.to_owned())
}

fn opt_text(field: &'static str, s: Option<&str>, max: usize) -> Result<Option<String>> {
    Ok(match s {
        None => None,
        Some(s) => Some(text(field, s, max)?).filter(|s| !s.is_empty()),
    })
}

fn opt_date(field: &'static str, s: Option<&str>) -> Result<Option<String>> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => Ok(Some(parse_date(s, field)?.format("%Y-%m-%d").to_string())),
    }
}

fn validate(conn: &Connection, input: &ProcessorInput) -> Result<Clean> {
    let name = text("name", &input.name, 120)?;
    if name.is_empty() {
        return Err(Error::invalid("name", "a processor needs a name"));
    }
    let data_categories: Vec<String> = input
        .data_categories
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    if data_categories.len() > 50 || data_categories.iter().any(|s| s.chars().count() > 200) {
        return Err(Error::invalid("data_categories", "at most 50 entries of 200 characters"));
    }
    for &pid in &input.purposes {
        let found: Option<i64> = conn
            .query_row("SELECT id FROM purposes WHERE id = ?1", [pid], |r| r.get(0))
            .optional()?;
        if found.is_none() {
            return Err(Error::NotFound(format!("purpose {pid}")));
        }
    }
    let mut dpa_reference = opt_text("dpa_reference", input.dpa_reference.as_deref(), 200)?;
    let dpa_sha256 = match &input.dpa_file {
        None => match input.dpa_sha256.as_deref().map(str::trim) {
            None => None,
            Some(h) if h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()) => {
                Some(h.to_ascii_lowercase())
            }
            Some(_) => return Err(Error::invalid("dpa_sha256", "not a SHA-256 in hex")),
        },
        Some(path) => {
            let file = agreement_file(path)?;
            if dpa_reference.is_none() {
                dpa_reference = Some(file.file_name);
            }
            Some(file.sha256)
        }
    };
    let safeguard_note = text("safeguard_note", &input.safeguard_note, 500)?;
    if input.outside_eu {
        match input.safeguard {
            None => {
                return Err(Error::invalid(
                    "safeguard",
                    "a transfer outside the EU/EEA needs a safeguard: adequacy, scc or other",
                ))
            }
            Some(Safeguard::Other) if safeguard_note.is_empty() => {
                return Err(Error::invalid(
                    "safeguard_note",
                    "describe the safeguard when it is \"other\"",
                ))
            }
            Some(_) => {}
        }
    } else if input.safeguard.is_some() {
        return Err(Error::invalid(
            "safeguard",
            "a safeguard is for a transfer outside the EU/EEA only",
        ));
    }
    Ok(Clean {
        name,
        service: input.service,
        contact: text("contact", &input.contact, 300)?,
        purposes: input.purposes.iter().copied().collect(),
        data_categories,
        dpa_signed_on: opt_date("dpa_signed_on", input.dpa_signed_on.as_deref())?,
        dpa_reference,
        dpa_sha256,
        review_on: opt_date("review_on", input.review_on.as_deref())?,
        location: text("location", &input.location, 200)?,
        outside_eu: input.outside_eu,
        safeguard: if input.outside_eu { input.safeguard } else { None },
        safeguard_note: if input.outside_eu { safeguard_note } else { String::new() },
    })
}

/// The flags of a processor on `today`.
pub fn flags(dpa_signed_on: Option<&str>, review_on: Option<&str>, today: NaiveDate) -> Vec<Flag> {
    let mut out = Vec::new();
    if dpa_signed_on.is_none() {
        out.push(Flag::NoAgreement);
    }
    let review = review_on.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    if review.is_some_and(|d| d < today) {
        out.push(Flag::ReviewOverdue);
    }
    out
}

const COLUMNS: &str = "id, name, service, contact, data_categories, dpa_signed_on, dpa_reference,
     dpa_sha256, review_on, location, outside_eu, safeguard, safeguard_note";

fn bad(col: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, what.into())
}

fn row(r: &Row<'_>) -> rusqlite::Result<Processor> {
    let service: String = r.get(2)?;
    let safeguard: Option<String> = r.get(11)?;
    Ok(Processor {
        id: r.get(0)?,
        name: r.get(1)?,
        service: service.parse().map_err(|_| bad(2, "service"))?,
        contact: r.get(3)?,
        purposes: Vec::new(),
        data_categories: serde_json::from_str(&r.get::<_, String>(4)?).unwrap_or_default(),
        dpa_signed_on: r.get(5)?,
        dpa_reference: r.get(6)?,
        dpa_sha256: r.get(7)?,
        review_on: r.get(8)?,
        location: r.get(9)?,
        outside_eu: r.get(10)?,
        safeguard: safeguard.map(|s| s.parse()).transpose().map_err(|_| bad(11, "safeguard"))?,
        safeguard_note: r.get(12)?,
        flags: Vec::new(),
    })
}

fn complete(conn: &Connection, ctx: &Ctx<'_>, mut p: Processor) -> Result<Processor> {
    let mut s = conn.prepare_cached(
        "SELECT u.id, u.name FROM processor_purposes l JOIN purposes u ON u.id = l.purpose_id
         WHERE l.processor_id = ?1 ORDER BY u.name COLLATE NOCASE",
    )?;
    p.purposes = s
        .query_map([p.id], |r| Ok(PurposeRef { id: r.get(0)?, name: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    p.flags = flags(p.dpa_signed_on.as_deref(), p.review_on.as_deref(), ctx.now.date_naive());
    Ok(p)
}

/// Every processor, by name, with its flags at `ctx.now`.
pub fn list(conn: &Connection, ctx: &Ctx<'_>) -> Result<Vec<Processor>> {
    let mut s = conn
        .prepare(&format!("SELECT {COLUMNS} FROM processors ORDER BY name COLLATE NOCASE, id"))?;
    let raw: Vec<Processor> = s.query_map([], row)?.collect::<rusqlite::Result<_>>()?;
    raw.into_iter().map(|p| complete(conn, ctx, p)).collect()
}

pub fn get(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<Processor> {
    let p = conn
        .query_row(&format!("SELECT {COLUMNS} FROM processors WHERE id = ?1"), [id], row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("processor {id}")))?;
    complete(conn, ctx, p)
}

/// The processors that receive data of any of `purpose_ids`, by name.
pub fn for_purposes(
    conn: &Connection,
    ctx: &Ctx<'_>,
    purpose_ids: &BTreeSet<i64>,
) -> Result<Vec<Processor>> {
    Ok(list(conn, ctx)?
        .into_iter()
        .filter(|p| p.purposes.iter().any(|r| purpose_ids.contains(&r.id)))
        .collect())
}

/// The names of the processors of one purpose, by name (a purpose's recipients).
pub fn names_for_purpose(conn: &Connection, purpose_id: i64) -> Result<Vec<String>> {
    let mut s = conn.prepare_cached(
        "SELECT r.name FROM processor_purposes l JOIN processors r ON r.id = l.processor_id
         WHERE l.purpose_id = ?1 ORDER BY r.name COLLATE NOCASE",
    )?;
    let v = s.query_map([purpose_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

fn name_taken(conn: &Connection, name: &str, except: Option<i64>) -> Result<bool> {
    Ok(conn
        .query_row("SELECT id FROM processors WHERE name = ?1", [name], |r| r.get::<_, i64>(0))
        .optional()?
        .is_some_and(|id| Some(id) != except))
}

fn set_purposes(conn: &Connection, id: i64, purposes: &BTreeSet<i64>) -> Result<()> {
    conn.execute("DELETE FROM processor_purposes WHERE processor_id = ?1", [id])?;
    for pid in purposes {
        conn.execute(
            "INSERT INTO processor_purposes (processor_id, purpose_id) VALUES (?1, ?2)",
            [id, *pid],
        )?;
    }
    Ok(())
}

fn json(v: &[String]) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

const FIELDS: &[&str] = &[
    "name",
    "service",
    "contact",
    "purposes",
    "data_categories",
    "dpa_signed_on",
    "dpa_reference",
    "dpa_sha256",
    "review_on",
    "location",
    "outside_eu",
    "safeguard",
    "safeguard_note",
];

pub fn create(conn: &Connection, ctx: &Ctx<'_>, input: &ProcessorInput) -> Result<i64> {
    let p = validate(conn, input)?;
    if name_taken(conn, &p.name, None)? {
        return Err(Error::invalid("name", "a processor with this name exists already"));
    }
    conn.execute(
        "INSERT INTO processors (name, service, contact, data_categories, dpa_signed_on,
                                 dpa_reference, dpa_sha256, review_on, location, outside_eu,
                                 safeguard, safeguard_note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
        params![
            p.name,
            p.service.as_str(),
            p.contact,
            json(&p.data_categories),
            p.dpa_signed_on,
            p.dpa_reference,
            p.dpa_sha256,
            p.review_on,
            p.location,
            p.outside_eu,
            p.safeguard.map(Safeguard::as_str),
            p.safeguard_note,
            format_instant(ctx.now)
        ],
    )?;
    let id = conn.last_insert_rowid();
    set_purposes(conn, id, &p.purposes)?;
    ctx.audit(conn, "processor.create", "processor", Some(id), &["name", "service"])?;
    Ok(id)
}

/// Replaces the processor's values by `input`. Without a file the stored SHA-256 stays, unless
/// the reference changed (then it no longer describes the document referred to).
pub fn update(conn: &Connection, ctx: &Ctx<'_>, id: i64, input: &ProcessorInput) -> Result<()> {
    let old = get(conn, ctx, id)?;
    let p = validate(conn, input)?;
    if name_taken(conn, &p.name, Some(id))? {
        return Err(Error::invalid("name", "a processor with this name exists already"));
    }
    let sha = match p.dpa_sha256.clone() {
        Some(h) => Some(h),
        None if p.dpa_reference == old.dpa_reference => old.dpa_sha256.clone(),
        None => None,
    };
    let new = Processor {
        id,
        name: p.name.clone(),
        service: p.service,
        contact: p.contact.clone(),
        purposes: Vec::new(),
        data_categories: p.data_categories.clone(),
        dpa_signed_on: p.dpa_signed_on.clone(),
        dpa_reference: p.dpa_reference.clone(),
        dpa_sha256: sha.clone(),
        review_on: p.review_on.clone(),
        location: p.location.clone(),
        outside_eu: p.outside_eu,
        safeguard: p.safeguard,
        safeguard_note: p.safeguard_note.clone(),
        flags: Vec::new(),
    };
    let old_purposes: BTreeSet<i64> = old.purposes.iter().map(|r| r.id).collect();
    let changed: Vec<&str> = FIELDS
        .iter()
        .copied()
        .filter(|f| match *f {
            "name" => old.name != new.name,
            "service" => old.service != new.service,
            "contact" => old.contact != new.contact,
            "purposes" => old_purposes != p.purposes,
            "data_categories" => old.data_categories != new.data_categories,
            "dpa_signed_on" => old.dpa_signed_on != new.dpa_signed_on,
            "dpa_reference" => old.dpa_reference != new.dpa_reference,
            "dpa_sha256" => old.dpa_sha256 != new.dpa_sha256,
            "review_on" => old.review_on != new.review_on,
            "location" => old.location != new.location,
            "outside_eu" => old.outside_eu != new.outside_eu,
            "safeguard" => old.safeguard != new.safeguard,
            _ => old.safeguard_note != new.safeguard_note,
        })
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    conn.execute(
        "UPDATE processors SET name = ?2, service = ?3, contact = ?4, data_categories = ?5,
                dpa_signed_on = ?6, dpa_reference = ?7, dpa_sha256 = ?8, review_on = ?9,
                location = ?10, outside_eu = ?11, safeguard = ?12, safeguard_note = ?13,
                updated_at = ?14
         WHERE id = ?1",
        params![
            id,
            new.name,
            new.service.as_str(),
            new.contact,
            json(&new.data_categories),
            new.dpa_signed_on,
            new.dpa_reference,
            sha,
            new.review_on,
            new.location,
            new.outside_eu,
            new.safeguard.map(Safeguard::as_str),
            new.safeguard_note,
            format_instant(ctx.now)
        ],
    )?;
    set_purposes(conn, id, &p.purposes)?;
    ctx.audit(conn, "processor.update", "processor", Some(id), &changed)
}

/// Removes a processor and its links to purposes.
pub fn remove(conn: &Connection, ctx: &Ctx<'_>, id: i64) -> Result<()> {
    get(conn, ctx, id)?;
    conn.execute("DELETE FROM processors WHERE id = ?1", [id])?;
    ctx.audit(conn, "processor.remove", "processor", Some(id), &[])
}

/// Makes the processors named in `names` (case-insensitively; created as service `other`
/// without an agreement when new) exactly the recipients of the purpose: a purpose written
/// with recipient names, as `purpose add --recipient` does.
pub fn link_names(
    conn: &Connection,
    ctx: &Ctx<'_>,
    purpose_id: i64,
    names: &[String],
) -> Result<()> {
    let mut wanted = BTreeSet::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let found: Option<i64> = conn
            .query_row("SELECT id FROM processors WHERE name = ?1", [name], |r| r.get(0))
            .optional()?;
        let id = match found {
            Some(id) => id,
            None => create(conn, ctx, &ProcessorInput::new(name, Service::Other))?,
        };
        wanted.insert(id);
    }
    let mut s =
        conn.prepare("SELECT processor_id FROM processor_purposes WHERE purpose_id = ?1")?;
    let current: BTreeSet<i64> =
        s.query_map([purpose_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    for id in current.difference(&wanted) {
        conn.execute(
            "DELETE FROM processor_purposes WHERE processor_id = ?1 AND purpose_id = ?2",
            [*id, purpose_id],
        )?;
        ctx.audit(conn, "processor.update", "processor", Some(*id), &["purposes"])?;
    }
    for id in wanted.difference(&current) {
        conn.execute(
            "INSERT INTO processor_purposes (processor_id, purpose_id) VALUES (?1, ?2)",
            [*id, purpose_id],
        )?;
        ctx.audit(conn, "processor.update", "processor", Some(*id), &["purposes"])?;
    }
    Ok(())
}

/// A change to some of a processor's values, as `processor edit` gives it: `None` keeps a
/// value; the `clear_*` flags remove the agreement (date, reference and hash), the review date
/// and the transfer outside the EU/EEA.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProcessorPatch {
    pub name: Option<String>,
    pub service: Option<Service>,
    pub contact: Option<String>,
    #[ts(type = "number[] | null")]
    pub purposes: Option<Vec<i64>>,
    pub data_categories: Option<Vec<String>>,
    pub dpa_signed_on: Option<String>,
    pub dpa_reference: Option<String>,
    #[serde(default, skip_serializing)]
    #[ts(skip)]
    pub dpa_file: Option<PathBuf>,
    pub clear_dpa: bool,
    pub review_on: Option<String>,
    pub clear_review: bool,
    pub location: Option<String>,
    pub outside_eu: Option<bool>,
    pub safeguard: Option<Safeguard>,
    pub safeguard_note: Option<String>,
}

/// Applies `patch` to the processor (see [`update`] for the agreement's hash).
pub fn edit(conn: &Connection, ctx: &Ctx<'_>, id: i64, patch: &ProcessorPatch) -> Result<()> {
    let mut input = ProcessorInput::from_processor(&get(conn, ctx, id)?);
    if patch.clear_dpa {
        // Without the reference the stored hash goes too (see `update`).
        input.dpa_signed_on = None;
        input.dpa_reference = None;
    }
    if patch.clear_review {
        input.review_on = None;
    }
    if patch.outside_eu == Some(false) {
        input.safeguard = None;
        input.safeguard_note = String::new();
    }
    let set = |to: &mut String, v: &Option<String>| {
        if let Some(v) = v {
            v.clone_into(to);
        }
    };
    set(&mut input.name, &patch.name);
    set(&mut input.contact, &patch.contact);
    set(&mut input.location, &patch.location);
    set(&mut input.safeguard_note, &patch.safeguard_note);
    if let Some(s) = patch.service {
        input.service = s;
    }
    if let Some(p) = &patch.purposes {
        input.purposes.clone_from(p);
    }
    if let Some(c) = &patch.data_categories {
        input.data_categories.clone_from(c);
    }
    if patch.dpa_signed_on.is_some() {
        input.dpa_signed_on.clone_from(&patch.dpa_signed_on);
    }
    if patch.dpa_reference.is_some() {
        input.dpa_reference.clone_from(&patch.dpa_reference);
    }
    if patch.dpa_file.is_some() {
        input.dpa_file.clone_from(&patch.dpa_file);
        // A new document: the old reference described the old one; the file's name is the
        // reference unless one is given with it.
        input.dpa_reference.clone_from(&patch.dpa_reference);
    }
    if patch.review_on.is_some() {
        input.review_on.clone_from(&patch.review_on);
    }
    if let Some(o) = patch.outside_eu {
        input.outside_eu = o;
    }
    if patch.safeguard.is_some() {
        input.safeguard = patch.safeguard;
    }
    update(conn, ctx, id, &input)
}
