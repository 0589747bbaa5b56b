//! The managed state: the vault folder and either nothing (locked) or the unlocked vault,
//! behind a mutex; plus the idle clock for auto-lock.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use kluis::vault::settings::Settings;
use kluis::{ApiError, Clock, Error, Vault};

use crate::clipboard::SensitiveCopy;

/// Who the audit trail names for actions taken in the app.
pub const ACTOR: &str = "desktop";

pub struct AppState {
    pub dir: PathBuf,
    pub clock: Clock,
    vault: Mutex<Option<Vault>>,
    /// The backup file last chosen in the open dialog, for the verify and restore that follow.
    picked_backup: Mutex<Option<PathBuf>>,
    last_activity: Mutex<Instant>,
    idle_limit: Mutex<Duration>,
    /// The UI was warned that the idle lock is near (reset by activity).
    warned: Mutex<bool>,
    /// The recovery key copied to the clipboard, still to be wiped.
    pub clipboard: SensitiveCopy,
    /// The unsubscribe file last previewed, for the import that follows.
    picked_unsubscribes: Mutex<Option<PathBuf>>,
    /// The address-book file last chosen in the import wizard, for its inspect, preview and
    /// import.
    picked_import: Mutex<Option<PathBuf>>,
}

/// How long before the idle lock the UI is warned: a minute, or half the limit when that is
/// shorter (an idle limit of a minute warns after 30 seconds, not at once).
pub fn warning_lead(limit: Duration) -> Duration {
    Duration::from_secs(60).min(limit / 2)
}

fn guard<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere must not make the vault unreachable; the data behind it is still valid.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl AppState {
    pub fn new(dir: PathBuf, clock: Clock, idle_limit: Duration) -> AppState {
        AppState {
            dir,
            clock,
            vault: Mutex::new(None),
            picked_backup: Mutex::new(None),
            last_activity: Mutex::new(Instant::now()),
            idle_limit: Mutex::new(idle_limit),
            warned: Mutex::new(false),
            clipboard: SensitiveCopy::default(),
            picked_unsubscribes: Mutex::new(None),
            picked_import: Mutex::new(None),
        }
    }

    /// Keeps the unsubscribe file the user chose and previewed.
    pub fn pick_unsubscribes(&self, file: PathBuf) {
        *guard(&self.picked_unsubscribes) = Some(file);
    }

    /// The unsubscribe file previewed last, taken (an import uses it once); `invalid_input`
    /// (`file`) when none was.
    pub fn take_unsubscribes(&self) -> Result<PathBuf, Error> {
        guard(&self.picked_unsubscribes)
            .take()
            .ok_or_else(|| Error::invalid("file", "choose the file with the unsubscribes first"))
    }

    /// The idle time after which the vault locks: the setting, or in debug builds
    /// `KLUIS_IDLE_SECONDS` (so end-to-end tests need not wait minutes).
    pub fn idle_limit_for(settings: &Settings) -> Duration {
        let from_env = cfg!(debug_assertions)
            .then(|| std::env::var("KLUIS_IDLE_SECONDS").ok()?.parse::<u64>().ok())
            .flatten();
        from_env.map_or(
            Duration::from_secs(u64::from(settings.auto_lock_minutes) * 60),
            Duration::from_secs,
        )
    }

    pub fn set_idle_limit(&self, limit: Duration) {
        *guard(&self.idle_limit) = limit;
    }

    /// Keeps the backup file the user chose.
    pub fn pick_backup(&self, file: PathBuf) {
        *guard(&self.picked_backup) = Some(file);
    }

    /// The backup file the user chose last; `invalid_input` (`file`) when none was.
    pub fn picked_backup(&self) -> Result<PathBuf, Error> {
        guard(&self.picked_backup)
            .clone()
            .ok_or_else(|| Error::invalid("file", "choose a backup file first"))
    }

    /// Keeps the address-book file the user chose to import.
    pub fn pick_import(&self, file: PathBuf) {
        *guard(&self.picked_import) = Some(file);
    }

    /// The address-book file the user chose last; `invalid_input` (`file`) when none was.
    pub fn picked_import(&self) -> Result<PathBuf, Error> {
        guard(&self.picked_import)
            .clone()
            .ok_or_else(|| Error::invalid("file", "choose a file to import first"))
    }

    pub fn is_unlocked(&self) -> bool {
        guard(&self.vault).is_some()
    }

    /// Runs `f` on the unlocked vault; `Locked` when there is none. Counts as activity.
    pub fn with_vault<T>(
        &self,
        f: impl FnOnce(&mut Vault) -> kluis::Result<T>,
    ) -> Result<T, ApiError> {
        self.touch();
        let mut g = guard(&self.vault);
        let vault = g.as_mut().ok_or(Error::Locked)?;
        Ok(f(vault)?)
    }

    /// Keeps an unlocked vault (locking any other first).
    pub fn set_unlocked(&self, vault: Vault) {
        self.touch();
        if let Some(old) = guard(&self.vault).replace(vault) {
            old.lock();
        }
    }

    /// Locks: closes the database and wipes the key. `true` when a vault was open.
    pub fn lock(&self) -> bool {
        match guard(&self.vault).take() {
            Some(v) => {
                v.lock();
                true
            }
            None => false,
        }
    }

    pub fn touch(&self) {
        *guard(&self.last_activity) = Instant::now();
        *guard(&self.warned) = false;
    }

    /// The whole seconds left before the idle lock, once per idle stretch, when the lock is
    /// near ([`warning_lead`] ahead) and the vault is unlocked: the UI then shows a countdown.
    pub fn idle_warning_due(&self) -> Option<u64> {
        let elapsed = guard(&self.last_activity).elapsed();
        let limit = *guard(&self.idle_limit);
        let left = limit.saturating_sub(elapsed);
        if left.is_zero() || left > warning_lead(limit) || !self.is_unlocked() {
            return None;
        }
        let mut warned = guard(&self.warned);
        if *warned {
            return None;
        }
        *warned = true;
        Some(left.as_secs_f64().round() as u64)
    }

    /// The vault is unlocked and has been idle longer than the limit.
    pub fn is_idle(&self) -> bool {
        // The activity clock is let go before waiting for the vault, which a long command may
        // hold: `touch` (on the main thread) must never wait behind it.
        let idle = guard(&self.last_activity).elapsed() >= *guard(&self.idle_limit);
        idle && self.is_unlocked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_comes_a_minute_before_the_lock_or_halfway_for_short_limits() {
        assert_eq!(warning_lead(Duration::from_secs(600)), Duration::from_secs(60));
        assert_eq!(warning_lead(Duration::from_secs(60)), Duration::from_secs(30));
        assert_eq!(warning_lead(Duration::from_secs(4)), Duration::from_secs(2));
    }

    #[test]
    fn no_warning_while_locked() {
        let state = AppState::new(PathBuf::from("/nonexistent"), Clock::System, Duration::ZERO);
        state.set_idle_limit(Duration::from_secs(1));
        assert_eq!(state.idle_warning_due(), None);
    }
}
