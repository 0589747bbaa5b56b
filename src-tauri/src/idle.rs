//! Auto-lock: a background thread that locks an idle vault and tells the UI.

use std::thread;
use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

pub const LOCKED_EVENT: &str = "vault-locked";

pub fn spawn(app: AppHandle) {
    thread::spawn(move || loop {
        thread::sleep(Duration::from_secs(1));
        if app.state::<AppState>().lock_if_idle() {
            // The UI may be gone already when the app is closing; nothing to do then.
            let _ = app.emit(LOCKED_EVENT, ());
        }
    });
}
