//! The kernel: what every other layer uses and that knows no table and no domain rule — the
//! clock and the context of an action, errors, crypto primitives, atomic file writes, date
//! parsing, text enums, CSV and PDF rendering, the vCard format, the BSN 11-test, passphrase strength and the
//! language of documents. Nothing here imports another module of the crate.

pub mod bsn;
pub mod clock;
pub mod crypto;
pub mod csv;
pub mod date;
pub mod error;
pub mod fs;
pub mod language;
pub mod passphrase;
pub mod pdf;
mod str_enum;
pub mod vcard;
pub(crate) use str_enum::str_enum;
