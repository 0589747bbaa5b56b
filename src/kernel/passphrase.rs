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

/// The words an attacker tries first for this vault, given to zxcvbn as its user inputs:
/// "kluis", the vault folder's name and the business name, each also split into its words
/// ("Salon Mooi" gives "salon mooi", "salon" and "mooi").
pub fn user_inputs(folder: Option<&str>, business: Option<&str>) -> Vec<String> {
    let mut inputs = vec!["kluis".to_owned()];
    for text in [folder, business].into_iter().flatten() {
        let text = text.trim().to_lowercase();
        if text.is_empty() {
            continue;
        }
        let words = text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() >= 3);
        for word in std::iter::once(text.as_str()).chain(words) {
            if !inputs.iter().any(|i| i == word) {
                inputs.push(word.to_owned());
            }
        }
    }
    inputs
}

/// The strength of `passphrase`, with `inputs` (see [`user_inputs`]) counted as guessable.
pub fn strength(passphrase: &str, inputs: &[String]) -> Strength {
    let score = if passphrase.is_empty() {
        0
    } else {
        let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
        u8::from(zxcvbn::zxcvbn(passphrase, &inputs).score())
    };
    Strength { score, acceptable: score >= MIN_SCORE && passphrase.chars().count() >= MIN_LEN }
}

pub fn require_strong(passphrase: &str, inputs: &[String]) -> Result<()> {
    if strength(passphrase, inputs).acceptable {
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
        let none = user_inputs(None, None);
        assert!(!strength("", &none).acceptable);
        assert!(!strength("password12", &none).acceptable);
        assert!(!strength("kluis12345", &none).acceptable);
        assert!(strength("paars-olifant-fietst-morgen", &none).acceptable);
        assert!(strength("correct horse battery staple", &none).score >= 3);
    }

    #[test]
    fn the_business_and_folder_names_are_guessable() {
        let salon = user_inputs(Some("kluis"), Some("Salon Mooi"));
        assert!(salon.contains(&"salon".to_owned()), "{salon:?}");
        assert!(!strength("Salon2024!", &salon).acceptable, "{:?}", strength("Salon2024!", &salon));
        // Without the business name it would pass: the inputs make the difference.
        assert!(strength("Salon2024!", &user_inputs(None, None)).acceptable);
        let tuin = user_inputs(Some("hoveniers-de-eik"), None);
        assert!(!strength("Hoveniers2024", &tuin).acceptable);
        // A passphrase that has nothing to do with the business stays strong.
        assert!(strength("paars-olifant-fietst-morgen", &salon).acceptable);
    }
}
