//! The crash campaign (docs/SECURITY.md, "Crash safety"): the real `kluis` binary is killed
//! with SIGKILL at random moments (seeded delays; the seed is printed, rerun one with
//! `KLUIS_CRASH_SEED=N`) while it writes contacts, edits them and adds notes, runs a
//! retention purge, erases a person, writes a backup, restores one, changes the passphrase and
//! rotates the key. After every kill:
//!
//! - the vault opens with its current secret and passes `kluis check` (cipher_integrity_check,
//!   integrity_check, foreign_key_check, the audit chain);
//! - after a passphrase change or key rotation killed mid-way exactly one of the old and the
//!   new passphrase opens it, the other is refused as a wrong passphrase (exit 3): the new one
//!   is current once the new key file is in place (passphrase change) or the database is keyed
//!   with the new key (rotation), else the old one;
//! - every write a command reported as done (exit 0 before the kill) is there, and the write
//!   that was killed is there whole or not at all.
//!
//! Each operation runs in its own vault (four at a time) and asserts its number of kills; the
//! campaign asserts at least 100 in all. A quarter of the kills fall at a uniformly random
//! moment of the whole run (most in the start-up: key derivation, finishing an earlier
//! interrupted restore or rotation), the rest at a random moment after the command's first
//! write (the write-ahead log changing; for a rotation the new key file appearing, so they
//! fall in the re-key; for a restore the folder it builds in appearing), both scaled by the
//! durations the completed runs took.
//!
//! Also here: a rotation interrupted right after the re-key (made deterministically), and two
//! processes at once (the app writing while cron runs `kluis backup --auto`).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, Months, Utc};
use common::{Cli, OTHER_PASS, PASS};

/// splitmix64: a small seeded generator, enough for delays and choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The campaign's seed: KLUIS_CRASH_SEED, else the time.
fn base_seed() -> u64 {
    static SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *SEED.get_or_init(|| {
        std::env::var("KLUIS_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
            let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
            t.as_nanos() as u64
        })
    })
}

/// Each operation's own seed, derived from the campaign's.
fn seed(op: &str) -> u64 {
    op.bytes().fold(base_seed(), |h, b| h.rotate_left(7) ^ u64::from(b))
}

/// What one operation's campaign did.
struct Tally {
    op: &'static str,
    kills: u32,
    applied: u32,
    completed: u32,
    seconds: f64,
}

/// The whole campaign: every operation in its own vault, four at a time; at least 100 kills.
#[test]
fn crash_campaign_kills_the_cli_at_random_moments() {
    let seed = base_seed();
    println!("crash campaign: seed {seed} (rerun with KLUIS_CRASH_SEED={seed})");
    type Job = (&'static str, fn(u32) -> Tally, u32);
    let queue: Vec<Job> = vec![
        ("contact writes", contact_writes, 36),
        ("key rotation", key_rotation, 8),
        ("passphrase change", passphrase_change, 8),
        ("restore", restore, 12),
        ("purge", purge, 12),
        ("erasure", erasure, 12),
        ("backup", backup, 12),
    ];
    let queue = std::sync::Mutex::new(queue.into_iter());
    let start = Instant::now();
    let tallies: Vec<Tally> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let next = queue.lock().unwrap().next();
                        let Some((op, run, kills)) = next else { break done };
                        let t = std::panic::catch_unwind(|| run(kills)).unwrap_or_else(|e| {
                            let why = e
                                .downcast_ref::<String>()
                                .cloned()
                                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                                .unwrap_or_default();
                            panic!("crash campaign {op} (seed {seed}): {why}")
                        });
                        done.push(t);
                    }
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap()).collect()
    });
    let total: u32 = tallies.iter().map(|t| t.kills).sum();
    for t in &tallies {
        println!(
            "crash campaign {:<18} {:>3} kills ({:>2} after the change was in place), {:>3} runs \
             completed (a run takes about {:.2} s)",
            t.op, t.kills, t.applied, t.completed, t.seconds
        );
    }
    println!("crash campaign: {total} kills in {:.0} s", start.elapsed().as_secs_f64());
    assert!(total >= 100, "only {total} kills");
}

enum Run {
    /// Exited 0 before the kill: its stdout.
    Done(String),
    Killed,
}

/// A vault under attack: the CLI harness, the clock, the current passphrase and the counts.
struct Campaign {
    op: &'static str,
    cli: Cli,
    rng: Rng,
    now: DateTime<Utc>,
    pass: String,
    other: String,
    /// The expected duration of the operation, from the runs that completed: in all, and
    /// from its first write to its exit.
    estimate: f64,
    tail: f64,
    /// The file whose change marks the first write: the write-ahead log (None), or for a
    /// rotation the new key file written just before the re-key, for a restore the folder the
    /// restored vault is built in.
    trigger: Option<PathBuf>,
    kills: u32,
    /// Kills after which the operation's effect was found in place (it had committed).
    applied: u32,
    completed: u32,
    key: Option<(String, [u8; 32])>,
}

impl Campaign {
    fn new(op: &'static str) -> Campaign {
        let mut c = Campaign {
            op,
            cli: Cli::new(),
            rng: Rng(seed(op)),
            now: DateTime::parse_from_rfc3339("2026-01-05T09:00:00Z").unwrap().to_utc(),
            pass: PASS.to_owned(),
            other: OTHER_PASS.to_owned(),
            estimate: 0.5,
            tail: 0.2,
            trigger: None,
            kills: 0,
            applied: 0,
            completed: 0,
            key: None,
        };
        c.ok(&["init"]);
        c
    }

    fn dir(&self) -> PathBuf {
        self.cli.dir()
    }

    /// The command with the next minute as its clock and the current passphrase.
    fn cmd(&mut self, args: &[&str]) -> Command {
        self.now += chrono::Duration::minutes(1);
        let now = self.now.to_rfc3339();
        let mut all = vec!["--now", &now];
        all.extend_from_slice(args);
        let mut c = self.cli.cmd(&all);
        c.env("KLUIS_PASSPHRASE", &self.pass).env("KLUIS_NEW_PASSPHRASE", &self.other);
        c
    }

    fn ok(&mut self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}: kluis {args:?} failed: {}",
            self.op,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs the operation and kills it after a random delay (uniform over its expected
    /// duration); a run that ends first counts as done, and must have succeeded.
    fn attempt(&mut self, args: &[&str]) -> Run {
        // The first run is not killed: it measures how long the operation takes, in all and
        // from its first write (the write-ahead log changing) to its exit.
        let calibrated = self.completed > 0;
        // A quarter of the kills fall anywhere in the run (most in the start-up: key
        // derivation, finishing an interrupted restore or rotation); the rest in the writes.
        let anywhere = self.rng.unit() < 0.25;
        let delay = if anywhere {
            Duration::from_secs_f64((0.1 + 0.9 * self.rng.unit()) * self.estimate)
        } else {
            Duration::from_secs_f64(1.1 * self.rng.unit() * self.tail)
        };
        let wal = self.trigger.clone().unwrap_or_else(|| self.dir().join("kluis.db-wal"));
        let wal_state = || std::fs::metadata(&wal).ok().map(|m| (m.len(), m.modified().ok()));
        let before = wal_state();
        let mut child =
            self.cmd(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let start = Instant::now();
        let mut writing: Option<Instant> = None;
        loop {
            if child.try_wait().unwrap().is_some() {
                let out = child.wait_with_output().unwrap();
                let took = start.elapsed().as_secs_f64();
                let tail = writing.map_or(took, |w| w.elapsed().as_secs_f64());
                let mix = |old: f64, new: f64| if calibrated { 0.7 * old + 0.3 * new } else { new };
                self.estimate = mix(self.estimate, took);
                self.tail = mix(self.tail, tail);
                assert_success(self.op, args, &out);
                self.completed += 1;
                return Run::Done(String::from_utf8(out.stdout).unwrap());
            }
            if writing.is_none() && wal_state() != before {
                writing = Some(Instant::now());
            }
            let due = match (anywhere, writing) {
                (true, _) => start.elapsed() >= delay,
                (false, Some(w)) => w.elapsed() >= delay,
                (false, None) => false,
            };
            if calibrated && due {
                child.kill().unwrap(); // SIGKILL
                child.wait().unwrap();
                self.kills += 1;
                return Run::Killed;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// `kluis --json check` with a passphrase: its exit code (and the report passed).
    fn check_with(&mut self, pass: &str) -> i32 {
        let mut c = self.cmd(&["--json", "check"]);
        c.env("KLUIS_PASSPHRASE", pass);
        let out = c.output().unwrap();
        let code = out.status.code().unwrap_or(-1);
        if code == 0 {
            let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(report["ok"], true, "{}: {report}", self.op);
        } else {
            assert_eq!(
                code,
                3,
                "{}: kluis check failed after a kill: {}{}",
                self.op,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        code
    }

    /// After a kill: the vault opens with the current passphrase and passes `kluis check`.
    fn check(&mut self) {
        let pass = self.pass.clone();
        assert_eq!(
            self.check_with(&pass),
            0,
            "{}: the current passphrase no longer opens",
            self.op
        );
    }

    /// After a kill of a passphrase change or key rotation: exactly one of the old and the new
    /// passphrase opens the vault (and passes the check); it becomes the current one.
    fn check_either(&mut self) {
        let (old, new) = (self.pass.clone(), self.other.clone());
        match self.check_with(&old) {
            0 => assert_eq!(self.check_with(&new), 3, "{}: both passphrases open", self.op),
            _ => {
                assert_eq!(self.check_with(&new), 0, "{}: neither passphrase opens", self.op);
                assert_eq!(self.check_with(&old), 3, "{}: the old one opens again", self.op);
                self.swap();
                self.applied += 1;
            }
        }
    }

    fn swap(&mut self) {
        std::mem::swap(&mut self.pass, &mut self.other);
    }

    /// The database opened with the raw data key (from the key file and the passphrase; the
    /// key is derived again only when the key file's key check changed, after a rotation).
    fn db(&mut self) -> rusqlite::Connection {
        let dir = self.dir();
        let check = kluis::vault::keyfile::KeyFile::load(&dir).unwrap().key_check;
        if self.key.as_ref().is_none_or(|(k, _)| *k != check) {
            self.key = Some((check, common::data_key(&dir, &self.pass)));
        }
        let key = zeroize::Zeroizing::new(self.key.as_ref().unwrap().1);
        kluis::store::open(&dir.join("kluis.db"), &key, false).unwrap()
    }

    fn contacts(&mut self) -> BTreeMap<i64, String> {
        let conn = self.db();
        let mut s = conn.prepare("SELECT id, name FROM contacts").unwrap();
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
    }

    fn report(&self, at_least: u32) -> Tally {
        assert!(self.kills >= at_least, "{}: only {} kills", self.op, self.kills);
        Tally {
            op: self.op,
            kills: self.kills,
            applied: self.applied,
            completed: self.completed,
            seconds: self.estimate,
        }
    }
}

fn assert_success(op: &str, args: &[&str], out: &Output) {
    assert!(
        out.status.success(),
        "{op}: kluis {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn id_of(stdout: &str) -> i64 {
    stdout.trim().parse().unwrap()
}

/// Attempts are bounded, so a change that makes every run finish before its kill fails loudly.
const MAX_ATTEMPTS: u32 = 200;

// --- contact writes: add, edit, notes ---------------------------------------------------

enum Pending {
    Add(String),
    Edit(i64, String),
    Note(i64, String),
}

/// killed contact writes keep every reported write
fn contact_writes(kills: u32) -> Tally {
    let mut c = Campaign::new("contact writes");
    let mut contacts: BTreeMap<i64, String> = BTreeMap::new();
    let mut notes: BTreeSet<(i64, String)> = BTreeSet::new();
    let mut n = 0;
    let mut attempts = 0;
    while c.kills < kills && attempts < MAX_ATTEMPTS {
        attempts += 1;
        n += 1;
        let pick = if contacts.is_empty() { 0 } else { c.rng.below(3) };
        let ids: Vec<i64> = contacts.keys().copied().collect();
        let pending = match pick {
            0 => Pending::Add(format!("Persoon {n}")),
            1 => Pending::Edit(ids[c.rng.below(ids.len())], format!("Persoon {n} (gewijzigd)")),
            _ => Pending::Note(ids[c.rng.below(ids.len())], format!("Notitie {n}")),
        };
        let email = format!("p{n}@example.nl");
        let run = match &pending {
            Pending::Add(name) => c.attempt(&["contact", "add", "--name", name, "--email", &email]),
            Pending::Edit(id, name) => {
                c.attempt(&["contact", "edit", &id.to_string(), "--name", name])
            }
            Pending::Note(id, text) => {
                let id = id.to_string();
                c.attempt(&[
                    "interaction",
                    "add",
                    "--contact",
                    &id,
                    "--kind",
                    "note",
                    "--text",
                    text,
                ])
            }
        };
        match run {
            Run::Done(out) => match pending {
                Pending::Add(name) => {
                    contacts.insert(id_of(&out), name);
                }
                Pending::Edit(id, name) => {
                    contacts.insert(id, name);
                }
                Pending::Note(id, text) => {
                    notes.insert((id, text));
                }
            },
            Run::Killed => {
                c.check();
                let found = c.contacts();
                let conn = c.db();
                let found_notes: BTreeSet<(i64, String)> = conn
                    .prepare("SELECT contact_id, text FROM interactions")
                    .unwrap()
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect();
                drop(conn);
                // Every reported write is there; the killed one whole or not at all.
                for (id, name) in &contacts {
                    let now = found.get(id).unwrap_or_else(|| panic!("contact {id} is gone"));
                    let edited = matches!(&pending, Pending::Edit(e, new) if e == id && new == now);
                    assert!(now == name || edited, "contact {id}: {now:?}, expected {name:?}");
                }
                let extra: Vec<&String> = found
                    .iter()
                    .filter(|(id, _)| !contacts.contains_key(id))
                    .map(|(_, v)| v)
                    .collect();
                match &pending {
                    Pending::Add(name) => assert!(extra.is_empty() || extra == [name], "{extra:?}"),
                    _ => assert!(extra.is_empty(), "{extra:?}"),
                }
                assert!(notes.is_subset(&found_notes), "a reported note is gone");
                let new_notes: Vec<_> = found_notes.difference(&notes).collect();
                match &pending {
                    Pending::Note(id, text) => {
                        assert!(new_notes.is_empty() || new_notes == [&(*id, text.clone())])
                    }
                    _ => assert!(new_notes.is_empty(), "{new_notes:?}"),
                }
                if !extra.is_empty() || !new_notes.is_empty() || found != contacts {
                    c.applied += 1;
                }
                // What is there now is what later writes build on.
                contacts = found;
                notes = found_notes;
            }
        }
    }
    c.report(kills)
}

// --- a retention purge ------------------------------------------------------------------

/// killed purge removes all that is due or nothing
fn purge(kills: u32) -> Tally {
    let mut c = Campaign::new("purge");
    let client =
        id_of(&c.ok(&["contact", "add", "--name", "Vaste Klant", "--relationship", "client"]));
    let mut due: BTreeSet<i64> = BTreeSet::new();
    let mut n = 0;
    let mut attempts = 0;
    while c.kills < kills && attempts < MAX_ATTEMPTS {
        attempts += 1;
        if due.is_empty() {
            for _ in 0..2 {
                n += 1;
                let name = format!("Prospect {n}");
                due.insert(id_of(&c.ok(&[
                    "contact",
                    "add",
                    "--name",
                    &name,
                    "--relationship",
                    "prospect",
                ])));
            }
            // The prospects rule deletes after 24 months without contact.
            c.now = c.now.checked_add_months(Months::new(25)).unwrap();
        }
        match c.attempt(&["purge", "--yes"]) {
            Run::Done(_) => {
                let found = c.contacts();
                assert!(due.iter().all(|id| !found.contains_key(id)), "a due prospect stayed");
                due.clear();
            }
            Run::Killed => {
                c.check();
                let found = c.contacts();
                assert!(found.contains_key(&client), "the client was purged");
                let left: BTreeSet<i64> =
                    due.iter().copied().filter(|id| found.contains_key(id)).collect();
                assert!(
                    left.is_empty() || left == due,
                    "a purge was applied in part: {left:?} of {due:?}"
                );
                if left.is_empty() {
                    c.applied += 1;
                    due.clear();
                }
            }
        }
    }
    c.report(kills)
}

// --- an erasure -------------------------------------------------------------------------

/// killed erasure erases whole or not at all
fn erasure(kills: u32) -> Tally {
    let mut c = Campaign::new("erasure");
    let mut n = 0;
    let mut target: Option<i64> = None;
    let mut erased: Vec<i64> = Vec::new();
    let mut attempts = 0;
    while c.kills < kills && attempts < MAX_ATTEMPTS {
        attempts += 1;
        let id = match target {
            Some(id) => id,
            None => {
                n += 1;
                let (name, org, email) = (
                    format!("Te Wissen {n}"),
                    format!("Eenmanszaak {n}"),
                    format!("w{n}@example.nl"),
                );
                let id =
                    id_of(&c.ok(&[
                        "contact", "add", "--name", &name, "--email", &email, "--org", &org,
                    ]));
                let ids = id.to_string();
                c.ok(&[
                    "interaction",
                    "add",
                    "--contact",
                    &ids,
                    "--kind",
                    "call",
                    "--text",
                    "Belde",
                ]);
                target = Some(id);
                id
            }
        };
        let ids = id.to_string();
        let kills_before = c.kills;
        let run = c.attempt(&["contact", "erase", &ids, "--yes"]);
        if matches!(run, Run::Killed) {
            c.check();
        }
        let conn = c.db();
        let count = |sql: &str| -> i64 { conn.query_row(sql, [id], |r| r.get(0)).unwrap() };
        let person = count("SELECT count(*) FROM contacts WHERE id = ?1");
        let notes = count("SELECT count(*) FROM interactions WHERE contact_id = ?1");
        let tomb = count("SELECT count(*) FROM tombstones WHERE contact_id = ?1");
        let orgs: i64 = conn
            .query_row(
                "SELECT count(*) FROM organisations WHERE name = ?1",
                [format!("Eenmanszaak {n}")],
                |r| r.get(0),
            )
            .unwrap();
        let gone_before: i64 = erased
            .iter()
            .map(|e| {
                conn.query_row("SELECT count(*) FROM contacts WHERE id = ?1", [e], |r| {
                    r.get::<_, i64>(0)
                })
                .unwrap()
            })
            .sum();
        drop(conn);
        assert_eq!(gone_before, 0, "an erased person came back");
        match (run, person) {
            (Run::Done(_), _) | (Run::Killed, 0) => {
                assert_eq!((person, notes, tomb, orgs), (0, 0, 1, 0), "erasure left traces");
                c.applied += u32::from(c.kills > kills_before);
                erased.push(id);
                target = None;
            }
            (Run::Killed, _) => {
                assert_eq!((person, notes, tomb, orgs), (1, 1, 0, 1), "erased in part")
            }
        }
    }
    c.report(kills)
}

// --- a backup ---------------------------------------------------------------------------

fn verifies(backup: &Path, pass: &str) -> bool {
    let secret = kluis::domain::backup::BackupSecret::Passphrase(pass);
    kluis::domain::backup::verify(backup, &secret, &mut |_| {}).is_ok()
}

/// killed backup leaves no half file and the vault intact
fn backup(kills: u32) -> Tally {
    let mut c = Campaign::new("backup");
    let out_dir = c.cli.tmp.path().join("backups");
    std::fs::create_dir(&out_dir).unwrap();
    let mut contacts = BTreeMap::new();
    let mut leftovers = 0;
    let mut attempts = 0;
    while c.kills < kills && attempts < MAX_ATTEMPTS {
        attempts += 1;
        if attempts % 3 == 1 {
            let name = format!("Klant {attempts}");
            contacts.insert(id_of(&c.ok(&["contact", "add", "--name", &name])), name);
        }
        let file = out_dir.join(format!("b{attempts}.kluisbackup"));
        let run = c.attempt(&["backup", "--out", file.to_str().unwrap()]);
        if matches!(run, Run::Killed) {
            c.check();
        }
        let pass = c.pass.clone();
        match run {
            Run::Done(_) => assert!(verifies(&file, &pass), "a reported backup does not verify"),
            Run::Killed => {
                assert!(!file.exists() || verifies(&file, &pass), "a half backup");
                c.applied += u32::from(file.exists());
            }
        }
        assert_eq!(c.contacts(), contacts, "the backup changed the vault's data");
        // A killed backup may leave its temporary file (private, and never a backup's name).
        for e in std::fs::read_dir(&out_dir).unwrap() {
            let p = e.unwrap().path();
            if p.to_string_lossy().ends_with(".tmp") {
                use std::os::unix::fs::PermissionsExt;
                let mode = p.metadata().unwrap().permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "a temporary backup file is readable by others");
                leftovers += 1;
            }
            std::fs::remove_file(p).unwrap();
        }
    }
    println!("crash campaign backup: {leftovers} temporary files left by kills");
    c.report(kills)
}

// --- a restore --------------------------------------------------------------------------

/// killed restore leaves the old or the restored vault
fn restore(kills: u32) -> Tally {
    let mut c = Campaign::new("restore");
    c.trigger = Some(c.dir().with_file_name("vault.restoring"));
    let backups = c.cli.tmp.path().join("backups");
    std::fs::create_dir(&backups).unwrap();
    let backup = backups.join("r.kluisbackup");
    let backup_s = backup.to_str().unwrap().to_owned();
    let mut live = BTreeMap::new();
    for name in ["Eerste Klant", "Tweede Klant"] {
        live.insert(id_of(&c.ok(&["contact", "add", "--name", name])), name.to_owned());
    }
    c.ok(&["backup", "--out", &backup_s]);
    let mut in_backup = live.clone();
    let mut attempts = 0;
    while c.kills < kills && attempts < MAX_ATTEMPTS {
        attempts += 1;
        let name = format!("Later {attempts}");
        live.insert(id_of(&c.ok(&["contact", "add", "--name", &name])), name);
        if attempts % 4 == 0 {
            std::fs::remove_file(&backup).unwrap();
            c.ok(&["backup", "--out", &backup_s]);
            in_backup = live.clone();
        }
        let run = c.attempt(&["restore", &backup_s, "--yes"]);
        if matches!(run, Run::Killed) {
            c.check();
        }
        let found = c.contacts();
        match run {
            Run::Done(_) => assert_eq!(found, in_backup, "a reported restore is not in place"),
            Run::Killed => {
                assert!(found == live || found == in_backup, "neither vault: {found:?}");
                c.applied += u32::from(found != live);
            }
        }
        // After the vault was opened again, no half restore is left beside it.
        let name = c.dir().file_name().unwrap().to_string_lossy().into_owned();
        for suffix in ["restoring", "previous"] {
            let sibling = c.dir().with_file_name(format!("{name}.{suffix}"));
            if matches!(run, Run::Killed) {
                assert!(!sibling.exists(), "{} left after opening", sibling.display());
            }
        }
        live = found;
    }
    c.report(kills)
}

// --- a passphrase change and a key rotation ---------------------------------------------

/// killed passphrase change leaves exactly one passphrase
fn passphrase_change(kills: u32) -> Tally {
    let mut c = Campaign::new("passphrase change");
    let mut contacts = BTreeMap::new();
    contacts.insert(
        id_of(&c.ok(&["contact", "add", "--name", "Blijft Staan"])),
        "Blijft Staan".to_owned(),
    );
    let mut attempts = 0;
    while c.kills < kills && attempts < MAX_ATTEMPTS {
        attempts += 1;
        match c.attempt(&["passphrase", "change"]) {
            Run::Done(_) => c.swap(),
            Run::Killed => c.check_either(),
        }
        assert_eq!(c.contacts(), contacts);
    }
    c.report(kills)
}

/// killed key rotation leaves exactly one passphrase
fn key_rotation(kills: u32) -> Tally {
    let mut c = Campaign::new("key rotation");
    c.trigger = Some(c.dir().join("vault.json.next"));
    let mut contacts = BTreeMap::new();
    for name in ["Blijft Staan", "Ook Hier"] {
        contacts.insert(id_of(&c.ok(&["contact", "add", "--name", name])), name.to_owned());
    }
    let mut attempts = 0;
    while c.kills < kills && attempts < MAX_ATTEMPTS {
        attempts += 1;
        match c.attempt(&["rotate-key"]) {
            Run::Done(_) => c.swap(),
            Run::Killed => c.check_either(),
        }
        // Opening settled an interrupted rotation: one key file is left.
        assert!(!c.dir().join("vault.json.next").exists(), "vault.json.next left after opening");
        assert_eq!(c.contacts(), contacts);
    }
    c.report(kills)
}

/// The state a rotation killed after `PRAGMA rekey` committed and before the new key file
/// took the old one's place: the database keyed with the new key, `vault.json` the old one,
/// `vault.json.next` the new one. The old passphrase is refused as a wrong passphrase (not
/// reported as a damaged vault); the new one opens and settles the rotation.
#[test]
fn a_rotation_interrupted_after_the_rekey_opens_with_the_new_passphrase_only() {
    let cli = Cli::new();
    cli.ok(&["init"]);
    cli.ok(&["contact", "add", "--name", "Blijft Staan"]);
    let old = std::fs::read(cli.dir().join("vault.json")).unwrap();
    cli.cmd(&["rotate-key"]).env("KLUIS_NEW_PASSPHRASE", OTHER_PASS).output().unwrap();
    std::fs::rename(cli.dir().join("vault.json"), cli.dir().join("vault.json.next")).unwrap();
    std::fs::write(cli.dir().join("vault.json"), old).unwrap();

    let out = cli.run(&["check"]);
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(cli.dir().join("vault.json.next").exists(), "the old passphrase settled it");
    let out = cli.cmd(&["check"]).env("KLUIS_PASSPHRASE", OTHER_PASS).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!cli.dir().join("vault.json.next").exists());
    assert_eq!(cli.run(&["check"]).status.code(), Some(3));
}

// --- two processes at once --------------------------------------------------------------

/// The app holds the vault open and writes (here: this test process, through the same core
/// calls as the app's commands) while cron runs `kluis backup --auto` in another process:
/// every backup verifies, restores into a new folder that passes `kluis check`, and holds
/// every contact written before it started (and none that was never written).
#[test]
fn backup_auto_while_another_process_writes_verifies_and_restores_intact() {
    use kluis::domain::contacts::{self, ContactInput};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};

    const PAUSE_MS: u64 = 10;
    let cli = Cli::new();
    cli.ok(&["init"]);
    let backups = cli.tmp.path().join("backups");
    std::fs::create_dir(&backups).unwrap();
    cli.ok(&["backup-settings", "--dir", backups.to_str().unwrap(), "--keep", "5"]);

    let mut app =
        kluis::app::unlock::unlock(&cli.dir(), PASS, common::clock(), "app").unwrap().vault;
    let written = Arc::new(Mutex::new(Vec::<i64>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (written, stop) = (written.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut failures = Vec::new();
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                match contacts::create(
                    &mut app,
                    &ContactInput::new(&format!("Schrijver {n}")),
                    false,
                ) {
                    Ok(id) => written.lock().unwrap().push(id),
                    Err(e) => failures.push(e.to_string()),
                }
                std::thread::sleep(Duration::from_millis(PAUSE_MS));
            }
            (app, failures)
        })
    };

    let mut made = Vec::new();
    for round in 0..3 {
        // Let the writer get ahead, then run cron's command.
        while written.lock().unwrap().len() < 5 * (round + 1) {
            std::thread::sleep(Duration::from_millis(5));
        }
        let before: Vec<i64> = written.lock().unwrap().clone();
        let args: &[&str] =
            if round == 0 { &["backup", "--auto"] } else { &["backup", "--auto", "--force"] };
        let out = cli.run(args);
        assert!(out.status.success(), "backup --auto: {}", String::from_utf8_lossy(&out.stderr));
        let newest = kluis::domain::backup::auto::list(&backups).unwrap();
        let file = newest.iter().find(|f| !made.iter().any(|(m, _)| m == *f)).unwrap().clone();
        made.push((file, before));
        // Backups are named by the second; the next one must get a new name.
        std::thread::sleep(Duration::from_millis(1100));
    }
    stop.store(true, Ordering::Relaxed);
    let (app, failures) = writer.join().unwrap();
    assert!(failures.is_empty(), "the app's writes failed while cron backed up: {failures:?}");
    let all: BTreeSet<i64> = written.lock().unwrap().iter().copied().collect();
    drop(app);

    assert!(cli.ok(&["--json", "check"]).contains("\"ok\": true"));
    for (n, (file, before)) in made.iter().enumerate() {
        let f = file.to_str().unwrap();
        cli.ok(&["verify-backup", f]);
        // A new folder (another harness: its own temporary vault folder, still empty).
        let restored = Cli::new();
        let target = restored.dir();
        let out = restored.run(&["restore", f, "--yes"]);
        assert!(out.status.success(), "restore: {}", String::from_utf8_lossy(&out.stderr));
        let out = restored.run(&["--json", "check"]);
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "check of the restored vault: {report}");
        let key = zeroize::Zeroizing::new(common::data_key(&target, PASS));
        let conn = kluis::store::open(&target.join("kluis.db"), &key, false).unwrap();
        let ids: BTreeSet<i64> = conn
            .prepare("SELECT id FROM contacts")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(
            before.iter().all(|id| ids.contains(id)),
            "backup {n} lacks a contact written before it"
        );
        assert!(ids.is_subset(&all), "backup {n} holds a contact never written");
        println!("backup {n}: {} of {} contacts written by then", ids.len(), all.len());
    }
}

/// The files as a kill leaves them right after `PRAGMA rekey` committed: the new key's pages
/// in the write-ahead log only (the database file still holds the old key's), and either
/// `vault.json` the old key file and `vault.json.next` the new one, or (`renamed`) the new key
/// file already in place. (Made by re-keying through one connection while a second keeps the
/// log from being checkpointed at close, and copying the files then.)
fn killed_after_rekey(renamed: bool) -> Cli {
    use kluis::kernel::crypto;
    use kluis::vault::keyfile::KeyFile;

    let cli = Cli::new();
    cli.ok(&["init"]);
    cli.ok(&["contact", "add", "--name", "Blijft Staan"]);
    let dir = cli.dir();
    let kf = KeyFile::load(&dir).unwrap();
    let new_key = crypto::new_data_key();
    let recovery = crypto::random_bytes::<{ crypto::RECOVERY_LEN }>();
    let next =
        KeyFile::for_vault(kf.vault_id.clone(), &new_key, OTHER_PASS, &recovery, kf.created_at)
            .unwrap();
    let old_key = zeroize::Zeroizing::new(common::data_key(&dir, PASS));
    let db = dir.join("kluis.db");
    let holder = kluis::store::open(&db, &old_key, false).unwrap();
    let conn = kluis::store::open(&db, &old_key, false).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    conn.execute_batch(&kluis::store::key_pragma("rekey", &new_key)).unwrap();
    let crashed = Cli::new();
    std::fs::create_dir(crashed.dir()).unwrap();
    for name in ["kluis.db", "kluis.db-wal", "vault.json"] {
        std::fs::copy(dir.join(name), crashed.dir().join(name)).unwrap();
    }
    let name = if renamed { "vault.json" } else { "vault.json.next" };
    std::fs::write(crashed.dir().join(name), serde_json::to_vec(&next).unwrap()).unwrap();
    drop((conn, holder));
    let wal = std::fs::metadata(crashed.dir().join("kluis.db-wal")).unwrap().len();
    assert!(wal > 0, "the log holds the re-keyed pages");
    crashed
}

/// After such a kill the new passphrase opens the vault, every page passes
/// `cipher_integrity_check` (opening moves the log into the file) and the data are there; the
/// old passphrase is refused.
#[test]
fn a_rotation_killed_before_the_log_reached_the_file_passes_the_check() {
    for renamed in [false, true] {
        let crashed = killed_after_rekey(renamed);
        assert_eq!(crashed.run(&["check"]).status.code(), Some(3), "the old passphrase opens");
        let mut check = crashed.cmd(&["--json", "check"]);
        let out = check.env("KLUIS_PASSPHRASE", OTHER_PASS).output().unwrap();
        assert!(
            out.status.success(),
            "renamed {renamed}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let mut list = crashed.cmd(&["--json", "contact", "list"]);
        let listed = list.env("KLUIS_PASSPHRASE", OTHER_PASS).output().unwrap().stdout;
        assert!(String::from_utf8(listed).unwrap().contains("Blijft Staan"));
    }
}
