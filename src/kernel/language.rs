//! The language of the interface and of the documents the core writes (subject-access
//! report, retention policy, purpose proposals, rule descriptions).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Nl,
    En,
}

impl Language {
    /// The language a command-line `--lang` value asks for: `en` is English, anything else
    /// Dutch (the default).
    pub fn from_tag(tag: &str) -> Language {
        if tag == "en" {
            Language::En
        } else {
            Language::Nl
        }
    }

    pub fn is_dutch(self) -> bool {
        self == Language::Nl
    }
}
