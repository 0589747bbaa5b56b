//! Kluis core: the encrypted vault, the GDPR domain and everything a user can do, with no
//! knowledge of windows or terminals. The desktop app (`src-tauri/`) and the `kluis`
//! command-line program are two front ends over these functions.

pub mod audit;
pub mod backup;
pub mod bindings;
pub mod bsn;
pub mod clock;
pub mod consent;
pub mod contacts;
pub mod controller;
pub mod demo;
mod enums;
pub mod error;
pub mod export;
pub mod passphrase;
pub mod register;
pub mod requests;
pub mod retention;
pub mod settings;
pub mod store;
pub mod suppression;
pub mod vault;

pub use clock::Clock;
pub use error::{ApiError, Error, ErrorCode, Result};
pub use vault::Vault;
