//! Importing an address book: vCard and CSV files, and undoing an import.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use kluis::app::import::{self, FileImport, PurposeRef, UnsubscribeImport};
use kluis::domain::import::csv::{parse_delimiter, Column, Options};
use kluis::domain::import::run::{Format, Report};
use kluis::domain::import::unsubscribes::UnsubscribeReport;
use kluis::kernel::language::Language;
use kluis::Error;

use super::common::{done, open, print_json, Ctx, Out};

#[derive(Subcommand)]
pub enum Cmd {
    /// Bring contacts in from a vCard or CSV file (each waits in triage unless --purpose), undo an import, or import unsubscribes.
    #[command(subcommand, display_order = 2)]
    Import(ImportCmd),
}

#[derive(Subcommand)]
pub enum ImportCmd {
    /// A vCard file (2.1, 3.0 or 4.0; phones, Apple, Google, Outlook, Thunderbird).
    Vcard {
        file: PathBuf,
        #[command(flatten)]
        how: How,
    },
    /// A CSV file with a header row (Google, Outlook, a spreadsheet; comma, semicolon or tab).
    Csv {
        file: PathBuf,
        /// Map a column to a field: name, first-name, middle-name, last-name, email, phone,
        /// organisation, job-title, address, street, postal-code, city, country, notes,
        /// field:LABEL (a flexible field) or skip. Repeatable.
        #[arg(long = "map", value_name = "COLUMN=FIELD")]
        map: Vec<String>,
        /// The delimiter (detected when left out): , ; or tab.
        #[arg(long)]
        delimiter: Option<String>,
        /// The encoding (detected when left out): utf-8, windows-1252, latin1, utf-16.
        #[arg(long)]
        encoding: Option<String>,
        #[command(flatten)]
        how: How,
    },
    /// Remove every contact of an import, while they are unchanged since.
    Undo { id: i64 },
    /// Unsubscribes from a newsletter tool (Mailchimp's unsubscribed or cleaned export, Laposta,
    /// or one address per line): a withdrawal for the purpose per matching contact; bounced
    /// addresses are marked undeliverable.
    Unsubscribes {
        file: PathBuf,
        /// The purpose the people unsubscribed from (based on consent, or direct marketing).
        #[arg(long)]
        purpose: String,
        /// Report what the import would do and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Put unsubscribed addresses that match no contact on the suppression list.
        #[arg(long)]
        suppress_unmatched: bool,
        /// The delimiter (detected when left out): , ; or tab.
        #[arg(long)]
        delimiter: Option<String>,
        /// The encoding (detected when left out): utf-8, windows-1252, latin1, utf-16.
        #[arg(long)]
        encoding: Option<String>,
    },
}

#[derive(Args)]
pub struct How {
    /// Report what the import would do and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Link the whole batch to this purpose (not a consent or direct-marketing purpose).
    #[arg(long)]
    purpose: Option<String>,
    /// A row that likely duplicates a contact: skip it, fill the contact's empty fields, or add it anyway.
    #[arg(long, default_value = "skip", value_name = "skip|update|add")]
    on_duplicate: String,
    /// The relationship of every imported contact.
    #[arg(long, default_value = "prospect")]
    relationship: String,
    /// Confirm that values that look like a BSN are not BSNs (else their rows are skipped).
    #[arg(long)]
    yes: bool,
}

pub fn run(ctx: &Ctx, Cmd::Import(cmd): Cmd) -> Out {
    let (file, format, csv, how) = match cmd {
        ImportCmd::Undo { id } => {
            let n = import::undo(&mut open(ctx)?, id)?;
            return done(ctx, &format!("Removed the {n} contacts of import {id}."));
        }
        ImportCmd::Unsubscribes {
            file,
            purpose,
            dry_run,
            suppress_unmatched,
            delimiter,
            encoding,
        } => {
            let f = UnsubscribeImport {
                path: &file,
                purpose: PurposeRef::Name(&purpose),
                csv: Options { delimiter: delimiter_of(delimiter)?, encoding, map: Vec::new() },
                suppress_unmatched,
                dry_run,
            };
            let report = import::import_unsubscribes(&mut open(ctx)?, &f, Language::En)?;
            return print_unsubscribes(ctx, &report, dry_run);
        }
        ImportCmd::Vcard { file, how } => (file, Format::Vcard, Options::default(), how),
        ImportCmd::Csv { file, map, delimiter, encoding, how } => {
            let options =
                Options { delimiter: delimiter_of(delimiter)?, encoding, map: mapping(&map)? };
            (file, Format::Csv, options, how)
        }
    };
    let f = FileImport {
        path: &file,
        format,
        csv,
        on_duplicate: how.on_duplicate.parse()?,
        purpose: how.purpose.as_deref().map(PurposeRef::Name),
        relationship: how.relationship.parse()?,
        confirm_not_bsn: how.yes,
        dry_run: how.dry_run,
        per_row: Vec::new(),
        detail: false,
    };
    let show = ctx.progress && !ctx.json;
    let mut tenth = 0;
    let mut progress = |done: usize, total: usize| {
        let now = done * 10 / total.max(1);
        if show && now > tenth {
            tenth = now;
            eprintln!("Importing: {}%", now * 10);
        }
    };
    let report = import::import_file(&mut open(ctx)?, &f, Language::En, &mut progress)?;
    print_report(ctx, &report, how.dry_run)
}

fn delimiter_of(d: Option<String>) -> Result<Option<u8>, Error> {
    d.as_deref().map(parse_delimiter).transpose()
}

fn mapping(map: &[String]) -> Result<Vec<(String, Column)>, Error> {
    map.iter()
        .map(|m| match m.rsplit_once('=') {
            Some((column, field)) => Ok((column.to_owned(), Column::parse(field)?)),
            None => Err(Error::invalid(
                "map",
                "expected COLUMN=FIELD, e.g. Klantnummer=field:Klantnummer",
            )),
        })
        .collect()
}

/// The first warnings on stderr, by line, and how many more `--json` gives.
fn print_warnings<'a>(warnings: impl ExactSizeIterator<Item = (usize, &'a str)>) {
    const SHOWN: usize = 20;
    let total = warnings.len();
    for (line, message) in warnings.take(SHOWN) {
        eprintln!("line {line}: {message}");
    }
    if total > SHOWN {
        eprintln!("… and {} more warnings (all of them with --json)", total - SHOWN);
    }
}

fn print_report(ctx: &Ctx, r: &Report, dry_run: bool) -> Out {
    if ctx.json {
        return print_json(r);
    }
    print_warnings(r.warnings.iter().map(|w| (w.line, w.message.as_str())));
    let verb = if dry_run { "Would import" } else { "Imported" };
    println!(
        "{verb}: {} added, {} updated, {} skipped; {} likely duplicates, {} on the suppression list.",
        r.added, r.updated, r.skipped, r.duplicates, r.suppressed
    );
    if let Some(b) = &r.backup {
        println!("A backup was made first: {b}");
    }
    match r.id {
        Some(id) => println!("Import {id}: the new contacts wait in triage (kluis triage); undo with kluis import undo {id}."),
        None => println!("Nothing was written (dry run)."),
    }
    Ok(())
}

fn print_unsubscribes(ctx: &Ctx, r: &UnsubscribeReport, dry_run: bool) -> Out {
    if ctx.json {
        return print_json(r);
    }
    print_warnings(r.warnings.iter().map(|w| (w.line, w.message.as_str())));
    let verb = if dry_run { "Would record" } else { "Recorded" };
    println!(
        "{verb}: {} withdrawn, {} already withdrawn, {} undeliverable; {} addresses match no contact.",
        r.withdrawn, r.already_withdrawn, r.undeliverable, r.unmatched
    );
    if r.consent_given_later > 0 {
        println!(
            "{} contacts gave consent again after the unsubscribe in the file: left as they are.",
            r.consent_given_later
        );
    }
    if r.restricted > 0 {
        println!("{} restricted contacts were not marked undeliverable (read-only).", r.restricted);
    }
    if r.suppressed > 0 {
        println!("{} unmatched addresses were put on the suppression list.", r.suppressed);
    }
    if dry_run {
        println!("Nothing was written (dry run).");
    }
    Ok(())
}
