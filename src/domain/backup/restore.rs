//! The steps of a restore that touch files, each leaving either the old or the new vault
//! whatever happens: verify the whole file and build the restored vault in `<dir>.restoring`
//! and check it (cipher_integrity_check, integrity_check) — [`stage`]; collect the erasures
//! the live vault and newer backups in the same folder know and the backup lacks; then swap
//! folders (`<dir>` → `<dir>.previous`, `<dir>.restoring` → `<dir>`) and remove the previous
//! one — [`put_in_place`]. [`finish_interrupted`] completes or rolls back a swap a crash
//! interrupted. Re-applying the erasures and the purge in between is the restore use case in
//! `src/app/restore.rs`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::domain::backup::{
    begin, open, read_file, read_header, BackupSecret, OnProgress, Progress, Step,
};
use crate::kernel::error::{Error, Result};
use crate::store;
use crate::vault::keyfile::KeyFile;
use crate::vault::DB_FILE;

fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    dir.with_file_name(format!("{name}.{suffix}"))
}

const COMPLETE: &str = ".restore-complete";

/// Test hook (debug builds): abort the process at a named step, to prove every step leaves
/// a vault that opens.
pub fn crash_point(step: &str) {
    if cfg!(debug_assertions) && std::env::var("KLUIS_TEST_CRASH_AT").is_ok_and(|s| s == step) {
        std::process::abort();
    }
}

/// Completes or rolls back a restore that a crash interrupted, so `dir` holds one whole vault.
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
    if dir.exists() && prev.exists() {
        fs::remove_dir_all(&prev)?;
    }
    if dir.exists() && new.exists() {
        fs::remove_dir_all(&new)?;
    }
    if dir.exists() {
        let _ = fs::remove_file(dir.join(COMPLETE));
    }
    Ok(())
}

/// The contacts this database has erased and when (its tombstones, never pruned).
fn erased_ids(conn: &Connection) -> Result<BTreeMap<i64, String>> {
    let mut s = conn.prepare("SELECT contact_id, erased_at FROM tombstones")?;
    let ids = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Tombstones known elsewhere: the live vault (when this secret opens it) and every newer
/// backup of the same vault in the backup's folder.
fn known_tombstones(
    dir: &Path,
    backup: &Path,
    vault_id: &str,
    created: DateTime<Utc>,
    secret: &BackupSecret<'_>,
    scratch: &Path,
) -> Result<BTreeMap<i64, String>> {
    let mut ids = BTreeMap::new();
    if let Ok(kf) = KeyFile::load(dir) {
        if kf.vault_id == vault_id {
            if let Ok(key) = secret.unwrap_key(&kf) {
                let conn = store::open(&dir.join(DB_FILE), &key, false)?;
                ids.extend(erased_ids(&conn)?);
            }
        }
    }
    let folder = backup.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    for entry in fs::read_dir(folder)?.flatten() {
        let path = entry.path();
        if path == backup || !path.is_file() {
            continue;
        }
        let Ok(bytes) = read_file(&path) else { continue };
        let Ok((h, _)) = read_header(&bytes) else { continue };
        if h.keyfile.vault_id != vault_id || h.created_at <= created {
            continue;
        }
        let Ok(o) = open(&bytes, secret, &mut |_| {}) else { continue };
        fs::create_dir_all(scratch)?;
        let db = scratch.join("newer.db");
        fs::write(&db, &o.db)?;
        let conn = store::open(&db, &o.data_key, false)?;
        ids.extend(erased_ids(&conn)?);
        drop(conn);
        fs::remove_dir_all(scratch)?;
    }
    Ok(ids)
}

/// A restored vault built and checked beside the live one, not yet in its place.
pub struct Staged {
    /// The restored database, open.
    pub conn: Connection,
    /// When the backup was made.
    pub created_at: DateTime<Utc>,
    /// Erasures known to the live vault and newer backups (contact id → erased at).
    pub tombstones: BTreeMap<i64, String>,
    /// Where it is: `<dir>.restoring`.
    pub folder: PathBuf,
}

/// Verifies `backup` whole, writes it to `<dir>.restoring`, checks it and collects the
/// erasures known elsewhere (progress: verify, write, check, erasures).
pub fn stage(
    backup: &Path,
    dir: &Path,
    secret: &BackupSecret<'_>,
    on: OnProgress<'_>,
) -> Result<Staged> {
    let bytes = read_file(backup)?;
    let opened = open(&bytes, secret, on)?;
    drop(bytes);
    begin(on, Step::Write);
    finish_interrupted(dir)?;
    let new = sibling(dir, "restoring");
    if new.exists() {
        fs::remove_dir_all(&new)?;
    }
    fs::create_dir_all(&new)?;
    fs::write(new.join(DB_FILE), &opened.db)?;
    fs::File::open(new.join(DB_FILE))?.sync_all()?;
    opened.header.keyfile.save(&new)?;
    crash_point("written");

    begin(on, Step::Check);
    let conn = store::open(&new.join(DB_FILE), &opened.data_key, false)?;
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
    let scratch = sibling(dir, "restore-scratch");
    let tombstones = known_tombstones(
        dir,
        backup,
        &opened.header.keyfile.vault_id,
        opened.header.created_at,
        secret,
        &scratch,
    )?;
    Ok(Staged { conn, created_at: opened.header.created_at, tombstones, folder: new })
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

/// Puts the staged vault in the place of the one in `dir` (progress: swap). The staged
/// database must be closed (its connection dropped) first.
pub fn put_in_place(folder: &Path, dir: &Path, on: OnProgress<'_>) -> Result<()> {
    begin(on, Step::Swap);
    fs::write(folder.join(COMPLETE), b"")?;
    fs::File::open(folder)?.sync_all()?;
    crash_point("complete");
    let prev = sibling(dir, "previous");
    if dir.exists() {
        fs::rename(dir, &prev)?;
    }
    crash_point("moved-old");
    fs::rename(folder, dir)?;
    crash_point("moved-new");
    finish_interrupted(dir)?;
    on(Progress { step: Step::Swap, done: 1, total: 1 });
    Ok(())
}
