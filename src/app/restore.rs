//! Restoring a backup: over an existing vault only with that vault's current secret (and a
//! backup of another vault only when the user confirms it); verify the whole file, collect the
//! erasures the live vault and newer backups know, and build the restored vault beside the
//! live one (`domain::backup::restore::stage`: over the same vault it is re-keyed to the live
//! data key and keeps the live `vault.json`, so the current passphrase, recovery key and
//! remembered key keep working and a retired secret never comes back); re-apply the erasures
//! the backup lacks (erased people never come back); run the due purge; then swap the folders
//! (`put_in_place`). Every step leaves either the old or the new vault.

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::app::erase::erase_in;
use crate::domain::backup::auto;
use crate::domain::backup::restore::{
    self, add_missing_interaction_tombstones, add_missing_tombstones, crash_point,
    finish_interrupted, Allow, Live, RestoreCheck,
};
use crate::domain::backup::{begin, BackupSecret, OnProgress, Step};
use crate::domain::contacts::{read, write};
use crate::domain::retention::purge::{self, PurgeReport, Trigger};
use crate::kernel::clock::{Clock, Ctx};
use crate::kernel::crypto::{self, SecretKey};
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};
use crate::vault::keyfile::KeyFile;
use crate::vault::{self, keyring, Vault};

/// What a restore changed, for the user.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RestoreReport {
    pub backup_created_at: String,
    #[ts(type = "number")]
    pub contacts: i64,
    #[ts(type = "number")]
    pub interactions: i64,
    /// Erasures the backup lacked, applied again.
    #[ts(type = "number")]
    pub erasures_reapplied: i64,
    /// Interaction deletions the backup lacked, applied again (the interactions it still held).
    #[ts(type = "number")]
    pub interaction_deletions_reapplied: i64,
    pub purge: PurgeReport,
    /// Newer backups of this vault that no secret given opened, restored without on the
    /// user's explicit acceptance (erasures only they knew may be missing).
    pub unreadable_newer: Vec<String>,
    /// Files beside the backup that are not backups of this vault (not read for erasures).
    pub ignored_files: Vec<String>,
}

/// The current secret of the vault a restore replaces.
pub enum Current<'a> {
    Passphrase(&'a str),
    RecoveryKey(&'a str),
    /// The key remembered on this device.
    Remembered,
    /// The data key of the vault's unlocked session (the app), copied by [`Current::session`].
    Session(SecretKey),
}

impl Current<'_> {
    /// The unlocked session of the vault counts as its current secret.
    pub fn session(vault: &Vault) -> Current<'static> {
        Current::Session(zeroize::Zeroizing::new(**vault.data_key()))
    }
}

/// What the user gave and confirmed for a restore.
#[derive(Default)]
pub struct Options<'a> {
    /// The current secret of the vault in the folder (needed when there is one).
    pub current: Option<Current<'a>>,
    /// Replacing the vault with a backup of another vault was confirmed.
    pub other_vault: bool,
    /// Restoring although a newer backup of this vault cannot be read was accepted.
    pub accept_unreadable_newer: bool,
    /// Secrets for newer backups made after a key rotation.
    pub newer: Vec<BackupSecret<'a>>,
}

/// The secrets a user types (or chooses) for a restore in the app, as the window sends them;
/// wiped when dropped.
#[derive(Default, Deserialize, ts_rs::TS)]
pub struct RestoreSecrets {
    /// The backup's passphrase, or else its recovery key.
    #[ts(type = "string | null")]
    pub passphrase: Option<Zeroizing<String>>,
    #[ts(type = "string | null")]
    pub recovery_key: Option<Zeroizing<String>>,
    /// The current secret of the locked vault the backup replaces: its passphrase, its
    /// recovery key, or (`current_remembered`) the key remembered on this device.
    #[ts(type = "string | null")]
    pub current_passphrase: Option<Zeroizing<String>>,
    #[ts(type = "string | null")]
    pub current_recovery_key: Option<Zeroizing<String>>,
    pub current_remembered: bool,
    /// The passphrase (or recovery key) of newer backups made after a key rotation.
    #[ts(type = "string | null")]
    pub newer_passphrase: Option<Zeroizing<String>>,
}

impl RestoreSecrets {
    /// The backup's secret: the passphrase, else the recovery key.
    pub fn backup(&self) -> BackupSecret<'_> {
        match (&self.passphrase, &self.recovery_key) {
            (Some(p), _) => BackupSecret::Passphrase(p),
            (None, Some(k)) => BackupSecret::RecoveryKey(k),
            (None, None) => BackupSecret::Passphrase(""),
        }
    }

    /// The options of a restore with these secrets; `current` overrides the current secret
    /// given (the app's unlocked session).
    pub fn options(&self, session: Option<Current<'static>>) -> Options<'_> {
        let typed = match (&self.current_passphrase, &self.current_recovery_key) {
            (Some(p), _) => Some(Current::Passphrase(p)),
            (None, Some(k)) => Some(Current::RecoveryKey(k)),
            (None, None) => self.current_remembered.then_some(Current::Remembered),
        };
        // What was typed for a newer backup: its recovery key when it reads as one, else its
        // passphrase.
        let newer = self.newer_passphrase.as_deref().map(|n| match crypto::parse_recovery(n) {
            Ok(_) => BackupSecret::RecoveryKey(n),
            Err(_) => BackupSecret::Passphrase(n),
        });
        Options {
            current: session.or(typed),
            newer: newer.into_iter().collect(),
            ..Options::default()
        }
    }
}

/// The vault in `dir` unlocked with its current secret, or None when there is no vault;
/// without the right secret: `WrongPassphrase` / `WrongRecoveryKey`, nothing changed.
fn live(dir: &Path, current: Option<&Current<'_>>) -> Result<Option<Live>> {
    finish_interrupted(dir)?;
    if !vault::exists(dir) {
        return Ok(None);
    }
    let keyfile = KeyFile::load(dir)?;
    let key = match current {
        None => return Err(Error::WrongPassphrase),
        Some(Current::Passphrase(p)) => keyfile.unwrap_with_passphrase(p)?,
        Some(Current::RecoveryKey(k)) => {
            keyfile.unwrap_with_recovery(crypto::parse_recovery(k)?.as_ref())?
        }
        Some(Current::Remembered) => keyring::load(&keyfile.vault_id)?
            .filter(|k| keyfile.fits(k))
            .ok_or(Error::WrongPassphrase)?,
        Some(Current::Session(k)) => {
            if !keyfile.fits(k) {
                return Err(Error::WrongPassphrase);
            }
            zeroize::Zeroizing::new(**k)
        }
    };
    Ok(Some(Live { keyfile, key }))
}

/// What restoring `backup` (opened with `secret`) into `dir` would need confirmed or given
/// (another vault's backup, newer backups no secret opens), found without changing anything;
/// the vault there, if any, must open with `options.current`, as for [`restore`].
pub fn check(
    backup: &Path,
    dir: &Path,
    secret: &BackupSecret<'_>,
    options: &Options<'_>,
    on: OnProgress<'_>,
) -> Result<RestoreCheck> {
    let live = live(dir, options.current.as_ref())?;
    restore::check(backup, dir, secret, live.as_ref(), &options.newer, on)
}

/// Restores `backup` (opened with `secret`) into `dir`, replacing the vault there, if any,
/// when `options.current` opens it.
pub fn restore(
    backup: &Path,
    dir: &Path,
    secret: &BackupSecret<'_>,
    options: &Options<'_>,
    clock: Clock,
    actor: &str,
    on: OnProgress<'_>,
) -> Result<RestoreReport> {
    let live = live(dir, options.current.as_ref())?;
    let allow = Allow {
        other_vault: options.other_vault,
        unreadable_newer: options.accept_unreadable_newer,
        newer: &options.newer,
    };
    let mut staged = restore::stage(backup, dir, secret, live.as_ref(), &allow, on)?;
    let ctx = Ctx { now: clock.now(), actor };
    let tx = staged.conn.transaction()?;
    let mut reapplied = 0;
    for id in add_missing_tombstones(&tx, &staged.tombstones.contacts)? {
        if read::contact(&tx, id).is_ok() {
            erase_in(&tx, &ctx, id, None, false)?;
            reapplied += 1;
        }
    }
    // After the erasures: an erased person's interactions went with them.
    let mut deletions = 0;
    for id in add_missing_interaction_tombstones(&tx, &staged.tombstones.interactions)? {
        deletions += i64::from(write::reapply_interaction_deletion(&tx, &ctx, id)?);
    }
    begin(on, Step::Purge);
    let report = purge::run(&tx, &ctx, Trigger::Startup, false)?;
    let detail = format!(
        "backup={} erasures={reapplied} interaction_deletions={deletions}",
        format_instant(staged.created_at)
    );
    ctx.audit_detail(&tx, "backup.restore", "vault", None, &[], Some(&detail))?;
    tx.commit()?;
    let conn = &staged.conn;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let contacts: i64 = conn.query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?;
    let interactions: i64 =
        conn.query_row("SELECT count(*) FROM interactions", [], |r| r.get(0))?;
    let restore::Staged { conn, created_at, folder, unreadable_newer, ignored, .. } = staged;
    drop(conn);
    crash_point("reapplied");
    restore::put_in_place(&folder, dir, on)?;
    Ok(RestoreReport {
        backup_created_at: format_instant(created_at),
        contacts,
        interactions,
        erasures_reapplied: reapplied,
        interaction_deletions_reapplied: deletions,
        purge: report,
        unreadable_newer,
        ignored_files: ignored,
    })
}

/// Restores the newest backup in the backup folder `dir` into a temporary folder, checks it,
/// and reports — without touching the live vault.
pub fn test_restore(
    dir: &Path,
    secret: &BackupSecret<'_>,
    clock: Clock,
    on: OnProgress<'_>,
) -> Result<RestoreReport> {
    let newest = auto::list(dir)?
        .pop()
        .ok_or_else(|| Error::NotFound("a backup in the backup folder".into()))?;
    let tmp = std::env::temp_dir().join(format!("kluis-test-restore-{}", uuid::Uuid::new_v4()));
    fs::create_dir_all(&tmp)?;
    vault::restrict_permissions(&tmp)?;
    let target = tmp.join("vault");
    let options = Options::default();
    let result = restore(&newest, &target, secret, &options, clock, "test-restore", on);
    let _ = fs::remove_dir_all(&tmp);
    result
}
