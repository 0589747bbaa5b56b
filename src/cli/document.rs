//! Fiscal records (quotes, invoices) on a contact.

use clap::Subcommand;
use kluis::domain::retention::documents;

use super::common::{open, print_id, print_rows, Ctx, Out};

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
            let docs = documents::for_contact(v.conn(), contact)?;
            print_rows(ctx, &docs, |d| {
                format!(
                    "{}  {:<8} {:<14} {:>12.2}",
                    d.date,
                    d.kind.as_str(),
                    d.number,
                    d.amount_cents as f64 / 100.0
                )
            })
        }
    }
}
