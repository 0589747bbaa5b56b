//! An import: rows read from a file stored as contacts in the caller's transaction, with the
//! rules of R2.2 — every contact waits in triage (basis unknown) unless the whole batch is
//! linked to one purpose that is neither consent nor direct marketing; likely duplicates (the
//! one rule in `contacts::duplicates`, against the vault and earlier rows of the file) are
//! skipped, fill empty fields or are added anyway; a BSN-like value skips its row unless
//! confirmed; restricted contacts are never changed. The audit trail gets the format, the
//! counts and the file's SHA-256, never a value. An import is undone as a whole while its
//! contacts are unchanged.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::{Row, Warning, WarningKind};
use crate::domain::consent::{self, Source};
use crate::domain::contacts::model::is_email;
use crate::domain::contacts::{self, duplicates, ContactInput, Relationship};
use crate::domain::fields;
use crate::domain::register::purposes::{self, Basis};
use crate::domain::retention::purge;
use crate::domain::suppression;
use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;
use crate::kernel::str_enum;

str_enum! {
    pub enum Format("format") {
        Vcard => "vcard",
        Csv => "csv",
    }
}

str_enum! {
    /// What happens to a row that likely duplicates a contact.
    pub enum OnDuplicate("on_duplicate") {
        Skip => "skip",
        Update => "update",
        Add => "add",
    }
}

/// How to import.
#[derive(Debug, Clone)]
pub struct Settings {
    pub format: Format,
    /// The file's name, kept as the evidence of where the contacts came from.
    pub file_name: String,
    pub file_sha256: String,
    pub on_duplicate: OnDuplicate,
    /// One purpose for the whole batch and its own basis (source imported); None: triage.
    pub purpose: Option<(i64, Basis)>,
    /// The relationship of every imported contact (a prospect unless said otherwise).
    pub relationship: Relationship,
    /// The user confirmed that BSN-like values in the file are not BSNs.
    pub confirm_not_bsn: bool,
    /// Per row (by its line in the file), a choice over `on_duplicate` (the wizard's preview).
    pub per_row: Vec<(usize, OnDuplicate)>,
    /// List the rows that need a decision in the report ([`Report::rows`]).
    pub detail: bool,
}

impl Settings {
    /// What happens to the row at `line` when it likely duplicates a contact.
    pub fn on_duplicate_at(&self, line: usize) -> OnDuplicate {
        self.per_row.iter().find(|(l, _)| *l == line).map_or(self.on_duplicate, |(_, d)| *d)
    }
}

/// A row that needs a decision: a likely duplicate, a value that looks like a BSN, an address
/// that objected (only listed when [`Settings::detail`] asks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "ImportRow")]
pub struct RowNote {
    #[ts(type = "number")]
    pub line: usize,
    pub name: String,
    pub duplicate: bool,
    pub looks_like_bsn: bool,
    pub suppressed: bool,
    /// What was done with the row: added, updated or skipped.
    pub outcome: RowOutcome,
}

str_enum! {
    pub enum RowOutcome("outcome") {
        Added => "added",
        Updated => "updated",
        Skipped => "skipped",
    }
}

/// A warning on a line of the file, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "ImportWarning")]
pub struct LineWarning {
    #[ts(type = "number")]
    pub line: usize,
    pub message: String,
}

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "ImportReport")]
pub struct Report {
    /// The import's id, for `kluis import undo` (None in a dry run).
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    #[ts(type = "number")]
    pub added: i64,
    #[ts(type = "number")]
    pub updated: i64,
    #[ts(type = "number")]
    pub skipped: i64,
    /// Rows that likely duplicate a contact or an earlier row (skipped, updated or added).
    #[ts(type = "number")]
    pub duplicates: i64,
    /// Imported contacts whose e-mail address is on the suppression list (an objection).
    #[ts(type = "number")]
    pub suppressed: i64,
    pub warnings: Vec<LineWarning>,
    /// The automatic backup made before the import, if one was.
    pub backup: Option<String>,
    /// With [`Settings::detail`] (else empty): the rows that are duplicates, look like a BSN or
    /// objected.
    pub rows: Vec<RowNote>,
}

/// The import a contact came in with: the file's name and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSource {
    pub file_name: String,
    pub imported_at: String,
}

pub fn source_of(conn: &Connection, contact_id: i64) -> Result<Option<ImportSource>> {
    Ok(conn
        .query_row(
            "SELECT i.file_name, i.imported_at FROM contacts c JOIN imports i ON i.id = c.import_id
             WHERE c.id = ?1",
            [contact_id],
            |r| Ok(ImportSource { file_name: r.get(0)?, imported_at: r.get(1)? }),
        )
        .optional()?)
}

/// Refuses a batch purpose that needs more than a file: consent is never assumed from a file,
/// and direct marketing needs an opt-in per person (Telecommunicatiewet art. 11.7; the soft
/// opt-in for one's own clients is decided per person).
pub fn check_purpose(conn: &Connection, purpose_id: i64) -> Result<()> {
    let p = purposes::get(conn, purpose_id)?;
    if p.basis == Basis::Consent {
        return Err(Error::invalid(
            "purpose",
            "consent is never assumed from a file: link imported contacts to a consent purpose \
             only when each person gave it",
        ));
    }
    if p.direct_marketing {
        return Err(Error::invalid(
            "purpose",
            "e-mail marketing needs each person's opt-in (Telecommunicatiewet art. 11.7), so a \
             whole file cannot be linked to a direct-marketing purpose",
        ));
    }
    Ok(())
}

/// Stores `rows` as contacts. Runs in the caller's transaction: an error leaves nothing.
/// `progress` is called with (done, total) after each row.
pub fn import(
    conn: &Connection,
    ctx: &Ctx<'_>,
    rows: &[Row],
    settings: &Settings,
    language: Language,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Report> {
    if let Some((p, _)) = settings.purpose {
        check_purpose(conn, p)?;
    }
    let field_ids = flexible_fields(conn, rows)?;
    conn.execute(
        "INSERT INTO imports (format, file_name, file_sha256, imported_at, added, updated, skipped)
         VALUES (?1, ?2, ?3, ?4, 0, 0, 0)",
        params![
            settings.format.as_str(),
            settings.file_name,
            settings.file_sha256,
            format_instant(ctx.now)
        ],
    )?;
    let import_id = conn.last_insert_rowid();
    let mut report = Report { id: Some(import_id), ..Report::default() };
    let mut index = duplicates::Index::load(conn)?;
    for (done, row) in rows.iter().enumerate() {
        let mut warn = |w: &Warning| {
            report.warnings.push(LineWarning { line: row.line, message: w.message(language) });
        };
        row.warnings.iter().for_each(&mut warn);
        let outcome = one(conn, ctx, row, settings, import_id, &field_ids, &mut index)?;
        let (what, duplicate, suppressed, warnings) = match outcome {
            Outcome::Added { duplicate, suppressed, warnings } => {
                report.added += 1;
                (RowOutcome::Added, duplicate, suppressed, warnings)
            }
            Outcome::Updated { warnings } => {
                report.updated += 1;
                (RowOutcome::Updated, true, false, warnings)
            }
            Outcome::Skipped { duplicate, warnings } => {
                report.skipped += 1;
                (RowOutcome::Skipped, duplicate, false, warnings)
            }
        };
        report.duplicates += i64::from(duplicate);
        report.suppressed += i64::from(suppressed);
        warnings.iter().for_each(&mut warn);
        let looks_like_bsn = warnings.iter().any(|w| w.kind == WarningKind::LooksLikeBsn);
        if settings.detail && (duplicate || suppressed || looks_like_bsn) {
            report.rows.push(RowNote {
                line: row.line,
                name: row.name.clone(),
                duplicate,
                looks_like_bsn,
                suppressed,
                outcome: what,
            });
        }
        progress(done + 1, rows.len());
    }
    conn.execute(
        "UPDATE imports SET added = ?2, updated = ?3, skipped = ?4 WHERE id = ?1",
        params![import_id, report.added, report.updated, report.skipped],
    )?;
    ctx.audit(conn, "import.run", "import", Some(import_id), &import_fields(settings))?;
    Ok(report)
}

/// The audit row's field list: the format, the counts' names and the file hash — no values.
fn import_fields(settings: &Settings) -> Vec<&'static str> {
    let mut f = vec![settings.format.as_str(), "file_sha256", "added", "updated", "skipped"];
    if settings.purpose.is_some() {
        f.push("purpose");
    }
    f
}

enum Outcome {
    Added { duplicate: bool, suppressed: bool, warnings: Vec<Warning> },
    Updated { warnings: Vec<Warning> },
    Skipped { duplicate: bool, warnings: Vec<Warning> },
}

fn skipped(kind: WarningKind) -> Outcome {
    Outcome::Skipped { duplicate: false, warnings: vec![Warning::new(kind)] }
}

fn one(
    conn: &Connection,
    ctx: &Ctx<'_>,
    row: &Row,
    s: &Settings,
    import_id: i64,
    field_ids: &[(String, i64)],
    index: &mut duplicates::Index,
) -> Result<Outcome> {
    if row.is_empty() {
        return Ok(Outcome::Skipped { duplicate: false, warnings: Vec::new() });
    }
    let mut warnings = Vec::new();
    let (emails, invalid): (Vec<String>, Vec<String>) =
        row.emails.iter().cloned().partition(|e| is_email(e));
    if !invalid.is_empty() {
        warnings.push(Warning::new(WarningKind::InvalidEmail));
    }
    let input = ContactInput {
        name: row.name.clone(),
        emails,
        phones: row.phones.clone(),
        address: row.address.clone(),
        organisation: row.organisation.clone(),
        job_title: row.job_title.clone(),
        relationship: s.relationship,
        relationship_ended: None,
    };
    let valid = match contacts::checked(&input, s.confirm_not_bsn) {
        Ok(v) => v,
        Err(Error::BsnSuspected { .. }) => return Ok(skipped(WarningKind::LooksLikeBsn)),
        Err(Error::InvalidInput { field, .. }) => {
            return Ok(Outcome::Skipped {
                duplicate: false,
                warnings: vec![Warning {
                    kind: WarningKind::Invalid,
                    properties: vec![field.into()],
                }],
            })
        }
        Err(e) => return Err(e),
    };
    if !s.confirm_not_bsn
        && (row.notes.as_deref().is_some_and(crate::kernel::bsn::looks_like_bsn)
            || row.fields.iter().any(|(_, v)| crate::kernel::bsn::looks_like_bsn(v)))
    {
        return Ok(skipped(WarningKind::LooksLikeBsn));
    }
    let matches = index.matches(&valid);
    let duplicate = !matches.is_empty();
    if duplicate {
        match s.on_duplicate_at(row.line) {
            OnDuplicate::Skip => {
                return Ok(Outcome::Skipped {
                    duplicate,
                    warnings: vec![Warning::new(WarningKind::Duplicate)],
                })
            }
            OnDuplicate::Update => {
                let target = matches[0];
                if contacts::ensure_not_restricted(conn, target).is_err() {
                    return Ok(Outcome::Skipped {
                        duplicate,
                        warnings: vec![Warning::new(WarningKind::Restricted)],
                    });
                }
                contacts::write::fill_empty(conn, ctx, target, &valid)?;
                index.refresh(conn, target)?;
                return Ok(Outcome::Updated { warnings });
            }
            OnDuplicate::Add => {}
        }
    }
    let id = contacts::write::create(conn, ctx, &valid)?;
    index.refresh(conn, id)?;
    conn.execute("UPDATE contacts SET import_id = ?2 WHERE id = ?1", params![id, import_id])?;
    if let Some(notes) = &row.notes {
        let note = contacts::InteractionInput {
            kind: contacts::InteractionKind::Note,
            text: notes.clone(),
            at: None,
        };
        match note.validate(ctx.now) {
            Ok(v) => {
                contacts::write::add_interaction(conn, ctx, id, &v)?;
            }
            Err(_) => warnings
                .push(Warning { kind: WarningKind::Invalid, properties: vec!["notes".into()] }),
        }
    }
    for (label, value) in &row.fields {
        let Some((_, field)) = field_ids.iter().find(|(l, _)| l.eq_ignore_ascii_case(label)) else {
            continue;
        };
        if fields::set_value(conn, ctx, id, *field, value, s.confirm_not_bsn).is_err() {
            warnings.push(Warning { kind: WarningKind::Invalid, properties: vec![label.clone()] });
        }
    }
    if let Some((p, basis)) = s.purpose {
        consent::link(conn, ctx, id, p, Some(basis), Source::Imported)?;
    }
    let suppressed = valid
        .emails
        .iter()
        .map(|e| suppression::is_suppressed(conn, e))
        .collect::<Result<Vec<bool>>>()?
        .contains(&true);
    if suppressed {
        warnings.push(Warning::new(WarningKind::Suppressed));
    }
    Ok(Outcome::Added { duplicate, suppressed, warnings })
}

/// The flexible fields the rows fill, by label. A label no field has, or a special-category
/// field (it needs each person's explicit consent, never a file), is refused before anything
/// is written.
fn flexible_fields(conn: &Connection, rows: &[Row]) -> Result<Vec<(String, i64)>> {
    let defs = fields::list(conn)?;
    let mut out: Vec<(String, i64)> = Vec::new();
    for (label, _) in rows.iter().flat_map(|r| &r.fields) {
        if out.iter().any(|(l, _)| l.eq_ignore_ascii_case(label)) {
            continue;
        }
        let Some(def) = defs.iter().find(|d| d.label.eq_ignore_ascii_case(label)) else {
            return Err(Error::invalid("map", format!("no flexible field called {label:?}")));
        };
        if def.special_category {
            return Err(Error::invalid(
                "map",
                format!(
                    "{label:?} is special-category data: it needs each person's explicit \
                     consent and is never filled from a file"
                ),
            ));
        }
        out.push((label.clone(), def.id));
    }
    Ok(out)
}

/// Undoes an import: removes its contacts like a purge (a deletion-log entry; no tombstone, they
/// never left the vault), refused once anything was done to any of them since (an edit, a link,
/// a consent, a document, a request, a restriction: every such action writes an audit row).
pub fn undo(conn: &Connection, ctx: &Ctx<'_>, import_id: i64) -> Result<i64> {
    let undone: Option<Option<String>> = conn
        .query_row("SELECT undone_at FROM imports WHERE id = ?1", [import_id], |r| r.get(0))
        .optional()?;
    let Some(undone) = undone else {
        return Err(Error::NotFound(format!("import {import_id}")));
    };
    if undone.is_some() {
        return Err(Error::invalid("import", "this import was undone already"));
    }
    // Everything done to a contact writes an audit row; the import's own rows come before its
    // `import.run` row. (Comparing times would miss an edit in the same second.)
    let run_row: Option<i64> = conn.query_row(
        "SELECT max(id) FROM audit WHERE action = 'import.run' AND entity_id = ?1",
        [import_id],
        |r| r.get(0),
    )?;
    let Some(run_row) = run_row else {
        return Err(Error::invalid("import", "this import is too old to undo as a whole"));
    };
    let changed: i64 = conn.query_row(
        "SELECT count(DISTINCT c.id) FROM contacts c JOIN audit a
             ON a.entity = 'contact' AND a.entity_id = c.id AND a.id > ?2
         WHERE c.import_id = ?1",
        params![import_id, run_row],
        |r| r.get(0),
    )?;
    if changed > 0 {
        return Err(Error::invalid(
            "import",
            format!(
                "{changed} of its contacts changed since the import; undo is only possible \
                 while they are as imported (delete them one by one instead)"
            ),
        ));
    }
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM contacts WHERE import_id = ?1 ORDER BY id")?
        .query_map([import_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in &ids {
        let org = contacts::write::sole_organisation(conn, *id)?;
        purge::delete_contact(conn, *id)?;
        if let Some(org) = org {
            contacts::write::delete_unlinked_organisation(conn, ctx, org)?;
        }
    }
    purge::log(
        conn,
        ctx,
        "manual",
        "import-undo",
        "Imported contacts (an import undone)",
        &ids,
        ids.len() as i64,
    )?;
    conn.execute(
        "UPDATE imports SET undone_at = ?2 WHERE id = ?1",
        params![import_id, format_instant(ctx.now)],
    )?;
    contacts::search::optimize(conn)?;
    ctx.audit(conn, "import.undo", "import", Some(import_id), &[])?;
    Ok(ids.len() as i64)
}
