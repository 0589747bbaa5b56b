//! Exports that leave the vault on the user's request.

pub mod csv;
pub mod mailing;
pub mod pdf;
pub mod sar;
