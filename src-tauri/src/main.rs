//! Kluis desktop: the Tauri 2 shell over the kluis core. The commands are declared once in
//! src/ipc.rs (registration, TypeScript map, docs/IPC.md) over thin functions in
//! src/commands; the managed state is "locked" or "unlocked(vault)"; a background thread
//! locks an idle vault.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod clipboard;
mod commands;
mod dialog;
mod idle;
mod ipc;
mod state;

use kluis::domain::backup::auto::When;
use kluis::vault::settings::Settings;
use kluis::Clock;
use state::AppState;
use tauri::{Manager, RunEvent};

/// The clock: the system's, or in debug builds `KLUIS_NOW` (tests of dates and deadlines).
fn clock() -> Result<Clock, kluis::Error> {
    match std::env::var("KLUIS_NOW") {
        Ok(now) if cfg!(debug_assertions) => Clock::fixed_from_rfc3339(&now),
        _ => Ok(Clock::System),
    }
}

fn main() {
    let dir = kluis::vault::default_dir();
    let clock = match clock() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: KLUIS_NOW: {e}");
            std::process::exit(2);
        }
    };
    let idle = AppState::idle_limit_for(&Settings::load(&dir));
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(AppState::new(dir, clock, idle))
        .setup(|app| {
            idle::spawn(app.handle().clone());
            Ok(())
        })
        .invoke_handler(ipc::handler())
        .build(tauri::generate_context!("../tauri.conf.json"));
    match result {
        Ok(app) => app.run(|app, event| {
            if let RunEvent::Exit = event {
                // Closing the app ends the session: back up what changed, then lock.
                if let Some(kluis::domain::backup::auto::AutoBackup { error: Some(e), .. }) =
                    commands::backup::automatic(app, When::Exit)
                {
                    eprintln!("error: the automatic backup on exit failed: {}", e.message);
                }
                let state = app.state::<AppState>();
                state.lock();
                // A recovery key copied less than 30 seconds ago must not outlive the app.
                state.clipboard.clear_now(&clipboard::System(app));
            }
        }),
        Err(e) => {
            eprintln!("error: the Kluis window could not start: {e}");
            std::process::exit(1);
        }
    }
}
