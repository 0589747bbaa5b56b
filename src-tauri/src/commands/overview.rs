use kluis::app::overview::{self, Overview};
use tauri::State;

use super::Res;
use crate::state::AppState;

/// The compliance overview at the vault's clock (the first screen after unlock).
pub fn compliance_overview(state: State<'_, AppState>) -> Res<Overview> {
    state.with_vault(|v| overview::overview(v))
}
