//! Importing an address book file: read it (vCard or CSV), then store its rows in one
//! transaction — or, in a dry run, do the same and roll it back, so the preview is exactly what
//! the import would do.

use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::domain::backup::auto;
use crate::domain::contacts::Relationship;
use crate::domain::import::{csv, run, unsubscribes, vcard, Row, WarningKind};
use crate::domain::register::purposes::{self, Purpose};
use crate::kernel::error::{Error, Result};
use crate::kernel::language::Language;
use crate::vault::Vault;

/// The purpose for the whole batch: by id (the app) or by name (the command line).
#[derive(Debug, Clone, Copy)]
pub enum PurposeRef<'a> {
    Id(i64),
    Name(&'a str),
}

/// What to import and how.
pub struct FileImport<'a> {
    pub path: &'a Path,
    pub format: run::Format,
    /// How to read a CSV file (ignored for vCard).
    pub csv: csv::Options,
    pub on_duplicate: run::OnDuplicate,
    /// A purpose for the whole batch.
    pub purpose: Option<PurposeRef<'a>>,
    pub relationship: Relationship,
    pub confirm_not_bsn: bool,
    /// Only report what would happen; write nothing.
    pub dry_run: bool,
    /// Per row (its line), a choice over `on_duplicate`.
    pub per_row: Vec<(usize, run::OnDuplicate)>,
    /// List the rows that need a decision in the report (the wizard's preview).
    pub detail: bool,
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
    let bytes = read_file(f.path)?;
    let rows = read_rows(&bytes, f.format, &f.csv)?;
    let purpose = match f.purpose {
        Some(PurposeRef::Name(name)) => Some(purposes::by_name(vault.conn(), name)?),
        Some(PurposeRef::Id(id)) => Some(purposes::get(vault.conn(), id)?),
        None => None,
    }
    .map(|p| (p.id, p.basis));
    let settings = run::Settings {
        format: f.format,
        file_name: f.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        file_sha256: hex::encode(Sha256::digest(&bytes)),
        on_duplicate: f.on_duplicate,
        purpose,
        relationship: f.relationship,
        confirm_not_bsn: f.confirm_not_bsn,
        per_row: f.per_row.clone(),
        detail: f.detail,
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
/// What the wizard chose: how to read the file and what to do with its rows.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ImportChoice {
    pub format: run::Format,
    /// CSV: an encoding label (`UTF-8`, `windows-1252`); None: detected.
    pub encoding: Option<String>,
    /// CSV: `,`, `;` or a tab; None: detected.
    pub delimiter: Option<String>,
    /// CSV: columns mapped over the automatic mapping.
    pub map: Vec<ColumnChoice>,
    pub on_duplicate: run::OnDuplicate,
    pub per_row: Vec<RowChoice>,
    #[ts(type = "number | null")]
    pub purpose_id: Option<i64>,
    pub relationship: Relationship,
    pub confirm_not_bsn: bool,
}

/// A column of a CSV file and the field it is read as (as `--map COLUMN=FIELD`).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ColumnChoice {
    pub header: String,
    pub field: String,
}

/// A row's own choice when it likely duplicates a contact.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct RowChoice {
    #[ts(type = "number")]
    pub line: usize,
    pub on_duplicate: run::OnDuplicate,
}

impl ImportChoice {
    /// How to read the CSV file; an unknown field, delimiter or encoding is refused here.
    pub fn csv_options(&self) -> Result<csv::Options> {
        Ok(csv::Options {
            delimiter: self.delimiter.as_deref().map(csv::parse_delimiter).transpose()?,
            encoding: self.encoding.clone(),
            map: self
                .map
                .iter()
                .map(|m| Ok((m.header.clone(), csv::Column::parse(&m.field)?)))
                .collect::<Result<_>>()?,
        })
    }

    /// The import of the file at `path` as chosen; `dry_run` for the preview (which lists the
    /// rows that need a decision).
    pub fn file_import<'a>(&self, path: &'a Path, dry_run: bool) -> Result<FileImport<'a>> {
        Ok(FileImport {
            path,
            format: self.format,
            csv: self.csv_options()?,
            on_duplicate: self.on_duplicate,
            purpose: self.purpose_id.map(PurposeRef::Id),
            relationship: self.relationship,
            confirm_not_bsn: self.confirm_not_bsn,
            dry_run,
            per_row: self.per_row.iter().map(|r| (r.line, r.on_duplicate)).collect(),
            detail: dry_run,
        })
    }
}

/// What a file holds, before anything is decided: the format, for CSV the encoding, the
/// delimiter and each column with its automatic mapping and a sample, and the first rows as
/// they will be stored.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Inspection {
    pub file_name: String,
    pub format: run::Format,
    pub encoding: Option<String>,
    pub delimiter: Option<String>,
    pub columns: Vec<ColumnGuess>,
    #[ts(type = "number")]
    pub rows: usize,
    /// Rows whose photo is left out (data minimisation).
    #[ts(type = "number")]
    pub photos_skipped: usize,
    pub first_rows: Vec<RowPreview>,
}

/// A CSV column: its header, the field it is read as (None: not imported; named in a warning
/// when a row holds something in it) and its first values.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ColumnGuess {
    pub header: String,
    pub field: Option<String>,
    pub sample: Vec<String>,
}

/// A row as it will be stored, with what the reader noticed in words.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RowPreview {
    #[ts(type = "number")]
    pub line: usize,
    pub name: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub organisation: Option<String>,
    pub job_title: Option<String>,
    pub address: Option<String>,
    pub notes: Option<String>,
    pub fields: Vec<(String, String)>,
    pub warnings: Vec<String>,
}

/// How many rows [`Inspection::first_rows`] shows.
pub const FIRST_ROWS: usize = 10;

/// The format of a file: its extension (`.vcf`, `.vcard`; `.csv`, `.txt`, `.tsv`), else its
/// first line (`BEGIN:VCARD`, in any case).
pub fn guess_format(file_name: &str, bytes: &[u8]) -> run::Format {
    let ext = Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "vcf" | "vcard" => run::Format::Vcard,
        "csv" | "txt" | "tsv" => run::Format::Csv,
        _ => {
            let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            let start = &start[..start.len().min(64)];
            let text = String::from_utf8_lossy(start).trim_start().to_ascii_uppercase();
            if text.starts_with("BEGIN:VCARD") {
                run::Format::Vcard
            } else {
                run::Format::Csv
            }
        }
    }
}

/// Reads the file at `path` as `format` (guessed when None) with `options`, and says what it
/// holds; writes nothing. A bad file is an error naming its line.
pub fn inspect(
    path: &Path,
    format: Option<run::Format>,
    options: &csv::Options,
    language: Language,
) -> Result<Inspection> {
    let bytes = read_file(path)?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let format = format.unwrap_or_else(|| guess_format(&file_name, &bytes));
    let (rows, encoding, delimiter, columns) = match format {
        run::Format::Vcard => (read_rows(&bytes, format, options)?, None, None, Vec::new()),
        run::Format::Csv => {
            let t = csv::read(&bytes, options)?;
            let columns = t
                .headers
                .iter()
                .zip(&t.columns)
                .enumerate()
                .map(|(i, (header, column))| ColumnGuess {
                    header: header.clone(),
                    field: column.key(),
                    sample: t.sample.iter().filter_map(|r| r.get(i).cloned()).collect(),
                })
                .collect();
            let delimiter = Some(t.delimiter.to_string());
            (t.rows, Some(t.encoding.to_owned()), delimiter, columns)
        }
    };
    let photos_skipped = rows
        .iter()
        .filter(|r| r.warnings.iter().any(|w| w.kind == WarningKind::PhotoSkipped))
        .count();
    let first_rows = rows
        .iter()
        .take(FIRST_ROWS)
        .map(|r| RowPreview {
            line: r.line,
            name: r.name.clone(),
            emails: r.emails.clone(),
            phones: r.phones.clone(),
            organisation: r.organisation.clone(),
            job_title: r.job_title.clone(),
            address: r.address.clone(),
            notes: r.notes.clone(),
            fields: r.fields.clone(),
            warnings: r.warnings.iter().map(|w| w.message(language)).collect(),
        })
        .collect();
    Ok(Inspection {
        file_name,
        format,
        encoding,
        delimiter,
        columns,
        rows: rows.len(),
        photos_skipped,
        first_rows,
    })
}

/// The purposes a whole batch may be linked to: not consent, not direct marketing (see
/// [`run::check_purpose`]).
pub fn batch_purposes(vault: &Vault, language: Language) -> Result<Vec<Purpose>> {
    let all = purposes::list_in(vault.conn(), language)?;
    Ok(all.into_iter().filter(|p| run::check_purpose(vault.conn(), p.id).is_ok()).collect())
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path)
        .map_err(|e| Error::invalid("file", format!("cannot read the file: {}", e.kind())))
}
