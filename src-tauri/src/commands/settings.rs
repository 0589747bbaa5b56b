use kluis::vault::settings::Settings;
use tauri::State;

use super::Res;
use crate::state::AppState;

/// Works while locked: the unlock screen needs the language.
pub fn get_settings(state: State<'_, AppState>) -> Settings {
    Settings::load(&state.dir)
}

pub fn set_settings(state: State<'_, AppState>, settings: Settings) -> Res<()> {
    settings.save(&state.dir)?;
    state.set_idle_limit(AppState::idle_limit_for(&settings));
    Ok(())
}

/// Test-only (debug builds): with `KLUIS_TEST_SAVE_DIR` set, the save dialog is bypassed and a
/// file goes to that folder under its default name, so end-to-end tests can save files.
/// Release builds always answer `None`.
pub fn save_path_override(file_name: String) -> Option<String> {
    if !cfg!(debug_assertions) {
        return None;
    }
    let dir = std::env::var_os("KLUIS_TEST_SAVE_DIR")?;
    let name = std::path::Path::new(&file_name).file_name()?;
    Some(std::path::Path::new(&dir).join(name).display().to_string())
}
