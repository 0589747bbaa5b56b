//! Kluis desktop: the Tauri 2 shell over the kluis core. Commands are thin adapters
//! (src/commands); the managed state is "locked" or "unlocked(vault)"; a background thread
//! locks an idle vault.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod idle;
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
        .manage(AppState::new(dir, clock, idle))
        .setup(|app| {
            idle::spawn(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::vault::vault_status,
            commands::vault::passphrase_strength,
            commands::vault::create_vault,
            commands::vault::unlock,
            commands::vault::unlock_remembered,
            commands::vault::unlock_with_recovery,
            commands::vault::lock,
            commands::vault::quit,
            commands::vault::touch,
            commands::vault::change_passphrase,
            commands::vault::rotate_key,
            commands::vault::remember_device,
            commands::vault::forget_device,
            commands::contacts::list_contacts,
            commands::contacts::get_contact,
            commands::contacts::create_contact,
            commands::contacts::update_contact,
            commands::contacts::add_interaction,
            commands::settings::get_settings,
            commands::settings::set_settings,
            commands::settings::save_path_override,
            commands::register::list_purposes,
            commands::register::purpose_proposals,
            commands::register::create_purpose,
            commands::register::update_purpose,
            commands::register::list_fields,
            commands::register::define_field,
            commands::register::triage_list,
            commands::register::repermission_list,
            commands::register::export_mailing_list,
            commands::privacy::contact_privacy,
            commands::privacy::link_purpose,
            commands::privacy::unlink_purpose,
            commands::privacy::give_consent,
            commands::privacy::withdraw_consent,
            commands::privacy::set_field,
            commands::privacy::restrict_contact,
            commands::privacy::unrestrict_contact,
            commands::privacy::object_contact,
            commands::retention::retention_rules,
            commands::retention::set_retention_rule,
            commands::retention::purge_plan,
            commands::retention::purge_now,
            commands::retention::review_queue,
            commands::retention::review_keep,
            commands::retention::review_delete,
            commands::retention::deletion_log,
            commands::retention::retention_policy,
            commands::retention::save_retention_policy,
            commands::retention::save_deletion_log,
            commands::retention::list_documents,
            commands::retention::add_document,
            commands::requests::list_requests,
            commands::requests::add_request,
            commands::requests::extend_request,
            commands::requests::record_identity,
            commands::requests::close_request,
            commands::requests::export_subject_access,
            commands::requests::erasure_preview,
            commands::requests::erase_contact,
            commands::requests::get_controller,
            commands::requests::set_controller,
            commands::backup::backup_status,
            commands::backup::set_backup_settings,
            commands::backup::run_backup,
            commands::backup::backup_to,
            commands::backup::test_restore,
            commands::backup::verify_backup,
            commands::backup::restore_backup,
        ])
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
                app.state::<AppState>().lock();
            }
        }),
        Err(e) => {
            eprintln!("error: the Kluis window could not start: {e}");
            std::process::exit(1);
        }
    }
}
