//! Encrypted backups: round trip, every damage refused with the live vault untouched, erasures
//! re-applied on restore (from the live vault and from newer backups), and a crash at each
//! restore step leaves a vault that opens.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use kluis::app::unlock::unlock;
use kluis::app::{erase, restore};
use kluis::domain::backup::auto::When;
use kluis::domain::backup::{self, BackupSecret, Progress, Step};
use kluis::domain::contacts::{self, ContactInput, Relationship};
use kluis::{Error, Vault};

fn client(v: &mut Vault, name: &str) -> i64 {
    let mut c = ContactInput::new(name);
    c.relationship = Relationship::Client;
    contacts::create(v, &c, false).unwrap()
}

/// Restoring over the test vault needs its current passphrase (ignored where there is none).
fn current() -> restore::Options<'static> {
    restore::Options { current: Some(restore::Current::Passphrase(PASS)), ..Default::default() }
}

fn names(dir: &Path) -> Vec<String> {
    let v = unlock(dir, PASS, clock(), "test").unwrap().vault;
    let mut n: Vec<String> =
        contacts::list(&v, None, None, 0).unwrap().items.into_iter().map(|c| c.name).collect();
    n.sort();
    n
}

#[test]
fn round_trip_and_every_kind_of_damage_is_refused() {
    let (t, mut v) = new_vault();
    for i in 0..30 {
        client(&mut v, &format!("Klant {i}"));
    }
    let file = t.tmp.path().join("a.kluisbackup");
    backup::create(&mut v, &file, &mut |_| {}).unwrap();
    v.lock();
    let good = std::fs::read(&file).unwrap();
    let pass = BackupSecret::Passphrase(PASS);
    assert!(backup::open(&good, &pass, &mut |_| {}).is_ok());
    assert!(backup::open(&good, &BackupSecret::RecoveryKey(&t.recovery_key), &mut |_| {}).is_ok());
    assert!(matches!(
        backup::open(&good, &BackupSecret::Passphrase("helemaal-niet-goed"), &mut |_| {}),
        Err(Error::WrongPassphrase)
    ));
    let live = snapshot(&t.dir());
    let step = (good.len() / 97).max(1);
    let mut checked = 0;
    for pos in (0..good.len()).step_by(step).chain([0, 8, 12, good.len() - 1]) {
        let mut bad = good.clone();
        bad[pos] ^= 0x01;
        let e = backup::open(&bad, &pass, &mut |_| {})
            .err()
            .unwrap_or_else(|| panic!("flip at {pos} accepted"));
        assert!(
            matches!(e, Error::Integrity(_) | Error::WrongPassphrase | Error::NewerSchema { .. }),
            "{pos}: {e:?}"
        );
        checked += 1;
    }
    assert!(checked > 90);
    for len in [0, 5, 13, good.len() / 2, good.len() - 1] {
        assert!(
            matches!(backup::open(&good[..len], &pass, &mut |_| {}), Err(Error::Integrity(_))),
            "truncated to {len}"
        );
    }
    // A header that claims a huge body (it is authenticated only with the body) is refused
    // without trying to allocate it.
    let (mut header, start) = backup::read_header(&good).unwrap();
    header.body_len = 1 << 60;
    header.chunks = 1 << 40;
    let json = serde_json::to_vec(&header).unwrap();
    let mut forged = good[..9].to_vec();
    forged.extend_from_slice(&(json.len() as u32).to_le_bytes());
    forged.extend_from_slice(&json);
    forged.extend_from_slice(&good[start..]);
    assert!(matches!(backup::open(&forged, &pass, &mut |_| {}), Err(Error::Integrity(_))));
    let mut longer = good.clone();
    longer.push(0);
    assert!(matches!(backup::open(&longer, &pass, &mut |_| {}), Err(Error::Integrity(_))));
    // A damaged file is refused by restore before the live vault is touched.
    let bad_file = t.tmp.path().join("bad.kluisbackup");
    let mut bad = good.clone();
    bad[good.len() / 2] ^= 0x80;
    std::fs::write(&bad_file, &bad).unwrap();
    assert!(restore::restore(&bad_file, &t.dir(), &pass, &current(), clock(), "test", &mut |_| {})
        .is_err());
    assert_eq!(snapshot(&t.dir()), live, "the live vault changed");
    // The good one restores with equal content.
    let r =
        restore::restore(&file, &t.dir(), &pass, &current(), clock(), "test", &mut |_| {}).unwrap();
    assert_eq!(r.contacts, 30);
    assert_eq!(names(&t.dir()).len(), 30);
}

#[test]
fn an_erasure_after_the_backup_is_reapplied_on_restore() {
    let (t, mut v) = new_vault();
    client(&mut v, "Anna Blijft");
    let gone = client(&mut v, "Bram Gewist");
    let old = t.tmp.path().join("backups/old.kluisbackup");
    std::fs::create_dir_all(old.parent().unwrap()).unwrap();
    backup::create(&mut v, &old, &mut |_| {}).unwrap();
    erase::erase(&mut v, gone, None, false).unwrap();
    v.lock();
    let r = restore::restore(
        &old,
        &t.dir(),
        &BackupSecret::Passphrase(PASS),
        &current(),
        clock(),
        "test",
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(r.erasures_reapplied, 1);
    assert_eq!(names(&t.dir()), ["Anna Blijft"]);
}

#[test]
fn a_new_laptop_restoring_an_old_backup_takes_erasures_from_newer_backups() {
    let (t, mut v) = new_vault();
    client(&mut v, "Anna Blijft");
    let gone = client(&mut v, "Bram Gewist");
    let folder = t.tmp.path().join("usb");
    std::fs::create_dir_all(&folder).unwrap();
    backup::create(&mut v, &folder.join("1-old.kluisbackup"), &mut |_| {}).unwrap();
    v.lock();
    let later = kluis::Clock::fixed_from_rfc3339("2026-03-02T10:00:00Z").unwrap();
    let mut v = unlock(&t.dir(), PASS, later, "test").unwrap().vault;
    erase::erase(&mut v, gone, None, false).unwrap();
    backup::create(&mut v, &folder.join("2-new.kluisbackup"), &mut |_| {}).unwrap();
    v.lock();
    // The laptop is lost: restore the OLD backup into a fresh folder.
    let laptop = t.tmp.path().join("new-laptop/vault");
    let r = restore::restore(
        &folder.join("1-old.kluisbackup"),
        &laptop,
        &BackupSecret::Passphrase(PASS),
        &current(),
        later,
        "test",
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(r.erasures_reapplied, 1);
    assert_eq!(names(&laptop), ["Anna Blijft"]);
}

#[test]
fn an_erasure_is_reapplied_even_after_the_deletion_log_was_pruned() {
    let (t, mut v) = new_vault();
    client(&mut v, "Anna Blijft");
    let gone = client(&mut v, "Bram Gewist");
    let old = t.tmp.path().join("backups/old.kluisbackup");
    std::fs::create_dir_all(old.parent().unwrap()).unwrap();
    backup::create(&mut v, &old, &mut |_| {}).unwrap();
    erase::erase(&mut v, gone, None, false).unwrap();
    v.lock();
    // Six years on, the start-up purge has pruned the deletion log (records: five years).
    let later = kluis::Clock::fixed_from_rfc3339("2032-03-02T10:00:00Z").unwrap();
    let v = unlock(&t.dir(), PASS, later, "test").unwrap().vault;
    let log = kluis::domain::retention::deletion_log(v.conn()).unwrap();
    assert!(log.iter().all(|e| e.trigger != "erasure"), "the erasure is still in the log");
    v.lock();
    let r = restore::restore(
        &old,
        &t.dir(),
        &BackupSecret::Passphrase(PASS),
        &current(),
        later,
        "test",
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(r.erasures_reapplied, 1);
    let v = unlock(&t.dir(), PASS, later, "test").unwrap().vault;
    let left = contacts::list(&v, None, None, 0).unwrap().items;
    assert!(left.iter().all(|c| c.id != gone && c.name != "Bram Gewist"));
}

#[test]
fn a_crash_at_any_restore_step_leaves_a_vault_that_opens() {
    for step in ["written", "checked", "reapplied", "complete", "moved-old", "moved-new"] {
        let (t, mut v) = new_vault();
        client(&mut v, "Oud Gegeven");
        let file = t.tmp.path().join("b.kluisbackup");
        backup::create(&mut v, &file, &mut |_| {}).unwrap();
        client(&mut v, "Na De Backup");
        v.lock();
        let out = Command::new(env!("CARGO_BIN_EXE_kluis"))
            .args([
                "--vault",
                t.dir().to_str().unwrap(),
                "restore",
                file.to_str().unwrap(),
                "--yes",
            ])
            .env("KLUIS_PASSPHRASE", PASS)
            .env("KLUIS_TEST_CRASH_AT", step)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{step}: the process should have been killed");
        let n = names(&t.dir());
        let before_swap = ["written", "checked", "reapplied", "complete"].contains(&step);
        if before_swap {
            assert_eq!(n, ["Na De Backup", "Oud Gegeven"], "{step}: the old vault stays");
        } else {
            assert_eq!(n, ["Oud Gegeven"], "{step}: the restored vault is in place");
        }
        let parent = t.dir().parent().unwrap().to_path_buf();
        let leftovers: Vec<_> = std::fs::read_dir(&parent)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("vault."))
            .collect();
        assert!(leftovers.is_empty(), "{step}: left {leftovers:?}");
    }
}

#[test]
fn the_cli_backs_up_verifies_and_restores_into_an_empty_folder_without_yes() {
    let (t, mut v) = new_vault();
    client(&mut v, "Via De Cli");
    v.lock();
    let file = t.tmp.path().join("c.kluisbackup");
    let kluis = |args: &[&str], dir: &Path| {
        Command::new(env!("CARGO_BIN_EXE_kluis"))
            .arg("--vault")
            .arg(dir)
            .args(args)
            .env("KLUIS_PASSPHRASE", PASS)
            .output()
            .unwrap()
    };
    assert!(kluis(&["backup", "--out", file.to_str().unwrap()], &t.dir()).status.success());
    assert!(kluis(&["verify-backup", file.to_str().unwrap()], &t.dir()).status.success());
    let fresh = t.tmp.path().join("fresh");
    let out = kluis(&["restore", file.to_str().unwrap()], &fresh);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(names(&fresh), ["Via De Cli"]);
    // Over an existing vault it needs --yes.
    let out = kluis(&["restore", file.to_str().unwrap()], &t.dir());
    assert_eq!(out.status.code(), Some(2));
    let mut damaged = std::fs::read(&file).unwrap();
    damaged.truncate(damaged.len() - 3);
    std::fs::write(&file, damaged).unwrap();
    assert_eq!(kluis(&["verify-backup", file.to_str().unwrap()], &t.dir()).status.code(), Some(4));
    // Some other file picked by mistake: refused by its first bytes, before it is read whole.
    let film = t.tmp.path().join("vakantie.mp4");
    std::fs::write(&film, vec![7u8; 3_000_000]).unwrap();
    let out = kluis(&["restore", film.to_str().unwrap()], &t.tmp.path().join("elders"));
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Kluis backup file"));
}

#[test]
fn automatic_backups_follow_the_schedule_keep_the_newest_and_test_restore() {
    let (t, mut v) = new_vault();
    client(&mut v, "Automatisch Bewaard");
    let folder = t.tmp.path().join("auto");
    std::fs::create_dir_all(&folder).unwrap();
    let settings = backup::auto::BackupSettings {
        dir: Some(folder.to_string_lossy().into()),
        keep: 3,
        every_hours: 24,
    };
    v.write(|tx, c| backup::auto::set_settings(tx, c, &settings)).unwrap();
    assert!(backup::auto::status(v.conn(), v.now()).unwrap().overdue, "no backup yet");
    assert!(backup::auto::run(&mut v, When::Due, &mut |_| {}).unwrap().is_some());
    assert!(
        backup::auto::run(&mut v, When::Due, &mut |_| {}).unwrap().is_none(),
        "not due again within a day"
    );
    // Closing the app backs up only what changed since the last backup.
    assert!(backup::auto::run(&mut v, When::Exit, &mut |_| {}).unwrap().is_none(), "nothing new");
    client(&mut v, "Vandaag Toegevoegd");
    assert!(backup::auto::run(&mut v, When::Exit, &mut |_| {}).unwrap().is_some(), "new client");
    assert!(backup::auto::run(&mut v, When::Exit, &mut |_| {}).unwrap().is_none(), "saved");
    // A session that only opens the vault and looks at a contact changes nothing.
    v.lock();
    let mut v = unlock(&t.dir(), PASS, clock(), "test").unwrap().vault;
    let id = contacts::list(&v, None, None, 0).unwrap().items[0].id;
    contacts::show(&mut v, id).unwrap();
    assert!(backup::auto::run(&mut v, When::Exit, &mut |_| {}).unwrap().is_none(), "looked only");
    assert!(!backup::auto::status(v.conn(), v.now()).unwrap().overdue);
    v.lock();
    for day in 2..=6 {
        let when =
            kluis::Clock::fixed_from_rfc3339(&format!("2026-03-{day:02}T09:30:00Z")).unwrap();
        let mut v = unlock(&t.dir(), PASS, when, "test").unwrap().vault;
        assert!(backup::auto::run(&mut v, When::Due, &mut |_| {}).unwrap().is_some(), "day {day}");
        v.lock();
    }
    let kept = backup::auto::list(&folder).unwrap();
    assert_eq!(kept.len(), 3, "only the newest 3 are kept");
    assert!(kept.last().unwrap().to_string_lossy().contains("20260306"));
    let live = snapshot(&t.dir());
    let r = restore::test_restore(&folder, &BackupSecret::Passphrase(PASS), clock(), &mut |_| {})
        .unwrap();
    assert_eq!(r.contacts, 2);
    assert_eq!(snapshot(&t.dir()), live, "a test restore leaves the live vault alone");
    let bad = backup::auto::BackupSettings {
        dir: Some("/nonexistent/kluis".into()),
        keep: 3,
        every_hours: 24,
    };
    let mut v = unlock(&t.dir(), PASS, clock(), "test").unwrap().vault;
    assert!(v.write(|tx, c| backup::auto::set_settings(tx, c, &bad)).is_err());
}

#[test]
fn a_backup_reports_its_progress_in_order_up_to_the_whole_size() {
    let (t, mut v) = new_vault();
    client(&mut v, "Voortgang Getoond");
    let file = t.tmp.path().join("p.kluisbackup");
    let mut seen: Vec<Progress> = Vec::new();
    let h = backup::create(&mut v, &file, &mut |p| seen.push(p)).unwrap();
    v.lock();
    assert_eq!(seen.first().map(|p| p.step), Some(Step::Snapshot));
    let last = seen.last().unwrap();
    assert_eq!((last.step, last.done, last.total), (Step::Encrypt, h.body_len, h.body_len));
    assert!(seen.windows(2).all(|w| w[0].step != w[1].step || w[0].done <= w[1].done));
    let mut seen: Vec<Progress> = Vec::new();
    let laptop = t.tmp.path().join("elsewhere/vault");
    let pass = BackupSecret::Passphrase(PASS);
    restore::restore(&file, &laptop, &pass, &current(), clock(), "test", &mut |p| seen.push(p))
        .unwrap();
    let steps: Vec<Step> = seen.iter().map(|p| p.step).fold(Vec::new(), |mut v, s| {
        if v.last() != Some(&s) {
            v.push(s);
        }
        v
    });
    use Step::*;
    assert_eq!(steps, [Verify, Write, Check, Erasures, Purge, Swap]);
    assert!(seen.iter().any(|p| p.step == Verify && p.done == h.body_len));
    assert_eq!(seen.last().map(|p| (p.done, p.total)), Some((1, 1)));
}

/// The scale: a 100,000-contact vault (`kluis demo`) backed up and restored onto a new
/// laptop through the CLI, with progress shown and every contact back.
#[test]
fn a_hundred_thousand_contacts_back_up_and_restore_with_progress() {
    let t = tempfile::tempdir().unwrap();
    let (live, laptop, file) =
        (t.path().join("live"), t.path().join("laptop"), t.path().join("big.kluisbackup"));
    let kluis = |dir: &Path, args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_kluis"))
            .args(["--now", "2026-03-01T09:30:00Z", "--vault"])
            .arg(dir)
            .args(args)
            .env("KLUIS_PASSPHRASE", PASS)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{args:?}: {stderr}");
        (serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap(), stderr)
    };
    let (demo, _) = kluis(&live, &["--json", "demo", "--contacts", "100000"]);
    assert_eq!(demo["contacts"], 100_000);
    let (made, progress) =
        kluis(&live, &["--json", "--progress", "backup", "--out", file.to_str().unwrap()]);
    assert!(made["bytes"].as_u64().unwrap() > 10_000_000, "{made}");
    for pct in ["10%", "50%", "100%"] {
        assert!(progress.contains(&format!("Encrypting the backup: {pct}")), "{progress}");
    }
    let (report, progress) =
        kluis(&laptop, &["--json", "--progress", "restore", file.to_str().unwrap()]);
    for line in ["Verifying the backup: 50%", "Verifying the backup: 100%", "Checking the restored"]
    {
        assert!(progress.contains(line), "{progress}");
    }
    assert_eq!(report["contacts"], 100_000, "{report}");
    assert_eq!(report["interactions"], demo["interactions"], "{report}");
    let (list, _) = kluis(&laptop, &["--json", "contact", "list", "--search", "jans"]);
    assert!(!list.as_array().unwrap().is_empty(), "{list}");
}

#[test]
fn the_backup_status_gives_one_warning_and_a_folder_that_cannot_be_written_is_refused() {
    use backup::auto::{set_settings, status, BackupSettings, BackupWarning};
    let (t, mut v) = new_vault();
    let folder = t.tmp.path().join("auto");
    std::fs::create_dir_all(&folder).unwrap();
    let settings =
        BackupSettings { dir: Some(folder.to_string_lossy().into()), keep: 3, every_hours: 24 };
    v.write(|tx, c| set_settings(tx, c, &settings)).unwrap();
    assert_eq!(status(v.conn(), v.now()).unwrap().warning, Some(BackupWarning::NoneYet));
    backup::auto::run(&mut v, When::Due, &mut |_| {}).unwrap();
    assert_eq!(status(v.conn(), v.now()).unwrap().warning, None);
    v.lock();
    let later = kluis::Clock::fixed_from_rfc3339("2026-03-03T09:30:00Z").unwrap();
    let v = unlock(&t.dir(), PASS, later, "test").unwrap().vault;
    let st = status(v.conn(), v.now()).unwrap();
    assert_eq!((st.overdue, st.warning), (true, Some(BackupWarning::OlderThanPlanned)));
    // A folder no file can be made in (even as root: /proc) is refused, naming the field.
    let mut v = v;
    let proc = BackupSettings { dir: Some("/proc".into()), ..settings };
    let e = v.write(|tx, c| set_settings(tx, c, &proc)).unwrap_err();
    assert_eq!(e.field(), Some("dir"));
    assert!(e.to_string().contains("cannot be written"), "{e}");
}
