//! The consent ledger, and the lists of contacts whose basis or consent needs work.

use std::path::PathBuf;

use clap::Subcommand;
use kluis::domain::consent::{self, ConsentInput};
use kluis::domain::register::purposes;
use kluis::Error;

use kluis::app::bulk::{self, BulkList, LinkRef};

use super::common::{
    bulk_delete, bulk_done, bulk_ids, open, print_id, print_json, print_rows_then, Ctx, Out,
};

#[derive(Subcommand)]
pub enum Cmd {
    /// The consent ledger.
    #[command(subcommand, display_order = 11)]
    Consent(ConsentCmd),
    /// Contacts without a known basis for some purpose (to be resolved); with a subcommand,
    /// link or delete many at once.
    #[command(display_order = 26)]
    Triage {
        #[command(subcommand)]
        action: Option<TriageCmd>,
    },
    /// Contacts whose consent is missing or older than --months (for a re-permission run);
    /// with a subcommand, mark or delete many at once.
    #[command(display_order = 27)]
    Repermission {
        #[arg(long, default_value_t = consent::DEFAULT_REPERMISSION_MONTHS)]
        months: u32,
        #[command(subcommand)]
        action: Option<RepermissionCmd>,
    },
}

/// Bulk actions on the triage list: one transaction each (an unknown id changes nothing);
/// restricted contacts are skipped and listed.
#[derive(Subcommand)]
pub enum TriageCmd {
    /// Link contacts to a purpose on its own basis (not consent: that is recorded per person).
    Link {
        #[arg(long)]
        purpose: String,
        /// Contact ids (or --all: every contact in the list).
        ids: Vec<i64>,
        #[arg(long)]
        all: bool,
    },
    /// Delete contacts with everything that goes with them (fiscal records stay).
    Delete {
        ids: Vec<i64>,
        #[arg(long)]
        all: bool,
        /// Confirm, also a deletion of many at once (as `kluis purge --yes`).
        #[arg(long)]
        yes: bool,
    },
}

/// Bulk actions on the re-permission list (of the --months given before the subcommand).
#[derive(Subcommand)]
pub enum RepermissionCmd {
    /// Mark the contacts' listed consent purposes for a re-permission run.
    Mark {
        /// Contact ids (or --all: every contact in the list).
        ids: Vec<i64>,
        #[arg(long)]
        all: bool,
    },
    /// Delete contacts with everything that goes with them (fiscal records stay).
    Delete {
        ids: Vec<i64>,
        #[arg(long)]
        all: bool,
        /// Confirm, also a deletion of many at once (as `kluis purge --yes`).
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand)]
pub enum ConsentCmd {
    /// Record consent given, with the exact text the person agreed to.
    Give {
        #[arg(long)]
        contact: i64,
        #[arg(long)]
        purpose: String,
        /// form, email, phone, in-person, paper or other.
        #[arg(long)]
        method: String,
        /// A file holding the exact consent text (stored byte for byte).
        #[arg(long, value_name = "FILE")]
        text_file: PathBuf,
        #[arg(long)]
        evidence: Option<String>,
    },
    /// Record consent withdrawn.
    Withdraw {
        #[arg(long)]
        contact: i64,
        #[arg(long)]
        purpose: String,
        #[arg(long)]
        method: String,
        #[arg(long)]
        evidence: Option<String>,
    },
    /// The ledger of a contact, oldest first.
    History {
        #[arg(long)]
        contact: i64,
    },
}

pub fn run(ctx: &Ctx, cmd: Cmd) -> Out {
    match cmd {
        Cmd::Consent(c) => consent_cmd(ctx, c),
        Cmd::Triage { action: None } => {
            let v = open(ctx)?;
            print_flags(ctx, &consent::triage(v.conn())?)
        }
        Cmd::Triage { action: Some(a) } => triage_cmd(ctx, a),
        Cmd::Repermission { months, action: None } => {
            let v = open(ctx)?;
            print_flags(ctx, &consent::repermission(v.conn(), v.now(), months)?)
        }
        Cmd::Repermission { months, action: Some(a) } => repermission_cmd(ctx, months, a),
    }
}

fn contact_ids(flags: &[consent::ContactFlag]) -> Vec<i64> {
    let mut ids: Vec<i64> = Vec::new();
    for f in flags {
        if !ids.contains(&f.contact_id) {
            ids.push(f.contact_id);
        }
    }
    ids
}

fn triage_cmd(ctx: &Ctx, cmd: TriageCmd) -> Out {
    let mut v = open(ctx)?;
    match cmd {
        TriageCmd::Link { purpose, ids, all } => {
            let ids = bulk_ids(ids, all, || Ok(contact_ids(&consent::triage(v.conn())?)))?;
            let p = purposes::by_name(v.conn(), &purpose)?;
            let r = bulk::link(&mut v, &ids, p.id)?;
            bulk_done(ctx, "Linked", &r)
        }
        TriageCmd::Delete { ids, all, yes } => {
            let ids = bulk_ids(ids, all, || Ok(contact_ids(&consent::triage(v.conn())?)))?;
            let r = bulk_delete(yes, ids.len(), |go| {
                bulk::delete_contacts(&mut v, BulkList::Triage, &ids, go)
            })?;
            bulk_done(ctx, "Deleted", &r)
        }
    }
}

fn repermission_cmd(ctx: &Ctx, months: u32, cmd: RepermissionCmd) -> Out {
    let mut v = open(ctx)?;
    let flags = consent::repermission(v.conn(), v.now(), months)?;
    match cmd {
        RepermissionCmd::Mark { ids, all } => {
            let ids = bulk_ids(ids, all, || Ok(contact_ids(&flags)))?;
            if let Some(id) = ids.iter().find(|id| !flags.iter().any(|f| f.contact_id == **id)) {
                return Err(
                    Error::NotFound(format!("contact {id} in the re-permission list")).into()
                );
            }
            let links: Vec<LinkRef> = flags
                .iter()
                .filter(|f| ids.contains(&f.contact_id))
                .filter_map(|f| {
                    f.purpose_id.map(|purpose_id| LinkRef { contact_id: f.contact_id, purpose_id })
                })
                .collect();
            let r = bulk::mark_repermission(&mut v, &links)?;
            bulk_done(ctx, "Marked", &r)
        }
        RepermissionCmd::Delete { ids, all, yes } => {
            let ids = bulk_ids(ids, all, || Ok(contact_ids(&flags)))?;
            let r = bulk_delete(yes, ids.len(), |go| {
                bulk::delete_contacts(&mut v, BulkList::Repermission, &ids, go)
            })?;
            bulk_done(ctx, "Deleted", &r)
        }
    }
}

fn consent_cmd(ctx: &Ctx, cmd: ConsentCmd) -> Out {
    match cmd {
        ConsentCmd::Give { contact, purpose, method, text_file, evidence } => {
            let method = method.parse()?;
            let bytes = std::fs::read(&text_file).map_err(Error::Io)?;
            let text = String::from_utf8(bytes)
                .map_err(|_| Error::invalid("text", "the consent text file is not UTF-8 text"))?;
            let mut v = open(ctx)?;
            let p = purposes::by_name(v.conn(), &purpose)?;
            let input = ConsentInput { purpose_id: p.id, method, text, evidence };
            let id = v.write(|tx, c| consent::give(tx, c, contact, &input))?;
            print_id(ctx, id)
        }
        ConsentCmd::Withdraw { contact, purpose, method, evidence } => {
            let method = method.parse()?;
            let mut v = open(ctx)?;
            let p = purposes::by_name(v.conn(), &purpose)?;
            let id = v.write(|tx, c| consent::withdraw(tx, c, contact, p.id, method, evidence))?;
            print_id(ctx, id)
        }
        ConsentCmd::History { contact } => {
            let v = open(ctx)?;
            kluis::domain::contacts::read::contact(v.conn(), contact)?;
            let events = consent::history(v.conn(), contact)?;
            if ctx.json {
                let list: Vec<_> = events
                    .iter()
                    .map(|e| {
                        serde_json::json!({
                            "kind": e.kind, "purpose": e.purpose, "at": e.at,
                            "method": e.method, "text_sha256": e.text_sha256,
                            "evidence": e.evidence, "recorded_by": e.recorded_by,
                        })
                    })
                    .collect();
                return print_json(&list);
            }
            for e in &events {
                println!(
                    "{}  {:<9} {:<24} {:<9} {}",
                    e.at,
                    if e.kind == consent::EventKind::Given { "given" } else { "withdrawn" },
                    e.purpose,
                    e.method.as_str(),
                    e.text_sha256.as_deref().map_or("", |h| h.get(..12).unwrap_or(h))
                );
            }
            Ok(())
        }
    }
}

fn print_flags(ctx: &Ctx, flags: &[consent::ContactFlag]) -> Out {
    print_rows_then(
        ctx,
        flags,
        |f| {
            format!(
                "{:>6}  {:<32} {:<24} {}{}",
                f.contact_id,
                f.name,
                f.purpose.as_deref().unwrap_or("(no purpose)"),
                f.since.as_deref().unwrap_or(""),
                f.marked_at.as_deref().map_or(String::new(), |at| format!("  [marked {at}]"))
            )
        },
        &format!("{} contacts", flags.len()),
    )
}
