//! Preferences kept beside the vault in `settings.json`. They hold no personal data, so they
//! can be read while the vault is locked (the unlock screen needs the language).

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kernel::error::{Error, Result};
use crate::kernel::fs::write_atomic;
use crate::kernel::language::Language;

pub const FILE_NAME: &str = "settings.json";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    pub language: Language,
    pub auto_lock_minutes: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { language: Language::Nl, auto_lock_minutes: 10 }
    }
}

impl Settings {
    /// The settings in `dir`, or the defaults when there are none or they cannot be read.
    pub fn load(dir: &Path) -> Settings {
        std::fs::read(dir.join(FILE_NAME))
            .ok()
            .and_then(|b| serde_json::from_slice::<Settings>(&b).ok())
            .filter(|s| s.validate().is_ok())
            .unwrap_or_default()
    }

    pub fn validate(&self) -> Result<()> {
        if !(1..=240).contains(&self.auto_lock_minutes) {
            return Err(Error::invalid(
                "auto_lock_minutes",
                "auto-lock must be between 1 and 240 minutes",
            ));
        }
        Ok(())
    }

    pub fn save(&self, dir: &Path) -> Result<()> {
        self.validate()?;
        std::fs::create_dir_all(dir)?;
        let json = serde_json::to_vec_pretty(self).map_err(|e| Error::Internal(e.to_string()))?;
        write_atomic(dir, FILE_NAME, &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_bad_values_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Settings::load(dir.path()), Settings::default());
        let s = Settings { language: Language::En, auto_lock_minutes: 5 };
        s.save(dir.path()).unwrap();
        assert_eq!(Settings::load(dir.path()), s);
        let bad = Settings { auto_lock_minutes: 0, ..s };
        assert!(bad.save(dir.path()).is_err());
        assert_eq!(Settings::load(dir.path()), s);
    }
}
