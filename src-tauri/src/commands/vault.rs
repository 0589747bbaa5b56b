use kluis::app::check::CheckReport;
use kluis::app::{self, unlock::Unlocked};
use kluis::domain::backup::auto::{AutoBackup, When};
use kluis::domain::retention::purge::PurgeReport;
use kluis::kernel::passphrase::Strength;
use kluis::vault::{self as core_vault, Created, RotatedKey, VaultStatus};
use kluis::Vault;
use std::thread;

use tauri::{AppHandle, Emitter, Manager, State};
use zeroize::Zeroizing;

use super::Res;
use crate::clipboard;
use crate::state::{AppState, ACTOR};

pub fn vault_status(state: State<'_, AppState>) -> VaultStatus {
    app::unlock::vault_status(&state.dir, state.is_unlocked())
}

/// Counts the folder name, "kluis" and (when unlocked) the business name as guessable: the
/// core knows them, the window does not pass them.
pub fn passphrase_strength(state: State<'_, AppState>, passphrase: String) -> Strength {
    let passphrase = Zeroizing::new(passphrase);
    state
        .with_vault(|v| Ok(core_vault::passphrase_strength(&state.dir, Some(v), &passphrase)))
        .unwrap_or_else(|_| core_vault::passphrase_strength(&state.dir, None, &passphrase))
}

pub fn create_vault(
    state: State<'_, AppState>,
    passphrase: String,
    remember: bool,
) -> Res<Created> {
    let passphrase = Zeroizing::new(passphrase);
    let new = Vault::create(&state.dir, &passphrase, state.clock, ACTOR)?;
    let remembered = remember && new.vault.remember().is_ok();
    let vault_id = new.vault.id().to_owned();
    state.set_unlocked(new.vault);
    let created = Created { recovery_key: new.recovery_key, vault_id, remembered };
    Ok(created)
}

/// Keeps the unlocked vault, starts the automatic backup when one is due, and hands back what
/// the retention purge at opening did.
fn opened(app: AppHandle, state: &AppState, unlocked: Unlocked) -> Option<PurgeReport> {
    state.set_unlocked(unlocked.vault);
    super::backup::after_unlock(app);
    Some(unlocked.purge)
}

pub fn unlock(
    app: AppHandle,
    state: State<'_, AppState>,
    passphrase: String,
) -> Res<Option<PurgeReport>> {
    let passphrase = Zeroizing::new(passphrase);
    Ok(opened(app, &state, app::unlock::unlock(&state.dir, &passphrase, state.clock, ACTOR)?))
}

pub fn unlock_remembered(app: AppHandle, state: State<'_, AppState>) -> Res<Option<PurgeReport>> {
    Ok(opened(app, &state, app::unlock::unlock_remembered(&state.dir, state.clock, ACTOR)?))
}

pub fn unlock_with_recovery(
    app: AppHandle,
    state: State<'_, AppState>,
    recovery_key: String,
    new_passphrase: String,
) -> Res<Option<PurgeReport>> {
    let (key, new) = (Zeroizing::new(recovery_key), Zeroizing::new(new_passphrase));
    Ok(opened(app, &state, app::unlock::recover(&state.dir, &key, &new, state.clock, ACTOR)?))
}

/// Locks; like an idle lock it ends the session, so what changed is backed up first.
pub fn lock(app: AppHandle, state: State<'_, AppState>) -> Res<()> {
    let backup = super::backup::automatic(&app, When::Exit);
    state.lock();
    state.clipboard.clear_now(&clipboard::System(&app));
    // A failure is worth telling at the next unlock; a success is not.
    if let Some(failed @ AutoBackup { error: Some(_), .. }) = backup {
        let _ = app.emit(super::backup::AUTO_EVENT, failed);
    }
    Ok(())
}

/// Closes the app, as the window's close button does: what changed is backed up first (see the
/// exit handler in main.rs).
pub fn quit(app: AppHandle) {
    app.exit(0);
}

/// Copies a secret (the recovery key) to the clipboard and wipes it after 30 seconds, at a
/// lock or when the app closes, whichever comes first.
pub fn copy_sensitive(app: AppHandle, state: State<'_, AppState>, text: String) -> Res<()> {
    let text = Zeroizing::new(text);
    let generation = state
        .clipboard
        .copy(&clipboard::System(&app), &text)
        .map_err(|e| kluis::Error::Io(std::io::Error::other(e)))?;
    thread::spawn(move || {
        thread::sleep(clipboard::CLEAR_AFTER);
        app.state::<AppState>().clipboard.expire(&clipboard::System(&app), generation);
    });
    Ok(())
}

pub fn copy_text(app: AppHandle, text: String) -> Res<()> {
    use clipboard::Board;
    clipboard::System(&app).write(&text).map_err(|e| kluis::Error::Io(std::io::Error::other(e)))?;
    Ok(())
}

pub fn touch(state: State<'_, AppState>) {
    state.touch();
}

pub fn change_passphrase(state: State<'_, AppState>, current: String, next: String) -> Res<()> {
    let (current, next) = (Zeroizing::new(current), Zeroizing::new(next));
    state.with_vault(|v| v.change_passphrase(&current, &next))
}

pub fn remember_device(state: State<'_, AppState>) -> Res<()> {
    state.with_vault(|v| v.remember())
}

pub fn forget_device(state: State<'_, AppState>) -> Res<()> {
    if state.is_unlocked() {
        state.with_vault(|v| v.forget().map(drop))
    } else {
        Ok(core_vault::forget(&state.dir).map(drop)?)
    }
}

/// New data key, passphrase and recovery key (returned once); remembered keys are forgotten.
pub fn rotate_key(state: State<'_, AppState>, current: String, next: String) -> Res<RotatedKey> {
    let (current, next) = (Zeroizing::new(current), Zeroizing::new(next));
    state.with_vault(|v| {
        let recovery_key = v.rotate_key(&current, &next)?;
        Ok(RotatedKey { recovery_key, vault_id: v.id().to_owned() })
    })
}

/// Every integrity check of the unlocked vault ("Check vault" in Settings).
pub fn check_vault(state: State<'_, AppState>) -> Res<CheckReport> {
    state.with_vault(|v| app::check::check(v))
}
