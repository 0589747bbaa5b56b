//! Unlocking, as every front end does it: complete (or roll back) a restore a crash
//! interrupted, settle an interrupted key rotation and open the vault (`Vault::open`), then run
//! the due retention purge before anything is read.

use std::path::Path;

use crate::domain::backup::restore::{drop_previous, finish_interrupted};
use crate::domain::retention::purge::{self, PurgeReport, Trigger};
use crate::kernel::clock::Clock;
use crate::kernel::error::Result;
use crate::vault::{Secret, Vault, VaultStatus};

/// An unlocked vault and what the start-up purge did.
#[derive(Debug)]
pub struct Unlocked {
    pub vault: Vault,
    pub purge: PurgeReport,
}

/// What the app knows before unlocking; a restore a crash interrupted is completed (or rolled
/// back) first; if that fails the status says what is there.
pub fn vault_status(dir: &Path, unlocked: bool) -> VaultStatus {
    let _ = finish_interrupted(dir);
    VaultStatus::of(dir, unlocked)
}

/// Unlocks with the passphrase and runs the due retention purge. A wrong passphrase writes
/// nothing.
pub fn unlock(dir: &Path, passphrase: &str, clock: Clock, actor: &str) -> Result<Unlocked> {
    unlock_with(dir, Secret::Passphrase(passphrase), clock, actor)
}

/// Unlocks with the key remembered in the OS secret store and runs the due purge.
pub fn unlock_remembered(dir: &Path, clock: Clock, actor: &str) -> Result<Unlocked> {
    unlock_with(dir, Secret::Remembered, clock, actor)
}

/// Unlocks with either secret and runs the due purge.
pub fn unlock_with(dir: &Path, secret: Secret<'_>, clock: Clock, actor: &str) -> Result<Unlocked> {
    let mut vault = open_without_purge(dir, secret, clock, actor)?;
    let purge = purge_on_open(&mut vault)?;
    Ok(Unlocked { vault, purge })
}

/// Unlocks without the start-up purge: only `kluis purge` opens this way, so a dry run
/// changes nothing.
pub fn open_without_purge(
    dir: &Path,
    secret: Secret<'_>,
    clock: Clock,
    actor: &str,
) -> Result<Vault> {
    finish_interrupted(dir)?;
    let vault = Vault::open(dir, secret, clock, actor)?;
    // The restored vault opened: the one it replaced is no longer needed.
    drop_previous(dir)?;
    Ok(vault)
}

/// Unlocks with the recovery key, sets a new passphrase (the forgotten-passphrase path) and
/// runs the due purge.
pub fn recover(
    dir: &Path,
    recovery_key: &str,
    new_passphrase: &str,
    clock: Clock,
    actor: &str,
) -> Result<Unlocked> {
    finish_interrupted(dir)?;
    let mut vault = Vault::recover(dir, recovery_key, new_passphrase, clock, actor)?;
    drop_previous(dir)?;
    let purge = purge_on_open(&mut vault)?;
    Ok(Unlocked { vault, purge })
}

fn purge_on_open(vault: &mut Vault) -> Result<PurgeReport> {
    vault.write(|tx, ctx| purge::run(tx, ctx, Trigger::Startup, false))
}
