//! The steps of a restore that touch files, each leaving either the old or the new vault
//! whatever happens. [`stage`]: verify the whole file, collect the erasures the live vault and
//! newer backups of the same vault know (each read with whatever key opens it; a newer backup
//! no given secret opens stops the restore before anything is written, unless the user
//! accepted that), then build the restored vault in `<dir>.restoring` (0700, the live
//! `settings.json` kept; over the same vault the database is re-keyed to the live data key
//! and the live `vault.json` kept, so the current secrets keep working and retired ones never
//! come back) and check it (cipher_integrity_check, integrity_check). [`put_in_place`]: swap
//! folders (`<dir>` → `<dir>.previous`, `<dir>.restoring` → `<dir>`); the previous vault is
//! kept until the restored one has been unlocked ([`drop_previous`]).
//! [`finish_interrupted`] completes or rolls back a swap a crash interrupted. Housekeeping
//! only ever deletes sibling folders that carry this vault's id. Re-applying the erasures and
//! the purge in between is the restore use case in `src/app/restore.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::domain::backup::{
    begin, open, open_with_key, read_file, read_header, BackupInfo, BackupSecret, OnProgress,
    Progress, Step,
};
use crate::kernel::crypto::SecretKey;
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};
use crate::store;
use crate::vault::keyfile::KeyFile;
use crate::vault::{restrict_permissions, settings, DB_FILE};

fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    dir.with_file_name(format!("{name}.{suffix}"))
}

const COMPLETE: &str = ".restore-complete";
/// In a restored (or staged) vault: the id of the vault it replaced, so the replaced one kept
/// as `.previous` is recognised as this vault's even when it was another vault.
const REPLACED: &str = ".restore-replaced";

/// Test hook (debug builds): abort the process at a named step, to prove every step leaves
/// a vault that opens.
pub fn crash_point(step: &str) {
    if cfg!(debug_assertions) && std::env::var("KLUIS_TEST_CRASH_AT").is_ok_and(|s| s == step) {
        std::process::abort();
    }
}

/// The vault ids a folder carries: its key file's and the one it replaced.
fn ids(folder: &Path) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    if let Ok(kf) = KeyFile::load(folder) {
        ids.insert(kf.vault_id);
    }
    if let Ok(id) = fs::read_to_string(folder.join(REPLACED)) {
        ids.insert(id.trim().to_owned());
    }
    ids
}

/// Whether the sibling folder `other` is part of the vault in `dir` (they share a vault id).
fn belongs(dir: &Path, other: &Path) -> bool {
    let mine = ids(dir);
    !mine.is_empty() && ids(other).iter().any(|id| mine.contains(id))
}

/// Completes or rolls back a restore that a crash interrupted, so `dir` holds one whole vault.
/// Removes only a `.restoring` folder that carries this vault's id, or an empty one.
pub fn finish_interrupted(dir: &Path) -> Result<()> {
    let new = sibling(dir, "restoring");
    let prev = sibling(dir, "previous");
    if !dir.exists() && prev.exists() {
        if new.join(COMPLETE).is_file() {
            fs::rename(&new, dir)?;
        } else {
            fs::rename(&prev, dir)?;
        }
    }
    if dir.exists() && new.exists() && belongs(dir, &new) {
        fs::remove_dir_all(&new)?;
    }
    // A restore killed right after it made the folder, before its first write, leaves it
    // empty, carrying no id: it holds nothing of anyone's, and would block the next restore.
    if dir.exists() && fs::read_dir(&new).is_ok_and(|mut d| d.next().is_none()) {
        fs::remove_dir(&new)?;
    }
    if dir.exists() {
        let _ = fs::remove_file(dir.join(COMPLETE));
    }
    Ok(())
}

/// After the restored vault was unlocked: removes the vault it replaced (`<dir>.previous`),
/// when that folder carries this vault's id.
pub fn drop_previous(dir: &Path) -> Result<()> {
    let prev = sibling(dir, "previous");
    if prev.exists() && belongs(dir, &prev) {
        fs::remove_dir_all(&prev)?;
    }
    if !prev.exists() {
        let _ = fs::remove_file(dir.join(REPLACED));
    }
    Ok(())
}

/// The contacts this database has erased and when (its tombstones, never pruned).
fn erased_ids(conn: &Connection) -> Result<BTreeMap<i64, String>> {
    let mut s = conn.prepare("SELECT contact_id, erased_at FROM tombstones")?;
    let ids = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// The interactions this database has deleted and when (their tombstones, never pruned).
fn deleted_interaction_ids(conn: &Connection) -> Result<BTreeMap<i64, String>> {
    let mut s = conn.prepare("SELECT interaction_id, deleted_at FROM interaction_tombstones")?;
    let ids = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// The tombstones a database holds: erased contacts and deleted interactions (id → when).
#[derive(Debug, Default)]
pub struct Tombstones {
    pub contacts: BTreeMap<i64, String>,
    pub interactions: BTreeMap<i64, String>,
}

impl Tombstones {
    fn read(conn: &Connection) -> Result<Tombstones> {
        Ok(Tombstones { contacts: erased_ids(conn)?, interactions: deleted_interaction_ids(conn)? })
    }

    fn extend(&mut self, other: Tombstones) {
        self.contacts.extend(other.contacts);
        self.interactions.extend(other.interactions);
    }
}

/// The vault a restore replaces, unlocked with its current secret.
pub struct Live {
    pub keyfile: KeyFile,
    pub key: SecretKey,
}

/// What the user allows and gives for a restore.
pub struct Allow<'a> {
    /// Replace the vault with a backup of another vault.
    pub other_vault: bool,
    /// Restore although a newer backup of this vault cannot be read (its erasures may return).
    pub unreadable_newer: bool,
    /// Further secrets to open newer backups with (their passphrase or recovery key).
    pub newer: &'a [BackupSecret<'a>],
}

/// Tombstones in the (SQLCipher-encrypted) database bytes `db`, opened with `key`.
fn tombstones_in(db: &[u8], key: &SecretKey) -> Result<Tombstones> {
    let scratch = std::env::temp_dir().join(format!("kluis-restore-{}", uuid::Uuid::new_v4()));
    fs::create_dir_all(&scratch)?;
    restrict_permissions(&scratch)?;
    let found = (|| {
        let path = scratch.join(DB_FILE);
        fs::write(&path, db)?;
        let conn = store::open(&path, key, false)?;
        Tombstones::read(&conn)
    })();
    let _ = fs::remove_dir_all(&scratch);
    found
}

/// Why a newer backup of the vault could not be read for its erasures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UnreadableReason {
    /// No secret given opens it: it was made after a key rotation (give its passphrase).
    NoSecretOpensIt,
    /// The passphrase given for newer backups does not open it.
    WrongNewerPassphrase,
    /// It is damaged or cannot be decrypted.
    Damaged,
}

impl UnreadableReason {
    fn says(self) -> &'static str {
        match self {
            UnreadableReason::NoSecretOpensIt => {
                "no secret given opens it (it was made after a key rotation)"
            }
            UnreadableReason::WrongNewerPassphrase => {
                "the passphrase given for newer backups does not open it"
            }
            UnreadableReason::Damaged => "it is damaged or cannot be decrypted",
        }
    }
}

/// A newer backup of the vault that no secret given opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnreadableBackup {
    pub file: String,
    /// When it was made (its header), RFC 3339.
    pub created_at: String,
    pub reason: UnreadableReason,
}

/// Erasures known elsewhere: the live vault and every newer backup of the same vault in the
/// backup's folder; plus the newer backups not read and the files ignored.
struct Known {
    tombstones: Tombstones,
    unreadable: Vec<UnreadableBackup>,
    ignored: Vec<String>,
}

fn known_tombstones(
    dir: &Path,
    backup: &Path,
    vault_id: &str,
    created: DateTime<Utc>,
    keys: &[&SecretKey],
    live: Option<&Live>,
    allow: &Allow<'_>,
) -> Result<Known> {
    let mut known =
        Known { tombstones: Tombstones::default(), unreadable: vec![], ignored: vec![] };
    if let Some(live) = live.filter(|l| l.keyfile.vault_id == vault_id) {
        let conn = store::open(&dir.join(DB_FILE), &live.key, false)?;
        known.tombstones.extend(Tombstones::read(&conn)?);
    }
    let folder = backup.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut entries: Vec<PathBuf> = fs::read_dir(folder)?.flatten().map(|e| e.path()).collect();
    entries.sort();
    let name = |p: &Path| p.display().to_string();
    let mut refused = Vec::new();
    for path in entries {
        if path == backup || !path.is_file() {
            continue;
        }
        let header = read_file(&path).and_then(|b| Ok((read_header(&b)?.0, b)));
        let (h, bytes) = match header {
            Ok((h, b)) if h.keyfile.vault_id == vault_id => (h, b),
            _ => {
                known.ignored.push(name(&path));
                continue;
            }
        };
        if h.created_at <= created {
            continue;
        }
        let mut opened = None;
        let mut why = UnreadableReason::NoSecretOpensIt;
        for key in keys {
            if h.keyfile.fits(key) {
                match open_with_key(&bytes, Zeroizing::new(***key), &mut |_| {}) {
                    Ok(o) => opened = Some(o),
                    Err(_) => why = UnreadableReason::Damaged,
                }
                break;
            }
        }
        if opened.is_none() {
            for s in allow.newer {
                match open(&bytes, s, &mut |_| {}) {
                    Ok(o) => {
                        opened = Some(o);
                        break;
                    }
                    Err(Error::WrongPassphrase | Error::WrongRecoveryKey) => {
                        why = UnreadableReason::WrongNewerPassphrase;
                    }
                    Err(_) => why = UnreadableReason::Damaged,
                }
            }
        }
        match opened {
            Some(o) => known.tombstones.extend(tombstones_in(&o.db, &o.data_key)?),
            None => refused.push(UnreadableBackup {
                file: name(&path),
                created_at: format_instant(h.created_at),
                reason: why,
            }),
        }
    }
    if let Some(first) = refused.first() {
        if !allow.unreadable_newer {
            return Err(Error::invalid(
                "newer_backup",
                format!(
                    "the newer backup {} of this vault (made {}) cannot be read: {}; its \
                     erasures would be lost. Give its passphrase, or accept restoring without it",
                    first.file,
                    first.created_at,
                    first.reason.says()
                ),
            ));
        }
    }
    known.unreadable = refused;
    Ok(known)
}

/// What a restore of a backup would need the user to confirm or give, found before anything
/// is written (see [`check`]).
#[derive(Debug, Clone, Serialize, TS)]
pub struct RestoreCheck {
    pub backup: BackupInfo,
    /// The backup is of another vault than the one it would replace: restoring needs an
    /// explicit confirmation.
    pub other_vault: bool,
    /// Newer backups of the backup's vault in its folder that no secret given opens: restoring
    /// needs their passphrase or the user's explicit acceptance (their erasures may be lost).
    pub unreadable_newer: Vec<UnreadableBackup>,
    /// Files beside the backup that are not backups of this vault (not read for erasures).
    pub ignored_files: Vec<String>,
}

/// Verifies `backup` whole and finds what restoring it over `live` (the vault in `dir`
/// unlocked with its current secret, None when there is none) would need confirmed: a backup
/// of another vault, newer backups of its vault that neither the keys at hand nor `newer`
/// open. Changes nothing.
pub fn check(
    backup: &Path,
    dir: &Path,
    secret: &BackupSecret<'_>,
    live: Option<&Live>,
    newer: &[BackupSecret<'_>],
    on: OnProgress<'_>,
) -> Result<RestoreCheck> {
    let bytes = read_file(backup)?;
    let opened = open(&bytes, secret, on)?;
    drop(bytes);
    let header = &opened.header;
    let id = header.keyfile.vault_id.clone();
    let same = live.filter(|l| l.keyfile.vault_id == id);
    let mut keys = vec![&opened.data_key];
    if let Some(l) = same {
        keys.insert(0, &l.key);
    }
    let allow = Allow { other_vault: true, unreadable_newer: true, newer };
    let known = known_tombstones(dir, backup, &id, header.created_at, &keys, same, &allow)?;
    Ok(RestoreCheck {
        backup: BackupInfo {
            created_at: format_instant(header.created_at),
            app_version: header.app_version.clone(),
            schema_version: header.schema_version,
            bytes: header.body_len,
            vault_id: id,
        },
        other_vault: live.is_some() && same.is_none(),
        unreadable_newer: known.unreadable,
        ignored_files: known.ignored,
    })
}

/// A restored vault built and checked beside the live one, not yet in its place.
pub struct Staged {
    /// The restored database, open.
    pub conn: Connection,
    /// When the backup was made.
    pub created_at: DateTime<Utc>,
    /// Erasures and interaction deletions known to the live vault and newer backups (id →
    /// when).
    pub tombstones: Tombstones,
    /// Newer backups of this vault no secret opened, accepted by the user.
    pub unreadable_newer: Vec<String>,
    /// Files beside the backup that are not backups of this vault (not read for erasures).
    pub ignored: Vec<String>,
    /// Where it is: `<dir>.restoring`.
    pub folder: PathBuf,
}

/// Verifies `backup` whole, collects the erasures known elsewhere, writes it to
/// `<dir>.restoring` and checks it (progress: verify, write, check, erasures). Over a live
/// vault (`live`, unlocked with its current secret) a backup of another vault needs
/// `allow.other_vault`; a backup of the same vault is re-keyed to the live data key and keeps
/// the live key file. Nothing is written before every check passed.
pub fn stage(
    backup: &Path,
    dir: &Path,
    secret: &BackupSecret<'_>,
    live: Option<&Live>,
    allow: &Allow<'_>,
    on: OnProgress<'_>,
) -> Result<Staged> {
    let bytes = read_file(backup)?;
    let (header, _) = read_header(&bytes)?;
    let backup_id = header.keyfile.vault_id.clone();
    if let Some(live) = live.filter(|l| l.keyfile.vault_id != backup_id) {
        if !allow.other_vault {
            return Err(Error::invalid(
                "other_vault",
                format!(
                    "this backup is of another vault (id {backup_id}), not of the vault in {} \
                     (id {}); confirm replacing that vault with another one",
                    dir.display(),
                    live.keyfile.vault_id
                ),
            ));
        }
    }
    let opened = open(&bytes, secret, on)?;
    drop(bytes);
    let same = live.filter(|l| l.keyfile.vault_id == backup_id);

    // The erasures are collected before anything is written (a newer backup no secret opens
    // stops the restore here); the progress step is shown when they are re-applied.
    let mut keys = vec![&opened.data_key];
    if let Some(l) = same {
        keys.insert(0, &l.key);
    }
    let known =
        known_tombstones(dir, backup, &backup_id, opened.header.created_at, &keys, same, allow)?;

    begin(on, Step::Write);
    finish_interrupted(dir)?;
    let new = sibling(dir, "restoring");
    if new.exists() {
        if !(dir.exists() && belongs(dir, &new)) {
            return Err(Error::invalid(
                "dir",
                format!("{} exists and is not part of this vault; move it away", new.display()),
            ));
        }
        fs::remove_dir_all(&new)?;
    }
    fs::create_dir_all(&new)?;
    restrict_permissions(&new)?;
    if let Some(l) = live {
        fs::write(new.join(REPLACED), &l.keyfile.vault_id)?;
    }
    let live_settings = dir.join(settings::FILE_NAME);
    if live_settings.is_file() {
        fs::copy(&live_settings, new.join(settings::FILE_NAME))?;
    }
    {
        // Private from the start (0600), like every vault file; SQLite gives its WAL the same mode.
        let mut db = crate::kernel::fs::create_private(&new.join(DB_FILE))?;
        std::io::Write::write_all(&mut db, &opened.db)?;
        db.sync_all()?;
    }
    let mut conn = store::open(&new.join(DB_FILE), &opened.data_key, false)?;
    match same {
        Some(l) => {
            if !opened.header.keyfile.fits(&l.key) {
                conn.execute_batch(&store::key_pragma("rekey", &l.key))?;
                drop(conn);
                conn = store::open(&new.join(DB_FILE), &l.key, false)?;
            }
            l.keyfile.save(&new)?;
        }
        None => opened.header.keyfile.save(&new)?,
    }
    crash_point("written");

    begin(on, Step::Check);
    let cipher_errors: i64 =
        conn.prepare("PRAGMA cipher_integrity_check")?.query_map([], |_| Ok(()))?.count() as i64;
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if cipher_errors > 0 || check != "ok" {
        drop(conn);
        fs::remove_dir_all(&new)?;
        return Err(Error::Integrity("the restored database failed its integrity checks".into()));
    }
    crash_point("checked");
    begin(on, Step::Erasures);
    Ok(Staged {
        conn,
        created_at: opened.header.created_at,
        tombstones: known.tombstones,
        unreadable_newer: known.unreadable.into_iter().map(|u| u.file).collect(),
        ignored: known.ignored,
        folder: new,
    })
}

/// Adds the tombstones `conn` lacks (keeping their original times, so a later restore of an
/// even older backup onto this vault re-applies them too); returns their contact ids, oldest
/// id first.
pub fn add_missing_tombstones(
    conn: &Connection,
    tombstones: &BTreeMap<i64, String>,
) -> Result<Vec<i64>> {
    let already = erased_ids(conn)?;
    let mut added = Vec::new();
    for (id, at) in tombstones {
        if already.contains_key(id) {
            continue;
        }
        conn.execute(
            "INSERT OR IGNORE INTO tombstones (contact_id, erased_at) VALUES (?1, ?2)",
            rusqlite::params![id, at],
        )?;
        added.push(*id);
    }
    Ok(added)
}

/// Adds the interaction tombstones `conn` lacks (keeping their times); returns their
/// interaction ids, oldest id first. Interaction ids are never handed out again after a
/// deleted one, so a later restore never deletes a new interaction under an old id.
pub fn add_missing_interaction_tombstones(
    conn: &Connection,
    tombstones: &BTreeMap<i64, String>,
) -> Result<Vec<i64>> {
    let already = deleted_interaction_ids(conn)?;
    let mut added = Vec::new();
    for (id, at) in tombstones {
        if already.contains_key(id) {
            continue;
        }
        conn.execute(
            "INSERT OR IGNORE INTO interaction_tombstones (interaction_id, deleted_at)
             VALUES (?1, ?2)",
            rusqlite::params![id, at],
        )?;
        added.push(*id);
    }
    if let Some(max) = tombstones.keys().max() {
        let n = conn.execute(
            "UPDATE sqlite_sequence SET seq = max(seq, ?1) WHERE name = 'interactions'",
            [max],
        )?;
        if n == 0 {
            conn.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('interactions', ?1)",
                [max],
            )?;
        }
    }
    Ok(added)
}

/// Puts the staged vault in the place of the one in `dir` (progress: swap); the replaced one
/// stays as `<dir>.previous` until the restored vault is unlocked. The staged database must
/// be closed (its connection dropped) first.
pub fn put_in_place(folder: &Path, dir: &Path, on: OnProgress<'_>) -> Result<()> {
    begin(on, Step::Swap);
    fs::write(folder.join(COMPLETE), b"")?;
    fs::File::open(folder)?.sync_all()?;
    crash_point("complete");
    let prev = sibling(dir, "previous");
    if dir.exists() {
        if prev.exists() {
            if !belongs(dir, &prev) {
                return Err(Error::invalid(
                    "dir",
                    format!(
                        "{} exists and is not part of this vault; move it away",
                        prev.display()
                    ),
                ));
            }
            fs::remove_dir_all(&prev)?;
        }
        fs::rename(dir, &prev)?;
    }
    crash_point("moved-old");
    fs::rename(folder, dir)?;
    crash_point("moved-new");
    finish_interrupted(dir)?;
    on(Progress { step: Step::Swap, done: 1, total: 1 });
    Ok(())
}
