//! Restoring over an existing vault, as a user does it from the command line: it needs the
//! vault's current secret; afterwards the current secrets (and only those) open it; erased
//! people never come back (tombstones read with whatever key opens them: the live vault, newer
//! backups of the same vault made before or after a passphrase change or a key rotation); the
//! replaced vault is kept as `.previous` until the next unlock; housekeeping touches only this
//! vault's files.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;
use serde_json::Value;

const P2: &str = "blauwe-walvis-zingt-zacht";

struct Cli {
    tmp: tempfile::TempDir,
    /// The clock every command runs with (`--now`), when set.
    now: std::cell::RefCell<Option<String>>,
}

impl Cli {
    fn new() -> Cli {
        Cli { tmp: tempfile::tempdir().unwrap(), now: Default::default() }
    }

    fn set_now(&self, t: &str) {
        *self.now.borrow_mut() = Some(t.to_owned());
    }

    fn dir(&self) -> PathBuf {
        self.tmp.path().join("vault")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// `kluis` on `dir` with the given environment (nothing else secret is inherited).
    fn at(&self, dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_kluis"));
        c.arg("--vault").arg(dir).arg("--json");
        if let Some(t) = self.now.borrow().as_deref() {
            c.arg("--now").arg(t);
        }
        c.args(args);
        for v in [
            "KLUIS_PASSPHRASE",
            "KLUIS_NEW_PASSPHRASE",
            "KLUIS_RECOVERY_KEY",
            "KLUIS_BACKUP_PASSPHRASE",
            "KLUIS_NEWER_PASSPHRASE",
        ] {
            c.env_remove(v);
        }
        c.envs(env.iter().copied())
            // Never reach a real secret store from these tests.
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/kluis-test-bus");
        c.output().unwrap()
    }

    fn run(&self, env: &[(&str, &str)], args: &[&str]) -> Output {
        self.at(&self.dir(), env, args)
    }

    fn ok(&self, env: &[(&str, &str)], args: &[&str]) -> Value {
        let out = self.run(env, args);
        assert!(out.status.success(), "kluis {args:?} failed: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
    }

    fn init(&self, pass: &str) -> String {
        let v = self.ok(&[("KLUIS_PASSPHRASE", pass)], &["init"]);
        v["recovery_key"].as_str().unwrap().to_owned()
    }

    fn add(&self, pass: &str, name: &str) -> String {
        let v = self.ok(&[("KLUIS_PASSPHRASE", pass)], &["contact", "add", "--name", name]);
        v["id"].to_string()
    }

    fn names(&self, dir: &Path, pass: &str) -> Vec<String> {
        let out = self.at(dir, &[("KLUIS_PASSPHRASE", pass)], &["contact", "list"]);
        assert!(out.status.success(), "list: {}", stderr(&out));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let items = v.get("items").unwrap_or(&v).as_array().unwrap().clone();
        let mut n: Vec<String> =
            items.iter().map(|c| c["name"].as_str().unwrap().to_owned()).collect();
        n.sort();
        n
    }

    fn backup(&self, pass: &str, file: &Path) {
        self.ok(&[("KLUIS_PASSPHRASE", pass)], &["backup", "--out", file.to_str().unwrap()]);
    }

    fn three_clients(&self, pass: &str) -> String {
        self.add(pass, "Anna Blijft");
        let gone = self.add(pass, "Bram Gewist");
        self.add(pass, "Cees Blijft");
        gone
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap()
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// init(P1), 3 contacts, backup, `passphrase change` to P2, erase one, restore the old backup:
/// the current secret (P2) is needed, the erased person stays erased, P2 still opens the vault
/// and P1 does not.
#[test]
fn restore_after_a_passphrase_change_keeps_the_erasure_and_the_current_passphrase() {
    let cli = Cli::new();
    let recovery = cli.init(PASS);
    let gone = cli.three_clients(PASS);
    let old = cli.path("backups/old.kluisbackup");
    std::fs::create_dir_all(old.parent().unwrap()).unwrap();
    cli.backup(PASS, &old);
    let env = [("KLUIS_PASSPHRASE", PASS), ("KLUIS_NEW_PASSPHRASE", P2)];
    cli.ok(&env, &["passphrase", "change"]);
    cli.ok(&[("KLUIS_PASSPHRASE", P2)], &["contact", "erase", &gone, "--yes"]);
    let o = old.to_str().unwrap();

    // With only the backup's (retired) passphrase: refused, the vault byte-identical.
    let before = snapshot(&cli.dir());
    let out = cli.run(&[("KLUIS_PASSPHRASE", PASS)], &["restore", o, "--yes"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert_eq!(snapshot(&cli.dir()), before, "the vault is untouched");

    let env = [("KLUIS_PASSPHRASE", P2), ("KLUIS_BACKUP_PASSPHRASE", PASS)];
    let r = cli.ok(&env, &["restore", o, "--yes"]);
    assert_eq!(r["erasures_reapplied"], 1, "{r}");
    assert_eq!(cli.names(&cli.dir(), P2), ["Anna Blijft", "Cees Blijft"]);
    assert_eq!(code(&cli.run(&[("KLUIS_PASSPHRASE", PASS)], &["contact", "list"])), 3);
    // The recovery key (unchanged by a passphrase change) still works.
    let env = [("KLUIS_RECOVERY_KEY", recovery.as_str()), ("KLUIS_NEW_PASSPHRASE", P2)];
    cli.ok(&env, &["unlock-recovery"]);
}

/// The same after `rotate-key`: the pre-rotation passphrase and recovery key stay retired,
/// the new ones open the restored vault, and the erasure after the rotation stays.
#[test]
fn restore_after_a_key_rotation_keeps_the_erasure_and_the_new_secrets() {
    let cli = Cli::new();
    let old_recovery = cli.init(PASS);
    let gone = cli.three_clients(PASS);
    let old = cli.path("backups/old.kluisbackup");
    std::fs::create_dir_all(old.parent().unwrap()).unwrap();
    cli.backup(PASS, &old);
    let env = [("KLUIS_PASSPHRASE", PASS), ("KLUIS_NEW_PASSPHRASE", P2)];
    let new_recovery = cli.ok(&env, &["rotate-key"])["recovery_key"].as_str().unwrap().to_owned();
    cli.ok(&[("KLUIS_PASSPHRASE", P2)], &["contact", "erase", &gone, "--yes"]);
    let o = old.to_str().unwrap();

    let env = [("KLUIS_PASSPHRASE", P2), ("KLUIS_BACKUP_PASSPHRASE", PASS)];
    let r = cli.ok(&env, &["restore", o, "--yes"]);
    assert_eq!(r["erasures_reapplied"], 1, "{r}");
    assert_eq!(cli.names(&cli.dir(), P2), ["Anna Blijft", "Cees Blijft"]);
    assert_eq!(code(&cli.run(&[("KLUIS_PASSPHRASE", PASS)], &["contact", "list"])), 3);
    let env = [("KLUIS_RECOVERY_KEY", old_recovery.as_str()), ("KLUIS_NEW_PASSPHRASE", P2)];
    assert_eq!(code(&cli.run(&env, &["unlock-recovery"])), 3, "the old recovery key is retired");
    let env = [("KLUIS_RECOVERY_KEY", new_recovery.as_str()), ("KLUIS_NEW_PASSPHRASE", P2)];
    cli.ok(&env, &["unlock-recovery"]);
}

/// A locked vault cannot be replaced by another vault's backup with only that backup's
/// passphrase; with the current passphrase the other vault is named and needs --other-vault.
#[test]
fn a_locked_vault_is_not_replaced_by_another_vaults_backup_without_its_secret() {
    let cli = Cli::new();
    cli.init(PASS);
    cli.add(PASS, "Eigen Klant");
    let elsewhere = cli.path("other-vault");
    let out = cli.at(&elsewhere, &[("KLUIS_PASSPHRASE", OTHER_PASS)], &["init"]);
    assert!(out.status.success());
    let out =
        cli.at(&elsewhere, &[("KLUIS_PASSPHRASE", OTHER_PASS)], &["contact", "add", "--name", "X"]);
    assert!(out.status.success());
    let theirs = cli.path("theirs.kluisbackup");
    let t = theirs.to_str().unwrap();
    let out = cli.at(&elsewhere, &[("KLUIS_PASSPHRASE", OTHER_PASS)], &["backup", "--out", t]);
    assert!(out.status.success());

    let before = snapshot(&cli.dir());
    let out = cli.run(&[("KLUIS_PASSPHRASE", OTHER_PASS)], &["restore", t, "--yes"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert_eq!(snapshot(&cli.dir()), before);
    let env = [("KLUIS_PASSPHRASE", PASS), ("KLUIS_BACKUP_PASSPHRASE", OTHER_PASS)];
    let out = cli.run(&env, &["restore", t, "--yes"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("another vault") && stderr(&out).contains("--other-vault"));
    assert_eq!(snapshot(&cli.dir()), before);
    cli.ok(&env, &["restore", t, "--yes", "--other-vault"]);
    // The replaced vault is kept until the restored one is unlocked.
    let prev = cli.path("vault.previous");
    assert!(prev.join("kluis.db").is_file(), "the replaced vault is kept");
    assert_eq!(cli.names(&cli.dir(), OTHER_PASS), ["X"]);
    assert!(!prev.exists(), "removed after the first unlock");
}

/// A new laptop: an old backup restored while a newer one (made after the erasure and after a
/// passphrase change) lies beside it — the newer one opens with the data key; after a key
/// rotation it needs KLUIS_NEWER_PASSPHRASE, else the restore stops naming the file.
#[test]
fn newer_backups_are_read_with_whatever_key_opens_them() {
    let cli = Cli::new();
    cli.set_now("2026-03-01T09:00:00Z");
    cli.init(PASS);
    let gone = cli.three_clients(PASS);
    let usb = cli.path("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let old = usb.join("zz-oldest-name.kluisbackup");
    cli.backup(PASS, &old);
    let env = [("KLUIS_PASSPHRASE", PASS), ("KLUIS_NEW_PASSPHRASE", P2)];
    cli.ok(&env, &["passphrase", "change"]);
    cli.ok(&[("KLUIS_PASSPHRASE", P2)], &["contact", "erase", &gone, "--yes"]);
    // Newer by its creation time, whatever its name says.
    cli.set_now("2026-03-05T10:00:00Z");
    cli.backup(P2, &usb.join("aa-newer.kluisbackup"));
    std::fs::write(usb.join("notes.txt"), "not a backup").unwrap();
    let o = old.to_str().unwrap();

    let laptop = cli.path("laptop/vault");
    let out = cli.at(&laptop, &[("KLUIS_PASSPHRASE", PASS)], &["restore", o]);
    assert!(out.status.success(), "{}", stderr(&out));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["erasures_reapplied"], 1, "{r}");
    assert!(r["ignored_files"].to_string().contains("notes.txt"), "{r}");
    assert_eq!(cli.names(&laptop, PASS), ["Anna Blijft", "Cees Blijft"]);
    assert_eq!(mode(&laptop), 0o700);
    assert_eq!(mode(&laptop.join("kluis.db")), 0o600, "the restored database is private too");

    // After a rotation the newer backup has another data key.
    let env = [("KLUIS_PASSPHRASE", P2), ("KLUIS_NEW_PASSPHRASE", OTHER_PASS)];
    cli.ok(&env, &["rotate-key"]);
    let gone2 = cli.names(&cli.dir(), OTHER_PASS);
    assert_eq!(gone2.len(), 2);
    let list = cli.ok(&[("KLUIS_PASSPHRASE", OTHER_PASS)], &["contact", "list"]);
    let items = list.get("items").unwrap_or(&list).as_array().unwrap().clone();
    let cees = items.iter().find(|c| c["name"] == "Cees Blijft").unwrap()["id"].to_string();
    cli.ok(&[("KLUIS_PASSPHRASE", OTHER_PASS)], &["contact", "erase", &cees, "--yes"]);
    cli.set_now("2026-03-06T10:00:00Z");
    cli.backup(OTHER_PASS, &usb.join("ab-rotated.kluisbackup"));
    let laptop2 = cli.path("laptop2/vault");
    let out = cli.at(&laptop2, &[("KLUIS_PASSPHRASE", PASS)], &["restore", o]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("ab-rotated.kluisbackup"), "{}", stderr(&out));
    assert!(stderr(&out).contains("KLUIS_NEWER_PASSPHRASE"), "{}", stderr(&out));
    assert!(!laptop2.exists(), "nothing written");
    let env = [("KLUIS_PASSPHRASE", PASS), ("KLUIS_NEWER_PASSPHRASE", OTHER_PASS)];
    let r =
        serde_json::from_slice::<Value>(&cli.at(&laptop2, &env, &["restore", o]).stdout).unwrap();
    assert_eq!(r["erasures_reapplied"], 2, "{r}");
    assert_eq!(cli.names(&laptop2, PASS), ["Anna Blijft"]);
    let laptop3 = cli.path("laptop3/vault");
    let out = cli.at(
        &laptop3,
        &[("KLUIS_PASSPHRASE", PASS)],
        &["restore", o, "--accept-unreadable-newer"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(r["unreadable_newer"].to_string().contains("ab-rotated"), "{r}");
}

/// Restore keeps the vault folder 0700 and `settings.json`; the previous vault is kept until
/// the next unlock; a `.previous` / `.restoring` folder the user made is never deleted.
#[test]
fn restore_keeps_permissions_settings_and_foreign_folders() {
    let cli = Cli::new();
    cli.init(PASS);
    cli.add(PASS, "Anna Blijft");
    let file = cli.path("b.kluisbackup");
    cli.backup(PASS, &file);
    std::fs::write(cli.dir().join("settings.json"), r#"{"language":"en","auto_lock_minutes":3}"#)
        .unwrap();
    let f = file.to_str().unwrap();
    assert_eq!(mode(&cli.dir().join("kluis.db")), 0o600, "a new vault's database is private");
    cli.ok(&[("KLUIS_PASSPHRASE", PASS)], &["restore", f, "--yes"]);
    assert_eq!(mode(&cli.dir()), 0o700);
    assert_eq!(mode(&cli.dir().join("kluis.db")), 0o600);
    let s = std::fs::read_to_string(cli.dir().join("settings.json")).unwrap();
    assert!(s.contains("\"en\""), "{s}");
    assert!(cli.path("vault.previous").is_dir());
    cli.names(&cli.dir(), PASS);
    assert!(!cli.path("vault.previous").exists());

    // Folders the user made with these names are not this vault's: left alone.
    for name in ["vault.previous", "vault.restoring"] {
        let mine = cli.path(name);
        std::fs::create_dir_all(&mine).unwrap();
        std::fs::write(mine.join("eigen.txt"), "van mij").unwrap();
    }
    cli.names(&cli.dir(), PASS);
    for name in ["vault.previous", "vault.restoring"] {
        assert!(cli.path(name).join("eigen.txt").is_file(), "{name} was deleted");
    }
}

/// Automatic-backup pruning deletes only this vault's backups (by the vault id in the header),
/// and the test-restore folder is private.
#[test]
fn pruning_keeps_other_vaults_backups() {
    let cli = Cli::new();
    cli.set_now("2026-03-01T09:00:00Z");
    cli.init(PASS);
    cli.add(PASS, "Anna Blijft");
    let folder = cli.path("auto");
    std::fs::create_dir_all(&folder).unwrap();
    let elsewhere = cli.path("other");
    let out = cli.at(&elsewhere, &[("KLUIS_PASSPHRASE", OTHER_PASS)], &["init"]);
    assert!(out.status.success());
    let foreign = folder.join("kluis-20000101-000000.kluisbackup");
    let out = cli.at(
        &elsewhere,
        &[("KLUIS_PASSPHRASE", OTHER_PASS)],
        &["backup", "--out", foreign.to_str().unwrap()],
    );
    assert!(out.status.success());
    let d = folder.to_str().unwrap();
    cli.ok(&[("KLUIS_PASSPHRASE", PASS)], &["backup-settings", "--dir", d, "--keep", "1"]);
    for day in 2..=4 {
        cli.set_now(&format!("2026-03-{day:02}T09:30:00Z"));
        cli.ok(&[("KLUIS_PASSPHRASE", PASS)], &["backup", "--auto"]);
    }
    assert!(foreign.is_file(), "another vault's backup was deleted");
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

/// The test restore's temporary folder is private to the user while it holds the vault.
#[test]
fn the_test_restore_folder_is_private() {
    use kluis::app::restore;
    use kluis::domain::backup::{self, BackupSecret, Step};
    let (t, mut v) = new_vault();
    let folder = t.tmp.path().join("auto");
    std::fs::create_dir_all(&folder).unwrap();
    backup::create(&mut v, &folder.join("kluis-20260301-093000.kluisbackup"), &mut |_| {}).unwrap();
    v.lock();
    let mut seen = Vec::new();
    restore::test_restore(&folder, &BackupSecret::Passphrase(PASS), clock(), &mut |p| {
        if p.step == Step::Check && p.done == 0 {
            for e in std::fs::read_dir(std::env::temp_dir()).unwrap().flatten() {
                if e.file_name().to_string_lossy().starts_with("kluis-test-restore-") {
                    seen.push(mode(&e.path()));
                }
            }
        }
    })
    .unwrap();
    assert!(!seen.is_empty(), "the temporary folder was not found");
    assert!(seen.iter().all(|m| *m == 0o700), "modes {seen:?}");
}

/// A restore killed right after it made `<dir>.restoring`, before it wrote anything into it,
/// leaves an empty folder that carries no vault id: opening the vault clears it (it can hold
/// nothing of anyone's), and the next restore is not refused for it. Found by the crash
/// campaign (seed 1796199369973329647).
#[test]
fn an_empty_restoring_folder_left_by_a_kill_is_cleared_on_opening() {
    let cli = Cli::new();
    cli.init(PASS);
    cli.add(PASS, "Anna Blijft");
    let file = cli.path("b.kluisbackup");
    cli.backup(PASS, &file);
    let left = cli.path("vault.restoring");
    std::fs::create_dir_all(&left).unwrap();
    cli.names(&cli.dir(), PASS);
    assert!(!left.exists(), "the empty folder a kill left is still there");
    std::fs::create_dir_all(&left).unwrap();
    cli.ok(&[("KLUIS_PASSPHRASE", PASS)], &["restore", file.to_str().unwrap(), "--yes"]);
}
