//! Exports that leave the vault on the user's request.

pub mod contacts;
pub mod mailing;
pub mod sar;
