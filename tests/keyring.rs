//! "Remember on this device" against the real OS secret store. These tests need a Secret
//! Service: `make test` runs them under `dbus-run-session` with `gnome-keyring-daemon --unlock`
//! (see `make test-keyring`); a plain `cargo test` skips them.

mod common;

use std::process::Command;

use common::*;
use kluis::app::unlock::{unlock, unlock_remembered};
use kluis::domain::contacts::{self, ContactInput};
use kluis::vault::{self, VaultStatus};
use kluis::Error;

#[test]
#[ignore = "needs a Secret Service; run by `make test-keyring`"]
fn remember_unlock_without_passphrase_and_forget() {
    let (t, mut v) = new_vault();
    let id = contacts::create(&mut v, &ContactInput::new("Onthouden Persoon"), false).unwrap();
    assert!(!VaultStatus::of(&t.dir(), true).remembered);
    v.remember().unwrap();
    v.lock();
    assert!(VaultStatus::of(&t.dir(), false).remembered);

    let mut v = unlock_remembered(&t.dir(), clock(), "test").unwrap().vault;
    assert_eq!(contacts::show(&mut v, id).unwrap().contact.name, "Onthouden Persoon");
    v.lock();

    // The CLI uses the remembered key when no passphrase is given.
    let out = Command::new(env!("CARGO_BIN_EXE_kluis"))
        .args(["--vault", t.dir().to_str().unwrap(), "contact", "list", "--json"])
        .env_remove("KLUIS_PASSPHRASE")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Onthouden Persoon"));

    assert!(vault::forget(&t.dir()).unwrap());
    assert!(!vault::forget(&t.dir()).unwrap(), "forgetting twice finds nothing");
    assert!(!VaultStatus::of(&t.dir(), false).remembered);
    assert!(matches!(
        unlock_remembered(&t.dir(), clock(), "test").unwrap_err(),
        Error::KeyringUnavailable(_)
    ));
    // The passphrase still works.
    unlock(&t.dir(), PASS, clock(), "test").unwrap();
}

#[test]
#[ignore = "needs a Secret Service; run by `make test-keyring`"]
fn a_remembered_key_of_another_vault_is_not_used() {
    let (t1, v1) = new_vault();
    v1.remember().unwrap();
    v1.lock();
    let (t2, v2) = new_vault();
    v2.lock();
    // Each vault has its own entry; the second has none.
    assert!(unlock_remembered(&t2.dir(), clock(), "test").is_err());
    unlock_remembered(&t1.dir(), clock(), "test").unwrap().vault.forget().unwrap();
}
