//! Automatic backups: a folder the user picks, a schedule (every N hours, default daily: on
//! start-up when due, on exit, or from cron with `kluis backup --auto`), keeping the newest N
//! files (default 10); the last backup's time for a "last backup" status and a warning when it
//! is older than the schedule. (The test restore into a temporary folder is in
//! `src/app/restore.rs`.)

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::backup::{create, header_of, OnProgress};
use crate::kernel::clock::Ctx;
use crate::kernel::date::format_instant;
use crate::kernel::error::{Error, Result};
use crate::vault::Vault;

pub const DEFAULT_KEEP: u32 = 10;
pub const DEFAULT_EVERY_HOURS: u32 = 24;
const PREFIX: &str = "kluis-";
const EXTENSION: &str = "kluisbackup";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupSettings {
    /// The folder automatic backups go to; None: automatic backups are off.
    pub dir: Option<String>,
    pub keep: u32,
    pub every_hours: u32,
}

/// The state shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupStatus {
    pub settings: BackupSettings,
    pub last_backup_at: Option<String>,
    /// The last backup is older than the schedule (or there is none while a folder is set).
    pub overdue: bool,
    /// What to tell the user when `overdue`: one message, never "no backup yet" beside "the
    /// last backup is older than planned".
    pub warning: Option<BackupWarning>,
}

/// Why a backup is due, for the one warning shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum BackupWarning {
    /// A folder is set and no backup was ever made.
    NoneYet,
    /// The last backup is older than the schedule.
    OlderThanPlanned,
}

fn meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

fn set_meta(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

pub fn settings(conn: &Connection) -> Result<BackupSettings> {
    Ok(BackupSettings {
        dir: meta(conn, "backup.dir")?.filter(|d| !d.is_empty()),
        keep: meta(conn, "backup.keep")?.and_then(|k| k.parse().ok()).unwrap_or(DEFAULT_KEEP),
        every_hours: meta(conn, "backup.every_hours")?
            .and_then(|k| k.parse().ok())
            .unwrap_or(DEFAULT_EVERY_HOURS),
    })
}

pub fn set_settings(conn: &Connection, ctx: &Ctx<'_>, s: &BackupSettings) -> Result<()> {
    if !(1..=365).contains(&s.keep) {
        return Err(Error::invalid("keep", "keep between 1 and 365 backups"));
    }
    if !(1..=24 * 31).contains(&s.every_hours) {
        return Err(Error::invalid("every_hours", "between 1 hour and 31 days"));
    }
    if let Some(d) = &s.dir {
        if !Path::new(d).is_dir() {
            return Err(Error::invalid("dir", "the backup folder does not exist"));
        }
        if !writable(Path::new(d)) {
            return Err(Error::invalid("dir", "the backup folder cannot be written to"));
        }
    }
    set_meta(conn, "backup.dir", s.dir.as_deref().unwrap_or(""))?;
    set_meta(conn, "backup.keep", &s.keep.to_string())?;
    set_meta(conn, "backup.every_hours", &s.every_hours.to_string())?;
    ctx.audit(conn, "backup.settings", "vault", None, &["dir", "keep", "every_hours"])
}

/// Whether a file can be made in `dir` (tried with an empty probe file, removed at once).
fn writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".kluis-probe-{}", std::process::id()));
    let made = fs::OpenOptions::new().write(true).create_new(true).open(&probe).is_ok();
    if made {
        let _ = fs::remove_file(&probe);
    }
    made
}

pub fn status(conn: &Connection, now: DateTime<Utc>) -> Result<BackupStatus> {
    let settings = settings(conn)?;
    let last = meta(conn, "backup.last_at")?;
    let due = |last: &Option<String>| match last
        .as_deref()
        .and_then(|l| DateTime::parse_from_rfc3339(l).ok())
    {
        Some(t) => now - t.with_timezone(&Utc) >= Duration::hours(i64::from(settings.every_hours)),
        None => true,
    };
    let overdue = settings.dir.is_some() && due(&last);
    let warning = match (overdue, &last) {
        (false, _) => None,
        (true, None) => Some(BackupWarning::NoneYet),
        (true, Some(_)) => Some(BackupWarning::OlderThanPlanned),
    };
    Ok(BackupStatus { overdue, warning, last_backup_at: last, settings })
}

/// The backups in `dir` made by Kluis's automatic schedule, oldest first.
pub fn list(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(PREFIX) && p.extension().and_then(|e| e.to_str()) == Some(EXTENSION)
            })
        })
        .collect();
    v.sort();
    Ok(v)
}

/// What an automatic backup in the app did (sent to the window as an event): the file written,
/// or why it failed.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AutoBackup {
    pub file: Option<String>,
    pub error: Option<crate::ApiError>,
}

/// When an automatic backup is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// When the schedule says one is due (start-up, cron).
    Due,
    /// When one is due or anything was recorded since the last one (closing the app, so the
    /// day's work is in a backup).
    Exit,
    /// Now ("back up now").
    Now,
}

/// The newest audit row: every change to the vault writes one.
fn audit_head(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT coalesce(max(id), 0) FROM audit", [], |r| r.get(0))?)
}

/// Audit actions that record a look or a session, not a change of data.
const NO_CHANGE: &[&str] = &[
    "vault.unlock",
    "vault.unlock_remembered",
    "contact.read",
    "contact.reveal_special",
    "export.subject_access",
    "retention.check",
    "backup.create",
];

/// Whether the vault's data changed since the last automatic backup (the audit trail records
/// every change).
fn changed_since_last(conn: &Connection) -> Result<bool> {
    let last: i64 = meta(conn, "backup.last_audit")?.and_then(|v| v.parse().ok()).unwrap_or(0);
    let looks = serde_json::to_string(NO_CHANGE).map_err(|e| Error::Internal(e.to_string()))?;
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM audit WHERE id > ?1
                        AND action NOT IN (SELECT value FROM json_each(?2)))",
        params![last, looks],
        |r| r.get(0),
    )?)
}

/// Makes a backup into the folder when `when` says so, then keeps this vault's newest N
/// (other files are never deleted). Returns the
/// new file, or None when none was needed.
pub fn run(vault: &mut Vault, when: When, on: OnProgress<'_>) -> Result<Option<PathBuf>> {
    let now = vault.now();
    let st = status(vault.conn(), now)?;
    let Some(dir) = st.settings.dir.clone() else {
        return Err(Error::invalid("dir", "no backup folder is set"));
    };
    let needed = match when {
        When::Due => st.overdue,
        When::Exit => st.overdue || changed_since_last(vault.conn())?,
        When::Now => true,
    };
    if !needed {
        return Ok(None);
    }
    let name = format!("{PREFIX}{}.{EXTENSION}", now.format("%Y%m%d-%H%M%S"));
    let path = Path::new(&dir).join(name);
    create(vault, &path, on)?;
    set_meta(vault.conn(), "backup.last_at", &format_instant(now))?;
    set_meta(vault.conn(), "backup.last_audit", &audit_head(vault.conn())?.to_string())?;
    // Only this vault's backups count and are pruned (by the vault id in their header; the
    // folder may hold another vault's backups under the same kind of name).
    let all: Vec<PathBuf> = list(Path::new(&dir))?
        .into_iter()
        .filter(|p| header_of(p).is_ok_and(|h| h.keyfile.vault_id == vault.id()))
        .collect();
    let excess = all.len().saturating_sub(st.settings.keep as usize);
    for old in &all[..excess] {
        fs::remove_file(old)?;
    }
    Ok(Some(path))
}
