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
