//! The audit trail, and checking the vault whole.

use clap::Subcommand;
use kluis::{app, Error};

use super::common::{open, open_without_purge, print_json, Ctx, Out};

#[derive(Subcommand)]
pub enum Cmd {
    /// The audit trail.
    #[command(subcommand, display_order = 8)]
    Audit(AuditCmd),
    /// Check the vault: SQLCipher's cipher_integrity_check, integrity_check,
    /// foreign_key_check and the audit chain; exit 4 when any fails.
    #[command(display_order = 8)]
    Check,
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
            let report = app::check::verify_audit(&v)?;
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
        Cmd::Check => {
            // A check changes nothing: no start-up purge.
            let v = open_without_purge(ctx)?;
            let report = app::check::check(&v)?;
            if ctx.json {
                print_json(&report)?;
            } else {
                for c in &report.checks {
                    match &c.detail {
                        None => println!("{:<24} ok", c.check.label()),
                        Some(d) => println!("{:<24} FAILED: {d}", c.check.label()),
                    }
                }
            }
            if report.ok {
                Ok(())
            } else {
                let failed: Vec<&str> =
                    report.checks.iter().filter(|c| !c.ok).map(|c| c.check.label()).collect();
                Err(Error::Integrity(format!("the vault failed: {}", failed.join(", "))).into())
            }
        }
    }
}
