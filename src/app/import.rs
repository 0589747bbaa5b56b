//! Importing an address book file: read it (vCard or CSV), then store its rows in one
//! transaction — or, in a dry run, do the same and roll it back, so the preview is exactly what
//! the import would do.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::domain::backup::auto;
use crate::domain::import::{csv, run, unsubscribes, vcard, Row};
use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;
use crate::vault::Vault;

/// What to import and how.
pub struct FileImport<'a> {
    pub path: &'a Path,
    pub format: run::Format,
    /// How to read a CSV file (ignored for vCard).
    pub csv: csv::Options,
    pub on_duplicate: run::OnDuplicate,
    /// A purpose name for the whole batch.
    pub purpose: Option<&'a str>,
    pub relationship: crate::domain::contacts::Relationship,
    pub confirm_not_bsn: bool,
    /// Only report what would happen; write nothing.
    pub dry_run: bool,
}

/// The rows of a file, with the line numbers of the file in any error.
pub fn read_rows(bytes: &[u8], format: run::Format, options: &csv::Options) -> Result<Vec<Row>> {
    match format {
        run::Format::Vcard => vcard::rows(bytes).map_err(|e| Error::invalid("file", e.to_string())),
        run::Format::Csv => Ok(csv::read(bytes, options)?.rows),
    }
}

/// Imports a file (or reports what importing it would do). `progress`: (rows done, rows).
pub fn import_file(
    vault: &mut Vault,
    f: &FileImport<'_>,
    language: Language,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<run::Report> {
    let bytes = std::fs::read(f.path)
        .map_err(|e| Error::invalid("file", format!("cannot read the file: {}", e.kind())))?;
    let rows = read_rows(&bytes, f.format, &f.csv)?;
    let purpose = match f.purpose {
        Some(name) => {
            let p = crate::domain::register::purposes::by_name(vault.conn(), name)?;
            Some((p.id, p.basis))
        }
        None => None,
    };
    let settings = run::Settings {
        format: f.format,
        file_name: f.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        file_sha256: hex::encode(Sha256::digest(&bytes)),
        on_duplicate: f.on_duplicate,
        purpose,
        relationship: f.relationship,
        confirm_not_bsn: f.confirm_not_bsn,
    };
    let go = |tx: &rusqlite::Transaction<'_>, ctx: &crate::kernel::clock::Ctx<'_>| {
        run::import(tx, ctx, &rows, &settings, language, progress)
    };
    if f.dry_run {
        let mut report = vault.dry_run(go)?;
        report.id = None;
        return Ok(report);
    }
    let backup = backup_first(vault, rows.len())?;
    let mut report = vault.write(go)?;
    report.backup = backup;
    Ok(report)
}

/// More rows than this and an automatic backup is made first (when a backup folder is set).
pub const BACKUP_ABOVE: usize = 10;

/// Before a larger import, a backup into the backup folder, so that the vault as it was can
/// always be restored; None when the import is small or no folder is set.
fn backup_first(vault: &mut Vault, rows: usize) -> Result<Option<String>> {
    if rows <= BACKUP_ABOVE || auto::settings(vault.conn())?.dir.is_none() {
        return Ok(None);
    }
    let made = auto::run(vault, auto::When::Now, &mut |_| {})?;
    Ok(made.map(|p| p.display().to_string()))
}

/// Undoes an import while its contacts are as imported; the number of contacts removed.
pub fn undo(vault: &mut Vault, import_id: i64) -> Result<i64> {
    vault.write(|tx, ctx| run::undo(tx, ctx, import_id))
}

/// An unsubscribe file to apply to one purpose.
pub struct UnsubscribeImport<'a> {
    pub path: &'a Path,
    /// The purpose's name (CLI) or id (app).
    pub purpose: PurposeRef<'a>,
    /// How to read the file (delimiter, encoding); detected when left out.
    pub csv: csv::Options,
    /// Put unmatched unsubscribed addresses on the suppression list.
    pub suppress_unmatched: bool,
    /// Only report what would happen; write nothing.
    pub dry_run: bool,
}

/// A purpose by name or by id.
#[derive(Debug, Clone, Copy)]
pub enum PurposeRef<'a> {
    Name(&'a str),
    Id(i64),
}

/// Applies an unsubscribe file (R3.4) in one transaction — or, in a dry run, does the same and
/// rolls it back, so the preview's counts are exactly what the import would do.
pub fn import_unsubscribes(
    vault: &mut Vault,
    f: &UnsubscribeImport<'_>,
    language: Language,
) -> Result<unsubscribes::UnsubscribeReport> {
    let bytes = std::fs::read(f.path)
        .map_err(|e| Error::invalid("file", format!("cannot read the file: {}", e.kind())))?;
    let file = unsubscribes::read(&bytes, &f.csv)?;
    let purpose_id = match f.purpose {
        PurposeRef::Name(name) => {
            crate::domain::register::purposes::by_name(vault.conn(), name)?.id
        }
        PurposeRef::Id(id) => id,
    };
    let settings = unsubscribes::Settings {
        purpose_id,
        file_name: f.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        file_sha256: hex::encode(Sha256::digest(&bytes)),
        suppress_unmatched: f.suppress_unmatched,
    };
    let go = |tx: &rusqlite::Transaction<'_>, ctx: &crate::kernel::clock::Ctx<'_>| {
        unsubscribes::apply(tx, ctx, &file, &settings, language)
    };
    if f.dry_run {
        vault.dry_run(go)
    } else {
        vault.write(go)
    }
}
