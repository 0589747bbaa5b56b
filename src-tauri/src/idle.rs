//! Auto-lock: a background thread that warns the UI a minute before (`idle-warning`), locks an
//! idle vault and tells the UI. An idle lock ends
//! the working session, so what changed since the last backup is backed up first.

use std::thread;
use std::time::Duration;

use kluis::domain::backup::auto::{AutoBackup, When};
use tauri::{AppHandle, Emitter, Manager};

use crate::clipboard::System;
use crate::commands::backup::{automatic, AUTO_EVENT};
use crate::state::AppState;

pub const LOCKED_EVENT: &str = "vault-locked";
/// Sent once when the idle lock is near; the payload is the whole seconds left.
pub const WARNING_EVENT: &str = "idle-warning";

pub fn spawn(app: AppHandle) {
    thread::spawn(move || loop {
        thread::sleep(Duration::from_secs(1));
        let state = app.state::<AppState>();
        if let Some(seconds_left) = state.idle_warning_due() {
            let _ = app.emit(WARNING_EVENT, seconds_left);
        }
        if !state.is_idle() {
            continue;
        }
        let backup = automatic(&app, When::Exit);
        let locked = state.lock();
        state.clipboard.clear_now(&System(&app));
        if locked {
            // The UI may be gone already when the app is closing; nothing to do then.
            let _ = app.emit(LOCKED_EVENT, ());
            // A failure is worth telling at the next unlock; a success is not.
            if let Some(failed @ AutoBackup { error: Some(_), .. }) = backup {
                let _ = app.emit(AUTO_EVENT, failed);
            }
        }
    });
}
