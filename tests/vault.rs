//! Vault promises: round trip, wrong secrets write nothing, passphrase change and recovery,
//! no plaintext on disk, newer schemas refused.

mod common;

use common::*;
use kluis::app::unlock::{recover, unlock};
use kluis::domain::contacts::{self, ContactInput, InteractionInput, InteractionKind};
use kluis::{store, Error, Vault};

fn add_canary(v: &mut Vault) -> i64 {
    let mut input = ContactInput::new("Canarius Zwartkruis");
    input.emails = vec!["canary.zwartkruis@example.nl".into()];
    let id = contacts::create(v, &input, false).unwrap();
    contacts::add_interaction(
        v,
        id,
        &InteractionInput {
            kind: InteractionKind::Note,
            text: "Kanarienotitie over de offerte".into(),
            at: None,
        },
        false,
    )
    .unwrap();
    id
}

#[test]
fn create_lock_unlock_keeps_the_data() {
    let (t, mut v) = new_vault();
    let id = add_canary(&mut v);
    v.lock();
    let mut v = unlock(&t.dir(), PASS, clock(), "test").unwrap().vault;
    let d = contacts::show(&mut v, id).unwrap();
    assert_eq!(d.contact.name, "Canarius Zwartkruis");
    assert_eq!(d.interactions.len(), 1);
    assert!(store::cipher_version(v.conn()).unwrap().starts_with('4'));
}

#[test]
fn wrong_passphrase_and_recovery_key_are_typed_errors_and_write_nothing() {
    let (t, mut v) = new_vault();
    add_canary(&mut v);
    v.lock();
    let before = snapshot(&t.dir());
    let e = unlock(&t.dir(), "niet-het-goede-wachtwoord", clock(), "test").unwrap_err();
    assert!(matches!(e, Error::WrongPassphrase), "{e:?}");
    assert_eq!(e.exit_code(), 3);
    // A well-formed recovery key that is not this vault's.
    let wrong_key = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH";
    let e = recover(&t.dir(), wrong_key, OTHER_PASS, clock(), "test").unwrap_err();
    assert!(matches!(e, Error::WrongRecoveryKey), "{e:?}");
    let e = recover(&t.dir(), "not a key", OTHER_PASS, clock(), "test").unwrap_err();
    assert!(matches!(e, Error::WrongRecoveryKey), "{e:?}");
    assert_eq!(snapshot(&t.dir()), before, "a failed unlock changed a vault file");
}

#[test]
fn canary_values_never_appear_in_plaintext_on_disk() {
    let (t, mut v) = new_vault();
    add_canary(&mut v);
    let needles: [&[u8]; 4] =
        [b"Canarius", b"Zwartkruis", b"canary.zwartkruis@example.nl", b"Kanarienotitie"];
    let check = |when: &str| {
        let files = snapshot(&t.dir());
        assert!(files.contains_key("kluis.db"));
        for (name, bytes) in &files {
            for n in needles {
                assert!(
                    !contains(bytes, n),
                    "{} found in plaintext in {name} ({when})",
                    String::from_utf8_lossy(n)
                );
            }
        }
    };
    // While open: the WAL holds the new pages.
    assert!(t.dir().join("kluis.db-wal").exists());
    check("after writes");
    v.checkpoint().unwrap();
    check("after a checkpoint");
    v.lock();
    check("after locking");
}

#[test]
fn passphrase_change_rewraps_the_key() {
    let (t, mut v) = new_vault();
    let id = add_canary(&mut v);
    let e = v.change_passphrase("fout-wachtwoord-hier", OTHER_PASS).unwrap_err();
    assert!(matches!(e, Error::WrongPassphrase));
    let e = v.change_passphrase(PASS, "kort").unwrap_err();
    assert!(matches!(e, Error::WeakPassphrase { .. }));
    v.change_passphrase(PASS, OTHER_PASS).unwrap();
    v.lock();
    assert!(matches!(unlock(&t.dir(), PASS, clock(), "test").unwrap_err(), Error::WrongPassphrase));
    let mut v = unlock(&t.dir(), OTHER_PASS, clock(), "test").unwrap().vault;
    assert_eq!(contacts::show(&mut v, id).unwrap().contact.name, "Canarius Zwartkruis");
    v.lock();
    // The recovery key still works after a passphrase change, and sets a new passphrase.
    let third = "blauwe-walvis-zingt-zacht";
    let v = recover(&t.dir(), &t.recovery_key, third, clock(), "test").unwrap().vault;
    v.lock();
    assert!(unlock(&t.dir(), OTHER_PASS, clock(), "test").is_err());
    unlock(&t.dir(), third, clock(), "test").unwrap();
}

#[test]
fn recovery_key_accepts_sloppy_typing() {
    let (t, v) = new_vault();
    v.lock();
    let sloppy = t.recovery_key.to_lowercase().replace('-', " ");
    recover(&t.dir(), &sloppy, OTHER_PASS, clock(), "test").unwrap();
}

#[test]
fn weak_passphrase_and_existing_vault_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("v");
    assert!(matches!(
        Vault::create(&dir, "welkom123", clock(), "test").unwrap_err(),
        Error::WeakPassphrase { .. }
    ));
    assert!(!dir.join("vault.json").exists());
    Vault::create(&dir, PASS, clock(), "test").unwrap().vault.lock();
    assert!(matches!(
        Vault::create(&dir, PASS, clock(), "test").unwrap_err(),
        Error::VaultExists(_)
    ));
}

#[test]
fn newer_schema_is_refused_with_a_clear_message() {
    let (t, v) = new_vault();
    v.conn().pragma_update(None, "user_version", 999).unwrap();
    v.lock();
    let e = unlock(&t.dir(), PASS, clock(), "test").unwrap_err();
    assert!(matches!(e, Error::NewerSchema { found: 999, .. }), "{e:?}");
    assert!(e.to_string().contains("newer version of Kluis"));
}

#[test]
fn missing_or_damaged_files_are_integrity_errors() {
    let (t, v) = new_vault();
    v.lock();
    let db = t.dir().join("kluis.db");
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[5000] ^= 0x55;
    std::fs::write(&db, &bytes).unwrap();
    let e = unlock(&t.dir(), PASS, clock(), "test").unwrap_err();
    assert_eq!(e.exit_code(), 4, "{e:?}");
    std::fs::remove_file(&db).unwrap();
    let e = unlock(&t.dir(), PASS, clock(), "test").unwrap_err();
    assert!(matches!(e, Error::Integrity(_)), "{e:?}");
    assert!(!db.exists(), "unlocking must not create an empty database");
    std::fs::write(t.dir().join("vault.json"), b"{ not json").unwrap();
    let e = unlock(&t.dir(), PASS, clock(), "test").unwrap_err();
    assert!(matches!(e, Error::Integrity(_)), "{e:?}");
}

#[test]
fn no_vault_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let e = unlock(tmp.path(), PASS, clock(), "test").unwrap_err();
    assert!(matches!(e, Error::NoVault(_)));
}

#[test]
fn key_rotation_retires_the_old_passphrase_and_recovery_key() {
    let (t, mut v) = new_vault();
    let id = add_canary(&mut v);
    let old_backup = t.tmp.path().join("before.kluisbackup");
    kluis::domain::backup::create(&mut v, &old_backup, &mut |_| {}).unwrap();
    assert!(v.rotate_key("fout-wachtwoord-hier", OTHER_PASS).is_err());
    let new_recovery = v.rotate_key(PASS, OTHER_PASS).unwrap().to_string();
    assert_ne!(new_recovery, t.recovery_key);
    v.lock();
    assert!(matches!(unlock(&t.dir(), PASS, clock(), "test"), Err(Error::WrongPassphrase)));
    let e = recover(&t.dir(), &t.recovery_key, "derde-nieuwe-zin-hier", clock(), "test");
    assert!(matches!(e, Err(Error::WrongRecoveryKey)));
    let mut v = unlock(&t.dir(), OTHER_PASS, clock(), "test").unwrap().vault;
    assert_eq!(contacts::show(&mut v, id).unwrap().contact.name, "Canarius Zwartkruis");
    v.lock();
    recover(&t.dir(), &new_recovery, "derde-nieuwe-zin-hier", clock(), "test")
        .unwrap()
        .vault
        .lock();
    // An old backup still opens with the passphrase of its time.
    let bytes = std::fs::read(&old_backup).unwrap();
    assert!(kluis::domain::backup::open(
        &bytes,
        &kluis::domain::backup::BackupSecret::Passphrase(PASS),
        &mut |_| {}
    )
    .is_ok());
}

#[test]
fn an_interrupted_key_rotation_settles_on_the_key_that_opens_the_database() {
    // Crash after the rekey, before the new key file replaced the old one.
    let (t, mut v) = new_vault();
    let id = add_canary(&mut v);
    let old_keyfile = std::fs::read(t.dir().join("vault.json")).unwrap();
    v.rotate_key(PASS, OTHER_PASS).unwrap();
    v.lock();
    std::fs::rename(t.dir().join("vault.json"), t.dir().join("vault.json.next")).unwrap();
    std::fs::write(t.dir().join("vault.json"), &old_keyfile).unwrap();
    let mut v = unlock(&t.dir(), OTHER_PASS, clock(), "test").unwrap().vault;
    assert_eq!(contacts::show(&mut v, id).unwrap().contact.name, "Canarius Zwartkruis");
    assert!(!t.dir().join("vault.json.next").exists());
    v.lock();
    // Crash before the rekey: the old key still opens the database; the leftover goes.
    let (t, v) = new_vault();
    v.lock();
    std::fs::write(t.dir().join("vault.json.next"), b"{\"not\": \"used\"}").unwrap();
    unlock(&t.dir(), PASS, clock(), "test").unwrap();
    assert!(!t.dir().join("vault.json.next").exists());
}

#[test]
fn a_passphrase_made_of_the_business_or_folder_name_is_refused() {
    let (t, mut v) = new_vault();
    let salon =
        kluis::domain::controller::Controller { name: "Salon Mooi".into(), ..Default::default() };
    kluis::app::controller::set_controller(&mut v, &salon).unwrap();
    let e = v.change_passphrase(PASS, "Salon2024!").unwrap_err();
    assert!(matches!(e, Error::WeakPassphrase { .. }), "{e:?}");
    assert!(!kluis::vault::passphrase_strength(&t.dir(), Some(&v), "Salon2024!").acceptable);
    v.lock();
    // Recovering with it is refused too, and writes nothing.
    let before = snapshot(&t.dir());
    let e = recover(&t.dir(), &t.recovery_key, "Salon2024!", clock(), "test").unwrap_err();
    assert!(matches!(e, Error::WeakPassphrase { .. }), "{e:?}");
    assert_eq!(snapshot(&t.dir()), before);
    // Before unlocking only the folder name is known: a vault in "hoveniers" refuses it.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("hoveniers");
    assert!(!kluis::vault::passphrase_strength(&dir, None, "Hoveniers2024").acceptable);
    assert!(matches!(
        Vault::create(&dir, "Hoveniers2024", clock(), "test").unwrap_err(),
        Error::WeakPassphrase { .. }
    ));
}
