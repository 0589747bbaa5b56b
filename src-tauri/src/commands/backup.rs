use kluis::backup::auto::{self, BackupSettings, BackupStatus};
use kluis::backup::restore::{self, RestoreReport};
use kluis::backup::{self, BackupInfo, BackupSecret};
use tauri::State;
use zeroize::Zeroizing;

use super::Res;
use crate::state::{AppState, ACTOR};

#[tauri::command]
pub fn backup_status(state: State<'_, AppState>) -> Res<BackupStatus> {
    state.with_vault(|v| auto::status(v.conn(), v.now()))
}

#[tauri::command]
pub fn set_backup_settings(state: State<'_, AppState>, settings: BackupSettings) -> Res<()> {
    state.with_vault(|v| v.write(|tx, c| auto::set_settings(tx, c, &settings)))
}

/// A backup into the backup folder now (`force`) or when due; the file written, if any.
#[tauri::command]
pub async fn run_backup(state: State<'_, AppState>, force: bool) -> Res<Option<String>> {
    state.with_vault(|v| Ok(auto::run(v, force)?.map(|p| p.display().to_string())))
}

/// A backup to a file the user chose.
#[tauri::command]
pub async fn backup_to(state: State<'_, AppState>, path: String) -> Res<()> {
    state.with_vault(|v| backup::create(v, std::path::Path::new(&path)).map(drop))
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
#[tauri::command]
pub async fn test_restore(
    state: State<'_, AppState>,
    passphrase: Option<String>,
    recovery_key: Option<String>,
) -> Res<RestoreReport> {
    let (p, k) = (passphrase.map(Zeroizing::new), recovery_key.map(Zeroizing::new));
    let dir = state.with_vault(|v| auto::settings(v.conn()))?.dir;
    let dir = dir.ok_or(kluis::Error::invalid("dir", "no backup folder is set"))?;
    Ok(auto::test_restore(std::path::Path::new(&dir), &secret(&p, &k), state.clock)?)
}

#[tauri::command]
pub async fn verify_backup(
    path: String,
    passphrase: Option<String>,
    recovery_key: Option<String>,
) -> Res<BackupInfo> {
    let (p, k) = (passphrase.map(Zeroizing::new), recovery_key.map(Zeroizing::new));
    Ok(backup::verify(std::path::Path::new(&path), &secret(&p, &k))?)
}

/// Restores a backup into the vault folder (also from the first-run screen); the vault is
/// locked first and must be unlocked again afterwards.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<String>,
    recovery_key: Option<String>,
) -> Res<RestoreReport> {
    let (p, k) = (passphrase.map(Zeroizing::new), recovery_key.map(Zeroizing::new));
    let s = secret(&p, &k);
    backup::verify(std::path::Path::new(&path), &s)?;
    state.lock();
    Ok(restore::restore(std::path::Path::new(&path), &state.dir, &s, state.clock, ACTOR)?)
}
