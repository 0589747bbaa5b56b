//! The consent ledger, and the lists of contacts whose basis or consent needs work.

use std::path::PathBuf;

use clap::Subcommand;
use kluis::domain::consent::{self, ConsentInput};
use kluis::domain::register::purposes;
use kluis::Error;

use super::common::{open, print_id, print_json, print_rows_then, Ctx, Out};

#[derive(Subcommand)]
pub enum Cmd {
    /// The consent ledger.
    #[command(subcommand, display_order = 11)]
    Consent(ConsentCmd),
    /// Contacts without a known basis for some purpose (to be resolved).
    #[command(display_order = 26)]
    Triage,
    /// Contacts whose consent is missing or older than --months (for a re-permission run).
    #[command(display_order = 27)]
    Repermission {
        #[arg(long, default_value_t = consent::DEFAULT_REPERMISSION_MONTHS)]
        months: u32,
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
        Cmd::Triage => {
            let v = open(ctx)?;
            print_flags(ctx, &consent::triage(v.conn())?)
        }
        Cmd::Repermission { months } => {
            let v = open(ctx)?;
            print_flags(ctx, &consent::repermission(v.conn(), v.now(), months)?)
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
                "{:>6}  {:<32} {:<24} {}",
                f.contact_id,
                f.name,
                f.purpose.as_deref().unwrap_or("(no purpose)"),
                f.since.as_deref().unwrap_or("")
            )
        },
        &format!("{} contacts", flags.len()),
    )
}
