//! Restoring a backup: verify the whole file and build the restored vault beside the live one
//! (`domain::backup::restore::stage`); re-apply the erasures the live vault and newer backups
//! know and the backup lacks (erased people never come back); run the due purge; then swap the
//! folders (`put_in_place`). Every step leaves either the old or the new vault.

use std::fs;
use std::path::Path;

use serde::Serialize;

use crate::app::erase::erase_in;
use crate::domain::backup::auto;
use crate::domain::backup::restore::{self, add_missing_tombstones, crash_point};
use crate::domain::backup::{begin, BackupSecret, OnProgress, Step};
use crate::domain::contacts::read;
use crate::domain::retention::purge::{self, PurgeReport, Trigger};
use crate::kernel::clock::{Clock, Ctx};
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};

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

/// Restores `backup` into `dir` (replacing the vault there, if any).
pub fn restore(
    backup: &Path,
    dir: &Path,
    secret: &BackupSecret<'_>,
    clock: Clock,
    actor: &str,
    on: OnProgress<'_>,
) -> Result<RestoreReport> {
    let mut staged = restore::stage(backup, dir, secret, on)?;
    let ctx = Ctx { now: clock.now(), actor };
    let tx = staged.conn.transaction()?;
    let mut reapplied = 0;
    for id in add_missing_tombstones(&tx, &staged.tombstones)? {
        if read::contact(&tx, id).is_ok() {
            erase_in(&tx, &ctx, id, None, false)?;
            reapplied += 1;
        }
    }
    begin(on, Step::Purge);
    let report = purge::run(&tx, &ctx, Trigger::Startup, false)?;
    let detail = format!("backup={} erasures={reapplied}", format_instant(staged.created_at));
    ctx.audit_detail(&tx, "backup.restore", "vault", None, &[], Some(&detail))?;
    tx.commit()?;
    let conn = &staged.conn;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let contacts: i64 = conn.query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?;
    let interactions: i64 =
        conn.query_row("SELECT count(*) FROM interactions", [], |r| r.get(0))?;
    let restore::Staged { conn, created_at, folder, .. } = staged;
    drop(conn);
    crash_point("reapplied");
    restore::put_in_place(&folder, dir, on)?;
    Ok(RestoreReport {
        backup_created_at: format_instant(created_at),
        contacts,
        interactions,
        erasures_reapplied: reapplied,
        purge: report,
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
    let target = tmp.join("vault");
    let result = restore(&newest, &target, secret, clock, "test-restore", on);
    let _ = fs::remove_dir_all(&tmp);
    result
}
