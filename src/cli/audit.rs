//! The audit trail.

use clap::Subcommand;
use kluis::store::audit;
use kluis::Error;

use super::common::{open, print_json, Ctx, Out};

#[derive(Subcommand)]
pub enum Cmd {
    /// The audit trail.
    #[command(subcommand, display_order = 8)]
    Audit(AuditCmd),
}

#[derive(Subcommand)]
pub enum AuditCmd {
    /// Check the hash chain; exit 4 when a row was changed or removed.
    Verify,
}

pub fn run(ctx: &Ctx, cmd: Cmd) -> Out {
    match cmd {
        Cmd::Audit(AuditCmd::Verify) => {
            let v = open(ctx)?;
            let report = audit::verify(v.conn())?;
            if ctx.json {
                print_json(&report)?;
            }
            match report.first_broken {
                None => {
                    if !ctx.json {
                        println!("Audit trail intact: {} rows.", report.rows);
                    }
                    Ok(())
                }
                Some(id) => Err(Error::Integrity(format!(
                    "audit trail broken at row {id}: {}",
                    report.problem.unwrap_or_default()
                ))
                .into()),
            }
        }
    }
}
