//! Kluis core: the encrypted vault, the GDPR domain and everything a user can do, with no
//! knowledge of windows or terminals. The desktop app (`src-tauri/`) and the `kluis`
//! command-line program are two front ends over these functions.
//!
//! Layers, lowest first; each imports only the layers below it (see docs/ARCHITECTURE.md):
//! `kernel` (clock, errors, crypto, files, dates, text enums, CSV/PDF), `store` (schema,
//! migrations, audit trail), `vault` (keys, open, lock, settings), `domain` (one module per
//! subject, in a fixed order), `app` (one function per user action that spans domains), and on
//! top `bindings` (the TypeScript types) and `demo` (synthetic data).

pub mod app;
pub mod bindings;
pub mod demo;
pub mod domain;
pub mod kernel;
pub mod store;
pub mod vault;

pub use kernel::clock::Clock;
pub use kernel::error::{ApiError, Error, ErrorCode, Result};
pub use vault::Vault;
