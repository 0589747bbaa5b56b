//! Fiscal records (quotes, invoices) on a contact.

use clap::Subcommand;
use kluis::domain::retention::documents;

use super::common::{confirm_destroy, done, open, print_id, print_rows, Ctx, Out};

#[derive(Subcommand)]
pub enum Cmd {
    /// Fiscal records (quotes, invoices) on a contact, kept under legal hold.
    #[command(subcommand, display_order = 17)]
    Document(DocumentCmd),
}

#[derive(Subcommand)]
pub enum DocumentCmd {
    /// Add a quote or invoice reference; prints its id.
    Add {
        #[arg(long)]
        contact: i64,
        /// quote or invoice.
        #[arg(long)]
        kind: String,
        #[arg(long)]
        number: String,
        #[arg(long, value_name = "DD-MM-YYYY")]
        date: String,
        /// In euros, e.g. 1250.50.
        #[arg(long)]
        amount: String,
        /// Confirm that a number that looks like a BSN is not one.
        #[arg(long)]
        yes: bool,
    },
    /// The fiscal records of a contact.
    List {
        #[arg(long)]
        contact: i64,
    },
    /// Correct a record: appends a correction (the original stays, unaltered, under its legal
    /// hold, marked corrected); prints the correction's id. Only the fields given change.
    Edit {
        id: i64,
        /// quote or invoice.
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        number: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// In euros, e.g. 1250.50.
        #[arg(long)]
        amount: Option<String>,
        /// Confirm that a number that looks like a BSN is not one.
        #[arg(long)]
        yes: bool,
    },
    /// Delete a record whose legal hold has ended (refused while it lasts).
    Delete {
        id: i64,
        #[arg(long)]
        yes: bool,
    },
}

pub fn run(ctx: &Ctx, Cmd::Document(cmd): Cmd) -> Out {
    match cmd {
        DocumentCmd::Add { contact, kind, number, date, amount, yes } => {
            let kind = kind.parse()?;
            let cents = documents::parse_amount(&amount)?;
            let id = open(ctx)?.write(|tx, c| {
                documents::add(
                    tx,
                    c,
                    contact,
                    &documents::NewDocument {
                        kind,
                        number: &number,
                        date: &date,
                        amount_cents: cents,
                        confirm_not_bsn: yes,
                    },
                )
            })?;
            print_id(ctx, id)
        }
        DocumentCmd::List { contact } => {
            let v = open(ctx)?;
            let docs = documents::for_contact(v.conn(), contact, v.now().date_naive())?;
            print_rows(ctx, &docs, |d| {
                let mut line = format!(
                    "{:>6}  {}  {:<8} {:<14} {:>12.2}  kept until {}",
                    d.id,
                    d.date,
                    d.kind.as_str(),
                    d.number,
                    d.amount_cents as f64 / 100.0,
                    d.held_until.as_deref().unwrap_or("?")
                );
                if let Some(of) = d.corrects {
                    line.push_str(&format!("  correction of {of}"));
                }
                if let Some(by) = d.corrected_by {
                    line.push_str(&format!("  [corrected by {by}]"));
                }
                line
            })
        }
        DocumentCmd::Edit { id, kind, number, date, amount, yes } => {
            let kind = kind.map(|k| k.parse()).transpose()?;
            let cents = amount.as_deref().map(documents::parse_amount).transpose()?;
            let change = documents::Correction {
                kind,
                number: number.as_deref(),
                date: date.as_deref(),
                amount_cents: cents,
                confirm_not_bsn: yes,
            };
            let new = open(ctx)?.write(|tx, c| documents::correct(tx, c, id, &change))?;
            print_id(ctx, new)
        }
        DocumentCmd::Delete { id, yes } => {
            confirm_destroy(yes, &format!("delete fiscal record {id}"))?;
            open(ctx)?.write(|tx, c| documents::delete(tx, c, id))?;
            done(ctx, "Fiscal record deleted.")
        }
    }
}
