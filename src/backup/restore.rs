//! Restore, in steps that leave either the old or the new vault whatever happens: verify the
//! whole file; build the restored vault in `<dir>.restoring`; check it (cipher_integrity_check,
//! integrity_check); re-apply the erasures the live vault and newer backups in the same folder
//! know and the backup lacks (erased people never come back); run the due purge; then swap
//! folders (`<dir>` → `<dir>.previous`, `<dir>.restoring` → `<dir>`), and remove the previous
//! one. [`finish_interrupted`] completes or rolls back a swap a crash interrupted.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{begin, open, read_header, BackupSecret, OnProgress, Step};
use crate::clock::{format_instant, Clock};
use crate::contacts::erase;
use crate::error::{Error, Result};
use crate::retention::purge::{self, PurgeReport, Trigger};
use crate::store;
use crate::vault::keyfile::KeyFile;
use crate::vault::{Ctx, DB_FILE};

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
    pub purge: PurgeReport,
}

fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    dir.with_file_name(format!("{name}.{suffix}"))
}

const COMPLETE: &str = ".restore-complete";

/// Test hook (debug builds): abort the process at a named step, to prove every step leaves
/// a vault that opens.
fn crash_point(step: &str) {
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
fn erased_ids(conn: &rusqlite::Connection) -> Result<BTreeMap<i64, String>> {
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
    created: chrono::DateTime<chrono::Utc>,
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
        let Ok(bytes) = super::read_file(&path) else { continue };
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

/// Restores `backup` into `dir` (replacing the vault there, if any).
pub fn restore(
    backup: &Path,
    dir: &Path,
    secret: &BackupSecret<'_>,
    clock: Clock,
    actor: &str,
    on: OnProgress<'_>,
) -> Result<RestoreReport> {
    let bytes = super::read_file(backup)?;
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
    let mut conn = store::open(&new.join(DB_FILE), &opened.data_key, false)?;
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
    let ctx = Ctx { now: clock.now(), actor };
    let tx = conn.transaction()?;
    let already = erased_ids(&tx)?;
    let mut reapplied = 0;
    for (id, at) in &tombstones {
        if already.contains_key(id) {
            continue;
        }
        // Keep the tombstone itself (with its original time), so a later restore of an even
        // older backup onto this vault re-applies it too.
        tx.execute(
            "INSERT OR IGNORE INTO tombstones (contact_id, erased_at) VALUES (?1, ?2)",
            rusqlite::params![id, at],
        )?;
        if crate::contacts::read::contact(&tx, *id).is_ok() {
            erase::erase(&tx, &ctx, *id, None)?;
            reapplied += 1;
        }
    }
    begin(on, Step::Purge);
    let report = purge::run(&tx, &ctx, Trigger::Startup, false)?;
    let detail =
        format!("backup={} erasures={reapplied}", format_instant(opened.header.created_at));
    ctx.audit_detail(&tx, "backup.restore", "vault", None, &[], Some(&detail))?;
    tx.commit()?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let contacts: i64 = conn.query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?;
    let interactions: i64 =
        conn.query_row("SELECT count(*) FROM interactions", [], |r| r.get(0))?;
    drop(conn);
    crash_point("reapplied");
    begin(on, Step::Swap);

    fs::write(new.join(COMPLETE), b"")?;
    fs::File::open(&new)?.sync_all()?;
    crash_point("complete");
    let prev = sibling(dir, "previous");
    if dir.exists() {
        fs::rename(dir, &prev)?;
    }
    crash_point("moved-old");
    fs::rename(&new, dir)?;
    crash_point("moved-new");
    finish_interrupted(dir)?;
    on(super::Progress { step: Step::Swap, done: 1, total: 1 });
    Ok(RestoreReport {
        backup_created_at: format_instant(opened.header.created_at),
        contacts,
        interactions,
        erasures_reapplied: reapplied,
        purge: report,
    })
}
