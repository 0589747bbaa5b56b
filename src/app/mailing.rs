//! A mailing list for one purpose, written to a file.

use std::path::Path;

use crate::domain::export::mailing;
use crate::kernel::error::Result;
use crate::kernel::fs::write_file;
use crate::vault::Vault;

/// Writes the CSV of the people who may be mailed for `purpose_id` to `path`; returns how
/// many there are.
pub fn export_mailing_list(vault: &mut Vault, purpose_id: i64, path: &Path) -> Result<usize> {
    let (csv, rows) = vault.write(|tx, c| mailing::csv(tx, c, purpose_id))?;
    write_file(path, csv.as_bytes())?;
    Ok(rows)
}
