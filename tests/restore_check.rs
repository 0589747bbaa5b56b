//! The check the app runs before a restore (`app::restore::check`): it names a backup of
//! another vault, and each newer backup of the vault in the same folder that no secret given
//! opens, with the reason; a passphrase for newer backups opens them. The secrets the app's
//! restore screen sends (`RestoreSecrets`) open a locked vault with its passphrase or its
//! recovery key. Nothing changes.
mod common;

use std::path::Path;

use common::*;
use kluis::app::restore::{self, RestoreSecrets};
use kluis::domain::backup::restore::UnreadableReason;
use kluis::domain::backup::{self};
use kluis::vault::Secret;
use kluis::{Clock, Error, Vault};
use zeroize::Zeroizing;

const ROTATED: &str = "nieuwe-sleutel-na-rotatie-9";

fn later() -> Clock {
    Clock::fixed_from_rfc3339("2026-03-02T09:30:00Z").unwrap()
}

fn secrets(passphrase: &str) -> RestoreSecrets {
    RestoreSecrets { passphrase: Some(Zeroizing::new(passphrase.into())), ..Default::default() }
}

fn check(
    backup: &Path,
    dir: &Path,
    s: &RestoreSecrets,
) -> kluis::Result<kluis::domain::backup::restore::RestoreCheck> {
    restore::check(backup, dir, &s.backup(), &s.options(None), &mut |_| {})
}

#[test]
fn the_check_names_another_vault_and_each_unreadable_newer_backup() {
    // Vault A: a backup, then a key rotation and a newer backup in the same folder.
    let (a, mut vault) = new_vault();
    let folder = a.tmp.path().join("usb");
    std::fs::create_dir(&folder).unwrap();
    let old = folder.join("oud.kluisbackup");
    backup::create(&mut vault, &old, &mut |_| {}).unwrap();
    vault.rotate_key(PASS, ROTATED).unwrap();
    vault.lock();
    let mut vault = Vault::open(&a.dir(), Secret::Passphrase(ROTATED), later(), "test").unwrap();
    let newer = folder.join("nieuwer.kluisbackup");
    backup::create(&mut vault, &newer, &mut |_| {}).unwrap();
    vault.lock();

    // On a new laptop nothing but the old backup's passphrase is known: the newer backup, made
    // after the rotation, cannot be read, and the check says which file and why.
    let laptop = tempfile::tempdir().unwrap();
    let fresh = laptop.path().join("vault");
    let found = check(&old, &fresh, &secrets(PASS)).unwrap();
    assert!(!found.other_vault);
    assert_eq!(found.unreadable_newer.len(), 1, "{:?}", found.unreadable_newer);
    assert_eq!(found.unreadable_newer[0].file, newer.display().to_string());
    assert_eq!(found.unreadable_newer[0].created_at, "2026-03-02T09:30:00Z");
    assert_eq!(found.unreadable_newer[0].reason, UnreadableReason::NoSecretOpensIt);

    // A wrong passphrase for it is named as such; its own passphrase opens it.
    let mut given = secrets(PASS);
    given.newer_passphrase = Some(Zeroizing::new("niet-de-goede-wachtwoordzin".into()));
    let found = check(&old, &fresh, &given).unwrap();
    assert_eq!(found.unreadable_newer[0].reason, UnreadableReason::WrongNewerPassphrase);
    given.newer_passphrase = Some(Zeroizing::new(ROTATED.into()));
    assert!(check(&old, &fresh, &given).unwrap().unreadable_newer.is_empty());
    assert!(!fresh.exists(), "the check wrote nothing");

    // Over vault A itself (unlocked with its current passphrase) the newer backup opens with
    // the live key; over another vault B the backup is named as another vault's.
    let mut over_a = secrets(PASS);
    over_a.current_passphrase = Some(Zeroizing::new(ROTATED.into()));
    let found = check(&old, &a.dir(), &over_a).unwrap();
    assert!(!found.other_vault && found.unreadable_newer.is_empty());

    let (b, vault_b) = new_vault();
    vault_b.lock();
    let before = snapshot(&b.dir());
    let mut over_b = secrets(PASS);
    over_b.current_recovery_key = Some(Zeroizing::new(b.recovery_key.clone()));
    let found = check(&old, &b.dir(), &over_b).unwrap();
    assert!(found.other_vault);
    assert_eq!(snapshot(&b.dir()), before, "the check changed the vault");

    // Without B's current secret nothing is checked at all.
    let err = check(&old, &b.dir(), &secrets(PASS)).unwrap_err();
    assert!(matches!(err, Error::WrongPassphrase), "{err:?}");
}

#[test]
fn a_recovery_key_typed_for_newer_backups_is_used_as_one() {
    let (a, mut vault) = new_vault();
    let folder = a.tmp.path().join("usb");
    std::fs::create_dir(&folder).unwrap();
    let old = folder.join("oud.kluisbackup");
    backup::create(&mut vault, &old, &mut |_| {}).unwrap();
    let new_key = vault.rotate_key(PASS, ROTATED).unwrap();
    vault.lock();
    let mut vault = Vault::open(&a.dir(), Secret::Passphrase(ROTATED), later(), "test").unwrap();
    backup::create(&mut vault, &folder.join("nieuwer.kluisbackup"), &mut |_| {}).unwrap();
    vault.lock();

    let laptop = tempfile::tempdir().unwrap();
    let mut given = secrets(PASS);
    given.newer_passphrase = Some(Zeroizing::new(new_key.to_string()));
    let found = check(&old, &laptop.path().join("vault"), &given).unwrap();
    assert!(found.unreadable_newer.is_empty(), "{:?}", found.unreadable_newer);
}
