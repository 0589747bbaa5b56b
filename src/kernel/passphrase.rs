//! Passphrase strength (zxcvbn), shown while typing and enforced when a passphrase is set.

use serde::Serialize;
use ts_rs::TS;

use crate::kernel::error::{Error, Result};

pub const MIN_LEN: usize = 10;
/// zxcvbn score needed: 3 of 4 ("safely unguessable: moderate protection from offline attacks").
pub const MIN_SCORE: u8 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Strength {
    /// 0 (very weak) to 4 (very strong).
    pub score: u8,
    /// Strong enough to protect a vault.
    pub acceptable: bool,
}

pub fn strength(passphrase: &str) -> Strength {
    let score = if passphrase.is_empty() {
        0
    } else {
        u8::from(zxcvbn::zxcvbn(passphrase, &["kluis"]).score())
    };
    Strength { score, acceptable: score >= MIN_SCORE && passphrase.chars().count() >= MIN_LEN }
}

pub fn require_strong(passphrase: &str) -> Result<()> {
    if strength(passphrase).acceptable {
        Ok(())
    } else {
        Err(Error::WeakPassphrase { min_len: MIN_LEN })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_and_strong_passphrases() {
        assert!(!strength("").acceptable);
        assert!(!strength("password12").acceptable);
        assert!(!strength("kluis12345").acceptable);
        assert!(strength("paars-olifant-fietst-morgen").acceptable);
        assert!(strength("correct horse battery staple").score >= 3);
    }
}
