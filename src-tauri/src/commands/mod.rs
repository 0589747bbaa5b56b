//! The functions behind the Tauri commands (declared, with where they run, in ../ipc.rs): each
//! takes its parsed arguments, calls the core and maps the error to `{ code, message, field }`.
//! No business logic lives here.

pub mod backup;
pub mod breaches;
pub mod bulk;
pub mod contacts;
pub mod import;
pub mod overview;
pub mod privacy;
pub mod processors;
pub mod register;
pub mod requests;
pub mod retention;
pub mod settings;
pub mod statement;
pub mod unsubscribes;
pub mod vault;

pub type Res<T> = Result<T, kluis::ApiError>;

/// The language of the app (the settings), for the texts of the file dialogs.
fn ui_language(state: &crate::state::AppState) -> kluis::kernel::language::Language {
    kluis::vault::settings::Settings::load(&state.dir).language
}
