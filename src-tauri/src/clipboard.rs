//! Copies of secrets (the recovery key) on the system clipboard: written from Rust, wiped after
//! 30 seconds, and wiped at once when the vault locks or the app closes — a copy must not
//! outlive the app because its timer died with the window. Only a copy that is still on the
//! clipboard is wiped; what the user copied since stays.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use sha2::{Digest, Sha256};
use tauri::{AppHandle, Runtime};
use tauri_plugin_clipboard_manager::ClipboardExt;

/// How long a sensitive copy stays on the clipboard.
pub const CLEAR_AFTER: Duration = Duration::from_secs(30);

/// The system clipboard, as far as this module needs it.
pub trait Board {
    fn read(&self) -> Option<String>;
    fn write(&self, text: &str) -> Result<(), String>;
}

/// The copy waiting to be wiped: only its digest is kept, never the secret itself.
struct Pending {
    digest: [u8; 32],
    generation: u64,
}

/// Remembers the sensitive copy that is still to be wiped.
#[derive(Default)]
pub struct SensitiveCopy {
    pending: Mutex<Option<Pending>>,
    /// Copies made so far: the generation of the newest.
    copies: AtomicU64,
}

fn digest(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

impl SensitiveCopy {
    /// Puts `text` on the clipboard; returns the generation a later [`Self::expire`] names.
    pub fn copy(&self, board: &dyn Board, text: &str) -> Result<u64, String> {
        board.write(text)?;
        let generation = self.copies.fetch_add(1, Ordering::SeqCst) + 1;
        *self.pending.lock().unwrap_or_else(PoisonError::into_inner) =
            Some(Pending { digest: digest(text), generation });
        Ok(generation)
    }

    /// The timer of copy `generation` ran out: wipe it, unless a newer copy replaced it.
    pub fn expire(&self, board: &dyn Board, generation: u64) {
        let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        if pending.as_ref().is_some_and(|p| p.generation == generation) {
            wipe(board, pending.take());
        }
    }

    /// The vault locks or the app closes: wipe a pending copy now.
    pub fn clear_now(&self, board: &dyn Board) {
        let pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner).take();
        wipe(board, pending);
    }
}

fn wipe(board: &dyn Board, pending: Option<Pending>) {
    let Some(p) = pending else { return };
    if board.read().is_some_and(|now| digest(&now) == p.digest) {
        // Nothing more can be done when the clipboard is unreachable.
        let _ = board.write("");
    }
}

/// The clipboard of the running app (the clipboard-manager plugin).
pub struct System<'a, R: Runtime>(pub &'a AppHandle<R>);

impl<R: Runtime> Board for System<'_, R> {
    fn read(&self) -> Option<String> {
        self.0.clipboard().read_text().ok()
    }
    fn write(&self, text: &str) -> Result<(), String> {
        self.0.clipboard().write_text(text).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    #[derive(Default)]
    struct Fake(RefCell<String>);

    impl Board for Fake {
        fn read(&self) -> Option<String> {
            Some(self.0.borrow().clone())
        }
        fn write(&self, text: &str) -> Result<(), String> {
            *self.0.borrow_mut() = text.to_owned();
            Ok(())
        }
    }

    #[test]
    fn a_pending_copy_is_wiped_when_the_app_closes() {
        let (board, copy) = (Fake::default(), SensitiveCopy::default());
        copy.copy(&board, "ABCD-EFGH").unwrap();
        assert_eq!(board.read().unwrap(), "ABCD-EFGH");
        copy.clear_now(&board);
        assert_eq!(board.read().unwrap(), "");
    }

    #[test]
    fn the_timer_wipes_its_own_copy_only() {
        let (board, copy) = (Fake::default(), SensitiveCopy::default());
        let first = copy.copy(&board, "EERSTE").unwrap();
        let second = copy.copy(&board, "TWEEDE").unwrap();
        copy.expire(&board, first);
        assert_eq!(board.read().unwrap(), "TWEEDE", "a newer copy keeps its own 30 seconds");
        copy.expire(&board, second);
        assert_eq!(board.read().unwrap(), "");
    }

    #[test]
    fn what_the_user_copied_since_is_left_alone() {
        let (board, copy) = (Fake::default(), SensitiveCopy::default());
        copy.copy(&board, "GEHEIM").unwrap();
        board.write("boodschappenlijst").unwrap();
        copy.clear_now(&board);
        assert_eq!(board.read().unwrap(), "boodschappenlijst");
        copy.clear_now(&board);
        assert_eq!(board.read().unwrap(), "boodschappenlijst", "nothing pending, nothing wiped");
    }
}
