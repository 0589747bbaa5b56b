//! The vault itself: create it, its passphrase, its key and remembering that key on a device.

use clap::Subcommand;
use kluis::{app, vault, Error, Vault};

use super::common::{
    done, new_passphrase, open, passphrase_twice, print_json, secret, Ctx, Out, ACTOR,
};

#[derive(Subcommand)]
pub enum Cmd {
    /// Create a new vault; prints the recovery key once.
    #[command(display_order = 0)]
    Init {
        /// Also remember the key in the OS secret store on this device.
        #[arg(long)]
        remember: bool,
    },
    /// The vault passphrase.
    #[command(subcommand, display_order = 3)]
    Passphrase(PassphraseCmd),
    /// Set a new passphrase with the recovery key (KLUIS_RECOVERY_KEY, KLUIS_NEW_PASSPHRASE).
    #[command(display_order = 4)]
    UnlockRecovery,
    /// New data key, new passphrase (KLUIS_NEW_PASSPHRASE) and new recovery key (printed once),
    /// for when a passphrase, a device or a backup may have leaked.
    #[command(display_order = 5)]
    RotateKey,
    /// Remember the key in the OS secret store on this device.
    #[command(display_order = 6)]
    Remember,
    /// Remove the key remembered on this device.
    #[command(display_order = 7)]
    Forget,
}

#[derive(Subcommand)]
pub enum PassphraseCmd {
    /// Change the passphrase (the new one from KLUIS_NEW_PASSPHRASE or a prompt).
    Change,
}

pub fn run(ctx: &Ctx, cmd: Cmd) -> Out {
    match cmd {
        Cmd::Init { remember } => init(ctx, remember),
        Cmd::Passphrase(PassphraseCmd::Change) => {
            let current = secret("KLUIS_PASSPHRASE", "Current passphrase: ")?;
            let mut v = app::unlock::unlock(&ctx.dir, &current, ctx.clock, ACTOR)?.vault;
            let new = new_passphrase()?;
            v.change_passphrase(&current, &new)?;
            done(ctx, "Passphrase changed.")
        }
        Cmd::UnlockRecovery => {
            let key = secret("KLUIS_RECOVERY_KEY", "Recovery key: ")?;
            if !vault::exists(&ctx.dir) {
                return Err(Error::NoVault(ctx.dir.display().to_string()).into());
            }
            let new = new_passphrase()?;
            app::unlock::recover(&ctx.dir, &key, &new, ctx.clock, ACTOR)?;
            done(ctx, "Passphrase reset with the recovery key.")
        }
        Cmd::RotateKey => {
            let current = secret("KLUIS_PASSPHRASE", "Current passphrase: ")?;
            let mut v = app::unlock::unlock(&ctx.dir, &current, ctx.clock, ACTOR)?.vault;
            let new = new_passphrase()?;
            let recovery = v.rotate_key(&current, &new)?;
            if ctx.json {
                return print_json(&serde_json::json!({ "recovery_key": recovery.as_str() }));
            }
            println!("The vault has a new key and passphrase. Keys remembered on this device were forgotten.");
            println!("New recovery key (write it down; the old one no longer works):");
            println!("  {}", recovery.as_str());
            Ok(())
        }
        Cmd::Remember => {
            let v = open(ctx)?;
            v.remember()?;
            done(ctx, "The key is remembered on this device.")
        }
        Cmd::Forget => {
            let removed = vault::forget(&ctx.dir)?;
            done(
                ctx,
                if removed {
                    "The remembered key was removed from this device."
                } else {
                    "No key was remembered on this device."
                },
            )
        }
    }
}

fn init(ctx: &Ctx, remember: bool) -> Out {
    if vault::exists(&ctx.dir) {
        return Err(Error::VaultExists(ctx.dir.display().to_string()).into());
    }
    let pass = passphrase_twice("KLUIS_PASSPHRASE", "New passphrase: ")?;
    let created = Vault::create(&ctx.dir, &pass, ctx.clock, ACTOR)?;
    if remember {
        created.vault.remember()?;
    }
    if ctx.json {
        print_json(&serde_json::json!({ "recovery_key": created.recovery_key.as_str() }))
    } else {
        println!("Vault created in {}.", ctx.dir.display());
        println!("Recovery key (write it down and keep it safe; it is shown only once):");
        println!("  {}", created.recovery_key.as_str());
        Ok(())
    }
}
