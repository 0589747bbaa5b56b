//! The processor register: processors and other recipients, their agreements and transfers.
//! Part of the register group: `purpose.rs` lists `kluis processor` beside `kluis purpose`
//! (the register domain holds both) and hands its commands to [`run`].

use std::path::PathBuf;

use clap::{Args, Subcommand};
use kluis::domain::register::processors::{self, Processor, ProcessorInput, ProcessorPatch};
use kluis::domain::register::purposes;
use kluis::kernel::error::Result;
use rusqlite::Connection;

use super::common::{done, open, print_id, print_json, print_rows, Ctx, Out};

/// The values `add` and `edit` share.
#[derive(Args)]
pub struct Values {
    /// A business contact at the processor (a name, an address or a phone number).
    #[arg(long)]
    contact: Option<String>,
    /// A purpose whose data the processor receives, by name (repeat for more).
    #[arg(long = "purpose")]
    purposes: Vec<String>,
    /// A category of data the processor receives (repeat for more).
    #[arg(long = "category")]
    categories: Vec<String>,
    /// When the processing agreement was signed (31-03-2026 or 2026-03-31).
    #[arg(long, value_name = "DATE")]
    dpa_signed: Option<String>,
    /// A reference to the agreement (where it is kept, its title or number).
    #[arg(long, value_name = "TEXT")]
    dpa_reference: Option<String>,
    /// The agreement's file: its SHA-256 is recorded (the file itself is not stored).
    #[arg(long, value_name = "FILE")]
    dpa_file: Option<PathBuf>,
    /// When to review the processor and the agreement (31-03-2026 or 2026-03-31).
    #[arg(long, value_name = "DATE")]
    review: Option<String>,
    /// Where the processor processes the data (a country or region).
    #[arg(long)]
    location: Option<String>,
    /// The data go outside the EU/EEA (needs --safeguard).
    #[arg(long)]
    outside_eu: bool,
    /// The transfer's safeguard: adequacy, scc or other (describe it with --safeguard-note).
    #[arg(long)]
    safeguard: Option<String>,
    #[arg(long, value_name = "TEXT")]
    safeguard_note: Option<String>,
}

#[derive(Subcommand)]
pub enum ProcessorCmd {
    /// Add a processor or other recipient; prints its id.
    Add {
        #[arg(long)]
        name: String,
        /// accounting, payroll, hosting, newsletter, it-support or other.
        #[arg(long)]
        service: String,
        #[command(flatten)]
        values: Values,
    },
    /// List the processors, with what needs attention (no agreement, review overdue).
    List,
    /// Show one processor.
    Show { id: i64 },
    /// Change a processor; options not given keep their value. --purpose replaces the list.
    Edit {
        id: i64,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        service: Option<String>,
        #[command(flatten)]
        values: Values,
        /// Remove every purpose.
        #[arg(long, conflicts_with = "purposes")]
        no_purposes: bool,
        /// Remove the agreement (its date, reference and hash).
        #[arg(long, conflicts_with_all = ["dpa_signed", "dpa_reference", "dpa_file"])]
        no_dpa: bool,
        /// Remove the review date.
        #[arg(long, conflicts_with = "review")]
        no_review: bool,
        /// The data no longer go outside the EU/EEA (the safeguard is removed).
        #[arg(long, conflicts_with_all = ["outside_eu", "safeguard"])]
        inside_eu: bool,
    },
    /// Remove a processor from the register.
    Remove { id: i64 },
}

fn purpose_ids(conn: &Connection, names: &[String]) -> Result<Vec<i64>> {
    names.iter().map(|n| purposes::by_name(conn, n).map(|p| p.id)).collect()
}

fn flags(p: &Processor) -> String {
    p.flags.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(", ")
}

fn show(p: &Processor) {
    let none = || "—".to_owned();
    let purposes: Vec<&str> = p.purposes.iter().map(|r| r.name.as_str()).collect();
    let transfer = if p.outside_eu {
        let s = p.safeguard.map_or("", |s| s.as_str());
        format!("outside the EU/EEA, safeguard {s} {}", p.safeguard_note).trim_end().to_owned()
    } else {
        "within the EU/EEA".to_owned()
    };
    for (k, v) in [
        ("id", p.id.to_string()),
        ("name", p.name.clone()),
        ("service", p.service.as_str().to_owned()),
        ("contact", p.contact.clone()),
        ("purposes", purposes.join(", ")),
        ("categories", p.data_categories.join(", ")),
        ("agreement signed", p.dpa_signed_on.clone().unwrap_or_else(none)),
        ("agreement reference", p.dpa_reference.clone().unwrap_or_else(none)),
        ("agreement sha256", p.dpa_sha256.clone().unwrap_or_else(none)),
        ("review", p.review_on.clone().unwrap_or_else(none)),
        ("location", p.location.clone()),
        ("transfer", transfer),
        ("attention", Some(flags(p)).filter(|f| !f.is_empty()).unwrap_or_else(none)),
    ] {
        println!("{k:<20} {v}");
    }
}

pub fn run(ctx: &Ctx, cmd: ProcessorCmd) -> Out {
    match cmd {
        ProcessorCmd::Add { name, service, values: v } => {
            let service = service.parse()?;
            let safeguard = v.safeguard.as_deref().map(str::parse).transpose()?;
            let id = open(ctx)?.write(|tx, c| {
                let input = ProcessorInput {
                    name,
                    service,
                    contact: v.contact.unwrap_or_default(),
                    purposes: purpose_ids(tx, &v.purposes)?,
                    data_categories: v.categories,
                    dpa_signed_on: v.dpa_signed,
                    dpa_reference: v.dpa_reference,
                    dpa_file: v.dpa_file,
                    dpa_sha256: None,
                    review_on: v.review,
                    location: v.location.unwrap_or_default(),
                    outside_eu: v.outside_eu,
                    safeguard,
                    safeguard_note: v.safeguard_note.unwrap_or_default(),
                };
                processors::create(tx, c, &input)
            })?;
            print_id(ctx, id)
        }
        ProcessorCmd::List => {
            let v = open(ctx)?;
            let list = processors::list(v.conn(), &v.ctx())?;
            print_rows(ctx, &list, |p| {
                format!("{:>4}  {:<28} {:<11} {}", p.id, p.name, p.service.as_str(), flags(p))
            })
        }
        ProcessorCmd::Show { id } => {
            let v = open(ctx)?;
            let p = processors::get(v.conn(), &v.ctx(), id)?;
            if ctx.json {
                return print_json(&p);
            }
            show(&p);
            Ok(())
        }
        ProcessorCmd::Edit {
            id,
            name,
            service,
            values: v,
            no_purposes,
            no_dpa,
            no_review,
            inside_eu,
        } => {
            let service = service.as_deref().map(str::parse).transpose()?;
            let safeguard = v.safeguard.as_deref().map(str::parse).transpose()?;
            open(ctx)?.write(|tx, c| {
                let purposes = if no_purposes {
                    Some(Vec::new())
                } else if v.purposes.is_empty() {
                    None
                } else {
                    Some(purpose_ids(tx, &v.purposes)?)
                };
                let patch = ProcessorPatch {
                    name,
                    service,
                    contact: v.contact,
                    purposes,
                    data_categories: (!v.categories.is_empty()).then_some(v.categories),
                    dpa_signed_on: v.dpa_signed,
                    dpa_reference: v.dpa_reference,
                    dpa_file: v.dpa_file,
                    clear_dpa: no_dpa,
                    review_on: v.review,
                    clear_review: no_review,
                    location: v.location,
                    outside_eu: if inside_eu { Some(false) } else { v.outside_eu.then_some(true) },
                    safeguard,
                    safeguard_note: v.safeguard_note,
                };
                processors::edit(tx, c, id, &patch)
            })?;
            done(ctx, &format!("Processor {id} changed."))
        }
        ProcessorCmd::Remove { id } => {
            open(ctx)?.write(|tx, c| processors::remove(tx, c, id))?;
            done(ctx, &format!("Processor {id} removed."))
        }
    }
}
