//! Synthetic data for trying Kluis out and for measuring it.

use std::time::Instant;

use clap::Subcommand;
use kluis::{demo, vault, Vault};

use super::common::{open, passphrase_twice, print_json, Ctx, Out, ACTOR};

#[derive(Subcommand)]
pub enum Cmd {
    /// Add synthetic contacts with interactions (creates the vault when there is none).
    #[command(display_order = 28)]
    Demo {
        #[arg(long)]
        contacts: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

pub fn run(ctx: &Ctx, Cmd::Demo { contacts: n, seed }: Cmd) -> Out {
    let (mut v, recovery) = if vault::exists(&ctx.dir) {
        (open(ctx)?, None)
    } else {
        let pass = passphrase_twice("KLUIS_PASSPHRASE", "New passphrase: ")?;
        let created = Vault::create(&ctx.dir, &pass, ctx.clock, ACTOR)?;
        (created.vault, Some(created.recovery_key))
    };
    let started = Instant::now();
    let interactions = demo::generate(&mut v, n, seed)?;
    let secs = started.elapsed().as_secs_f64();
    if ctx.json {
        return print_json(&serde_json::json!({
            "contacts": n,
            "interactions": interactions,
            "seconds": secs,
            "recovery_key": recovery.as_ref().map(|r| r.as_str()),
        }));
    }
    if let Some(r) = recovery {
        println!("Vault created in {}. Recovery key: {}", ctx.dir.display(), r.as_str());
    }
    println!("Added {n} synthetic contacts with {interactions} interactions in {secs:.1} s.");
    Ok(())
}
