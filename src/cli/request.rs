//! Data-subject requests and their deadlines.

use clap::Subcommand;
use kluis::app;
use kluis::domain::requests::{self, recipients};

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
    /// The recipients to tell of a rectification, erasure or restriction (Art. 19), told or
    /// not: of request ID, or of a contact restricted without a request (`--contact`).
    Recipients {
        #[arg(required_unless_present = "contact", conflicts_with = "contact")]
        id: Option<i64>,
        #[arg(long)]
        contact: Option<i64>,
    },
    /// Record that a recipient on the checklist of request ID (or `--contact`) was told.
    Told {
        #[arg(required_unless_present = "contact", conflicts_with = "contact")]
        id: Option<i64>,
        #[arg(long)]
        contact: Option<i64>,
        /// The processor's id (`kluis processor list`).
        #[arg(long)]
        processor: i64,
        /// When it was told; today when left out.
        #[arg(long, value_name = "YYYY-MM-DD")]
        at: Option<String>,
    },
}

fn target(id: Option<i64>, contact: Option<i64>) -> kluis::Result<recipients::Target> {
    match (id, contact) {
        (Some(id), _) => Ok(recipients::Target::Request(id)),
        (None, Some(c)) => Ok(recipients::Target::Contact(c)),
        (None, None) => Err(kluis::Error::invalid("id", "give a request id or --contact")),
    }
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
            let mut v = open(ctx)?;
            v.write(|tx, c| requests::close(tx, c, id, &outcome))?;
            if !ctx.json && !recipients::of_request(v.conn(), id)?.is_empty() {
                println!("Tell the recipients: kluis request recipients {id}");
            }
            done(ctx, "Request closed.")
        }
        RequestCmd::Recipients { id, contact } => {
            let v = open(ctx)?;
            let list = match target(id, contact)? {
                recipients::Target::Request(id) => {
                    requests::get(v.conn(), id, v.now().date_naive())?;
                    recipients::of_request(v.conn(), id)?
                }
                recipients::Target::Contact(c) => {
                    kluis::domain::contacts::read::contact(v.conn(), c)?;
                    recipients::of_contact(v.conn(), c)?
                }
            };
            if list.is_empty() && !ctx.json {
                println!("No recipients to tell.");
                return Ok(());
            }
            print_rows(ctx, &list, |n| {
                format!(
                    "{:>6}  {:<30} {:<14} {}",
                    n.processor_id.map_or("-".into(), |p| p.to_string()),
                    n.processor_name,
                    n.action.as_str(),
                    n.told_at.as_deref().map_or("NOT TOLD".into(), |d| format!("told {d}"))
                )
            })
        }
        RequestCmd::Told { id, contact, processor, at } => {
            let mut v = open(ctx)?;
            let on = at.unwrap_or_else(|| v.now().date_naive().to_string());
            let target = target(id, contact)?;
            v.write(|tx, c| {
                let notice = recipients::find(tx, target, processor)?;
                recipients::told(tx, c, notice, &on)
            })?;
            done(ctx, "Recorded when the recipient was told.")
        }
    }
}
