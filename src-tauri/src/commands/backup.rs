use kluis::app::restore::{Current, RestoreReport, RestoreSecrets};
use kluis::app::{self};
use kluis::domain::backup::auto::{self, AutoBackup, BackupSettings, BackupStatus, When};
use kluis::domain::backup::restore::RestoreCheck;
use kluis::domain::backup::{self, BackupSecret, Progress};
use tauri::{AppHandle, Emitter, Manager, State};
use zeroize::Zeroizing;

use super::{ui_language, Res};
use crate::dialog::{self, Save};
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

/// How many automatic backups to keep and how often; the folder stays as it is.
pub fn set_backup_settings(state: State<'_, AppState>, keep: u32, every_hours: u32) -> Res<()> {
    state.with_vault(|v| {
        let dir = auto::settings(v.conn())?.dir;
        v.write(|tx, c| auto::set_settings(tx, c, &BackupSettings { dir, keep, every_hours }))
    })
}

/// Asks for the backup folder in the folder dialog and turns automatic backups on into it; the
/// folder, None when the user cancelled (nothing changed).
pub fn choose_backup_folder(app: AppHandle, state: State<'_, AppState>) -> Res<Option<String>> {
    state.with_vault(|_| Ok(()))?;
    let Some(folder) = dialog::pick_folder(&app, ui_language(&state)) else {
        return Ok(None);
    };
    let dir = folder.display().to_string();
    state.with_vault(|v| {
        let settings = BackupSettings { dir: Some(dir.clone()), ..auto::settings(v.conn())? };
        v.write(|tx, c| auto::set_settings(tx, c, &settings))
    })?;
    Ok(Some(dir))
}

/// Turns automatic backups off (forgets the folder; the backups in it stay).
pub fn stop_automatic_backups(state: State<'_, AppState>) -> Res<()> {
    state.with_vault(|v| {
        let settings = BackupSettings { dir: None, ..auto::settings(v.conn())? };
        v.write(|tx, c| auto::set_settings(tx, c, &settings))
    })
}

/// A backup into the backup folder now (`force`) or when due; the file written, if any.
pub fn run_backup(app: AppHandle, state: State<'_, AppState>, force: bool) -> Res<Option<String>> {
    let when = if force { When::Now } else { When::Due };
    state.with_vault(|v| {
        Ok(auto::run(v, when, &mut reporter(&app))?.map(|p| p.display().to_string()))
    })
}

/// A backup to a file the user chooses in the save dialog; the file written, None when the user
/// cancelled.
pub fn backup_to(app: AppHandle, state: State<'_, AppState>) -> Res<Option<String>> {
    // Refused while locked before a dialog asks where to save.
    state.with_vault(|_| Ok(()))?;
    let Some(path) = dialog::save(&app, ui_language(&state), &Save::Backup) else {
        return Ok(None);
    };
    state.with_vault(|v| backup::create(v, &path, &mut reporter(&app)).map(drop))?;
    Ok(Some(path.display().to_string()))
}

/// Asks for a backup file in the open dialog and keeps it for `verify_backup` and
/// `restore_backup`; the file chosen, None when the user cancelled (an earlier choice stays).
pub fn pick_backup(app: AppHandle, state: State<'_, AppState>) -> Option<String> {
    let file = dialog::open_backup(&app, ui_language(&state))?;
    let shown = file.display().to_string();
    state.pick_backup(file);
    Some(shown)
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

/// The options of a restore over the vault in the folder: its unlocked session counts as its
/// current secret, else the one typed (or the remembered key).
fn options<'a>(state: &AppState, secrets: &'a RestoreSecrets) -> Res<app::restore::Options<'a>> {
    let session = match state.is_unlocked() {
        true => Some(state.with_vault(|v| Ok(Current::session(v)))?),
        false => None,
    };
    Ok(secrets.options(session))
}

/// Checks the backup file chosen with `pick_backup` whole and says what restoring it would
/// need confirmed or given; changes nothing.
pub fn verify_backup(
    app: AppHandle,
    state: State<'_, AppState>,
    secrets: RestoreSecrets,
) -> Res<RestoreCheck> {
    let path = state.picked_backup()?;
    let options = options(&state, &secrets)?;
    let (backup, on) = (secrets.backup(), &mut reporter(&app));
    Ok(app::restore::check(&path, &state.dir, &backup, &options, on)?)
}

/// Restores the backup file chosen with `pick_backup` into the vault folder (also from the
/// first-run screen); the vault is locked first and must be unlocked again afterwards. Over an
/// existing vault the unlocked session counts as its current secret; a locked vault needs the
/// current secret in `secrets`. A backup of another vault needs `confirm_other_vault`, a newer
/// backup no secret opens `accept_unreadable_newer`.
pub fn restore_backup(
    app: AppHandle,
    state: State<'_, AppState>,
    secrets: RestoreSecrets,
    confirm_other_vault: bool,
    accept_unreadable_newer: bool,
) -> Res<RestoreReport> {
    let path = state.picked_backup()?;
    let mut options = options(&state, &secrets)?;
    options.other_vault = confirm_other_vault;
    options.accept_unreadable_newer = accept_unreadable_newer;
    let s = secrets.backup();
    // Refuse a bad file before locking a vault the user is working in. A locked vault (first
    // run, the unlock screen) needs no separate check: restore verifies the whole file before it
    // touches anything.
    if state.is_unlocked() {
        backup::verify(&path, &s, &mut reporter(&app))?;
        state.lock();
    }
    let r = app::restore::restore(
        &path,
        &state.dir,
        &s,
        &options,
        state.clock,
        ACTOR,
        &mut reporter(&app),
    );
    Ok(r?)
}
