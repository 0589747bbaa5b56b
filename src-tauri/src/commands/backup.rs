use kluis::app::restore::{Current, RestoreReport};
use kluis::app::{self};
use kluis::domain::backup::auto::{self, AutoBackup, BackupSettings, BackupStatus, When};
use kluis::domain::backup::{self, BackupInfo, BackupSecret, Progress};
use tauri::{AppHandle, Emitter, Manager, State};
use zeroize::Zeroizing;

use super::Res;
use crate::state::{AppState, ACTOR};

/// Progress of every backup, restore and verification, for the window's progress bar.
pub const PROGRESS_EVENT: &str = "backup-progress";
/// The outcome of an automatic backup (after unlocking, when due).
pub const AUTO_EVENT: &str = "auto-backup";

/// Sends progress to the window: at most one event per step and per cent.
fn reporter(app: &AppHandle) -> impl FnMut(Progress) + '_ {
    let mut last = None;
    move |p: Progress| {
        let pct = p.done.saturating_mul(100).checked_div(p.total).unwrap_or(100);
        if last != Some((p.step, pct)) {
            last = Some((p.step, pct));
            // A closing window cannot show progress; the work goes on regardless.
            let _ = app.emit(PROGRESS_EVENT, p);
        }
    }
}

/// The automatic backup the schedule asks for, when a backup folder is set: after unlocking
/// (`Due`, told to the window), before an idle lock and on exit (`Exit`: also when anything
/// changed since the last one). Returns the outcome, or None when none was needed.
pub fn automatic(app: &AppHandle, when: When) -> Option<AutoBackup> {
    let state = app.state::<AppState>();
    if !state.is_unlocked() {
        // Nothing to back up with: the key is gone (and a locked vault did not change since).
        return None;
    }
    let made = state.with_vault(|v| match auto::settings(v.conn())?.dir {
        Some(_) => auto::run(v, when, &mut reporter(app)),
        None => Ok(None),
    });
    match made {
        Ok(None) => None,
        Ok(Some(file)) => Some(AutoBackup { file: Some(file.display().to_string()), error: None }),
        Err(e) => Some(AutoBackup { file: None, error: Some(e) }),
    }
}

/// After unlocking: the automatic backup when one is due, in the background, its outcome sent
/// to the window.
pub fn after_unlock(app: AppHandle) {
    std::thread::spawn(move || {
        if let Some(outcome) = automatic(&app, When::Due) {
            let _ = app.emit(AUTO_EVENT, outcome);
        }
    });
}

pub fn backup_status(state: State<'_, AppState>) -> Res<BackupStatus> {
    state.with_vault(|v| auto::status(v.conn(), v.now()))
}

pub fn set_backup_settings(state: State<'_, AppState>, settings: BackupSettings) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| auto::set_settings(tx, c, &settings)))
}

/// A backup into the backup folder now (`force`) or when due; the file written, if any.
pub fn run_backup(app: AppHandle, state: State<'_, AppState>, force: bool) -> Res<Option<String>> {
    let when = if force { When::Now } else { When::Due };
    state.with_vault(|v| {
        Ok(auto::run(v, when, &mut reporter(&app))?.map(|p| p.display().to_string()))
    })
}

/// A backup to a file the user chose.
pub fn backup_to(app: AppHandle, state: State<'_, AppState>, path: String) -> Res<()> {
    state.with_vault(|v| {
        backup::create(v, std::path::Path::new(&path), &mut reporter(&app)).map(drop)
    })
}

fn secret<'a>(
    passphrase: &'a Option<Zeroizing<String>>,
    recovery: &'a Option<Zeroizing<String>>,
) -> BackupSecret<'a> {
    match (passphrase, recovery) {
        (Some(p), _) => BackupSecret::Passphrase(p),
        (None, Some(k)) => BackupSecret::RecoveryKey(k),
        (None, None) => BackupSecret::Passphrase(""),
    }
}

/// Restores the newest automatic backup into a temporary folder and checks it.
pub fn test_restore(
    app: AppHandle,
    state: State<'_, AppState>,
    passphrase: Option<String>,
    recovery_key: Option<String>,
) -> Res<RestoreReport> {
    let (p, k) = (passphrase.map(Zeroizing::new), recovery_key.map(Zeroizing::new));
    let dir = state.with_vault(|v| auto::settings(v.conn()))?.dir;
    let dir = dir.ok_or(kluis::Error::invalid("dir", "no backup folder is set"))?;
    let dir = std::path::Path::new(&dir);
    Ok(app::restore::test_restore(dir, &secret(&p, &k), state.clock, &mut reporter(&app))?)
}

pub fn verify_backup(
    app: AppHandle,
    path: String,
    passphrase: Option<String>,
    recovery_key: Option<String>,
) -> Res<BackupInfo> {
    let (p, k) = (passphrase.map(Zeroizing::new), recovery_key.map(Zeroizing::new));
    Ok(backup::verify(std::path::Path::new(&path), &secret(&p, &k), &mut reporter(&app))?)
}

/// Restores a backup into the vault folder (also from the first-run screen); the vault is
/// locked first and must be unlocked again afterwards. Over an existing vault the unlocked
/// session counts as its current secret; a locked vault needs `current_passphrase`.
pub fn restore_backup(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<String>,
    recovery_key: Option<String>,
    current_passphrase: Option<String>,
) -> Res<RestoreReport> {
    let (p, k) = (passphrase.map(Zeroizing::new), recovery_key.map(Zeroizing::new));
    let current_passphrase = current_passphrase.map(Zeroizing::new);
    let (s, path) = (secret(&p, &k), std::path::Path::new(&path));
    let mut options = app::restore::Options {
        current: current_passphrase.as_deref().map(|c| Current::Passphrase(c)),
        ..Default::default()
    };
    // Refuse a bad file before locking a vault the user is working in. A locked vault (first
    // run, the unlock screen) needs no separate check: restore verifies the whole file before it
    // touches anything.
    if state.is_unlocked() {
        options.current = Some(state.with_vault(|v| Ok(Current::session(v)))?);
        backup::verify(path, &s, &mut reporter(&app))?;
        state.lock();
    }
    let r = app::restore::restore(
        path,
        &state.dir,
        &s,
        &options,
        state.clock,
        ACTOR,
        &mut reporter(&app),
    );
    Ok(r?)
}
