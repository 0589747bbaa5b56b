//! Data-subject requests and their deadlines.

use clap::Subcommand;
use kluis::app;
use kluis::domain::requests;

use super::common::{done, open, print_json, print_rows, Ctx, Out};

#[derive(Subcommand)]
pub enum Cmd {
    /// Data-subject requests: access, rectification, erasure, restriction, portability,
    /// objection.
    #[command(subcommand, display_order = 18)]
    Request(RequestCmd),
}

#[derive(Subcommand)]
pub enum RequestCmd {
    /// Register a request; the deadline (one month, next working day) is computed.
    Add {
        #[arg(long)]
        contact: i64,
        /// access, rectification, erasure, restriction, portability or objection.
        #[arg(long = "type")]
        kind: String,
        #[arg(long, value_name = "DD-MM-YYYY")]
        received: String,
    },
    /// Extend the deadline by two months, with the reason and when the person was told.
    Extend {
        id: i64,
        #[arg(long)]
        reason: String,
        #[arg(long, value_name = "DD-MM-YYYY")]
        notified: String,
    },
    /// Record how the person's identity was checked (never a copy of a document).
    Identity {
        id: i64,
        /// customer-number, recent-order, id-document-bsn-masked or known-email.
        #[arg(long)]
        method: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// The requests, open ones first by deadline.
    List,
    /// Close a request with its outcome.
    Close {
        id: i64,
        #[arg(long)]
        outcome: String,
    },
}

pub fn run(ctx: &Ctx, Cmd::Request(cmd): Cmd) -> Out {
    match cmd {
        RequestCmd::Add { contact, kind, received } => {
            let kind = kind.parse()?;
            let r = app::requests::add_request(&mut open(ctx)?, contact, kind, &received)?;
            if ctx.json {
                return print_json(&r);
            }
            println!("Request {} registered; answer by {}.", r.id, r.due);
            Ok(())
        }
        RequestCmd::Extend { id, reason, notified } => {
            let r = app::requests::extend_request(&mut open(ctx)?, id, &reason, &notified)?;
            if ctx.json {
                return print_json(&r);
            }
            println!("Request {id} extended; answer by {}.", r.due);
            Ok(())
        }
        RequestCmd::Identity { id, method, note } => {
            let method = method.parse()?;
            open(ctx)?
                .write(|tx, c| requests::record_identity(tx, c, id, method, note.as_deref()))?;
            done(ctx, "Identity check recorded.")
        }
        RequestCmd::List => {
            let v = open(ctx)?;
            let list = requests::list(v.conn(), v.now().date_naive())?;
            print_rows(ctx, &list, |r| {
                let state = if !r.open {
                    "closed"
                } else if r.overdue {
                    "OVERDUE"
                } else if r.due_soon {
                    "due soon"
                } else {
                    "open"
                };
                format!(
                    "{:>4}  {:<14} contact {:<6} received {}  due {}  {}",
                    r.id,
                    r.kind.as_str(),
                    r.contact_id.map_or("-".into(), |c| c.to_string()),
                    r.received,
                    r.due,
                    state
                )
            })
        }
        RequestCmd::Close { id, outcome } => {
            open(ctx)?.write(|tx, c| requests::close(tx, c, id, &outcome))?;
            done(ctx, "Request closed.")
        }
    }
}
